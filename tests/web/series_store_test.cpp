// Tests for web/series_store.hpp: bounded lines, counts kept when points merge, resets.
#include "web/series_store.hpp"

#include "stats/shard.hpp"

#include <doctest/doctest.h>

using namespace hornet;
using namespace hornet::web;

TEST_CASE("series_line: full lines merge neighbours; counts add up, the larger percentile stays")
{
    series_line line(8);
    std::uint64_t requests = 0;
    for (int i = 0; i < 100; ++i) {
        series_point p;
        p.time_ms = 1000.0 * (i + 1);
        p.seconds = 1;
        p.requests = static_cast<std::uint64_t>(i);
        p.p99 = i == 37 ? 500.0 : 10.0;
        requests += p.requests;
        line.add(p);
        CHECK(line.points().size() <= 8);
    }
    std::uint64_t sum = 0;
    double seconds = 0;
    bool spike = false;
    for (const auto& p : line.points()) {
        sum += p.requests;
        seconds += p.seconds;
        spike = spike || p.p99 == 500.0;
    }
    CHECK(sum == requests);
    CHECK(seconds == 100);
    CHECK(spike);
    CHECK(line.points().back().time_ms == 100000.0);
}

TEST_CASE("series_store: a point per tick for the total and each endpoint; a reset starts again")
{
    stats::aggregate agg(1000.0);
    series_store store;
    stats::shard s;
    for (int i = 0; i < 10; ++i) s.record("GET", "/a", 5, 0, "", 1000.5);
    s.record("GET", "/b", 7, 0, "boom", 1000.5);
    agg.merge(s.take());
    store.sample(agg, 3, 1001.0);
    for (int i = 0; i < 4; ++i) s.record("GET", "/a", 5, 0, "", 1001.5);
    agg.merge(s.take());
    store.sample(agg, 4, 1002.0);

    REQUIRE(store.total().points().size() == 2);
    CHECK(store.total().points()[0].requests == 11);
    CHECK(store.total().points()[0].failures == 1);
    CHECK(store.total().points()[1].requests == 4);
    CHECK(store.total().points()[1].users == 4);
    CHECK(store.total().points()[1].rps() == 4);
    const auto* a = store.find("GET", "/a");
    REQUIRE(a);
    CHECK(a->points().size() == 2);
    CHECK_FALSE(store.find("POST", "/a"));

    agg.reset(1002.5);
    store.sample(agg, 4, 1003.0);
    CHECK(store.total().points().size() == 1);
    CHECK(store.total().points()[0].requests == 0);
}
