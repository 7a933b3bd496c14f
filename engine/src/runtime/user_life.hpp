// What every simulated user has, whatever runs its tasks (JSON steps or C++ code): its thread and
// class, an HTTP session, the wait between tasks, and Locust's stop semantics.
#pragma once

#include "http/response.hpp"
#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/stoppable.hpp"
#include "runtime/wait_policy.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdint>

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

protected:
    enum class state { running, stopping, killed };

    user_life(engine_thread& thread, const compiled_class& cls, std::uint64_t id);
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
    pause arm_pause();
    auto wait_between() { return timer_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable)); }
    void pause_done();
    /// A sleep of the user's own (C++ `co_await sleep(s)`); a zero sleep still yields.
    void count_turn() { turned_ = true; }

    engine_thread& thread_;
    const compiled_class& class_;
    std::uint64_t id_;
    http::session session_;
    wait_policy wait_;
    boost::asio::steady_timer timer_; ///< the wait between tasks (and C++ sleeps)
    std::size_t sequence_ = 0;        ///< next task of a sequential class
    state state_ = state::running;
    bool waiting_ = false; ///< in the wait between tasks: a graceful stop is immediate
    bool turned_ = false;  ///< the current task gave its thread a turn
};

} // namespace hornet::runtime
