// The headless driver.
#include "app/headless_run.hpp"

#include "app/client_options.hpp"
#include "app/open_model_options.hpp"
#include "app/report_files.hpp"
#include "app/shape_driver.hpp"
#include "core/exit_code.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "report/console.hpp"
#include "report/csv_writer.hpp"
#include "report/record_builder.hpp"
#include "report/verdict.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/local_runner.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <thread>

namespace hornet::app {

namespace net = boost::asio;
using runtime::compiled_class;
using runtime::local_runner;
using runtime::run_control;
using namespace std::chrono_literals;

namespace {

constexpr auto console_interval = 2s; // Locust's CONSOLE_STATS_INTERVAL_SEC
constexpr auto csv_interval = 1s;     // Locust's CSV_STATS_INTERVAL_SEC
// When the loop runs late, engine threads still get this long to hand in their deltas.
constexpr auto min_collect_wait = 100ms;

// The local runner as the loop sees it.
class local_control final : public run_control
{
public:
    local_control(net::io_context& io, const std::vector<compiled_class>& classes, unsigned threads,
                  const http::client_config& config)
        : runner_(io, classes, threads, config)
    {}

    net::awaitable<bool> prepare() override
    {
        runner_.start_threads();
        co_return true;
    }
    void start(std::int64_t user_count, double spawn_rate) override { runner_.start(user_count, spawn_rate); }
    void start_rate(const runtime::open_model& model) override { runner_.start_rate(model); }
    net::awaitable<std::int64_t> collect(std::chrono::steady_clock::time_point deadline) override
    {
        co_return co_await runner_.collect(deadline);
    }
    net::awaitable<void> stop(double stop_timeout) override { co_await runner_.stop(stop_timeout); }
    void hurry() override { runner_.hurry(); }
    void shutdown() override { runner_.shutdown(); }
    stats::aggregate& stats() override { return runner_.stats(); }
    std::int64_t user_count() const override { return runner_.user_count(); }
    void reset_stats() override { runner_.reset_stats(); }
    void set_on_spawning_complete(std::function<void()> f) override { runner_.on_spawning_complete = std::move(f); }

private:
    local_runner runner_;
};

class headless_driver
{
public:
    headless_driver(const cli::options& opts, const scenario::model& model, net::io_context& io, run_control& control)
        : opts_(opts), model_(model), io_(io), runner_(control), signals_(io_, SIGINT, SIGTERM), tick_(io_),
          reports_(opts), series_(control.stats_delay())
    {}

    int run()
    {
        // One verdict: the scenario's thresholds, then the command line's, then locust-plugins'.
        auto expressions = model_.thresholds;
        expressions.insert(expressions.end(), opts_.checks.begin(), opts_.checks.end());
        expressions.insert(expressions.end(), opts_.plugin_checks.begin(), opts_.plugin_checks.end());
        for (const auto& text : expressions) {
            auto t = report::parse_threshold(text);
            if (!t) {
                core::log::error("hornet.main", t.error().detail);
                return core::exit_usage_error;
            }
            thresholds_.push_back(std::move(*t));
        }
        if (auto why = reports_.prepare(); !why.empty()) {
            core::log::error("hornet.main", why);
            return core::exit_usage_error;
        }
        if (!opts_.csv_prefix.empty()) {
            csv_.emplace(opts_.csv_prefix, opts_.csv_full_history, open_model_);
            if (!csv_->error().empty()) {
                core::log::error("hornet.main", csv_->error());
                return 1;
            }
        }
        wait_for_signal();
        int exit_code = 0;
        net::co_spawn(io_, drive(), [&](std::exception_ptr e, int code) {
            exit_code = core::exit_code_of(e, code);
            signals_.cancel();
        });
        io_.run();
        return exit_code;
    }

private:
    net::awaitable<int> drive()
    {
        if (!co_await runner_.prepare() || stop_requested_) {
            runner_.shutdown();
            if (stop_requested_) co_return 0;
            // The report files a pipeline collects still say what happened.
            if (!reports_.empty())
                reports_.write(report::make_run_record(
                    runner_.stats(), {},
                    {false, core::exit_could_not_run, "could not run: the expected workers never came"}, parameters(),
                    series_.series(), core::unix_now()));
            co_return core::exit_could_not_run;
        }
        const auto run_time = opts_.run_time.value_or(0);
        if (run_time > 0)
            core::log::info("hornet.main", "Run time limit set to " + core::seconds_text(run_time) + " seconds");
        else
            core::log::info("hornet.main", "No run time limit set, use CTRL+C to interrupt");
        core::log::info("hornet.main", std::string("Starting Hornet ") + HORNET_VERSION);

        if (opts_.reset_stats)
            runner_.set_on_spawning_complete([this] {
                core::log::info("hornet.runners", "Resetting stats");
                runner_.reset_stats();
            });
        shape_ = make_shape_driver(opts_, model_.stages, runner_);
        if (shape_)
            shape_->tick(0);
        else if (open_model_)
            runner_.start_rate(open_model_of(opts_, model_));
        else
            runner_.start(opts_.users.value_or(1), opts_.spawn_rate.value_or(1));

        auto started = std::chrono::steady_clock::now();
        auto deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(run_time));
        auto next_tick = started + csv_interval;
        auto next_print = started + console_interval;
        while (!stop_requested_) {
            auto wake = next_tick;
            if (run_time > 0 && deadline < wake) wake = deadline;
            tick_.expires_at(wake);
            co_await tick_.async_wait(net::as_tuple(net::use_awaitable));
            if (stop_requested_) break;
            if (runner_.finished()) break;
            auto now = std::chrono::steady_clock::now();
            if (run_time > 0 && now >= deadline) {
                core::log::info("hornet.main", "--run-time limit reached, shutting down");
                break;
            }
            if (now >= next_tick) {
                next_tick += csv_interval;
                // A thread that does not answer must not hold up the loop: wait until the next
                // tick at most (a little even when late), and never past the run time.
                auto collect_by = std::max(next_tick, now + min_collect_wait);
                if (run_time > 0) collect_by = std::min(collect_by, deadline);
                snapshot_users_ = co_await runner_.collect(collect_by);
                write_csv(false);
                series_.sample(runner_.stats(), snapshot_users_, core::unix_now());
                workers_ = std::max(workers_, runner_.worker_count());
                if (abort_check(std::chrono::duration<double>(now - started).count())) break;
                if (shape_ && !shape_->tick(std::chrono::duration<double>(now - started).count())) break;
            }
            if (now >= next_print) {
                if (shape_ && !opts_.only_summary)
                    core::log::table(shape_->status_line(std::chrono::duration<double>(now - started).count()) + "\n");
                if (!opts_.only_summary) {
                    core::log::table(report::stats_table(runner_.stats(), true, report::name_width()));
                    if (open_model_)
                        core::log::table(report::iterations_line(runner_.stats().iterations(), opts_.late_tolerance) +
                                         "\n");
                }
                next_print += console_interval;
            }
        }

        stopping_ = true;
        co_await runner_.stop(opts_.stop_timeout.value_or(0));
        runner_.shutdown();
        workers_ = std::max(workers_, runner_.worker_count());
        const double end_time = core::unix_now();
        series_.finish(runner_.stats(), runner_.user_count(), end_time);
        // Measured once, on the final merged stats (a master's holds every worker's histograms).
        const auto outcomes = report::evaluate(thresholds_, runner_.stats());
        auto verdict = report::judge(runner_.stats(), outcomes, opts_.exit_code_on_error, stopped_by_);
        const int code = verdict.exit_code;
        if (code == core::exit_could_not_run) core::log::error("hornet.main", "The test " + verdict.summary);
        core::log::info("hornet.main", "Shutting down (exit code " + std::to_string(code) + ")");
        write_csv(true);
        int width = report::name_width();
        core::log::table(report::stats_table(runner_.stats(), false, width));
        core::log::table(report::percentile_table(runner_.stats(), width));
        if (open_model_) {
            // The same requests measured from their iterations' intended starts: what a user
            // arriving on schedule would have waited (coordinated omission corrected).
            core::log::table(report::percentile_table(runner_.stats().corrected(), width,
                                                      "Response time percentiles, corrected for coordinated omission "
                                                      "(from each iteration's intended start)"));
            core::log::table(report::iterations_line(runner_.stats().iterations(), opts_.late_tolerance) + "\n");
        }
        if (!runner_.stats().errors().empty()) core::log::table(report::error_report(runner_.stats(), width));
        core::log::table(report::threshold_table(outcomes));
        if (!reports_.empty())
            reports_.write(report::make_run_record(runner_.stats(), outcomes, std::move(verdict), parameters(),
                                                   series_.series(), end_time));
        co_return code;
    }

    void wait_for_signal()
    {
        signals_.async_wait([this](boost::system::error_code ec, int sig) {
            if (ec) return;
            core::log_signal(sig);
            if (stop_requested_ || stopping_) {
                // A second one, or one during the stop: the user does not want to wait for it
                // (Locust exits at the second Ctrl-C).
                runner_.hurry();
                return;
            }
            stop_requested_ = true;
            runner_.interrupt();
            tick_.cancel();
            wait_for_signal();
        });
    }

    // The abort_on_fail thresholds past their warm-up, on the statistics so far; true when one
    // failed on a row that has data (a row with nothing yet has not failed), after logging why.
    bool abort_check(double elapsed)
    {
        for (const auto& rule : thresholds_) {
            if (!rule.abort_on_fail || elapsed < rule.warmup_s) continue;
            for (const auto& o : report::evaluate(std::span(&rule, 1), runner_.stats())) {
                if (!o.measured || o.passed) continue;
                stopped_by_ = "'" + rule.text + "'";
                core::log::error("hornet.main", "Threshold '" + rule.text + "' failed on " + o.row + " (" +
                                                    report::measured_text(rule, o.measured) + ") after " +
                                                    core::seconds_text(std::floor(elapsed)) +
                                                    " s: abort_on_fail stops the test");
                return true;
            }
        }
        return false;
    }

    report::run_parameters parameters() const
    {
        report::run_parameters p;
        p.hornet_version = HORNET_VERSION;
        p.host = opts_.host;
        if (p.host.empty() && !model_.users.empty()) p.host = model_.users.front().host;
        p.scenario = opts_.locustfile;
        for (const auto& c : model_.users)
            if (opts_.user_classes.empty() ||
                std::find(opts_.user_classes.begin(), opts_.user_classes.end(), c.name) != opts_.user_classes.end())
                p.user_classes.push_back(c.name);
        p.users = opts_.users.value_or(1);
        p.spawn_rate = opts_.spawn_rate.value_or(1);
        if (opts_.run_time.value_or(0) > 0) p.run_time = opts_.run_time;
        p.mode = opts_.master ? "master" : "standalone";
        p.workers = workers_;
        if (open_model_ && !shape_) {
            const auto m = open_model_of(opts_, model_);
            double rate = m.rate;
            for (const auto& [name, r] : m.class_rates) rate += r;
            p.rate = rate;
            p.max_users = m.max_users;
            p.arrival = m.arrival == runtime::arrival_kind::poisson ? "poisson" : "constant";
            p.late_tolerance_s = m.late_tolerance;
        }
        if (shape_) shape_->describe(p);
        if (open_model_ && shape_) {
            // A plan's rate is its peak, as a closed plan's users are (the stages say the rest).
            double peak = 0;
            for (const auto& stage : model_.stages.stages) peak = std::max(peak, stage.rate.value_or(0));
            p.rate = peak;
            const auto m = open_model_settings(opts_);
            p.max_users = m.max_users;
            p.arrival = m.arrival == runtime::arrival_kind::poisson ? "poisson" : "constant";
            p.late_tolerance_s = m.late_tolerance;
        }
        return p;
    }

    void write_csv(bool final)
    {
        if (!csv_) return;
        csv_->write_stats(runner_.stats());
        // A tick's row pairs the requests with the users of its snapshot; the last row comes
        // after the stop, whose final statistics belong to the users left at that point.
        const auto users = final ? runner_.user_count() : snapshot_users_;
        csv_->append_history(runner_.stats(), users, static_cast<std::int64_t>(std::time(nullptr)));
        if (final) csv_->close();
    }

    const cli::options& opts_;
    const scenario::model& model_;
    std::vector<report::threshold> thresholds_;
    net::io_context& io_;
    run_control& runner_;
    net::signal_set signals_;
    net::steady_timer tick_;
    std::optional<report::csv_writer> csv_;
    report_files reports_;
    report::series_recorder series_;
    std::optional<shape_driver> shape_; // the load plan, when the run has one
    std::int64_t workers_ = 0;
    std::string stopped_by_; // the abort_on_fail threshold that ended the test
    bool stop_requested_ = false;
    bool stopping_ = false;
    bool open_model_ = uses_open_model(opts_, model_); // iterations on a schedule
    /// The users of the last collect, taken with the statistics it merged: whatever reports a
    /// tick pairs stats() with this number, not with user_count() (which may be newer).
    std::int64_t snapshot_users_ = 0;
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
