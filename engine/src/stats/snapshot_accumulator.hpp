// Stats deltas gathered into one: a worker's threads' deltas into its next `stats` message, the
// workers' reports into a master's next merge.
#pragma once

#include "core/failure_kind.hpp"
#include "stats/snapshot.hpp"
#include "stats/time_tally.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::stats {

/// Merges snapshots per (method, name) row, plus the total, errors and exceptions (by message
/// and traceback). take() hands out everything merged since the previous take().
///
/// Besides add(), a decoder can merge a delta part by part (merge_row, merge_total, ...): a
/// master reads each worker row's counters into a small entry and adds the response times
/// straight to the row returned, instead of building a histogram per row and merging it.
class snapshot_accumulator
{
public:
    /// A row: its statistics, and the response times added value by value since the last
    /// take(), which enter stats.response_times then.
    struct row
    {
        entry stats;
        time_tally times;
    };

    void add(snapshot&& delta);
    snapshot take();
    void clear();
    bool empty() const noexcept { return rows_.empty() && !total_ && errors_.empty() && exceptions_.empty(); }

    /// Merges `delta` (its method and name ignored) into the row (method, name), or makes it the
    /// row when there is none, as add() does. Returns the row, for the parts the caller adds
    /// itself (histograms, per-second counts); add() gives the same result when those parts
    /// are in `delta` instead.
    row& merge_row(std::string_view method, std::string_view name, entry&& delta);
    /// The same for a delta's total, which add() skips when it has no activity and a total is
    /// there already: nullptr then (nothing of it is to be added).
    row* merge_total(entry&& delta);
    void add_error(std::string_view method, std::string_view name, std::string_view error, std::uint64_t n,
                   core::failure_kind kind)
    {
        errors_.add(method, name, error, n, kind);
    }
    void add_iterations(const iteration_counts& counts) { iterations_ += counts; }

private:
    // (method, name) looked up with string_views: no string is built per row of a report.
    struct row_less
    {
        using is_transparent = void;
        template <class A, class B>
        bool operator()(const A& a, const B& b) const noexcept
        {
            return std::pair<std::string_view, std::string_view>(a.first, a.second) <
                   std::pair<std::string_view, std::string_view>(b.first, b.second);
        }
    };

    // The first delta of a row is taken as it is: merging into a default entry would make its
    // start_time 0 (merge keeps the earliest).
    std::map<std::pair<std::string, std::string>, row, row_less> rows_; // (method, name)
    std::optional<row> total_;
    error_table errors_;
    std::vector<exception_record> exceptions_;
    iteration_counts iterations_;
};

} // namespace hornet::stats
