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

namespace {

struct recording_timer
{
    std::chrono::steady_clock::time_point at{};
    void expires_at(std::chrono::steady_clock::time_point t) { at = t; }
};

} // namespace

TEST_CASE("a wait ends on a grid of at most 1 % of its length")
{
    std::mt19937_64 rng(7);
    recording_timer timer;
    const auto now = std::chrono::steady_clock::time_point{} + 100s + 123456789ns;
    struct
    {
        double seconds;
        std::chrono::steady_clock::duration grid;
    } cases[] = {{1.5, 5ms}, {0.5, 5ms}, {0.2, 1ms}, {0.1, 1ms}, {0.05, 0ns}};
    for (const auto& c : cases) {
        CAPTURE(c.seconds);
        runtime::wait_policy w({kind::constant, c.seconds, 0});
        REQUIRE(w.arm(timer, rng, now));
        const auto wanted = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(c.seconds));
        CHECK(timer.at >= wanted);
        if (c.grid.count() == 0) {
            CHECK(timer.at == wanted);
        } else {
            CHECK(timer.at - wanted < c.grid);
            CHECK(timer.at.time_since_epoch() % c.grid == 0ns);
        }
    }
    runtime::wait_policy none({kind::constant, 0, 0});
    CHECK_FALSE(none.arm(timer, rng, now));
}

TEST_CASE("constant_pacing on the grid keeps its exact rate")
{
    // Each task takes 30 ms and the wait wakes exactly at the timer: after 1,000 iterations of
    // a 0.7 s pacing the user must be where the pacing says, not 1,000 roundings later.
    std::mt19937_64 rng(1);
    recording_timer timer;
    runtime::wait_policy w({kind::constant_pacing, 0.7, 0});
    auto t = std::chrono::steady_clock::time_point{} + 100s + 1234567ns;
    const auto first_task_end = t;
    REQUIRE(w.arm(timer, rng, t));
    const auto first_wake = timer.at;
    for (int i = 0; i < 1000; ++i) {
        t = timer.at;
        w.waited(t);
        t += 30ms; // the task
        REQUIRE(w.arm(timer, rng, t));
    }
    const auto expected = first_wake + 1000 * 700ms;
    CHECK(first_wake - first_task_end - 700ms < 5ms); // Locust 2.12: the first wait is the full interval
    CHECK(timer.at >= expected);
    CHECK(timer.at - expected < 5ms);
}
