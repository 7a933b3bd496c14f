// Proves report/utf8_text.hpp is self-contained; malformed and XML-forbidden input.
#include "report/utf8_text.hpp"

#include <doctest/doctest.h>

using namespace hornet;

TEST_CASE("valid text passes unchanged, tab and newlines included")
{
    const std::string text = "GET /caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\x9D\t\r\n";
    CHECK(report::xml_safe_utf8(text) == text);
}

TEST_CASE("controls that XML 1.0 forbids are dropped")
{
    CHECK(report::xml_safe_utf8(std::string("a\x01"
                                            "b\x1F"
                                            "c\x00"
                                            "d",
                                            7)) == "abcd");
    CHECK(report::xml_safe_utf8("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz"); // U+FFFE, U+FFFF
}

TEST_CASE("each malformed byte becomes U+FFFD")
{
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(report::xml_safe_utf8("a\xFF"
                                "b") == "a" + fffd + "b");
    CHECK(report::xml_safe_utf8("\xC0\xAF") == fffd + fffd);                       // overlong '/'
    CHECK(report::xml_safe_utf8("\xED\xA0\x80") == fffd + fffd + fffd);            // a lone surrogate
    CHECK(report::xml_safe_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd); // past U+10FFFF
    CHECK(report::xml_safe_utf8("end\xE2\x82") == "end" + fffd + fffd);            // cut short
}

TEST_CASE("truncation never splits a character and marks the cut")
{
    CHECK(report::truncate_utf8("short", 5) == "short");
    CHECK(report::truncate_utf8("abcdef", 5) == "ab\xE2\x80\xA6");
    // "é" is two bytes: a cut after its first byte moves back before it.
    CHECK(report::truncate_utf8("a\xC3\xA9\xC3\xA9xyz", 5) == "a\xE2\x80\xA6");
    CHECK(report::truncate_utf8("abcdef", 2).empty());
    for (std::size_t n = 0; n < 12; ++n)
        CHECK(report::truncate_utf8("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9xx", n).size() <= n);
}
