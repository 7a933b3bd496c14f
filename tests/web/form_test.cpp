// Tests for web/form.hpp: query strings and urlencoded bodies, strictly decoded.
#include "web/form.hpp"

#include <doctest/doctest.h>

using namespace hornet::web;

TEST_CASE("form: fields in order, '+' and %-escapes decoded, repeats kept")
{
    auto f = form::parse("user_count=10&spawn_rate=2.5&host=http%3A%2F%2Fa.b%3A80&user_classes=A&user_classes=B+C");
    REQUIRE(f);
    CHECK(f->get("user_count") == "10");
    CHECK(f->get("spawn_rate") == "2.5");
    CHECK(f->get("host") == "http://a.b:80");
    CHECK(f->all("user_classes") == std::vector<std::string>{"A", "B C"});
    CHECK_FALSE(f->get("run_time"));
}

TEST_CASE("form: bare names, empty values and empty pieces")
{
    auto f = form::parse("a&b=&&c=1&");
    REQUIRE(f);
    REQUIRE(f->fields().size() == 3);
    CHECK(f->get("a") == "");
    CHECK(f->get("b") == "");
    CHECK(f->get("c") == "1");
    CHECK(form::parse("")->fields().empty());
}

TEST_CASE("form: a broken %-escape is an error that names the piece")
{
    std::string why;
    CHECK_FALSE(form::parse("a=%zz", &why));
    CHECK(why.find("a=%zz") != std::string::npos);
    CHECK_FALSE(form::parse("a=%4"));
    CHECK_FALSE(form::parse("a=%"));
    CHECK_FALSE(form::parse("%=1"));
    CHECK(form::parse("a=%41%62")->get("a") == "Ab");
}

TEST_CASE("percent_decode: '+' only in forms; bytes kept as they are")
{
    CHECK(percent_decode("a+b", true) == "a b");
    CHECK(percent_decode("a+b", false) == "a+b");
    CHECK(percent_decode("%00%ff", false) == std::string("\0\xff", 2));
}

TEST_CASE("split_target: path and query")
{
    CHECK(split_target("/stats/requests") == std::pair<std::string_view, std::string_view>("/stats/requests", ""));
    CHECK(split_target("/hornet/series?since=1.5&x") ==
          std::pair<std::string_view, std::string_view>("/hornet/series", "since=1.5&x"));
    CHECK(split_target("/?") == std::pair<std::string_view, std::string_view>("/", ""));
}
