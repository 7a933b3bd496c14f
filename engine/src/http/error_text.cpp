// Maps Asio, Beast and OpenSSL error codes to failure kinds and Python-style texts.
#include "http/error_text.hpp"

#include "core/py_format.hpp"
#include "core/py_repr.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/status.hpp>

#include <cerrno>

namespace hornet::http {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;

std::string py_exception(std::string_view type, std::string_view message)
{
    std::string out(type);
    out += '(';
    out += core::py_repr(message);
    out += ')';
    return out;
}

std::string os_error_text(const boost::system::error_code& ec)
{
    if (ec.category() != boost::system::system_category() && ec.category() != boost::system::generic_category())
        return py_exception("OSError", ec.message());
    const char* type = "OSError";
    switch (ec.value()) {
    case ECONNREFUSED: type = "ConnectionRefusedError"; break;
    case ECONNRESET: type = "ConnectionResetError"; break;
    case ECONNABORTED: type = "ConnectionAbortedError"; break;
    case EPIPE:
    case ESHUTDOWN: type = "BrokenPipeError"; break;
    case ETIMEDOUT: type = "TimeoutError"; break;
    default: break;
    }
    return std::string(type) + "(" + std::to_string(ec.value()) + ", " + core::py_repr(ec.message()) + ")";
}

namespace {

bool is_ssl_error(const boost::system::error_code& ec)
{
    return ec.category() == net::error::get_ssl_category() || ec.category() == net::ssl::error::get_stream_category();
}

bool is_dns_error(const boost::system::error_code& ec)
{
    return ec.category() == net::error::get_netdb_category() || ec.category() == net::error::get_addrinfo_category();
}

std::string seconds_text(std::chrono::milliseconds d)
{
    return core::py_float(static_cast<double>(d.count()) / 1000.0);
}

} // namespace

failure_info connect_failure(const boost::system::error_code& ec, std::string_view host, std::uint16_t port,
                             bool during_handshake)
{
    if (ec == net::error::operation_aborted)
        return {failure_kind::cancelled, py_exception("Cancelled", "request cancelled")};
    if (is_dns_error(ec))
        return {failure_kind::dns,
                py_exception("NameResolutionError", "cannot resolve '" + std::string(host) + "': " + ec.message())};
    if (during_handshake) {
        if (ec == net::error::eof || ec == net::ssl::error::stream_truncated)
            return {failure_kind::tls, py_exception("SSLError", "EOF occurred in violation of protocol")};
        if (is_ssl_error(ec)) return {failure_kind::tls, py_exception("SSLError", ec.message())};
    }
    if (ec == net::error::connection_refused) return {failure_kind::connect_refused, os_error_text(ec)};
    if (ec == net::error::connection_reset) return {failure_kind::reset, os_error_text(ec)};
    return {failure_kind::connect, os_error_text(ec)};
}

failure_info exchange_failure(const boost::system::error_code& ec, bool got_response_bytes, const client_config& config)
{
    if (ec.category() == bhttp::make_error_code(bhttp::error::body_limit).category()) {
        if (ec == bhttp::error::body_limit)
            return {failure_kind::body_too_large,
                    py_exception("BodyTooLarge", "response body over " + std::to_string(config.max_body_size) +
                                                     " bytes, the most kept for a check, an extract or C++ code to "
                                                     "read (--max-body-size)")};
        if (ec == bhttp::error::header_limit)
            return {failure_kind::bad_response,
                    py_exception("BadResponse", "response header block over " + std::to_string(config.max_header_size) +
                                                    " bytes (--max-header-size)")};
        if (ec == bhttp::error::partial_message)
            return {failure_kind::reset,
                    py_exception("IncompleteRead", "connection closed before the end of the response body")};
        return {failure_kind::bad_response, py_exception("BadResponse", ec.message())};
    }
    if (ec == net::error::eof || ec == net::ssl::error::stream_truncated) {
        if (!got_response_bytes)
            return {failure_kind::reset, "RemoteDisconnected('Remote end closed connection without response')"};
        return {failure_kind::bad_response,
                py_exception("BadResponse", "connection closed inside the response header")};
    }
    if (is_ssl_error(ec)) return {failure_kind::tls, py_exception("SSLError", ec.message())};
    if (ec == net::error::connection_reset || ec == net::error::broken_pipe || ec == net::error::connection_aborted)
        return {failure_kind::reset, os_error_text(ec)};
    if (ec == net::error::operation_aborted)
        return {failure_kind::cancelled, py_exception("Cancelled", "request cancelled")};
    return {failure_kind::connect, os_error_text(ec)};
}

std::string request_timeout_text(std::chrono::milliseconds timeout)
{
    return py_exception("TimeoutError", "request timed out after " + seconds_text(timeout) + " s");
}

std::string connect_timeout_text(std::string_view host, std::uint16_t port, std::chrono::milliseconds timeout)
{
    return py_exception("TimeoutError", "connection to " + std::string(host) + ":" + std::to_string(port) +
                                            " timed out after " + seconds_text(timeout) + " s");
}

std::string http_error_text(unsigned status, std::string_view reason, std::string_view url)
{
    const char* cls = nullptr;
    if (status >= 400 && status < 500)
        cls = " Client Error: ";
    else if (status >= 500 && status < 600)
        cls = " Server Error: ";
    else
        return {};
    if (reason.empty()) reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
    if (reason == "<unknown-status>") reason = {};
    std::string message = std::to_string(status);
    message += cls;
    message += reason;
    message += " for url: ";
    message += url;
    return py_exception("HTTPError", message);
}

} // namespace hornet::http
