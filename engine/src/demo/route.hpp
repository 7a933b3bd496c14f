// The demo target's route table: which endpoint a request path names, and the label it is counted under.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::demo {

/// Every endpoint the demo target knows, plus two pseudo-routes for requests that name none.
enum class route : std::uint8_t {
    root,           // GET /                         the counter app
    health,         // GET /health
    state,          // GET /state
    metrics,        // GET /metrics
    users,          // GET|POST /api/users
    user_item,      // GET|PUT|PATCH|DELETE /api/users/{id}
    register_user,  // POST /register
    login,          // POST /login
    profile,        // GET|PUT|PATCH /profile/{username}
    product_search, // GET /products/search?q=
    slow,           // ANY /slow?ms=N
    stall,          // ANY /stall?at=N&ms=M          the N-th request since start or reset waits M ms
    status,         // ANY /status/{code}
    bytes,          // GET /bytes/{n}
    redirect,       // GET /redirect/{n}
    chunked,        // GET /chunked/{n}
    set_cookie,     // GET /set-cookie?name=value
    cookies,        // GET /cookies
    echo,           // ANY /echo
    hornet_counts,  // GET /__hornet/counts   (never counted)
    hornet_reset,   // POST /__hornet/reset   (never counted)
    hornet_unknown, // any other /__hornet/*  (never counted)
    unknown,        // no route: 404
    malformed,      // the request could not be parsed (400, 413, 431)
};

inline constexpr std::size_t route_count = static_cast<std::size_t>(route::malformed) + 1;

/// The route's pattern as shown in counts and metrics ("/api/users/{id}").
std::string_view route_pattern(route r);

/// Whether requests to this route are left out of the request counts (the /__hornet/* family).
inline bool is_uncounted(route r)
{
    return r == route::hornet_counts || r == route::hornet_reset || r == route::hornet_unknown;
}

/// The outcome of matching a request target.
struct route_match
{
    route which = route::unknown;
    /// The path ended in '/' (other than "/" itself); counted apart so a label equals the path sent.
    bool trailing_slash = false;
    /// The percent-decoded value of the one {param} segment, if the pattern has one.
    std::string param;
    /// The raw query string, without '?'.
    std::string_view query;
};

/// Matches a request target ("/api/users/7?x=1") against the route table. Never fails: a target
/// that names no route gives route::unknown.
route_match match_route(std::string_view target);

} // namespace hornet::demo
