// Stop semantics and the pause between tasks, shared by every kind of user.
#include "runtime/user_life.hpp"

#include "core/clock.hpp"
#include "runtime/arrival_executor.hpp"
#include "runtime/engine_thread.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <utility>

namespace hornet::runtime {

namespace net = boost::asio;

user_life::user_life(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled)
    : thread_(thread), class_(cls), id_(id), session_(thread.http(), cls.host, &cls.http), wait_(cls.source->wait),
      timer_(thread.io()), pooled_(pooled)
{}

stats::shard& user_life::thread_stats()
{
    return thread_.stats();
}

bool user_life::iteration_or_park()
{
    assigned_ = false;
    if (thread_.arrivals().take_or_park(*this)) return true;
    // Parked: the executor cancels the timer to hand over a start; a stop cancels it too.
    waiting_ = true;
    timer_.expires_at(std::chrono::steady_clock::time_point::max());
    return false;
}

bool user_life::unparked()
{
    waiting_ = false;
    // Woken with a start, it is off the idle list already; woken by a stop, it leaves it.
    if (!assigned_) thread_.arrivals().unpark(*this);
    return assigned_;
}

void user_life::request_stop(bool force)
{
    if (state_ == state::killed) return;
    if (force || waiting_) {
        state_ = state::killed;
        timer_.cancel();
        if (tick_) tick_->timer.cancel(); // the tick's other users wait again
        if (force) session_.close();
    } else {
        state_ = state::stopping;
    }
}

net::awaitable<void> user_life::yield_turn()
{
    // Asio never runs a completion inside its initiating call: a post always queues behind
    // what is already there.
    return net::post(thread_.io(), net::use_awaitable);
}

user_life::pause user_life::arm_pause(wait_policy& wait)
{
    const bool turned = std::exchange(turned_, false);
    struct end_of_wait
    {
        std::chrono::steady_clock::time_point at;
        void expires_at(std::chrono::steady_clock::time_point t) { at = t; }
    } end;
    if (wait.arm(end, thread_.rng(), core::steady_clock::now())) {
        if (wait.on_grid())
            tick_ = &thread_.ticks().join(end.at);
        else
            timer_.expires_at(end.at);
        waiting_ = true;
        return pause::wait;
    }
    return turned ? pause::none : pause::turn;
}

void user_life::pause_done(wait_policy& wait)
{
    waiting_ = false;
    if (tick_) thread_.ticks().leave(*std::exchange(tick_, nullptr));
    wait.waited(core::steady_clock::now());
}

} // namespace hornet::runtime
