// Merged stats and Locust's derived metrics.
#include "stats/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace hornet::stats {

namespace {

std::int64_t int_seconds(double t)
{
    return static_cast<std::int64_t>(std::floor(t));
}

} // namespace

aggregate::aggregate(double now) : start_time_(now)
{
    total_.stats = entry("", snapshot::total_name, now);
}

void aggregate::merge_row(row& r, const entry& delta)
{
    r.stats.merge(delta);
    if (delta.last_request_timestamp) r.recent.add(int_seconds(*delta.last_request_timestamp), delta.response_times);
}

void aggregate::merge(const snapshot& delta, std::string_view node)
{
    for (const entry& e : delta.entries) {
        auto it = rows_.find(key_less::view{e.name, e.method});
        if (it == rows_.end()) {
            it = rows_.emplace(std::pair{e.name, e.method}, row{}).first;
            it->second.stats = entry(e.method, e.name, e.start_time);
        }
        merge_row(it->second, e);
    }
    merge_row(total_, delta.total);
    // Rates are relative to the run's start, not to a delta taken before a reset.
    total_.stats.start_time = std::max(total_.stats.start_time, start_time_);

    errors_.merge(delta.errors);
    iterations_ += delta.iterations;

    for (const exception_record& x : delta.exceptions) {
        auto it = std::find_if(exceptions_.begin(), exceptions_.end(),
                               [&](const exception_summary& s) { return s.traceback == x.traceback; });
        if (it == exceptions_.end()) {
            exceptions_.push_back(exception_summary{x.message, x.traceback, 0, {}});
            it = exceptions_.end() - 1;
        }
        it->count += x.count;
        if (std::find(it->nodes.begin(), it->nodes.end(), node) == it->nodes.end()) it->nodes.emplace_back(node);
    }

    // Keep only the seconds the current-rps window can still reach.
    if (const auto& last = total_.stats.last_request_timestamp) {
        std::int64_t cutoff = int_seconds(*last) - per_second_kept;
        auto trim = [cutoff](entry& e) {
            e.num_reqs_per_sec.trim_before(cutoff);
            e.num_fail_per_sec.trim_before(cutoff);
        };
        trim(total_.stats);
        for (const entry& e : delta.entries) trim(rows_.find(key_less::view{e.name, e.method})->second.stats);
    }
}

void aggregate::reset(double now)
{
    for (auto& [key, r] : rows_) {
        r.stats.reset(now);
        r.recent.reset();
    }
    total_.stats.reset(now);
    total_.recent.reset();
    errors_.clear();
    iterations_ = {};
    start_time_ = now;
}

void aggregate::clear(double now)
{
    rows_.clear();
    total_ = row{};
    total_.stats = entry("", snapshot::total_name, now);
    errors_.clear();
    exceptions_.clear();
    iterations_ = {};
    start_time_ = now;
}

aggregate aggregate::corrected() const
{
    aggregate out = *this;
    for (auto& [key, r] : out.rows_) r.stats = r.stats.corrected();
    out.total_.stats = total_.stats.corrected();
    return out;
}

std::vector<const entry*> aggregate::entries() const
{
    std::vector<const entry*> result;
    result.reserve(rows_.size());
    for (const auto& [key, r] : rows_) result.push_back(&r.stats);
    return result;
}

const entry* aggregate::find(std::string_view method, std::string_view name) const
{
    auto it = rows_.find(key_less::view{name, method});
    return it == rows_.end() ? nullptr : &it->second.stats;
}

double aggregate::rate_window(const per_second& counts) const
{
    const auto& last = total_.stats.last_request_timestamp;
    if (!last) return 0.0;
    std::int64_t end = int_seconds(*last) - 2;
    std::int64_t begin = std::max(int_seconds(*last) - 12, int_seconds(start_time_));
    if (begin >= end) return 0.0;
    return static_cast<double>(counts.sum(begin, end)) / static_cast<double>(end - begin);
}

double aggregate::current_rps(const entry& e) const
{
    return rate_window(e.num_reqs_per_sec);
}

double aggregate::current_fail_per_sec(const entry& e) const
{
    return rate_window(e.num_fail_per_sec);
}

double aggregate::total_rps(const entry& e) const
{
    const auto& last = total_.stats.last_request_timestamp;
    if (!last || *last == 0 || start_time_ == 0 || *last == start_time_) return 0.0;
    return static_cast<double>(e.num_requests) / (*last - start_time_);
}

double aggregate::total_fail_per_sec(const entry& e) const
{
    const auto& last = total_.stats.last_request_timestamp;
    if (!last || *last == 0 || start_time_ == 0 || *last == start_time_) return 0.0;
    return static_cast<double>(e.num_failures) / (*last - start_time_);
}

const aggregate::row* aggregate::row_of(const entry& e) const
{
    if (&e == &total_.stats) return &total_;
    auto it = rows_.find(key_less::view{e.name, e.method});
    return it == rows_.end() ? nullptr : &it->second;
}

percentile_values aggregate::current_percentiles(const entry& e, std::int64_t now_second) const
{
    percentile_values result{};
    const row* r = row_of(e);
    if (!r) return result;
    histogram recent = r->recent.recent(now_second);
    if (recent.empty()) return result;
    std::array<std::uint64_t, reported_percentiles.size()> us{};
    recent.values_at_percentiles(reported_percentiles, us);
    for (std::size_t i = 0; i < us.size(); ++i) result[i] = round_ms(static_cast<double>(us[i]) / 1000.0);
    return result;
}

histogram aggregate::recent_response_times(const entry& e, std::int64_t now_second) const
{
    const row* r = row_of(e);
    return r ? r->recent.recent(now_second) : histogram{};
}

std::int64_t aggregate::current_percentile(const entry& e, double percent, std::int64_t now_second) const
{
    const row* r = row_of(e);
    if (!r) return 0;
    histogram recent = r->recent.recent(now_second);
    if (recent.empty()) return 0;
    return round_ms(static_cast<double>(recent.value_at_percentile(percent)) / 1000.0);
}

} // namespace hornet::stats
