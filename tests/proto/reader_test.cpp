// Proves proto/reader.hpp is self-contained; item by item reading, skipping and limits.
#include "proto/reader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hornet::proto;
using hornet::core::error;

TEST_CASE("items carry their value, text as a view, containers as a count")
{
    const std::string bytes = encode(value(
        value::array_type{value(-3), value(std::uint64_t{1} << 63), value(1.5), value("hé"), value::binary("\x01\x02"),
                          value(value::map_type{{value("k"), value(true)}}), value()}));
    reader r(bytes);
    item it;
    REQUIRE(r.next(it));
    CHECK(it.kind == value::kind::array);
    CHECK(it.count == 7);
    REQUIRE(r.next(it));
    CHECK(it.as_int64() == -3);
    CHECK_FALSE(it.as_uint64());
    CHECK(it.as_double() == -3.0);
    REQUIRE(r.next(it));
    CHECK(it.as_uint64() == std::uint64_t{1} << 63);
    CHECK_FALSE(it.as_int64()); // out of int64's range
    REQUIRE(r.next(it));
    CHECK(it.as_double() == 1.5);
    CHECK_FALSE(it.as_int64());
    REQUIRE(r.next(it));
    CHECK(it.as_text() == "hé");
    REQUIRE(r.next(it));
    CHECK(it.kind == value::kind::bin);
    CHECK(it.as_text() == std::string_view("\x01\x02", 2));
    REQUIRE(r.next(it));
    CHECK(it.kind == value::kind::map);
    std::optional<std::string_view> key;
    REQUIRE(r.read_key(key));
    CHECK(key == "k");
    REQUIRE(r.next(it));
    CHECK(it.boolean);
    REQUIRE(r.next(it));
    CHECK(it.kind == value::kind::nil);
    CHECK(r.remaining() == 0);
    CHECK_FALSE(r.next(it));
    CHECK(r.failure().detail == "truncated input at offset " + std::to_string(bytes.size()));
}

TEST_CASE("non-text keys are skipped whole; skip and read_value bound the nesting")
{
    const std::string bytes = encode(value(value::map_type{
        {value(value::array_type{value(1), value(value::map_type{{value(2), value(3)}})}), value("v")}}));
    reader r(bytes);
    item it;
    REQUIRE(r.next(it));
    std::optional<std::string_view> key;
    REQUIRE(r.read_key(key));
    CHECK_FALSE(key);
    REQUIRE(r.next(it));
    CHECK(it.as_text() == "v");

    value deep = value(1);
    for (int i = 0; i < 10; ++i) deep = value(value::array_type{deep});
    const std::string nested = encode(deep);
    reader shallow(nested, decode_limits{.max_depth = 5});
    CHECK_FALSE(shallow.skip());
    CHECK(shallow.failure().code == error::limit_exceeded);
    reader enough(nested, decode_limits{.max_depth = 11});
    CHECK(enough.skip());
    CHECK(enough.remaining() == 0);
    value back;
    reader tree(nested);
    REQUIRE(tree.read_value(back));
    CHECK(back == deep);
}

TEST_CASE("lengths that exceed the input fail before anything is allocated; the first failure stays")
{
    const std::string huge("\xdd\x7f\xff\xff\xff", 5); // array of 2^31 - 1 elements, no bytes
    reader r(huge);                                    // a reader views its input: the bytes must outlive it
    item it;
    CHECK_FALSE(r.next(it));
    CHECK(r.failure().code == error::malformed);
    CHECK(r.failure().detail == "array length larger than the input at offset 0");
    r.fail("a later shape error");
    CHECK(r.failure().detail == "array length larger than the input at offset 0");
    CHECK_FALSE(r.ok());

    const std::string bad_utf8("\xa2\xc3\x28", 3);
    reader utf(bad_utf8);
    CHECK_FALSE(utf.next(it));
    CHECK(utf.failure().detail == "invalid UTF-8 in str at offset 0");
}
