// StatsEntry counters: logging, merging, derived metrics.
#include "stats/entry.hpp"

#include <algorithm>
#include <cmath>

namespace hornet::stats {

entry::entry(std::string method_, std::string name_, double start_time_)
    : method(std::move(method_)), name(std::move(name_)), start_time(start_time_)
{}

void entry::log(double response_time_ms, std::uint64_t content_length, double wall_time)
{
    ++num_requests;
    num_reqs_per_sec.add(static_cast<std::int64_t>(std::floor(wall_time)));
    if (!last_request_timestamp || wall_time > *last_request_timestamp) last_request_timestamp = wall_time;
    total_content_length += content_length;

    if (std::isnan(response_time_ms)) {
        ++num_none_requests;
        return;
    }
    double ms = std::max(response_time_ms, 0.0);
    total_response_time += ms;
    if (!min_response_time || ms < *min_response_time) min_response_time = ms;
    max_response_time = std::max(max_response_time, ms);
    response_times.record(static_cast<std::uint64_t>(std::llround(ms * 1000.0)));
}

void entry::log_error(double wall_time)
{
    ++num_failures;
    num_fail_per_sec.add(static_cast<std::int64_t>(std::floor(wall_time)));
}

void entry::log_corrected(double corrected_ms)
{
    if (std::isnan(corrected_ms)) return;
    corrected_times.record(static_cast<std::uint64_t>(std::llround(std::max(corrected_ms, 0.0) * 1000.0)));
}

void entry::merge(const entry& other)
{
    if (other.last_request_timestamp &&
        (!last_request_timestamp || *other.last_request_timestamp > *last_request_timestamp))
        last_request_timestamp = other.last_request_timestamp;
    start_time = std::min(start_time, other.start_time);
    num_requests += other.num_requests;
    num_none_requests += other.num_none_requests;
    num_failures += other.num_failures;
    total_response_time += other.total_response_time;
    total_content_length += other.total_content_length;
    max_response_time = std::max(max_response_time, other.max_response_time);
    if (other.min_response_time && (!min_response_time || *other.min_response_time < *min_response_time))
        min_response_time = other.min_response_time;
    response_times.merge(other.response_times);
    corrected_times.merge(other.corrected_times);
    num_reqs_per_sec.merge(other.num_reqs_per_sec);
    num_fail_per_sec.merge(other.num_fail_per_sec);
}

void entry::reset(double now)
{
    num_requests = num_none_requests = num_failures = 0;
    total_response_time = 0;
    min_response_time.reset();
    max_response_time = 0;
    total_content_length = 0;
    response_times.reset();
    corrected_times.reset();
    last_request_timestamp.reset();
    start_time = now;
    num_reqs_per_sec.clear();
    num_fail_per_sec.clear();
}

entry entry::corrected() const
{
    entry out = *this;
    out.response_times = corrected_times;
    if (corrected_times.empty()) {
        out.min_response_time.reset();
        out.max_response_time = 0;
        out.total_response_time = 0;
        return out;
    }
    out.min_response_time = static_cast<double>(corrected_times.min()) / 1000.0;
    out.max_response_time = static_cast<double>(corrected_times.max()) / 1000.0;
    out.total_response_time = static_cast<double>(corrected_times.sum()) / 1000.0;
    return out;
}

double entry::avg_response_time() const noexcept
{
    std::uint64_t timed = num_requests - std::min(num_none_requests, num_requests);
    return timed ? total_response_time / static_cast<double>(timed) : 0.0;
}

double entry::fail_ratio() const noexcept
{
    if (num_requests == 0) return num_failures > 0 ? 1.0 : 0.0;
    return static_cast<double>(num_failures) / static_cast<double>(num_requests);
}

double entry::avg_content_length() const noexcept
{
    return num_requests ? static_cast<double>(total_content_length) / static_cast<double>(num_requests) : 0.0;
}

std::int64_t entry::to_printed_ms(std::uint64_t value_us) const noexcept
{
    double ms = static_cast<double>(value_us) / 1000.0;
    // The histogram's precision can put a value slightly past the exact extremes.
    if (ms > max_response_time) ms = max_response_time;
    if (min_response_time && ms < *min_response_time) ms = *min_response_time;
    return round_ms(ms);
}

std::int64_t entry::median_response_time() const
{
    return percentile(50);
}

std::int64_t entry::percentile(double percent) const
{
    if (response_times.empty()) return 0;
    return to_printed_ms(response_times.value_at_percentile(percent));
}

percentile_values entry::percentiles() const
{
    percentile_values result{};
    if (response_times.empty()) return result;
    std::array<std::uint64_t, reported_percentiles.size()> us{};
    response_times.values_at_percentiles(reported_percentiles, us);
    for (std::size_t i = 0; i < us.size(); ++i) result[i] = to_printed_ms(us[i]);
    return result;
}

} // namespace hornet::stats
