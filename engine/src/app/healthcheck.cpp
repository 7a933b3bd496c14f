#include "app/healthcheck.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace hornet::app {

namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

constexpr const char* default_url = "http://127.0.0.1:8089/metrics";
constexpr auto probe_timeout = std::chrono::seconds(4); // below Docker's default 30 s and our 5 s

struct target
{
    std::string host, port, path;
};

// http://HOST[:PORT][/PATH] only: the probe is for our own plain-HTTP port (TLS would need the
// certificate setup of the run for nothing).
bool parse(const std::string& url, target& t)
{
    const std::string scheme = "http://";
    if (url.rfind(scheme, 0) != 0) return false;
    auto rest = url.substr(scheme.size());
    auto slash = rest.find('/');
    auto authority = rest.substr(0, slash);
    t.path = slash == std::string::npos ? "/" : rest.substr(slash);
    if (authority.empty()) return false;
    if (authority.front() == '[') { // [::1]:8089
        auto close = authority.find(']');
        if (close == std::string::npos) return false;
        t.host = authority.substr(1, close - 1);
        t.port = close + 1 < authority.size() && authority[close + 1] == ':' ? authority.substr(close + 2) : "80";
    } else {
        auto colon = authority.rfind(':');
        t.host = authority.substr(0, colon);
        t.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
    }
    return !t.host.empty() && !t.port.empty();
}

net::awaitable<std::string> probe(const target& t, int& status)
{
    auto ex = co_await net::this_coro::executor;
    tcp::resolver resolver(ex);
    auto [rec, endpoints] = co_await resolver.async_resolve(t.host, t.port, net::as_tuple(net::use_awaitable));
    if (rec) co_return "cannot resolve " + t.host + ": " + rec.message();
    boost::beast::tcp_stream stream(ex);
    stream.expires_after(probe_timeout);
    auto [cec, ep] = co_await stream.async_connect(endpoints, net::as_tuple(net::use_awaitable));
    if (cec) co_return "cannot connect: " + cec.message();
    http::request<http::empty_body> req{http::verb::get, t.path, 11};
    req.set(http::field::host, t.host);
    req.set(http::field::user_agent, "hornet-healthcheck");
    req.set(http::field::connection, "close");
    auto [wec, wn] = co_await http::async_write(stream, req, net::as_tuple(net::use_awaitable));
    if (wec) co_return "cannot send the request: " + wec.message();
    boost::beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(1 << 20); // the probe needs the status line, not a large page
    auto [rdec, rn] = co_await http::async_read(stream, buffer, parser, net::as_tuple(net::use_awaitable));
    // The status is known once the header is in, even if the body was too large.
    if (rdec && !parser.is_header_done()) co_return "no HTTP answer: " + rdec.message();
    status = static_cast<int>(parser.get().result_int());
    co_return "";
}

} // namespace

int run_healthcheck_command(int argc, char** argv)
{
    std::string url = argc > 1 ? argv[1] : default_url;
    if (argc > 2 || url == "-h" || url == "--help") {
        std::fprintf(stderr,
                     "usage: hornet healthcheck [URL]   (default %s)\n"
                     "Exit 0 when URL answers with a status below 500, else 1.\n",
                     default_url);
        return argc > 2 ? 2 : 0;
    }
    target t;
    if (!parse(url, t)) {
        std::fprintf(stderr, "hornet healthcheck: invalid URL \"%s\": expected http://HOST[:PORT][/PATH]\n",
                     url.c_str());
        return 2;
    }
    net::io_context io;
    int status = 0;
    std::string error = "no answer";
    net::co_spawn(io, probe(t, status), [&](std::exception_ptr e, std::string result) {
        error = e ? "unexpected error" : std::move(result);
    });
    io.run();
    if (!error.empty()) {
        std::fprintf(stderr, "hornet healthcheck: %s: %s\n", url.c_str(), error.c_str());
        return 1;
    }
    if (status >= 500) {
        std::fprintf(stderr, "hornet healthcheck: %s answered %d\n", url.c_str(), status);
        return 1;
    }
    return 0;
}

} // namespace hornet::app
