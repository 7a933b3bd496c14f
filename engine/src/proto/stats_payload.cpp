// Reading the worker `stats` message: one checking pass that locates each row's parts, then a
// merge (or a stats_report) that reads the response times and per-second counts from there.
#include "proto/stats_payload.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hornet::proto {

namespace {

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

// With `out` null the data is only checked (the first pass).
bool read_hdr(reader& r, stats::histogram* out)
{
    item a;
    if (!r.next(a)) return false;
    if (a.kind != value::kind::array || a.count != 4) return r.fail("hornet_hdr is not an array of 4");
    item min, max, sum, pairs;
    if (!r.next(min) || !r.next(max) || !r.next(sum) || !r.next(pairs)) return false;
    if (!min.as_uint64() || !max.as_uint64() || !sum.as_uint64() || pairs.kind != value::kind::bin)
        return r.fail("hornet_hdr has a field of the wrong type");
    if (out) out->reset();
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
        if (out) out->record(v, n);
    }
    if (out) out->set_exact(*min.as_uint64(), *max.as_uint64(), *sum.as_uint64());
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

// Adds the counts to `out` (merging, as per_second::merge does); null: checks only.
bool read_per_second(reader& r, std::string_view key, stats::per_second* out)
{
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
        if (out) out->add(second, *count);
    }
    return true;
}

// Calls record(µs, count) for every non-empty bucket (the first pass checks only).
template <class Record>
bool read_buckets(reader& r, Record&& record)
{
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
        if (*count == 0) continue;
        const double us = std::min(*ms * 1000.0, static_cast<double>(stats::histogram::highest_value));
        record(static_cast<std::uint64_t>(std::llround(us)), *count);
    }
    return true;
}

// A str (or bin) where the reader is, as a place in its input; nil gives an empty span when allowed.
bool read_text_span(reader& r, byte_span& out, bool nil_allowed, const std::string& what)
{
    item it;
    if (!r.next(it)) return false;
    if (nil_allowed && it.kind == value::kind::nil) {
        out = {};
        return true;
    }
    auto text = it.as_text();
    if (!text) return r.fail(what);
    out.from = static_cast<std::size_t>(text->data() - r.input().data());
    out.to = out.from + text->size();
    return true;
}

// Reads one value with `read`, keeping where it lies.
template <class Read>
bool locate(reader& r, byte_span& out, Read&& read)
{
    const std::size_t from = r.pos();
    if (!read()) return false;
    out = {from, r.pos()};
    return true;
}

// One StatsEntry map, fields in any order: counters and buckets read, the rest checked and located.
bool read_entry(reader& r, entry_fields& out, bool& had_hdr,
                std::vector<std::pair<std::uint64_t, std::uint64_t>>& times)
{
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail("stats entry is not a map");
    had_hdr = false;
    bool named = false;
    bool started = false;
    stats::entry& c = out.counters;
    for (std::uint64_t k = 0; k < m.count; ++k) {
        std::optional<std::string_view> key;
        if (!r.read_key(key)) return false;
        bool ok = true;
        if (!key) {
            ok = r.skip();
        } else if (*key == "name") {
            ok = read_text_span(r, out.name, false, "stats entry 'name' is missing or not a string");
            named = true;
        } else if (*key == "method") {
            ok = read_text_span(r, out.method, true, "stats entry 'method' is not a string");
        } else if (*key == "last_request_timestamp") {
            ok = read_ms(r, *key, c.last_request_timestamp, true);
        } else if (*key == "start_time") {
            ok = read_ms(r, *key, c.start_time);
            started = true;
        } else if (*key == "num_requests") {
            ok = read_count(r, *key, c.num_requests);
        } else if (*key == "num_none_requests") {
            ok = read_count(r, *key, c.num_none_requests);
        } else if (*key == "num_failures") {
            ok = read_count(r, *key, c.num_failures);
        } else if (*key == "total_content_length") {
            ok = read_count(r, *key, c.total_content_length);
        } else if (*key == "total_response_time") {
            ok = read_ms(r, *key, c.total_response_time);
        } else if (*key == "max_response_time") {
            ok = read_ms(r, *key, c.max_response_time);
        } else if (*key == "min_response_time") {
            ok = read_ms(r, *key, c.min_response_time, true);
        } else if (*key == "response_times") {
            // Kept as read: reading them again at the merge was a third of the parsing.
            const std::size_t from = times.size();
            ok = read_buckets(r, [&](std::uint64_t us, std::uint64_t n) { times.emplace_back(us, n); });
            out.times_from = from;
            out.times_to = times.size();
        } else if (*key == "num_reqs_per_sec") {
            ok = locate(r, out.reqs_per_sec, [&] { return read_per_second(r, *key, nullptr); });
        } else if (*key == "num_fail_per_sec") {
            ok = locate(r, out.fail_per_sec, [&] { return read_per_second(r, *key, nullptr); });
        } else if (*key == stats_report::hdr_key) {
            ok = locate(r, out.hdr, [&] { return read_hdr(r, nullptr); });
            had_hdr = true;
        } else if (*key == stats_report::corrected_key) {
            ok = locate(r, out.corrected, [&] { return read_hdr(r, nullptr); });
        } else {
            ok = r.skip();
        }
        if (!ok) return false;
    }
    if (!named) return r.fail("stats entry 'name' is missing or not a string");
    // Locust's default is "now"; without a clock here, the last request time is the best guess.
    if (!started) c.start_time = c.last_request_timestamp.value_or(0.0);
    return true;
}

// One errors row: {name, method, error, occurrences} (+ hornet_kind from Hornet workers).
bool read_error_row(reader& r, error_fields& out)
{
    static const std::string shape = "an 'errors' row lacks name, error or occurrences, or has a wrong type";
    item m;
    if (!r.next(m)) return false;
    if (m.kind != value::kind::map) return r.fail(shape);
    bool named = false, described = false, counted = false;
    std::string_view kind;
    for (std::uint64_t k = 0; k < m.count; ++k) {
        std::optional<std::string_view> key;
        if (!r.read_key(key)) return false;
        bool ok = true;
        if (key == "name") {
            ok = read_text_span(r, out.name, false, shape);
            named = true;
        } else if (key == "error") {
            ok = read_text_span(r, out.error, false, shape);
            described = true;
        } else if (key == "method") {
            ok = read_text_span(r, out.method, true, shape);
        } else if (key == "occurrences") {
            item n;
            ok = r.next(n) && (n.as_uint64() || r.fail(shape));
            out.occurrences = n.as_uint64().value_or(0);
            counted = true;
        } else if (key == "hornet_kind") {
            item n;
            ok = r.next(n) && r.skip_contents(n);
            kind = n.as_text().value_or(std::string_view());
        } else {
            ok = r.skip();
        }
        if (!ok) return false;
    }
    if (!named || !described || !counted) return r.fail(shape);
    out.kind = kind.empty() ? core::failure_kind::other : core::failure_kind_from_name(kind);
    return true;
}

// The HDR data of a checked span into `out`, through a histogram kept for the purpose: the exact
// min, max and sum it carries belong to its own counters, which are then merged as a whole.
void merge_hdr(std::string_view bytes, stats::histogram& out)
{
    thread_local stats::histogram decoded; // its chunks stay allocated from message to message
    reader r(bytes);
    read_hdr(r, &decoded);
    out.merge(decoded);
}

// The parts of a row the first pass only located, added into `row` (which may hold earlier
// deltas: everything here adds, as entry::merge does). Locust's buckets go to record(µs, n).
template <class Record>
void add_located(const stats_payload& p, const entry_fields& f, stats::entry& row, Record&& record)
{
    if (!f.hdr.empty()) {
        merge_hdr(p.text(f.hdr), row.response_times);
    } else {
        for (std::size_t i = f.times_from; i < f.times_to; ++i) record(p.times[i].first, p.times[i].second);
    }
    if (!f.corrected.empty()) merge_hdr(p.text(f.corrected), row.corrected_times);
    if (!f.reqs_per_sec.empty()) {
        reader again(p.text(f.reqs_per_sec));
        read_per_second(again, "num_reqs_per_sec", &row.num_reqs_per_sec);
    }
    if (!f.fail_per_sec.empty()) {
        reader again(p.text(f.fail_per_sec));
        read_per_second(again, "num_fail_per_sec", &row.num_fail_per_sec);
    }
}

stats::entry to_entry(const stats_payload& p, const entry_fields& f)
{
    stats::entry e = f.counters;
    e.name.assign(p.text(f.name));
    e.method.assign(p.text(f.method));
    add_located(p, f, e, [&](std::uint64_t us, std::uint64_t n) { e.response_times.record(us, n); });
    return e;
}

} // namespace

bool read_stats_payload(reader& r, stats_payload& out)
{
    out = stats_payload();
    out.bytes.assign(r.input());
    item top;
    if (!r.next(top)) return false;
    if (top.kind != value::kind::map) return r.fail("data is not a map");
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
            auto& entries = out.entries;
            entries.clear();
            // Every entry takes more than 8 bytes, so a count the bytes cannot hold reserves no more.
            entries.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(a.count, r.remaining() / 8)));
            exact = true;
            for (std::uint64_t e = 0; e < a.count; ++e) {
                bool had_hdr = false;
                if (!read_entry(r, entries.emplace_back(), had_hdr, out.times)) return false;
                exact = exact && had_hdr;
            }
            listed = true;
        } else if (key == "stats_total") {
            out.total = entry_fields();
            if (!read_entry(r, out.total, total_exact, out.times)) return r.prefix_failure("stats_total: ");
            totalled = true;
        } else if (key == "errors") {
            item m;
            if (!r.next(m)) return false;
            if (m.kind != value::kind::map) return r.fail("'errors' is missing or not a map");
            out.errors.clear();
            out.errors.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(m.count, r.remaining() / 8)));
            for (std::uint64_t e = 0; e < m.count; ++e)
                if (!r.skip() || !read_error_row(r, out.errors.emplace_back())) return false; // the key repeats the row
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
            out.iterations = {*started.as_uint64(), *late.as_uint64(), *dropped.as_uint64()};
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

void merge_stats(stats_payload& p, stats::snapshot_accumulator& into)
{
    // Locust's buckets go to the rows' tallies, the exact HDR data of Hornet workers straight
    // to the histograms (its min, max and sum are not a sum of buckets).
    auto add = [&](const entry_fields& f, stats::snapshot_accumulator::row& row) {
        add_located(p, f, row.stats, [&](std::uint64_t us, std::uint64_t n) { row.times.add(us, n); });
    };
    for (auto& f : p.entries) add(f, into.merge_row(p.text(f.method), p.text(f.name), std::move(f.counters)));
    // The total may become the accumulator's own: it keeps its names, as add() would.
    p.total.counters.name.assign(p.text(p.total.name));
    p.total.counters.method.assign(p.text(p.total.method));
    if (auto* total = into.merge_total(std::move(p.total.counters))) add(p.total, *total);
    for (const auto& e : p.errors)
        into.add_error(p.text(e.method), p.text(e.name), p.text(e.error), e.occurrences, e.kind);
    into.add_iterations(p.iterations);
}

stats_report to_report(const stats_payload& p)
{
    stats_report out;
    out.snapshot.entries.reserve(p.entries.size());
    for (const auto& f : p.entries) out.snapshot.entries.push_back(to_entry(p, f));
    out.snapshot.total = to_entry(p, p.total);
    for (const auto& e : p.errors)
        out.snapshot.errors.add(p.text(e.method), p.text(e.name), p.text(e.error), e.occurrences, e.kind);
    out.snapshot.iterations = p.iterations;
    out.user_classes_count = p.user_classes_count;
    out.user_count = p.user_count;
    out.exact = p.exact;
    return out;
}

bool read_stats(reader& r, stats_report& out)
{
    stats_payload p;
    if (!read_stats_payload(r, p)) return false;
    out = to_report(p);
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
