// Relative changes between two run records.
#include "report/comparison.hpp"

#include "report/text_columns.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hornet::report {

namespace {

// Floors under the relative limit, so that noise does not fail a comparison: 0 -> 1 failure in
// 10,000, or a sub-millisecond response time that moved by a fraction of a millisecond.
constexpr double error_rate_floor = 0.001;
constexpr double latency_floor_ms = 1.0;

std::optional<double> percentile_of(const endpoint_record& e, double percent)
{
    for (const auto& p : e.percentiles)
        if (p.percent == percent) return p.ms;
    return std::nullopt;
}

metric_change latency(const endpoint_record* base, const endpoint_record* next, double percent, double limit)
{
    metric_change m;
    if (base) m.base = percentile_of(*base, percent);
    if (next) m.next = percentile_of(*next, percent);
    const auto r = m.relative();
    m.regressed = r && *r > limit && *m.next - *m.base > latency_floor_ms;
    return m;
}

row_comparison compare_row(std::string label, const endpoint_record* base, const endpoint_record* next, double limit)
{
    row_comparison c;
    c.row = std::move(label);
    c.in_base = base != nullptr;
    c.in_next = next != nullptr;
    if (base) c.rps.base = base->rps;
    if (next) c.rps.next = next->rps;
    if (const auto r = c.rps.relative()) c.rps.regressed = *r < -limit;
    c.p50 = latency(base, next, 50, limit);
    c.p95 = latency(base, next, 95, limit);
    c.p99 = latency(base, next, 99, limit);
    if (base && base->requests) c.error_rate.base = base->fail_ratio();
    if (next && next->requests) c.error_rate.next = next->fail_ratio();
    if (c.error_rate.base && c.error_rate.next)
        c.error_rate.regressed = *c.error_rate.next > *c.error_rate.base * (1 + limit) + error_rate_floor;
    return c;
}

std::string number(double v)
{
    char buf[32];
    if (std::fabs(v) >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (std::fabs(v) >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::string percent_text(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f%%", fraction * 100);
    return buf;
}

// An error rate's change in percentage points: "+2.53 pp".
std::string points_text(const metric_change& m)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f pp", (*m.next - *m.base) * 100);
    return buf;
}

std::string cell(const metric_change& m, bool as_percent)
{
    auto value = [&](const std::optional<double>& v) {
        if (!v) return std::string("-");
        return as_percent ? number(*v * 100) + "%" : number(*v);
    };
    std::string out = value(m.base) + " -> " + value(m.next);
    if (as_percent) {
        if (m.base && m.next) out += " (" + points_text(m) + ")";
    } else if (const auto r = m.relative()) {
        out += " (" + percent_text(*r) + ")";
    }
    return m.regressed ? out + " !" : out;
}

} // namespace

std::optional<double> metric_change::relative() const noexcept
{
    if (!base || !next || *base == 0) return std::nullopt;
    return (*next - *base) / *base;
}

bool row_comparison::regressed() const noexcept
{
    return rps.regressed || p50.regressed || p95.regressed || p99.regressed || error_rate.regressed;
}

std::string row_comparison::regressions() const
{
    std::string out;
    auto add = [&](const char* name, const metric_change& m, bool points) {
        if (!m.regressed) return;
        if (!out.empty()) out += ", ";
        out += name;
        out += " ";
        out += points ? points_text(m) : percent_text(*m.relative());
    };
    add("rps", rps, false);
    add("p50", p50, false);
    add("p95", p95, false);
    add("p99", p99, false);
    add("errors", error_rate, true);
    return out;
}

bool comparison::regressed() const noexcept
{
    return std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.regressed(); });
}

comparison compare(const run_record& base, const run_record& next, double max_regression)
{
    comparison c;
    c.max_regression = max_regression;
    c.rows.push_back(compare_row(base.total.label(), &base.total, &next.total, max_regression));
    auto find = [](const run_record& r, const endpoint_record& e) -> const endpoint_record* {
        for (const auto& x : r.endpoints)
            if (x.method == e.method && x.name == e.name) return &x;
        return nullptr;
    };
    for (const auto& e : base.endpoints) c.rows.push_back(compare_row(e.label(), &e, find(next, e), max_regression));
    for (const auto& e : next.endpoints)
        if (!find(base, e)) c.rows.push_back(compare_row(e.label(), nullptr, &e, max_regression));
    return c;
}

std::string comparison_table(const comparison& c)
{
    std::vector<std::vector<std::string>> cells{{"Row", "RPS", "p50 (ms)", "p95 (ms)", "p99 (ms)", "Errors", "Result"}};
    for (const auto& r : c.rows) {
        std::string result = !r.in_base ? "new" : !r.in_next ? "gone" : r.regressed() ? "REGRESSED" : "ok";
        cells.push_back({r.row, cell(r.rps, false), cell(r.p50, false), cell(r.p95, false), cell(r.p99, false),
                         cell(r.error_rate, true), result});
    }
    std::string out = aligned_table(cells);
    std::size_t regressed = 0;
    for (const auto& r : c.rows)
        if (r.regressed()) {
            ++regressed;
            out += "Regressed: " + r.row + ": " + r.regressions() + "\n";
        }
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g%%", c.max_regression * 100);
    out += regressed ? "Verdict: REGRESSED (" + std::to_string(regressed) + " of " + std::to_string(c.rows.size()) +
                           " rows beyond " + limit + ")\n"
                     : std::string("Verdict: OK (no row regressed beyond ") + limit + ")\n";
    return out;
}

} // namespace hornet::report
