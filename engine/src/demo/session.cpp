// One HTTP/1.1 connection of the demo target.
#include "demo/session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace hornet::demo {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using error_code = boost::system::error_code;

namespace {

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);
constexpr std::size_t chunk_size = 16 * 1024;
constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";

bool expects_continue(const request& req)
{
    if (req.version() < 11) {
        return false;
    }
    const auto it = req.find(http::field::expect);
    return it != req.end() && beast::iequals(it->value(), "100-continue");
}

// After an error answer, stop sending but keep reading (and dropping) for a moment: closing with
// unread input makes the kernel send RST, which can destroy the answer before the peer reads it.
net::awaitable<void> linger_close(session_socket& socket)
{
    error_code ignored;
    socket.shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    net::steady_timer timer(socket.get_executor(), std::chrono::seconds(1));
    timer.async_wait([&socket](error_code ec) {
        if (!ec) {
            socket.cancel();
        }
    });
    std::array<char, 4096> scratch;
    std::size_t drained = 0;
    while (drained < 4 * max_body_bytes) {
        auto [ec, n] = co_await socket.async_read_some(net::buffer(scratch), use_tuple);
        if (ec) {
            break;
        }
        drained += n;
    }
    timer.cancel();
}

// Sends the header, then the body in chunk_size pieces, then the last chunk.
net::awaitable<bool> write_chunked(session_socket& socket, response& res)
{
    const std::string body = std::move(res.body());
    http::response<http::empty_body> head{std::move(res.base())};
    http::response_serializer<http::empty_body> serializer{head};
    if (auto [ec, n] = co_await http::async_write_header(socket, serializer, use_tuple); ec) {
        co_return false;
    }
    for (std::size_t offset = 0; offset < body.size(); offset += chunk_size) {
        const auto size = std::min(chunk_size, body.size() - offset);
        auto [ec, n] =
            co_await net::async_write(socket, http::make_chunk(net::buffer(body.data() + offset, size)), use_tuple);
        if (ec) {
            co_return false;
        }
    }
    auto [ec, n] = co_await net::async_write(socket, http::make_chunk_last(), use_tuple);
    co_return !ec;
}

} // namespace

net::awaitable<void> run_session(session_socket socket, router& routes)
{
    beast::flat_buffer buffer;
    std::string fast; // the fast path's serialised response; its capacity is reused
    std::optional<http::request_parser<http::string_body>> parser;
    for (;;) {
        // A Beast parser handles one message; re-emplacing it is cheap and the buffer stays.
        parser.emplace();
        parser->header_limit(max_header_bytes);
        parser->body_limit(max_body_bytes);

        auto [ec, n] = co_await http::async_read_header(socket, buffer, *parser, use_tuple);
        if (!ec && !parser->is_done()) {
            if (expects_continue(parser->get())) {
                if (auto [wec, wn] = co_await net::async_write(socket, net::buffer(continue_line), use_tuple); wec) {
                    co_return;
                }
            }
            std::tie(ec, n) = co_await http::async_read(socket, buffer, *parser, use_tuple);
        }
        if (ec) {
            if (const auto status = read_failure_status(ec)) {
                auto res = routes.malformed(*status, ec.message());
                if (auto [wec, wn] = co_await http::async_write(socket, res, use_tuple); !wec) {
                    co_await linger_close(socket);
                }
            }
            co_return;
        }

        const auto& req = parser->get();
        if (routes.try_fast(req, fast)) {
            if (auto [wec, wn] = co_await net::async_write(socket, net::buffer(fast), use_tuple); wec) {
                co_return;
            }
            continue;
        }

        auto r = routes.handle(req);
        const bool keep_alive = r.res.keep_alive();
        if (r.delay.count() > 0) {
            net::steady_timer timer(socket.get_executor(), r.delay);
            if (auto [tec] = co_await timer.async_wait(use_tuple); tec) {
                co_return;
            }
        }
        if (r.chunked) {
            if (!co_await write_chunked(socket, r.res)) {
                co_return;
            }
        } else if (auto [wec, wn] = co_await http::async_write(socket, r.res, use_tuple); wec) {
            co_return;
        }
        if (!keep_alive) {
            error_code ignored;
            socket.shutdown(net::ip::tcp::socket::shutdown_send, ignored);
            co_return;
        }
    }
}

} // namespace hornet::demo
