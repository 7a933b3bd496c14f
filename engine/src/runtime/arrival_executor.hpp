// The open model on one engine thread: starts task iterations on the arrival schedule, whatever
// the response times, with users from a pool that grows on demand up to a limit.
#pragma once

#include "runtime/arrival_schedule.hpp"
#include "runtime/compiled_class.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <vector>

namespace hornet::runtime {

class engine_thread;
class user_life;

/// Thread-confined: every call on the owning engine thread.
///
/// Each class has a stream of intended starts. A start due now goes to an idle user of its
/// class; with none idle it waits in the class's backlog, and a new user is started for it while
/// the thread's pool is below its limit. A user that ends an iteration takes the oldest waiting
/// start at once, late — that lateness is what the corrected latencies add. A start that waited
/// longer than `drop_after` is dropped. Late and dropped starts are counted in the thread's stats.
class arrival_executor
{
public:
    using clock = std::chrono::steady_clock;

    struct stream_settings
    {
        const compiled_class* cls = nullptr;
        double rate = 0;  ///< this thread's share, starts per second
        double phase = 0; ///< where in the first gap this thread's first start falls (0..1)
    };
    struct settings
    {
        std::vector<stream_settings> streams;
        std::size_t max_users = 0; ///< this thread's share of --max-users
        arrival_kind kind = arrival_kind::constant;
        clock::duration late_after{};
        clock::duration drop_after{};
    };
    /// Starts one more pooled user of a class on this thread (the runner keeps its books).
    using spawn_function = std::function<void(const compiled_class&)>;

    explicit arrival_executor(engine_thread& thread);

    /// Applies new rates (the first call starts the schedule); a running stream keeps its rhythm.
    void apply(const settings& s, spawn_function spawn);
    /// No more starts: the schedule ends and waiting starts are forgotten (not dropped — the
    /// test ended before they could run). Pooled users are stopped by the runner as any other.
    void stop();

    // The pooled users' side.
    /// Before each iteration: true when a start is waiting (the user begins it now, see
    /// user_life::begin_iteration); otherwise the user is parked idle until assign() or a stop.
    bool take_or_park(user_life& u);
    /// A parked user woke up: off the idle list if it is still there (it was stopped).
    void unpark(user_life& u);
    /// A pooled user is ending (at the end of its coroutine).
    void user_ended(user_life& u);

    std::size_t pool_size() const noexcept { return pool_; }

private:
    struct stream
    {
        const compiled_class* cls;
        arrival_schedule schedule;
        std::deque<clock::time_point> backlog;
        std::vector<user_life*> idle;
        std::size_t starting = 0; ///< users started for this stream that have not taken a start yet
    };

    boost::asio::awaitable<void> run();
    void fire(stream& s, clock::time_point due, clock::time_point now);
    /// Counts the start (late or not) and hands it to `u`; `wake`: `u` is parked.
    void begin(user_life& u, clock::time_point intended, clock::time_point now, bool wake);
    /// Forgets starts that waited too long, counting them dropped.
    void drop_stale(stream& s, clock::time_point now);
    stream* stream_of(const compiled_class& cls);

    engine_thread& thread_;
    boost::asio::steady_timer wake_;
    std::vector<stream> streams_;
    spawn_function spawn_;
    std::size_t max_users_ = 0;
    std::size_t pool_ = 0;
    arrival_kind kind_ = arrival_kind::constant;
    clock::duration late_after_{};
    clock::duration drop_after_{};
    bool running_ = false;
    bool stopped_ = false;
};

} // namespace hornet::runtime
