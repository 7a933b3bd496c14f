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

    /// The user's whole life, in one coroutine frame that also owns the user (each nested
    /// coroutine would be one more frame per user: memory, when thousands start at once).
    /// Registered with its thread while alive. Never throws: failures are recorded.
    static boost::asio::awaitable<void> run(engine_thread& thread, const compiled_class& cls, std::uint64_t id);

    /// Asks the user to stop (call on its own thread). `force`: now, aborting an in-flight
    /// request (which is then not recorded); otherwise after the current task, except that a
    /// user that is waiting stops at once (Locust's stop_timeout semantics).
    void request_stop(bool force);

    std::uint64_t id() const { return id_; }

private:
    enum class state { running, stopping, killed };

    std::size_t pick_task();
    void record(const compiled_step& step, const http::response& r, std::chrono::steady_clock::duration elapsed);

    engine_thread& thread_;
    const compiled_class& class_;
    std::uint64_t id_;
    http::session session_;
    wait_policy wait_;
    boost::asio::steady_timer timer_;
    std::size_t sequence_ = 0;
    state state_ = state::running;
    bool waiting_ = false;
};

} // namespace hornet::runtime
