// Tests for web/basic_auth.hpp.
#include "web/basic_auth.hpp"

#include <doctest/doctest.h>

using namespace hornet::web;

TEST_CASE("base64_decode: padded, unpadded, and invalid text")
{
    CHECK(base64_decode("dXNlcjpwYXNz") == "user:pass");
    CHECK(base64_decode("YQ==") == "a");
    CHECK(base64_decode("YQ") == "a");
    CHECK(base64_decode("YWI=") == "ab");
    CHECK(base64_decode("") == "");
    CHECK_FALSE(base64_decode("Y"));
    CHECK_FALSE(base64_decode("dXNl*jpw"));
}

TEST_CASE("basic_auth_matches: the scheme in any case, exact credentials only")
{
    CHECK(basic_auth_matches("Basic dXNlcjpwYXNz", "user:pass"));
    CHECK(basic_auth_matches("basic  dXNlcjpwYXNz ", "user:pass"));
    CHECK_FALSE(basic_auth_matches("Basic dXNlcjpwYXNz", "user:pas"));
    CHECK_FALSE(basic_auth_matches("Basic dXNlcjpwYXNzeA==", "user:pass"));
    CHECK_FALSE(basic_auth_matches("Bearer dXNlcjpwYXNz", "user:pass"));
    CHECK_FALSE(basic_auth_matches("", "user:pass"));
    CHECK_FALSE(basic_auth_matches("Basic", "user:pass"));
    CHECK_FALSE(basic_auth_matches("Basic !!!!", "user:pass"));
}
