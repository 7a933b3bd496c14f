// Route matching for the demo target: a fixed table, matched segment by segment without allocating.
#include "demo/route.hpp"

#include "demo/query.hpp"

#include <array>

namespace hornet::demo {

namespace {

struct route_entry
{
    route which;
    std::string_view pattern;
    // Path segments; "*" is the one {param} segment.
    std::array<std::string_view, 3> segments;
    std::size_t size;
};

constexpr std::array<route_entry, 21> table{{
    {route::root, "/", {}, 0},
    {route::health, "/health", {"health"}, 1},
    {route::state, "/state", {"state"}, 1},
    {route::metrics, "/metrics", {"metrics"}, 1},
    {route::users, "/api/users", {"api", "users"}, 2},
    {route::user_item, "/api/users/{id}", {"api", "users", "*"}, 3},
    {route::register_user, "/register", {"register"}, 1},
    {route::login, "/login", {"login"}, 1},
    {route::profile, "/profile/{username}", {"profile", "*"}, 2},
    {route::product_search, "/products/search", {"products", "search"}, 2},
    {route::slow, "/slow", {"slow"}, 1},
    {route::stall, "/stall", {"stall"}, 1},
    {route::status, "/status/{code}", {"status", "*"}, 2},
    {route::bytes, "/bytes/{n}", {"bytes", "*"}, 2},
    {route::redirect, "/redirect/{n}", {"redirect", "*"}, 2},
    {route::chunked, "/chunked/{n}", {"chunked", "*"}, 2},
    {route::set_cookie, "/set-cookie", {"set-cookie"}, 1},
    {route::cookies, "/cookies", {"cookies"}, 1},
    {route::echo, "/echo", {"echo"}, 1},
    {route::hornet_counts, "/__hornet/counts", {"__hornet", "counts"}, 2},
    {route::hornet_reset, "/__hornet/reset", {"__hornet", "reset"}, 2},
}};

} // namespace

std::string_view route_pattern(route r)
{
    switch (r) {
    case route::hornet_unknown: return "/__hornet/*";
    case route::unknown: return "<unknown>";
    case route::malformed: return "<malformed>";
    default: break;
    }
    for (const auto& entry : table) {
        if (entry.which == r) {
            return entry.pattern;
        }
    }
    return "<unknown>";
}

route_match match_route(std::string_view target)
{
    route_match m;
    auto path = target;
    if (const auto q = target.find('?'); q != std::string_view::npos) {
        path = target.substr(0, q);
        m.query = target.substr(q + 1);
    }
    if (path == "/__hornet" || path.starts_with("/__hornet/")) {
        m.which = route::hornet_unknown; // unless the table names it below; never counted either way
    }
    if (path.empty() || path.front() != '/') {
        return m;
    }
    if (path.size() > 2 && path.back() == '/') { // "//" is not "/" plus a slash
        m.trailing_slash = true;
        path.remove_suffix(1);
    }

    path.remove_prefix(1);
    if (path.empty()) {
        m.trailing_slash = false;
        m.which = route::root;
        return m;
    }
    // Split into at most four segments; more than three never matches a table entry.
    std::array<std::string_view, 4> segments{};
    std::size_t count = 0;
    for (;;) {
        const auto slash = path.find('/');
        const auto segment = path.substr(0, slash);
        if (segment.empty() || count == segments.size()) {
            return m; // "//" somewhere, or too deep
        }
        segments[count++] = segment;
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }

    for (const auto& entry : table) {
        if (entry.size != count) {
            continue;
        }
        bool same = true;
        std::string_view param;
        for (std::size_t i = 0; i < count && same; ++i) {
            if (entry.segments[i] == "*") {
                param = segments[i];
            } else {
                same = entry.segments[i] == segments[i];
            }
        }
        if (same) {
            m.which = entry.which;
            m.param = percent_decode(param, false);
            return m;
        }
    }
    return m;
}

} // namespace hornet::demo
