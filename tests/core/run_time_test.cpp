// Proves core/run_time.hpp is self-contained and parses Locust's time spans (full match only).
#include "core/run_time.hpp"

#include <doctest/doctest.h>

using hornet::core::parse_run_time;

TEST_CASE("run time: plain digits are seconds")
{
    CHECK(parse_run_time("20") == 20.0);
    CHECK(parse_run_time("0") == 0.0);
    CHECK(parse_run_time("007") == 7.0);
    CHECK(parse_run_time("  45 ") == 45.0);
    CHECK(parse_run_time("\t90\n") == 90.0);
}

TEST_CASE("run time: unit parts in h, m, s order")
{
    CHECK(parse_run_time("20s") == 20.0);
    CHECK(parse_run_time("90s") == 90.0);
    CHECK(parse_run_time("3m") == 180.0);
    CHECK(parse_run_time("2h") == 7200.0);
    CHECK(parse_run_time("1h30m") == 5400.0);
    CHECK(parse_run_time("1h20m") == 4800.0);
    CHECK(parse_run_time("3h30m10s") == 12610.0);
    CHECK(parse_run_time("1h10s") == 3610.0);
    CHECK(parse_run_time("2m5s") == 125.0);
    CHECK(parse_run_time("0s") == 0.0);
    CHECK(parse_run_time("0h0m0s") == 0.0);
    CHECK(parse_run_time(" 1m ") == 60.0);
    CHECK(parse_run_time("1H30M") == 5400.0);
}

TEST_CASE("run time: malformed text is rejected, including 2.12's accepted prefixes")
{
    CHECK_FALSE(parse_run_time(""));
    CHECK_FALSE(parse_run_time("   "));
    CHECK_FALSE(parse_run_time("1h30")); // 2.12: 3600 (prefix match)
    CHECK_FALSE(parse_run_time("1m30"));
    CHECK_FALSE(parse_run_time("10m5"));
    CHECK_FALSE(parse_run_time("30m1h")); // wrong order
    CHECK_FALSE(parse_run_time("1s1m"));
    CHECK_FALSE(parse_run_time("1h1h")); // repeated unit
    CHECK_FALSE(parse_run_time("h"));
    CHECK_FALSE(parse_run_time("s"));
    CHECK_FALSE(parse_run_time("1d"));
    CHECK_FALSE(parse_run_time("1.5"));
    CHECK_FALSE(parse_run_time("1.5m"));
    CHECK_FALSE(parse_run_time("-1"));
    CHECK_FALSE(parse_run_time("+5"));
    CHECK_FALSE(parse_run_time("1h 30m"));
    CHECK_FALSE(parse_run_time("5x"));
    CHECK_FALSE(parse_run_time("abc"));
    CHECK_FALSE(parse_run_time("1234567890123456789012"));
}
