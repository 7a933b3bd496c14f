#include "report/time_series.hpp"

#include <doctest/doctest.h>

#include <numeric>

namespace hornet::report {

namespace {

time_point tick(int i)
{
    time_point p;
    p.time = 1000.0 + i;
    p.seconds = 1;
    p.users = i;
    p.requests = static_cast<std::uint64_t>(10 * i);
    p.failures = i % 3 == 0 ? 1 : 0;
    p.p50_ms = i;
    p.p95_ms = 2.0 * i;
    p.p99_ms = i % 7 == 0 ? 500 : 3.0 * i; // spikes
    return p;
}

} // namespace

TEST_CASE("time_series keeps every tick until it is full")
{
    time_series s(8);
    for (int i = 1; i <= 8; ++i) s.add(tick(i));
    REQUIRE(s.points().size() == 8);
    CHECK(s.ticks_per_point() == 1);
    CHECK(s.points()[3].time == 1004.0);
    CHECK(s.points()[3].rps() == 40.0);
}

TEST_CASE("a full time_series merges pairs: totals are kept, widths stay equal, spikes survive")
{
    time_series s(8);
    const int n = 1000;
    std::uint64_t requests = 0, failures = 0;
    for (int i = 1; i <= n; ++i) {
        s.add(tick(i));
        requests += tick(i).requests;
        failures += tick(i).failures;
        REQUIRE(s.points().size() <= 8);
    }
    const auto& pts = s.points();
    // 1000 ticks in at most 8 points: 128 ticks per point (1000 / 128 -> 8 points, the last partial).
    CHECK(s.ticks_per_point() == 128);
    CHECK(pts.size() == 8);
    std::uint64_t seen_requests = 0, seen_failures = 0;
    double seconds = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        seen_requests += pts[i].requests;
        seen_failures += pts[i].failures;
        seconds += pts[i].seconds;
        if (i + 1 < pts.size()) {
            CHECK(pts[i].seconds == 128.0);
            CHECK(pts[i].time == 1000.0 + 128.0 * static_cast<double>(i + 1));
        }
        // Every point covers a multiple of 7 ticks somewhere: the 500 ms spike is its p99.
        CHECK(pts[i].p99_ms >= 500.0);
    }
    CHECK(seen_requests == requests);
    CHECK(seen_failures == failures);
    CHECK(seconds == 1000.0);
    CHECK(pts.back().time == 2000.0);
    CHECK(pts.back().users == n);
    CHECK(pts[0].p50_ms == 128.0); // the largest of the merged ticks 1..128
}

TEST_CASE("time_series clear starts over at full resolution")
{
    time_series s(4);
    for (int i = 1; i <= 20; ++i) s.add(tick(i));
    CHECK(s.ticks_per_point() > 1);
    s.clear();
    CHECK(s.points().empty());
    s.add(tick(1));
    s.add(tick(2));
    CHECK(s.points().size() == 2);
    CHECK(s.ticks_per_point() == 1);
}

} // namespace hornet::report
