// What every simulated user has, whatever runs its tasks (JSON steps or C++ code): its thread and
// class, an HTTP session, the wait between tasks, and Locust's stop semantics.
#pragma once

#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/stoppable.hpp"
#include "runtime/wait_policy.hpp"

#include <boost/asio/steady_timer.hpp>

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

    engine_thread& thread_;
    const compiled_class& class_;
    std::uint64_t id_;
    http::session session_;
    wait_policy wait_;
    boost::asio::steady_timer timer_;   ///< the wait between tasks (and C++ sleeps)
    std::size_t sequence_ = 0;          ///< next task of a sequential class
    state state_ = state::running;
    bool waiting_ = false;              ///< in the wait between tasks: a graceful stop is immediate
};

} // namespace hornet::runtime
