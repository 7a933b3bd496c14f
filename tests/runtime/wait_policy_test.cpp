// Proves runtime/wait_policy.hpp is self-contained; checks Locust's wait_time semantics.
#include "runtime/wait_policy.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace hornet;
using namespace std::chrono_literals;
using kind = scenario::wait_time::kind;

TEST_CASE("between is uniform in [low, high]")
{
    runtime::wait_policy w({kind::between, 1, 2});
    std::mt19937_64 rng(1);
    double lo = 10, hi = 0, sum = 0;
    for (int i = 0; i < 10000; ++i) {
        double s = w.next(rng, std::chrono::steady_clock::now());
        lo = std::min(lo, s);
        hi = std::max(hi, s);
        sum += s;
    }
    CHECK(lo >= 1.0);
    CHECK(hi <= 2.0);
    CHECK(lo < 1.01);
    CHECK(hi > 1.99);
    CHECK(sum / 10000 == doctest::Approx(1.5).epsilon(0.02));
}

TEST_CASE("constant_pacing subtracts the task time since the previous wait, never below 0")
{
    runtime::wait_policy w({kind::constant_pacing, 2, 0});
    std::mt19937_64 rng(1);
    auto t0 = std::chrono::steady_clock::time_point{} + 100s;
    CHECK(w.next(rng, t0) == 2.0); // Locust 2.12: the first wait is the full interval
    w.waited(t0);
    CHECK(w.next(rng, t0 + 500ms) == doctest::Approx(1.5));
    w.waited(t0 + 2s);
    CHECK(w.next(rng, t0 + 5s) == 0.0); // the task took longer than the interval
}

TEST_CASE("constant_throughput is pacing of 1/rate, constant is constant")
{
    std::mt19937_64 rng(1);
    runtime::wait_policy t({kind::constant_throughput, 4, 0});
    auto t0 = std::chrono::steady_clock::time_point{} + 100s;
    CHECK(t.next(rng, t0) == 0.25);
    runtime::wait_policy c({kind::constant, 0.7, 0});
    CHECK(c.next(rng, t0) == 0.7);
}
