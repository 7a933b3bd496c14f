// Base URL parsing, target joining and redirect resolution.
#include "http/url.hpp"

#include "result_printing.hpp"

#include <doctest/doctest.h>

namespace hornet::http {
namespace {

TEST_CASE("parse_base_url splits scheme, host, port and path prefix")
{
    auto r = parse_base_url("http://h:1/api");
    REQUIRE(r);
    CHECK_FALSE(r->origin.tls);
    CHECK(r->origin.host == "h");
    CHECK(r->origin.port == 1);
    CHECK(r->path == "/api");
    CHECK(r->origin_text == "http://h:1");
    CHECK(r->host_header == "h:1");
    CHECK(r->authorization.empty());

    r = parse_base_url("HTTPS://Example.COM/api/v1/");
    REQUIRE(r);
    CHECK(r->origin.tls);
    CHECK(r->origin.host == "example.com");
    CHECK(r->origin.port == 443);
    CHECK(r->path == "/api/v1");
    CHECK(r->host_header == "example.com");
    CHECK(r->origin_text == "https://example.com");

    r = parse_base_url("http://127.0.0.1");
    REQUIRE(r);
    CHECK(r->origin.port == 80);
    CHECK(r->path.empty());

    r = parse_base_url("http://[::1]:8089/");
    REQUIRE(r);
    CHECK(r->origin.host == "::1");
    CHECK(r->host_header == "[::1]:8089");
    CHECK(r->path.empty());

    r = parse_base_url("http://user:p%40ss@h:8000");
    REQUIRE(r);
    CHECK(r->authorization == "Basic dXNlcjpwQHNz"); // base64("user:p@ss")
    CHECK(r->host_header == "h:8000");
}

TEST_CASE("parse_base_url explains what is wrong")
{
    CHECK(parse_base_url("").error().detail == "empty URL");
    CHECK(parse_base_url("").error().code == core::error::invalid_url);
    CHECK(parse_base_url("localhost:8000").error().detail ==
          "Invalid URL 'localhost:8000': No scheme supplied. Perhaps you meant http://localhost:8000?");
    CHECK(parse_base_url("ftp://h/").error().detail ==
          "Invalid URL 'ftp://h/': unsupported scheme 'ftp' (use http:// or https://)");
    CHECK(parse_base_url("http://h:99999").error().detail == "Invalid URL 'http://h:99999': invalid port '99999'");
    CHECK(parse_base_url("http://h/?q=1").error().detail ==
          "Invalid URL 'http://h/?q=1': a base URL cannot have a query");
    CHECK_FALSE(parse_base_url("http:///path"));
    CHECK_FALSE(parse_base_url("http://"));
}

TEST_CASE("parse_url keeps path and query as the target")
{
    auto r = parse_url("http://other:2/x/y?a=1&b=2#frag");
    REQUIRE(r);
    CHECK(r->origin.host == "other");
    CHECK(r->path == "/x/y?a=1&b=2");
    r = parse_url("https://h");
    REQUIRE(r);
    CHECK(r->path == "/");
    r = parse_url("http://h/a b");
    REQUIRE(r);
    CHECK(r->path == "/a%20b");
}

TEST_CASE("is_absolute_url")
{
    CHECK(is_absolute_url("http://x"));
    CHECK(is_absolute_url("HTTPS://x"));
    CHECK_FALSE(is_absolute_url("/http://x"));
    CHECK_FALSE(is_absolute_url("httpx://"));
    CHECK_FALSE(is_absolute_url(""));
}

std::string join(std::string_view prefix, std::string_view target)
{
    std::string out;
    append_target(out, prefix, target);
    return out;
}

TEST_CASE("append_target joins prefix and target like a user expects")
{
    CHECK(join("/api", "/users") == "/api/users");
    CHECK(join("/api", "users") == "/api/users");
    CHECK(join("/api", "//users") == "/api/users");
    CHECK(join("", "/users") == "/users");
    CHECK(join("", "users") == "/users");
    CHECK(join("", "") == "/");
    CHECK(join("/api", "") == "/api");
    CHECK(join("", "?q=1") == "/?q=1");
    CHECK(join("/api", "?q=1") == "/api?q=1");
    CHECK(join("", "/a#frag") == "/a");
    CHECK(join("", "/a b\"<>{}|\\^`\x01\x7f\xc3\xa9") == "/a%20b%22%3C%3E%7B%7D%7C%5C%5E%60%01%7F%C3%A9");
    CHECK(join("", "/already%20encoded?x=%41") == "/already%20encoded?x=%41");
}

TEST_CASE("resolve_location follows RFC 3986 reference resolution")
{
    CHECK(resolve_location("http://h:1/a/b?x", "/c") == "http://h:1/c");
    CHECK(resolve_location("http://h:1/a/b?x", "c") == "http://h:1/a/c");
    CHECK(resolve_location("http://h:1/a/b", "../c?y=1") == "http://h:1/c?y=1");
    CHECK(resolve_location("http://h:1/a", "https://o/p") == "https://o/p");
    CHECK(resolve_location("http://h:1/a", "//o:5/p") == "http://o:5/p");
    CHECK(resolve_location("http://h:1/a", "/p#frag") == "http://h:1/p");
    CHECK(resolve_location("http://h:1/a", "/with space") == "http://h:1/with%20space");
    CHECK(resolve_location("http://h:1/a", "ftp://o/p").empty());
}

} // namespace
} // namespace hornet::http
