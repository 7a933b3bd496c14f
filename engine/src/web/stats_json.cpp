// /stats/requests: every number comes from stats::aggregate and stats::entry; only the shapes
// (which keys, int or float, null) are decided here.
#include "web/stats_json.hpp"

#include <cmath>

namespace hornet::web {

using nlohmann::json;

std::string py_html_escape(std::string_view text, bool quote)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += quote ? "&quot;" : "\""; break;
        case '\'': out += quote ? "&#x27;" : "'"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

namespace {

// 2.12's proper_round: half away from zero, a float; int 0 when there is no value.
json rounded_time(const std::optional<double>& ms)
{
    if (!ms) return 0;
    return std::floor(*ms + 0.5);
}

json row_json(const stats::aggregate& stats, const stats::entry& e)
{
    json r;
    r["method"] = e.method;
    r["name"] = e.name;
    r["safe_name"] = py_html_escape(e.name, false);
    r["num_requests"] = e.num_requests;
    r["num_failures"] = e.num_failures;
    r["avg_response_time"] = e.avg_response_time();
    r["min_response_time"] = rounded_time(e.min_response_time);
    r["max_response_time"] = std::floor(e.max_response_time + 0.5);
    r["current_rps"] = stats.current_rps(e);
    r["current_fail_per_sec"] = stats.current_fail_per_sec(e);
    r["total_rps"] = stats.total_rps(e);
    r["total_fail_per_sec"] = stats.total_fail_per_sec(e);
    r["median_response_time"] = e.median_response_time();
    r["ninetieth_response_time"] = e.percentile(90);
    r["ninety_ninth_response_time"] = e.percentile(99);
    r["response_time_percentile_0.95"] = e.percentile(95);
    r["response_time_percentile_0.99"] = e.percentile(99);
    r["avg_content_length"] = e.avg_content_length();
    return r;
}

json current_percentile(const stats::aggregate& stats, double percent, std::int64_t now_second)
{
    // Locust answers null until it has a snapshot 10 s old; Hornet's window is exact, so null
    // means no request ended in it.
    if (stats.recent_response_times(stats.total(), now_second).empty()) return nullptr;
    return stats.current_percentile(stats.total(), percent, now_second);
}

} // namespace

json stats_requests_json(const stats::aggregate& stats, const std::string& state, std::int64_t user_count,
                         std::span<const worker_row> workers, bool master, std::int64_t now_second)
{
    json rows = json::array();
    std::size_t n = 0;
    for (const auto* e : stats.entries()) {
        if (n++ == max_stats_rows) break;
        rows.push_back(row_json(stats, *e));
    }
    rows.push_back(row_json(stats, stats.total()));
    // Locust's Aggregated row has no method (null) until a test clears the statistics.
    if (state == "ready") rows.back()["method"] = nullptr;

    json errors = json::array();
    n = 0;
    for (const auto& err : stats.errors().rows()) {
        if (err.occurrences == 0) continue;
        if (n++ == max_stats_rows) break;
        errors.push_back({{"method", err.method},
                          {"name", py_html_escape(err.name)},
                          {"error", py_html_escape(err.error)},
                          {"occurrences", err.occurrences}});
    }

    json out;
    out["stats"] = std::move(rows);
    out["errors"] = std::move(errors);
    const auto& total = stats.total();
    // 2.12's total_rps is the Aggregated row's current rate (locust_exporter reads it so); the
    // newest Locust's cumulative rate is in the Aggregated row's own total_rps.
    out["total_rps"] = stats.current_rps(total);
    out["current_rps"] = stats.current_rps(total);
    out["current_fail_per_sec"] = stats.current_fail_per_sec(total);
    out["total_fail_per_sec"] = stats.total_fail_per_sec(total);
    out["fail_ratio"] = total.fail_ratio();
    auto p95 = current_percentile(stats, 95, now_second);
    auto p50 = current_percentile(stats, 50, now_second);
    out["current_response_time_percentile_95"] = p95;
    out["current_response_time_percentile_50"] = p50;
    out["current_response_time_percentiles"] = {{"response_time_percentile_0.5", p50},
                                                {"response_time_percentile_0.95", p95}};
    if (master) {
        json list = json::array();
        for (const auto& w : workers)
            list.push_back({{"id", w.id},
                            {"state", w.state},
                            {"user_count", w.user_count},
                            {"cpu_usage", w.cpu_usage},
                            {"memory_usage", w.memory_usage},
                            {"missing", w.missing}});
        out["workers"] = std::move(list);
        out["worker_count"] = static_cast<std::int64_t>(workers.size());
    } else {
        out["worker_count"] = 0;
    }
    out["state"] = state;
    out["user_count"] = user_count;
    return out;
}

json empty_stats_json()
{
    return {{"stats", json::array()},
            {"errors", json::array()},
            {"total_rps", 0.0},
            {"fail_ratio", 0.0},
            {"current_response_time_percentile_95", nullptr},
            {"current_response_time_percentile_50", nullptr},
            {"state", "missing"},
            {"user_count", 0}};
}

} // namespace hornet::web
