// The run over time for the reports' charts (RPS, failures, p50/p95/p99, users), in a bounded
// number of points however long the run: when full, neighbouring points are merged in pairs and
// later points each cover twice as many report ticks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hornet::report {

/// One interval of the run.
struct time_point
{
    double time = 0;            // Unix seconds at the end of the interval
    double seconds = 0;         // the interval's length
    std::int64_t users = 0;     // running users at the end of the interval
    std::uint64_t requests = 0; // requests counted in the interval
    std::uint64_t failures = 0;
    // Response-time percentiles of Locust's "current" window at the interval's end (the last
    // ~10 s); a merged point keeps the largest of its parts, so a spike is not averaged away.
    double p50_ms = 0;
    double p95_ms = 0;
    double p99_ms = 0;

    double rps() const noexcept { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
    double failures_per_s() const noexcept { return seconds > 0 ? static_cast<double>(failures) / seconds : 0; }

    /// Extends this point by the next one (`later` ends after this).
    void absorb(const time_point& later) noexcept;
};

/// At most capacity() points, of equal resolution except the newest (still filling up).
/// Memory: capacity() points, allocated on the first add. Not thread-safe.
class time_series
{
public:
    /// An hour of 1-s ticks fits in 3,600; 1,024 points draw any chart finely enough.
    static constexpr std::size_t default_capacity = 1024;

    explicit time_series(std::size_t capacity = default_capacity);

    /// Adds one report tick. When the series is full, pairs of points are merged first.
    void add(const time_point& tick);

    /// Adds the counts of `extra` to the newest point without making it longer (a new point
    /// when there is none): requests counted after their second was settled.
    void add_to_last(const time_point& extra);

    /// The points, oldest first (the last one may cover fewer ticks than the others).
    const std::vector<time_point>& points() const noexcept { return points_; }
    /// Report ticks per point (1, 2, 4, ...).
    std::size_t ticks_per_point() const noexcept { return stride_; }
    std::size_t capacity() const noexcept { return capacity_; }
    void clear() noexcept;

private:
    void halve();

    std::vector<time_point> points_;
    std::size_t capacity_;
    std::size_t stride_ = 1;
    std::size_t last_ticks_ = 0; // ticks in points_.back()
};

} // namespace hornet::report
