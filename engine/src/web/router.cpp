// Dispatch: authentication first, then the path, then the method.
#include "web/router.hpp"

#include "web/assets.hpp"
#include "web/basic_auth.hpp"

#include <array>
#include <exception>

namespace hornet::web {

namespace http = boost::beast::http;

namespace {

struct route_entry
{
    std::string_view path;
    bool post; // POST (a form) rather than GET
};

// Every API path with its one method; HEAD goes with GET.
constexpr std::array api_routes{
    route_entry{"/swarm", true},
    route_entry{"/stop", false},
    route_entry{"/stats/reset", false},
    route_entry{"/stats/requests", false},
    route_entry{"/stats/requests/csv", false},
    route_entry{"/stats/requests_full_history/csv", false},
    route_entry{"/stats/failures/csv", false},
    route_entry{"/exceptions", false},
    route_entry{"/exceptions/csv", false},
    route_entry{"/stats/report", false},
    route_entry{"/tasks", false},
    route_entry{"/logs", false},
    route_entry{"/worker-count", false},
    route_entry{"/metrics", false},
    route_entry{"/hornet/config", false},
    route_entry{"/hornet/series", false},
    route_entry{"/hornet/percentiles", false},
};

const asset* find_asset(std::string_view path)
{
    for (const auto& a : embedded_assets())
        if (a.path == path) return &a;
    return nullptr;
}

} // namespace

router::router(test_control& control, const series_store& series, router_options options)
    : control_(control), series_(series), options_(std::move(options))
{}

response router::handle(const request& req)
{
    response res;
    try {
        if (!options_.auth.empty() && !basic_auth_matches(req[http::field::authorization], options_.auth)) {
            res = error_reply(status::unauthorized, "authentication required");
            res.set(http::field::www_authenticate, "Basic realm=\"Login Required\"");
        } else {
            auto [path, query_text] = split_target(req.target());
            std::string why;
            auto query = form::parse(query_text, &why);
            if (!query)
                res = error_reply(status::bad_request, "bad query string: " + why);
            else
                res = route(req, path, *query);
        }
    } catch (const std::exception& e) {
        // A route that cannot answer (out of memory, a bug) must not end the server: the client
        // learns it and the next request is served.
        res = error_reply(status::internal_server_error, std::string("internal error: ") + e.what());
    }
    res.version(req.version());
    res.set(http::field::server, "hornet");
    res.set(http::field::access_control_allow_origin, "*");
    res.keep_alive(req.keep_alive());
    if (req.method() == method::head) {
        const auto size = res.body().size();
        res.body().clear();
        res.content_length(size);
    } else {
        res.prepare_payload();
    }
    return res;
}

response router::route(const request& req, std::string_view path, const form& query)
{
    const auto verb = req.method();
    if (options_.metrics_only && path != "/metrics")
        return error_reply(status::not_found, "only /metrics is served in headless mode");

    const route_entry* api = nullptr;
    for (const auto& r : api_routes)
        if (r.path == path) api = &r;
    const asset* file = api ? nullptr : find_asset(path);
    if (!api && !file) return error_reply(status::not_found, "no route " + std::string(path.substr(0, 200)));

    if (verb == method::options) {
        response res{status::no_content, 11};
        res.set(http::field::allow, api && api->post ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
        res.set(http::field::access_control_allow_methods, api && api->post ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
        res.set(http::field::access_control_allow_headers, "Authorization, Content-Type");
        return res;
    }
    const bool wants_post = api && api->post;
    const bool ok = wants_post ? verb == method::post : (verb == method::get || verb == method::head);
    if (!ok) {
        auto res =
            error_reply(status::method_not_allowed, std::string(req.method_string()) + " is not allowed on " +
                                                        std::string(path) + ": use " + (wants_post ? "POST" : "GET"));
        res.set(http::field::allow, wants_post ? "POST" : "GET, HEAD");
        return res;
    }
    if (file) return asset_route(path);

    if (path == "/swarm") return swarm(req);
    if (path == "/stop") return stop();
    if (path == "/stats/reset") return reset();
    if (path == "/stats/requests") return stats_requests();
    if (path == "/stats/requests/csv") return stats_csv();
    if (path == "/stats/requests_full_history/csv") return history_csv();
    if (path == "/stats/failures/csv") return failures_csv();
    if (path == "/exceptions") return exceptions();
    if (path == "/exceptions/csv") return exceptions_csv();
    if (path == "/stats/report") return stats_report(query);
    if (path == "/tasks") return tasks();
    if (path == "/logs") return logs();
    if (path == "/worker-count") return worker_count();
    if (path == "/metrics") return metrics();
    if (path == "/hornet/config") return config();
    if (path == "/hornet/series") return series(query);
    return percentiles(query);
}

response router::asset_route(std::string_view path) const
{
    const asset* a = find_asset(path);
    auto res = text_reply(text_body::value_type::lasting(a->body), a->content_type);
    res.set(http::field::cache_control, a->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    return res;
}

} // namespace hornet::web
