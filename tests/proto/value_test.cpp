// Proves proto/value.hpp is self-contained; msgpack encoding choices and hostile-input decoding.
#include "proto/value.hpp"
#include "result_printing.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using hornet::proto::decode;
using hornet::proto::encode;
using hornet::proto::value;

namespace {

std::string hex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string unhex(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out += static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
    return out;
}

} // namespace

TEST_CASE("integers use the smallest encoding, as Python msgpack does")
{
    CHECK(hex(encode(value(0))) == "00");
    CHECK(hex(encode(value(127))) == "7f");
    CHECK(hex(encode(value(128))) == "cc80");
    CHECK(hex(encode(value(255))) == "ccff");
    CHECK(hex(encode(value(256))) == "cd0100");
    CHECK(hex(encode(value(65536))) == "ce00010000");
    CHECK(hex(encode(value(1700000000))) == "ce6553f100");
    CHECK(hex(encode(value(std::uint64_t{1} << 32))) == "cf0000000100000000");
    CHECK(hex(encode(value(-1))) == "ff");
    CHECK(hex(encode(value(-32))) == "e0");
    CHECK(hex(encode(value(-33))) == "d0df");
    CHECK(hex(encode(value(-128))) == "d080");
    CHECK(hex(encode(value(-129))) == "d1ff7f");
    CHECK(hex(encode(value(-32769))) == "d2ffff7fff");
    CHECK(hex(encode(value(std::int64_t{INT32_MIN} - 1))) == "d3ffffffff7fffffff");
    CHECK(hex(encode(value(150.0))) == "cb4062c00000000000");
    CHECK(hex(encode(value())) == "c0");
    CHECK(hex(encode(value(true))) == "c3");
    CHECK(hex(encode(value(false))) == "c2");
}

TEST_CASE("strings, bins, arrays and maps switch header width at Python's thresholds")
{
    CHECK(hex(encode(value(std::string(31, 'a')))).substr(0, 2) == "bf");
    CHECK(hex(encode(value(std::string(32, 'a')))).substr(0, 4) == "d920");
    CHECK(hex(encode(value(std::string(256, 'a')))).substr(0, 6) == "da0100");
    CHECK(hex(encode(value(std::string(65536, 'a')))).substr(0, 10) == "db00010000");
    CHECK(hex(encode(value::binary("ab"))) == "c4026162");
    CHECK(hex(encode(value(value::array_type(15)))).substr(0, 2) == "9f");
    CHECK(hex(encode(value(value::array_type(16)))).substr(0, 6) == "dc0010");
    value::map_type m;
    for (int i = 0; i < 16; ++i) m.emplace_back(value(i), value());
    CHECK(hex(encode(value(m))).substr(0, 6) == "de0010");
    m.resize(15);
    CHECK(hex(encode(value(m))).substr(0, 2) == "8f");
}

TEST_CASE("decode round-trips every kind and keeps map order and non-string keys")
{
    value::map_type m{{value(150.0), value(2)},
                      {value(3), value(1)},
                      {value("k"), value(value::array_type{value(-5), value::binary("x")})}};
    const std::string bytes = encode(value(m));
    CHECK(hex(bytes).substr(0, 24) == "83cb4062c000000000000203"); // §1.11: {150.0: 2, 3: 1, ...}
    auto back = decode(bytes);
    REQUIRE(back);
    CHECK(*back == value(m));
    CHECK(back->as_map()->at(0).first.as_double() == 150.0);
    CHECK(back->find("k")->as_array()->at(0).as_int64() == -5);
    CHECK(encode(*back) == bytes);
}

TEST_CASE("integers compare by value whatever their width; float32 decodes to double")
{
    auto a = decode(unhex("cd0005"));
    REQUIRE(a);
    CHECK(*a == value(5));
    auto b = decode(unhex("d1fffb"));
    REQUIRE(b);
    CHECK(*b == value(-5));
    auto c = decode(unhex("d3ffffffffffffffff"));
    REQUIRE(c);
    CHECK(c->as_int64() == -1);
    auto u = decode(unhex("cfffffffffffffffff"));
    REQUIRE(u);
    CHECK(u->as_uint64() == UINT64_MAX);
    CHECK(!u->as_int64());
    auto f = decode(unhex("ca3fc00000"));
    REQUIRE(f);
    CHECK(f->type() == value::kind::float64);
    CHECK(f->as_double() == 1.5);
}

TEST_CASE("hostile input is rejected with a reason")
{
    auto reason = [](std::string_view hexbytes) { return decode(unhex(hexbytes)).error().detail; };
    CHECK(reason("") == "truncated input at offset 0");
    CHECK(reason("c1") == "reserved byte 0xc1 at offset 0");
    CHECK(reason("c0c0") == "trailing bytes at offset 1");
    CHECK(reason("cd00") == "truncated input at offset 1");
    CHECK(reason("a3616263").empty());
    CHECK(reason("a26162") == "");
    CHECK(reason("a3") == "str length larger than the input at offset 0");
    CHECK(reason("dbffffffff") == "str length larger than the input at offset 0");
    CHECK(reason("c6ffffffff") == "bin length larger than the input at offset 0");
    CHECK(reason("ddffffffff") == "array length larger than the input at offset 0");
    CHECK(reason("dfffffffff") == "map length larger than the input at offset 0");
    CHECK(reason("dd0000000300") == "array length larger than the input at offset 0");
    CHECK(reason("a2c3a9").empty()); // "é" is fine
    CHECK(reason("a1ff") == "invalid UTF-8 in str at offset 0");
    CHECK(reason("a2c0af") == "invalid UTF-8 in str at offset 0");     // overlong
    CHECK(reason("a3eda080") == "invalid UTF-8 in str at offset 0");   // surrogate
    CHECK(reason("a4f4908080") == "invalid UTF-8 in str at offset 0"); // > U+10FFFF
    CHECK(reason("d40100") == "unsupported ext type at offset 0");
    CHECK(decode(unhex("c4ff")).error().detail == "bin length larger than the input at offset 0");
    CHECK(decode(unhex("c402fffe"))); // bin need not be UTF-8
}

TEST_CASE("nesting deeper than the limit is refused without deep recursion")
{
    std::string deep(100000, '\x91');
    deep += '\xc0';
    CHECK(decode(deep).error().detail == "nesting deeper than the limit at offset 64");
    std::string ok(63, '\x91');
    ok += '\xc0';
    CHECK(decode(ok));
    std::string maps;
    for (int i = 0; i < 70; ++i) maps += "\x81\x00";
    maps += '\xc0';
    CHECK(decode(maps).error().detail.find("nesting deeper") == 0);
}

TEST_CASE("find looks up text keys (str or bin) with Python dict semantics")
{
    value m(value::map_type{
        {value("a"), value(1)}, {value::binary("b"), value(2)}, {value("a"), value(3)}, {value(7), value(4)}});
    CHECK(m.find("a")->as_int64() == 3);
    CHECK(m.find("b")->as_int64() == 2);
    CHECK(m.find("c") == nullptr);
    CHECK(value(1).find("a") == nullptr);
}
