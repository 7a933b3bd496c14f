// Proves stats/histogram.hpp is self-contained; checks HDR precision, merge, clamping and memory.
#include "stats/histogram.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

using hornet::stats::histogram;

namespace {

bool within_precision(std::uint64_t actual, double expected)
{
    return std::abs(static_cast<double>(actual) - expected) <= expected * 0.001;
}

} // namespace

TEST_CASE("an empty histogram reports zeros and holds no memory")
{
    histogram h;
    CHECK(h.count() == 0);
    CHECK(h.min() == 0);
    CHECK(h.max() == 0);
    CHECK(h.mean() == 0.0);
    CHECK(h.value_at_percentile(50) == 0);
    CHECK(h.memory_bytes() == 0);
}

TEST_CASE("values below 2048 us are exact")
{
    histogram h;
    for (std::uint64_t v = 1; v <= 1000; ++v) h.record(v);
    CHECK(h.count() == 1000);
    CHECK(h.min() == 1);
    CHECK(h.max() == 1000);
    CHECK(h.mean() == doctest::Approx(500.5));
    CHECK(h.value_at_percentile(50) == 500);
    CHECK(h.value_at_percentile(66) == 660); // 66% of 1000 must not become rank 661
    CHECK(h.value_at_percentile(99.9) == 999);
    CHECK(h.value_at_percentile(100) == 1000);
    CHECK(h.value_at_percentile(0) == 1);
    CHECK(histogram::lowest_equivalent(2047) == 2047);
    CHECK(histogram::highest_equivalent(2047) == 2047);
}

TEST_CASE("percentiles of a uniform distribution are within 0.1%")
{
    histogram h;
    for (std::uint64_t v = 1; v <= 100000; ++v) h.record(v * 10); // 10 us .. 1 s
    CHECK(h.count() == 100000);
    for (double p : {50.0, 66.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99}) {
        double expected = p / 100.0 * 1'000'000.0;
        CAPTURE(p);
        CHECK(within_precision(h.value_at_percentile(p), expected));
    }
    CHECK(h.value_at_percentile(100) == 1'000'000); // the exact max
    CHECK(h.mean() == doctest::Approx(500005.0));
}

TEST_CASE("percentiles of an exponential distribution match the sorted samples")
{
    std::mt19937_64 rng(42);
    std::exponential_distribution<double> dist(1.0 / 20000.0); // mean 20 ms
    histogram h;
    std::vector<std::uint64_t> samples;
    for (int i = 0; i < 20000; ++i) {
        auto v = static_cast<std::uint64_t>(dist(rng)) + 1;
        samples.push_back(v);
        h.record(v);
    }
    std::sort(samples.begin(), samples.end());
    for (double p : {50.0, 75.0, 90.0, 99.0, 99.9}) {
        auto rank = static_cast<std::size_t>(std::llround(p * 200.0)); // p% of 20000 samples, exact
        double expected = static_cast<double>(samples[rank - 1]);
        CAPTURE(p);
        CHECK(within_precision(h.value_at_percentile(p), expected));
    }
}

TEST_CASE("equivalent ranges are narrower than 1/1024 of the value")
{
    for (std::uint64_t v : {2048ULL, 3001ULL, 65537ULL, 1'000'000ULL, 123'456'789ULL, 3'000'000'000ULL}) {
        auto lo = histogram::lowest_equivalent(v);
        auto hi = histogram::highest_equivalent(v);
        CAPTURE(v);
        CHECK(lo <= v);
        CHECK(v <= hi);
        CHECK(static_cast<double>(hi - lo + 1) <= static_cast<double>(v) / 1024.0 + 1.0);
    }
    CHECK(histogram::lowest_equivalent(2049) == 2048);
    CHECK(histogram::highest_equivalent(2048) == 2049);
}

TEST_CASE("values outside 1 us .. 1 h are clamped")
{
    histogram h;
    h.record(0);
    h.record(10ULL * 3'600'000'000ULL);
    CHECK(h.count() == 2);
    CHECK(h.min() == histogram::lowest_value);
    CHECK(h.max() == histogram::highest_value);
    CHECK(h.value_at_percentile(100) == histogram::highest_value);
    CHECK(h.value_at_percentile(1) == 1);
}

TEST_CASE("record with a count equals repeated records")
{
    histogram a, b;
    a.record(12345, 7);
    for (int i = 0; i < 7; ++i) b.record(12345);
    CHECK(a.count() == b.count());
    CHECK(a.mean() == b.mean());
    CHECK(a.value_at_percentile(50) == b.value_at_percentile(50));
    a.record(5, 0);
    CHECK(a.count() == 7);
}

TEST_CASE("merging equals recording everything into one histogram")
{
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> dist(9.0, 1.5);
    histogram a, b, all;
    for (int i = 0; i < 5000; ++i) {
        auto v = static_cast<std::uint64_t>(dist(rng));
        (i % 3 ? a : b).record(v);
        all.record(v);
    }
    histogram merged = a;
    merged.merge(b);
    CHECK(merged.count() == all.count());
    CHECK(merged.min() == all.min());
    CHECK(merged.max() == all.max());
    CHECK(merged.mean() == all.mean());
    for (double p = 0; p <= 100; p += 0.5) CHECK(merged.value_at_percentile(p) == all.value_at_percentile(p));

    std::vector<std::pair<std::uint64_t, std::uint64_t>> m, x;
    merged.for_each([&](std::uint64_t v, std::uint64_t n) { m.emplace_back(v, n); });
    all.for_each([&](std::uint64_t v, std::uint64_t n) { x.emplace_back(v, n); });
    CHECK(m == x);
    CHECK(a.count() + b.count() == all.count()); // merge leaves the source alone
}

TEST_CASE("for_each values land in the same counters when re-recorded")
{
    histogram h;
    for (std::uint64_t v : {3ULL, 2500ULL, 2501ULL, 999'999ULL, 77'777'777ULL}) h.record(v, 2);
    histogram copy;
    h.for_each([&](std::uint64_t v, std::uint64_t n) { copy.record(v, n); });
    CHECK(copy.count() == h.count());
    CHECK(copy.max() != h.max()); // counters alone lose the exact extremes...
    copy.set_exact(h.min(), h.max(), h.sum());
    CHECK(copy.max() == h.max()); // ...which the codec restores
    CHECK(copy.min() == h.min());
    CHECK(copy.mean() == h.mean());
    copy.set_exact(1, h.max(), 0); // 1 is not in the min's counter: ignored
    CHECK(copy.min() == 3);
    for (double p : {10.0, 30.0, 50.0, 70.0, 90.0, 100.0})
        CHECK(copy.value_at_percentile(p) == h.value_at_percentile(p));
}

TEST_CASE("values_at_percentiles equals value_at_percentile for each")
{
    histogram h;
    for (std::uint64_t v = 100; v < 900'000; v += 37) h.record(v);
    std::vector<double> ps{0, 1, 50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
    std::vector<std::uint64_t> out(ps.size());
    h.values_at_percentiles(ps, out);
    for (std::size_t i = 0; i < ps.size(); ++i) CHECK(out[i] == h.value_at_percentile(ps[i]));
}

TEST_CASE("copies are deep and reset keeps memory")
{
    histogram h;
    h.record(5000);
    histogram copy = h;
    h.record(6000);
    CHECK(copy.count() == 1);
    CHECK(h.count() == 2);
    auto bytes = h.memory_bytes();
    h.reset();
    CHECK(h.count() == 0);
    CHECK(h.max() == 0);
    CHECK(h.value_at_percentile(50) == 0);
    CHECK(h.memory_bytes() == bytes);
    int visited = 0;
    h.for_each([&](std::uint64_t, std::uint64_t) { ++visited; });
    CHECK(visited == 0);
    h.record(42);
    CHECK(h.min() == 42);
}

TEST_CASE("memory stays small for a narrow distribution")
{
    histogram narrow;
    for (std::uint64_t v = 3000; v <= 7000; ++v) narrow.record(v);
    CHECK(narrow.memory_bytes() < 16 * 1024);

    histogram wide;
    for (std::uint64_t v = 1; v < 3'600'000'000ULL; v = v * 11 / 10 + 1) wide.record(v);
    CHECK(wide.memory_bytes() > narrow.memory_bytes());
    CHECK(wide.memory_bytes() < 200 * 1024);
}

TEST_CASE("sparse merges, self-merge and reuse after reset keep every counter")
{
    // Many small deltas (a worker's few requests per endpoint) merged into a histogram that is
    // reset and reused: the counters must match a plain map of (counter, count).
    std::mt19937_64 rng(11);
    std::lognormal_distribution<double> dist(10.0, 0.8);
    histogram sum;
    for (int round = 0; round < 3; ++round) {
        sum.reset();
        std::map<std::uint64_t, std::uint64_t> expected;
        std::uint64_t count = 0;
        for (int d = 0; d < 40; ++d) {
            histogram delta;
            for (int i = 0; i < 5 + d % 7; ++i) {
                auto v = static_cast<std::uint64_t>(dist(rng));
                delta.record(v, 1 + i % 3);
                expected[histogram::lowest_equivalent(v)] += 1 + i % 3;
                count += 1 + i % 3;
            }
            sum.merge(delta);
        }
        std::map<std::uint64_t, std::uint64_t> got;
        sum.for_each([&](std::uint64_t v, std::uint64_t n) { got[v] += n; });
        CHECK(got == expected);
        CHECK(sum.count() == count);
    }
    histogram twice = sum;
    twice.merge(twice);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> a, b;
    sum.for_each([&](std::uint64_t v, std::uint64_t n) { a.emplace_back(v, 2 * n); });
    twice.for_each([&](std::uint64_t v, std::uint64_t n) { b.emplace_back(v, n); });
    CHECK(a == b);
    CHECK(twice.count() == 2 * sum.count());
    CHECK(twice.value_at_percentile(50) == sum.value_at_percentile(50));
}
