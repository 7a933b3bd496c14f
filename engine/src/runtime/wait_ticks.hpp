// Waits that end on the same tick of the wait grid (runtime/wait_policy) share one timer.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace hornet::runtime {

/// Why: with 19,000 users waiting between(1, 2), one timer per user kept 19,000 entries in Asio's
/// timer heap, and every wake-up popped one of them (perf: the heap's remove_timer was ~5 % of the
/// CPU per request). Waits end on a 5 ms grid (1 ms under 0.5 s), so the users waking at one tick
/// can wait on one timer: the heap holds a few hundred ticks and a tick that wakes 60 users is
/// one pop. A tick's timer is cancelled to wake one user early (a stop): the others find their
/// tick not reached and wait again (wait_again in runtime/user_life).
class wait_ticks
{
public:
    using clock = std::chrono::steady_clock;

    struct tick
    {
        tick(boost::asio::io_context& io, clock::time_point end) : timer(io, end) {}
        boost::asio::steady_timer timer; ///< expires at the tick
        std::size_t waiters = 0;
    };

    explicit wait_ticks(boost::asio::io_context& io) : io_(io) {}

    /// The tick that ends at `at`, counting one more waiter.
    tick& join(clock::time_point at)
    {
        auto& slot = ticks_[at.time_since_epoch().count()];
        if (!slot) slot = std::make_unique<tick>(io_, at);
        ++slot->waiters;
        return *slot;
    }

    /// A waiter is done with its tick; the last one frees it.
    void leave(tick& t)
    {
        if (--t.waiters == 0) ticks_.erase(t.timer.expiry().time_since_epoch().count());
    }

    std::size_t size() const noexcept { return ticks_.size(); }

private:
    boost::asio::io_context& io_;
    std::unordered_map<clock::rep, std::unique_ptr<tick>> ticks_;
};

} // namespace hornet::runtime
