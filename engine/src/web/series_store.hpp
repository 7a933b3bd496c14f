// The live charts' data (/hornet/series): one point per report tick for the whole run and for
// every endpoint, in bounded memory.
#pragma once

#include "stats/aggregate.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hornet::web {

/// One point of a chart: the interval that ended at `time_ms`.
struct series_point
{
    double time_ms = 0;
    std::int64_t users = 0;
    double seconds = 0; ///< the interval's length
    std::uint64_t requests = 0;
    std::uint64_t failures = 0;
    /// The current-window percentiles at the end; none when no request ended in the window.
    std::optional<double> p50, p95, p99;

    double rps() const noexcept { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
    double fail_per_sec() const noexcept { return seconds > 0 ? static_cast<double>(failures) / seconds : 0; }
};

/// Points of one line, oldest first; when full, neighbours are merged in pairs (counts summed,
/// percentiles the larger of the two, so a spike stays visible).
class series_line
{
public:
    explicit series_line(std::size_t capacity) : capacity_(capacity) {}
    void add(const series_point& p);
    const std::vector<series_point>& points() const noexcept { return points_; }

private:
    std::vector<series_point> points_;
    std::size_t capacity_;
};

/// Not thread-safe: sampled and read on the control thread.
class series_store
{
public:
    static constexpr std::size_t endpoint_capacity = 256;
    static constexpr std::size_t total_capacity = 1024;

    /// A report tick at Unix time `now` with `users` running.
    void sample(const stats::aggregate& stats, std::int64_t users, double now);
    /// A new test or a reset: every line starts again.
    void clear();

    const series_line& total() const noexcept { return total_; }
    /// nullptr when the endpoint has no line (never seen).
    const series_line* find(const std::string& method, const std::string& name) const;

private:
    struct last_counts
    {
        std::uint64_t requests = 0;
        std::uint64_t failures = 0;
    };
    series_point point_of(const stats::aggregate& stats, const stats::entry& e, last_counts& last, std::int64_t users,
                          double now) const;

    series_line total_{total_capacity};
    last_counts total_last_;
    std::map<std::pair<std::string, std::string>, std::pair<series_line, last_counts>> endpoints_;
    double last_time_ = 0;
    double stats_start_ = -1;
};

} // namespace hornet::web
