// Proves core/error.hpp is self-contained; the "hornet" category and core::result.
#include "core/error.hpp"

#include <boost/system/system_error.hpp>
#include <doctest/doctest.h>

#include <string>

using namespace hornet::core;

TEST_CASE("codes of the hornet category compare by enumerator and read as words")
{
    const boost::system::error_code ec = error::malformed;
    CHECK(ec == error::malformed);
    CHECK(ec != error::invalid_shape);
    CHECK(&ec.category() == &error_category());
    CHECK(std::string(ec.category().name()) == "hornet");
    CHECK(ec.message() == "malformed input");
    CHECK(make_error_code(error::invalid_scenario).message() == "invalid scenario");
    // Not an errno: a hornet code never equals a system one with the same number.
    CHECK(ec != boost::system::error_code(1, boost::system::system_category()));
}

TEST_CASE("a result holds a value or a failure with its detail; value() on a failure throws it")
{
    result<int> good = 7;
    REQUIRE(good);
    CHECK(*good == 7);

    result<int> bad = failure(error::limit_exceeded, "nesting deeper than the limit at offset 3");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == error::limit_exceeded);
    CHECK(bad.error().prefixed("stats: ").detail == "stats: nesting deeper than the limit at offset 3");
    try {
        (void)bad.value();
        FAIL("value() of a failure returned");
    } catch (const boost::system::system_error& e) {
        CHECK(e.code() == error::limit_exceeded);
        CHECK(std::string(e.what()).find("nesting deeper than the limit") != std::string::npos);
    }

    result<void> done;
    CHECK(done);
}
