// Proves proto/error_key.hpp is self-contained; Python repr and Locust's SHA-256 error key.
#include "proto/error_key.hpp"

#include <doctest/doctest.h>

using hornet::proto::error_key;
using hornet::proto::python_repr;

TEST_CASE("error keys are Locust's SHA-256 of method.name.repr(error)")
{
    // The reference's verified example (§2.4).
    CHECK(error_key("GET", "/missing/[id]", "HTTPError('404 Client Error: Not Found for url: /missing/[id]')") ==
          "a7ca3c923a4059373195b231cf9bc346f8ab120302de8a2c1dadccf43f498961");
    CHECK(python_repr("abc") == "'abc'");
    CHECK(python_repr("it's") == "\"it's\"");
    CHECK(python_repr("it's \"x\"") == "'it\\'s \"x\"'");
    CHECK(python_repr("a\\b\n\t\r\x01\x7f") == "'a\\\\b\\n\\t\\r\\x01\\x7f'");
    CHECK(python_repr("\xc3\xa9\xc2\xa0\xe2\x80\xa8\xf0\x9f\x98\x80") == "'\xc3\xa9\\xa0\\u2028\xf0\x9f\x98\x80'");
}

TEST_CASE("text that is not UTF-8 is escaped byte by byte without crashing")
{
    CHECK(python_repr("\xff\x80") == "'\xff\\x80'");
    CHECK(error_key("", "", "").size() == 64);
}
