// From live statistics to report values.
#include "report/record_builder.hpp"

#include "core/failure_kind.hpp"
#include "stats/percentiles.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hornet::report {

namespace {

std::vector<failure_count> by_kind(const std::array<std::uint64_t, core::failure_kind_count>& counts)
{
    std::vector<failure_count> out;
    for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k]) out.push_back({std::string(core::to_string(static_cast<core::failure_kind>(k))), counts[k]});
    return out;
}

} // namespace

endpoint_record endpoint_of(const stats::entry& row, const stats::aggregate& stats)
{
    endpoint_record e;
    e.method = row.method;
    e.name = row.name;
    e.requests = row.num_requests;
    e.failures = row.num_failures;
    e.avg_ms = row.avg_response_time();
    e.min_ms = row.min_response_time;
    e.max_ms = row.max_response_time;
    e.avg_content_length = row.avg_content_length();
    e.rps = stats.total_rps(row);
    e.failures_per_s = stats.total_fail_per_sec(row);
    if (!row.response_times.empty()) {
        e.median_ms = stats::precise_ms(row.response_times, 50);
        for (double p : stats::reported_percentiles)
            e.percentiles.push_back({p, stats::precise_ms(row.response_times, p)});
    }
    if (!row.corrected_times.empty())
        for (double p : stats::reported_percentiles)
            e.corrected_percentiles.push_back({p, stats::precise_ms(row.corrected_times, p)});
    std::array<std::uint64_t, core::failure_kind_count> kinds{};
    if (&row == &stats.total()) {
        kinds = stats.errors().occurrences_by_kind();
    } else {
        for (const auto& err : stats.errors().rows())
            if (err.method == row.method && err.name == row.name)
                kinds[static_cast<std::size_t>(err.kind)] += err.occurrences;
    }
    e.failures_by_kind = by_kind(kinds);
    return e;
}

std::vector<threshold_record> threshold_records(std::span<const threshold_outcome> outcomes)
{
    std::vector<threshold_record> out;
    out.reserve(outcomes.size());
    for (const auto& o : outcomes)
        out.push_back({o.rule->text, o.row, o.measured, measured_text(*o.rule, o.measured), o.passed});
    return out;
}

run_record make_run_record(const stats::aggregate& stats, std::span<const threshold_outcome> outcomes,
                           verdict_record verdict, run_parameters parameters, const time_series& series,
                           double end_time)
{
    run_record r;
    r.parameters = std::move(parameters);
    r.start_time = stats.start_time();
    r.end_time = end_time;
    r.verdict = std::move(verdict);
    r.thresholds = threshold_records(outcomes);
    r.total = endpoint_of(stats.total(), stats);
    for (const stats::entry* row : stats.entries()) r.endpoints.push_back(endpoint_of(*row, stats));
    for (const auto& err : stats.errors().rows())
        if (err.occurrences)
            r.failures.push_back(
                {err.method, err.name, err.error, std::string(core::to_string(err.kind)), err.occurrences});
    for (const auto& ex : stats.exceptions()) r.exceptions.push_back({ex.count, ex.message, ex.traceback, ex.nodes});
    r.series = series.points();
    if (r.parameters.rate) {
        const auto& it = stats.iterations();
        r.iterations = iterations_record{it.started, it.late, it.dropped};
    }
    return r;
}

void series_recorder::note(const stats::aggregate& stats, std::int64_t users, double now)
{
    if (stats.start_time() != start_time_) {
        // The first tick, or a reset (--reset-stats): counting starts again at the new start.
        const auto start = static_cast<std::int64_t>(std::floor(stats.start_time()));
        if (start_time_ < 0 || start > next_second_) next_second_ = start;
        start_time_ = stats.start_time();
        recorded_requests_ = recorded_failures_ = 0;
    }
    users_.emplace_back(now, users);
    // Enough ticks to look back over the delay; the rest can go.
    const double keep_after = now - delay_s_ - 5;
    auto old = std::find_if(users_.begin(), users_.end(), [&](const auto& u) { return u.first >= keep_after; });
    if (old != users_.begin() && old != users_.end()) users_.erase(users_.begin(), std::prev(old));
}

std::int64_t series_recorder::users_at(double time) const
{
    // The last tick at or before `time`; the first one for earlier times.
    std::int64_t users = users_.empty() ? 0 : users_.front().second;
    for (const auto& [t, n] : users_) {
        if (t > time) break;
        users = n;
    }
    return users;
}

void series_recorder::settle(const stats::aggregate& stats, std::int64_t until_second, double end)
{
    const stats::entry& total = stats.total();
    for (; next_second_ < until_second; ++next_second_) {
        const auto s = next_second_;
        time_point p;
        p.time = std::min(static_cast<double>(s + 1), end);
        p.seconds = p.time - static_cast<double>(s);
        if (p.seconds <= 0) continue;
        p.users = users_at(p.time);
        p.requests = total.num_reqs_per_sec.at(s);
        p.failures = total.num_fail_per_sec.at(s);
        const stats::histogram recent = stats.recent_response_times(total, s);
        p.p50_ms = stats::precise_ms(recent, 50);
        p.p95_ms = stats::precise_ms(recent, 95);
        p.p99_ms = stats::precise_ms(recent, 99);
        series_.add(p);
        recorded_requests_ += p.requests;
        recorded_failures_ += p.failures;
    }
}

void series_recorder::sample(const stats::aggregate& stats, std::int64_t users, double now)
{
    note(stats, users, now);
    settle(stats, static_cast<std::int64_t>(std::floor(now - delay_s_)), now);
}

void series_recorder::finish(const stats::aggregate& stats, std::int64_t users, double now)
{
    note(stats, users, now);
    settle(stats, static_cast<std::int64_t>(std::ceil(now)), now);
    const stats::entry& total = stats.total();
    time_point late;
    late.time = now;
    late.users = users;
    late.requests = total.num_requests > recorded_requests_ ? total.num_requests - recorded_requests_ : 0;
    late.failures = total.num_failures > recorded_failures_ ? total.num_failures - recorded_failures_ : 0;
    if (late.requests || late.failures || series_.points().empty()) series_.add_to_last(late);
}

} // namespace hornet::report
