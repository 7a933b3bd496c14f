// The master role: a ROUTER socket, heartbeat and ramp timers around master_core, driven by the
// headless loop like the local runner.
#pragma once

#include "cluster/endpoint_options.hpp"
#include "cluster/master_core.hpp"
#include "cluster/router_endpoint.hpp"
#include "runtime/run_control.hpp"
#include "scenario/model.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace hornet::cluster {

struct master_options
{
    std::string bind_host = "*";
    std::uint16_t bind_port = 5557;
    std::int64_t expect_workers = 1;
    double expect_workers_max_wait = 0; // seconds; 0 = forever
    master_settings settings;
    endpoint_options endpoint;
    std::chrono::steady_clock::duration heartbeat_interval = std::chrono::seconds(1);
    /// After `quit`, how long beyond stop_timeout to wait for the workers' last stats and quit.
    std::chrono::steady_clock::duration quit_grace = std::chrono::seconds(5);
    /// A rate test (--rate): before it starts, the workers' first heartbeats say which of them
    /// can follow a rate.
    bool open_model = false;
};

/// Lives on the control io_context (single thread): socket handlers, timers and the headless
/// loop's calls all run there.
class master final : public runtime::run_control
{
public:
    master(boost::asio::io_context& io, master_options options);
    ~master() override;
    master(const master&) = delete;
    master& operator=(const master&) = delete;

    /// Binds the ROUTER and starts serving workers (handshakes, heartbeats, stats) before any
    /// test starts. Returns the bound port.
    boost::system::result<std::uint16_t> listen();

    // runtime::run_control
    boost::asio::awaitable<bool> prepare() override;
    void interrupt() override;
    void hurry() override;
    void start(std::int64_t user_count, double spawn_rate) override;
    void start_rate(const runtime::open_model& model) override;
    boost::asio::awaitable<void> stop(double stop_timeout) override;
    boost::asio::awaitable<void> end_test(double stop_timeout) override;
    boost::asio::awaitable<std::int64_t> collect(std::chrono::steady_clock::time_point deadline) override;
    void shutdown() override;
    stats::aggregate& stats() override { return core_.stats(); }
    std::int64_t user_count() const override { return core_.user_count(); }
    std::map<std::string, std::int64_t> class_counts() const override { return core_.workers().class_counts(); }
    void reset_stats() override;
    void set_on_spawning_complete(std::function<void()> f) override { core_.on_spawning_complete = std::move(f); }
    /// Every worker quit, or the workers cannot run the test asked for (Locust workers and --rate).
    bool finished() const override { return core_.all_workers_quit() || refused_; }
    /// Workers send their statistics every 3 s (Locust's WORKER_REPORT_INTERVAL), plus a margin.
    double stats_delay() const override { return 4; }
    std::int64_t worker_count() const override { return static_cast<std::int64_t>(core_.active_worker_count()); }

    master_core& core() noexcept { return core_; }

private:
    void pump();
    void arm_heartbeat();
    boost::asio::awaitable<void> sleep(std::chrono::steady_clock::duration d);

    master_options options_;
    router_endpoint router_;
    master_core core_;
    boost::asio::steady_timer heartbeat_timer_;
    boost::asio::steady_timer advance_timer_;
    boost::asio::steady_timer wait_timer_;
    std::optional<std::chrono::steady_clock::time_point> scheduled_;
    bool interrupted_ = false;
    bool hurried_ = false;
    bool refused_ = false;       ///< start_rate() was refused: the run ends
    bool awaiting_quit_ = false; // stop() waits for the workers' quit: pump() wakes it at zero
    bool closed_ = false;
};

} // namespace hornet::cluster
