// The worker `stats` message (Locust §2.1-2.4) <-> hornet::stats::snapshot.
#pragma once

#include "proto/messages.hpp"
#include "proto/reader.hpp"
#include "stats/snapshot.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::proto {

/// The data of a `stats` message: a delta of every entry, the Aggregated delta, the errors of
/// the delta and the worker's current users.
struct stats_report
{
    static constexpr std::string_view type_name = "stats";
    /// Per-entry extra key with the exact HDR counters; Locust's StatsEntry.unserialize skips
    /// keys it does not know (2.12 and newest), so Python masters ignore it.
    static constexpr std::string_view hdr_key = "hornet_hdr";
    /// Per-entry, open model only: the corrected times (entry::corrected_times), as hornet_hdr.
    static constexpr std::string_view corrected_key = "hornet_corrected";
    /// Top level, open model only: [started, late, dropped] iterations of the delta.
    static constexpr std::string_view iterations_key = "hornet_iterations";

    stats::snapshot snapshot; // entries, total, errors (exceptions travel as `exception`)
    class_counts user_classes_count;
    std::int64_t user_count = 0;
    /// Decoding only: every entry (and the total) carried hornet_hdr.
    bool exact = false;
};

struct stats_encode_options
{
    /// Add hornet_hdr to every entry (Hornet peers keep exact percentiles). Off to produce
    /// bytes identical to a Python worker's.
    bool hornet_hdr = true;
    /// Add hornet_kind (the failure kind's name) to every errors row whose kind is known; Locust
    /// masters ignore the extra key.
    bool hornet_kind = true;
};

/// Locust's map, keys in a 2.12 worker's order: stats, stats_total, errors, user_classes_count,
/// user_count. Response times are bucketed as Locust does (§2.3) with int keys (newest dialect,
/// which 2.12 masters merge with their own float keys); errors are keyed by error_key().
value to_value(const stats_report& r, const stats_encode_options& options);
value to_value(const stats_report& r);

/// Reads a Python or Hornet worker's stats data from the message bytes, with no value tree.
/// Bucket keys may be int or float (150.0 -> 150 ms); when hornet_hdr is present the histogram
/// is rebuilt from it instead of from the buckets. Missing optional fields keep their defaults;
/// wrong types fail the reader with the field's name. A master reads the same way into a
/// stats_payload (stats_payload.hpp), merged from the bytes; this builds the whole report.
bool read_stats(reader& r, stats_report& out);
/// The same from a value (tests, tools): encodes it and reads it back.
core::result<void> from_value(const value& data, stats_report& out);

/// Locust's bucket for a response time, in ms, from microseconds (round half to even to 1 ms
/// below 100 ms, then to 10, 100 and 1000 ms).
std::int64_t locust_bucket_ms(std::uint64_t response_time_us) noexcept;

/// One entry as Locust's StatsEntry map.
value entry_to_value(const stats::entry& e, const stats_encode_options& options);

} // namespace hornet::proto
