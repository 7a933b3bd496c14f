// The response parser on byte strings: framing, splits at every position, limits, reuse.
#include "http/response_parser.hpp"

#include <boost/beast/http/error.hpp>

#include <doctest/doctest.h>

#include <string>

namespace hornet::http {
namespace {

namespace bhttp = boost::beast::http;
using boost::system::error_code;

struct parsed
{
    response out;
    error_code ec;
    bool done = false;
    bool keep_alive = false;
    std::size_t consumed = 0;
    std::string reason;
};

// Feeds `wire` in pieces of at most `step` bytes, the way a read loop does: unconsumed bytes
// are offered again together with the next piece.
parsed feed(std::string_view wire, std::size_t step, bool head = false, std::uint64_t limit = 1 << 20, bool eof = false,
            bool keep = true, std::uint32_t header_limit = 64 * 1024)
{
    parsed p;
    response_parser parser;
    parser.start(p.out, head, {header_limit, keep, limit});
    std::string pending;
    std::size_t offset = 0;
    while (true) {
        const auto n = std::min(step, wire.size() - offset);
        pending.append(wire.substr(offset, n));
        offset += n;
        error_code ec;
        const auto used = parser.put(pending.data(), pending.size(), ec);
        p.consumed += used;
        pending.erase(0, used);
        if (ec && ec != bhttp::error::need_more) {
            p.ec = ec;
            return p;
        }
        if (!ec && parser.done()) break;
        if (offset == wire.size()) {
            if (eof) {
                parser.put_eof(p.ec);
                if (p.ec) return p;
                break;
            }
            p.ec = bhttp::error::need_more;
            return p;
        }
    }
    p.done = parser.done();
    p.keep_alive = parser.keep_alive();
    p.reason = std::string(parser.reason());
    return p;
}

const std::string simple =
    "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

TEST_CASE("a Content-Length response, whole and split at every byte")
{
    for (std::size_t step = 1; step <= simple.size(); ++step) {
        CAPTURE(step);
        auto p = feed(simple, step);
        REQUIRE_FALSE(p.ec);
        CHECK(p.done);
        CHECK(p.keep_alive);
        CHECK(p.out.status == 200);
        CHECK(p.reason == "OK");
        CHECK(p.out.body == "ok");
        REQUIRE(p.out.headers.size() == 3);
        CHECK(p.out.headers[0].name == "Server");
        CHECK(p.out.headers[0].value == "nginx");
        CHECK(p.out.header("content-type") == std::optional<std::string_view>("text/plain"));
        CHECK(p.consumed == simple.size());
    }
}

TEST_CASE("chunked bodies with extensions and trailers, split at every byte")
{
    const std::string wire =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "4;name=value\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-Checksum: 42\r\n\r\n";
    for (std::size_t step = 1; step <= wire.size(); ++step) {
        CAPTURE(step);
        auto p = feed(wire, step);
        REQUIRE_FALSE(p.ec);
        CHECK(p.out.body == "Wikipedia in \r\n\r\nchunks.");
        CHECK(p.keep_alive);
        CHECK(p.out.header("x-checksum") == std::optional<std::string_view>("42"));
    }
}

TEST_CASE("framing rules: HEAD, 204, 304, read-to-EOF, HTTP/1.0, Connection: close")
{
    auto p = feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", 1000, true);
    CHECK(p.done);
    CHECK(p.out.body.empty());
    CHECK(p.keep_alive);

    p = feed("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", 1000);
    CHECK(p.done);
    CHECK(p.out.status == 204);

    p = feed("HTTP/1.1 304 Not Modified\r\n\r\n", 1000);
    CHECK(p.done);

    p = feed("HTTP/1.1 200 OK\r\n\r\nall of it", 3, false, 1 << 20, true);
    REQUIRE_FALSE(p.ec);
    CHECK(p.out.body == "all of it");
    CHECK_FALSE(p.keep_alive);

    p = feed("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 1000);
    CHECK(p.done);
    CHECK_FALSE(p.keep_alive);
    p = feed("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx", 1000);
    CHECK(p.keep_alive);
    p = feed("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", 1000);
    CHECK(p.done);
    CHECK_FALSE(p.keep_alive);
}

TEST_CASE("interim 1xx responses are skipped")
{
    const std::string wire = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + simple;
    for (std::size_t step : {std::size_t(1), std::size_t(7), wire.size()}) {
        CAPTURE(step);
        auto p = feed(wire, step);
        REQUIRE_FALSE(p.ec);
        CHECK(p.out.status == 200);
        CHECK(p.out.body == "ok");
        CHECK_FALSE(p.out.header("link"));
    }
}

TEST_CASE("limits and malformed input")
{
    auto p = feed("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", 1000, false, 10);
    CHECK(p.ec == bhttp::error::body_limit);
    p = feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\nhello world\r\n0\r\n\r\n", 1000, false, 10);
    CHECK(p.ec == bhttp::error::body_limit);
    p = feed("HTTP/1.1 200 OK\r\n\r\n" + std::string(11, 'x'), 1000, false, 10, true);
    CHECK(p.ec == bhttp::error::body_limit);

    p = feed("HTTP/1.1 200 OK\r\nX: " + std::string(64 * 1024, 'a') + "\r\n\r\n", 4096);
    CHECK(p.ec == bhttp::error::header_limit);

    for (std::string bad : {"HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 050 Low\r\n\r\n", "HTTP/2 200 OK\r\n\r\n",
                            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "\x01\x02\r\n\r\n",
                            "HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n"}) {
        CAPTURE(bad);
        p = feed(bad, 1000, false, 1 << 20, true);
        CHECK(p.ec);
        CHECK(p.ec != bhttp::error::need_more);
    }
    p = feed("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", 1000, false, 1 << 20, true);
    CHECK(p.ec == bhttp::error::partial_message);
    p = feed("HTTP/1.1 200 O", 1000, false, 1 << 20, true);
    CHECK(p.ec == bhttp::error::partial_message);
}

TEST_CASE("a body nobody keeps is counted, whatever its size and framing")
{
    const std::string big(300 * 1024, 'x');
    for (const std::string& wire :
         {"HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(big.size()) + "\r\n\r\n" + big,
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4b000\r\n" + big + "\r\n0\r\n\r\n"}) {
        auto p = feed(wire, 4096, false, 10, false, false);
        CHECK(!p.ec);
        CHECK(p.done);
        CHECK(p.out.body.empty());
        CHECK(p.out.content_length == big.size());
        auto kept = feed(wire, 4096, false, big.size(), false, true);
        CHECK(kept.done);
        CHECK(kept.out.body == big);
        CHECK(kept.out.content_length == big.size());
    }
    auto eof = feed("HTTP/1.1 200 OK\r\n\r\n" + big, 4096, false, 10, true, false);
    CHECK(!eof.ec);
    CHECK(eof.out.content_length == big.size());
    // A body over the kept limit fails at its Content-Length, before any of it is read.
    auto early = feed("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", 1000, false, 10);
    CHECK(early.ec == bhttp::error::body_limit);
}

TEST_CASE("the header limit is the caller's: a 100 KB line and 10,000 fields pass under 1 MiB")
{
    const std::string line =
        "HTTP/1.1 200 OK\r\nX-Long: " + std::string(100 * 1024, 'v') + "\r\nContent-Length: 0\r\n\r\n";
    std::string many = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 10000; ++i) many += "X-F" + std::to_string(i) + ": " + std::to_string(i) + "\r\n";
    many += "Content-Length: 0\r\n\r\n";
    auto p = feed(line, 8192, false, 10, false, true, 1024 * 1024);
    CHECK(p.done);
    CHECK(p.out.headers[0].value.size() == 100 * 1024);
    p = feed(many, 8192, false, 10, false, true, 1024 * 1024);
    CHECK(p.done);
    CHECK(p.out.headers.size() == 10001);
    CHECK(feed(line, 8192, false, 10, false, true, 64 * 1024).ec == bhttp::error::header_limit);
}

TEST_CASE("reuse keeps the header strings' storage and drops stale headers")
{
    response out;
    response_parser parser;
    const std::string first =
        "HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 02:56:55 GMT\r\nX-A: 1\r\nX-B: 2\r\nContent-Length: 1\r\n\r\na";
    const std::string second =
        "HTTP/1.1 404 Not Found\r\nDate: Sun, 22 Nov 2026 02:56:56 GMT\r\nContent-Length: 1\r\n\r\nb";
    error_code ec;
    parser.start(out, false, {64 * 1024, true, 100});
    CHECK(parser.put(first.data(), first.size(), ec) == first.size());
    REQUIRE(parser.done());
    const char* date_storage = out.headers[0].value.data();
    parser.start(out, false, {64 * 1024, true, 100});
    parser.put(second.data(), second.size(), ec);
    REQUIRE(parser.done());
    CHECK(out.status == 404);
    CHECK(out.body == "b");
    CHECK(out.headers.size() == 2);
    CHECK(out.headers[0].value == "Sun, 22 Nov 2026 02:56:56 GMT");
    CHECK(out.headers[0].value.data() == date_storage);
    CHECK(parser.reason() == "Not Found");
}

TEST_CASE("has_set_cookie")
{
    auto check = [](std::string_view wire) {
        response out;
        response_parser parser;
        parser.start(out, false, {64 * 1024, true, 100});
        error_code ec;
        parser.put(wire.data(), wire.size(), ec);
        return parser.has_set_cookie();
    };
    CHECK_FALSE(check(simple));
    CHECK(check("HTTP/1.1 200 OK\r\nset-cookie: a=b\r\nContent-Length: 0\r\n\r\n"));
}

} // namespace
} // namespace hornet::http
