#include "report/html_report.hpp"

#include "core/clock.hpp"
#include "core/py_format.hpp"
#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"
#include "stats/percentiles.hpp"

#include <cmath>
#include <string_view>

namespace hornet::report {

namespace {

constexpr const char* dash = "&#8212;";

// Kept short and inline: the file must look right with nothing but itself.
constexpr const char* style = R"css(
:root{--ok:#1a7f37;--bad:#cf222e;--line:#d0d7de;--soft:#eaeef2;--muted:#57606a}
*{box-sizing:border-box}
body{margin:0;background:#f6f8fa;color:#1f2328;font:14px/1.45 system-ui,"Segoe UI","DejaVu Sans",Arial,sans-serif}
header{background:#0b3d2e;color:#fff;padding:18px 32px}
header h1{margin:0;font-size:22px;font-weight:600}
header p{margin:4px 0 0;color:#c9e5d8}
main{max-width:1280px;margin:0 auto;padding:8px 32px 40px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px;margin:16px 0}
h2{font-size:17px;margin:0 0 10px}
h3{font-size:14px;margin:14px 0 6px}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:5px 8px;border-bottom:1px solid var(--soft);text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600;white-space:nowrap}
.num{text-align:right;white-space:nowrap}
td.name{word-break:break-all}
tr.total td{font-weight:700;border-top:2px solid var(--line)}
table.params{width:auto}
table.params th{background:none;padding-right:24px}
.verdict{display:flex;align-items:center;gap:14px;font-size:16px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:700;font-size:12px;letter-spacing:.04em}
.badge.pass{background:var(--ok)}
.badge.fail{background:var(--bad)}
.verdict .badge{font-size:15px;padding:4px 14px}
.muted{color:var(--muted)}
.figures{display:flex;flex-wrap:wrap;gap:8px 32px;margin:14px 0 4px}
.figures div{display:flex;flex-direction:column}
.figures span{font-size:12px}
.figures b{font-size:18px;font-variant-numeric:tabular-nums}
pre{margin:0;background:#f6f8fa;padding:8px;border-radius:4px;white-space:pre-wrap;word-break:break-all;font:12px/1.4 "DejaVu Sans Mono",monospace}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:18px}
figure.chart{margin:0}
figure.chart figcaption{font-weight:600;margin-bottom:4px}
svg{display:block;width:100%;height:auto}
svg .grid line{stroke:var(--soft)}
svg .tick{font-size:11px;fill:var(--muted)}
svg .axis-label{font-size:12px;fill:#1f2328}
svg .frame{fill:none;stroke:#8c959f}
svg .no-data{font-size:14px;fill:var(--muted)}
.legend{list-style:none;margin:4px 0 0 70px;padding:0;display:flex;flex-wrap:wrap;gap:2px 18px;font-size:12px}
.swatch{display:inline-block;width:14px;height:3px;margin-right:6px;vertical-align:middle}
footer{max-width:1280px;margin:0 auto;padding:0 32px 24px;color:var(--muted);font-size:12px}
)css";

// The series colours: the charts' own, then a cycle for the per-endpoint distribution.
constexpr const char* palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                   "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

std::string number(double v, int decimals)
{
    return std::isfinite(v) ? core::fixed(v, decimals) : dash;
}

std::string count(std::uint64_t v)
{
    return std::to_string(v);
}

std::string utc_text(double unix_seconds)
{
    if (!(unix_seconds > 0) || !std::isfinite(unix_seconds)) return dash;
    return core::utc_text(unix_seconds, "%Y-%m-%d %H:%M:%S UTC");
}

std::string duration_text(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds)) return dash;
    auto whole = static_cast<std::int64_t>(std::llround(seconds));
    std::string out;
    if (whole >= 3600) out += std::to_string(whole / 3600) + "h ";
    if (whole >= 60) out += std::to_string(whole / 60 % 60) + "m ";
    return out + std::to_string(whole % 60) + "s";
}

std::string cell(const std::string& html, const char* cls = nullptr)
{
    return cls ? "<td class=\"" + std::string(cls) + "\">" + html + "</td>" : "<td>" + html + "</td>";
}

// `align` has one letter per column: 'n' right-aligns a number, anything else is text.
std::string head_row(std::initializer_list<const char*> names, std::string_view align)
{
    std::string out = "<thead><tr>";
    std::size_t i = 0;
    for (const char* n : names) {
        out += (i < align.size() && align[i] == 'n' ? "<th class=\"num\">" : "<th>") + html_escape(n) + "</th>";
        ++i;
    }
    return out + "</tr></thead>\n";
}

std::string badge(bool passed)
{
    return passed ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";
}

// The numbers a reader of a CI artifact looks for first, from the Aggregated row.
std::string key_figures(const run_record& r)
{
    const auto& t = r.total;
    auto figure = [](const char* name, const std::string& html) {
        return "<div><span class=\"muted\">" + std::string(name) + "</span><b>" + html + "</b></div>";
    };
    std::string p95 = dash;
    for (const auto& p : t.percentiles)
        if (p.percent == 95 && std::isfinite(p.ms)) p95 = std::to_string(stats::round_ms(p.ms)) + " ms";
    std::string out = "<div class=\"figures\">";
    out += figure("Requests", count(t.requests));
    out += figure("Failures", count(t.failures) + " (" + number(t.fail_ratio() * 100, 2) + "%)");
    out += figure("RPS", number(t.rps, 2));
    out += figure("Average", number(t.avg_ms, 0) + " ms");
    out += figure("p95", p95);
    out += figure("Max", number(t.max_ms, 0) + " ms");
    return out + "</div>\n";
}

std::string verdict_section(const run_record& r)
{
    const auto& v = r.verdict;
    std::string out = "<section id=\"verdict\">\n<h2>Verdict</h2>\n<div class=\"verdict\">";
    out += v.passed ? "<span class=\"badge pass\">PASSED</span>" : "<span class=\"badge fail\">FAILED</span>";
    out += "<span>" + html_escape(v.summary) + "</span><span class=\"muted\">exit code " + std::to_string(v.exit_code) +
           "</span></div>\n";
    out += key_figures(r);
    out += "<h3>Thresholds</h3>\n";
    if (r.thresholds.empty())
        return out + "<p class=\"muted\" id=\"thresholds\">No thresholds were set.</p>\n</section>\n";
    out += "<div class=\"wrap\"><table id=\"thresholds\">\n" +
           head_row({"Result", "Row", "Threshold", "Measured"}, "tttn") + "<tbody>\n";
    for (const auto& t : r.thresholds)
        out += "<tr class=\"" + std::string(t.passed ? "pass" : "fail") + "\">" + cell(badge(t.passed)) +
               cell(html_escape(t.row), "name") + cell("<code>" + html_escape(t.expression) + "</code>") +
               cell(t.measured_text.empty() ? dash : html_escape(t.measured_text), "num") + "</tr>\n";
    return out + "</tbody></table></div>\n</section>\n";
}

// "2 users at 10.00/s for 30 s; 6 users ... held": a step load can have hundreds of stages, the
// page shows the first few and how many there are.
std::string stages_text(const std::vector<stage_record>& stages)
{
    constexpr std::size_t shown = 12;
    std::string out;
    for (std::size_t i = 0; i < stages.size() && i < shown; ++i) {
        const auto& s = stages[i];
        if (i > 0) out += "; ";
        if (s.rate)
            out += std::string(s.ramp ? "ramp to " : "") + number(*s.rate, 2) + " iterations/s";
        else
            out += std::to_string(s.users.value_or(0)) + " users at " + number(s.spawn_rate.value_or(0), 2) + "/s";
        out += s.duration_s ? " for " + html_escape(core::seconds_text(*s.duration_s)) + " s" : std::string(", held");
    }
    if (stages.size() > shown) out += "; … (" + std::to_string(stages.size()) + " stages)";
    return out;
}

std::string parameters_section(const run_record& r)
{
    const auto& p = r.parameters;
    auto row = [](const char* name, const std::string& html) {
        return "<tr><th>" + std::string(name) + "</th><td>" + html + "</td></tr>\n";
    };
    auto text_or_dash = [](const std::string& s) { return s.empty() ? std::string(dash) : html_escape(s); };
    std::string classes;
    for (const auto& c : p.user_classes) classes += (classes.empty() ? "" : ", ") + html_escape(c);

    std::string out = "<section id=\"parameters\">\n<h2>Run parameters</h2>\n<table class=\"params\"><tbody>\n";
    out += row("Host", text_or_dash(p.host));
    out += row("Scenario", p.scenario.empty() ? std::string("built-in default") : html_escape(p.scenario));
    out += row("User classes", classes.empty() ? std::string(dash) : classes);
    out += row("Users", std::to_string(p.users));
    out += row("Spawn rate", number(p.spawn_rate, 2) + " users/s");
    if (!p.stages.empty()) out += row("Load shape", stages_text(p.stages));
    out +=
        row("Run time", p.run_time && std::isfinite(*p.run_time) ? html_escape(core::seconds_text(*p.run_time)) + " s"
                                                                 : std::string("no limit"));
    out += row("Mode", html_escape(p.mode));
    if (p.mode == "master" || p.workers > 0) out += row("Workers", std::to_string(p.workers));
    out += row("Start", utc_text(r.start_time));
    out += row("End", utc_text(r.end_time));
    out += row("Duration",
               r.start_time > 0 && r.end_time >= r.start_time ? duration_text(r.end_time - r.start_time) : dash);
    out += row("Hornet version", text_or_dash(p.hornet_version));
    return out + "</tbody></table>\n</section>\n";
}

// The Aggregated row by its name even in a record that left it unnamed.
endpoint_record named_total(const run_record& r)
{
    endpoint_record total = r.total;
    if (total.name.empty() && total.method.empty()) total.name = "Aggregated";
    return total;
}

std::string charts_section(const run_record& r)
{
    const auto& pts = r.series;
    // Seconds since the statistics' start; a record without one counts from its first interval.
    double origin = r.start_time > 0 ? r.start_time : pts.empty() ? 0 : pts.front().time - pts.front().seconds;
    auto line = [&](const char* name, const char* colour, auto value) {
        chart_series s{name, colour, {}};
        s.points.reserve(pts.size());
        for (const auto& p : pts) s.points.push_back({p.time - origin, static_cast<double>(value(p))});
        return s;
    };
    const char* x_label = "seconds since start";

    svg_chart rps("Requests per second", x_label, "per second");
    rps.add(line("Requests/s", "#2ca02c", [](const time_point& p) { return p.rps(); }));
    rps.add(line("Failures/s", "#d62728", [](const time_point& p) { return p.failures_per_s(); }));

    svg_chart times("Response times (ms)", x_label, "milliseconds");
    times.add(line("p50", palette[0], [](const time_point& p) { return p.p50_ms; }));
    times.add(line("p95", palette[1], [](const time_point& p) { return p.p95_ms; }));
    times.add(line("p99", palette[4], [](const time_point& p) { return p.p99_ms; }));

    svg_chart users("Users", x_label, "users");
    users.add(line("Users", "#0b3d2e", [](const time_point& p) { return p.users; }));

    svg_chart dist("Response time percentiles per endpoint", "percentile", "milliseconds", x_axis::percentile);
    std::size_t colour = 0;
    auto add_row = [&](const endpoint_record& e, const char* c) {
        chart_series s{e.label(), c, {}};
        for (const auto& p : e.percentiles) s.points.push_back({p.percent, p.ms});
        dist.add(std::move(s));
    };
    for (const auto& e : r.endpoints) add_row(e, palette[colour++ % std::size(palette)]);
    add_row(named_total(r), "#1f2328");

    return "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n" + rps.html() + times.html() +
           users.html() + dist.html() + "</div>\n</section>\n";
}

std::string request_row(const endpoint_record& e, bool total)
{
    std::string out = total ? "<tr class=\"total\">" : "<tr>";
    out += cell(html_escape(e.method)) + cell(html_escape(e.name), "name") + cell(count(e.requests), "num") +
           cell(count(e.failures) + " (" + number(e.fail_ratio() * 100, 2) + "%)", "num") +
           cell(number(e.avg_ms, 2), "num") + cell(e.min_ms ? number(*e.min_ms, 0) : dash, "num") +
           cell(number(e.max_ms, 0), "num") + cell(number(e.median_ms, 0), "num") +
           cell(number(e.avg_content_length, 2), "num") + cell(number(e.rps, 2), "num") +
           cell(number(e.failures_per_s, 2), "num");
    return out + "</tr>\n";
}

std::string requests_section(const run_record& r)
{
    std::string out = "<section id=\"requests\">\n<h2>Request statistics</h2>\n";
    if (r.total.requests == 0 && r.endpoints.empty()) out += "<p class=\"muted\">No requests were made.</p>\n";
    out += "<div class=\"wrap\"><table id=\"request-stats\">\n" +
           head_row({"Method", "Name", "# Requests", "# Fails", "Average (ms)", "Min (ms)", "Max (ms)", "Median (ms)",
                     "Average size (bytes)", "RPS", "Failures/s"},
                    "ttnnnnnnnnn") +
           "<tbody>\n";
    for (const auto& e : r.endpoints) out += request_row(e, false);
    out += request_row(named_total(r), true);
    return out + "</tbody></table></div>\n</section>\n";
}

std::string percentile_row(const endpoint_record& e, bool total)
{
    std::string out = total ? "<tr class=\"total\">" : "<tr>";
    out += cell(html_escape(e.method)) + cell(html_escape(e.name), "name");
    for (double want : stats::reported_percentiles) {
        std::string text = dash;
        for (const auto& p : e.percentiles)
            if (std::abs(p.percent - want) < 1e-9)
                text = std::isfinite(p.ms) ? std::to_string(stats::round_ms(p.ms)) : dash;
        out += cell(text, "num");
    }
    return out + "</tr>\n";
}

std::string percentiles_section(const run_record& r)
{
    std::string out = "<section id=\"percentiles\">\n<h2>Response time percentiles (ms)</h2>\n"
                      "<div class=\"wrap\"><table id=\"percentile-stats\">\n<thead><tr><th>Method</th><th>Name</th>";
    for (double p : stats::reported_percentiles)
        out += "<th class=\"num\">" + html_escape(stats::percentile_label(p)) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& e : r.endpoints) out += percentile_row(e, false);
    out += percentile_row(named_total(r), true);
    return out + "</tbody></table></div>\n</section>\n";
}

std::string failures_section(const run_record& r)
{
    std::string out = "<section id=\"failures\">\n<h2>Failures</h2>\n";
    if (r.failures.empty()) return out + "<p class=\"muted\">No failures.</p>\n</section>\n";
    out += "<div class=\"wrap\"><table id=\"failure-stats\">\n" +
           head_row({"# Occurrences", "Method", "Name", "Kind", "Error"}, "n") + "<tbody>\n";
    for (const auto& f : r.failures)
        out += "<tr>" + cell(count(f.occurrences), "num") + cell(html_escape(f.method)) +
               cell(html_escape(f.name), "name") + cell(html_escape(f.kind)) + cell(html_escape(f.error), "name") +
               "</tr>\n";
    out += "</tbody></table></div>\n";

    // Per row and kind, so a timeout storm is told apart from a server answering 500.
    std::string kinds;
    auto add = [&](const endpoint_record& e, bool total) {
        for (const auto& k : e.failures_by_kind)
            kinds += std::string(total ? "<tr class=\"total\">" : "<tr>") + cell(html_escape(e.label()), "name") +
                     cell(html_escape(k.kind)) + cell(count(k.count), "num") + "</tr>\n";
    };
    for (const auto& e : r.endpoints) add(e, false);
    add(named_total(r), true);
    if (!kinds.empty())
        out += "<h3>Failures by kind</h3>\n<div class=\"wrap\"><table id=\"failure-kinds\">\n" +
               head_row({"Row", "Kind", "Count"}, "ttn") + "<tbody>\n" + kinds + "</tbody></table></div>\n";
    return out + "</section>\n";
}

std::string exceptions_section(const run_record& r)
{
    std::string out = "<section id=\"exceptions\">\n<h2>Exceptions</h2>\n";
    if (r.exceptions.empty()) return out + "<p class=\"muted\">No exceptions.</p>\n</section>\n";
    out += "<div class=\"wrap\"><table id=\"exception-stats\">\n" +
           head_row({"Count", "Message", "Traceback", "Nodes"}, "n") + "<tbody>\n";
    for (const auto& e : r.exceptions) {
        std::string nodes;
        for (const auto& n : e.nodes) nodes += (nodes.empty() ? "" : ", ") + html_escape(n);
        out += "<tr>" + cell(count(e.count), "num") + cell(html_escape(e.message), "name") +
               cell("<pre>" + html_escape(e.traceback) + "</pre>") + cell(nodes.empty() ? dash : nodes) + "</tr>\n";
    }
    return out + "</tbody></table></div>\n</section>\n";
}

} // namespace

std::string to_html(const run_record& record)
{
    const auto& p = record.parameters;
    std::string subject = !p.scenario.empty() ? p.scenario : !p.host.empty() ? p.host : "load test";
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      // Nothing may load: no script runs and no request leaves, whatever the data holds.
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; img-src data:\">\n"
                      "<link rel=\"icon\" href=\"data:,\">\n";
    out +=
        "<title>Hornet report: " + html_escape(subject) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
    out += "<header>\n<h1>Hornet test report</h1>\n<p>" + html_escape(subject);
    if (record.start_time > 0)
        out += " &#183; " + utc_text(record.start_time) + " &#8211; " + utc_text(record.end_time);
    out += "</p>\n</header>\n<main>\n";
    out += verdict_section(record);
    out += parameters_section(record);
    out += charts_section(record);
    out += requests_section(record);
    out += percentiles_section(record);
    out += failures_section(record);
    out += exceptions_section(record);
    out += "</main>\n<footer>Generated by Hornet " + html_escape(p.hornet_version) + " (report schema " +
           std::to_string(record.schema_version) + ")</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace hornet::report
