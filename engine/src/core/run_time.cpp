// Locust's time-span syntax, full-match variant.
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

std::optional<double> parse_run_time(std::string_view text)
{
    text = trim(text);
    if (text.empty()) return std::nullopt;

    std::size_t pos = 0;
    auto plain = read_number(text, pos);
    if (plain && pos == text.size()) return static_cast<double>(*plain);

    // Units must come in this order, each at most once.
    static constexpr struct
    {
        char unit;
        std::uint64_t seconds;
    } units[] = {{'h', 3600}, {'m', 60}, {'s', 1}};
    pos = 0;
    std::size_t next_unit = 0;
    double total = 0;
    while (pos < text.size()) {
        auto number = read_number(text, pos);
        if (!number || pos == text.size()) return std::nullopt;
        char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos++])));
        while (next_unit < std::size(units) && units[next_unit].unit != unit) ++next_unit;
        if (next_unit == std::size(units)) return std::nullopt;
        total += static_cast<double>(*number) * static_cast<double>(units[next_unit].seconds);
        ++next_unit;
    }
    return total;
}

} // namespace hornet::core
