// The statistics and the run's state as Prometheus' text exposition format, for GET /metrics.
#pragma once

#include "stats/aggregate.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::report {

/// What /metrics shows besides the statistics.
struct metrics_state
{
    std::string state;                 ///< Locust's runner state string
    std::int64_t users = 0;            ///< users running now
    std::int64_t workers = 0;          ///< workers connected (a master); 0 when standalone
    std::int64_t missing_workers = 0;  ///< workers that stopped answering (a master)
    double event_loop_lag_seconds = 0; ///< how late the control loop's last tick ran
    double cpu_seconds = 0;            ///< CPU time this process used so far (user + system)
};

struct metrics_options
{
    bool locust_names = false; ///< also locust_exporter's locust_* families, for existing Grafana dashboards
};

/// The upper bounds (seconds) of hornet_request_duration_seconds' classic buckets, `+Inf` aside:
/// 1 ms to 60 s in 1-2.5-5 steps, the usual latency range of an HTTP load test.
inline constexpr std::array<std::string_view, 16> duration_bucket_bounds{
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "20", "30", "60"};

/// The same bounds in microseconds, the histogram's unit.
inline constexpr std::array<std::uint64_t, duration_bucket_bounds.size()> duration_bucket_bounds_us{
    1'000,   2'500,     5'000,     10'000,    25'000,     50'000,     100'000,    250'000,
    500'000, 1'000'000, 2'500'000, 5'000'000, 10'000'000, 20'000'000, 30'000'000, 60'000'000};

/// The states hornet_state has one series for (Locust's runner state strings).
inline constexpr std::array<std::string_view, 6> metrics_states{"ready",    "spawning", "running",
                                                                "stopping", "stopped",  "missing"};

/// The statistics and state in Prometheus' text exposition format 0.0.4.
std::string prometheus_text(const stats::aggregate& stats, const metrics_state& state, const metrics_options& options);

/// `value` escaped for a label value of the text format (backslash, double quote, line feed), appended
/// to `out`; bytes that are not UTF-8 become U+FFFD, since a scraper rejects the whole page otherwise.
void append_label_value(std::string& out, std::string_view value);

} // namespace hornet::report
