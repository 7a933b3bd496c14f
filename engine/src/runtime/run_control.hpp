// What the headless loop drives: the local runner, or a master whose users run on workers.
#pragma once

#include "runtime/open_model.hpp"
#include "stats/aggregate.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace hornet::runtime {

/// The headless loop (run_headless) talks to the load through this: it starts the ramp, reads
/// the merged statistics on its ticks, and stops at the end. Called on the loop's thread only.
class run_control
{
public:
    virtual ~run_control() = default;

    /// Before the test: a master waits for --expect-workers here. False ends the run with
    /// exit code 1 (the reason is logged).
    virtual boost::asio::awaitable<bool> prepare() { co_return true; }
    /// Ctrl-C / SIGTERM: prepare() should return (false) soon.
    virtual void interrupt() {}

    /// Ramps to `user_count` users at `spawn_rate` users/s.
    virtual void start(std::int64_t user_count, double spawn_rate) = 0;

    /// The open model: starts iterations at `model`'s rate (a later call changes it), with a
    /// pool of users grown on demand.
    virtual void start_rate(const open_model& model) = 0;

    /// Brings stats() up to date for a report tick, as one snapshot, and returns the users it
    /// belongs to: the local runner waits (until `deadline` at most) for the deltas its threads
    /// take at that moment; a master sums the users each worker sent with its stats. Rows of
    /// the reports then pair requests and users of the same moment.
    virtual boost::asio::awaitable<std::int64_t> collect(std::chrono::steady_clock::time_point /*deadline*/)
    {
        co_return user_count();
    }

    /// Ends the users (stop_timeout as --stop-timeout) and gathers the last statistics.
    virtual boost::asio::awaitable<void> stop(double stop_timeout) = 0;

    /// The web UI's stop: ends the users of this test (stop_timeout as --stop-timeout) and stays
    /// ready for the next start(). A master sends `stop`, not `quit`: its workers stay connected.
    virtual boost::asio::awaitable<void> end_test(double stop_timeout) { co_await stop(stop_timeout); }

    /// A second Ctrl-C / SIGTERM during stop(): end it now, without waiting for users or workers
    /// (the reports are still written).
    virtual void hurry() {}

    /// After stop(): releases threads and sockets; the statistics stay readable.
    virtual void shutdown() {}

    virtual stats::aggregate& stats() = 0;
    virtual std::int64_t user_count() const = 0;
    /// Users running per class (a master: as its workers last reported them).
    virtual std::map<std::string, std::int64_t> class_counts() const { return {}; }

    /// --reset-stats: Locust's reset when the ramp completes.
    virtual void reset_stats() = 0;
    /// Called on the loop's thread when a ramp reaches its target.
    virtual void set_on_spawning_complete(std::function<void()> f) = 0;

    /// How late statistics can arrive after the requests they count ended: 0 when collect()
    /// gathers everything; a master's workers report every few seconds.
    virtual double stats_delay() const { return 0; }

    /// Workers taking part (a master); 0 when the users run in this process.
    virtual std::int64_t worker_count() const { return 0; }

    /// The load ended on its own (a master whose workers all quit): the loop shuts down.
    virtual bool finished() const { return false; }
};

} // namespace hornet::runtime
