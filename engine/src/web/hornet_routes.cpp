// Hornet's own routes: what the UI needs beyond Locust's API (form defaults, chart series, an
// endpoint's percentile distribution) and /metrics.
#include "web/router.hpp"

#include "stats/percentiles.hpp"

#include <array>
#include <cmath>
#include <cstdlib>

namespace hornet::web {

using nlohmann::json;

namespace {

// For a log-scale percentile plot up to the tail.
constexpr std::array plotted_percentiles{0.0,  10.0, 20.0, 30.0, 40.0, 50.0, 60.0,  70.0,  80.0, 90.0,
                                         95.0, 98.0, 99.0, 99.5, 99.8, 99.9, 99.95, 99.99, 100.0};

json optional_number(const std::optional<double>& v)
{
    return v ? json(*v) : json(nullptr);
}

// The endpoint a query names with method= and name=; Aggregated when it names none. nullptr
// (after setting `why`) when the query is incomplete or there is no such endpoint.
const stats::entry* endpoint_of(const stats::aggregate& stats, const form& query, std::string& why)
{
    auto method = query.get("method");
    auto name = query.get("name");
    if (!method && !name) return &stats.total();
    if (!method || !name) {
        why = "give both method and name, or neither for Aggregated";
        return nullptr;
    }
    if (*method == "" && *name == "Aggregated") return &stats.total();
    const auto* e = stats.find(*method, *name);
    if (!e) why = "no endpoint " + std::string(method->substr(0, 20)) + " " + std::string(name->substr(0, 200));
    return e;
}

} // namespace

response router::config() const
{
    const auto d = control_.defaults();
    return json_reply({{"version", options_.version},
                       {"host", d.host},
                       {"users", d.users},
                       {"spawn_rate", d.spawn_rate},
                       {"run_time", d.run_time ? json(*d.run_time) : json(nullptr)},
                       {"class_picker", d.class_picker},
                       {"user_classes", d.user_classes},
                       {"master", d.master},
                       {"load_model", d.load_model},
                       {"rate", optional_number(d.rate)},
                       {"stages", d.stages},
                       {"state", control_.state()}});
}

response router::series(const form& query) const
{
    double since = 0;
    if (auto text = query.get("since"); text && !text->empty()) {
        std::string s(*text);
        char* end = nullptr;
        since = std::strtod(s.c_str(), &end);
        if (end != s.c_str() + s.size() || !std::isfinite(since))
            return error_reply(status::bad_request, "since must be Unix seconds, got '" + s.substr(0, 100) + "'");
    }
    const series_line* line = &series_.total();
    auto method = query.get("method");
    auto name = query.get("name");
    if (method || name) {
        if (!method || !name)
            return error_reply(status::bad_request, "give both method and name, or neither for Aggregated");
        if (!(*method == "" && *name == "Aggregated")) {
            line = series_.find(std::string(*method), std::string(*name));
            if (!line)
                return error_reply(status::not_found, "no endpoint " + std::string(method->substr(0, 20)) + " " +
                                                          std::string(name->substr(0, 200)));
        }
    }
    json points = json::array();
    for (const auto& p : line->points()) {
        if (p.time_ms <= since * 1000) continue;
        points.push_back({{"time", p.time_ms},
                          {"users", p.users},
                          {"rps", p.rps()},
                          {"fail_per_sec", p.fail_per_sec()},
                          {"p50", optional_number(p.p50)},
                          {"p95", optional_number(p.p95)},
                          {"p99", optional_number(p.p99)}});
    }
    return json_reply({{"points", std::move(points)}});
}

response router::percentiles(const form& query) const
{
    std::string why;
    const auto* e = endpoint_of(control_.stats(), query, why);
    if (!e) return error_reply(why.starts_with("no endpoint") ? status::not_found : status::bad_request, why);
    json points = json::array();
    if (!e->response_times.empty())
        for (double p : plotted_percentiles)
            points.push_back({{"percentile", p}, {"ms", stats::precise_ms(e->response_times, p)}});
    return json_reply({{"method", e->method},
                       {"name", e->name},
                       {"count", e->response_times.count()},
                       {"points", std::move(points)}});
}

response router::metrics() const
{
    return text_reply(report::prometheus_text(control_.stats(), control_.metrics_state(), options_.metrics),
                      "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace hornet::web
