// What a test does on its report ticks and at its end, whoever drives it (the headless run, the
// web UI): collect a snapshot, append the CSV history row, sample the series, check the
// abort_on_fail thresholds; at the end stop, print the final tables, judge and write the reports.
#pragma once

#include "app/report_files.hpp"
#include "app/shape_driver.hpp"
#include "cli/options.hpp"
#include "report/csv_writer.hpp"
#include "report/record_builder.hpp"
#include "report/threshold.hpp"
#include "runtime/run_control.hpp"
#include "scenario/model.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hornet::app {

/// Lives on the control thread with `control`.
class test_loop
{
public:
    test_loop(const cli::options& opts, const scenario::model& model, runtime::run_control& control);

    /// Before anything runs: thresholds, report paths, CSV files. 0, or the exit code to end
    /// the process with (the reason is logged).
    int prepare();

    /// A test starts (or is re-ramped) with these settings: what the reports name as the run's
    /// parameters. The headless run's come from the command line.
    void started(std::int64_t users, double spawn_rate, std::optional<double> run_time);
    /// The open model's rate when it is not the command line's (the web UI's start form).
    void started_rate(double rate) noexcept { rate_ = rate; }
    /// The host the users run against when it is not the command line's (the web UI's form).
    void set_host(std::string host) { host_ = std::move(host); }
    bool ever_started() const noexcept { return ever_started_; }
    /// The web UI's tests: statistics reset or a test that saw no request do not make the
    /// process "could not run" (exit 4); Locust's UI exits 0 then.
    void set_interactive() noexcept { interactive_ = true; }

    /// One report tick: a snapshot collected until `collect_by` at most, its CSV history row,
    /// its series point; then `on_sample` (the web charts).
    boost::asio::awaitable<void> tick(std::chrono::steady_clock::time_point collect_by);
    /// The periodic console table (current rates).
    void print_table() const;
    /// The abort_on_fail thresholds past their warm-up, `elapsed` seconds into the test: true
    /// when one failed on a row that has data, after logging why.
    bool abort_check(double elapsed);

    /// The end: stops the load (at most stop_timeout), releases it, prints the final tables and
    /// writes the CSV files and reports. Returns the verdict's exit code.
    boost::asio::awaitable<int> finish();
    /// The load never became ready (a master's workers never came): reports say so.
    int could_not_run();

    /// The run so far, as the HTML report shows it.
    report::run_record record() const;
    report::run_parameters parameters() const;
    /// The users of the last snapshot (paired with stats() on a tick).
    std::int64_t snapshot_users() const noexcept { return snapshot_users_; }
    runtime::run_control& control() noexcept { return control_; }
    /// The history CSV file when it has every row (--csv with --csv-full-history), else "".
    std::string full_history_path() const;

    /// The load plan driving the test, for the reports' parameters (none: -u/-r or --rate).
    void set_shape(const shape_driver* shape) noexcept { shape_ = shape; }

    std::function<void(double now)> on_sample;

private:
    void write_csv(bool final);

    const cli::options& opts_;
    const scenario::model& model_;
    runtime::run_control& control_;
    std::vector<report::threshold> thresholds_;
    std::optional<report::csv_writer> csv_;
    report_files reports_;
    report::series_recorder series_;
    std::int64_t workers_ = 0;
    std::string stopped_by_; // the abort_on_fail threshold that ended the test
    std::int64_t snapshot_users_ = 0;
    std::int64_t users_;
    double spawn_rate_;
    std::optional<double> run_time_;
    bool ever_started_ = false;
    bool interactive_ = false;
    bool open_model_; // iterations on a schedule: corrected times and iteration counts too
    std::optional<double> rate_;
    std::optional<std::string> host_;
    const shape_driver* shape_ = nullptr;
};

} // namespace hornet::app
