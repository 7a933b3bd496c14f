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

/// Samples the run once per report tick into a time_series: the requests and failures counted
/// since the previous tick, the users, and the current-window percentiles of the Aggregated row.
class series_recorder
{
public:
    explicit series_recorder(std::size_t capacity = time_series::default_capacity) : series_(capacity) {}

    /// One tick at Unix time `now` with `users` running (the number of the same snapshot).
    void sample(const stats::aggregate& stats, std::int64_t users, double now);

    const time_series& series() const noexcept { return series_; }

private:
    time_series series_;
    std::uint64_t last_requests_ = 0;
    std::uint64_t last_failures_ = 0;
    double last_time_ = 0;
};

} // namespace hornet::report
