// What every simulated user has, whatever runs its tasks (JSON steps or C++ code): its thread and
// class, an HTTP session, the wait between tasks, and Locust's stop semantics.
#pragma once

#include "http/response.hpp"
#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/stoppable.hpp"
#include "runtime/wait_policy.hpp"
#include "runtime/wait_ticks.hpp"
#include "stats/shard.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

namespace hornet::runtime {

class engine_thread;

class user_life : public stoppable
{
public:
    /// Asks the user to stop (call on its own thread). `force`: now, aborting an in-flight
    /// request (which is then not recorded); otherwise after the current task, except that a
    /// user that is waiting stops at once (Locust's stop_timeout semantics).
    void request_stop(bool force) final;

    std::uint64_t id() const { return id_; }
    const compiled_class& user_class() const { return class_; }

    // The open model's executor (runtime/arrival_executor) hands iterations to pooled users.
    /// A parked user that can take a start: not stopped, still waiting.
    bool idle() const { return state_ == state::running && waiting_; }
    /// Gives the user its next iteration, `lag_ms` after the intended start; `wake`: it is parked.
    void hand_iteration(double lag_ms, bool wake)
    {
        lag_ms_ = lag_ms;
        assigned_ = true;
        if (!wake) return;
        // From here it is in an iteration: a graceful stop lets it finish, as any task.
        waiting_ = false;
        timer_.cancel();
    }
    /// True the first time it is asked: the user's first iteration.
    bool first_iteration() { return !std::exchange(took_first_, true); }

protected:
    enum class state { running, stopping, killed };

    /// `pooled`: an open-model user, whose iterations the thread's arrival schedule starts.
    user_life(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled = false);
    ~user_life() = default;

    /// Call after every request. One that ended without an answer may never have waited on the
    /// network (no socket to be had — EMFILE —, a URL it cannot use): it gives the thread a turn
    /// here, so that a user retrying it in a loop cannot starve the timers, stop requests and
    /// other users of its thread.
    bool needs_turn(const http::response& r)
    {
        turned_ = true;
        return r.status == 0;
    }
    /// The turn itself: resumes after everything already queued on the thread.
    boost::asio::awaitable<void> yield_turn();

    /// Between two tasks: the class's wait_time (timer_ armed: await wait_between()), or, when
    /// there is none and the task made no request (a template that failed, a C++ task that
    /// threw), a turn for the same reason; then pause_done(). Not a coroutine of its own: a
    /// waiting user holds no frame beyond its own and the timer's.
    enum class pause { none, wait, turn };
    pause arm_pause() { return arm_pause(wait_); }
    /// The same with another wait_time's state (a nested task set's own, JSON users).
    pause arm_pause(wait_policy& wait);
    auto wait_between()
    {
        // deferred, not use_awaitable: no coroutine frame per wait.
        return (tick_ ? tick_->timer : timer_).async_wait(boost::asio::as_tuple(boost::asio::deferred));
    }
    /// After the pause's wake-up: true when it was meant for another user of the same tick (one
    /// of them stopped) and this one's pause is not over, so it waits again.
    bool wait_again() const
    {
        return tick_ != nullptr && state_ == state::running && std::chrono::steady_clock::now() < tick_->timer.expiry();
    }
    void pause_done() { pause_done(wait_); }
    void pause_done(wait_policy& wait);
    /// Open model, before each iteration: true when it has one now; otherwise it is parked
    /// (await wait_between(), then unparked(): true when woken with an iteration, false when stopped).
    bool iteration_or_park();
    bool unparked();
    /// After stats().record(): the same request measured from its iteration's intended start
    /// (the open model's corrected view; nothing in the closed model).
    void record_corrected(double response_time_ms)
    {
        if (!std::isnan(lag_ms_)) thread_stats().record_corrected(response_time_ms + lag_ms_);
    }

    /// A sleep of the user's own (C++ `co_await sleep(s)`); a zero sleep still yields.
    void count_turn() { turned_ = true; }

    engine_thread& thread_;
    const compiled_class& class_;
    std::uint64_t id_;
    http::session session_;
    wait_policy wait_;
    boost::asio::steady_timer timer_;  ///< the wait between tasks off the grid, parking, C++ sleeps
    wait_ticks::tick* tick_ = nullptr; ///< the thread's timer this pause ends with, when on the grid
    std::size_t sequence_ = 0;         ///< next task of a sequential class
    state state_ = state::running;
    bool waiting_ = false; ///< in the wait between tasks: a graceful stop is immediate
    bool turned_ = false;  ///< the current task gave its thread a turn
    bool pooled_ = false;  ///< open model: iterations come from the arrival schedule, no wait_time
    bool assigned_ = false;
    bool took_first_ = false;
    /// Open model: how late the current iteration began after its intended start (ms); NaN in
    /// the closed model, where nothing is corrected.
    double lag_ms_ = std::numeric_limits<double>::quiet_NaN();

private:
    stats::shard& thread_stats();
};

} // namespace hornet::runtime
