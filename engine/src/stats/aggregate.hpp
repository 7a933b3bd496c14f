// The merged view of all stats deltas (master side): rows, errors, exceptions, derived metrics.
#pragma once

#include "core/clock.hpp"
#include "stats/entry.hpp"
#include "stats/error_table.hpp"
#include "stats/percentiles.hpp"
#include "stats/snapshot.hpp"
#include "stats/window.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::stats {

/// An exception row of the exceptions table / CSV: count, message, traceback, reporting nodes.
struct exception_summary
{
    std::string message;
    std::string traceback;
    std::uint64_t count = 0;
    std::vector<std::string> nodes; // "local" standalone, worker ids distributed; first-seen order
};

/// Locust's master-side RequestStats: deltas from shards or workers are merged in, and the
/// console, CSV and web read the rows and the derived metrics from here.
/// Not thread-safe: the owner serialises merge() and the readers.
class aggregate
{
public:
    /// Seconds of per-second counts kept per row (the current-rps window needs the last 12).
    static constexpr std::int64_t per_second_kept = 20;

    explicit aggregate(double now = core::unix_now());

    /// Adds a delta. `node` is recorded for its exceptions ("local" in standalone mode).
    void merge(const snapshot& delta, std::string_view node = "local");

    /// Locust's reset_all (--reset-stats, web "reset stats"): rows stay with zero counts,
    /// errors are cleared, exceptions kept; the run's start time becomes `now`.
    void reset(double now = core::unix_now());
    /// Locust's clear_all at a test start, plus exceptions: everything is forgotten.
    void clear(double now = core::unix_now());
    void clear_exceptions() noexcept { exceptions_.clear(); }

    /// A copy whose rows carry the open model's corrected times (entry::corrected), for the
    /// corrected console table and CSV file.
    aggregate corrected() const;

    /// The Aggregated row (method "", name "Aggregated").
    const entry& total() const noexcept { return total_.stats; }
    /// All rows sorted by (name, method), Locust's sort order.
    std::vector<const entry*> entries() const;
    const entry* find(std::string_view method, std::string_view name) const;
    const error_table& errors() const noexcept { return errors_; }
    const std::vector<exception_summary>& exceptions() const noexcept { return exceptions_; }
    /// The open model's iterations since the last reset/clear (all zero in the closed model).
    const iteration_counts& iterations() const noexcept { return iterations_; }
    /// Unix time of the last reset/clear (Locust's stats.start_time).
    double start_time() const noexcept { return start_time_; }

    /// Failures or exceptions were recorded: the process exits with --exit-code-on-error.
    bool has_failures_or_exceptions() const noexcept { return !errors_.empty() || !exceptions_.empty(); }

    // Rates of a row (§2.6), relative to the Aggregated row's last request and the start time.
    /// Average per second over [max(int(L) - 12, int(S)), int(L) - 2); 0 before any request.
    double current_rps(const entry& row) const;
    double current_fail_per_sec(const entry& row) const;
    /// Cumulative: row's count / (L - S); 0 if L or S is unknown or equal.
    double total_rps(const entry& row) const;
    double total_fail_per_sec(const entry& row) const;

    /// Percentiles (whole ms) of the row's requests that ended in the last window::seconds
    /// seconds up to `now_second`; all 0 when there were none.
    percentile_values current_percentiles(const entry& row, std::int64_t now_second) const;
    /// The response times of the row's requests that ended in the last window::seconds seconds.
    histogram recent_response_times(const entry& row, std::int64_t now_second) const;
    /// One current percentile, `percent` in 0..100; 0 when there were no requests.
    std::int64_t current_percentile(const entry& row, double percent, std::int64_t now_second) const;

private:
    struct row
    {
        entry stats;
        window recent;
    };
    struct key_less
    {
        using is_transparent = void;
        using view = std::pair<std::string_view, std::string_view>;
        static view as_view(const std::pair<std::string, std::string>& k) { return {k.first, k.second}; }
        static view as_view(const view& k) { return k; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const
        {
            return as_view(a) < as_view(b);
        }
    };

    double rate_window(const per_second& counts) const;
    const row* row_of(const entry& e) const;
    void merge_row(row& r, const entry& delta);

    std::map<std::pair<std::string, std::string>, row, key_less> rows_; // key: (name, method)
    row total_;
    error_table errors_;
    std::vector<exception_summary> exceptions_;
    iteration_counts iterations_;
    double start_time_;
};

} // namespace hornet::stats
