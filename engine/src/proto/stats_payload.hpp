// A worker's `stats` message as a master reads it: checked whole, then merged straight from its
// bytes into the master's accumulator.
#pragma once

#include "core/failure_kind.hpp"
#include "proto/messages.hpp"
#include "proto/reader.hpp"
#include "proto/stats_codec.hpp"
#include "stats/snapshot_accumulator.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::proto {

/// A part of the payload's bytes: [from, to).
struct byte_span
{
    std::size_t from = 0;
    std::size_t to = 0;
    bool empty() const noexcept { return to <= from; }
};

/// One StatsEntry map as read: its counters in `counters` (name, method, histograms and
/// per-second counts left empty), the rest located in the bytes. Keys that repeat keep the last.
struct entry_fields
{
    stats::entry counters;
    byte_span name;
    byte_span method; // empty for nil
    // response_times (Locust's dict) as read, used when there is no hornet_hdr: the pairs
    // [times_from, times_to) of the payload's `times`.
    std::size_t times_from = 0;
    std::size_t times_to = 0;
    byte_span hdr;
    byte_span corrected;
    byte_span reqs_per_sec;
    byte_span fail_per_sec;
};

/// One row of the `errors` map as read: its texts located in the bytes.
struct error_fields
{
    byte_span method; // empty for nil
    byte_span name;
    byte_span error;
    std::uint64_t occurrences = 0;
    core::failure_kind kind = core::failure_kind::other;
};

/// The data of a `stats` message, checked in full when read (a message that fails is dropped
/// whole, never half merged): each row's counters and Locust buckets as read, its other parts as
/// places in a copy of the frame. Merging reads only those parts again (HDR data, per-second
/// counts), straight into the accumulator's rows.
struct stats_payload
{
    static constexpr std::string_view type_name = stats_report::type_name;

    std::string bytes; // the frame; the spans index it
    std::vector<entry_fields> entries;
    /// Every entry's buckets as (µs, count), read once in the checking pass.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> times;
    entry_fields total;
    std::vector<error_fields> errors;
    stats::iteration_counts iterations;
    class_counts user_classes_count;
    std::int64_t user_count = 0;
    /// Every entry (and the total) carried hornet_hdr.
    bool exact = false;

    std::string_view text(byte_span s) const noexcept { return std::string_view(bytes).substr(s.from, s.to - s.from); }
};

/// Reads and checks a Python or Hornet worker's stats data at the reader's position (the rules
/// of read_stats); `out.bytes` gets the reader's whole input.
bool read_stats_payload(reader& r, stats_payload& out);

/// Merges a payload into `into` as add() of its stats_report would, adding the response times to
/// the rows themselves. The payload's counters are moved from.
void merge_stats(stats_payload& payload, stats::snapshot_accumulator& into);

/// The payload as a stats_report (tests, tools, the value path).
stats_report to_report(const stats_payload& payload);

} // namespace hornet::proto
