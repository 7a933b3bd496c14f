// libFuzzer target: arbitrary bytes as one or more pipelined HTTP requests, through the demo
// target's request parsing, routing and response serialisation, without a network.
#include "demo/request_limits.hpp"
#include "demo/router.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/write.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
namespace demo = hornet::demo;

// Serialising is part of answering; skip it for huge generated bodies, which only cost time.
void serialise(const demo::response& res)
{
    if (res.body().size() > 1024 * 1024) {
        return;
    }
    std::ostringstream out;
    out << res;
}

// Parses one request from the front of input as the session does (same limits, the socket
// closing at the end of the input). Returns the bytes used, or 0 when the connection would end.
std::size_t serve_one(demo::router& routes, std::string_view input)
{
    http::request_parser<http::string_body> parser;
    parser.header_limit(demo::max_header_bytes);
    parser.body_limit(demo::max_body_bytes);
    parser.eager(true);

    boost::system::error_code ec;
    std::size_t used = 0;
    while (!parser.is_done()) {
        const auto n = parser.put(net::buffer(input.data() + used, input.size() - used), ec);
        used += n;
        // The parser always sees all the input that is left, so needing more (or, with the input
        // used up, making no progress) means the input ends inside this message: the peer hung
        // up. Calling put() again without new bytes would break Beast's preconditions.
        if (ec == http::error::need_more || (!ec && n == 0)) {
            ec = {};
            parser.put_eof(ec);
            if (!ec && !parser.is_done()) {
                return 0;
            }
        }
        if (ec) {
            // A peer that hangs up before a single byte is end_of_stream; everything else mirrors the session.
            if (ec == http::error::partial_message && used == 0) {
                ec = http::error::end_of_stream;
            }
            if (const auto status = demo::read_failure_status(ec)) {
                serialise(routes.malformed(*status, ec.message()));
            }
            return 0;
        }
    }

    const auto& req = parser.get();
    std::string fast;
    if (routes.try_fast(req, fast)) {
        return used;
    }
    auto r = routes.handle(req);
    serialise(r.res);
    return r.res.keep_alive() ? used : 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Built once: the catalogue and counters persist across inputs, as they do across requests.
    static demo::router routes;

    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int message = 0; message < 8 && !input.empty(); ++message) {
        const auto used = serve_one(routes, input);
        if (used == 0) {
            break;
        }
        input.remove_prefix(used);
    }
    // An exception inside an endpoint is answered 500 in production; here it is a finding.
    if (routes.internal_errors() != 0) {
        __builtin_trap();
    }
    return 0;
}
