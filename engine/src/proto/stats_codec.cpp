// stats message codec: Locust buckets for Python masters, HDR counters for Hornet masters.
#include "proto/stats_codec.hpp"

#include "proto/error_key.hpp"

#include <cmath>
#include <limits>

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

bool get_varint(std::string_view in, std::size_t& pos, std::uint64_t& v)
{
    v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size()) return false;
        const auto b = static_cast<std::uint8_t>(in[pos++]);
        if (shift == 63 && b > 1) return false; // more than 64 bits
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
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

std::string hdr_from_value(const value& data, stats::histogram& out)
{
    const value::array_type* a = data.as_array();
    if (!a || a->size() != 4) return "hornet_hdr is not an array of 4";
    auto min = (*a)[0].as_uint64();
    auto max = (*a)[1].as_uint64();
    auto sum = (*a)[2].as_uint64();
    const std::string* pairs = (*a)[3].as_bin();
    if (!min || !max || !sum || !pairs) return "hornet_hdr has a field of the wrong type";
    out.reset();
    std::size_t pos = 0;
    std::uint64_t v = 0;
    bool first = true;
    while (pos < pairs->size()) {
        std::uint64_t delta, n;
        if (!get_varint(*pairs, pos, delta) || !get_varint(*pairs, pos, n)) return "hornet_hdr pairs are truncated";
        if ((!first && delta == 0) || n == 0 || delta > stats::histogram::highest_value - v)
            return "hornet_hdr pairs are not ascending non-empty counters";
        v += delta;
        first = false;
        out.record(v, n);
    }
    out.set_exact(*min, *max, *sum);
    return {};
}

bool read_count(const value& data, std::string_view key, std::uint64_t& out, std::string& why)
{
    const value* v = data.find(key);
    if (!v) return true;
    auto n = v->as_uint64();
    if (!n) {
        why = "'" + std::string(key) + "' is not a non-negative integer";
        return false;
    }
    out = *n;
    return true;
}

bool read_ms(const value& data, std::string_view key, double& out, std::string& why)
{
    const value* v = data.find(key);
    if (!v) return true;
    auto d = v->as_double();
    if (!d || !std::isfinite(*d)) {
        why = "'" + std::string(key) + "' is not a finite number";
        return false;
    }
    out = *d;
    return true;
}

bool read_optional_ms(const value& data, std::string_view key, std::optional<double>& out, std::string& why)
{
    const value* v = data.find(key);
    if (!v || v->is_nil()) {
        out.reset();
        return true;
    }
    double d = 0;
    if (!read_ms(data, key, d, why)) return false;
    out = d;
    return true;
}

std::string per_second_from_value(const value* data, std::string_view key, stats::per_second& out)
{
    out.clear();
    if (!data) return {};
    const value::map_type* m = data->as_map();
    if (!m) return "'" + std::string(key) + "' is not a map";
    for (const auto& [k, n] : *m) {
        std::int64_t second;
        if (auto i = k.as_int64()) {
            second = *i;
        } else if (auto d = k.as_double(); d && std::isfinite(*d) && std::fabs(*d) < 1e15) {
            second = static_cast<std::int64_t>(std::floor(*d));
        } else {
            return "'" + std::string(key) + "' has a key that is not an epoch second";
        }
        auto count = n.as_uint64();
        if (!count) return "'" + std::string(key) + "' has a count that is not a non-negative integer";
        out.add(second, *count);
    }
    return {};
}

// With `out` null the buckets are only checked: an entry carrying hornet_hdr gets its histogram
// from there, and filling one from the coarser buckets first was most of a Hornet master's cost.
std::string buckets_from_value(const value* data, stats::histogram* out)
{
    if (out) out->reset();
    if (!data) return {};
    const value::map_type* m = data->as_map();
    if (!m) return "'response_times' is not a map";
    for (const auto& [k, n] : *m) {
        auto ms = k.as_double();
        // 2.12 sends float keys (150.0) for HttpUser times >= 100 ms; they name whole ms.
        if (!ms || !std::isfinite(*ms) || *ms < 0) return "'response_times' has a key that is not a time";
        auto count = n.as_uint64();
        if (!count) return "'response_times' has a count that is not a non-negative integer";
        if (*count == 0 || !out) continue;
        const double us = std::min(*ms * 1000.0, static_cast<double>(stats::histogram::highest_value));
        out->record(static_cast<std::uint64_t>(std::llround(us)), *count);
    }
    return {};
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
    return value(std::move(m));
}

std::string entry_from_value(const value& data, stats::entry& out, bool& had_hdr)
{
    if (!data.as_map()) return "stats entry is not a map";
    const value* name = data.find("name");
    if (!name || !name->as_text()) return "stats entry 'name' is missing or not a string";
    out = stats::entry();
    out.name = *name->as_text();
    if (const value* method = data.find("method"); method && !method->is_nil()) {
        if (!method->as_text()) return "stats entry 'method' is not a string";
        out.method = *method->as_text();
    }
    std::string why;
    if (!read_optional_ms(data, "last_request_timestamp", out.last_request_timestamp, why)) return why;
    // Locust's default is "now"; without a clock here, the last request time is the best guess.
    out.start_time = out.last_request_timestamp.value_or(0.0);
    if (!read_ms(data, "start_time", out.start_time, why)) return why;
    if (!read_count(data, "num_requests", out.num_requests, why) ||
        !read_count(data, "num_none_requests", out.num_none_requests, why) ||
        !read_count(data, "num_failures", out.num_failures, why) ||
        !read_count(data, "total_content_length", out.total_content_length, why))
        return why;
    if (!read_ms(data, "total_response_time", out.total_response_time, why) ||
        !read_ms(data, "max_response_time", out.max_response_time, why) ||
        !read_optional_ms(data, "min_response_time", out.min_response_time, why))
        return why;
    const value* hdr = data.find(stats_report::hdr_key);
    why = buckets_from_value(data.find("response_times"), hdr ? nullptr : &out.response_times);
    if (!why.empty()) return why;
    why = per_second_from_value(data.find("num_reqs_per_sec"), "num_reqs_per_sec", out.num_reqs_per_sec);
    if (!why.empty()) return why;
    why = per_second_from_value(data.find("num_fail_per_sec"), "num_fail_per_sec", out.num_fail_per_sec);
    if (!why.empty()) return why;
    had_hdr = false;
    if (hdr) {
        why = hdr_from_value(*hdr, out.response_times);
        if (!why.empty()) return why;
        had_hdr = true;
    }
    return {};
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
    return value(value::map_type{
        {value("stats"), value(std::move(entries))},
        {value("stats_total"), entry_to_value(r.snapshot.total, options)},
        {value("errors"), value(std::move(errors))},
        {value("user_classes_count"), to_value(r.user_classes_count)},
        {value("user_count"), value(r.user_count)},
    });
}

value to_value(const stats_report& r)
{
    return to_value(r, stats_encode_options{});
}

std::string from_value(const value& data, stats_report& out)
{
    if (!data.as_map()) return "data is not a map";
    out = stats_report();
    const value* entries = data.find("stats");
    if (!entries || !entries->as_array()) return "'stats' is missing or not an array";
    bool exact = true;
    out.snapshot.entries.reserve(entries->as_array()->size());
    for (const auto& item : *entries->as_array()) {
        stats::entry e;
        bool had_hdr = false;
        std::string why = entry_from_value(item, e, had_hdr);
        if (!why.empty()) return why;
        exact = exact && had_hdr;
        out.snapshot.entries.push_back(std::move(e));
    }
    const value* total = data.find("stats_total");
    if (!total) return "'stats_total' is missing";
    bool had_hdr = false;
    std::string why = entry_from_value(*total, out.snapshot.total, had_hdr);
    if (!why.empty()) return "stats_total: " + why;
    out.exact = exact && had_hdr;

    const value* errors = data.find("errors");
    if (!errors || !errors->as_map()) return "'errors' is missing or not a map";
    for (const auto& [key, row] : *errors->as_map()) {
        const value* method = row.find("method");
        const value* name = row.find("name");
        const value* error = row.find("error");
        const value* occurrences = row.find("occurrences");
        if (!row.as_map() || !name || !name->as_text() || !error || !error->as_text() || !occurrences ||
            !occurrences->as_uint64() || (method && !method->is_nil() && !method->as_text()))
            return "an 'errors' row lacks name, error or occurrences, or has a wrong type";
        const std::string* m = method ? method->as_text() : nullptr;
        const value* kind = row.find("hornet_kind"); // from Hornet workers only
        const std::string* kind_name = kind ? kind->as_text() : nullptr;
        out.snapshot.errors.add(m ? *m : std::string_view(), *name->as_text(), *error->as_text(),
                                *occurrences->as_uint64(),
                                kind_name ? core::failure_kind_from_name(*kind_name) : core::failure_kind::other);
    }

    const value* ucc = data.find("user_classes_count");
    if (!ucc) return "'user_classes_count' is missing";
    why = class_counts_from_value(*ucc, out.user_classes_count);
    if (!why.empty()) return why;
    out.user_count = 0;
    if (const value* n = data.find("user_count")) {
        auto i = n->as_int64();
        if (!i || *i < 0) return "'user_count' is not a non-negative integer";
        out.user_count = *i;
    } else {
        for (const auto& [name, n] : out.user_classes_count)
            out.user_count = n > INT64_MAX - out.user_count ? INT64_MAX : out.user_count + n;
    }
    return {};
}

} // namespace hornet::proto
