// Runs users in this process: spawns and stops them at Locust's pace over the engine threads
// and gathers the threads' statistics.
#pragma once

#include "runtime/class_picker.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/engine_thread.hpp"
#include "runtime/open_model.hpp"
#include "stats/aggregate.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hornet::runtime {

class local_runner
{
public:
    /// `control` is the io_context of the calling (main) thread: ramps and collection run there.
    local_runner(boost::asio::io_context& control, const std::vector<compiled_class>& classes, unsigned threads,
                 const http::client_config& config);
    ~local_runner();

    void start_threads();

    /// Ramps (up or down) to `user_count` at `spawn_rate` users/s, continuing from the current
    /// users; a second call replaces the ramp in progress. Logs like Locust.
    void start(std::int64_t user_count, double spawn_rate);

    /// The open model: iterations start on the arrival schedule (`model.rate` per second, split
    /// over the classes by weight, or each class at its own rate), run by a pool of at most
    /// `model.max_users` users started on demand. A later call changes the rates and keeps the pool.
    void start_rate(const open_model& model);

    /// Sets each named class to exactly its count of users at once, as a worker applies a
    /// master's `spawn` (no local pacing): users are started first, then the newest of a class
    /// are stopped, gracefully when stop_timeout > 0. Returns the names that match no class;
    /// their users are not started.
    std::vector<std::string> set_class_counts(const std::vector<std::pair<std::string, std::int64_t>>& counts,
                                              double stop_timeout);

    /// Stops every user: at once when stop_timeout <= 0, else gracefully, killing whatever still
    /// runs after stop_timeout seconds.
    boost::asio::awaitable<void> stop(double stop_timeout);

    /// A second Ctrl-C: kills every user now and makes stop() return without waiting for them
    /// (shutdown() then leaves behind users that have not ended yet).
    void hurry();

    /// Ends the threads and merges their last statistics. Call after stop().
    void shutdown();

    /// One snapshot for a report: asks every thread for its delta and completes when all of them
    /// have been merged (or handed to on_delta), or at `deadline` if a thread does not answer in
    /// time (busy, or stopped): its delta then comes with a later collect. Returns the users at
    /// the moment the threads were asked: a user started later runs after the request for the
    /// delta on its thread, so none of its requests are in this snapshot.
    boost::asio::awaitable<std::int64_t> collect(std::chrono::steady_clock::time_point deadline);

    /// Resets statistics, discarding deltas still in flight: `clear` at test start (forget
    /// everything), otherwise Locust's reset for --reset-stats.
    void reset_stats(bool clear = false);

    stats::aggregate& stats() { return stats_; }
    /// Users running: a user whose on_start failed keeps its place (it is not started again, as
    /// in Locust) but no longer counts.
    std::int64_t user_count() const
    {
        return static_cast<std::int64_t>(live_.size() - gave_up_.size()) + pooled_.load();
    }
    std::map<std::string, std::int64_t> class_counts() const;

    /// Called on the control thread when a ramp reaches its target.
    std::function<void()> on_spawning_complete;
    /// When set, collect() hands each thread's delta here (on the control thread) instead of
    /// merging it into stats(): a worker ships the deltas to its master.
    std::function<void(stats::snapshot&&)> on_delta;

private:
    enum class state { ready, spawning, running, stopping, stopped };
    struct live_user
    {
        std::uint64_t id;
        unsigned thread;
        std::size_t cls;
    };

    boost::asio::awaitable<void> ramp(std::uint64_t generation, std::int64_t target, double rate);
    void add_user();
    void add_user_of(std::size_t cls);
    /// On the control thread: user `id` stopped by itself (its on_start failed).
    void gave_up(std::uint64_t id);
    /// On engine thread `t`: one more open-model user of `cls` (its executor asked for it).
    void add_pooled_user(engine_thread& t, const compiled_class& cls);
    /// The classes' rates for `model` (by weight, or their own), names as the classes'.
    std::vector<double> class_rates_of(const open_model& model) const;
    void remove_user(bool force);
    void retire(const live_user& u, bool force);
    void stop_user(const live_user& u, bool force);
    void kill_all_remaining();
    /// Once: when `users` cannot all have a socket under the open file limit, say so before spawning.
    void warn_if_short_of_files(std::int64_t users);
    /// Until every user coroutine has ended, the deadline passes, or hurry().
    boost::asio::awaitable<void> wait_for_users(std::chrono::steady_clock::time_point deadline);

    /// How long killed users may take for on_stop before shutdown() abandons them.
    static constexpr std::chrono::seconds on_stop_grace{10};
    std::string spawned_summary() const;

    boost::asio::io_context& control_;
    const std::vector<compiled_class>& classes_;
    boost::asio::steady_timer users_gone_; // stop() waits on it; cancelled when alive_ reaches 0
    std::vector<std::unique_ptr<engine_thread>> threads_;
    class_picker picker_;
    stats::aggregate stats_;
    std::vector<live_user> live_; // spawn order, removed LIFO
    /// id → class of the users of live_ whose on_start failed: their places stay taken.
    std::unordered_map<std::uint64_t, std::size_t> gave_up_;
    std::vector<std::size_t> class_counts_;
    std::vector<std::size_t> thread_counts_;
    std::atomic<std::int64_t> alive_{0};  // user coroutines still running, on any thread
    std::atomic<std::int64_t> pooled_{0}; // of those, the open model's
    std::uint64_t generation_ = 0;
    std::atomic<std::uint64_t> next_id_{1}; // the open model's threads take ids too
    bool open_ = false;                     // start_rate() drives this test
    std::uint64_t stats_epoch_ = 0;
    double stop_timeout_ = 0;
    state state_ = state::ready;
    bool hurried_ = false;
    bool warned_short_of_files_ = false;
};

} // namespace hornet::runtime
