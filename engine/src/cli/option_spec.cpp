// Hornet's options with Locust's names, defaults and environment variables (locust-compat §6).
#include "cli/option_spec.hpp"

#include <array>

namespace hornet::cli {

namespace {

using k = option_kind;
using g = option_group;

constexpr std::array specs{
    // key               short kind       metavar   group          env                locust config default / help
    option_spec{"locustfile", 'f', k::append, "FILE", g::common, "LOCUSTFILE", true, true,
                "locustfile.py, hornet.json or quick mode",
                "Scenario to run: a locustfile (.py), a folder of them, a .json scenario file or a .so plugin; "
                "several as a comma list (a.py,b.py) or repeated (-f a.py -f b.py), which make one scenario."},
    option_spec{"config", 0, k::action, "FILE", g::common, "", false, false, "",
                "Extra config file, read after ~/.locust.conf, ./locust.conf and ./hornet.conf."},
    option_spec{"host", 'H', k::value, "URL", g::common, "HOST", true, true, "the scenario's own host",
                "Base URL of the system under test, e.g. http://127.0.0.1:8000."},
    option_spec{"users", 'u', k::value, "NUM", g::common, "USERS", true, true, "1 when starting headless",
                "Peak number of concurrent users."},
    option_spec{"spawn-rate", 'r', k::value, "RATE", g::common, "SPAWN_RATE", true, true, "1",
                "Users started per second while ramping up (may be fractional)."},
    option_spec{"run-time", 't', k::value, "TIME", g::common, "RUN_TIME", true, true, "none, run until stopped",
                "Stop after this long: 20, 20s, 3m, 2h, 1h20m, 3h30m10s. 0 = no limit."},
    option_spec{"shape", 0, k::value, "FILE", g::common, "SHAPE", false, true, "the scenario's \"stages\", if any",
                "Load shape: a JSON file of stages that follow each other, [{\"duration\": \"2m\", \"users\": 100, "
                "\"spawn_rate\": 10}, ...] or [{\"duration\": \"5m\", \"rate\": 20}, ...]; replaces -u/-r. The test "
                "stops after the last stage (or at -t)."},
    option_spec{"step-load", 0, k::flag, "", g::common, "STEP_LOAD", true, true, "off",
                "Locust 1.x's step load switch; --step-users and --step-time alone turn it on."},
    option_spec{"step-users", 0, k::value, "NUM", g::common, "STEP_USERS", true, true, "none",
                "Step load: add this many users every --step-time, up to -u, then hold (spawning at -r)."},
    option_spec{"step-time", 0, k::value, "TIME", g::common, "STEP_TIME", true, true, "none",
                "Step load: how long each step lasts: 20, 30s, 1m30s."},
    option_spec{"stop-timeout", 's', k::value, "SECONDS", g::common, "STOP_TIMEOUT", true, true, "0, stop at once",
                "On stop, let running tasks finish for up to this long (seconds or a run time)."},
    option_spec{"headless", 0, k::flag, "", g::common, "HEADLESS", true, true, "off",
                "No web UI: start the test at once and print stats to the console."},
    option_spec{"list", 'l', k::flag, "", g::common, "", false, true, "",
                "Print the user classes of the scenario and exit."},
    option_spec{"tags", 'T', k::list, "TAG", g::common, "TAGS", true, true, "all tasks",
                "Only run tasks tagged with any of these (space or comma separated)."},
    option_spec{"exclude-tags", 'E', k::list, "TAG", g::common, "EXCLUDE_TAGS", true, true, "none",
                "Skip tasks with any of these tags."},
    option_spec{"help", 'h', k::action, "", g::common, "", false, false, "", "Show this help and exit."},
    option_spec{"version", 'V', k::action, "", g::common, "", false, false, "", "Show the version and exit."},

    option_spec{"web-host", 0, k::value, "HOST", g::web, "WEB_HOST", true, true, "all interfaces",
                "Interface the web UI and API listen on; \"\" or * = all."},
    option_spec{"web-port", 'P', k::value, "PORT", g::web, "WEB_PORT", true, true, "8089",
                "Port of the web UI and API (0 = any free port; the log line names it). With --headless, "
                "giving it serves /metrics there (see --no-metrics)."},
    option_spec{"autostart", 0, k::flag, "", g::web, "AUTOSTART", true, true, "off",
                "Start the test at once (with -u, -r, -t) and keep the web UI running; at the run time's end "
                "the test stops, the process stays."},
    option_spec{"autoquit", 0, k::value, "SECONDS", g::web, "AUTOQUIT", true, true, "-1 = never",
                "Quit this many seconds after the test ended. Needs --autostart."},
    option_spec{"web-auth", 0, k::value, "USER:PASS", g::web, "WEB_AUTH", true, true, "none",
                "Protect every web route with HTTP Basic authentication."},
    option_spec{"tls-cert", 0, k::value, "FILE", g::web, "TLS_CERT", true, true, "none",
                "PEM certificate: serve the web UI and API over HTTPS. Needs --tls-key."},
    option_spec{"tls-key", 0, k::value, "FILE", g::web, "TLS_KEY", true, true, "none",
                "PEM private key of --tls-cert."},
    option_spec{"class-picker", 0, k::flag, "", g::web, "USERCLASS_PICKER", true, true, "off",
                "Let the start form choose which user classes run."},
    option_spec{"no-metrics", 0, k::flag, "", g::web, "NO_METRICS", false, true, "off",
                "With --headless and --web-port: do not serve /metrics. (With --headless, /metrics is served only "
                "when --web-port is given; a taken port is a warning, never a failed run.)"},
    option_spec{"metrics-locust-names", 0, k::flag, "", g::web, "METRICS_LOCUST_NAMES", false, true, "off",
                "/metrics also shows locust_exporter's locust_* families, for existing Grafana dashboards."},
    option_spec{"rate", 0, k::value, "RATE", g::load_model, "RATE", false, true, "none (closed model: -u users)",
                "Start this many task iterations per second over the whole test (may be fractional, e.g. 0.5), "
                "whatever the response times: the open model. Latencies are also measured from each iteration's "
                "intended start (corrected for coordinated omission); late and dropped iterations are counted."},
    option_spec{"max-users", 0, k::value, "NUM", g::load_model, "MAX_USERS", false, true, "-u if given, else 1000",
                "With --rate: the most users that run the iterations (started on demand)."},
    option_spec{"arrival", 0, k::value, "KIND", g::load_model, "ARRIVAL", false, true, "constant",
                "With --rate: 'constant' (evenly spaced starts) or 'poisson' (independent random starts)."},
    option_spec{"late-tolerance", 0, k::value, "SECONDS", g::load_model, "LATE_TOLERANCE", false, true, "0.1",
                "With --rate: an iteration that begins later than this after its intended start counts as late."},
    option_spec{"drop-after", 0, k::value, "SECONDS", g::load_model, "DROP_AFTER", false, true, "10",
                "With --rate: a start that finds no free user for this long is dropped (counted, never run)."},

    option_spec{"master", 0, k::flag, "", g::master, "MODE_MASTER", true, true, "off",
                "Run as the master of a distributed test: Locust or Hornet workers connect to it."},
    option_spec{"master-bind-host", 0, k::value, "HOST", g::master, "MASTER_BIND_HOST", true, true,
                "* (all interfaces)", "Interface the master listens on for workers."},
    option_spec{"master-bind-port", 0, k::value, "PORT", g::master, "MASTER_BIND_PORT", true, true, "5557",
                "Port the master listens on for workers (0 = any free port)."},
    option_spec{"expect-workers", 0, k::value, "NUM", g::master, "EXPECT_WORKERS", true, true, "1",
                "With --headless: wait for this many workers to be ready before starting."},
    option_spec{"expect-workers-max-wait", 0, k::value, "SECONDS", g::master, "EXPECT_WORKERS_MAX_WAIT", true, true,
                "0 = wait forever", "Give up (exit 1) if the expected workers are not ready in time."},

    option_spec{"worker", 0, k::flag, "", g::worker, "MODE_WORKER", true, true, "off",
                "Run as a worker: connect to a master (Locust's or Hornet's) and run the users it "
                "asks for. The scenario (-f, or quick mode) must define the classes the master names."},
    option_spec{"master-host", 0, k::value, "HOST", g::worker, "MASTER_NODE_HOST", true, true, "127.0.0.1",
                "Host or IP address of the master."},
    option_spec{"master-port", 0, k::value, "PORT", g::worker, "MASTER_NODE_PORT", true, true, "5557",
                "Port of the master."},
    option_spec{"master-timeout", 0, k::value, "SECONDS", g::worker, "MASTER_TIMEOUT", false, true, "60",
                "Stop the users and exit (code 1) when the master sends no heartbeat, or the "
                "connection to it stays down, for this long."},

    option_spec{"csv", 0, k::value, "PREFIX", g::statistics, "CSV", true, true, "none",
                "Write PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv and "
                "PREFIX_exceptions.csv, in Locust's format."},
    option_spec{"csv-full-history", 0, k::flag, "", g::statistics, "CSV_FULL_HISTORY", true, true, "off",
                "Also write every entry, not just Aggregated, to the history file. Needs --csv."},
    option_spec{"print-stats", 0, k::flag, "", g::statistics, "PRINT_STATS", true, true, "off",
                "Print the stats table to the console while the web UI runs too."},
    option_spec{"only-summary", 0, k::flag, "", g::statistics, "ONLY_SUMMARY", true, true, "off",
                "Print only the final summary, not the periodic tables."},
    option_spec{"reset-stats", 0, k::flag, "", g::statistics, "RESET_STATS", true, true, "off",
                "Reset the statistics once spawning has completed."},
    option_spec{"exit-code-on-error", 0, k::value, "CODE", g::statistics, "EXIT_CODE_ON_ERROR", true, true, "1",
                "Exit code when any request failed or a task raised."},
    option_spec{"html", 0, k::value, "FILE", g::statistics, "HTML", true, true, "none",
                "Write the HTML report at the end: one self-contained file that opens offline, with the verdict "
                "and thresholds, the run's parameters, charts over time, percentiles per endpoint and the "
                "statistics, failures and exceptions tables."},
    option_spec{"json", 0, k::value, "FILE", g::statistics, "JSON", false, true, "none",
                "Write the run as JSON at the end: parameters, verdict, thresholds, per-endpoint counts, failures "
                "by kind and percentiles, the time series (docs/report.schema.json). `hornet report` and "
                "`hornet compare` read it."},
    option_spec{"junit", 0, k::value, "FILE", g::statistics, "JUNIT", false, true, "none",
                "Write a JUnit XML report at the end for CI test views: one test per threshold and per endpoint "
                "(failing when a request failed), e.g. --junit reports/TEST-hornet.xml."},
    option_spec{"summary-md", 0, k::value, "FILE", g::statistics, "SUMMARY_MD", false, true, "none",
                "Write a short markdown summary at the end (verdict, thresholds, top endpoints). It is also "
                "appended to $GITHUB_STEP_SUMMARY when that is set."},
    option_spec{"check", 0, k::append, "EXPR", g::statistics, "CHECK", false, true, "none",
                "A threshold the run must meet, on the final merged stats: 'p95<300ms', 'fail_ratio<1%', "
                "'rps>50', 'GET /api/users/[id]: p99<1s', 'each: max<2s'. Exit code 3 when one fails. "
                "'fail_ratio<5% abort_on_fail after 20s' stops the test as soon as it fails."},
    option_spec{"check-rps", 0, k::value, "RPS", g::statistics, "CHECK_RPS", true, true, "none",
                "locust-plugins' check: at least this many requests/s over the run (--check 'rps>=RPS')."},
    option_spec{"check-fail-ratio", 0, k::value, "RATIO", g::statistics, "CHECK_FAIL_RATIO", true, true, "none",
                "locust-plugins' check: at most this failure ratio, 0 to 1 (--check 'fail_ratio<=RATIO')."},
    option_spec{"check-avg-response-time", 0, k::value, "MS", g::statistics, "CHECK_AVG_RESPONSE_TIME", true, true,
                "none", "locust-plugins' check: at most this average response time (--check 'avg<=MSms')."},

    option_spec{"loglevel", 'L', k::value, "LEVEL", g::logging, "LOGLEVEL", true, true, "INFO",
                "DEBUG, INFO, WARNING, ERROR or CRITICAL (any case)."},
    option_spec{"logfile", 0, k::value, "FILE", g::logging, "LOGFILE", true, true, "stderr",
                "Write log lines to this file; stats tables still go to stderr."},

    option_spec{"threads", 0, k::value, "N", g::hornet, "THREADS", false, true, "0 = one per CPU core",
                "Worker threads, each with its own event loop, users and stats shard."},
    option_spec{"connect-timeout", 0, k::value, "SECONDS", g::hornet, "CONNECT_TIMEOUT", false, true, "60",
                "DNS lookup, TCP connect and TLS handshake of a request; longer fails it with a TimeoutError."},
    option_spec{"request-timeout", 0, k::value, "SECONDS", g::hornet, "REQUEST_TIMEOUT", false, true, "60",
                "From sending a request to the last byte of its response (per redirect); longer fails it with "
                "a TimeoutError."},
    option_spec{"tls-verify", 0, k::flag, "", g::hornet, "TLS_VERIFY", false, true, "off",
                "Check https servers' certificates and names against the system's CA store (or --ca-file). "
                "Off by default, as Locust's FastHttpUser: staging certificates are often self-signed."},
    option_spec{"ca-file", 0, k::value, "FILE", g::hornet, "CA_FILE", false, true, "",
                "PEM file of the CA certificates that verify https servers; implies --tls-verify."},
    option_spec{"max-body-size", 0, k::value, "BYTES", g::hornet, "MAX_BODY_SIZE", false, true, "64MiB",
                "Largest response body kept for a check, an extract or C++ code to read (a longer one fails that "
                "request). Bodies nothing reads are counted and dropped as they arrive, whatever their size. "
                "Units: 512k, 64MiB, 1GB."},
    option_spec{"max-header-size", 0, k::value, "BYTES", g::hornet, "MAX_HEADER_SIZE", false, true, "1MiB",
                "Largest response header block (status line and fields); a larger one fails that request."},
};

} // namespace

std::span<const option_spec> option_specs()
{
    return specs;
}

const option_spec* find_option(std::string_view key)
{
    std::string normal(key);
    for (char& c : normal) {
        if (c == '_') c = '-';
    }
    for (const auto& spec : specs) {
        if (spec.key == normal) return &spec;
    }
    return nullptr;
}

std::string display_name(const option_spec& spec)
{
    std::string name;
    if (spec.short_name != 0) {
        name += '-';
        name += spec.short_name;
        name += '/';
    }
    name += "--";
    name += spec.key;
    return name;
}

std::string locust_env_name(const option_spec& spec)
{
    if (spec.env.empty() || !spec.locust_env) return {};
    return "LOCUST_" + std::string(spec.env);
}

std::string hornet_env_name(const option_spec& spec)
{
    if (spec.env.empty()) return {};
    return "HORNET_" + std::string(spec.env);
}

} // namespace hornet::cli
