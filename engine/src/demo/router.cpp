// Request routing, counting and response shaping for the demo target.
#include "demo/router.hpp"

#include "demo/http_tools.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include <charconv>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>

namespace hornet::demo {

namespace http = boost::beast::http;
using http::verb;

namespace {

constexpr std::string_view health_body = R"({"status":"ok"})";
constexpr std::string_view fast_head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ";

reply not_allowed(std::initializer_list<verb> allowed)
{
    std::string allow;
    for (const auto v : allowed) {
        if (!allow.empty()) {
            allow += ", ";
        }
        allow += http::to_string(v);
        if (v == verb::get) {
            allow += ", HEAD";
        }
    }
    reply r{error_response(http::status::method_not_allowed, "method not allowed")};
    r.res.set(http::field::allow, allow);
    return r;
}

bool has_no_body(unsigned status)
{
    return status < 200 || status == 204 || status == 304;
}

void append_number(std::string& out, std::uint64_t n)
{
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, end);
}

} // namespace

router::router() = default;

double router::uptime_seconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

reply router::handle(const request& req)
{
    const auto m = match_route(req.target());
    const auto method = req.method();
    const bool head = method == verb::head;
    reply r;
    try {
        // HEAD is answered as GET without the body, wherever GET is.
        r = dispatch(m, req, head ? verb::get : method);
    } catch (const std::exception& e) {
        internal_errors_.fetch_add(1, std::memory_order_relaxed);
        r = reply{error_response(http::status::internal_server_error, e.what())};
    }
    if (!is_uncounted(m.which)) {
        count(m, method, r.res.result_int());
    }

    auto& res = r.res;
    // An HTTP/1.0 client gets a 1.0 answer: no chunking, keep-alive only if it asked.
    res.version(req.version() == 10 ? 10 : 11);
    res.keep_alive(req.keep_alive());
    if (req.version() < 11) {
        r.chunked = false;
    }
    if (has_no_body(res.result_int())) {
        res.body().clear();
        r.chunked = false;
        res.erase(http::field::content_length);
    } else if (head) {
        r.chunked = false;
        res.content_length(res.body().size());
        res.body().clear();
    } else if (r.chunked) {
        res.chunked(true); // the session sends the body as chunks
    } else {
        res.prepare_payload();
    }
    return r;
}

void router::count(const route_match& m, verb method, unsigned status)
{
    counts_.record(m.which, m.trailing_slash, method, status);
    if (m.which == route::users && method == verb::post && status == 201) {
        counts_.add(demo_event::user_created);
    } else if (m.which == route::profile && status == 403) {
        counts_.add(demo_event::forbidden);
    } else if (m.which == route::profile && status == 200 && (method == verb::put || method == verb::patch)) {
        counts_.add(demo_event::profile_update);
    } else if (m.which == route::product_search && status == 200) {
        counts_.add(demo_event::search);
    }
}

bool router::try_fast(const request& req, std::string& out)
{
    if (req.method() != verb::get || req.version() != 11 || !req.keep_alive()) {
        return false;
    }
    const auto target = req.target();
    if (target == "/") {
        const auto n = counter_.fetch_add(1, std::memory_order_relaxed) + 1;
        char body[40] = "{\"count\":";
        auto [end, ec] = std::to_chars(body + 9, body + sizeof body - 1, n);
        *end++ = '}';
        out.assign(fast_head);
        append_number(out, static_cast<std::uint64_t>(end - body));
        out.append("\r\n\r\n");
        out.append(body, end);
        counts_.record(route::root, false, verb::get, 200);
        return true;
    }
    if (target == "/health") {
        out.assign(fast_head);
        append_number(out, health_body.size());
        out.append("\r\n\r\n");
        out.append(health_body);
        counts_.record(route::health, false, verb::get, 200);
        return true;
    }
    return false;
}

response router::malformed(http::status status, std::string_view why)
{
    counts_.record(route::malformed, false, verb::unknown, static_cast<unsigned>(status));
    auto res = error_response(status, why);
    res.keep_alive(false);
    res.prepare_payload();
    return res;
}

reply router::dispatch(const route_match& m, const request& req, verb method)
{
    switch (m.which) {
    case route::root:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {json_response(http::status::ok,
                              nlohmann::json{{"count", counter_.fetch_add(1, std::memory_order_relaxed) + 1}})};
    case route::health:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {text_response(http::status::ok, "application/json", std::string(health_body))};
    case route::state:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {state_reply()};
    case route::metrics:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {metrics_reply()};
    case route::users:
        if (method == verb::get) {
            return {users_.list(m.query)};
        }
        if (method == verb::post) {
            return {users_.create(req)};
        }
        return not_allowed({verb::get, verb::post});
    case route::user_item:
        if (method == verb::get) {
            return {users_.get(m.param)};
        }
        if (method == verb::put || method == verb::patch) {
            return {users_.update(m.param, req)};
        }
        if (method == verb::delete_) {
            return {users_.remove(m.param)};
        }
        return not_allowed({verb::get, verb::put, verb::patch, verb::delete_});
    case route::register_user:
        if (method != verb::post) {
            return not_allowed({verb::post});
        }
        return {auth_.register_user(req)};
    case route::login:
        if (method != verb::post) {
            return not_allowed({verb::post});
        }
        return {auth_.login(req)};
    case route::profile:
        if (method == verb::get) {
            return {auth_.get_profile(m.param, req)};
        }
        if (method == verb::put || method == verb::patch) {
            return {auth_.update_profile(m.param, req)};
        }
        return not_allowed({verb::get, verb::put, verb::patch});
    case route::product_search:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {catalog_.search(m.query)};
    case route::slow: return slow_reply(m.query);
    case route::stall: return stall_reply(m.query, ++stall_seen_);
    case route::status: return {status_reply(m.param)};
    case route::bytes:
    case route::chunked:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return bytes_reply(m.param, m.which == route::chunked);
    case route::redirect:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {redirect_reply(m.param)};
    case route::set_cookie:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {set_cookie_reply(m.query)};
    case route::cookies:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {cookies_reply(req)};
    case route::echo: return {echo_reply(req)};
    case route::hornet_counts:
        if (method != verb::get) {
            return not_allowed({verb::get});
        }
        return {counts_reply()};
    case route::hornet_reset:
        if (method != verb::post) {
            return not_allowed({verb::post});
        }
        counts_.reset();
        stall_seen_ = 0;
        return {json_response(http::status::ok, nlohmann::json{{"reset", true}})};
    case route::hornet_unknown:
    case route::unknown:
    case route::malformed: break;
    }
    return {error_response(http::status::not_found, "no such route")};
}

response router::state_reply() const
{
    const auto totals = counts_.take(false);
    return json_response(http::status::ok, nlohmann::json{
                                               {"uptime_seconds", uptime_seconds()},
                                               {"counter", counter_.load(std::memory_order_relaxed)},
                                               {"users", users_.size()},
                                               {"accounts", auth_.accounts()},
                                               {"products", catalog::product_count},
                                               {"requests_total", totals.total},
                                           });
}

response router::counts_reply() const
{
    const auto snap = counts_.take(true);
    auto routes = nlohmann::json::object();
    for (const auto& row : snap.routes) {
        routes[row.label] = row.count;
    }
    auto status = nlohmann::json::object();
    for (const auto& [code, n] : snap.status) {
        status[std::to_string(code)] = n;
    }
    const auto event = [&](demo_event e) { return snap.events[static_cast<std::size_t>(e)]; };
    return json_response(http::status::ok, nlohmann::json{
                                               {"total", snap.total},
                                               {"routes", std::move(routes)},
                                               {"status", std::move(status)},
                                               {"users_created", event(demo_event::user_created)},
                                               {"profile_updates", event(demo_event::profile_update)},
                                               {"forbidden", event(demo_event::forbidden)},
                                               {"searches", event(demo_event::search)},
                                           });
}

response router::metrics_reply() const
{
    const auto snap = counts_.take(false);
    std::string out;
    out.reserve(2048);
    out += "# HELP demo_requests_total Requests served by the demo target, by method and route.\n"
           "# TYPE demo_requests_total counter\n";
    for (const auto& row : snap.routes) {
        out += "demo_requests_total{method=\"";
        out += row.method;
        out += "\",route=\"";
        out += row.pattern;
        out += "\"} ";
        append_number(out, row.count);
        out += '\n';
    }
    out += "# HELP demo_responses_total Responses sent by the demo target, by status code.\n"
           "# TYPE demo_responses_total counter\n";
    for (const auto& [code, n] : snap.status) {
        out += "demo_responses_total{status=\"";
        append_number(out, code);
        out += "\"} ";
        append_number(out, n);
        out += '\n';
    }
    static constexpr std::array<std::string_view, demo_event_count> event_names{"user_created", "profile_update",
                                                                                "forbidden", "search"};
    out += "# HELP demo_events_total Scenario events seen by the demo target.\n"
           "# TYPE demo_events_total counter\n";
    for (std::size_t e = 0; e < demo_event_count; ++e) {
        out += "demo_events_total{event=\"";
        out += event_names[e];
        out += "\"} ";
        append_number(out, snap.events[e]);
        out += '\n';
    }
    const auto gauge = [&](std::string_view name, std::string_view help, std::string_view value) {
        out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ").append(name);
        out.append(" gauge\n").append(name).append(" ").append(value).append("\n");
    };
    gauge("demo_counter", "Value of the counter app (GET /).",
          std::to_string(counter_.load(std::memory_order_relaxed)));
    gauge("demo_users", "Users held by the users API.", std::to_string(users_.size()));
    gauge("demo_accounts", "Registered accounts.", std::to_string(auth_.accounts()));
    char uptime[32];
    std::snprintf(uptime, sizeof uptime, "%.3f", uptime_seconds());
    gauge("demo_uptime_seconds", "Seconds since the demo target started.", uptime);
    return text_response(http::status::ok, "text/plain; version=0.0.4; charset=utf-8", std::move(out));
}

} // namespace hornet::demo
