// One row of request statistics for a (method, name) pair, with Locust's StatsEntry semantics.
#pragma once

#include "stats/histogram.hpp"
#include "stats/per_second.hpp"
#include "stats/percentiles.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace hornet::stats {

/// The counters of Locust's StatsEntry, with an HDR histogram in place of its bucket dict.
/// Plain data: the wire codec fills the fields directly. Times are milliseconds (double) except
/// the histogram (microseconds) and the timestamps (Unix seconds).
struct entry
{
    std::string method; // "" for the Aggregated row
    std::string name;
    std::uint64_t num_requests = 0;      // successes and failures
    std::uint64_t num_none_requests = 0; // requests without a response time (not in timing stats)
    std::uint64_t num_failures = 0;
    double total_response_time = 0;          // ms
    std::optional<double> min_response_time; // exact, ms; none before the first timed request
    double max_response_time = 0;            // exact, ms
    std::uint64_t total_content_length = 0;  // bytes
    histogram response_times;                // µs
    /// Open model only: each request's time measured from its iteration's intended start, so a
    /// request the engine could not send on time counts the wait (coordinated omission
    /// corrected). µs; empty in the closed model, where no start is scheduled.
    histogram corrected_times;
    std::optional<double> last_request_timestamp;
    double start_time = 0; // Unix time of the last reset
    per_second num_reqs_per_sec;
    per_second num_fail_per_sec;

    entry() = default;
    entry(std::string method, std::string name, double start_time = 0);

    /// One request (Locust's log()). A NaN response time is Locust's None: counted in
    /// num_none_requests and kept out of the timing stats.
    void log(double response_time_ms, std::uint64_t content_length, double wall_time);
    /// The failure half of a failed request (Locust's log_error()); log() is called as well.
    void log_error(double wall_time);
    /// The corrected time of a request log() has counted (open model).
    void log_corrected(double corrected_ms);

    /// Adds a delta (Locust's extend()): sums, min of min, max of max, latest timestamp,
    /// earliest start time, per-second counts summed.
    void merge(const entry& other);

    /// Zeroes the counters, keeps method/name and the histogram's memory; start_time = now.
    void reset(double now);

    /// Requests or failures since the last reset.
    bool has_activity() const noexcept { return num_requests != 0 || num_failures != 0; }

    // Locust's derived per-row metrics (§2.6).
    double avg_response_time() const noexcept;
    double fail_ratio() const noexcept;
    double avg_content_length() const noexcept;

    /// Median and percentiles in whole ms, from the HDR data: the histogram value clamped into
    /// the exact [min, max] and rounded half to even. 0 without timed requests.
    std::int64_t median_response_time() const;
    std::int64_t percentile(double percent) const;
    percentile_values percentiles() const;

    /// This row as the open model's corrected view: its times are the corrected ones (the
    /// counts stay), so every table and file built for rows shows that view too.
    entry corrected() const;

    /// Converts a histogram value (µs) to the printed ms, using this row's exact min/max.
    std::int64_t to_printed_ms(std::uint64_t value_us) const noexcept;
};

} // namespace hornet::stats
