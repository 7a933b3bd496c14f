// Failure texts in the shape a Locust user knows: Python exception reprs.
#pragma once

#include "http/client_config.hpp"
#include "http/failure_kind.hpp"

#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::http {

/// A classified failure, before it is stored in a response.
struct failure_info
{
    failure_kind kind = failure_kind::none;
    std::string text;
};

/// Python's repr() of a str: single quotes unless the text holds ' and no ", escapes for
/// backslash, the quote and control bytes.

/// "Type(<repr of message>)", e.g. BadResponse('bad status').
std::string py_exception(std::string_view type, std::string_view message);

/// A socket error as Python prints the OSError: "ConnectionRefusedError(111, 'Connection refused')".
std::string os_error_text(const boost::system::error_code& ec);

/// Classifies an error from resolving, connecting or the TLS handshake to host:port.
failure_info connect_failure(const boost::system::error_code& ec, std::string_view host, std::uint16_t port,
                             bool during_handshake);

/// Classifies an error while writing the request or reading the response.
/// `got_response_bytes` tells an early close (no response) from a truncated one.
/// `config` names the limits in the texts of body_too_large and header-limit failures.
failure_info exchange_failure(const boost::system::error_code& ec, bool got_response_bytes,
                              const client_config& config);

/// "TimeoutError('request timed out after 60.0 s')".
std::string request_timeout_text(std::chrono::milliseconds timeout);
/// "TimeoutError('connection to host:port timed out after 60.0 s')".
std::string connect_timeout_text(std::string_view host, std::uint16_t port, std::chrono::milliseconds timeout);

/// requests' raise_for_status text, or empty when `status` is not 400-599:
/// "HTTPError('404 Client Error: Not Found for url: /x')". An empty reason falls back to the
/// standard one.
std::string http_error_text(unsigned status, std::string_view reason, std::string_view url);

} // namespace hornet::http
