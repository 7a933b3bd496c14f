// libFuzzer target: arbitrary bytes as one or more pipelined HTTP requests, through the web
// server's limits, request parsing (query strings, forms, JSON bodies, basic auth) and routing,
// without a network. A 5xx answer, or an error answer that is not JSON, is a finding.
#include "web/router.hpp"
#include "web/server_config.hpp"

#include "../web/fake_control.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
namespace web = hornet::web;

void check(const web::response& res)
{
    const int code = res.result_int();
    if (code >= 500) __builtin_trap();
    if (code >= 400 && !res[http::field::content_type].starts_with("application/json")) __builtin_trap();
}

// Parses one request from the front of input with the server's limits. Returns the bytes used,
// or 0 when the connection would end.
std::size_t serve_one(web::router& routes, std::string_view input)
{
    static const web::server_config config;
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    parser.body_limit(config.body_limit);
    parser.eager(true);
    boost::system::error_code ec;
    std::size_t used = 0;
    while (!parser.is_done()) {
        const auto n = parser.put(net::buffer(input.data() + used, input.size() - used), ec);
        used += n;
        if (ec == http::error::need_more || (!ec && n == 0)) {
            ec = {};
            parser.put_eof(ec);
            if (!ec && !parser.is_done()) return 0;
        }
        if (ec) return 0;
    }
    auto res = routes.handle(parser.get());
    check(res);
    return res.keep_alive() ? used : 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Built once: state persists across inputs as it does across requests. Two routers: one
    // open, one behind basic auth (user:pass), so the credentials check is fuzzed too.
    static web::test::fake_control control;
    static web::series_store series;
    static web::router open_routes(control, series, {});
    static web::router guarded_routes(control, series, web::router_options{"user:pass"});

    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto& routes = !input.empty() && (input.front() & 1) ? guarded_routes : open_routes;
    for (int message = 0; message < 8 && !input.empty(); ++message) {
        const auto used = serve_one(routes, input);
        if (used == 0) break;
        input.remove_prefix(used);
    }
    return 0;
}
