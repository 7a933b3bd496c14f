// The master's protocol logic without I/O: messages and clock ticks in, messages out.
#pragma once

#include "cluster/dispatch.hpp"
#include "cluster/worker_registry.hpp"
#include "core/error.hpp"
#include "proto/inbound.hpp"
#include "proto/messages.hpp"
#include "runtime/open_model.hpp"
#include "scenario/model.hpp"
#include "stats/aggregate.hpp"
#include "stats/snapshot_accumulator.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::cluster {

struct master_settings
{
    /// The scenario's classes: names, weights and fixed counts drive the dispatch, and every
    /// name is sent in each spawn (a Python worker needs all of them, zeros included).
    std::vector<const scenario::user_class*> classes;
    std::optional<std::string> host;    // -H, sent in spawn (nil: the workers' own)
    std::optional<double> stop_timeout; // sent in spawn
    proto::value parsed_options = proto::value::map_type{};
    /// How long after the last ramp step the master waits for the workers to report all users
    /// (Locust: LOCUST_WAIT_FOR_WORKERS_REPORT_AFTER_RAMP_UP, 1 s).
    std::chrono::steady_clock::duration report_wait = std::chrono::seconds(1);
    /// Heartbeat CPU above which a worker is warned about once (Locust: 90 %).
    double cpu_warning_percent = 90;
};

/// Locust's MasterRunner (§1.5-1.9) as a state machine. The caller feeds it decoded messages,
/// frames that did not decode, a tick every heartbeat interval (1 s) and advance() calls at the
/// times it asks for; it sends through the `send` function. Nothing a peer sends throws or
/// stops it: bad messages are logged and dropped.
///
/// Single-threaded (the master's control thread).
class master_core
{
public:
    using clock = std::chrono::steady_clock;
    using send_function = std::function<void(std::string_view identity, const proto::message& m)>;

    enum class state { ready, spawning, running, stopping, stopped };

    master_core(master_settings settings, send_function send);

    // Input.
    void on_message(std::string_view identity, proto::worker_message m, clock::time_point now);
    /// A frame that is no message: a known worker is asked to reconnect, as Locust does.
    void on_bad_frame(std::string_view identity, const core::failure& why);
    /// Every heartbeat interval: liveness, missing and dead workers.
    void on_heartbeat_tick(clock::time_point now);

    /// Starts or changes the swarm: ramp to `users` at `rate` users/s over the active workers.
    /// False (and a warning) when no worker can take users.
    bool start(std::int64_t users, double rate, clock::time_point now);
    /// The open model: one global rate shared out over the Hornet workers (each gets rate/n and
    /// its own phase, so together they stay even), shared again whenever a worker joins or goes
    /// missing. Locust workers cannot follow a rate: false, and an error naming them, when any is
    /// connected. A later call changes the rate.
    bool start_rate(const runtime::open_model& model, clock::time_point now);
    /// The rate test in progress, if any.
    const std::optional<runtime::open_model>& open_model() const noexcept { return open_; }

    /// The web UI's class picker: from the next test on, only the named classes get users (empty:
    /// all). Every class is still named in the spawns, with 0 users. Between tests only.
    void select_classes(const std::vector<std::string>& names);
    /// The last log lines each connected worker sent (`logs`, at most 500 each), by worker id.
    const std::map<std::string, std::deque<std::string>>& worker_logs() const noexcept { return worker_logs_; }

    /// The host sent in the spawns from the next test on (the web UI's start form).
    void set_host(std::string host) { settings_.host = std::move(host); }

    /// Runs what is due (ramp steps, the end-of-ramp report wait); returns when to call again.
    std::optional<clock::time_point> advance(clock::time_point now);
    /// Sends `stop` to every worker; they come back with client_ready.
    void stop();
    /// Sends `quit` to every worker (end of a headless run); the workers answer with their last
    /// stats and `quit`.
    void quit();

    // Views.
    state current_state() const noexcept { return state_; }
    /// The merged statistics, including every report received so far.
    stats::aggregate& stats()
    {
        flush_stats();
        return stats_;
    }
    /// Merges the reports received since the last call into stats().
    void flush_stats();
    const worker_registry& workers() const noexcept { return workers_; }
    /// Users the workers report (Locust's master user_count).
    std::int64_t user_count() const { return workers_.user_count(); }
    /// The users the workers sent with the stats merged so far: the users of stats().
    std::int64_t stats_user_count() const { return workers_.stats_user_count(); }
    std::int64_t target_user_count() const noexcept { return target_; }
    /// Workers that have sent client_ready and are not missing.
    std::size_t ready_worker_count() const { return workers_.count(worker_state::ready); }
    std::size_t active_worker_count() const { return workers_.active_count(); }
    /// Every active worker has said with a heartbeat whether it runs Hornet or Locust.
    bool workers_identified() const;
    /// Every worker of a started test quit: a headless run ends (Locust: "The last worker quit").
    bool all_workers_quit() const noexcept { return all_quit_; }
    bool cpu_threshold_exceeded() const noexcept { return cpu_exceeded_; }
    /// Messages dropped because they were malformed, unknown or from a stranger.
    std::uint64_t dropped_messages() const noexcept { return dropped_; }

    /// Called once per start() when the ramp has reached its target (--reset-stats hooks here).
    std::function<void()> on_spawning_complete;

private:
    // One handler per message type (std::visit over worker_message::body).
    void handle(std::string_view id, proto::client_ready& hello, clock::time_point now);
    void handle(std::string_view id, proto::heartbeat& hb, clock::time_point now);
    void handle(std::string_view id, proto::stats_payload& report, clock::time_point now);
    void handle(std::string_view id, proto::exception_report& ex, clock::time_point now);
    void handle(std::string_view id, proto::spawning& m, clock::time_point now);
    void handle(std::string_view id, proto::spawning_complete& done, clock::time_point now);
    void handle(std::string_view id, proto::client_stopped& m, clock::time_point now);
    void handle(std::string_view id, proto::quit& m, clock::time_point now);
    void handle(std::string_view id, proto::worker_logs& m, clock::time_point now);
    void handle(std::string_view id, proto::old_worker_hello& m, clock::time_point now);
    void handle(std::string_view id, proto::unhandled& m, clock::time_point now);
    void handle(std::string_view id, proto::malformed& m, clock::time_point now);
    void handle_gone(std::string_view id, bool quit, clock::time_point now);

    bool test_active() const noexcept { return state_ == state::spawning || state_ == state::running; }
    /// The worker set changed during a test: replay the users over it and send the layout.
    void redispatch(clock::time_point now);
    /// One spawn message per dispatched worker with its absolute counts.
    void send_spawns();
    /// The open model: one spawn per Hornet worker, no users, its share of the rate.
    void send_rate_spawns();
    /// Workers that cannot run a rate test (Locust's), named for an error; "" when none.
    std::string workers_without_rates() const;
    void ramp_step(clock::time_point now);
    void finish_ramp();
    std::string spawned_summary() const;
    void drop(std::string_view id, std::string_view why);
    void send(std::string_view id, proto::message m);
    double next_spawn_timestamp();

    master_settings settings_;
    send_function send_;
    worker_registry workers_;
    stats::aggregate stats_;
    // Reports are summed here and merged into stats_ when someone reads it (the report loop,
    // once a second): with many workers, each row's histogram then enters the aggregate's
    // per-second window once per read instead of once per worker report.
    stats::snapshot_accumulator pending_; // workers' reports since the last merge
    std::optional<dispatcher> dispatcher_;
    // The picker's choice: copies of the classes with the others at weight 0 (the dispatcher
    // keeps pointers to them); empty = settings_.classes as they are.
    std::vector<scenario::user_class> picked_;
    std::map<std::string, std::deque<std::string>> worker_logs_; // by printable id
    std::vector<const scenario::user_class*> dispatch_classes() const;
    state state_ = state::ready;
    std::int64_t target_ = 0;
    double rate_ = 1;
    std::optional<runtime::open_model> open_; // a rate test: no ramp, rates in the spawns
    ramp_pace pace_;
    std::optional<clock::time_point> next_step_;    // ramp in progress
    std::optional<clock::time_point> report_until_; // ramp done, waiting for the workers' counts
    bool completion_pending_ = false;               // on_spawning_complete not yet fired
    bool all_quit_ = false;
    bool cpu_exceeded_ = false;
    double last_spawn_timestamp_ = 0;
    std::uint64_t dropped_ = 0;
};

std::string_view to_string(master_core::state s) noexcept;

/// An identity or node id as it may appear in a log line: printable ASCII kept, the rest \xNN,
/// at most 80 characters (identities of foreign ZeroMQ sockets are binary).
std::string printable_id(std::string_view id);

} // namespace hornet::cluster
