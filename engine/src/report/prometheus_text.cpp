// Prometheus' text format is written straight into one reserved string: a scrape every few seconds
// of a run with 1,000 endpoints must not cost the control loop more than a copy of the bytes.
#include "report/prometheus_text.hpp"

#include "core/clock.hpp"
#include "core/failure_kind.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <system_error>
#include <tuple>
#include <vector>

namespace hornet::report {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length of the UTF-8 sequence starting at text[i] when it is well-formed (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF, as Go's utf8.ValidString checks), otherwise 0.
std::size_t utf8_sequence(std::string_view text, std::size_t i) noexcept
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const auto continuation = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return continuation(i + 1) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        if (!continuation(i + 1) || !continuation(i + 2)) return 0;
        if (b == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
        if (b == 0xED && byte(i + 1) >= 0xA0) return 0; // surrogate
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
        if (b == 0xF0 && byte(i + 1) < 0x90) return 0;  // overlong
        if (b == 0xF4 && byte(i + 1) >= 0x90) return 0; // past U+10FFFF
        return 4;
    }
    return 0;
}

void append_number(std::string& out, std::uint64_t value)
{
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, end);
}

void append_number(std::string& out, std::int64_t value)
{
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, end);
}

// Shortest text that reads back as the same double; the format's own words for the rest.
void append_number(std::string& out, double value)
{
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, end);
}

void append_header(std::string& out, std::string_view name, std::string_view type, std::string_view help)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

// `name{labels} value\n`; `labels` is already escaped, and may be empty.
template <class Number>
void append_sample(std::string& out, std::string_view name, std::string_view labels, Number value)
{
    out += name;
    if (!labels.empty()) {
        out += '{';
        out += labels;
        out += '}';
    }
    out += ' ';
    append_number(out, value);
    out += '\n';
}

void append_label(std::string& out, std::string_view name, std::string_view value)
{
    out += name;
    out += "=\"";
    append_label_value(out, value);
    out += '"';
}

// Whole milliseconds as Locust's /stats/requests gives min and max (half up); 0 when unknown.
double locust_rounded_ms(double ms) noexcept
{
    return std::floor(ms + 0.5);
}

// The escaped `method="…",name="…"` of every row, in one buffer: one allocation for all rows,
// and each family reuses the text instead of escaping the names again.
class row_labels
{
public:
    explicit row_labels(const std::vector<const stats::entry*>& rows)
    {
        std::size_t bytes = 0;
        for (const stats::entry* row : rows) bytes += row->method.size() + row->name.size() + 24;
        text_.reserve(bytes);
        ends_.reserve(rows.size());
        for (const stats::entry* row : rows) {
            append_label(text_, "method", row->method);
            text_ += ',';
            append_label(text_, "name", row->name);
            ends_.push_back(text_.size());
        }
    }

    std::string_view operator[](std::size_t i) const noexcept
    {
        const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }
    std::size_t bytes() const noexcept { return text_.size(); }

private:
    std::string text_;
    std::vector<std::size_t> ends_;
};

// One histogram per endpoint with the classic buckets. A bucket counts every HDR counter whose
// lowest value is at or below its bound: the edge is as exact as the HDR data (1/1024 of the
// value), and a response of exactly 10 ms lands in le="0.01" as Prometheus' "less or equal" says.
void append_duration_histogram(std::string& out, std::string_view labels, const stats::histogram& times)
{
    constexpr std::string_view name = "hornet_request_duration_seconds";
    std::array<std::uint64_t, duration_bucket_bounds_us.size()> counts{};
    std::size_t bucket = 0;
    times.for_each([&](std::uint64_t value_us, std::uint64_t n) {
        while (bucket < counts.size() && value_us > duration_bucket_bounds_us[bucket]) ++bucket;
        if (bucket < counts.size()) counts[bucket] += n;
    });
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        cumulative += counts[i];
        out += name;
        out += "_bucket{";
        out += labels;
        out += ",le=\"";
        out += duration_bucket_bounds[i];
        out += "\"} ";
        append_number(out, cumulative);
        out += '\n';
    }
    out += name;
    out += "_bucket{";
    out += labels;
    out += ",le=\"+Inf\"} ";
    append_number(out, times.count());
    out += '\n';
    out += name;
    out += "_sum{";
    out += labels;
    out += "} ";
    append_number(out, static_cast<double>(times.sum()) / 1e6);
    out += '\n';
    out += name;
    out += "_count{";
    out += labels;
    out += "} ";
    append_number(out, times.count());
    out += '\n';
}

// Failures summed per (method, name, kind): the error table has one row per error text, and
// several texts share a kind. Sorted like the stats rows, then by kind.
struct kind_count
{
    const stats::error_entry* first; // method and name come from here
    core::failure_kind kind;
    std::uint64_t occurrences;
};

std::vector<kind_count> failures_by_kind(const stats::error_table& errors)
{
    std::vector<const stats::error_entry*> rows;
    rows.reserve(errors.size());
    for (const stats::error_entry& e : errors.rows())
        if (e.occurrences != 0) rows.push_back(&e);
    std::sort(rows.begin(), rows.end(), [](const stats::error_entry* a, const stats::error_entry* b) {
        return std::tie(a->name, a->method, a->kind) < std::tie(b->name, b->method, b->kind);
    });
    std::vector<kind_count> out;
    for (const stats::error_entry* e : rows) {
        if (!out.empty() && out.back().kind == e->kind && out.back().first->method == e->method &&
            out.back().first->name == e->name) {
            out.back().occurrences += e->occurrences;
            continue;
        }
        out.push_back({e, e->kind, e->occurrences});
    }
    return out;
}

void append_hornet_families(std::string& out, const stats::aggregate& stats,
                            const std::vector<const stats::entry*>& rows, const row_labels& labels,
                            const metrics_state& state)
{
    // No Aggregated series here: PromQL sums the per-endpoint series exactly (counters and
    // histogram buckets add up), and a series named "Aggregated" among the endpoints would be
    // counted twice by every sum() over `name` a dashboard writes.
    append_header(out, "hornet_requests_total", "counter", "Requests made, successes and failures, per endpoint.");
    for (std::size_t i = 0; i < rows.size(); ++i)
        append_sample(out, "hornet_requests_total", labels[i], rows[i]->num_requests);

    append_header(out, "hornet_request_failures_total", "counter",
                  "Failed requests per endpoint and failure kind (dns, connect_refused, timeout, status, check, ...).");
    std::string kind_labels;
    for (const kind_count& k : failures_by_kind(stats.errors())) {
        kind_labels.clear();
        append_label(kind_labels, "method", k.first->method);
        kind_labels += ',';
        append_label(kind_labels, "name", k.first->name);
        kind_labels += ',';
        append_label(kind_labels, "kind", core::to_string(k.kind));
        append_sample(out, "hornet_request_failures_total", kind_labels, k.occurrences);
    }

    append_header(out, "hornet_request_duration_seconds", "histogram",
                  "Response times per endpoint; buckets counted from the exact HDR histogram.");
    for (std::size_t i = 0; i < rows.size(); ++i) append_duration_histogram(out, labels[i], rows[i]->response_times);

    append_header(out, "hornet_response_bytes_total", "counter", "Bytes of response bodies received, per endpoint.");
    for (std::size_t i = 0; i < rows.size(); ++i)
        append_sample(out, "hornet_response_bytes_total", labels[i], rows[i]->total_content_length);

    std::uint64_t exceptions = 0;
    for (const stats::exception_summary& e : stats.exceptions()) exceptions += e.count;
    append_header(out, "hornet_exceptions_total", "counter", "Exceptions that escaped scenario code.");
    append_sample(out, "hornet_exceptions_total", "", exceptions);

    append_header(out, "hornet_users", "gauge", "Users running now.");
    append_sample(out, "hornet_users", "", state.users);

    // Prometheus' enum idiom: one series per state, 1 for the current one.
    append_header(out, "hornet_state", "gauge", "The runner's state (Locust's state strings): 1 for the current one.");
    std::string state_label;
    bool known = false;
    for (std::string_view s : metrics_states) {
        state_label.clear();
        append_label(state_label, "state", s);
        known = known || s == state.state;
        append_sample(out, "hornet_state", state_label, s == state.state ? std::uint64_t{1} : std::uint64_t{0});
    }
    if (!known && !state.state.empty()) {
        state_label.clear();
        append_label(state_label, "state", state.state);
        append_sample(out, "hornet_state", state_label, std::uint64_t{1});
    }

    append_header(out, "hornet_workers", "gauge", "Workers connected to this master; 0 when standalone.");
    append_sample(out, "hornet_workers", "", state.workers);
    append_header(out, "hornet_workers_missing", "gauge", "Workers that stopped answering this master.");
    append_sample(out, "hornet_workers_missing", "", state.missing_workers);
    append_header(out, "hornet_event_loop_lag_seconds", "gauge", "How late the control loop's last tick ran.");
    append_sample(out, "hornet_event_loop_lag_seconds", "", state.event_loop_lag_seconds);
    append_header(out, "hornet_process_cpu_seconds_total", "counter",
                  "CPU time (user and system) this process has used.");
    append_sample(out, "hornet_process_cpu_seconds_total", "", state.cpu_seconds);
}

// locust_exporter's names, types and labels (its main.go), with the values it would read from
// Locust's /stats/requests: times in ms, min and max rounded to whole ms, gauges throughout. Its
// rows include the Aggregated one (method "", name "Aggregated"), so these do too: dashboards
// made for it select that row.
void append_locust_families(std::string& out, const stats::aggregate& stats,
                            const std::vector<const stats::entry*>& rows, const row_labels& labels,
                            const metrics_state& state)
{
    const stats::entry& total = stats.total();
    const std::size_t total_index = rows.size(); // labels has one more row: the Aggregated one
    const auto per_row = [&](std::string_view name, std::string_view help, auto value) {
        append_header(out, name, "gauge", help);
        for (std::size_t i = 0; i < rows.size(); ++i) append_sample(out, name, labels[i], value(*rows[i]));
        append_sample(out, name, labels[total_index], value(total));
    };
    per_row("locust_requests_num_requests", "Requests per endpoint (Locust's num_requests).",
            [](const stats::entry& e) { return e.num_requests; });
    per_row("locust_requests_num_failures", "Failures per endpoint (Locust's num_failures).",
            [](const stats::entry& e) { return e.num_failures; });
    per_row("locust_requests_avg_response_time", "Average response time in ms.",
            [](const stats::entry& e) { return e.avg_response_time(); });
    per_row("locust_requests_min_response_time", "Smallest response time in ms (0 before any).",
            [](const stats::entry& e) { return e.min_response_time ? locust_rounded_ms(*e.min_response_time) : 0.0; });
    per_row("locust_requests_max_response_time", "Largest response time in ms.",
            [](const stats::entry& e) { return locust_rounded_ms(e.max_response_time); });
    per_row("locust_requests_median_response_time", "Median response time in ms.",
            [](const stats::entry& e) { return e.median_response_time(); });
    per_row("locust_requests_current_rps", "Requests per second over the last seconds (Locust's current_rps).",
            [&](const stats::entry& e) { return stats.current_rps(e); });
    per_row("locust_requests_current_fail_per_sec", "Failures per second over the last seconds.",
            [&](const stats::entry& e) { return stats.current_fail_per_sec(e); });
    per_row("locust_requests_avg_content_length", "Average response body size in bytes.",
            [](const stats::entry& e) { return e.avg_content_length(); });

    append_header(out, "locust_errors", "gauge", "Occurrences of each error per endpoint.");
    std::string error_labels;
    for (const stats::error_entry& e : stats.errors().rows()) {
        if (e.occurrences == 0) continue;
        error_labels.clear();
        append_label(error_labels, "method", e.method);
        error_labels += ',';
        append_label(error_labels, "name", e.name);
        error_labels += ',';
        append_label(error_labels, "error", e.error);
        append_sample(out, "locust_errors", error_labels, e.occurrences);
    }

    const auto now_second = static_cast<std::int64_t>(core::unix_now());
    append_header(out, "locust_requests_fail_ratio", "gauge", "Failures / requests of the whole run.");
    append_sample(out, "locust_requests_fail_ratio", "", total.fail_ratio());
    append_header(out, "locust_requests_current_response_time_percentile_50", "gauge",
                  "Median response time in ms of the last seconds.");
    append_sample(out, "locust_requests_current_response_time_percentile_50", "",
                  stats.current_percentile(total, 50, now_second));
    append_header(out, "locust_requests_current_response_time_percentile_95", "gauge",
                  "95th percentile response time in ms of the last seconds.");
    append_sample(out, "locust_requests_current_response_time_percentile_95", "",
                  stats.current_percentile(total, 95, now_second));

    append_header(out, "locust_up", "gauge", "The current health status of the server (1 = UP, 0 = DOWN).");
    append_sample(out, "locust_up", "", std::uint64_t{1});
    append_header(out, "locust_users", "gauge", "The current number of users.");
    append_sample(out, "locust_users", "", state.users);
    // locust_exporter still checks for "hatching", Locust's name for spawning before 1.0.
    const std::int64_t running = state.state == "running"                                 ? 2
                                 : state.state == "spawning" || state.state == "hatching" ? 1
                                                                                          : 0;
    append_header(out, "locust_running", "gauge",
                  "The current state of the execution (0 = STOPPED 1 = HATCHING 2 = RUNNING,).");
    append_sample(out, "locust_running", "", running);
    append_header(out, "locust_workers_count", "gauge", "The current number of workers.");
    append_sample(out, "locust_workers_count", "", state.workers);
    append_header(out, "locust_workers_missing_count", "gauge", "The current number of missing workers.");
    append_sample(out, "locust_workers_missing_count", "", state.missing_workers);
}

} // namespace

void append_label_value(std::string& out, std::string_view value)
{
    std::size_t i = 0;
    while (i < value.size()) {
        const char c = value[i];
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x80) {
            out += c;
        } else if (std::size_t n = utf8_sequence(value, i); n != 0) {
            out.append(value.substr(i, n));
            i += n;
            continue;
        } else {
            out += replacement_character;
        }
        ++i;
    }
}

std::string prometheus_text(const stats::aggregate& stats, const metrics_state& state, const metrics_options& options)
{
    std::vector<const stats::entry*> rows = stats.entries();
    const std::size_t endpoint_rows = rows.size();
    if (options.locust_names) rows.push_back(&stats.total());
    const row_labels labels(rows);
    rows.resize(endpoint_rows);

    // Per endpoint: the histogram's 19 lines and a few counters, each repeating the labels after a
    // name of up to 40 bytes and a value: one allocation, a little more than the text needs.
    const std::size_t per_row_lines = duration_bucket_bounds.size() + 4 + (options.locust_names ? 9 : 0) + 2;
    std::string out;
    out.reserve(4096 + labels.bytes() * per_row_lines + rows.size() * per_row_lines * 64 + stats.errors().size() * 256);

    append_hornet_families(out, stats, rows, labels, state);
    if (options.locust_names) append_locust_families(out, stats, rows, labels, state);
    return out;
}

} // namespace hornet::report
