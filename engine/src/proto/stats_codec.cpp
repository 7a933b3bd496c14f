// stats message codec: Locust buckets for Python masters, HDR counters for Hornet masters.
#include "proto/stats_codec.hpp"

#include "proto/error_key.hpp"
#include "proto/reader.hpp"

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

bool read_hdr(reader& r, stats::histogram& out)
{
    item a;
    if (!r.next(a)) return false;
    if (a.kind != value::kind::array || a.count != 4) return r.fail("hornet_hdr is not an array of 4");
    item min, max, sum, pairs;
    if (!r.next(min) || !r.next(max) || !r.next(sum) || !r.next(pairs)) return false;
    if (!min.as_uint64() || !max.as_uint64() || !sum.as_uint64() || pairs.kind != value::kind::bin)
        return r.fail("hornet_hdr has a field of the wrong type");
    out.reset();
    std::size_t pos = 0;
    std::uint64_t v = 0;
    bool first = true;
    while (pos < pairs.bytes.size()) {
        std::uint64_t delta, n;
        if (!get_varint(pairs.bytes, pos, delta) || !get_varint(pairs.bytes, pos, n))
            return r.fail("hornet_hdr pairs are truncated");
        if ((!first && delta == 0) || n == 0 || delta > stats::histogram::highest_value - v)
            return r.fail("hornet_hdr pairs are not ascending non-empty counters");
        v += delta;
        first = false;
        out.record(v, n);
    }
    out.set_exact(*min.as_uint64(), *max.as_uint64(), *sum.as_uint64());
    return true;
}

std::string quoted(std::string_view key)
{
    return "'" + std::string(key) + "'";
}

bool read_count(reader& r, std::string_view key, std::uint64_t& out)
{
    item it;
    if (!r.next(it)) return false;
    auto n = it.as_uint64();
    if (!n) return r.fail(quoted(key) + " is not a non-negative integer");
    out = *n;
    return true;
}

bool read_ms(reader& r, std::string_view key, std::optional<double>& out, bool nil_allowed)
{
    item it;
    if (!r.next(it)) return false;
    if (nil_allowed && it.kind == value::kind::nil) {
        out.reset();
        return true;
    }
    auto d = it.as_double();
    if (!d || !std::isfinite(*d)) return r.fail(quoted(key) + " is not a finite number");
    out = *d;
    return true;
}

bool read_ms(reader& r, std::string_view key, double& out)
{
    std::optional<double> d;
    if (!read_ms(r, key, d, false)) return false;
    out = *d;
    return true;
}

bool read_per_second(reader& r, std::string_view key, stats::per_second& out)
{
    out.clear();
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail(quoted(key) + " is not a map");
    for (std::uint64_t k = 0; k < m.count; ++k) {
        item when, n;
        if (!r.next(when)) return false;
        std::int64_t second;
        if (auto i = when.as_int64()) {
            second = *i;
        } else if (auto d = when.as_double(); d && std::isfinite(*d) && std::fabs(*d) < 1e15) {
            second = static_cast<std::int64_t>(std::floor(*d));
        } else {
            return r.fail(quoted(key) + " has a key that is not an epoch second");
        }
        if (!r.next(n)) return false;
        auto count = n.as_uint64();
        if (!count) return r.fail(quoted(key) + " has a count that is not a non-negative integer");
        out.add(second, *count);
    }
    return true;
}

// With `out` null the buckets are only checked: an entry carrying hornet_hdr gets its histogram
// from there, and filling one from the coarser buckets first was most of a Hornet master's cost.
bool read_buckets(reader& r, stats::histogram* out)
{
    if (out) out->reset();
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail("'response_times' is not a map");
    for (std::uint64_t k = 0; k < m.count; ++k) {
        item key, n;
        if (!r.next(key)) return false;
        auto ms = key.as_double();
        // 2.12 sends float keys (150.0) for HttpUser times >= 100 ms; they name whole ms.
        if (!ms || !std::isfinite(*ms) || *ms < 0) return r.fail("'response_times' has a key that is not a time");
        if (!r.next(n)) return false;
        auto count = n.as_uint64();
        if (!count) return r.fail("'response_times' has a count that is not a non-negative integer");
        if (*count == 0 || !out) continue;
        const double us = std::min(*ms * 1000.0, static_cast<double>(stats::histogram::highest_value));
        out->record(static_cast<std::uint64_t>(std::llround(us)), *count);
    }
    return true;
}

bool read_text(reader& r, std::string& out, bool nil_allowed, const std::string& what)
{
    item it;
    if (!r.next(it)) return false;
    if (nil_allowed && it.kind == value::kind::nil) return true;
    auto text = it.as_text();
    if (!text) return r.fail(what);
    out.assign(*text);
    return true;
}

// One StatsEntry map. Fields come in any order; the buckets are read on a second pass, only
// when the entry has no hornet_hdr (which comes after them).
bool read_entry(reader& r, stats::entry& out, bool& had_hdr)
{
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail("stats entry is not a map");
    out = stats::entry();
    had_hdr = false;
    bool named = false;
    bool started = false;
    std::size_t buckets_from = 0;
    std::size_t buckets_to = 0;
    for (std::uint64_t k = 0; k < m.count; ++k) {
        std::optional<std::string_view> key;
        if (!r.read_key(key)) return false;
        bool ok = true;
        if (!key) {
            ok = r.skip();
        } else if (*key == "name") {
            ok = read_text(r, out.name, false, "stats entry 'name' is missing or not a string");
            named = true;
        } else if (*key == "method") {
            out.method.clear();
            ok = read_text(r, out.method, true, "stats entry 'method' is not a string");
        } else if (*key == "last_request_timestamp") {
            ok = read_ms(r, *key, out.last_request_timestamp, true);
        } else if (*key == "start_time") {
            ok = read_ms(r, *key, out.start_time);
            started = true;
        } else if (*key == "num_requests") {
            ok = read_count(r, *key, out.num_requests);
        } else if (*key == "num_none_requests") {
            ok = read_count(r, *key, out.num_none_requests);
        } else if (*key == "num_failures") {
            ok = read_count(r, *key, out.num_failures);
        } else if (*key == "total_content_length") {
            ok = read_count(r, *key, out.total_content_length);
        } else if (*key == "total_response_time") {
            ok = read_ms(r, *key, out.total_response_time);
        } else if (*key == "max_response_time") {
            ok = read_ms(r, *key, out.max_response_time);
        } else if (*key == "min_response_time") {
            ok = read_ms(r, *key, out.min_response_time, true);
        } else if (*key == "response_times") {
            buckets_from = r.pos();
            ok = read_buckets(r, nullptr);
            buckets_to = r.pos();
        } else if (*key == "num_reqs_per_sec") {
            ok = read_per_second(r, *key, out.num_reqs_per_sec);
        } else if (*key == "num_fail_per_sec") {
            ok = read_per_second(r, *key, out.num_fail_per_sec);
        } else if (*key == stats_report::hdr_key) {
            ok = read_hdr(r, out.response_times);
            had_hdr = true;
        } else if (*key == stats_report::corrected_key) {
            ok = read_hdr(r, out.corrected_times);
        } else {
            ok = r.skip();
        }
        if (!ok) return false;
    }
    if (!named) return r.fail("stats entry 'name' is missing or not a string");
    // Locust's default is "now"; without a clock here, the last request time is the best guess.
    if (!started) out.start_time = out.last_request_timestamp.value_or(0.0);
    if (!had_hdr && buckets_to > buckets_from) {
        reader again(r.span(buckets_from, buckets_to), r.limits());
        read_buckets(again, &out.response_times);
    }
    return true;
}

// One errors row: {name, method, error, occurrences} (+ hornet_kind from Hornet workers).
bool read_error_row(reader& r, stats::error_table& out)
{
    static const std::string shape = "an 'errors' row lacks name, error or occurrences, or has a wrong type";
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail(shape);
    std::string method, name, error, kind;
    bool named = false, described = false, counted = false;
    std::uint64_t occurrences = 0;
    for (std::uint64_t k = 0; k < m.count; ++k) {
        std::optional<std::string_view> key;
        if (!r.read_key(key)) return false;
        bool ok = true;
        if (key == "name") {
            ok = read_text(r, name, false, shape);
            named = true;
        } else if (key == "error") {
            ok = read_text(r, error, false, shape);
            described = true;
        } else if (key == "method") {
            method.clear();
            ok = read_text(r, method, true, shape);
        } else if (key == "occurrences") {
            item n;
            ok = r.next(n) && (n.as_uint64() || r.fail(shape));
            occurrences = n.as_uint64().value_or(0);
            counted = true;
        } else if (key == "hornet_kind") {
            item n;
            ok = r.next(n) && r.skip_contents(n);
            kind.assign(n.as_text().value_or(std::string_view()));
        } else {
            ok = r.skip();
        }
        if (!ok) return false;
    }
    if (!named || !described || !counted) return r.fail(shape);
    out.add(method, name, error, occurrences,
            kind.empty() ? core::failure_kind::other : core::failure_kind_from_name(kind));
    return true;
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

bool read_stats(reader& r, stats_report& out)
{
    item top;
    if (!r.next(top)) return false;
    if (top.kind != value::kind::map) return r.fail("data is not a map");
    out = stats_report();
    bool listed = false, totalled = false, with_errors = false, with_classes = false, counted = false;
    bool exact = true;
    bool total_exact = false;
    for (std::uint64_t k = 0; k < top.count; ++k) {
        std::optional<std::string_view> key;
        if (!r.read_key(key)) return false;
        if (key == "stats") {
            item a;
            if (!r.next(a)) return false;
            if (a.kind != value::kind::array) return r.fail("'stats' is missing or not an array");
            auto& entries = out.snapshot.entries;
            entries.clear();
            exact = true;
            // Grown one entry at a time: an entry is far larger than the byte that may claim it.
            for (std::uint64_t e = 0; e < a.count; ++e) {
                bool had_hdr = false;
                if (!read_entry(r, entries.emplace_back(), had_hdr)) return false;
                exact = exact && had_hdr;
            }
            listed = true;
        } else if (key == "stats_total") {
            if (!read_entry(r, out.snapshot.total, total_exact)) return r.prefix_failure("stats_total: ");
            totalled = true;
        } else if (key == "errors") {
            item m;
            if (!r.next(m)) return false;
            if (m.kind != value::kind::map) return r.fail("'errors' is missing or not a map");
            out.snapshot.errors.clear();
            for (std::uint64_t e = 0; e < m.count; ++e)
                if (!r.skip() || !read_error_row(r, out.snapshot.errors)) return false; // the key repeats the row
            with_errors = true;
        } else if (key == "user_classes_count") {
            value counts;
            if (!r.read_value(counts)) return false;
            if (auto c = class_counts_from_value(counts, out.user_classes_count); !c) return r.fail(c.error().detail);
            with_classes = true;
        } else if (key == stats_report::iterations_key) {
            item a, started, late, dropped;
            if (!r.next(a)) return false;
            if (a.kind != value::kind::array || a.count != 3)
                return r.fail("'hornet_iterations' is not an array of 3 counts");
            if (!r.next(started) || !r.next(late) || !r.next(dropped)) return false;
            if (!started.as_uint64() || !late.as_uint64() || !dropped.as_uint64())
                return r.fail("'hornet_iterations' holds something other than counts");
            out.snapshot.iterations = {*started.as_uint64(), *late.as_uint64(), *dropped.as_uint64()};
        } else if (key == "user_count") {
            item n;
            if (!r.next(n)) return false;
            auto i = n.as_int64();
            if (!i || *i < 0) return r.fail("'user_count' is not a non-negative integer");
            out.user_count = *i;
            counted = true;
        } else if (!r.skip()) {
            return false;
        }
    }
    if (!listed) return r.fail("'stats' is missing or not an array");
    if (!totalled) return r.fail("'stats_total' is missing");
    if (!with_errors) return r.fail("'errors' is missing or not a map");
    if (!with_classes) return r.fail("'user_classes_count' is missing");
    out.exact = exact && total_exact;
    if (!counted) {
        out.user_count = 0;
        for (const auto& [name, n] : out.user_classes_count)
            out.user_count = n > INT64_MAX - out.user_count ? INT64_MAX : out.user_count + n;
    }
    return true;
}

core::result<void> from_value(const value& data, stats_report& out)
{
    const std::string bytes = encode(data);
    reader r(bytes);
    if (!read_stats(r, out)) return r.failure();
    return {};
}

} // namespace hornet::proto
