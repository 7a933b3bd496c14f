// A minimal exposition so the web server links and /metrics answers; the metrics work (issue 9)
// replaces this file with the full families (per-endpoint counters and histograms).
#include "report/prometheus_text.hpp"

namespace hornet::report {

std::string prometheus_text(const stats::aggregate& stats, const metrics_state& state, const metrics_options&)
{
    std::string out;
    out += "# HELP hornet_requests_total Requests completed, successful or not.\n";
    out += "# TYPE hornet_requests_total counter\n";
    out += "hornet_requests_total " + std::to_string(stats.total().num_requests) + "\n";
    out += "# HELP hornet_failures_total Requests that failed.\n";
    out += "# TYPE hornet_failures_total counter\n";
    out += "hornet_failures_total " + std::to_string(stats.total().num_failures) + "\n";
    out += "# HELP hornet_users Users running now.\n";
    out += "# TYPE hornet_users gauge\n";
    out += "hornet_users " + std::to_string(state.users) + "\n";
    out += "# HELP hornet_workers Workers connected.\n";
    out += "# TYPE hornet_workers gauge\n";
    out += "hornet_workers " + std::to_string(state.workers) + "\n";
    return out;
}

} // namespace hornet::report
