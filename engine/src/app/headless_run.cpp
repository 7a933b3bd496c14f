// The headless driver.
#include "app/headless_run.hpp"

#include "app/client_options.hpp"
#include "app/local_control.hpp"
#include "app/shape_driver.hpp"
#include "app/stop_signals.hpp"
#include "app/test_loop.hpp"
#include "app/web_control.hpp"
#include "core/exit_code.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "runtime/compiled_class.hpp"
#include "web/router.hpp"
#include "web/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <thread>

namespace hornet::app {

namespace net = boost::asio;
using runtime::compiled_class;
using runtime::run_control;
using namespace std::chrono_literals;

namespace {

constexpr auto console_interval = 2s; // Locust's CONSOLE_STATS_INTERVAL_SEC
constexpr auto csv_interval = 1s;     // Locust's CSV_STATS_INTERVAL_SEC
// When the loop runs late, engine threads still get this long to hand in their deltas.
constexpr auto min_collect_wait = 100ms;

class headless_driver
{
public:
    headless_driver(const cli::options& opts, const scenario::model& model, net::io_context& io, run_control& control)
        : opts_(opts), model_(model), io_(io), runner_(control), signals_(io_), tick_(io_), loop_(opts, model, control),
          view_(opts, model, loop_)
    {}

    int run()
    {
        if (int code = loop_.prepare()) return code;
        start_metrics();
        signals_.listen(
            [this] {
                runner_.interrupt();
                tick_.cancel();
            },
            [this] { runner_.hurry(); });
        int exit_code = 0;
        net::co_spawn(io_, drive(), [&](std::exception_ptr e, int code) {
            exit_code = core::exit_code_of(e, code);
            signals_.cancel();
            if (server_) server_->stop();
        });
        io_.run();
        return exit_code;
    }

private:
    // --web-port with --headless: /metrics for Prometheus during a CI or Kubernetes run. Only
    // when the port was asked for, and a taken port is a warning: /metrics must not fail a test.
    void start_metrics()
    {
        if (!opts_.web_port_given || !opts_.headless_metrics) return;
        web::router_options r;
        r.auth = opts_.web_auth;
        r.metrics_only = true;
        r.metrics.locust_names = opts_.metrics_locust_names;
        routes_.emplace(view_, series_, std::move(r));
        server_.emplace(io_, *routes_, server_config_of(opts_));
        auto port = server_->start();
        if (!port) {
            core::log::warning("hornet.main", "Not serving /metrics: " + port.error().detail);
            server_.reset();
            return;
        }
        // Locust's line, which tools read the port from; only /metrics answers in a headless run.
        core::log::info("hornet.main", "Starting web interface at " + server_->url() + " (--headless: /metrics only)");
    }

    net::awaitable<int> drive()
    {
        view_.set_state("spawning");
        if (!co_await runner_.prepare() || signals_.requested()) {
            runner_.shutdown();
            if (signals_.requested()) co_return 0;
            co_return loop_.could_not_run();
        }
        const auto run_time = opts_.run_time.value_or(0);
        if (run_time > 0)
            core::log::info("hornet.main", "Run time limit set to " + core::seconds_text(run_time) + " seconds");
        else
            core::log::info("hornet.main", "No run time limit set, use CTRL+C to interrupt");
        core::log::info("hornet.main", std::string("Starting Hornet ") + HORNET_VERSION);

        runner_.set_on_spawning_complete([this] {
            view_.set_state("running");
            if (!opts_.reset_stats) return;
            core::log::info("hornet.runners", "Resetting stats");
            runner_.reset_stats();
        });
        loop_.started(opts_.users.value_or(1), opts_.spawn_rate.value_or(1), opts_.run_time);
        auto load = start_load(opts_, model_, runner_, opts_.users.value_or(1), opts_.spawn_rate.value_or(1));
        shape_ = std::move(load.shape);
        loop_.set_shape(shape_ ? &*shape_ : nullptr);
        if (!load.ramps) view_.set_state("running"); // no ramp to complete

        auto started = std::chrono::steady_clock::now();
        auto deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(run_time));
        auto next_tick = started + csv_interval;
        auto next_print = started + console_interval;
        while (!signals_.requested()) {
            auto wake = next_tick;
            if (run_time > 0 && deadline < wake) wake = deadline;
            tick_.expires_at(wake);
            co_await tick_.async_wait(net::as_tuple(net::use_awaitable));
            if (signals_.requested()) break;
            if (runner_.finished()) break;
            auto now = std::chrono::steady_clock::now();
            if (run_time > 0 && now >= deadline) {
                core::log::info("hornet.main", "--run-time limit reached, shutting down");
                break;
            }
            if (now >= next_tick) {
                view_.set_loop_lag(std::chrono::duration<double>(now - next_tick).count());
                next_tick += csv_interval;
                // A thread that does not answer must not hold up the loop: wait until the next
                // tick at most (a little even when late), and never past the run time.
                auto collect_by = std::max(next_tick, now + min_collect_wait);
                if (run_time > 0) collect_by = std::min(collect_by, deadline);
                co_await loop_.tick(collect_by);
                if (loop_.abort_check(std::chrono::duration<double>(now - started).count())) break;
                if (shape_ && !shape_->tick(std::chrono::duration<double>(now - started).count())) break;
            }
            if (now >= next_print) {
                if (shape_ && !opts_.only_summary)
                    core::log::table(shape_->status_line(std::chrono::duration<double>(now - started).count()) + "\n");
                if (!opts_.only_summary) loop_.print_table();
                next_print += console_interval;
            }
        }

        signals_.stopping();
        view_.set_state("stopping");
        co_return co_await loop_.finish();
    }

    const cli::options& opts_;
    const scenario::model& model_;
    net::io_context& io_;
    run_control& runner_;
    stop_signals signals_;
    net::steady_timer tick_;
    test_loop loop_;
    web_control view_;
    web::series_store series_; // /metrics needs none; the router reads an empty one
    std::optional<web::router> routes_;
    std::optional<web::server> server_;
    std::optional<shape_driver> shape_; // the load plan (stages, --shape, step load), if any
};

} // namespace

int run_headless(const cli::options& opts, const scenario::model& model)
{
    std::vector<compiled_class> classes;
    if (auto compiled = runtime::compile(model, opts.host, client_config_of(opts), classes); !compiled) {
        core::log::error("hornet.main", compiled.error().detail);
        return 1;
    }
    net::io_context io{1};
    local_control control(io, classes, opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency()),
                          client_config_of(opts));
    return run_headless(opts, model, io, control);
}

int run_headless(const cli::options& opts, const scenario::model& model, net::io_context& io, run_control& control)
{
    headless_driver driver(opts, model, io, control);
    return driver.run();
}

} // namespace hornet::app
