// Downsampling by pairs keeps every point the same width, so a chart's x axis stays honest.
#include "report/time_series.hpp"

#include <algorithm>

namespace hornet::report {

void time_point::absorb(const time_point& later) noexcept
{
    time = later.time;
    seconds += later.seconds;
    users = later.users;
    requests += later.requests;
    failures += later.failures;
    p50_ms = std::max(p50_ms, later.p50_ms);
    p95_ms = std::max(p95_ms, later.p95_ms);
    p99_ms = std::max(p99_ms, later.p99_ms);
}

time_series::time_series(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 2)) {}

void time_series::add(const time_point& tick)
{
    if (!points_.empty() && last_ticks_ < stride_) {
        points_.back().absorb(tick);
        ++last_ticks_;
        return;
    }
    if (points_.size() == capacity_) halve();
    if (points_.empty()) points_.reserve(capacity_);
    points_.push_back(tick);
    last_ticks_ = 1;
}

void time_series::add_to_last(const time_point& extra)
{
    if (points_.empty()) {
        add(extra);
        return;
    }
    points_.back().requests += extra.requests;
    points_.back().failures += extra.failures;
}

void time_series::halve()
{
    // Full points only come in pairs of equal width: the last one is full here (add() checked).
    std::size_t out = 0;
    for (std::size_t i = 0; i + 1 < points_.size(); i += 2) {
        time_point merged = points_[i];
        merged.absorb(points_[i + 1]);
        points_[out++] = merged;
    }
    const bool odd = points_.size() % 2 != 0;
    if (odd) points_[out++] = points_.back();
    points_.resize(out);
    stride_ *= 2;
    // An odd leftover holds half a new point's ticks: it fills up before a new one starts.
    last_ticks_ = odd ? stride_ / 2 : stride_;
}

void time_series::clear() noexcept
{
    points_.clear();
    stride_ = 1;
    last_ticks_ = 0;
}

} // namespace hornet::report
