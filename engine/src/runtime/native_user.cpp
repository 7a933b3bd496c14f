// The driver of C++ users.
#include "runtime/native_user.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/py_repr.hpp"
#include "http/url.hpp"
#include "runtime/arrival_executor.hpp"
#include "runtime/engine_thread.hpp"
#include "scenario/generators.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <random>

namespace hornet::runtime {

namespace net = boost::asio;

native_user::native_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled)
    : user_life(thread, cls, id, pooled), native_(*cls.source->native)
{}

native_user::~native_user()
{
    // The user object's code may live in a plugin that the class keeps loaded: gone first.
    user_.reset();
}

void native_user::start_request(const hornet::detail::request_data& r, std::coroutine_handle<> resume)
{
    // Copied into buffers reused across requests: no allocation once they have grown.
    request_.method.assign(r.method);
    request_.target.assign(r.path);
    request_.body.assign(r.body);
    request_.headers.resize(r.header_count);
    bool content_type = false;
    for (std::size_t i = 0; i < r.header_count; ++i) {
        request_.headers[i].name.assign(r.headers[i].name);
        request_.headers[i].value.assign(r.headers[i].value);
        content_type = content_type || http::iequals(r.headers[i].name, "Content-Type");
    }
    if (r.json && !content_type) request_.headers.push_back({"Content-Type", "application/json"});
    if (!r.name.empty()) {
        name_.assign(r.name);
    } else {
        name_.assign(http::path_of(r.path)); // Locust names absolute URLs by their path
    }
    catch_response_ = r.catch_response;
    resume_ = resume;
    pending_ = pending::request;
}

std::uint32_t native_user::take_response(hornet::detail::response_data& out)
{
    const slot& s = slots_[completed_];
    out.status = s.response->status;
    out.body = s.response->body;
    out.error = s.response->error;
    out.url = s.response->url;
    out.content_length = s.response->content_length;
    out.elapsed_ms = s.elapsed_ms;
    return completed_;
}

bool native_user::find_header(std::uint32_t index, std::string_view name, std::string_view& value)
{
    if (index >= slots_.size() || !slots_[index].in_use) return false;
    auto v = slots_[index].response->header(name);
    if (!v) return false;
    value = *v;
    return true;
}

void native_user::record(slot& s, std::string_view error, core::failure_kind kind)
{
    s.recorded = true;
    thread_.stats().record(s.method, s.name, s.elapsed_ms, s.response->content_length, error, core::unix_now(), kind);
    record_corrected(s.elapsed_ms);
}

void native_user::verdict(std::uint32_t index, bool success, std::string_view reason)
{
    if (index >= slots_.size()) return;
    slot& s = slots_[index];
    if (!s.in_use || !s.catch_response || s.recorded || state_ == state::killed) return;
    if (success) {
        record(s, {}, core::failure_kind::none);
    } else {
        // Locust's failure(text) raises CatchResponseError(text): that repr is the error key.
        record(s, "CatchResponseError(" + core::py_repr(reason) + ")", core::failure_kind::check);
    }
}

void native_user::release(std::uint32_t index) noexcept
{
    if (index >= slots_.size() || !slots_[index].in_use) return;
    slot& s = slots_[index];
    try {
        // Locust's context manager exit: no verdict given, the default one.
        if (s.catch_response && !s.recorded && state_ != state::killed)
            record(s, s.response->error, s.response->failure);
    } catch (...) {
        // Recording allocates only for a new name or error text; failing that must not end the user.
    }
    s.in_use = false;
    thread_.give_back(std::move(s.response));
}

void native_user::start_sleep(double seconds, std::coroutine_handle<> resume)
{
    sleep_seconds_ = seconds;
    resume_ = resume;
    pending_ = pending::sleep;
}

double native_user::random()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(thread_.rng());
}

std::int64_t native_user::random_int(std::int64_t lo, std::int64_t hi)
{
    return scenario::random_int(thread_.rng(), lo, hi);
}

void native_user::append_random(hornet::detail::generator g, std::size_t n, std::string& out)
{
    scenario::append_generated(g, n, out, thread_.rng());
}

void native_user::log(int level, std::string_view text)
{
    std::string logger = "hornet.user." + class_.source->name;
    switch (level) {
    case 0: core::log::debug(logger, text); break;
    case 1: core::log::info(logger, text); break;
    case 2: core::log::warning(logger, text); break;
    default: core::log::error(logger, text); break;
    }
}

void native_user::record_exception(std::exception_ptr e)
{
    std::string what = "unknown exception";
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        what = ex.what();
    } catch (...) {}
    const std::string& cls = class_.source->name;
    ++exceptions_;
    thread_.stats().record_exception(what, "in user class " + cls);
    core::log::error("hornet.user", "task failed in " + cls + ": " + what);
}

std::size_t native_user::pick_task()
{
    std::size_t i = class_.pick_task(sequence_, thread_.rng());
    // The model's tasks may have been filtered by tag: map back by name (same index when not).
    const auto& name = class_.source->tasks[i].name;
    if (i < native_.spec.tasks.size() && native_.spec.tasks[i].name == name) return i;
    return native_.find_task(name);
}

net::awaitable<void> native_user::drive(hornet::task<> t)
{
    auto top = t.handle();
    if (!top) co_return;
    pending_ = pending::none;
    top.resume(); // runs until the first request or sleep, or to its end
    while (!top.done()) {
        pending op = std::exchange(pending_, pending::none);
        if (op == pending::request) {
            std::uint32_t index = 0;
            while (index < slots_.size() && slots_[index].in_use) ++index;
            if (index == slots_.size()) slots_.emplace_back();
            slot& s = slots_[index];
            s.response = thread_.take_response();
            auto start = core::steady_clock::now();
            co_await session_.send(request_, *s.response, name_);
            // slots_ may not move during the send: only this coroutine touches it.
            slot& done = slots_[index];
            if (state_ == state::killed || done.response->failure == http::failure_kind::cancelled) {
                // Aborted by a stop: not a real result (Locust drops a killed request too).
                thread_.give_back(std::move(done.response));
                break;
            }
            done.elapsed_ms = std::chrono::duration<double, std::milli>(core::steady_clock::now() - start).count();
            done.method.assign(request_.method);
            done.name.assign(name_);
            done.catch_response = catch_response_;
            done.recorded = false;
            done.in_use = true;
            if (!catch_response_) record(done, done.response->error, done.response->failure);
            completed_ = index;
            if (needs_turn(*done.response)) {
                co_await yield_turn();
                if (state_ == state::killed) break; // the slot's response goes with the user
            }
        } else if (op == pending::sleep) {
            timer_.expires_after(std::chrono::duration_cast<core::steady_clock::duration>(
                std::chrono::duration<double>(sleep_seconds_)));
            co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
            count_turn();
            if (state_ == state::killed) break;
        } else {
            // Suspended on something that is not ours: nobody would ever resume it.
            record_exception(std::make_exception_ptr(
                std::logic_error("a task co_awaited something other than a hornet request, sleep or task")));
            break;
        }
        resume_.resume();
    }
    if (top.done() && top.promise().error) record_exception(top.promise().error);
    // Destroying the frames (done or killed) releases the responses they still hold.
}

net::awaitable<bool> native_user::run(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled)
{
    native_user self(thread, cls, id, pooled);
    engine_thread::registration registered(thread, id, &self);

    try {
        self.user_ = self.native_.spec.make();
        hornet::detail::bind(*self.user_, &self);
    } catch (...) {
        self.record_exception(std::current_exception());
        if (pooled) thread.arrivals().user_ended(self);
        co_return false;
    }

    // Starting a coroutine may throw (its frame is allocated): counted like a task's exception.
    auto start = [&self](auto make) -> hornet::task<> {
        try {
            return make();
        } catch (...) {
            self.record_exception(std::current_exception());
            return {};
        }
    };

    co_await self.drive(start([&] { return self.user_->on_start(); }));
    if (self.exceptions_ > 0) {
        // Locust: an exception out of on_start ends the user's greenlet — no task, no on_stop.
        core::log::error("hornet.user", "user of class " + cls.source->name +
                                            " stopped: its on_start failed (a Locust user stops there too)");
        self.session_.close();
        if (pooled) thread.arrivals().user_ended(self);
        co_return true;
    }
    for (;;) {
        if (self.state_ != state::running) break;
        if (self.pooled_ && !self.iteration_or_park()) {
            // Open model: the next iteration begins when the thread's schedule hands one over.
            co_await self.wait_between();
            if (!self.unparked() || self.state_ == state::killed) break;
        }
        std::size_t i = self.pick_task();
        if (i != scenario::native_class::npos) {
            co_await self.drive(start([&] { return self.native_.spec.tasks[i].run(*self.user_); }));
        }
        if (self.state_ != state::running) break;
        if (self.pooled_) continue;
        const auto p = self.arm_pause();
        if (p == pause::wait) {
            do co_await self.wait_between();
            while (self.wait_again()); // woken for another user of the same tick
        } else if (p == pause::turn)
            co_await self.yield_turn();
        self.pause_done();
    }
    // on_stop runs even after a kill, as in Locust, with a fresh chance to make requests.
    self.state_ = state::stopping;
    co_await self.drive(start([&] { return self.user_->on_stop(); }));
    self.session_.close();
    if (pooled) thread.arrivals().user_ended(self);
    co_return false;
}

} // namespace hornet::runtime
