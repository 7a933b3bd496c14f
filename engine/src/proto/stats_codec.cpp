// stats message encoding: Locust buckets for Python masters, HDR counters for Hornet masters
// (the reading side is in stats_payload.cpp).
#include "proto/stats_codec.hpp"

#include "proto/error_key.hpp"

namespace hornet::proto {

namespace {

// Round half to even of n / unit, in integers (Python's round() on the float gives the same:
// ties are exact in binary and non-ties are far from them).
std::uint64_t round_div(std::uint64_t n, std::uint64_t unit) noexcept
{
    std::uint64_t q = n / unit;
    const std::uint64_t r = n % unit;
    if (2 * r > unit || (2 * r == unit && (q & 1))) ++q;
    return q;
}

value::map_type per_second_map(const stats::per_second& ps)
{
    value::map_type m;
    m.reserve(ps.size());
    for (const auto& [second, n] : ps.items()) m.emplace_back(value(second), value(n));
    return m;
}

void put_varint(std::string& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

// [min_us, max_us, sum_us, bin of varint pairs (value delta, count)]: about 2-4 bytes per
// non-empty counter.
value hdr_to_value(const stats::histogram& h)
{
    std::string pairs;
    std::uint64_t previous = 0;
    h.for_each([&](std::uint64_t v, std::uint64_t n) {
        put_varint(pairs, v - previous);
        put_varint(pairs, n);
        previous = v;
    });
    return value(value::array_type{value(h.min()), value(h.max()), value(h.sum()), value::binary(std::move(pairs))});
}

} // namespace

std::int64_t locust_bucket_ms(std::uint64_t us) noexcept
{
    if (us < 100'000) return static_cast<std::int64_t>(round_div(us, 1'000));
    if (us < 1'000'000) return static_cast<std::int64_t>(round_div(us, 10'000) * 10);
    if (us < 10'000'000) return static_cast<std::int64_t>(round_div(us, 100'000) * 100);
    return static_cast<std::int64_t>(round_div(us, 1'000'000) * 1000);
}

value entry_to_value(const stats::entry& e, const stats_encode_options& options)
{
    // Locust starts these at int 0 and they turn float with the first (float) response time.
    const bool timed = e.min_response_time.has_value();
    value::map_type buckets;
    e.response_times.for_each([&](std::uint64_t us, std::uint64_t n) {
        const std::int64_t key = locust_bucket_ms(us);
        // The mapping is monotonic, so equal keys are adjacent.
        if (!buckets.empty() && buckets.back().first.as_int64() == key)
            buckets.back().second = value(*buckets.back().second.as_uint64() + n);
        else
            buckets.emplace_back(value(key), value(n));
    });
    value::map_type m{
        {value("name"), value(e.name)},
        {value("method"), value(e.method)},
        {value("last_request_timestamp"), e.last_request_timestamp ? value(*e.last_request_timestamp) : value()},
        {value("start_time"), value(e.start_time)},
        {value("num_requests"), value(e.num_requests)},
        {value("num_none_requests"), value(e.num_none_requests)},
        {value("num_failures"), value(e.num_failures)},
        {value("total_response_time"), timed ? value(e.total_response_time) : value(0)},
        {value("max_response_time"), timed ? value(e.max_response_time) : value(0)},
        {value("min_response_time"), timed ? value(*e.min_response_time) : value()},
        {value("total_content_length"), value(e.total_content_length)},
        {value("response_times"), value(std::move(buckets))},
        {value("num_reqs_per_sec"), value(per_second_map(e.num_reqs_per_sec))},
        {value("num_fail_per_sec"), value(per_second_map(e.num_fail_per_sec))},
    };
    if (options.hornet_hdr) m.emplace_back(value(stats_report::hdr_key), hdr_to_value(e.response_times));
    if (options.hornet_hdr && !e.corrected_times.empty())
        m.emplace_back(value(stats_report::corrected_key), hdr_to_value(e.corrected_times));
    return value(std::move(m));
}

value to_value(const stats_report& r, const stats_encode_options& options)
{
    value::array_type entries;
    entries.reserve(r.snapshot.entries.size());
    for (const auto& e : r.snapshot.entries) entries.push_back(entry_to_value(e, options));
    value::map_type errors;
    errors.reserve(r.snapshot.errors.size());
    for (const auto& row : r.snapshot.errors.rows()) {
        value::map_type fields{
            {value("name"), value(row.name)},
            {value("method"), value(row.method)},
            {value("error"), value(row.error)},
            {value("occurrences"), value(row.occurrences)},
        };
        if (options.hornet_kind && row.kind != core::failure_kind::other)
            fields.emplace_back(value("hornet_kind"), value(std::string(core::to_string(row.kind))));
        errors.emplace_back(value(error_key(row.method, row.name, row.error)), value(std::move(fields)));
    }
    value::map_type top{
        {value("stats"), value(std::move(entries))}, {value("stats_total"), entry_to_value(r.snapshot.total, options)},
        {value("errors"), value(std::move(errors))}, {value("user_classes_count"), to_value(r.user_classes_count)},
        {value("user_count"), value(r.user_count)},
    };
    if (const auto& it = r.snapshot.iterations; !it.empty())
        top.emplace_back(value(stats_report::iterations_key),
                         value(value::array_type{value(it.started), value(it.late), value(it.dropped)}));
    return value(std::move(top));
}

value to_value(const stats_report& r)
{
    return to_value(r, stats_encode_options{});
}

} // namespace hornet::proto
