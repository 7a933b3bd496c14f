// Proves core/py_repr.hpp is self-contained; checks Python's repr() of str and UTF-8 validation.
#include "core/py_repr.hpp"

#include <doctest/doctest.h>

using hornet::core::py_repr;
using hornet::core::valid_utf8;

TEST_CASE("py_repr quotes and escapes like Python")
{
    CHECK(py_repr("") == "''");
    CHECK(py_repr("abc") == "'abc'");
    CHECK(py_repr("it's") == "\"it's\"");
    CHECK(py_repr("say \"hi\"") == "'say \"hi\"'");
    CHECK(py_repr("it's \"x\"") == "'it\\'s \"x\"'");
    CHECK(py_repr("a\\b\n\t\r\x01\x7f") == "'a\\\\b\\n\\t\\r\\x01\\x7f'");
    // é stays, no-break space and line separator are escaped, the emoji stays (Python 3.11).
    CHECK(py_repr("\xc3\xa9\xc2\xa0\xe2\x80\xa8\xf0\x9f\x98\x80") == "'\xc3\xa9\\xa0\\u2028\xf0\x9f\x98\x80'");
}

TEST_CASE("text that is not UTF-8 is escaped byte by byte without crashing")
{
    CHECK(py_repr("\xff\x80") == "'\xff\\x80'");
}

TEST_CASE("valid_utf8 rejects overlongs, surrogates and code points past U+10FFFF")
{
    CHECK(valid_utf8("plain"));
    CHECK(valid_utf8("\xc3\xa9"));
    CHECK_FALSE(valid_utf8("\xc0\xaf"));         // overlong '/'
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // surrogate U+D800
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // U+110000
    CHECK_FALSE(valid_utf8("\xe2\x82"));         // truncated
}
