// Locust's wait_time functions, evaluated after every task.
#pragma once

#include "scenario/model.hpp"

#include <chrono>
#include <random>

namespace hornet::runtime {

/// Per-user wait state: constant_pacing remembers when the previous wait ended.
class wait_policy
{
public:
    explicit wait_policy(const scenario::wait_time& w) : w_(w) {}

    /// Seconds to wait now, after a task finished at `now`.
    template <class Rng>
    double next(Rng& rng, std::chrono::steady_clock::time_point now)
    {
        using kind = scenario::wait_time::kind;
        switch (w_.type) {
        case kind::constant: return w_.a;
        case kind::between: return w_.a + std::uniform_real_distribution<double>(0.0, 1.0)(rng) * (w_.b - w_.a);
        case kind::constant_pacing: return pacing(w_.a, now);
        case kind::constant_throughput: return pacing(1.0 / w_.a, now);
        }
        return 0;
    }

    /// Sets `timer` to the next wait after a task finished at `now`; false when there is none.
    template <class Rng, class Timer>
    bool arm(Timer& timer, Rng& rng, std::chrono::steady_clock::time_point now)
    {
        double seconds = next(rng, now);
        if (seconds <= 0) return false;
        timer.expires_after(
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds)));
        return true;
    }

    /// Called when a wait ended (constant_pacing measures from here).
    void waited(std::chrono::steady_clock::time_point now) { last_wait_end_ = now; }

private:
    double pacing(double interval, std::chrono::steady_clock::time_point now)
    {
        // Like Locust 2.12, the first call returns the full interval; afterwards the time the
        // task took since the previous wait ended is subtracted.
        if (last_wait_end_ == std::chrono::steady_clock::time_point{}) return interval;
        double spent = std::chrono::duration<double>(now - last_wait_end_).count();
        return interval > spent ? interval - spent : 0.0;
    }

    scenario::wait_time w_;
    std::chrono::steady_clock::time_point last_wait_end_{};
};

} // namespace hornet::runtime
