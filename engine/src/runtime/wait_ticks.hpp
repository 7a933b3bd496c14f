// Waits that end on the same tick of the wait grid (runtime/wait_policy) share one timer.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

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

    explicit wait_ticks(boost::asio::io_context& io) : io_(io), ring_(ring_slots) {}

    /// The tick that ends at `at`, counting one more waiter.
    tick& join(clock::time_point at)
    {
        auto& slot = ring_[slot_of(at)];
        tick* t = slot.get();
        if (!t)
            t = (slot = std::make_unique<tick>(io_, at)).get();
        else if (t->timer.expiry() != at) {
            // A tick a whole ring later (a wait longer than the ring's span).
            auto& other = far_[at.time_since_epoch().count()];
            if (!other) other = std::make_unique<tick>(io_, at);
            t = other.get();
        }
        if (t->waiters++ == 0) ++size_;
        return *t;
    }

    /// A waiter is done with its tick; the last one frees it.
    void leave(tick& t)
    {
        if (--t.waiters > 0) return;
        --size_;
        const auto at = t.timer.expiry();
        auto& slot = ring_[slot_of(at)];
        if (slot.get() == &t)
            slot.reset();
        else
            far_.erase(at.time_since_epoch().count());
    }

    /// Ticks with waiters.
    std::size_t size() const noexcept { return size_; }

private:
    // Why a ring and not only a map: a wait joins and leaves a tick once per request, and the
    // hash map's bucket walk over nodes scattered in the heap was 3.4 % of the CPU per request at
    // 19,000 users (perf). Ticks lie on whole milliseconds (wait_policy's grids), so a tick's slot
    // is its millisecond modulo the ring's size: one indexed load. The ring spans 4.096 s, longer
    // than most think times; a tick whose slot is held by another (a wait longer than that) goes
    // to the map.
    static constexpr std::size_t ring_slots = 4096;
    static std::size_t slot_of(clock::time_point at)
    {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
        return static_cast<std::size_t>(ms) % ring_slots;
    }

    boost::asio::io_context& io_;
    std::vector<std::unique_ptr<tick>> ring_;
    std::unordered_map<clock::rep, std::unique_ptr<tick>> far_;
    std::size_t size_ = 0;
};

} // namespace hornet::runtime
