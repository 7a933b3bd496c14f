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

void user::record(const compiled_step& step, const http::response& r, std::chrono::steady_clock::duration elapsed)
{
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    thread_.stats().record(step.request.method, step.name, ms, r.content_length, r.error, core::unix_now());
}

net::awaitable<void> user::run(engine_thread& thread, const compiled_class& cls, std::uint64_t id)
{
    user self(thread, cls, id);
    thread.add_user(id, &self);
    struct unregister
    {
        engine_thread& t;
        std::uint64_t id;
        ~unregister() { t.remove_user(id); }
    } guard{thread, id};

    // on_start, then { task; wait } until stopped, then on_stop: one loop over step lists.
    enum class phase { on_start, tasks, on_stop } at = phase::on_start;
    const std::vector<compiled_step>* steps = &cls.on_start;
    std::size_t next = 0;
    for (;;) {
        if (next < steps->size() && self.state_ != state::killed) {
            const compiled_step& step = (*steps)[next++];
            try {
                auto response = thread.take_response();
                auto start = core::steady_clock::now();
                co_await self.session_.send(step.request, *response, step.name);
                // Aborted by a stop: not a real result (Locust drops a killed request too).
                if (self.state_ != state::killed && response->failure != http::failure_kind::cancelled)
                    self.record(step, *response, core::steady_clock::now() - start);
                thread.give_back(std::move(response));
                continue;
            } catch (const std::exception& e) {
                // Locust semantics: an exception escaping a task is recorded, the task ends and
                // the user goes on after its wait.
                thread.stats().record_exception(e.what(), "in user class " + cls.source->name);
                core::log::error("hornet.user", "task failed in " + cls.source->name + ": " + e.what());
                next = steps->size();
            }
        }
        if (at == phase::on_stop) break;
        if (at == phase::tasks && self.state_ == state::running) {
            double seconds = self.wait_.next(thread.rng(), core::steady_clock::now());
            if (seconds > 0) {
                self.waiting_ = true;
                self.timer_.expires_after(std::chrono::duration_cast<core::steady_clock::duration>(
                    std::chrono::duration<double>(seconds)));
                co_await self.timer_.async_wait(net::as_tuple(net::use_awaitable));
                self.waiting_ = false;
            }
            self.wait_.waited(core::steady_clock::now());
        }
        if (self.state_ == state::running) {
            at = phase::tasks;
            steps = &cls.tasks[self.pick_task()].steps;
        } else {
            // on_stop runs even after a kill, as in Locust, with a fresh chance to make requests.
            at = phase::on_stop;
            self.state_ = state::stopping;
            steps = &cls.on_stop;
        }
        next = 0;
    }
    self.session_.close();
}

} // namespace hornet::runtime
