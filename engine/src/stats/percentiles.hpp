// The percentiles Locust reports (console, CSV, web) and their column labels.
#pragma once

#include "stats/histogram.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace hornet::stats {

/// Locust's PERCENTILES_TO_REPORT, in percent.
inline constexpr std::array<double, 11> reported_percentiles{50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};

/// One value per reported percentile, in integer milliseconds.
using percentile_values = std::array<std::int64_t, reported_percentiles.size()>;

/// Locust's label: "50%" when whole, otherwise up to 6 decimals ("99.9%", "99.99%").
std::string percentile_label(double percent);

/// A percentile of `h` in milliseconds to the precision the histogram has: clamped into its exact
/// min and max and given to 3 significant digits (its bucket's upper edge would make requests of
/// exactly 10 ms read as 10.01). 0 when `h` is empty. For thresholds and reports, not Locust's columns.
double precise_ms(const histogram& h, double percent);

/// Milliseconds rounded as Python's round() does (half to even), for printing percentiles.
std::int64_t round_ms(double ms) noexcept;

} // namespace hornet::stats
