// Tests for web/server.hpp: real TCP on 127.0.0.1, a free port, the server on its own thread.
#include "web/server.hpp"

#include "web/fake_control.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/time.h>

#include <future>
#include <memory>
#include <thread>
#include <vector>

using namespace hornet::web;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

struct running_server
{
    explicit running_server(server_config config = {}, router_options options = {})
        : routes(control, series, std::move(options)), srv(io, routes, with_loopback(std::move(config)))
    {
        auto port = srv.start();
        REQUIRE_MESSAGE(port, (port ? "" : port.error().detail));
        thread = std::thread([this] { io.run(); });
    }
    ~running_server()
    {
        net::post(io, [this] { srv.stop(); });
        thread.join();
    }
    static server_config with_loopback(server_config c)
    {
        c.host = "127.0.0.1";
        c.port = 0;
        return c;
    }

    net::io_context io{1};
    test::fake_control control;
    series_store series;
    router routes;
    server srv;
    std::thread thread;
};

// A blocking socket that gives up after 10 s, so a broken server fails the test, not hangs it.
tcp::socket connect(net::io_context& ctx, std::uint16_t port)
{
    tcp::socket s(ctx);
    s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    timeval timeout{10, 0};
    ::setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(s.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return s;
}

http::response<http::string_body> get(tcp::socket& s, const std::string& target)
{
    http::request<http::string_body> req{http::verb::get, target, 11};
    req.set(http::field::host, "127.0.0.1");
    http::write(s, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(s, buffer, res);
    return res;
}

// Sends raw bytes and reads one response (or nothing when the server just closes).
std::string raw_exchange(std::uint16_t port, const std::string& bytes)
{
    net::io_context ctx;
    auto s = connect(ctx, port);
    net::write(s, net::buffer(bytes));
    std::string out;
    boost::system::error_code ec;
    net::read(s, net::dynamic_buffer(out), ec);
    return out;
}

} // namespace

TEST_CASE("server: keep-alive serves several requests on one connection")
{
    running_server s;
    net::io_context ctx;
    auto sock = connect(ctx, s.srv.port());
    for (int i = 0; i < 3; ++i) {
        auto res = get(sock, "/stats/requests");
        CHECK(res.result_int() == 200);
        CHECK(res.keep_alive());
    }
    CHECK(get(sock, "/nope").result_int() == 404);
    CHECK(get(sock, "/worker-count").result_int() == 200);
}

TEST_CASE("server: many concurrent connections are all served")
{
    running_server s;
    constexpr int connections = 300;
    net::io_context ctx;
    std::vector<tcp::socket> socks;
    for (int i = 0; i < connections; ++i) socks.push_back(connect(ctx, s.srv.port()));
    // Every connection is open before any is answered: the server holds them all at once.
    for (auto& sock : socks) {
        http::request<http::string_body> req{http::verb::get, "/stats/requests", 11};
        req.set(http::field::host, "127.0.0.1");
        http::write(sock, req);
    }
    int ok = 0;
    for (auto& sock : socks) {
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        boost::system::error_code ec;
        http::read(sock, buffer, res, ec);
        if (!ec && res.result_int() == 200) ++ok;
    }
    CHECK(ok == connections);
}

TEST_CASE("server: malformed and oversized requests get a 4xx, and the server goes on")
{
    server_config config;
    config.header_limit = 2048;
    config.body_limit = 4096;
    running_server s(config);
    const auto port = s.srv.port();
    CHECK(raw_exchange(port, "NONSENSE\r\n\r\n").starts_with("HTTP/1.1 400"));
    CHECK(raw_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(4000, 'a') + "\r\n\r\n")
              .starts_with("HTTP/1.1 431"));
    CHECK(
        raw_exchange(port, "POST /swarm HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + std::string(5000, 'a'))
            .starts_with("HTTP/1.1 413"));
    auto bad_length = raw_exchange(port, "POST /swarm HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
    CHECK(bad_length.starts_with("HTTP/1.1 400"));
    CHECK(bad_length.find("\"success\":false") != std::string::npos);
    net::io_context ctx;
    auto sock = connect(ctx, port);
    CHECK(get(sock, "/stats/requests").result_int() == 200);
}

TEST_CASE("server: stop() closes idle keep-alive connections so the io_context can finish")
{
    auto s = std::make_unique<running_server>();
    net::io_context ctx;
    auto sock = connect(ctx, s->srv.port());
    CHECK(get(sock, "/stats/requests").result_int() == 200);
    auto done = std::async(std::launch::async, [&] { s.reset(); });
    CHECK(done.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    char byte;
    boost::system::error_code ec;
    sock.read_some(net::buffer(&byte, 1), ec);
    CHECK(ec); // closed by the server
}

TEST_CASE("server: a taken port is an error that names the address")
{
    running_server first;
    net::io_context io;
    test::fake_control control;
    series_store series;
    router routes(control, series, {});
    server_config config;
    config.host = "127.0.0.1";
    config.port = first.srv.port();
    server second(io, routes, config);
    auto port = second.start();
    REQUIRE_FALSE(port);
    CHECK(port.error().detail.find("127.0.0.1:" + std::to_string(first.srv.port())) != std::string::npos);
}

TEST_CASE("server: TLS files are checked before listening")
{
    net::io_context io;
    test::fake_control control;
    series_store series;
    router routes(control, series, {});
    server_config config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.tls_cert = "/nonexistent/cert.pem";
    config.tls_key = "/nonexistent/key.pem";
    server srv(io, routes, config);
    auto port = srv.start();
    REQUIRE_FALSE(port);
    CHECK(port.error().detail.find("/nonexistent/cert.pem") != std::string::npos);
}
