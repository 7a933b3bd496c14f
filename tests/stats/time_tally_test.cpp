// Proves stats/time_tally.hpp is self-contained; a tally recorded into a histogram equals
// recording every value as it came.
#include "stats/time_tally.hpp"

#include "same_histogram.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

using hornet::stats::histogram;
using hornet::stats::time_tally;

namespace {

using hornet::stats::test::check_same;
using hornet::stats::test::counters;

} // namespace

TEST_CASE("a tally records what recording each value would have, repeats and all")
{
    std::mt19937 rng(7);
    std::lognormal_distribution<double> ms(3.0, 0.8);
    histogram direct, tallied;
    time_tally tally;
    // Values in any order, repeated, 0 and past the highest value (clamped alike), zero counts.
    for (int i = 0; i < 5000; ++i) {
        const auto us = static_cast<std::uint64_t>(ms(rng)) * 1000;
        const std::uint64_t n = 1 + i % 4;
        direct.record(us, n);
        tally.add(us, n);
    }
    for (std::uint64_t us : {std::uint64_t{0}, histogram::highest_value + 5, std::uint64_t{1500}}) {
        direct.record(us, 2);
        tally.add(us, 2);
        tally.add(us, 0);
    }
    CHECK(tally.size() < 200);
    tally.record_into(tallied);
    CHECK(tally.empty());
    check_same(direct, tallied);

    // Into a histogram that already holds values: it adds.
    tally.add(42, 3);
    direct.record(42, 3);
    tally.record_into(tallied);
    check_same(direct, tallied);
}

TEST_CASE("a count that would wrap is kept apart, as separate records keep it")
{
    histogram direct, tallied;
    time_tally tally;
    for (std::uint64_t n : {UINT64_MAX - 1, std::uint64_t{1}, std::uint64_t{1}, std::uint64_t{5}}) {
        direct.record(7000, n);
        tally.add(7000, n);
    }
    CHECK(tally.size() == 2);
    tally.record_into(tallied);
    check_same(direct, tallied);
}
