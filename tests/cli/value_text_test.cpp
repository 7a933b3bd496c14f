// Proves cli/value_text.hpp is self-contained; text to typed option values.
#include "cli/value_text.hpp"

#include <doctest/doctest.h>

using namespace hornet::cli;

TEST_CASE("value text: booleans")
{
    for (const char* yes : {"true", "TRUE", "1", "yes", "on", " True "}) CHECK(parse_bool(yes) == true);
    for (const char* no : {"false", "0", "no", "NO", "off"}) CHECK(parse_bool(no) == false);
    for (const char* bad : {"", "2", "maybe", "truee"}) CHECK_FALSE(parse_bool(bad));
}

TEST_CASE("value text: integers")
{
    CHECK(parse_int("42") == 42);
    CHECK(parse_int(" -7 ") == -7);
    CHECK(parse_int("+3") == 3);
    CHECK(parse_int("9223372036854775807") == INT64_MAX);
    CHECK_FALSE(parse_int("9223372036854775808"));
    for (const char* bad : {"", "-", "1.0", "1e3", "12a", "0x10", "1 2"}) CHECK_FALSE(parse_int(bad));
}

TEST_CASE("value text: numbers")
{
    CHECK(parse_number("2.5") == 2.5);
    CHECK(parse_number(".5") == 0.5);
    CHECK(parse_number("1e2") == 100.0);
    CHECK(parse_number(" 3 ") == 3.0);
    CHECK(parse_number("-1") == -1.0);
    for (const char* bad : {"", "inf", "nan", "0x1p3", "1,5", "fast", "1e999"}) CHECK_FALSE(parse_number(bad));
}

TEST_CASE("value text: lists")
{
    using v = std::vector<std::string>;
    CHECK(split_list("a") == v{"a"});
    CHECK(split_list("a,b") == v{"a", "b"});
    CHECK(split_list("[a, b]") == v{"a", "b"});
    CHECK(split_list("['a', \"b\"]") == v{"a", "b"});
    CHECK(split_list("a b,,c ") == v{"a", "b", "c"});
    CHECK(split_list("") == v{});
    CHECK(split_list("[]") == v{});
}
