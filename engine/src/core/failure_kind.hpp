// How a request failed, as a small closed set: the HTTP client sets it, the runtime branches on it,
// the stats count failures by it (for reports and metrics; the console and CSV keep Locust's text).
#pragma once

#include <cstddef>
#include <string_view>

namespace hornet::core {

/// Classification of a failed request; `response::error` holds the Locust-style text.
enum class failure_kind {
    none,               ///< success
    dns,                ///< the host name did not resolve
    connect_refused,    ///< the peer refused the TCP connection
    connect,            ///< any other connect or socket error (unreachable, bad URL, ...)
    timeout,            ///< connect_timeout or request_timeout elapsed
    reset,              ///< the peer reset or closed the connection before the response was complete
    tls,                ///< TLS handshake or record-layer failure
    bad_response,       ///< the bytes received are not a valid HTTP/1.1 response
    body_too_large,     ///< the response body exceeded client_config::max_body_size
    too_many_redirects, ///< more than client_config::max_redirects redirects
    status,             ///< HTTP status >= 400 (Locust's HttpUser rule)
    cancelled,          ///< the caller cancelled the coroutine or closed the session mid-request
    check,              ///< a check (or a C++ user's failure()) failed a response that came back
    other,              ///< not known: a failure counted by a Locust worker
};

/// The kinds, for tables indexed by kind.
inline constexpr std::size_t failure_kind_count = static_cast<std::size_t>(failure_kind::other) + 1;

/// Stable lower-case name of a kind ("connect_refused"), for logs, reports and metric labels.
std::string_view to_string(failure_kind kind) noexcept;
/// The kind with that name; `other` for a name it does not know.
failure_kind failure_kind_from_name(std::string_view name) noexcept;

} // namespace hornet::core
