// Small hand-written parsers: two commands with a handful of flags each do not need the main
// option table (which is Locust's and drives env vars and config files too).
#include "app/saved_runs.hpp"

#include "app/report_files.hpp"
#include "core/exit_code.hpp"
#include "report/comparison.hpp"
#include "report/json_report.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::app {

namespace {

constexpr const char* report_usage =
    "usage: hornet report RUN.json [--html FILE] [--junit FILE] [--summary-md FILE] [--json FILE]\n"
    "Writes the reports of a run saved with --json, as the run itself would have.\n";

constexpr const char* compare_usage =
    "usage: hornet compare BASE.json NEW.json [--max-regression PERCENT]\n"
    "Prints, per endpoint, the change in RPS, p50/p95/p99 and error rate from BASE to NEW (runs\n"
    "saved with --json). Exit code 3 when a row regressed beyond --max-regression (default 10%):\n"
    "a percentile grew by more than that and by more than 1 ms, or the RPS fell by more than that;\n"
    "or the error rate grew by more than that plus 0.1 percentage point.\n";

int usage_error(const std::string& message, const char* usage)
{
    std::fprintf(stderr, "hornet: error: %s\n%s", message.c_str(), usage);
    return core::exit_usage_error;
}

std::optional<report::run_record> load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "hornet: error: cannot read %s\n", path.c_str());
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto record = report::run_record_from_json(text.str());
    if (!record) {
        std::fprintf(stderr, "hornet: error: %s is not a Hornet run report: %s\n", path.c_str(),
                     record.error().detail.c_str());
        return std::nullopt;
    }
    return std::move(*record);
}

// "--flag VALUE" or "--flag=VALUE" at argv[i]; advances i past what it used.
std::optional<std::string> flag_value(int argc, char** argv, int& i, std::string_view flag)
{
    std::string_view arg = argv[i];
    if (arg.size() > flag.size() && arg.substr(0, flag.size()) == flag && arg[flag.size()] == '=')
        return std::string(arg.substr(flag.size() + 1));
    if (arg != flag) return std::nullopt;
    if (i + 1 >= argc) return std::string();
    return std::string(argv[++i]);
}

bool is_help(std::string_view arg)
{
    return arg == "-h" || arg == "--help";
}

// "10%", "10" (percent) or "0.1%" -> 0.10, 0.10, 0.001.
std::optional<double> parse_percent(std::string text)
{
    if (!text.empty() && text.back() == '%') text.pop_back();
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !(v >= 0) || v > 1e6) return std::nullopt;
    return v / 100;
}

} // namespace

int run_report_command(int argc, char** argv)
{
    // The report flags, as the test run itself takes them.
    struct output
    {
        std::string_view flag;
        std::string cli::options::*field;
    };
    static constexpr output outputs[] = {{"--json", &cli::options::json_report},
                                         {"--html", &cli::options::html_report},
                                         {"--junit", &cli::options::junit_report},
                                         {"--summary-md", &cli::options::summary_md}};
    cli::options opts;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (is_help(arg)) {
            std::fputs(report_usage, stdout);
            return 0;
        }
        bool matched = false;
        for (const auto& o : outputs) {
            if (auto v = flag_value(argc, argv, i, o.flag)) {
                if (v->empty()) return usage_error(std::string(o.flag) + " needs a FILE", report_usage);
                opts.*o.field = *v;
                matched = true;
                break;
            }
        }
        if (matched) continue;
        if (arg.starts_with("-")) return usage_error("unknown option " + std::string(arg), report_usage);
        inputs.emplace_back(arg);
    }
    if (inputs.size() != 1) return usage_error("give one run file (saved with --json)", report_usage);
    report_files files(opts);
    if (files.empty()) return usage_error("nothing to write: give at least one report file", report_usage);
    auto record = load(inputs[0]);
    if (!record) return core::exit_usage_error;
    if (auto why = files.prepare(); !why.empty()) {
        std::fprintf(stderr, "hornet: error: %s\n", why.c_str());
        return core::exit_usage_error;
    }
    return files.write(*record) ? 0 : 1;
}

int run_compare_command(int argc, char** argv)
{
    double max_regression = 0.10;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (is_help(arg)) {
            std::fputs(compare_usage, stdout);
            return 0;
        }
        if (auto v = flag_value(argc, argv, i, "--max-regression")) {
            auto limit = parse_percent(*v);
            if (!limit)
                return usage_error("--max-regression: expected a percentage such as 10%, got '" + *v + "'",
                                   compare_usage);
            max_regression = *limit;
            continue;
        }
        if (arg.starts_with("-")) return usage_error("unknown option " + std::string(arg), compare_usage);
        inputs.emplace_back(arg);
    }
    if (inputs.size() != 2) return usage_error("give two run files: BASE.json NEW.json", compare_usage);
    auto base = load(inputs[0]);
    auto next = load(inputs[1]);
    if (!base || !next) return core::exit_usage_error;
    const auto result = report::compare(*base, *next, max_regression);
    std::cout << "Comparing " << inputs[0] << " (base) with " << inputs[1] << "\n"
              << report::comparison_table(result) << std::flush;
    return result.regressed() ? core::exit_threshold_failed : 0;
}

} // namespace hornet::app
