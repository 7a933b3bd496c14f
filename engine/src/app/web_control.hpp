// The web routes' view of this process's test (web::test_control): state, statistics, the
// start form's defaults, task ratios, reports; /swarm and /stop go to the driver that owns
// the loop (the web run), through on_swarm and on_stop.
#pragma once

#include "app/test_loop.hpp"
#include "cli/options.hpp"
#include "scenario/model.hpp"
#include "web/server_config.hpp"
#include "web/test_control.hpp"

#include <functional>
#include <string>
#include <vector>

namespace hornet::app {

/// --web-host, --web-port, --tls-cert and --tls-key as the server takes them.
web::server_config server_config_of(const cli::options& opts);

class web_control final : public web::test_control
{
public:
    web_control(const cli::options& opts, const scenario::model& model, test_loop& loop);

    std::string state() const override { return state_; }
    std::int64_t user_count() const override { return loop_.control().user_count(); }
    const stats::aggregate& stats() const override { return loop_.control().stats(); }
    std::uint64_t stats_generation() const override { return generation_; }
    std::string swarm(const web::swarm_request& request) override;
    void stop() override;
    void reset_stats() override;
    web::form_defaults defaults() const override;
    std::vector<web::worker_row> workers() const override
    {
        if (list_workers) return list_workers();
        return {};
    }
    std::vector<std::string> class_names() const override;
    std::map<std::string, web::ratio_node> task_ratios() const override;
    report::run_record record() const override { return loop_.record(); }
    std::optional<std::string> full_history_csv() const override;
    report::metrics_state metrics_state() const override;
    std::vector<std::string> log_lines() const override;
    std::string stage() const override { return current_stage ? current_stage() : ""; }
    std::map<std::string, std::vector<std::string>> worker_log_lines() const override
    {
        if (list_worker_logs) return list_worker_logs();
        return {};
    }

    /// One stage of the plan for the start form: "2m: 100 users at 5.00/s", "30s: ramp to 20.00
    /// iterations/s".
    static std::string stage_text(const scenario::load_stage& s, double default_spawn_rate);

    /// Locust's state string; the driver moves it.
    void set_state(std::string s) { state_ = std::move(s); }
    /// The statistics were cleared: answers cached from the old ones are stale.
    void stats_changed() noexcept { ++generation_; }
    /// The host the start form names (another than the command line's, once a test ran with it).
    void set_host(std::string host) { host_ = std::move(host); }
    /// How late the driver's last tick ran, for /metrics.
    void set_loop_lag(double seconds) noexcept { lag_ = seconds; }

    std::function<std::string(const web::swarm_request&)> on_swarm;
    std::function<void()> on_stop;
    std::function<std::vector<web::worker_row>()> list_workers;
    std::function<std::map<std::string, std::vector<std::string>>()> list_worker_logs;
    std::function<std::string()> current_stage;

private:
    const cli::options& opts_;
    const scenario::model& model_;
    test_loop& loop_;
    std::string state_ = "ready";
    std::optional<std::string> host_;
    web::form_defaults fixed_defaults_; // everything but the host
    std::uint64_t generation_ = 0;
    double lag_ = 0;
};

} // namespace hornet::app
