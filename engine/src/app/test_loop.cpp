// The test's ticks and end, shared by the headless and web drivers.
#include "app/test_loop.hpp"

#include "app/open_model_options.hpp"

#include "core/exit_code.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "report/console.hpp"
#include "report/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <span>

namespace hornet::app {

namespace net = boost::asio;

test_loop::test_loop(const cli::options& opts, const scenario::model& model, runtime::run_control& control)
    : opts_(opts), model_(model), control_(control), reports_(opts), series_(control.stats_delay()),
      users_(opts.users.value_or(1)), spawn_rate_(opts.spawn_rate.value_or(1)), run_time_(opts.run_time),
      open_model_(uses_open_model(opts, model))
{}

int test_loop::prepare()
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
    return 0;
}

void test_loop::started(std::int64_t users, double spawn_rate, std::optional<double> run_time)
{
    users_ = users;
    spawn_rate_ = spawn_rate;
    run_time_ = run_time;
    ever_started_ = true;
}

net::awaitable<void> test_loop::tick(std::chrono::steady_clock::time_point collect_by)
{
    snapshot_users_ = co_await control_.collect(collect_by);
    write_csv(false);
    const double now = core::unix_now();
    series_.sample(control_.stats(), snapshot_users_, now);
    workers_ = std::max(workers_, control_.worker_count());
    if (on_sample) on_sample(now);
}

void test_loop::print_table() const
{
    core::log::table(report::stats_table(control_.stats(), true, report::name_width()));
    if (open_model_)
        core::log::table(report::iterations_line(control_.stats().iterations(), opts_.late_tolerance) + "\n");
}

bool test_loop::abort_check(double elapsed)
{
    for (const auto& rule : thresholds_) {
        if (!rule.abort_on_fail || elapsed < rule.warmup_s) continue;
        for (const auto& o : report::evaluate(std::span(&rule, 1), control_.stats())) {
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

net::awaitable<int> test_loop::finish()
{
    co_await control_.stop(opts_.stop_timeout.value_or(0));
    control_.shutdown();
    workers_ = std::max(workers_, control_.worker_count());
    const double end_time = core::unix_now();
    series_.finish(control_.stats(), control_.user_count(), end_time);
    // Measured once, on the final merged stats (a master's holds every worker's histograms).
    const auto outcomes = report::evaluate(thresholds_, control_.stats());
    auto verdict = report::judge(control_.stats(), outcomes, opts_.exit_code_on_error, stopped_by_);
    // A web session whose test was never started, or whose statistics were reset, has nothing
    // to judge: Locust exits 0.
    int code = ever_started_ ? verdict.exit_code : 0;
    if (interactive_ && code == core::exit_could_not_run) code = 0;
    if (code == core::exit_could_not_run) core::log::error("hornet.main", "The test " + verdict.summary);
    core::log::info("hornet.main", "Shutting down (exit code " + std::to_string(code) + ")");
    write_csv(true);
    int width = report::name_width();
    core::log::table(report::stats_table(control_.stats(), false, width));
    core::log::table(report::percentile_table(control_.stats(), width));
    if (open_model_) {
        // The same requests measured from their iterations' intended starts: what a user
        // arriving on schedule would have waited (coordinated omission corrected).
        core::log::table(report::percentile_table(control_.stats().corrected(), width,
                                                  "Response time percentiles, corrected for coordinated omission "
                                                  "(from each iteration's intended start)"));
        core::log::table(report::iterations_line(control_.stats().iterations(), opts_.late_tolerance) + "\n");
    }
    if (!control_.stats().errors().empty()) core::log::table(report::error_report(control_.stats(), width));
    core::log::table(report::threshold_table(outcomes));
    if (!reports_.empty())
        reports_.write(report::make_run_record(control_.stats(), outcomes, std::move(verdict), parameters(),
                                               series_.series(), end_time));
    co_return code;
}

int test_loop::could_not_run()
{
    // The report files a pipeline collects still say what happened.
    if (!reports_.empty())
        reports_.write(report::make_run_record(
            control_.stats(), {}, {false, core::exit_could_not_run, "could not run: the expected workers never came"},
            parameters(), series_.series(), core::unix_now()));
    return core::exit_could_not_run;
}

report::run_record test_loop::record() const
{
    const auto outcomes = report::evaluate(thresholds_, control_.stats());
    auto verdict = report::judge(control_.stats(), outcomes, opts_.exit_code_on_error, stopped_by_);
    return report::make_run_record(control_.stats(), outcomes, std::move(verdict), parameters(), series_.series(),
                                   core::unix_now());
}

report::run_parameters test_loop::parameters() const
{
    report::run_parameters p;
    p.hornet_version = HORNET_VERSION;
    p.host = host_ ? *host_ : opts_.host;
    if (p.host.empty() && !model_.users.empty()) p.host = model_.users.front().host;
    p.scenario = opts_.locustfile;
    for (const auto& c : model_.users)
        if (opts_.user_classes.empty() ||
            std::find(opts_.user_classes.begin(), opts_.user_classes.end(), c.name) != opts_.user_classes.end())
            p.user_classes.push_back(c.name);
    p.users = users_;
    p.spawn_rate = spawn_rate_;
    if (run_time_.value_or(0) > 0) p.run_time = run_time_;
    p.mode = opts_.master ? "master" : "standalone";
    p.workers = workers_;
    if (shape_) shape_->describe(p);
    if (open_model_) {
        auto m = open_model_of(opts_, model_);
        double rate = rate_ ? *rate_ : total_rate(m);
        // A plan's rate is its peak, as a closed plan's users are (the stages say the rest).
        for (const auto& stage : model_.stages.stages) rate = std::max(rate, stage.rate.value_or(0));
        p.rate = rate;
        p.max_users = m.max_users;
        p.arrival = m.arrival == runtime::arrival_kind::poisson ? "poisson" : "constant";
        p.late_tolerance_s = m.late_tolerance;
    }
    return p;
}

std::string test_loop::full_history_path() const
{
    return csv_ && opts_.csv_full_history ? csv_->history_path() : std::string();
}

void test_loop::write_csv(bool final)
{
    if (!csv_) return;
    csv_->write_stats(control_.stats());
    // A tick's row pairs the requests with the users of its snapshot; the last row comes
    // after the stop, whose final statistics belong to the users left at that point.
    const auto users = final ? control_.user_count() : snapshot_users_;
    csv_->append_history(control_.stats(), users, static_cast<std::int64_t>(std::time(nullptr)));
    if (final) csv_->close();
}

} // namespace hornet::app
