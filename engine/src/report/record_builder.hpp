// Turns the final statistics of a run into its run_record, and samples the run over time.
#pragma once

#include "report/run_record.hpp"
#include "report/verdict.hpp"
#include "stats/aggregate.hpp"

#include <cstdint>
#include <span>

namespace hornet::report {

/// A row as the reports show it: counts, times, percentiles to the histogram's precision and
/// failures by kind (from `stats`' failures table).
endpoint_record endpoint_of(const stats::entry& row, const stats::aggregate& stats);

/// The thresholds as judged, for the reports.
std::vector<threshold_record> threshold_records(std::span<const threshold_outcome> outcomes);

/// Everything the reports need, copied out of the statistics at the end of the run.
run_record make_run_record(const stats::aggregate& stats, std::span<const threshold_outcome> outcomes,
                           verdict_record verdict, run_parameters parameters, const time_series& series,
                           double end_time);

/// The run over time, one point per wall-clock second: the requests and failures that ended in
/// that second (the rows' per-second counts), the users running at its end, and the current-window
/// percentiles of the Aggregated row. A second is settled `delay_s` after it ended, so that late
/// statistics still land in it: 0 when each tick collects everything (standalone), a few seconds
/// on a master, whose workers report every 3 s.
class series_recorder
{
public:
    explicit series_recorder(double delay_s = 0, std::size_t capacity = time_series::default_capacity)
        : series_(capacity), delay_s_(delay_s)
    {}

    /// A report tick at Unix time `now` with `users` running: settles the seconds that are over.
    void sample(const stats::aggregate& stats, std::int64_t users, double now);
    /// The end of the run: settles every second up to `now`; requests that came too late for
    /// their second go into the last point, so the series adds up to the totals.
    void finish(const stats::aggregate& stats, std::int64_t users, double now);

    const time_series& series() const noexcept { return series_; }

private:
    void note(const stats::aggregate& stats, std::int64_t users, double now);
    void settle(const stats::aggregate& stats, std::int64_t until_second, double end);
    std::int64_t users_at(double time) const;

    time_series series_;
    double delay_s_;
    std::int64_t next_second_ = 0;
    double start_time_ = -1; // the statistics' start: a change is a reset
    std::uint64_t recorded_requests_ = 0;
    std::uint64_t recorded_failures_ = 0;
    std::vector<std::pair<double, std::int64_t>> users_; // (time, users) of the recent ticks
};

} // namespace hornet::report
