// Python-style failure texts and error classification.
#include "http/error_text.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>

#include <doctest/doctest.h>

namespace hornet::http {
namespace {

namespace net = boost::asio;
using namespace std::chrono_literals;

TEST_CASE("py_exception wraps the repr of the message")
{
    CHECK(py_exception("BadResponse", "x") == "BadResponse('x')");
    CHECK(py_exception("HTTPError", "it's") == "HTTPError(\"it's\")");
}

TEST_CASE("socket errors read as Python OSErrors")
{
    CHECK(os_error_text(net::error::connection_refused) == "ConnectionRefusedError(111, 'Connection refused')");
    CHECK(os_error_text(net::error::connection_reset) == "ConnectionResetError(104, 'Connection reset by peer')");
    CHECK(os_error_text(net::error::broken_pipe) == "BrokenPipeError(32, 'Broken pipe')");
    CHECK(os_error_text(net::error::host_unreachable) == "OSError(113, 'No route to host')");
}

TEST_CASE("connect failures are classified")
{
    auto f = connect_failure(net::error::connection_refused, "h", 1, false);
    CHECK(f.kind == failure_kind::connect_refused);
    f = connect_failure(net::error::host_not_found, "nohost", 80, false);
    CHECK(f.kind == failure_kind::dns);
    CHECK(f.text.rfind("NameResolutionError(\"cannot resolve 'nohost': ", 0) == 0);
    f = connect_failure(net::error::eof, "h", 443, true);
    CHECK(f.kind == failure_kind::tls);
    CHECK(f.text == "SSLError('EOF occurred in violation of protocol')");
    f = connect_failure(net::error::network_unreachable, "h", 1, false);
    CHECK(f.kind == failure_kind::connect);
    f = connect_failure(net::error::operation_aborted, "h", 1, false);
    CHECK(f.kind == failure_kind::cancelled);
}

TEST_CASE("exchange failures are classified")
{
    namespace bhttp = boost::beast::http;
    client_config config;
    CHECK(exchange_failure(bhttp::error::body_limit, true, config).kind == failure_kind::body_too_large);
    CHECK(exchange_failure(bhttp::error::bad_version, true, config).kind == failure_kind::bad_response);
    CHECK(exchange_failure(bhttp::error::partial_message, true, config).kind == failure_kind::reset);
    CHECK(exchange_failure(net::error::eof, false, config).text ==
          "RemoteDisconnected('Remote end closed connection without response')");
    CHECK(exchange_failure(net::error::eof, true, config).kind == failure_kind::bad_response);
    CHECK(exchange_failure(net::ssl::error::stream_truncated, false, config).kind == failure_kind::reset);
    CHECK(exchange_failure(net::error::connection_reset, false, config).kind == failure_kind::reset);
    CHECK(exchange_failure(net::error::operation_aborted, false, config).kind == failure_kind::cancelled);
}

TEST_CASE("timeouts and HTTP errors")
{
    CHECK(request_timeout_text(60000ms) == "TimeoutError('request timed out after 60.0 s')");
    CHECK(request_timeout_text(300ms) == "TimeoutError('request timed out after 0.3 s')");
    CHECK(connect_timeout_text("h", 8, 1500ms) == "TimeoutError('connection to h:8 timed out after 1.5 s')");
    CHECK(http_error_text(404, "Not Found", "/x") == "HTTPError('404 Client Error: Not Found for url: /x')");
    CHECK(http_error_text(500, "Internal Server Error", "http://h/") ==
          "HTTPError('500 Server Error: Internal Server Error for url: http://h/')");
    CHECK(http_error_text(418, "I'm a teapot", "/t") == "HTTPError(\"418 Client Error: I'm a teapot for url: /t\")");
    CHECK(http_error_text(404, "", "/x") == "HTTPError('404 Client Error: Not Found for url: /x')");
    CHECK(http_error_text(460, "", "/x") == "HTTPError('460 Client Error:  for url: /x')"); // no standard reason
    CHECK(http_error_text(200, "OK", "/").empty());
    CHECK(http_error_text(302, "Found", "/").empty());
    CHECK(http_error_text(600, "X", "/").empty());
}

TEST_CASE("failure kind names")
{
    CHECK(to_string(failure_kind::none) == "none");
    CHECK(to_string(failure_kind::connect_refused) == "connect_refused");
    CHECK(to_string(failure_kind::too_many_redirects) == "too_many_redirects");
    CHECK(to_string(failure_kind::cancelled) == "cancelled");
}

} // namespace
} // namespace hornet::http
