// Locust's headless console tables: stats, response-time percentiles, error report.
#pragma once

#include "stats/aggregate.hpp"

#include <string>
#include <string_view>

namespace hornet::report {

/// Locust's STATS_NAME_WIDTH: 80 when stderr is not a terminal, else
/// max(min(columns - 80, 80), 0). Call again after SIGWINCH.
int name_width();

/// The stats table (Locust's print_stats): header, separator, rows sorted by (name, method),
/// separator, Aggregated, empty line. `current` uses the 10 s window rates (periodic table),
/// otherwise the cumulative ones (final table). Each line ends with '\n'.
std::string stats_table(const stats::aggregate& stats, bool current, int name_width = 80);

/// "Response time percentiles (approximated)" table: rows with timing data only, then the
/// Aggregated row, then an empty line. `title` replaces the first line (the corrected view's).
std::string percentile_table(const stats::aggregate& stats, int name_width = 80,
                             std::string_view title = "Response time percentiles (approximated)");

/// The open model's iterations in one line: "Iterations: 3000 started (12 late by more than
/// 0.1 s), 0 dropped".
std::string iterations_line(const stats::iteration_counts& iterations, double late_tolerance);

/// "Error report" in first-seen order, ending with an empty line; "" when there are no errors.
std::string error_report(const stats::aggregate& stats, int name_width = 80);

} // namespace hornet::report
