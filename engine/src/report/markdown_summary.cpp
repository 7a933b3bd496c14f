// Row caps keep the summary a summary: the full tables are in the CSV, JSON and HTML reports.
#include "report/markdown_summary.hpp"

#include "core/py_format.hpp"
#include "report/utf8_text.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string_view>
#include <vector>

namespace hornet::report {

namespace {

constexpr std::size_t max_threshold_rows = 50;
constexpr std::size_t max_endpoint_rows = 25;
constexpr std::size_t max_failure_rows = 10;
constexpr std::size_t max_name_bytes = 160;
constexpr std::size_t max_error_bytes = 300;
// Room kept for the line saying how many rows were left out, and the blank line after a table.
constexpr std::size_t note_reserve = 96;

// One table cell: a single line, shortened, with everything that could end the cell or turn
// into markup escaped (GFM allows a backslash before any ASCII punctuation).
std::string cell(std::string_view raw, std::size_t max_bytes = max_name_bytes)
{
    std::string flat = xml_safe_utf8(raw);
    std::replace_if(
        flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    const std::string shortened = truncate_utf8(flat, max_bytes);
    std::string out;
    out.reserve(shortened.size());
    for (char c : shortened) {
        if (std::string_view("\\|`*_[]<>~&!#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string row(const std::vector<std::string>& cells)
{
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string count_text(std::uint64_t n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string ms_text(double ms)
{
    return core::fixed(ms, ms < 100 ? 1 : 0) + " ms";
}

std::optional<double> percentile(const endpoint_record& e, double percent)
{
    for (const auto& p : e.percentiles)
        if (p.percent == percent) return p.ms;
    return std::nullopt;
}

std::string percentile_text(const endpoint_record& e, double percent)
{
    const auto ms = percentile(e, percent);
    return ms ? ms_text(*ms) : "–";
}

std::string failures_text(const endpoint_record& e)
{
    if (e.failures == 0) return "0";
    return count_text(e.failures) + " (" + core::fixed(e.fail_ratio() * 100, 2) + "%)";
}

std::vector<std::string> endpoint_cells(const endpoint_record& e, bool aggregated)
{
    return {aggregated ? "" : cell(e.method),
            aggregated ? "**Aggregated**" : cell(e.name),
            count_text(e.requests),
            failures_text(e),
            percentile_text(e, 50),
            percentile_text(e, 95),
            percentile_text(e, 99),
            ms_text(e.avg_ms),
            core::fixed(e.rps, 2)};
}

// Indices of the `limit` largest items by `key`, the earlier first among equals.
template <typename Items, typename Key>
std::vector<std::size_t> top(const Items& items, std::size_t limit, Key key)
{
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto n = std::min(limit, order.size());
    std::partial_sort(order.begin(), order.begin() + n, order.end(), [&](std::size_t a, std::size_t b) {
        const auto ka = key(items[a]), kb = key(items[b]);
        return ka != kb ? ka > kb : a < b;
    });
    order.resize(n);
    return order;
}

// A table cut to what fits in `max_bytes` of `out`. Returns false when it was cut for size (or
// not even its heading fitted): the sections after it are left out rather than squeezed in empty.
struct table
{
    std::string heading;
    std::string header;
    std::vector<std::string> rows;
    std::string footer;      // a last row kept whatever was cut ("Aggregated")
    std::size_t omitted = 0; // rows left out before any cut for size
    std::string noun;        // "endpoints"

    bool append_to(std::string& out, std::size_t max_bytes) const
    {
        if (out.size() + heading.size() + header.size() + footer.size() + note_reserve > max_bytes) return false;
        out += heading + header;
        std::size_t written = 0;
        for (const auto& r : rows) {
            if (out.size() + r.size() + footer.size() + note_reserve > max_bytes) break;
            out += r;
            ++written;
        }
        out += footer;
        const std::size_t left_out = omitted + rows.size() - written;
        if (left_out) out += "\n… " + count_text(left_out) + " more " + noun + "\n";
        out += "\n";
        return written == rows.size();
    }
};

table thresholds_table(const run_record& record)
{
    table t{"### Thresholds\n\n", "| | Row | Threshold | Measured |\n| :-: | --- | --- | ---: |\n", {}, {}, 0,
            "thresholds"};
    std::vector<const threshold_record*> shown;
    // When there are too many to show, the failed ones are the ones worth reading.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& th : record.thresholds)
            if ((record.thresholds.size() <= max_threshold_rows && pass == 0) ||
                (record.thresholds.size() > max_threshold_rows && th.passed == (pass == 1)))
                if (shown.size() < max_threshold_rows) shown.push_back(&th);
    for (const auto* th : shown)
        t.rows.push_back(row({th->passed ? "✅" : "❌", cell(th->row), cell(th->expression),
                              th->measured ? cell(th->measured_text) : "no data"}));
    t.omitted = record.thresholds.size() - shown.size();
    return t;
}

table endpoints_table(const run_record& record)
{
    table t{"### Endpoints\n\n",
            "| Method | Name | Requests | Failures | p50 | p95 | p99 | Avg | req/s |\n"
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
            {},
            row(endpoint_cells(record.total, true)),
            0,
            "endpoints"};
    for (auto i : top(record.endpoints, max_endpoint_rows, [](const endpoint_record& e) { return e.requests; }))
        t.rows.push_back(row(endpoint_cells(record.endpoints[i], false)));
    t.omitted = record.endpoints.size() - t.rows.size();
    return t;
}

table failures_table(const run_record& record)
{
    table t{"### Failures\n\n", "| Count | Method | Name | Error |\n| ---: | --- | --- | --- |\n", {}, {}, 0,
            "failures"};
    for (auto i : top(record.failures, max_failure_rows, [](const failure_record& f) { return f.occurrences; })) {
        const auto& f = record.failures[i];
        t.rows.push_back(
            row({count_text(f.occurrences), cell(f.method), cell(f.name), cell(f.error, max_error_bytes)}));
    }
    t.omitted = record.failures.size() - t.rows.size();
    return t;
}

std::string head(const run_record& record)
{
    const auto& v = record.verdict;
    const auto& t = record.total;
    std::string out = v.passed ? "## ✅ Hornet: " : "## ❌ Hornet: ";
    // The verdict's own line when it starts with the word ("passed, 3 thresholds met").
    const std::string_view word = v.passed ? "passed" : "failed";
    if (v.summary.compare(0, word.size(), word) == 0)
        out += cell(v.summary, 300);
    else {
        out += word;
        if (!v.summary.empty()) out += " — " + cell(v.summary, 300);
    }
    if (!v.passed) out += " (exit code " + std::to_string(v.exit_code) + ")";
    out += "\n\n**" + count_text(t.requests) + "** requests · **" + failures_text(t) + "** failures · " +
           core::fixed(t.rps, 2) + " req/s · p50 " + percentile_text(t, 50) + " · p95 " + percentile_text(t, 95) +
           " · p99 " + percentile_text(t, 99) + " · " + core::fixed(record.end_time - record.start_time, 1) + " s · " +
           count_text(static_cast<std::uint64_t>(std::max<std::int64_t>(record.parameters.users, 0))) + " users";
    if (!record.parameters.host.empty()) out += " · " + cell(record.parameters.host, 300);
    return out + "\n\n";
}

} // namespace

std::string to_markdown(const run_record& record, std::size_t max_bytes)
{
    std::string out = head(record);
    if (out.size() > max_bytes) return truncate_utf8(out, max_bytes);
    if (!record.thresholds.empty() && !thresholds_table(record).append_to(out, max_bytes)) return out;
    if (!endpoints_table(record).append_to(out, max_bytes)) return out;
    if (!record.failures.empty()) failures_table(record).append_to(out, max_bytes);
    return out;
}

} // namespace hornet::report
