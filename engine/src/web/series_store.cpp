// Chart points from successive statistics.
#include "web/series_store.hpp"

#include <algorithm>
#include <cmath>

namespace hornet::web {

namespace {

std::optional<double> larger(const std::optional<double>& a, const std::optional<double>& b)
{
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

} // namespace

void series_line::add(const series_point& p)
{
    if (points_.size() >= capacity_) {
        std::vector<series_point> merged;
        merged.reserve(capacity_);
        for (std::size_t i = 0; i + 1 < points_.size(); i += 2) {
            series_point m = points_[i + 1];
            m.seconds += points_[i].seconds;
            m.requests += points_[i].requests;
            m.failures += points_[i].failures;
            m.p50 = larger(points_[i].p50, m.p50);
            m.p95 = larger(points_[i].p95, m.p95);
            m.p99 = larger(points_[i].p99, m.p99);
            merged.push_back(m);
        }
        if (points_.size() % 2) merged.push_back(points_.back());
        points_ = std::move(merged);
    }
    points_.push_back(p);
}

series_point series_store::point_of(const stats::aggregate& stats, const stats::entry& e, last_counts& last,
                                    std::int64_t users, double now) const
{
    series_point p;
    p.time_ms = now * 1000;
    p.users = users;
    p.seconds = last_time_ > 0 ? now - last_time_ : 1;
    // A row reset between ticks starts from zero again.
    p.requests = e.num_requests >= last.requests ? e.num_requests - last.requests : e.num_requests;
    p.failures = e.num_failures >= last.failures ? e.num_failures - last.failures : e.num_failures;
    last = {e.num_requests, e.num_failures};
    const auto second = static_cast<std::int64_t>(std::floor(now));
    auto recent = stats.recent_response_times(e, second);
    if (!recent.empty()) {
        p.p50 = static_cast<double>(stats.current_percentile(e, 50, second));
        p.p95 = static_cast<double>(stats.current_percentile(e, 95, second));
        p.p99 = static_cast<double>(stats.current_percentile(e, 99, second));
    }
    return p;
}

void series_store::sample(const stats::aggregate& stats, std::int64_t users, double now)
{
    if (stats.start_time() != stats_start_) {
        clear();
        stats_start_ = stats.start_time();
    }
    total_.add(point_of(stats, stats.total(), total_last_, users, now));
    for (const auto* e : stats.entries()) {
        auto key = std::make_pair(e->name, e->method);
        auto it = endpoints_.find(key);
        if (it == endpoints_.end())
            it =
                endpoints_.emplace(std::move(key), std::make_pair(series_line(endpoint_capacity), last_counts{})).first;
        it->second.first.add(point_of(stats, *e, it->second.second, users, now));
    }
    last_time_ = now;
}

void series_store::clear()
{
    total_ = series_line(total_capacity);
    total_last_ = {};
    endpoints_.clear();
    last_time_ = 0;
}

const series_line* series_store::find(const std::string& method, const std::string& name) const
{
    auto it = endpoints_.find(std::make_pair(name, method));
    return it == endpoints_.end() ? nullptr : &it->second.first;
}

} // namespace hornet::web
