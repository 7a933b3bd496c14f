// Proves proto/error_key.hpp is self-contained; Locust's SHA-256 error key.
#include "proto/error_key.hpp"

#include <doctest/doctest.h>

using hornet::proto::error_key;

TEST_CASE("error keys are Locust's SHA-256 of method.name.repr(error)")
{
    // The reference's verified example (§2.4).
    CHECK(error_key("GET", "/missing/[id]", "HTTPError('404 Client Error: Not Found for url: /missing/[id]')") ==
          "a7ca3c923a4059373195b231cf9bc346f8ab120302de8a2c1dadccf43f498961");
}

TEST_CASE("any text gives a key without crashing")
{
    CHECK(error_key("", "", "").size() == 64);
    CHECK(error_key("GET", "/", "\xff\x80").size() == 64);
}
