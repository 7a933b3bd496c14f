// Byte counts written by people: "64MiB", "512k", "1GB".
#include "core/byte_size.hpp"

#include <cstddef>
#include <limits>

namespace hornet::core {

std::optional<std::uint64_t> parse_size(std::string_view text)
{
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0) return std::nullopt;
    constexpr auto max = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const auto d = static_cast<std::uint64_t>(text[i] - '0');
        if (value > (max - d) / 10) return std::nullopt;
        value = value * 10 + d;
    }
    std::string_view unit = text.substr(digits);
    while (!unit.empty() && blank(unit.front())) unit.remove_prefix(1);
    struct multiple
    {
        std::string_view unit;
        std::uint64_t factor;
    };
    static constexpr multiple units[] = {
        {"", 1},
        {"B", 1},
        {"k", 1ull << 10},
        {"K", 1ull << 10},
        {"KiB", 1ull << 10},
        {"KB", 1000},
        {"kB", 1000},
        {"M", 1ull << 20},
        {"MiB", 1ull << 20},
        {"MB", 1000 * 1000},
        {"G", 1ull << 30},
        {"GiB", 1ull << 30},
        {"GB", 1000 * 1000 * 1000},
    };
    for (const auto& m : units)
        if (unit == m.unit) {
            if (value > max / m.factor) return std::nullopt;
            return value * m.factor;
        }
    return std::nullopt;
}

} // namespace hornet::core
