// Proves core/run_time.hpp is self-contained and parses time spans exactly as Locust 2.12's
// parse_timespan does (a prefix match of <h>h<m>m<s>s).
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
}

TEST_CASE("run time: as in Locust 2.12, what follows the parts that match is ignored")
{
    // Each value is what `python3 -c "from locust.util.timespan import parse_timespan"` gives.
    CHECK(parse_run_time("30sec") == 30.0);
    CHECK(parse_run_time("30seconds") == 30.0);
    CHECK(parse_run_time("5min") == 300.0);
    CHECK(parse_run_time("2hours") == 7200.0);
    CHECK(parse_run_time("1h30") == 3600.0);
    CHECK(parse_run_time("1m30") == 60.0);
    CHECK(parse_run_time("10m5") == 600.0);
    CHECK(parse_run_time("30m1h") == 1800.0);
    CHECK(parse_run_time("1s1m") == 1.0);
    CHECK(parse_run_time("1h1h") == 3600.0);
    CHECK(parse_run_time("1h 30m") == 3600.0);
    CHECK(parse_run_time("5sx") == 5.0);
}

TEST_CASE("run time: what Locust 2.12 refuses is refused")
{
    CHECK_FALSE(parse_run_time(""));
    CHECK_FALSE(parse_run_time("   "));
    CHECK_FALSE(parse_run_time("h"));
    CHECK_FALSE(parse_run_time("s"));
    CHECK_FALSE(parse_run_time("sec"));
    CHECK_FALSE(parse_run_time("1d"));
    CHECK_FALSE(parse_run_time("1.5"));
    CHECK_FALSE(parse_run_time("1.5m"));
    CHECK_FALSE(parse_run_time("-1"));
    CHECK_FALSE(parse_run_time("+5"));
    CHECK_FALSE(parse_run_time("30 sec"));
    CHECK_FALSE(parse_run_time("1H30M")); // units are lower case
    CHECK_FALSE(parse_run_time("5x"));
    CHECK_FALSE(parse_run_time("abc"));
    CHECK_FALSE(parse_run_time("1234567890123456789012"));
    CHECK_FALSE(parse_run_time("1234567890123456789012s"));
}

TEST_CASE("run time: `whole` refuses an ignored tail (Hornet's own files)")
{
    CHECK(parse_run_time("1h30m", true) == 5400.0);
    CHECK(parse_run_time(" 90 ", true) == 90.0);
    CHECK_FALSE(parse_run_time("1h30", true));
    CHECK_FALSE(parse_run_time("30sec", true));
    CHECK_FALSE(parse_run_time("30m1h", true));
}
