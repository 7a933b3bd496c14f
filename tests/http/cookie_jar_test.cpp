// Set-Cookie parsing, matching and the Cookie header.
#include "http/cookie_jar.hpp"

#include <doctest/doctest.h>

namespace hornet::http {
namespace {

using namespace std::chrono_literals;

std::string header_for(const cookie_jar& jar, std::string_view host, std::string_view path, bool https = false)
{
    std::string out;
    jar.append_header(out, host, path, https);
    return out;
}

const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000)); // 2023-11-14

TEST_CASE("a plain cookie is sent back to its host")
{
    cookie_jar jar;
    CHECK(header_for(jar, "h", "/").empty());
    jar.set_from_header("sid=abc; Path=/; HttpOnly", "h", "/login", now);
    REQUIRE(jar.size() == 1);
    CHECK(jar.get("sid") == std::optional<std::string_view>("abc"));
    CHECK(header_for(jar, "h", "/anything?x=1") == "Cookie: sid=abc\r\n");
    CHECK(header_for(jar, "other", "/").empty());
    CHECK(header_for(jar, "sub.h", "/").empty()); // host-only
}

TEST_CASE("replacing, deleting and expiring")
{
    cookie_jar jar;
    jar.set_from_header("a=1", "h", "/", now);
    jar.set_from_header("a=2", "h", "/", now);
    CHECK(jar.size() == 1);
    CHECK(jar.get("a") == std::optional<std::string_view>("2"));
    jar.set_from_header("a=; Max-Age=0", "h", "/", now);
    CHECK(jar.empty());
    jar.set_from_header("b=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "h", "/", now);
    CHECK(jar.empty()); // already expired: not stored
    jar.set_from_header("c=1; Max-Age=999999999; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "h", "/", now);
    CHECK(jar.size() == 1); // Max-Age wins over Expires
    jar.set_from_header("d=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "h", "/",
                        std::chrono::system_clock::time_point{});
    CHECK(jar.size() == 2);
    // d expired long ago in real time: dropped when the header is built.
    CHECK(header_for(jar, "h", "/") == "Cookie: c=1\r\n");
    CHECK(jar.size() == 1);
    CHECK(jar.remove("c") == 1);
    CHECK(jar.empty());
}

TEST_CASE("domain and path matching")
{
    cookie_jar jar;
    jar.set_from_header("wide=1; Domain=.Example.com", "www.example.com", "/", now);
    jar.set_from_header("evil=1; Domain=other.com", "www.example.com", "/", now);
    jar.set_from_header("narrow=1; Path=/admin", "www.example.com", "/", now);
    jar.set_from_header("dflt=1", "www.example.com", "/docs/page", now);
    CHECK(jar.size() == 3);
    CHECK(header_for(jar, "api.example.com", "/") == "Cookie: wide=1\r\n");
    CHECK(header_for(jar, "example.com", "/") == "Cookie: wide=1\r\n");
    CHECK(header_for(jar, "notexample.com", "/").empty());
    CHECK(header_for(jar, "www.example.com", "/admin") == "Cookie: wide=1; narrow=1\r\n");
    CHECK(header_for(jar, "www.example.com", "/admin/x") == "Cookie: wide=1; narrow=1\r\n");
    CHECK(header_for(jar, "www.example.com", "/administrator") == "Cookie: wide=1\r\n");
    CHECK(header_for(jar, "www.example.com", "/docs/other") == "Cookie: wide=1; dflt=1\r\n");
    CHECK(header_for(jar, "www.example.com", "/docsx") == "Cookie: wide=1\r\n");
}

TEST_CASE("secure cookies only over https, hand-set cookies everywhere")
{
    cookie_jar jar;
    jar.set_from_header("s=1; Secure", "h", "/", now);
    CHECK(header_for(jar, "h", "/").empty());
    CHECK(header_for(jar, "h", "/", true) == "Cookie: s=1\r\n");
    jar.set("token", "xyz");
    CHECK(header_for(jar, "anyhost", "/deep/path") == "Cookie: token=xyz\r\n");
}

TEST_CASE("malformed Set-Cookie values are ignored")
{
    cookie_jar jar;
    jar.set_from_header("", "h", "/", now);
    jar.set_from_header("novalue", "h", "/", now);
    jar.set_from_header("=v", "h", "/", now);
    jar.set_from_header(";;;", "h", "/", now);
    CHECK(jar.empty());
    jar.set_from_header(" spaced = v ; Max-Age=abc; Path=relative", "h", "/a/b", now);
    REQUIRE(jar.size() == 1);
    CHECK(jar.all()[0].name == "spaced");
    CHECK(jar.all()[0].value == "v");
    CHECK(jar.all()[0].path == "/a"); // relative Path ignored: default path
    CHECK_FALSE(jar.all()[0].expires.has_value());
}

TEST_CASE("parse_cookie_date")
{
    using std::chrono::seconds;
    auto t = parse_cookie_date("Wed, 21 Oct 2015 07:28:00 GMT");
    REQUIRE(t);
    CHECK(t->time_since_epoch() == seconds(1445412480));
    t = parse_cookie_date("Wednesday, 21-Oct-15 07:28:00 GMT"); // RFC 850
    REQUIRE(t);
    CHECK(t->time_since_epoch() == seconds(1445412480));
    t = parse_cookie_date("Wed Oct 21 07:28:00 2015"); // asctime
    REQUIRE(t);
    CHECK(t->time_since_epoch() == seconds(1445412480));
    t = parse_cookie_date("Thu, 01 Jan 1970 00:00:00 GMT");
    REQUIRE(t);
    CHECK(t->time_since_epoch() == seconds(0));
    t = parse_cookie_date("Sat, 29 Feb 2020 23:59:59 GMT");
    REQUIRE(t);
    CHECK(t->time_since_epoch() == seconds(1583020799));
    CHECK_FALSE(parse_cookie_date(""));
    CHECK_FALSE(parse_cookie_date("tomorrow"));
    CHECK_FALSE(parse_cookie_date("Wed, 32 Oct 2015 07:28:00 GMT"));
    CHECK_FALSE(parse_cookie_date("Wed, 21 Oct 2015 25:28:00 GMT"));
    CHECK_FALSE(parse_cookie_date("Wed, 21 Xyz 2015 07:28:00 GMT"));
}

} // namespace
} // namespace hornet::http
