// A simulated user written in C++ (hornet::user): drives its coroutines and performs, with Asio,
// the requests and sleeps they co_await.
#pragma once

#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/user_life.hpp"
#include "scenario/native_class.hpp"

#include <hornet/detail/user_context.hpp>
#include <hornet/task.hpp>
#include <hornet/user.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <coroutine>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hornet::runtime {

class engine_thread;

/// Same life as runtime::json_user (on_start, {task; wait} until stopped, on_stop; same stop
/// semantics), but the steps are the user's own coroutines. When one suspends on a request or
/// a sleep, the awaiter parks the operation here; run() performs it and resumes the innermost
/// coroutine. No co_spawn and no allocation per request in the steady state.
class native_user final : public user_life, public hornet::detail::user_context
{
public:
    native_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled = false);
    ~native_user();

    /// The user's whole life in one frame; registered with its thread while alive. Never throws:
    /// exceptions escaping scenario code are recorded and the user goes on after its wait.
    /// `pooled`: an open-model user (iterations from the thread's arrival schedule).
    /// Completes with true when on_start threw: the user stops there, as in Locust.
    static boost::asio::awaitable<bool> run(engine_thread& thread, const compiled_class& cls, std::uint64_t id,
                                            bool pooled = false);

    // hornet::detail::user_context
    void start_request(const hornet::detail::request_data& request, std::coroutine_handle<> resume) override;
    std::uint32_t take_response(hornet::detail::response_data& out) override;
    bool find_header(std::uint32_t slot, std::string_view name, std::string_view& value) override;
    void verdict(std::uint32_t slot, bool success, std::string_view reason) override;
    void release(std::uint32_t slot) noexcept override;
    void start_sleep(double seconds, std::coroutine_handle<> resume) override;
    double random() override;
    std::int64_t random_int(std::int64_t lo, std::int64_t hi) override;
    void append_random(hornet::detail::generator g, std::size_t n, std::string& out) override;
    std::uint64_t user_id() override { return id_; }
    std::string_view host() override { return class_.host; }
    bool stopping() override { return state_ != state::running; }
    void log(int level, std::string_view text) override;

private:
    enum class pending { none, request, sleep };

    /// A response lent to scenario code until its hornet::response is destroyed.
    struct slot
    {
        std::unique_ptr<http::response> response;
        std::string method;
        std::string name;
        double elapsed_ms = 0;
        bool catch_response = false;
        bool recorded = false;
        bool in_use = false;
    };

    /// Runs one of the user's coroutines to its end (or until killed); records what escapes.
    boost::asio::awaitable<void> drive(hornet::task<> t);
    void record_exception(std::exception_ptr e);
    std::uint64_t exceptions_ = 0; ///< recorded so far: tells whether on_start failed
    void record(slot& s, std::string_view error, core::failure_kind kind);
    std::size_t pick_task();

    const scenario::native_class& native_;
    std::unique_ptr<hornet::user> user_;

    // The operation the innermost coroutine is suspended on.
    pending pending_ = pending::none;
    std::coroutine_handle<> resume_;
    double sleep_seconds_ = 0;
    http::request request_;
    std::string name_;
    bool catch_response_ = false;

    std::vector<slot> slots_;
    std::uint32_t completed_ = 0; ///< slot of the request just completed
};

} // namespace hornet::runtime
