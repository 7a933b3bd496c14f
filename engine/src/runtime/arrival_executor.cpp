// The open model's per-thread loop: intended starts → idle users, a backlog, a growing pool.
#include "runtime/arrival_executor.hpp"

#include "core/log.hpp"
#include "runtime/engine_thread.hpp"
#include "runtime/user_life.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace hornet::runtime {

namespace net = boost::asio;

namespace {

// Memory bound of a backlog, whatever drop_after says: at 10,000 starts/s, 10 s of them.
constexpr std::size_t max_backlog = 100'000;

double ms_between(arrival_executor::clock::time_point from, arrival_executor::clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

} // namespace

arrival_executor::arrival_executor(engine_thread& thread) : thread_(thread), wake_(thread.io()) {}

void arrival_executor::apply(const settings& s, spawn_function spawn)
{
    if (stopped_) {
        // A new test after a stop: a fresh schedule (users of the last one may still be ending).
        stopped_ = false;
        streams_.clear();
    }
    spawn_ = std::move(spawn);
    max_users_ = s.max_users;
    kind_ = s.kind;
    late_after_ = s.late_after;
    drop_after_ = s.drop_after;
    const auto now = clock::now();
    for (auto& st : streams_) st.schedule.set_rate(0, now, 0, thread_.rng()); // unless named again
    for (const auto& want : s.streams) {
        stream* st = stream_of(*want.cls);
        if (!st) st = &streams_.emplace_back(stream{want.cls, arrival_schedule(kind_), {}, {}, 0});
        st->schedule.set_rate(want.rate, now, want.phase, thread_.rng());
    }
    if (!running_) {
        running_ = true;
        net::co_spawn(thread_.io(), run(), [](std::exception_ptr e) {
            if (!e) return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& x) {
                core::log::error("hornet.runners", std::string("arrival schedule failed: ") + x.what());
            }
        });
    } else {
        wake_.cancel(); // the next start may now come sooner
    }
}

void arrival_executor::stop()
{
    stopped_ = true;
    for (auto& st : streams_) {
        st.backlog.clear();
        st.idle.clear(); // the runner stops every user of the thread; parked ones end at once
    }
    wake_.cancel();
}

net::awaitable<void> arrival_executor::run()
{
    while (!stopped_) {
        auto now = clock::now();
        auto wake_at = clock::time_point::max();
        for (auto& st : streams_) {
            if (!st.schedule.active()) continue;
            while (st.schedule.next() <= now) fire(st, st.schedule.pop(thread_.rng()), now);
            wake_at = std::min(wake_at, st.schedule.next());
        }
        wake_.expires_at(wake_at);
        co_await wake_.async_wait(net::as_tuple(net::use_awaitable));
    }
    running_ = false;
}

void arrival_executor::fire(stream& s, clock::time_point due, clock::time_point now)
{
    while (!s.idle.empty()) {
        user_life* u = s.idle.back();
        s.idle.pop_back();
        if (!u->idle()) continue; // stopped while parked: it leaves on its own
        begin(*u, due, now, true);
        return;
    }
    drop_stale(s, now);
    if (s.backlog.size() >= max_backlog) {
        s.backlog.pop_front();
        ++thread_.stats().iterations().dropped;
    }
    s.backlog.push_back(due);
    // One new user per waiting start, not counting those already on their way.
    if (pool_ < max_users_ && s.starting < s.backlog.size() && spawn_) {
        ++pool_;
        ++s.starting;
        spawn_(*s.cls);
    }
}

void arrival_executor::drop_stale(stream& s, clock::time_point now)
{
    while (!s.backlog.empty() && now - s.backlog.front() > drop_after_) {
        s.backlog.pop_front();
        ++thread_.stats().iterations().dropped;
    }
}

void arrival_executor::begin(user_life& u, clock::time_point intended, clock::time_point now, bool wake)
{
    auto& counts = thread_.stats().iterations();
    ++counts.started;
    if (now - intended > late_after_) ++counts.late;
    u.hand_iteration(ms_between(intended, now), wake);
}

bool arrival_executor::take_or_park(user_life& u)
{
    stream* s = stream_of(u.user_class());
    if (!s) return false;
    if (u.first_iteration() && s->starting > 0) --s->starting;
    if (stopped_) return false;
    const auto now = clock::now();
    drop_stale(*s, now);
    if (!s->backlog.empty()) {
        const auto due = s->backlog.front();
        s->backlog.pop_front();
        begin(u, due, now, false);
        return true;
    }
    s->idle.push_back(&u);
    return false;
}

void arrival_executor::unpark(user_life& u)
{
    if (stream* s = stream_of(u.user_class())) std::erase(s->idle, &u);
}

void arrival_executor::user_ended(user_life& u)
{
    if (pool_ > 0) --pool_;
    stream* s = stream_of(u.user_class());
    if (!s) return;
    std::erase(s->idle, &u);
    // Stopped before its first iteration: it is on its way no longer.
    if (u.first_iteration() && s->starting > 0) --s->starting;
}

arrival_executor::stream* arrival_executor::stream_of(const compiled_class& cls)
{
    for (auto& s : streams_)
        if (s.cls == &cls) return &s;
    return nullptr;
}

} // namespace hornet::runtime
