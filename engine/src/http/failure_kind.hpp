// How a request failed, as a small closed set the stats and the runtime can branch on.
#pragma once

#include <string_view>

namespace hornet::http {

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
};

/// Stable lower-case name of a kind ("connect_refused"), for logs and reports.
std::string_view to_string(failure_kind kind) noexcept;

} // namespace hornet::http
