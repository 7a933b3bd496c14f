// Tests for demo/query.hpp: percent-decoding, query strings, cookies, numbers.
#include "demo/query.hpp"

#include <doctest/doctest.h>

namespace demo = hornet::demo;

TEST_CASE("percent_decode decodes escapes and, in queries, '+' as a space")
{
    CHECK(demo::percent_decode("a%20b%2Fc", false) == "a b/c");
    CHECK(demo::percent_decode("red+lamp", true) == "red lamp");
    CHECK(demo::percent_decode("red+lamp", false) == "red+lamp");
    // Broken escapes are kept rather than rejected or read past the end.
    CHECK(demo::percent_decode("100%", true) == "100%");
    CHECK(demo::percent_decode("%4", true) == "%4");
    CHECK(demo::percent_decode("%zz", true) == "%zz");
}

TEST_CASE("parse_query and query_param")
{
    const auto pairs = demo::parse_query("q=red+lamp&empty=&bare&&x=%26");
    REQUIRE(pairs.size() == 4);
    CHECK(pairs[0] == std::pair<std::string, std::string>("q", "red lamp"));
    CHECK(pairs[1] == std::pair<std::string, std::string>("empty", ""));
    CHECK(pairs[2] == std::pair<std::string, std::string>("bare", ""));
    CHECK(pairs[3] == std::pair<std::string, std::string>("x", "&"));

    CHECK(demo::query_param("a=1&ms=250&ms=9", "ms") == "250");
    CHECK(demo::query_param("a=1", "ms") == std::nullopt);
    CHECK(demo::query_param("", "ms") == std::nullopt);
}

TEST_CASE("parse_cookies splits on ';' and trims")
{
    const auto cookies = demo::parse_cookies("session=abc;  theme=\"dark\" ; junk; =x; b=");
    REQUIRE(cookies.size() == 3);
    CHECK(cookies[0] == std::pair<std::string, std::string>("session", "abc"));
    CHECK(cookies[1] == std::pair<std::string, std::string>("theme", "dark"));
    CHECK(cookies[2] == std::pair<std::string, std::string>("b", ""));
}

TEST_CASE("parse_uint accepts plain decimal 64-bit numbers only")
{
    CHECK(demo::parse_uint("0") == 0u);
    CHECK(demo::parse_uint("18446744073709551615") == UINT64_MAX);
    CHECK(demo::parse_uint("18446744073709551616") == std::nullopt);
    CHECK(demo::parse_uint("") == std::nullopt);
    CHECK(demo::parse_uint("-1") == std::nullopt);
    CHECK(demo::parse_uint(" 1") == std::nullopt);
    CHECK(demo::parse_uint("12a") == std::nullopt);
}
