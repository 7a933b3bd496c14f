// Percentile labels and rounding.
#include "stats/percentiles.hpp"

#include <algorithm>
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

double precise_ms(const histogram& h, double percent)
{
    if (h.empty()) return 0;
    const auto us = static_cast<double>(std::clamp(h.value_at_percentile(percent), h.min(), h.max()));
    if (us <= 0) return 0;
    const double scale = std::pow(10.0, 2 - static_cast<int>(std::floor(std::log10(us))));
    return std::round(us * scale) / scale / 1000.0;
}

std::int64_t round_ms(double ms) noexcept
{
    return static_cast<std::int64_t>(std::nearbyint(ms));
}

} // namespace hornet::stats
