// From a parsed request to its response: authentication, methods, and the route families
// (Locust's API in locust_routes.cpp, Hornet's in hornet_routes.cpp, the UI's files, /metrics).
#pragma once

#include "report/prometheus_text.hpp"
#include "web/form.hpp"
#include "web/reply.hpp"
#include "web/series_store.hpp"
#include "web/test_control.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace hornet::web {

struct router_options
{
    std::string auth;                ///< "user:pass" (--web-auth); empty = no authentication
    bool metrics_only = false;       ///< headless: /metrics and nothing else
    report::metrics_options metrics; ///< --metrics-locust-names
    std::string version = HORNET_VERSION;
};

/// Never throws for a request, whatever its content: every bad one gets a 4xx JSON reason.
/// Runs on the control thread, which owns `control` and `series`.
class router
{
public:
    router(test_control& control, const series_store& series, router_options options);

    response handle(const request& req);

private:
    using method = boost::beast::http::verb;

    response route(const request& req, std::string_view path, const form& query);
    response asset_route(std::string_view path) const;

    // Locust's routes (locust_routes.cpp).
    response swarm(const request& req);
    response stop();
    response reset();
    response stats_requests();
    response stats_csv() const;
    response history_csv() const;
    response failures_csv() const;
    response exceptions() const;
    response exceptions_csv() const;
    response stats_report(const form& query) const;
    response tasks() const;
    response logs() const;
    response worker_count() const;

    // Hornet's routes (hornet_routes.cpp).
    response config() const;
    response series(const form& query) const;
    response percentiles(const form& query) const;
    response metrics() const;

    test_control& control_;
    const series_store& series_;
    router_options options_;
    // /stats/requests is what 1,000 pollers ask for: built at most once a second.
    std::shared_ptr<const std::string> stats_cache_;
    std::chrono::steady_clock::time_point stats_cached_at_;
    std::uint64_t stats_cache_generation_ = ~std::uint64_t{0};
    std::string stats_cache_state_;
};

} // namespace hornet::web
