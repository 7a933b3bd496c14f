// `hornet --help`, rendered from the option table so it can't drift from what is parsed.
#include "cli/help_text.hpp"

#include <string_view>

#include "cli/option_spec.hpp"

namespace hornet::cli {

namespace {

constexpr std::size_t width = 80;
constexpr std::size_t text_column = 28;

// Appends `text` word-wrapped between `text_column` and `width`; `used` is how much of the
// current line the label already takes; a label too long to leave one space before
// `text_column` pushes the text to the next line.
// A '\x01' in `text` is a space the line must not break at.
void wrap(std::string& out, std::string_view text, std::size_t used)
{
    if (used < text_column) {
        out.append(text_column - used, ' ');
    } else {
        out += '\n';
        out.append(text_column, ' ');
    }
    std::size_t line = text_column;
    bool first = true;
    while (!text.empty()) {
        auto space = text.find(' ');
        std::string word(text.substr(0, space));
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (!first && line + 1 + word.size() > width) {
            out += '\n';
            out.append(text_column, ' ');
            line = text_column;
            first = true;
        }
        if (!first) {
            out += ' ';
            ++line;
        }
        for (char& c : word) {
            if (c == '\x01') c = ' ';
        }
        out += word;
        line += word.size();
        first = false;
    }
    out += '\n';
}

std::string option_label(const option_spec& spec)
{
    std::string label = "  ";
    if (spec.short_name != 0) {
        label += '-';
        label += spec.short_name;
        label += ", ";
    } else {
        label += "    ";
    }
    label += "--";
    label += spec.key;
    if (!spec.metavar.empty()) {
        label += ' ';
        label += spec.metavar;
        if (spec.kind == option_kind::list) label += " ...";
        if (spec.kind == option_kind::append) label += " [repeatable]";
    }
    return label;
}

void add_option(std::string& out, const option_spec& spec)
{
    std::string label = option_label(spec);
    out += label;
    wrap(out, spec.help, label.size());

    std::string details;
    if (!spec.default_text.empty()) details = "Default: " + std::string(spec.default_text) + ".";
    std::string env = spec.locust_env ? locust_env_name(spec) : hornet_env_name(spec);
    if (!env.empty()) details += (details.empty() ? "Env:\x01" : " Env:\x01") + env;
    if (!details.empty()) wrap(out, details, 0);
}

const char* group_title(option_group group)
{
    switch (group) {
    case option_group::common: return "Common options";
    case option_group::web: return "Web UI options";
    case option_group::load_model: return "Open model (steady request rates)";
    case option_group::master: return "Master options (distributed test)";
    case option_group::worker: return "Worker options";
    case option_group::statistics: return "Statistics and reports";
    case option_group::logging: return "Logging";
    case option_group::hornet: return "Hornet";
    }
    return "";
}

} // namespace

std::string help_text()
{
    std::string out;
    out += "hornet " HORNET_VERSION " - a fast load-testing engine, drop-in for Locust.\n"
           "\n"
           "Usage:\n"
           "  hornet [OPTIONS] [UserClass ...]  run a test (only the named classes, if any)\n"
           "  hornet demo-target --port N       serve the built-in demo service on port N\n"
           "\n"
           "Without -f, Hornet runs quick mode: users of one class, QuickUser, GET the\n"
           "--host URL. Without --headless, open http://localhost:8089 to start the test.\n"
           "Same flags, CSV files, web API and exit codes as Locust.\n";

    for (auto group : {option_group::common, option_group::web, option_group::load_model, option_group::master,
                       option_group::worker, option_group::statistics, option_group::logging, option_group::hornet}) {
        out += "\n";
        out += group_title(group);
        out += ":\n";
        for (const auto& spec : option_specs()) {
            if (spec.group == group) add_option(out, spec);
        }
    }

    out += "\n"
           "Settings are read in this order, each overriding the ones before:\n"
           "~/.locust.conf, ./locust.conf, ./hornet.conf, --config FILE, LOCUST_* variables,\n"
           "HORNET_* variables, the command line. Config files hold \"key = value\" lines\n"
           "keyed by long option names (spawn-rate = 5, headless = true). Every LOCUST_*\n"
           "variable above also exists as HORNET_*, which wins over it.\n"
           "\n"
           "Exit codes:\n"
           "  0  the run passed\n"
           "  1  a request failed or a task raised (Locust's; set by --exit-code-on-error)\n"
           "  2  an argument, --check expression or report path that cannot be used (a bad\n"
           "     -t or --loglevel gives 1, as with Locust)\n"
           "  3  a threshold (--check, --check-rps, ...) was not met; wins over 1\n"
           "  4  the test could not run: no request completed, none reached the target, or\n"
           "     the expected workers never came; wins over 3 and 1\n"
           "\n"
           "Examples:\n"
           "  hornet -H http://127.0.0.1:8000 --headless -u 50 -t 30s\n"
           "      Quick mode: 50 users GET the host for 30 seconds, stats on the console.\n"
           "  hornet -f scenarios/users_api.json -H http://127.0.0.1:8000 --headless \\\n"
           "         -u 500 -r 50 -t 3m --csv out/run\n"
           "      A scenario run as in CI: writes out/run_stats.csv and Locust's other CSV\n"
           "      files; the exit code is 1 if any request failed.\n"
           "  hornet -H http://127.0.0.1:8000 --headless -u 20 -t 1m --check 'p95<300ms' \\\n"
           "         --check 'fail_ratio<1%' --check 'GET /api/users/[id]: p99<1s'\n"
           "      A CI verdict on the merged, exact percentiles: exit code 3 if one fails.\n"
           "  hornet report run.json --json again.json\n"
           "      The reports of a run saved with --json, written again.\n"
           "  hornet compare before.json after.json --max-regression 10%\n"
           "      Per endpoint, the change in RPS, p50/p95/p99 and errors between two saved\n"
           "      runs; exit code 3 if one regressed beyond 10%.\n"
           "  hornet demo-target --port 8000\n"
           "      Serve the demo target that the example scenarios run against.\n";
    return out;
}

} // namespace hornet::cli
