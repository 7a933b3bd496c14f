// A simulated user: on_start, then tasks and waits until told to stop, then on_stop.
#pragma once

#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/wait_policy.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>

namespace hornet::runtime {

class engine_thread;

class user
{
public:
    user(engine_thread& thread, const compiled_class& cls, std::uint64_t id);

    /// The user's whole life. Never throws: scenario failures are recorded, not propagated.
    boost::asio::awaitable<void> run();

    /// Asks the user to stop (call on its own thread). `force`: now, aborting an in-flight
    /// request (which is then not recorded); otherwise after the current task, except that a
    /// user that is waiting stops at once (Locust's stop_timeout semantics).
    void request_stop(bool force);

    std::uint64_t id() const { return id_; }

private:
    enum class state { running, stopping, killed };

    boost::asio::awaitable<void> run_task(const compiled_task& task);
    boost::asio::awaitable<void> run_steps(const std::vector<compiled_step>& steps);
    boost::asio::awaitable<void> request(const compiled_step& step);
    boost::asio::awaitable<void> wait(double seconds);
    std::size_t pick_task();

    engine_thread& thread_;
    const compiled_class& class_;
    std::uint64_t id_;
    http::session session_;
    http::response response_;      // reused: the steady state allocates nothing
    wait_policy wait_;
    boost::asio::steady_timer timer_;
    std::size_t sequence_ = 0;
    state state_ = state::running;
    bool waiting_ = false;
};

/// Runs a user in a coroutine frame that owns it, registered with its thread while alive.
boost::asio::awaitable<void> run_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id);

} // namespace hornet::runtime
