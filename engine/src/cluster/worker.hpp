// The worker role: joins a Locust or Hornet master over Locust's protocol and runs the users it
// is told to run, reporting heartbeats, stats deltas and exceptions.
#pragma once

#include "cluster/dealer_endpoint.hpp"
#include "cluster/endpoint_options.hpp"
#include "cluster/process_usage.hpp"
#include "http/client_config.hpp"
#include "proto/messages.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/local_runner.hpp"
#include "scenario/model.hpp"
#include "stats/snapshot_accumulator.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace hornet::cluster {

struct worker_settings
{
    std::string master_host = "127.0.0.1";
    std::uint16_t master_port = 5557;
    std::string node_id; ///< empty: make_node_id()
    unsigned threads = 1;
    std::string host; ///< -H: used when the master's spawn carries no host
    // Locust's constants (§1.6)
    std::chrono::milliseconds heartbeat_interval{1000};
    std::chrono::milliseconds stats_interval{3000};
    std::chrono::milliseconds connect_timeout{5000}; ///< wait for `ack` before resending client_ready
    int connect_retries = 60;                        ///< then give up: exit 255
    /// The master is lost when it stops answering heartbeats (masters >= 2.19 and Hornet) or
    /// the connection stays down (any master, 2.12 included) for this long.
    std::chrono::milliseconds master_timeout{60000};
    /// LOCUST_WORKER_ADDITIONAL_WAIT_BEFORE_READY_AFTER_STOP
    std::chrono::milliseconds extra_wait_after_stop{0};
    endpoint_options endpoint;
    http::client_config http; ///< the users' HTTP client
};

/// Exit codes of run().
enum worker_exit : int {
    worker_done = 0,          ///< the master said quit, or SIGINT/SIGTERM
    worker_master_lost = 1,   ///< no heartbeat / no connection for master_timeout
    worker_never_acked = 255, ///< Locust: "Failed to connect to the Locust master"
};

/// Lives on the caller's io_context (the control thread); the users run on the runner's threads.
/// Not thread-safe.
class worker
{
public:
    worker(boost::asio::io_context& io, const scenario::model& model, worker_settings settings);
    ~worker();
    worker(const worker&) = delete;
    worker& operator=(const worker&) = delete;

    /// Connects, handshakes and serves the master until quit or loss; returns a worker_exit.
    boost::asio::awaitable<int> run();

    /// SIGINT/SIGTERM: stop the users, send the last stats and `quit`, end run() with 0. A second
    /// call kills the users still stopping and ends the stop at once.
    void request_quit();

    /// Closes the connection (after run() ended) so the io_context can run out of work.
    void close() noexcept;

    const std::string& node_id() const noexcept { return dealer_.identity(); }

private:
    enum class state { ready, spawning, running };

    // What the loop handles, in order: the master's commands, decoded once, and the worker's own
    // events (which go first).
    struct quit_requested
    {}; ///< SIGINT/SIGTERM
    struct master_lost
    {}; ///< no heartbeat or no connection for master_timeout
    struct notice
    {
        std::string type;
    }; ///< newer masters' news a worker has nothing to do with
    using event =
        std::variant<proto::spawn, proto::stop, proto::quit, proto::reconnect, notice, quit_requested, master_lost>;

    void on_message(proto::master_message m);
    void on_connection(bool connected);
    void push(event e, bool urgent);
    boost::asio::awaitable<void> wait_inbox(std::chrono::steady_clock::time_point deadline);
    boost::asio::awaitable<bool> handshake();
    boost::asio::awaitable<void> heartbeat_loop();
    boost::asio::awaitable<void> stats_loop();
    boost::asio::awaitable<std::optional<int>> handle(event e);
    boost::asio::awaitable<void> on_spawn(const proto::spawn& job);
    boost::asio::awaitable<void> on_stop();
    boost::asio::awaitable<void> stop_users(double stop_timeout);
    boost::asio::awaitable<void> send_stats();
    bool prepare_runner(const std::string& host);
    void check_master();
    void report_error(const std::string& message);
    proto::class_counts class_counts(const proto::class_counts* named) const;
    bool send(const proto::message& m);
    void send_heartbeat();
    /// The log lines written since the last `logs`, to a master that takes them (a Hornet one).
    void send_logs();

    boost::asio::io_context& io_;
    const scenario::model& model_;
    worker_settings settings_;
    dealer_endpoint dealer_;
    boost::asio::steady_timer wake_;
    boost::asio::steady_timer heartbeat_timer_;
    boost::asio::steady_timer stats_timer_;
    std::deque<event> inbox_;

    std::vector<runtime::compiled_class> classes_; // the runner reads these by reference
    std::unique_ptr<runtime::local_runner> runner_;
    std::optional<std::string> compiled_host_;
    stats::snapshot_accumulator buffer_;
    process_usage usage_;

    state state_ = state::ready;
    bool acked_ = false;
    bool master_takes_logs_ = false;
    std::uint64_t logs_sent_ = 0; // core::log lines sent so far (or skipped)
    std::optional<std::chrono::steady_clock::time_point> next_logs_;
    bool finished_ = false;
    bool quit_requested_ = false;
    bool lost_reported_ = false;
    bool send_failing_ = false;
    double last_spawn_timestamp_ = 0;
    double stop_timeout_ = 0;
    std::set<std::string> reported_unknown_;
    std::optional<std::chrono::steady_clock::time_point> last_master_heartbeat_;
    std::optional<std::chrono::steady_clock::time_point> disconnected_since_;
};

} // namespace hornet::cluster
