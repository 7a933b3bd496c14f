// libFuzzer target: arbitrary bytes through the HTTP response parser and the code that reads
// response headers (cookies, cookie dates, redirects). No network.
#include "http/cookie_jar.hpp"
#include "http/response_parser.hpp"
#include "http/url.hpp"

#include <boost/beast/http/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace hornet::http;

namespace {

// Feeds `wire` in pieces of `step` bytes as the session's read loop does, keeping the
// unconsumed tail; returns whether a complete response came out.
bool parse(std::string_view wire, std::size_t step, bool head, const response_limits& limits, bool eof, response& out,
           response_parser& parser)
{
    parser.start(out, head, limits);
    std::string pending;
    std::size_t offset = 0;
    for (;;) {
        const std::size_t n = std::min(step, wire.size() - offset);
        pending.append(wire.substr(offset, n));
        offset += n;
        boost::system::error_code ec;
        const std::size_t used = parser.put(pending.data(), pending.size(), ec);
        if (used > pending.size()) std::abort(); // consumed more than it was given
        pending.erase(0, used);
        if (ec && ec != boost::beast::http::error::need_more) return false;
        if (!ec && parser.done()) return true;
        if (offset == wire.size()) {
            if (!eof) return false;
            parser.put_eof(ec);
            return !ec && parser.done();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2) return 0;
    // Two control bytes: split size and options; the rest is the wire.
    const std::size_t step = 1 + data[0] % 64;
    const bool head = data[1] & 1;
    const bool eof = data[1] & 2;
    const std::uint64_t limit = (data[1] & 4) ? 64 : 1 << 20;
    const bool keep = !(data[1] & 8); // streamed (counted, not kept) bodies too
    const std::uint32_t header_limit = (data[1] & 16) ? 256 : 64 * 1024;
    const response_limits limits{header_limit, keep, limit};
    const std::string_view wire(reinterpret_cast<const char*>(data) + 2, size - 2);

    response out;
    response_parser parser;
    const bool complete = parse(wire, step, head, limits, eof, out, parser);
    if (complete) {
        if (out.status < 100 || out.status > 999) std::abort();
        if (head && (!out.body.empty() || out.content_length != 0)) std::abort();
        if (out.body.size() > limit) std::abort();
        if (keep ? out.content_length != out.body.size() : !out.body.empty()) std::abort();
        (void)parser.keep_alive();
    }
    // The same bytes in one piece must give the same verdict and the same response.
    response whole;
    response_parser again;
    if (parse(wire, wire.size() + 1, head, limits, eof, whole, again) != complete) std::abort();
    if (complete && (whole.status != out.status || whole.body != out.body ||
                     whole.headers.size() != out.headers.size() || whole.content_length != out.content_length))
        std::abort();

    cookie_jar jar;
    for (const auto& h : out.headers) {
        jar.set_from_header(h.value, "fuzz.example", "/a/b?c");
        (void)parse_cookie_date(h.value);
        (void)resolve_location("http://fuzz.example:8080/a/b?c", h.value);
    }
    std::string cookie_header;
    jar.append_header(cookie_header, "fuzz.example", "/a/b", false);
    return 0;
}
