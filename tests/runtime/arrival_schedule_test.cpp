// Proves runtime/arrival_schedule.hpp is self-contained; checks the intended starts it gives.
#include "runtime/arrival_schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

using namespace hornet::runtime;
using namespace std::chrono_literals;
using clock_type = arrival_schedule::clock;

namespace {

const clock_type::time_point t0{1000s};

double seconds_after_t0(clock_type::time_point t)
{
    return std::chrono::duration<double>(t - t0).count();
}

// The starts of `s` before `end`.
std::vector<double> starts_until(arrival_schedule& s, clock_type::time_point end, std::mt19937_64& rng)
{
    std::vector<double> out;
    while (s.active() && s.next() < end) out.push_back(seconds_after_t0(s.pop(rng)));
    return out;
}

} // namespace

TEST_CASE("a constant rate gives evenly spaced starts, the first at the stream's phase")
{
    std::mt19937_64 rng(1);
    arrival_schedule s;
    CHECK_FALSE(s.active());
    s.set_rate(10, t0, 0, rng);
    auto starts = starts_until(s, t0 + 10s, rng);
    REQUIRE(starts.size() == 100);
    for (std::size_t i = 0; i < starts.size(); ++i) CHECK(starts[i] == doctest::Approx(0.1 * static_cast<double>(i)));

    arrival_schedule half;
    half.set_rate(10, t0, 0.5, rng);
    CHECK(seconds_after_t0(half.next()) == doctest::Approx(0.05));
}

TEST_CASE("a fractional rate: one start every two seconds")
{
    std::mt19937_64 rng(1);
    arrival_schedule s;
    s.set_rate(0.5, t0, 0, rng);
    auto starts = starts_until(s, t0 + 10s, rng);
    CHECK(starts == std::vector<double>{0, 2, 4, 6, 8});
}

TEST_CASE("streams that share a rate with phases i/n interleave evenly")
{
    std::mt19937_64 rng(1);
    const int n = 3;
    std::vector<double> all;
    for (int i = 0; i < n; ++i) {
        arrival_schedule s;
        s.set_rate(15.0 / n, t0, static_cast<double>(i) / n, rng);
        auto starts = starts_until(s, t0 + 4s, rng);
        all.insert(all.end(), starts.begin(), starts.end());
    }
    std::sort(all.begin(), all.end());
    REQUIRE(all.size() == 60);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i] - all[i - 1] == doctest::Approx(1.0 / 15));
}

TEST_CASE("a rate change keeps the rhythm: what is left of the gap is rescaled")
{
    std::mt19937_64 rng(1);
    arrival_schedule s;
    s.set_rate(1, t0, 0, rng);
    CHECK(seconds_after_t0(s.pop(rng)) == doctest::Approx(0));
    CHECK(seconds_after_t0(s.next()) == doctest::Approx(1));
    // Half of the 1 s gap is gone; the other half at twice the rate takes 0.25 s.
    s.set_rate(2, t0 + 500ms, 0, rng);
    CHECK(seconds_after_t0(s.next()) == doctest::Approx(0.75));
    s.pop(rng);
    CHECK(seconds_after_t0(s.next()) == doctest::Approx(1.25));
}

TEST_CASE("rate 0 pauses the stream; a new rate starts it again from then")
{
    std::mt19937_64 rng(1);
    arrival_schedule s;
    s.set_rate(4, t0, 0, rng);
    s.set_rate(0, t0 + 1s, 0, rng);
    CHECK_FALSE(s.active());
    s.set_rate(2, t0 + 5s, 0, rng);
    CHECK(s.active());
    CHECK(seconds_after_t0(s.next()) == doctest::Approx(5));
    s.set_rate(-1, t0 + 6s, 0, rng);
    CHECK_FALSE(s.active());
}

TEST_CASE("poisson arrivals: the mean rate holds and the gaps vary")
{
    std::mt19937_64 rng(7);
    arrival_schedule s(arrival_kind::poisson);
    s.set_rate(5, t0, 0, rng);
    auto starts = starts_until(s, t0 + 2000s, rng);
    // 10,000 expected; a Poisson count's standard deviation is 100.
    CHECK(starts.size() > 9600);
    CHECK(starts.size() < 10400);
    double shortest = 1e9, longest = 0;
    for (std::size_t i = 1; i < starts.size(); ++i) {
        shortest = std::min(shortest, starts[i] - starts[i - 1]);
        longest = std::max(longest, starts[i] - starts[i - 1]);
    }
    CHECK(shortest < 0.01);
    CHECK(longest > 1.0);
}
