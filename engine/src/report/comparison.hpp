// `hornet compare BASE.json NEW.json`: two saved runs side by side, per endpoint, with a verdict
// against a largest allowed regression ("1 replica vs 4", "before/after the cache").
#pragma once

#include "report/run_record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hornet::report {

/// One metric of one row in both runs.
struct metric_change
{
    std::optional<double> base; // none when the row has nothing to measure in that run
    std::optional<double> next;
    /// (next - base) / base; none without both values or with base 0.
    std::optional<double> relative() const noexcept;
    bool regressed = false;
};

/// One row (an endpoint, or Aggregated) in both runs.
struct row_comparison
{
    std::string row;      // "GET /api", "Aggregated"
    bool in_base = false; // a row in one run only is listed, not judged
    bool in_next = false;
    metric_change rps;
    metric_change p50, p95, p99; // ms
    metric_change error_rate;    // failures / requests

    bool regressed() const noexcept;
    /// "p95 +25.0%, rps -12.0%" for the regressed metrics; "" when none.
    std::string regressions() const;
};

struct comparison
{
    double max_regression = 0.10;     // a fraction: 0.10 is 10%
    std::vector<row_comparison> rows; // Aggregated first, then the base's order, then rows new in `next`
    bool regressed() const noexcept;
};

/// Compares `next` with `base`. A row regresses when, with both runs measuring it:
///   a latency percentile grew by more than max_regression (relative) and by more than 1 ms,
///   its rps fell by more than max_regression (relative),
///   its error rate rose by more than max_regression relative plus 0.1 percentage point (a run
///   without failures against one with a single failure in 10,000 is noise, not a regression).
comparison compare(const run_record& base, const run_record& next, double max_regression);

/// The console table: one line per row, each cell "base -> next (+x.x%)", and the verdict line.
std::string comparison_table(const comparison& c);

} // namespace hornet::report
