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
    /// The wait ends on a grid (see grid_for): users whose waits end in the same grid step are
    /// woken together, by one timer expiry and one return from epoll_wait, instead of one each.
    template <class Rng, class Timer>
    bool arm(Timer& timer, Rng& rng, std::chrono::steady_clock::time_point now)
    {
        using clock = std::chrono::steady_clock;
        double seconds = next(rng, now);
        added_ = {};
        if (seconds <= 0) return false;
        const auto wanted = now + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
        const auto grid = grid_for(seconds);
        auto end = wanted;
        if (grid.count() > 0) {
            const auto since_epoch = wanted.time_since_epoch();
            const auto rest = since_epoch % grid;
            if (rest.count() > 0) end = wanted + (grid - rest);
        }
        added_ = end - wanted;
        on_grid_ = grid.count() > 0;
        timer.expires_at(end);
        return true;
    }

    /// The wait armed last ends on a tick of the grid (runtime/wait_ticks: shared timers).
    bool on_grid() const noexcept { return on_grid_; }

    /// Called when a wait ended (constant_pacing measures from here). The grid's rounding
    /// belongs to the wait, not to the next task: left out, pacing keeps its exact rate.
    void waited(std::chrono::steady_clock::time_point now)
    {
        last_wait_end_ = now - added_;
        added_ = {};
    }

    /// The grid a wait of `seconds` ends on: 5 ms from half a second on, 1 ms from 0.1 s, none
    /// below, so rounding never lengthens a wait by more than 1 %. Measured at 19,000 users
    /// between(1, 2) on one thread (bench/waits.sh): each user woken by its own expiry costs
    /// a wake-up per request; on the 5 ms grid the thread wakes at most 200 times a second.
    static std::chrono::steady_clock::duration grid_for(double seconds)
    {
        using namespace std::chrono_literals;
        if (seconds >= 0.5) return 5ms;
        if (seconds >= 0.1) return 1ms;
        return std::chrono::steady_clock::duration::zero();
    }

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
    std::chrono::steady_clock::duration added_{}; ///< the grid's part of the wait armed last
    bool on_grid_ = false;
};

} // namespace hornet::runtime
