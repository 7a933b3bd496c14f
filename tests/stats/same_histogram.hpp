// Test helper: two histograms hold the same data, counter by counter.
#pragma once

#include "stats/histogram.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace hornet::stats::test {

inline std::vector<std::pair<std::uint64_t, std::uint64_t>> counters(const histogram& h)
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    h.for_each([&](std::uint64_t v, std::uint64_t n) { out.emplace_back(v, n); });
    return out;
}

inline void check_same(const histogram& a, const histogram& b)
{
    CHECK(a.count() == b.count());
    CHECK(a.min() == b.min());
    CHECK(a.max() == b.max());
    CHECK(a.sum() == b.sum());
    CHECK(counters(a) == counters(b));
}

} // namespace hornet::stats::test
