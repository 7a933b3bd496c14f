// Everything a report says about one run, as plain values: built once at the end of a run (or
// read back from a saved --json file), then rendered as JSON, HTML, JUnit or markdown. The
// renderers never see live statistics, so `hornet report RUN.json` draws the same report.
#pragma once

#include "report/time_series.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hornet::report {

/// The version of the JSON form (docs/report.schema.json); raised when a field changes meaning
/// or goes away, not when one is added.
inline constexpr int run_record_schema_version = 1;

/// One stage of the load shape that drove the run (duration in seconds, none = held until
/// stopped); a closed-model stage has users and spawn_rate, an open-model one rate and ramp.
struct stage_record
{
    std::optional<double> duration_s;
    std::optional<std::int64_t> users;
    std::optional<double> spawn_rate;
    std::optional<double> rate;
    bool ramp = false;
};

/// How a run was started.
struct run_parameters
{
    std::string hornet_version;
    std::string host;     // --host, or the scenario's; "" when every class sets its own
    std::string scenario; // the -f argument as given ("" for a built-in default)
    std::vector<std::string> user_classes;
    std::int64_t users = 0;           // -u
    double spawn_rate = 0;            // -r
    std::optional<double> run_time;   // -t in seconds; none without a limit
    std::string mode = "standalone";  // "standalone" or "master"
    std::int64_t workers = 0;         // workers that took part (master)
    std::vector<stage_record> stages; // the load shape (stages, --shape, step load); empty: -u/-r
    /// The open model (--rate or the classes' rates): iterations/s over the whole test.
    std::optional<double> rate;
    std::int64_t max_users = 0;  // the pool's limit (open model)
    std::string arrival;         // "constant" or "poisson" (open model)
    double late_tolerance_s = 0; // an iteration later than this counts as late (open model)
};

/// The open model's iterations (stats::iteration_counts).
struct iterations_record
{
    std::uint64_t started = 0;
    std::uint64_t late = 0;
    std::uint64_t dropped = 0;
};

/// A response-time percentile: `percent` in 0..100, `ms` to the histogram's precision
/// (3 significant digits, clamped into the row's exact min and max).
struct percentile_point
{
    double percent = 0;
    double ms = 0;
};

/// Failures of one row counted by how they failed (core::failure_kind names: "status",
/// "timeout", "connect_refused", ...).
struct failure_count
{
    std::string kind;
    std::uint64_t count = 0;
};

/// One row of the statistics: an endpoint, or the Aggregated row (method "", name "Aggregated").
struct endpoint_record
{
    std::string method;
    std::string name;
    std::uint64_t requests = 0;
    std::uint64_t failures = 0;
    double avg_ms = 0;
    std::optional<double> min_ms; // none without a timed request
    double max_ms = 0;
    double median_ms = 0;
    double avg_content_length = 0; // bytes
    double rps = 0;                // requests per second over the whole run
    double failures_per_s = 0;
    /// At stats::reported_percentiles (Locust's 50 .. 100); empty without a timed request.
    std::vector<percentile_point> percentiles;
    /// Non-zero kinds only, in core::failure_kind order.
    std::vector<failure_count> failures_by_kind;
    /// The open model only: the same percentiles measured from each iteration's intended start
    /// (corrected for coordinated omission); empty in the closed model.
    std::vector<percentile_point> corrected_percentiles;

    double fail_ratio() const noexcept { return requests ? static_cast<double>(failures) / requests : 0; }
    /// "GET /api", or "Aggregated".
    std::string label() const { return method.empty() ? name : method + " " + name; }
};

/// One row of the failures table (Locust's failures CSV), with its kind.
struct failure_record
{
    std::string method;
    std::string name;
    std::string error;
    std::string kind;
    std::uint64_t occurrences = 0;
};

/// One row of the exceptions table.
struct exception_record
{
    std::uint64_t count = 0;
    std::string message;
    std::string traceback;
    std::vector<std::string> nodes;
};

/// One threshold as judged: the expression as written, the row it was measured on, the value
/// and its text with unit ("212.0 ms", "0.50%"), and whether it held.
struct threshold_record
{
    std::string expression;
    std::string row;
    std::optional<double> measured; // none when the row had nothing to measure
    std::string measured_text;
    bool passed = false;
};

/// The run's outcome as the exit code says it.
struct verdict_record
{
    bool passed = true;
    int exit_code = 0;
    /// One line for people: "passed", "2 of 5 thresholds failed", "request failures (exit code 1)".
    std::string summary;
};

struct run_record
{
    int schema_version = run_record_schema_version;
    run_parameters parameters;
    double start_time = 0; // Unix seconds: the statistics' start (after --reset-stats: the reset)
    double end_time = 0;
    verdict_record verdict;
    std::vector<threshold_record> thresholds;
    endpoint_record total;                  // the Aggregated row
    std::vector<endpoint_record> endpoints; // Locust's order: by name, then method
    std::vector<failure_record> failures;   // first-seen order
    std::vector<exception_record> exceptions;
    std::vector<time_point> series;              // oldest first, downsampled (see time_series)
    std::optional<iterations_record> iterations; // the open model only
};

} // namespace hornet::report
