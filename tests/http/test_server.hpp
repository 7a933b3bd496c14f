// In-process HTTP/1.1 servers for the client tests: real TCP on 127.0.0.1, port 0, scripted replies.
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hornet::http::test {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using server_request = bhttp::request<bhttp::string_body>;

/// What the server does for one request.
struct reply
{
    enum class then { keep, close, reset, hang, late_then_close, late_then_keep };
    reply(std::string r = {}, then a = then::keep, std::string l = {}) : raw(std::move(r)), after(a), late(std::move(l))
    {}
    std::string raw; ///< bytes written back (may be anything)
    then after = then::keep;
    std::string late; ///< for late_then_*: written 200 ms later, unasked (then closing or not)
};

/// A complete response with Content-Length.
inline std::string make_response(unsigned status, std::string_view reason, std::string_view body,
                                 std::string_view extra_headers = {})
{
    std::string r = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
    r += extra_headers;
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    r += body;
    return r;
}

inline std::string ok(std::string_view body, std::string_view extra_headers = {})
{
    return make_response(200, "OK", body, extra_headers);
}

/// Accepts on 127.0.0.1:0, reads requests with Beast, answers with `handler`. Counts
/// connections and requests. stop() closes everything so io_context::run() can return.
class test_server
{
public:
    using handler = std::function<reply(const server_request&)>;

    test_server(net::io_context& io, handler h) : io_(io), acceptor_(io), handler_(std::move(h))
    {
        const tcp::endpoint ep(net::ip::make_address("127.0.0.1"), 0);
        acceptor_.open(ep.protocol());
        acceptor_.set_option(tcp::acceptor::reuse_address(true));
        acceptor_.bind(ep);
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();
        net::co_spawn(io_, accept_loop(), [](std::exception_ptr) {});
    }
    ~test_server() { stop(); }

    unsigned short port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int connections() const { return connections_; }
    int requests() const { return requests_; }
    /// The last request seen, as received.
    const server_request& last() const { return last_; }

    void stop()
    {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        for (auto& s : sockets_) s->close(ignored);
        sockets_.clear();
    }

private:
    net::awaitable<void> accept_loop()
    {
        for (int i = 0; i < 1000; ++i) { // bounded: tests open a handful of connections
            auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
            if (ec) co_return;
            ++connections_;
            auto s = std::make_shared<tcp::socket>(std::move(socket));
            sockets_.push_back(s);
            net::co_spawn(io_, serve(s), [](std::exception_ptr) {});
        }
    }

    net::awaitable<void> serve(std::shared_ptr<tcp::socket> socket)
    {
        boost::beast::flat_buffer buffer;
        for (int i = 0; i < 100000; ++i) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.body_limit(64 * 1024 * 1024);
            auto [ec, n] = co_await bhttp::async_read(*socket, buffer, parser, net::as_tuple(net::use_awaitable));
            if (ec) {
                boost::system::error_code ignored;
                socket->close(ignored);
                co_return;
            }
            ++requests_;
            server_request req = parser.release();
            last_ = req;
            reply r = handler_(req);
            if (!r.raw.empty()) {
                auto [wec, wn] =
                    co_await net::async_write(*socket, net::buffer(r.raw), net::as_tuple(net::use_awaitable));
                if (wec) co_return;
            }
            boost::system::error_code ignored;
            switch (r.after) {
            case reply::then::keep: break;
            case reply::then::close:
                socket->shutdown(tcp::socket::shutdown_send, ignored);
                socket->close(ignored);
                co_return;
            case reply::then::reset:
                socket->set_option(net::socket_base::linger(true, 0), ignored);
                socket->close(ignored);
                co_return;
            case reply::then::hang: co_return; // the socket stays open in sockets_ until stop()
            case reply::then::late_then_close:
            case reply::then::late_then_keep: {
                net::steady_timer t(io_, std::chrono::milliseconds(200));
                co_await t.async_wait(net::as_tuple(net::use_awaitable));
                co_await net::async_write(*socket, net::buffer(r.late), net::as_tuple(net::use_awaitable));
                if (r.after == reply::then::late_then_keep) break;
                socket->shutdown(tcp::socket::shutdown_send, ignored);
                co_return;
            }
            }
        }
    }

    net::io_context& io_;
    tcp::acceptor acceptor_;
    handler handler_;
    unsigned short port_ = 0;
    int connections_ = 0;
    int requests_ = 0;
    server_request last_;
    std::vector<std::shared_ptr<tcp::socket>> sockets_;
};

/// Runs `coro` on `io` until it finishes (bounded by `limit`), then rethrows its exception.
template <class Awaitable>
void run(net::io_context& io, Awaitable coro, std::chrono::seconds limit = std::chrono::seconds(20))
{
    bool done = false;
    std::exception_ptr error;
    net::co_spawn(io, std::move(coro), [&](std::exception_ptr e) {
        done = true;
        error = e;
    });
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done && std::chrono::steady_clock::now() < deadline) {
        if (io.stopped()) io.restart();
        io.run_one_for(std::chrono::milliseconds(50));
    }
    REQUIRE(done);
    if (error) std::rethrow_exception(error);
}

} // namespace hornet::http::test
