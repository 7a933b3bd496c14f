// From live statistics to report values.
#include "report/record_builder.hpp"

#include "core/failure_kind.hpp"
#include "stats/percentiles.hpp"

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
    return r;
}

void series_recorder::sample(const stats::aggregate& stats, std::int64_t users, double now)
{
    const stats::entry& total = stats.total();
    // A reset (--reset-stats, the web UI's) makes the totals start again from 0.
    if (total.num_requests < last_requests_ || total.num_failures < last_failures_) last_requests_ = last_failures_ = 0;
    time_point p;
    p.time = now;
    p.seconds = last_time_ > 0 ? now - last_time_ : now - stats.start_time();
    if (p.seconds <= 0) p.seconds = 1;
    p.users = users;
    p.requests = total.num_requests - last_requests_;
    p.failures = total.num_failures - last_failures_;
    const stats::histogram recent = stats.recent_response_times(total, static_cast<std::int64_t>(std::floor(now)));
    p.p50_ms = stats::precise_ms(recent, 50);
    p.p95_ms = stats::precise_ms(recent, 95);
    p.p99_ms = stats::precise_ms(recent, 99);
    series_.add(p);
    last_requests_ = total.num_requests;
    last_failures_ = total.num_failures;
    last_time_ = now;
}

} // namespace hornet::report
