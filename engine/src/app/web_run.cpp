// The web driver: a state machine over the test loop, moved by /swarm, /stop, the run time,
// --autostart/--autoquit and signals. Every piece runs on the control thread.
#include "app/web_run.hpp"

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
#include "web/series_store.hpp"
#include "web/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <optional>
#include <thread>

namespace hornet::app {

namespace net = boost::asio;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

namespace {

constexpr auto tick_interval = 1s;    // Locust's CSV_STATS_INTERVAL_SEC
constexpr auto console_interval = 2s; // --print-stats
constexpr auto min_collect_wait = 100ms;

class web_driver
{
public:
    web_driver(const cli::options& opts, const scenario::model& model, net::io_context& io,
               runtime::run_control& control, cluster_view cluster, test_setup setup)
        : opts_(opts), model_(model), setup_(std::move(setup)), io_(io), control_(control), signals_(io), tick_(io),
          loop_(opts, model, control), view_(opts, model, loop_), routes_(view_, series_, router_options(opts)),
          server_(io, routes_, server_config_of(opts))
    {
        loop_.set_interactive();
        host_ = view_.defaults().host;
        view_.list_workers = std::move(cluster.workers);
        view_.list_worker_logs = std::move(cluster.logs);
        view_.on_swarm = [this](const web::swarm_request& r) { return start_test(r); };
        view_.on_stop = [this] { stop_test("stopped from the web UI"); };
        view_.current_stage = [this] {
            return shape_ && test_running() ? shape_->status_line(seconds_since(test_started_)) : std::string();
        };
        loop_.on_sample = [this](double now) { series_.sample(control_.stats(), loop_.snapshot_users(), now); };
        control_.set_on_spawning_complete([this] {
            if (view_.state() == "spawning") view_.set_state("running");
            if (!opts_.reset_stats) return;
            core::log::info("hornet.runners", "Resetting stats");
            control_.reset_stats();
            view_.stats_changed();
        });
    }

    int run()
    {
        if (int code = loop_.prepare()) return code;
        auto port = server_.start();
        if (!port) {
            core::log::error("hornet.main", port.error().detail);
            return 1;
        }
        core::log::info("hornet.main",
                        "Starting web interface at " + server_.url() +
                            (server_.all_interfaces() ? " (accepting connections from all network interfaces)" : ""));
        core::log::info("hornet.main", std::string("Starting Hornet ") + HORNET_VERSION);
        signals_.listen(
            [this] {
                control_.interrupt();
                tick_.cancel();
            },
            [this] { control_.hurry(); });
        int exit_code = 0;
        net::co_spawn(io_, drive(), [&](std::exception_ptr e, int code) {
            exit_code = core::exit_code_of(e, code);
            signals_.cancel();
            server_.stop();
        });
        io_.run();
        return exit_code;
    }

private:
    static web::router_options router_options(const cli::options& opts)
    {
        web::router_options r;
        r.auth = opts.web_auth;
        r.metrics.locust_names = opts.metrics_locust_names;
        return r;
    }

    net::awaitable<int> drive()
    {
        // A master in the UI starts when the user asks, with whoever is connected; --autostart
        // waits for --expect-workers as a headless master does.
        if (!opts_.master || opts_.autostart) {
            if (!co_await control_.prepare() || signals_.requested()) {
                control_.shutdown();
                if (signals_.requested()) co_return 0;
                co_return loop_.could_not_run();
            }
        }
        if (opts_.autostart) {
            web::swarm_request r;
            r.user_count = opts_.users.value_or(1);
            r.spawn_rate = opts_.spawn_rate.value_or(1);
            r.run_time = opts_.run_time;
            if (auto refused = start_test(r); !refused.empty()) core::log::error("hornet.main", refused);
        }

        auto next_tick = clock::now() + tick_interval;
        auto next_print = clock::now() + console_interval;
        while (!signals_.requested()) {
            auto wake = next_tick;
            if (deadline_ && *deadline_ < wake) wake = *deadline_;
            if (quit_at_ && *quit_at_ < wake) wake = *quit_at_;
            tick_.expires_at(wake);
            co_await tick_.async_wait(net::as_tuple(net::use_awaitable));
            if (signals_.requested()) break;
            auto now = clock::now();
            if (deadline_ && now >= *deadline_) {
                deadline_.reset();
                core::log::info("hornet.main", "--run-time limit reached, stopping test");
                stop_test("");
            }
            if (quit_at_ && now >= *quit_at_) {
                core::log::info("hornet.main", "--autoquit time reached, shutting down");
                break;
            }
            if (now >= next_tick) {
                view_.set_loop_lag(std::chrono::duration<double>(now - next_tick).count());
                next_tick += tick_interval;
                if (next_tick < now) next_tick = now + tick_interval;
                co_await loop_.tick(std::max(next_tick, now + min_collect_wait));
                if (test_running() && loop_.abort_check(seconds_since(test_started_))) stop_test("");
                if (test_running() && shape_ && !shape_->tick(seconds_since(test_started_)))
                    stop_test("the load plan has ended");
            }
            if (now >= next_print) {
                if (opts_.print_stats && !opts_.only_summary && test_running() && shape_)
                    core::log::table(shape_->status_line(seconds_since(test_started_)) + "\n");
                if (opts_.print_stats && !opts_.only_summary) loop_.print_table();
                next_print = now + console_interval;
            }
        }
        stopping_ = true;
        signals_.stopping();
        view_.set_state("stopping");
        co_return co_await loop_.finish();
    }

    static double seconds_since(clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); }

    bool test_running() const
    {
        const auto s = view_.state();
        return s == "spawning" || s == "running";
    }

    // /swarm, or --autostart: a new test from "ready"/"stopped", else a new ramp of this one.
    std::string start_test(const web::swarm_request& r)
    {
        if (signals_.requested() || stopping_) return "the process is shutting down";
        if (view_.state() == "stopping") return "the test is stopping: start again once it has stopped";
        if (opts_.master && control_.worker_count() == 0)
            return "no workers are connected: start workers (hornet --worker or locust --worker) first";
        const std::string host = r.host.value_or(host_);
        if (host != host_) {
            if (!setup_) return "the host cannot be changed here: restart with -H " + host;
            if (test_running()) return "the host of a running test cannot change: stop it first";
        }
        // A plan runs from its first stage: changing it midway would be another plan.
        const bool plan = !model_.stages.empty();
        if (plan && test_running()) return "a load plan is running: stop it before starting it again";
        if (!r.classes.empty() && r.classes != view_.class_names()) {
            if (!setup_) return "choosing user classes is not available here: start with all of them";
            if (test_running()) return "the user classes of a running test cannot change: stop it first";
        }
        if (!test_running()) {
            if (setup_) {
                const bool some = opts_.class_picker && !r.classes.empty() && r.classes != view_.class_names();
                if (auto refused = setup_(some ? r.classes : std::vector<std::string>{}, host); !refused.empty())
                    return refused;
            }
            if (host != host_) core::log::info("hornet.main", "Host set to " + host + " from the web UI");
            host_ = host;
            view_.set_host(host);
            loop_.set_host(host);
            series_.clear();
            view_.stats_changed();
            test_started_ = clock::now();
            quit_at_.reset();
        }
        const auto run_time = r.run_time.value_or(0);
        if (run_time > 0) {
            core::log::info("hornet.main", "Run time limit set to " + core::seconds_text(run_time) + " seconds");
            deadline_ =
                clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(run_time));
        } else if (!test_running()) {
            deadline_.reset();
        }
        loop_.started(r.user_count, r.spawn_rate, r.run_time);
        if (r.rate) loop_.started_rate(*r.rate);
        view_.set_state("spawning"); // before the start: a ramp's end may be reported during it
        auto load = start_load(opts_, model_, control_, r.user_count, r.spawn_rate, r.rate);
        if (!load.ramps) view_.set_state("running"); // no ramp to complete
        if (load.shape) {
            shape_ = std::move(load.shape);
            loop_.set_shape(&*shape_);
        }
        return "";
    }

    void stop_test(const std::string& why)
    {
        if (!test_running()) return;
        if (!why.empty()) core::log::info("hornet.main", "Stopping the test: " + why);
        view_.set_state("stopping");
        deadline_.reset();
        net::co_spawn(io_, end_test(), [this](std::exception_ptr e) {
            if (e) core::log::error("hornet.main", "the test did not stop cleanly");
        });
    }

    net::awaitable<void> end_test()
    {
        co_await control_.end_test(opts_.stop_timeout.value_or(0));
        if (view_.state() == "stopping" && !stopping_) view_.set_state("stopped");
        view_.stats_changed();
        if (opts_.autoquit >= 0) {
            quit_at_ = clock::now() + std::chrono::seconds(opts_.autoquit);
            tick_.cancel(); // the loop's next wake-up may be later than this
        }
    }

    const cli::options& opts_;
    const scenario::model& model_;
    test_setup setup_;
    std::string host_; // what the users of the next or current test run against
    net::io_context& io_;
    runtime::run_control& control_;
    stop_signals signals_;
    net::steady_timer tick_;
    test_loop loop_;
    web_control view_;
    web::series_store series_;
    web::router routes_;
    web::server server_;
    clock::time_point test_started_{};
    std::optional<clock::time_point> deadline_; // the run time's end
    std::optional<clock::time_point> quit_at_;  // --autoquit
    std::optional<shape_driver> shape_;         // the load plan of the current test, if the model has one
    bool stopping_ = false;
};

} // namespace

int run_web(const cli::options& opts, const scenario::model& model)
{
    std::vector<runtime::compiled_class> classes;
    if (auto compiled = runtime::compile(model, opts.host, client_config_of(opts), classes); !compiled) {
        core::log::error("hornet.main", compiled.error().detail);
        return 1;
    }
    net::io_context io{1};
    const auto config = client_config_of(opts);
    local_control control(io, std::move(classes),
                          opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency()), config);
    std::string compiled_for = opts.host;
    return run_web(opts, model, io, control, {},
                   [&](const std::vector<std::string>& names, const std::string& host) -> std::string {
                       // The users' requests are compiled against a host: another one recompiles them.
                       if (host != compiled_for) {
                           std::vector<runtime::compiled_class> recompiled;
                           if (auto c = runtime::compile(model, host, config, recompiled); !c) return c.error().detail;
                           control.replace_classes(std::move(recompiled));
                           compiled_for = host;
                       }
                       control.select_classes(names);
                       return "";
                   });
}

int run_web(const cli::options& opts, const scenario::model& model, net::io_context& io, runtime::run_control& control,
            cluster_view cluster, test_setup setup)
{
    web_driver driver(opts, model, io, control, std::move(cluster), std::move(setup));
    return driver.run();
}

} // namespace hornet::app
