// Read a request, answer it, keep alive: one coroutine per connection on the control thread.
#include "web/session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <optional>

namespace hornet::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using error_code = boost::system::error_code;

namespace {

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);

// A read that failed because of the request itself earns an answer; the rest (closed, reset,
// timed out) end the connection silently.
std::optional<status> read_failure_status(const error_code& ec)
{
    if (ec == http::error::header_limit) return status::request_header_fields_too_large;
    if (ec == http::error::body_limit) return status::payload_too_large;
    if (ec.category() == make_error_code(http::error::end_of_stream).category() && ec != http::error::end_of_stream &&
        ec != http::error::partial_message && ec != http::error::need_more && ec != http::error::need_buffer)
        return status::bad_request;
    return std::nullopt;
}

template <class Stream>
net::awaitable<void> serve(Stream& stream, router& routes, const server_config& config)
{
    beast::flat_buffer buffer;
    std::optional<http::request_parser<http::string_body>> parser;
    for (;;) {
        parser.emplace();
        parser->header_limit(static_cast<std::uint32_t>(config.header_limit));
        parser->body_limit(config.body_limit);
        // Idle between requests, then the whole request within the request timeout.
        beast::get_lowest_layer(stream).expires_after(buffer.size() ? config.request_timeout : config.idle_timeout);
        auto [ec, n] = co_await http::async_read_header(stream, buffer, *parser, use_tuple);
        if (!ec && !parser->is_done()) {
            beast::get_lowest_layer(stream).expires_after(config.request_timeout);
            std::tie(ec, n) = co_await http::async_read(stream, buffer, *parser, use_tuple);
        }
        if (ec) {
            if (auto code = read_failure_status(ec)) {
                auto res = error_reply(*code, "bad request: " + ec.message());
                res.set(http::field::access_control_allow_origin, "*");
                res.keep_alive(false);
                res.prepare_payload();
                beast::get_lowest_layer(stream).expires_after(config.request_timeout);
                co_await http::async_write(stream, res, use_tuple);
            }
            co_return;
        }
        auto res = routes.handle(parser->get());
        const bool keep_alive = res.keep_alive();
        beast::get_lowest_layer(stream).expires_after(config.request_timeout);
        if (auto [wec, wn] = co_await http::async_write(stream, res, use_tuple); wec) co_return;
        if (!keep_alive) co_return;
    }
}

// Listed in `open` for as long as the session runs.
class registration
{
public:
    registration(open_sockets& open, net::ip::tcp::socket& s) : open_(open), socket_(&s) { open_.insert(socket_); }
    ~registration() { open_.erase(socket_); }
    registration(const registration&) = delete;
    registration& operator=(const registration&) = delete;

private:
    open_sockets& open_;
    net::ip::tcp::socket* socket_;
};

} // namespace

net::awaitable<void> run_session(net::ip::tcp::socket socket, net::ssl::context* tls, router& routes,
                                 const server_config& config, open_sockets& open)
{
    if (!tls) {
        beast::tcp_stream stream(std::move(socket));
        registration listed(open, stream.socket());
        co_await serve(stream, routes, config);
        error_code ignored;
        stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
        co_return;
    }
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *tls);
    registration listed(open, beast::get_lowest_layer(stream).socket());
    beast::get_lowest_layer(stream).expires_after(config.request_timeout);
    if (auto [ec] = co_await stream.async_handshake(net::ssl::stream_base::server, use_tuple); ec) co_return;
    co_await serve(stream, routes, config);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(use_tuple);
}

} // namespace hornet::web
