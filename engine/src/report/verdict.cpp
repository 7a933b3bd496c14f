// Measuring thresholds on stats rows.
#include "report/verdict.hpp"

#include "report/text_columns.hpp"

#include "core/exit_code.hpp"
#include "core/failure_kind.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace hornet::report {

namespace {

std::optional<double> measure(const threshold& rule, const stats::entry& row, const stats::aggregate& stats)
{
    using m = threshold::metric;
    const std::uint64_t timed = row.num_requests - std::min(row.num_none_requests, row.num_requests);
    switch (rule.what) {
    case m::percentile: {
        // Exact to the histogram's precision, not Locust's whole-ms rounding.
        if (row.response_times.empty()) return std::nullopt;
        return stats::precise_ms(row.response_times, rule.percent);
    }
    case m::avg:
        if (timed == 0) return std::nullopt;
        return row.avg_response_time();
    case m::min:
        if (!row.min_response_time) return std::nullopt;
        return *row.min_response_time;
    case m::max:
        if (timed == 0) return std::nullopt;
        return row.max_response_time;
    case m::fail_ratio:
        if (row.num_requests == 0) return std::nullopt;
        return row.fail_ratio();
    case m::rps: return stats.total_rps(row);
    case m::requests: return static_cast<double>(row.num_requests);
    case m::failures: return static_cast<double>(row.num_failures);
    case m::late:
    case m::dropped: {
        // The whole test's iterations; nothing to measure in the closed model.
        const auto& it = stats.iterations();
        const double due = static_cast<double>(it.started + it.dropped);
        if (due == 0) return std::nullopt;
        if (rule.what == m::late)
            return rule.ratio ? static_cast<double>(it.late) / std::max(1.0, static_cast<double>(it.started))
                              : static_cast<double>(it.late);
        return rule.ratio ? static_cast<double>(it.dropped) / due : static_cast<double>(it.dropped);
    }
    }
    return std::nullopt;
}

std::string row_label(const stats::entry& row)
{
    return row.method.empty() ? row.name : row.method + " " + row.name;
}

threshold_outcome outcome(const threshold& rule, std::string row, std::optional<double> measured)
{
    const bool passed = measured && rule.met_by(*measured);
    return {&rule, std::move(row), measured, passed};
}

} // namespace

std::vector<threshold_outcome> evaluate(std::span<const threshold> rules, const stats::aggregate& stats)
{
    std::vector<threshold_outcome> out;
    for (const auto& rule : rules) {
        switch (rule.where) {
        case threshold::scope::aggregated:
            out.push_back(outcome(rule, stats.total().name, measure(rule, stats.total(), stats)));
            break;
        case threshold::scope::endpoint: {
            const stats::entry* row = stats.find(rule.method, rule.name);
            out.push_back(
                outcome(rule, rule.method + " " + rule.name, row ? measure(rule, *row, stats) : std::nullopt));
            break;
        }
        case threshold::scope::each: {
            const auto rows = stats.entries();
            if (rows.empty()) out.push_back(outcome(rule, "each", std::nullopt));
            for (const stats::entry* row : rows)
                out.push_back(outcome(rule, row_label(*row), measure(rule, *row, stats)));
            break;
        }
        }
    }
    return out;
}

bool all_passed(std::span<const threshold_outcome> outcomes) noexcept
{
    return std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.passed; });
}

verdict_record judge(const stats::aggregate& stats, std::span<const threshold_outcome> outcomes, int exit_code_on_error,
                     const std::string& stopped_by)
{
    const stats::entry& total = stats.total();
    const auto kinds = stats.errors().occurrences_by_kind();
    auto count = [&](core::failure_kind k) { return kinds[static_cast<std::size_t>(k)]; };
    const std::uint64_t unreached = count(core::failure_kind::dns) + count(core::failure_kind::connect_refused) +
                                    count(core::failure_kind::connect);
    if (total.num_requests == 0) return {false, core::exit_could_not_run, "could not run: no request completed"};
    if (unreached == total.num_requests)
        return {false, core::exit_could_not_run, "could not run: no request reached the target"};
    const auto failed = std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.passed; });
    const std::string early = stopped_by.empty() ? "" : "stopped early: " + stopped_by + " failed (abort_on_fail)";
    if (failed)
        return {false, core::exit_threshold_failed,
                std::to_string(failed) + " of " + std::to_string(outcomes.size()) + " thresholds failed" +
                    (early.empty() ? "" : "; " + early)};
    if (!early.empty()) return {false, core::exit_threshold_failed, early};
    if (stats.has_failures_or_exceptions() && exit_code_on_error != 0)
        return {false, exit_code_on_error, "requests failed or tasks raised"};
    return {true, 0, outcomes.empty() ? "passed" : "passed, " + std::to_string(outcomes.size()) + " thresholds met"};
}

std::string measured_text(const threshold& rule, std::optional<double> measured)
{
    if (!measured) return "no data";
    char buf[64];
    using m = threshold::metric;
    switch (rule.what) {
    case m::fail_ratio: std::snprintf(buf, sizeof buf, "%.2f%%", *measured * 100); break;
    case m::rps: std::snprintf(buf, sizeof buf, "%.2f/s", *measured); break;
    case m::requests:
    case m::failures: std::snprintf(buf, sizeof buf, "%.0f", *measured); break;
    case m::late:
    case m::dropped:
        if (rule.ratio)
            std::snprintf(buf, sizeof buf, "%.2f%%", *measured * 100);
        else
            std::snprintf(buf, sizeof buf, "%.0f", *measured);
        break;
    default: std::snprintf(buf, sizeof buf, "%.4g ms", *measured); break;
    }
    return buf;
}

std::string threshold_table(std::span<const threshold_outcome> outcomes)
{
    if (outcomes.empty()) return {};
    // Columns as wide as their widest cell: rows and expressions are the user's own text.
    std::vector<std::vector<std::string>> cells{{"Result", "Row", "Threshold", "Measured"}};
    for (const auto& o : outcomes)
        cells.push_back({o.passed ? "PASS" : "FAIL", o.row, o.rule->text, measured_text(*o.rule, o.measured)});
    std::string out = "Thresholds\n" + aligned_table(cells);
    const auto failed = std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.passed; });
    out += failed ? "Verdict: FAIL (" + std::to_string(failed) + " of " + std::to_string(outcomes.size()) +
                        " thresholds failed)\n"
                  : "Verdict: PASS (" + std::to_string(outcomes.size()) + " thresholds passed)\n";
    return out + "\n";
}

} // namespace hornet::report
