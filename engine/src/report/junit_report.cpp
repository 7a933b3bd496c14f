// GitLab ignores the failure's `message` attribute and shows only the element's text, so the
// explanation goes in both: the attribute for Jenkins' one-line view, the text for the rest.
#include "report/junit_report.hpp"

#include "core/clock.hpp"
#include "core/py_format.hpp"
#include "report/utf8_text.hpp"

#include <set>
#include <string_view>

namespace hornet::report {

namespace {

// A peer's error text can be megabytes; a CI page only needs enough to recognise it.
constexpr std::size_t max_error_bytes = 2000;
// Rows of the failures table quoted per endpoint; the CSV and JSON keep them all.
constexpr std::size_t max_failure_rows = 20;

std::string escaped(std::string_view raw, bool attribute)
{
    const std::string text = xml_safe_utf8(raw);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        // An attribute's whitespace is normalised to spaces by every parser unless written as a
        // character reference; element text keeps it as is.
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        default: out += c;
        }
    }
    return out;
}

std::string attr(std::string_view raw)
{
    return escaped(raw, true);
}

std::string text(std::string_view raw)
{
    return escaped(raw, false);
}

std::string seconds(double value)
{
    return core::fixed(value > 0 ? value : 0, 3);
}

// The Ant schema's form: no zone designator, so the start is written in UTC.
std::string timestamp(double unix_seconds)
{
    return core::utc_text(unix_seconds, "%Y-%m-%dT%H:%M:%S");
}

std::string percent(double ratio)
{
    return core::fixed(ratio * 100, 2) + "%";
}

// Makes `name` differ from every name given before by appending " #2", " #3", ...
class unique_names
{
public:
    std::string take(std::string name)
    {
        if (seen_.insert(name).second) return name;
        for (int n = 2;; ++n) {
            std::string candidate = name + " #" + std::to_string(n);
            if (seen_.insert(candidate).second) return candidate;
        }
    }

private:
    std::set<std::string> seen_;
};

std::string threshold_name(const threshold_record& t)
{
    // "GET /a: avg<11ms" already names its row; "p95<1s" and "each: max<50ms" do not.
    const std::string prefix = t.row + ":";
    if (t.expression.compare(0, prefix.size(), prefix) == 0) return t.expression;
    return t.row + ": " + t.expression;
}

std::string threshold_case(const threshold_record& t, const std::string& name)
{
    std::string out = "    <testcase classname=\"thresholds\" name=\"" + attr(name) + "\" time=\"0.000\"";
    if (t.passed) return out + "/>\n";
    std::string message = t.measured ? "measured " + t.measured_text + ", expected " + t.expression
                                     : "nothing to measure on " + t.row + " (no request), expected " + t.expression;
    out += ">\n      <failure type=\"threshold\" message=\"" + attr(message) + "\">";
    out += text(name + "\n" + message + "\n");
    return out + "</failure>\n    </testcase>\n";
}

std::string failure_details(const run_record& record, const endpoint_record& e)
{
    std::string details = std::to_string(e.failures) + " of " + std::to_string(e.requests) + " requests failed (" +
                          percent(e.fail_ratio()) + ")\n";
    if (!e.failures_by_kind.empty()) {
        details += "by kind:";
        for (const auto& k : e.failures_by_kind) details += " " + k.kind + " " + std::to_string(k.count) + ";";
        details.back() = '\n';
    }
    std::size_t shown = 0, more = 0;
    for (const auto& f : record.failures) {
        if (f.method != e.method || f.name != e.name) continue;
        if (shown == max_failure_rows) {
            ++more;
            continue;
        }
        if (shown++ == 0) details += "errors:\n";
        details += "  " + std::to_string(f.occurrences) + " x ";
        if (!f.kind.empty()) details += "[" + f.kind + "] ";
        details += truncate_utf8(xml_safe_utf8(f.error), max_error_bytes) + "\n";
    }
    if (more) details += "  ... " + std::to_string(more) + " more errors (see the failures CSV)\n";
    return details;
}

// An endpoint's time is its mean response time, so a CI's "slowest tests" list ranks endpoints
// by latency rather than by how long the run happened to last.
std::string endpoint_case(const run_record& record, const endpoint_record& e, const std::string& name)
{
    std::string out =
        "    <testcase classname=\"endpoints\" name=\"" + attr(name) + "\" time=\"" + seconds(e.avg_ms / 1000) + "\"";
    if (e.failures == 0) return out + "/>\n";
    const std::string message = std::to_string(e.failures) + " of " + std::to_string(e.requests) +
                                " requests failed (" + percent(e.fail_ratio()) + ")";
    out += ">\n      <failure type=\"request_failures\" message=\"" + attr(message) + "\">";
    out += text(failure_details(record, e));
    return out + "</failure>\n    </testcase>\n";
}

std::string summary(const run_record& record)
{
    const auto& p = record.parameters;
    const auto& t = record.total;
    std::string out = "verdict: " + std::string(record.verdict.passed ? "passed" : "failed") + " (exit code " +
                      std::to_string(record.verdict.exit_code) + ")";
    if (!record.verdict.summary.empty()) out += ": " + record.verdict.summary;
    out += "\nrequests: " + std::to_string(t.requests) + ", failures: " + std::to_string(t.failures) + " (" +
           percent(t.fail_ratio()) + "), " + core::fixed(t.rps, 2) + " req/s\n";
    out += "response time: avg " + core::fixed(t.avg_ms, 1) + " ms, max " + core::fixed(t.max_ms, 1) + " ms";
    for (const auto& pp : t.percentiles)
        if (pp.percent == 50 || pp.percent == 95 || pp.percent == 99)
            out += ", p" + std::to_string(static_cast<int>(pp.percent)) + " " + core::fixed(pp.ms, 1) + " ms";
    out += "\nduration: " + core::fixed(record.end_time - record.start_time, 1) +
           " s, users: " + std::to_string(p.users) + ", mode: " + p.mode;
    if (!p.host.empty()) out += ", host: " + p.host;
    return out + "\n";
}

std::string property(std::string_view name, std::string_view value)
{
    return "      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n";
}

std::string properties(const run_record& record)
{
    const auto& p = record.parameters;
    std::string out = "    <properties>\n";
    out += property("hornet_version", p.hornet_version);
    if (!p.host.empty()) out += property("host", p.host);
    if (!p.scenario.empty()) out += property("scenario", p.scenario);
    out += property("users", std::to_string(p.users));
    out += property("spawn_rate", core::py_float(p.spawn_rate));
    if (p.run_time) out += property("run_time", core::seconds_text(*p.run_time));
    out += property("mode", p.mode);
    if (p.mode == "master") out += property("workers", std::to_string(p.workers));
    out += property("exit_code", std::to_string(record.verdict.exit_code));
    return out + "    </properties>\n";
}

std::string exceptions_text(const run_record& record)
{
    std::string out;
    for (const auto& e : record.exceptions)
        out += std::to_string(e.count) + " x " + truncate_utf8(xml_safe_utf8(e.message), max_error_bytes) + "\n";
    return out;
}

} // namespace

std::string to_junit(const run_record& record)
{
    unique_names threshold_names, endpoint_names;
    std::string cases;
    std::size_t tests = 0, failures = 0;
    for (const auto& t : record.thresholds) {
        cases += threshold_case(t, threshold_names.take(threshold_name(t)));
        ++tests;
        failures += t.passed ? 0 : 1;
    }
    for (const auto& e : record.endpoints) {
        cases += endpoint_case(record, e, endpoint_names.take(e.label()));
        ++tests;
        failures += e.failures ? 1 : 0;
    }

    const std::string counts = " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
                               "\" errors=\"0\" skipped=\"0\" time=\"" + seconds(record.end_time - record.start_time) +
                               "\" timestamp=\"" + timestamp(record.start_time) + "\"";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites name=\"hornet\"" + counts + ">\n";
    out += "  <testsuite name=\"hornet\"" + counts + ">\n";
    out += properties(record);
    out += cases;
    out += "    <system-out>" + text(summary(record)) + "</system-out>\n";
    if (!record.exceptions.empty()) out += "    <system-err>" + text(exceptions_text(record)) + "</system-err>\n";
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

} // namespace hornet::report
