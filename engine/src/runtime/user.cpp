// The user loop.
#include "runtime/user.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "runtime/engine_thread.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <random>

namespace hornet::runtime {

namespace net = boost::asio;

user::user(engine_thread& thread, const compiled_class& cls, std::uint64_t id)
    : thread_(thread)
    , class_(cls)
    , id_(id)
    , session_(thread.http(), cls.host)
    , wait_(cls.source->wait)
    , timer_(thread.io())
{
}

void user::request_stop(bool force)
{
    if (state_ == state::killed) return;
    if (force || waiting_) {
        state_ = state::killed;
        timer_.cancel();
        if (force) session_.close();
    } else {
        state_ = state::stopping;
    }
}

std::size_t user::pick_task()
{
    const auto& table = class_.task_table;
    if (class_.source->sequential) return table[sequence_++ % table.size()];
    if (table.size() == 1) return table[0];
    return table[std::uniform_int_distribution<std::size_t>(0, table.size() - 1)(thread_.rng())];
}

net::awaitable<void> user::run()
{
    co_await run_steps(class_.on_start);
    while (state_ == state::running) {
        try {
            co_await run_task(class_.tasks[pick_task()]);
        } catch (const std::exception& e) {
            // Locust semantics: an exception escaping a task is recorded and the user goes on.
            thread_.stats().record_exception(e.what(), std::string("in user class ") + class_.source->name);
            core::log::error("hornet.user", std::string("task failed in ") + class_.source->name + ": " + e.what());
        }
        if (state_ != state::running) break;
        co_await wait(wait_.next(thread_.rng(), core::steady_clock::now()));
    }
    // on_stop runs even after a kill, as in Locust; it gets a fresh chance to make requests.
    if (!class_.on_stop.empty()) {
        state_ = state::stopping;
        co_await run_steps(class_.on_stop);
    }
    session_.close();
}

net::awaitable<void> user::run_task(const compiled_task& task)
{
    co_await run_steps(task.steps);
}

net::awaitable<void> user::run_steps(const std::vector<compiled_step>& steps)
{
    for (const auto& step : steps) {
        if (state_ == state::killed) co_return;
        co_await request(step);
    }
}

net::awaitable<void> user::request(const compiled_step& step)
{
    auto start = core::steady_clock::now();
    co_await session_.send(step.request, response_, step.name);
    auto end = core::steady_clock::now();
    // Aborted by a stop: not a real result (Locust drops a killed request too).
    if (state_ == state::killed || response_.failure == http::failure_kind::cancelled) co_return;
    double ms = std::chrono::duration<double, std::milli>(end - start).count();
    thread_.stats().record(step.request.method, step.name, ms, response_.content_length, response_.error,
                           core::unix_now());
}

net::awaitable<void> user::wait(double seconds)
{
    if (seconds > 0) {
        waiting_ = true;
        timer_.expires_after(std::chrono::duration_cast<core::steady_clock::duration>(std::chrono::duration<double>(seconds)));
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
        waiting_ = false;
    }
    wait_.waited(core::steady_clock::now());
}

net::awaitable<void> run_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id)
{
    user u(thread, cls, id);
    thread.add_user(id, &u);
    struct unregister
    {
        engine_thread& t;
        std::uint64_t id;
        ~unregister() { t.remove_user(id); }
    } guard{thread, id};
    co_await u.run();
}

} // namespace hornet::runtime
