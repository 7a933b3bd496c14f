// Percentile labels and rounding.
#include "stats/percentiles.hpp"

#include <cmath>
#include <cstdio>

namespace hornet::stats {

std::string percentile_label(double percent)
{
    if (percent == std::floor(percent)) return std::to_string(static_cast<long long>(percent)) + "%";
    // round(p, 6) then Python str(): %.6f without trailing zeros is the same text for these values.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", percent);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s + "%";
}

std::int64_t round_ms(double ms) noexcept
{
    return static_cast<std::int64_t>(std::nearbyint(ms));
}

} // namespace hornet::stats
