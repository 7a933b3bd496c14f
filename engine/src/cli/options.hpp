// Everything the command line, LOCUST_*/HORNET_* variables and config files can set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hornet::cli {

/// Parsed options, with Locust's names and defaults. Sources, lowest precedence first:
/// defaults < ~/.locust.conf < ./locust.conf < ./hornet.conf < --config FILE
/// < LOCUST_* env < HORNET_* env < command line.
struct options
{
    // What to run
    std::string locustfile;                ///< -f; empty = ./locustfile.py, else ./hornet.json, else quick mode
    std::vector<std::string> user_classes; ///< positional UserClass names (empty = all)
    std::string host;                      ///< -H, base URL
    std::optional<std::int64_t> users;     ///< -u
    std::optional<double> spawn_rate;      ///< -r
    std::optional<double> run_time;        ///< -t, seconds; nullopt or 0 = forever
    std::optional<double> stop_timeout;    ///< -s, seconds
    bool headless = false;
    std::string shape_file;                 ///< --shape FILE: stages that replace -u/-r
    bool step_load = false;                 ///< --step-load (Locust 1.x; implied by the two below)
    std::optional<std::int64_t> step_users; ///< --step-users: users added per step, up to -u
    std::optional<double> step_time;        ///< --step-time, seconds per step
    bool list = false;                      ///< -l/--list

    // Open model
    std::optional<double> rate;            ///< --rate: iterations/s over the whole test
    std::optional<std::int64_t> max_users; ///< --max-users (default: -u if given, else 1000)
    std::string arrival = "constant";      ///< --arrival: constant | poisson
    double late_tolerance = 0.1;           ///< --late-tolerance, seconds
    double drop_after = 10;                ///< --drop-after, seconds

    // Web UI (Locust's names)
    std::string web_host;              ///< --web-host; "" or "*" = all interfaces
    std::uint16_t web_port = 8089;     ///< --web-port/-P; 0 = any free port
    bool web_port_given = false;       ///< --web-port set by a flag, variable or config file
    bool autostart = false;            ///< --autostart
    std::int64_t autoquit = -1;        ///< --autoquit seconds; -1 = never
    std::string web_auth;              ///< --web-auth user:pass
    std::string tls_cert;              ///< --tls-cert
    std::string tls_key;               ///< --tls-key
    bool class_picker = false;         ///< --class-picker
    bool headless_metrics = true;      ///< false with --no-metrics (headless /metrics needs --web-port)
    bool metrics_locust_names = false; ///< --metrics-locust-names

    // Statistics and reports
    std::string csv_prefix; ///< --csv
    bool csv_full_history = false;
    std::string json_report;  ///< --json FILE
    std::string html_report;  ///< --html FILE
    std::string junit_report; ///< --junit FILE
    std::string summary_md;   ///< --summary-md FILE
    bool print_stats = false;
    bool only_summary = false;
    bool reset_stats = false;
    std::vector<std::string> tags;         ///< -T
    std::vector<std::string> exclude_tags; ///< -E
    int exit_code_on_error = 1;
    std::vector<std::string> checks; ///< --check expressions (app parses them: report::parse_threshold)
    /// locust-plugins' checks as threshold expressions: --check-rps 5 is "rps>=5",
    /// --check-fail-ratio 0.05 "fail_ratio<=0.05", --check-avg-response-time 50 "avg<=50ms".
    std::vector<std::string> plugin_checks;

    // Logging
    std::string loglevel = "INFO";
    std::string logfile;

    // Distributed mode (Locust's master/worker protocol)
    bool master = false;                      ///< --master
    std::string master_bind_host = "*";       ///< --master-bind-host; "*" = all interfaces
    std::uint16_t master_bind_port = 5557;    ///< --master-bind-port; 0 = any free port
    std::int64_t expect_workers = 1;          ///< --expect-workers (headless master)
    std::int64_t expect_workers_max_wait = 0; ///< seconds; 0 = wait forever
    bool worker = false;                      ///< --worker
    std::string master_host = "127.0.0.1";    ///< --master-host (worker)
    std::uint16_t master_port = 5557;         ///< --master-port (worker)
    double master_timeout = 60;               ///< --master-timeout: seconds without the master before a worker quits

    // Hornet's own
    unsigned threads = 0;                       ///< --threads; 0 = number of cores
    bool tls_verify = false;                    ///< --tls-verify
    std::string ca_file;                        ///< --ca-file (implies tls_verify)
    double connect_timeout = 60;                ///< --connect-timeout, seconds
    double request_timeout = 60;                ///< --request-timeout, seconds
    std::uint64_t max_body_size = 64ull << 20;  ///< --max-body-size: most body bytes kept for readers
    std::uint64_t max_header_size = 1ull << 20; ///< --max-header-size
};

/// Outcome of parsing: either options to run with, or an exit code and what to print
/// (--help, --version, or a usage error). Exit codes follow Locust: 0 help/version, 2 for
/// argument errors (unknown option, bad number, --csv-full-history without --csv, bad
/// config file), 1 for a malformed run time or log level and for -t on a worker, 255 for
/// --master with --worker.
struct parse_result
{
    std::optional<options> opts;
    int exit_code = 0;
    std::string message; ///< ends with '\n'; to stdout for help/version (exit 0), stderr otherwise
};

/// Parses argv and the environment (envp == nullptr: use ::environ). `cwd` and `home`
/// locate locust.conf/hornet.conf and ~/.locust.conf (home "" = $HOME from envp); tests
/// pass temporary folders. `hornet demo-target ...` is not parsed here: main dispatches
/// on argv[1] first.
parse_result parse(int argc, const char* const* argv, const char* const* envp = nullptr, const std::string& cwd = ".",
                   const std::string& home = "");

} // namespace hornet::cli
