// Service-level thresholds ("p95<300ms", "GET /api: fail_ratio<1%", "each: p99<500ms"): the
// expressions of --check and a scenario's "thresholds", parsed once into a small value type.
#pragma once

#include "core/error.hpp"

#include <string>
#include <string_view>

namespace hornet::report {

/// One condition on one row of the final statistics.
struct threshold
{
    /// Which rows: the Aggregated row, every endpoint, or one endpoint by method and name.
    enum class scope { aggregated, each, endpoint };
    /// What is measured. Times are milliseconds; fail_ratio is a fraction (1% = 0.01). late and
    /// dropped count the open model's iterations of the whole test (a count, or with `ratio` a
    /// fraction: late of those started, dropped of those due).
    enum class metric { percentile, avg, min, max, fail_ratio, rps, requests, failures, late, dropped };
    enum class comparison { less, less_equal, greater, greater_equal };

    scope where = scope::aggregated;
    std::string method; // scope::endpoint: "GET"
    std::string name;   // scope::endpoint: "/api/users/[id]"
    metric what = metric::percentile;
    double percent = 0; // metric::percentile: 95, 99.9 (median is 50)
    comparison op = comparison::less;
    double limit = 0;   // in the metric's unit: ms, fraction, per second, count
    bool ratio = false; // late / dropped given as a percentage
    std::string text;   // as written, for tables and reports
    /// Stop the test as soon as this fails during the run (checked every second, on the
    /// statistics so far), once `warmup_s` seconds of the test have passed.
    bool abort_on_fail = false;
    double warmup_s = 10;

    /// Whether `measured` meets the condition.
    bool met_by(double measured) const noexcept;
};

/// Parses `[scope ':'] metric op value [abort_on_fail [after WARMUP]]`:
///   scope   "each", or "METHOD NAME" (the name as the stats show it); absent = Aggregated
///   metric  pNN / pNN.N (percentile), median, avg, min, max (ms); fail_ratio; rps; requests; failures;
///           late, dropped (the open model's iterations: a count, or a percentage; no scope)
///   op      < <= > >=
///   value   a time with a unit (ms, s; a bare number is ms), a ratio as a percentage (1%) or a
///           fraction (0.01), or a count
///   abort_on_fail  stop the test once the threshold fails, after a warm-up (default 10 s;
///           "after 30s", "after 1m", "after 0s")
/// The failure (core::error::invalid_shape) names the expression and the position where it
/// stops making sense: "invalid threshold 'p95<<300ms' at position 5: expected a number".
core::result<threshold> parse_threshold(std::string_view text);

} // namespace hornet::report
