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

TEST_CASE("a wait ends on the next whole tick, never before its time")
{
    using clock = std::chrono::steady_clock;
    const auto tick = std::chrono::duration_cast<clock::duration>(runtime::wait_tick);
    const auto base = clock::time_point{} + 100s; // a whole number of ticks
    for (auto offset : {clock::duration(0), clock::duration(1), tick / 2, tick - clock::duration(1), tick}) {
        const auto now = base + offset;
        const auto d = std::chrono::duration_cast<clock::duration>(1500ms);
        const auto end = runtime::wait_policy::wake_time(now, d);
        CHECK(end >= now + d);
        CHECK(end - (now + d) < tick);
        CHECK(end.time_since_epoch() % tick == clock::duration(0));
    }
    // Users whose waits end within one tick wake together.
    CHECK(runtime::wait_policy::wake_time(base, 1ms + 1us) == runtime::wait_policy::wake_time(base, 1ms + 900us));
}

TEST_CASE("arm sets the timer to a whole tick at or after the drawn wait")
{
    struct fake_timer
    {
        std::chrono::steady_clock::time_point at;
        void expires_at(std::chrono::steady_clock::time_point t) { at = t; }
    } timer;
    runtime::wait_policy w({kind::constant, 0.25, 0});
    std::mt19937_64 rng(1);
    const auto now = std::chrono::steady_clock::time_point{} + 100s + 123us;
    REQUIRE(w.arm(timer, rng, now));
    CHECK(timer.at == std::chrono::steady_clock::time_point{} + 100s + 251ms);
    runtime::wait_policy none({kind::constant, 0, 0});
    CHECK_FALSE(none.arm(timer, rng, now));
}
