// The demo target's request handling: routes a parsed request to its endpoint, counts it, and
// shapes the response (keep-alive, HEAD, Content-Length). No I/O here, so tests and the fuzzer
// drive it directly.
#pragma once

#include "demo/auth.hpp"
#include "demo/catalog.hpp"
#include "demo/reply.hpp"
#include "demo/request_counts.hpp"
#include "demo/route.hpp"
#include "demo/users_api.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::demo {

/// Owns the demo target's state and answers requests.
///
/// Thread safety: all members may be called concurrently from any number of connections.
class router
{
public:
    router();

    /// The complete answer to a request, counted (unless it is a /__hornet/* request).
    /// Never throws: an exception inside an endpoint becomes a 500 and bumps internal_errors().
    reply handle(const request& req);

    /// The fast path for `GET /` and `GET /health` on a keep-alive HTTP/1.1 connection: writes the
    /// whole serialised response into out (reusing its capacity) and counts it, without a mutex or
    /// a Beast response object. Returns false, leaving out alone, for any other request.
    bool try_fast(const request& req, std::string& out);

    /// Counts a request that could not be parsed (400, 413, 431) and builds its answer, which
    /// closes the connection.
    response malformed(boost::beast::http::status status, std::string_view why);

    /// Exceptions caught inside endpoints since start (the fuzzer treats any as a bug).
    std::uint64_t internal_errors() const { return internal_errors_.load(std::memory_order_relaxed); }

    const request_counts& counts() const { return counts_; }

private:
    reply dispatch(const route_match& m, const request& req, boost::beast::http::verb method);
    void count(const route_match& m, boost::beast::http::verb method, unsigned status);
    response state_reply() const;
    response metrics_reply() const;
    response counts_reply() const;
    double uptime_seconds() const;

    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::atomic<std::uint64_t> counter_{0};
    std::atomic<std::uint64_t> internal_errors_{0};
    std::atomic<std::uint64_t> stall_seen_{0}; ///< requests to /stall since start or reset
    request_counts counts_;
    users_api users_;
    auth auth_;
    const catalog catalog_;
};

} // namespace hornet::demo
