// The user loop: steps (requests and repeated blocks) with templates, checks and extracts.
#include "runtime/json_user.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/py_repr.hpp"
#include "http/url.hpp"
#include "runtime/arrival_executor.hpp"
#include "runtime/engine_thread.hpp"
#include "runtime/step_cursor.hpp"
#include "scenario/check.hpp"
#include "scenario/extract.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <random>

namespace hornet::runtime {

namespace net = boost::asio;

namespace {

std::string place_of(const compiled_class& cls, const compiled_step& step)
{
    return "in user class " + cls.source->name + ", step at line " + std::to_string(step.source->line);
}

} // namespace

json_user::json_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled)
    : user_life(thread, cls, id, pooled),
      vars_(scenario::make_user_state(id, cls.source->variables, cls.source->initial_values, *cls.shared, thread.rng()))
{}

int json_user::repeat_count(const scenario::step& s)
{
    if (s.repeat_min >= s.repeat_max) return s.repeat_min;
    return std::uniform_int_distribution<int>(s.repeat_min, s.repeat_max)(thread_.rng());
}

const http::request* json_user::prepare(const compiled_step& step, std::unique_ptr<http::request>& scratch)
{
    if (!step.dynamic) return &step.request;
    scratch = thread_.take_request();
    const auto rendered = render_request(step, vars_, *class_.shared, *scratch);
    if (rendered) return scratch.get();
    thread_.give_back(std::move(scratch));
    const std::string error = rendered.error().detail;
    std::string where = place_of(class_, step);
    thread_.stats().record_exception("KeyError: " + error, where);
    core::log::error("hornet.user", "task failed " + where + ": " + error);
    return nullptr;
}

bool json_user::judge(const compiled_step& step, const http::request& sent, const http::response& r,
                      std::chrono::steady_clock::duration elapsed)
{
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    std::string_view name = step.name.empty() ? http::path_of(sent.target) : std::string_view(step.name);
    auto& stats = thread_.stats();
    if (!step.judged) {
        stats.record(sent.method, name, ms, r.content_length, r.error, core::unix_now(), r.failure);
        record_corrected(ms);
        return r.ok();
    }
    const scenario::step& s = *step.source;
    std::optional<nlohmann::json> body_json;
    std::string reason;
    bool http_error = false;
    if (!s.expect.empty()) {
        auto verdict = scenario::evaluate(s.expect, r, ms, vars_, *class_.shared, body_json);
        if (!verdict.ok) {
            reason = std::move(verdict.reason);
            http_error = verdict.http_error;
        }
    } else if (!r.ok()) {
        http_error = true;
    }
    if (r.status != 0) {
        for (const auto& e : s.extracts)
            if (auto applied = scenario::apply(e, r, vars_, body_json); !applied && reason.empty() && !http_error)
                reason = applied.error().detail;
    }
    if (http_error) {
        stats.record(sent.method, name, ms, r.content_length, r.error, core::unix_now(), r.failure);
        record_corrected(ms);
        return false;
    }
    if (reason.empty()) {
        stats.record(sent.method, name, ms, r.content_length, {}, core::unix_now());
        record_corrected(ms);
        return true;
    }
    // As Locust records response.failure("reason") inside catch_response.
    stats.record(sent.method, name, ms, r.content_length, "CatchResponseError(" + core::py_repr(reason) + ")",
                 core::unix_now(), core::failure_kind::check);
    record_corrected(ms);
    return false;
}

net::awaitable<bool> json_user::run(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled)
{
    json_user self(thread, cls, id, pooled);
    engine_thread::registration registered(thread, id, &self);
    auto times = [&self](const compiled_step& step) { return self.repeat_count(*step.source); };

    // on_start, then { task; wait } until stopped, then on_stop. A task that is a nested task set
    // runs its on_start, then its own { task; wait } until a task interrupts it, then its on_stop;
    // a stop leaves every set (innermost first, each with its on_stop) before the user's on_stop.
    phase at = phase::on_start;
    step_cursor cursor;
    cursor.reset(cls.on_start);
    std::vector<running_set> sets; // the nested task sets being run, innermost last
    // The on_start step that failed: the user then stops, as a Locust user whose on_start raises.
    const compiled_step* start_failed = nullptr;
    bool set_start_failed = false;              // a set's on_start failed: the set is left at once
    const compiled_step* interrupted = nullptr; // the interrupt that ended the current task
    while (!start_failed) {
        const compiled_step* step = self.state_ == state::killed ? nullptr : cursor.next(times);
        if (step && step->source->type == scenario::step::kind::interrupt) {
            // Locust's self.interrupt() raises: the rest of the task does not run.
            if (at == phase::tasks && !sets.empty()) interrupted = step; // the loader allows it only there
            cursor.finish();
            continue;
        }
        if (step) {
            try {
                std::unique_ptr<http::request> scratch;
                const http::request* req = self.prepare(*step, scratch);
                if (!req) {
                    if (at == phase::on_start) start_failed = step;
                    if (at == phase::set_on_start) set_start_failed = true;
                    cursor.finish();
                    continue;
                }
                auto response = thread.take_response();
                auto start = core::steady_clock::now();
                co_await self.session_.send(*req, *response, step->name);
                // Aborted by a stop: not a real result (Locust drops a killed request too).
                bool failed = false;
                if (self.state_ != state::killed && response->failure != http::failure_kind::cancelled)
                    failed = !self.judge(*step, *req, *response, core::steady_clock::now() - start);
                const bool turn = self.needs_turn(*response);
                thread.give_back(std::move(response));
                if (scratch) thread.give_back(std::move(scratch));
                // Only a step that checks or extracts stops the user: in Locust a failed request
                // raises only when the code looks at the response (catch_response, .json()).
                if (failed && step->judged) {
                    if (at == phase::on_start) start_failed = step;
                    if (at == phase::set_on_start) {
                        set_start_failed = true;
                        cursor.finish();
                    }
                }
                if (failed && step->source->skip_rest_on_failure) cursor.finish();
                if (turn) co_await self.yield_turn();
            } catch (const std::exception& e) {
                // Locust semantics: an exception escaping a task is recorded, the task ends and
                // the user goes on after its wait.
                thread.stats().record_exception(e.what(), "in user class " + cls.source->name);
                core::log::error("hornet.user", "task failed in " + cls.source->name + ": " + e.what());
                if (at == phase::on_start) start_failed = step;
                if (at == phase::set_on_start) set_start_failed = true;
                cursor.finish();
            }
            continue;
        }
        if (at == phase::on_stop) break;

        // The current list is done: what comes next. `pause_first`: the wait (or the open model's next
        // iteration) before the next task, as after any task; otherwise it follows at once.
        bool pause_first = true;
        if (at == phase::tasks && interrupted) {
            // Leaving the set through its on_stop; then its parent goes on (see set_on_stop).
            sets.back().reschedule = interrupted->source->reschedule;
            interrupted = nullptr;
            at = phase::set_on_stop;
            cursor.reset(sets.back().set->on_stop);
            continue;
        }
        if (at == phase::set_on_stop) {
            const bool stopping = sets.back().stopping;
            const bool reschedule = sets.back().reschedule;
            sets.pop_back();
            if (stopping) {
                self.leave_next(sets, at, cursor);
                continue;
            }
            // Locust: interrupt() goes straight to the parent's next task; with reschedule=False
            // the parent waits first.
            pause_first = !reschedule;
        } else if (at == phase::set_on_start) {
            if (set_start_failed) {
                // As Locust's parent when a TaskSet's on_start raises: no tasks, no on_stop; the
                // parent goes on after its wait.
                set_start_failed = false;
                sets.pop_back();
            } else {
                pause_first = false; // a set's first task follows its on_start at once
            }
        } else if (at == phase::on_start) {
            pause_first = false;
        }
        bool next = self.state_ == state::running;
        wait_policy& wait = sets.empty() || !sets.back().own_wait ? self.wait_ : *sets.back().own_wait;
        if (next && self.pooled_ && (pause_first || at == phase::on_start)) {
            // Open model: the next iteration begins when the thread's schedule hands one over.
            if (!self.iteration_or_park()) {
                co_await self.wait_between();
                next = self.unparked() && self.state_ != state::killed;
            }
        } else if (next && pause_first) {
            const auto p = self.arm_pause(wait);
            if (p == pause::wait) {
                do co_await self.wait_between();
                while (self.wait_again()); // woken for another user of the same tick
            } else if (p == pause::turn)
                co_await self.yield_turn();
            self.pause_done(wait);
            next = self.state_ == state::running;
        } else if (next && !std::exchange(self.turned_, false)) {
            // No wait and no request since the last turn (a set that is left at once): the
            // thread's timers, stop requests and other users get a turn.
            co_await self.yield_turn();
            next = self.state_ == state::running;
        }
        if (!next) {
            // on_stop runs even after a kill, as in Locust, with a fresh chance to make requests.
            self.state_ = state::stopping;
            self.leave_next(sets, at, cursor);
            continue;
        }
        const compiled_task& task =
            sets.empty() ? cls.tasks[cls.pick_task(self.sequence_, thread.rng())]
                         : sets.back().set->tasks[sets.back().set->pick_task(sets.back().sequence, thread.rng())];
        if (task.nested.empty() || sets.size() >= static_cast<std::size_t>(scenario::max_task_set_depth)) {
            at = phase::tasks;
            cursor.reset(task.steps);
        } else {
            const compiled_set& set = task.nested.front();
            sets.push_back({&set, set.source->wait ? std::optional<wait_policy>(*set.source->wait) : std::nullopt});
            at = phase::set_on_start;
            cursor.reset(set.on_start);
        }
    }
    if (start_failed)
        core::log::error("hornet.user", "user " + std::to_string(id) + " stopped: on_start failed " +
                                            place_of(cls, *start_failed) + " (a Locust user stops there too)");
    self.session_.close();
    if (pooled) thread.arrivals().user_ended(self);
    co_return start_failed != nullptr;
}

void json_user::leave_next(std::vector<running_set>& sets, phase& at, step_cursor& cursor)
{
    if (!sets.empty()) {
        sets.back().stopping = true;
        at = phase::set_on_stop;
        cursor.reset(sets.back().set->on_stop);
    } else {
        at = phase::on_stop;
        cursor.reset(class_.on_stop);
    }
}

} // namespace hornet::runtime
