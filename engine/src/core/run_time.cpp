// Locust 2.12's time-span syntax: a prefix match.
#include "core/run_time.hpp"

#include <cctype>
#include <cstdint>

namespace hornet::core {

namespace {

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads a run of digits starting at `pos`; nullopt if there is none or it would overflow
// (no real run is longer than a few decades, so 18 digits is a generous cap).
std::optional<std::uint64_t> read_number(std::string_view text, std::size_t& pos)
{
    std::size_t start = pos;
    std::uint64_t value = 0;
    while (pos < text.size() && is_digit(text[pos])) {
        if (pos - start >= 18) return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(text[pos] - '0');
        ++pos;
    }
    if (pos == start) return std::nullopt;
    return value;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

} // namespace

namespace {

struct reading
{
    double seconds = 0;
    std::size_t used = 0; ///< characters of the trimmed text that were read
};

// Locust 2.12's regex ((\d+)h)?((\d+)m)?((\d+)s)? matched at the start: each part only when
// its digits are followed by its unit letter, and the first missing part ends the reading.
std::optional<reading> read_run_time(std::string_view text)
{
    if (text.empty()) return std::nullopt;
    std::size_t pos = 0;
    auto plain = read_number(text, pos);
    if (plain && pos == text.size()) return reading{static_cast<double>(*plain), pos};

    static constexpr struct
    {
        char unit;
        std::uint64_t seconds;
    } units[] = {{'h', 3600}, {'m', 60}, {'s', 1}};
    reading r;
    bool any = false;
    for (const auto& u : units) {
        std::size_t at = r.used;
        auto number = read_number(text, at);
        if (!number) {
            // More than 18 digits: not a run time anyone means (Locust overflows timedelta).
            if (at < text.size() && is_digit(text[at])) return std::nullopt;
            continue;
        }
        if (at == text.size() || text[at] != u.unit) continue;
        r.seconds += static_cast<double>(*number) * static_cast<double>(u.seconds);
        r.used = at + 1;
        any = true;
    }
    if (!any) return std::nullopt;
    return r;
}

} // namespace

std::optional<double> parse_run_time(std::string_view text, bool whole)
{
    text = trim(text);
    auto r = read_run_time(text);
    if (!r || (whole && r->used != text.size())) return std::nullopt;
    return r->seconds;
}

} // namespace hornet::core
