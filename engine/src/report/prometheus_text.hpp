#pragma once
#include "stats/aggregate.hpp"
#include <cstdint>
#include <string>
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
/// The statistics and state in Prometheus' text exposition format 0.0.4.
std::string prometheus_text(const stats::aggregate& stats, const metrics_state& state, const metrics_options& options);
} // namespace hornet::report
