// From option text to typed options, with Locust's exit codes for each kind of mistake.
#include "cli/build_options.hpp"

#include <filesystem>
#include <limits>
#include <system_error>

#include "cli/usage_error.hpp"
#include "cli/value_text.hpp"
#include "core/byte_size.hpp"
#include "core/log.hpp"
#include "core/run_time.hpp"

namespace hornet::cli {

namespace {

const char* const run_time_formats = "Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.";
constexpr std::int64_t max_threads = 1024; // beyond this a typo is likelier than a machine

const std::string& single(const raw_value& raw)
{
    static const std::string empty;
    return raw.values.empty() ? empty : raw.values.back();
}

std::int64_t to_int(const raw_value& raw, std::int64_t low, std::int64_t high)
{
    const std::string& text = single(raw);
    auto value = parse_int(text);
    if (!value) throw argument_error(raw.origin + ": invalid int value: '" + text + "'");
    if (*value < low || *value > high) {
        std::string range = high == std::numeric_limits<std::int64_t>::max()
                                ? "must be >= " + std::to_string(low)
                                : "must be between " + std::to_string(low) + " and " + std::to_string(high);
        throw argument_error(raw.origin + ": " + range + ", got " + text);
    }
    return *value;
}

double to_positive_number(const raw_value& raw)
{
    const std::string& text = single(raw);
    auto value = parse_number(text);
    if (!value) throw argument_error(raw.origin + ": invalid float value: '" + text + "'");
    if (*value <= 0) throw argument_error(raw.origin + ": must be > 0, got " + text);
    return *value;
}

// A number >= 0 as the user wrote it (it becomes part of a threshold expression).
std::string non_negative_text(const raw_value& raw)
{
    const std::string& text = single(raw);
    auto value = parse_number(text);
    if (!value) throw argument_error(raw.origin + ": invalid float value: '" + text + "'");
    if (*value < 0) throw argument_error(raw.origin + ": must be >= 0, got " + text);
    return text;
}

// 2.12 takes whole seconds; newest takes a time span. Both are accepted.
double to_stop_timeout(const raw_value& raw)
{
    const std::string& text = single(raw);
    auto value = parse_number(text);
    if (!value) value = core::parse_run_time(text);
    if (!value || *value < 0) {
        throw argument_error(raw.origin + ": invalid value '" + text + "', expected seconds (30) or a time (1m30s)");
    }
    return *value;
}

std::uint64_t to_size(const raw_value& raw, std::uint64_t low, std::uint64_t high)
{
    const std::string& text = single(raw);
    auto value = core::parse_size(text);
    if (!value)
        throw argument_error(raw.origin + ": invalid size '" + text +
                             "', expected bytes (65536) or a size (64MiB, 512k)");
    if (*value < low || *value > high) {
        throw argument_error(raw.origin + ": must be between " + std::to_string(low) + " and " + std::to_string(high) +
                             " bytes, got " + text);
    }
    return *value;
}

bool to_flag(const raw_value& raw)
{
    return single(raw) == "true";
}

void apply(options& o, const std::string& key, const raw_value& raw)
{
    if (key == "locustfile") {
        // Repeated -f combine as the comma list does (Locust keeps the last one, silently).
        o.locustfile.clear();
        for (const auto& v : raw.values) {
            if (v.empty()) continue;
            if (!o.locustfile.empty()) o.locustfile += ',';
            o.locustfile += v;
        }
    } else if (key == "host")
        o.host = single(raw);
    else if (key == "users")
        o.users = to_int(raw, 0, std::numeric_limits<std::int64_t>::max());
    else if (key == "spawn-rate")
        o.spawn_rate = to_positive_number(raw);
    else if (key == "run-time") {
        auto seconds = core::parse_run_time(single(raw));
        if (!seconds) {
            throw usage_error(1, "hornet: error: " + raw.origin + ": invalid value '" + single(raw) + "'. " +
                                     run_time_formats);
        }
        o.run_time = seconds;
    } else if (key == "stop-timeout")
        o.stop_timeout = to_stop_timeout(raw);
    else if (key == "rate")
        o.rate = to_positive_number(raw);
    else if (key == "max-users")
        o.max_users = to_int(raw, 1, std::numeric_limits<std::int64_t>::max());
    else if (key == "arrival") {
        o.arrival = single(raw);
        if (o.arrival != "constant" && o.arrival != "poisson")
            throw argument_error(raw.origin + ": invalid choice: '" + o.arrival +
                                 "' (choose from 'constant', 'poisson')");
    } else if (key == "late-tolerance")
        o.late_tolerance = to_positive_number(raw);
    else if (key == "drop-after")
        o.drop_after = to_positive_number(raw);
    else if (key == "shape")
        o.shape_file = single(raw);
    else if (key == "step-load")
        o.step_load = to_flag(raw);
    else if (key == "step-users")
        o.step_users = to_int(raw, 1, std::numeric_limits<std::int64_t>::max());
    else if (key == "step-time") {
        auto seconds = core::parse_run_time(single(raw));
        if (!seconds || *seconds <= 0)
            throw argument_error(raw.origin + ": invalid value '" + single(raw) +
                                 "', expected a time > 0: 20, 30s, 1m30s");
        o.step_time = seconds;
    } else if (key == "headless")
        o.headless = to_flag(raw);
    else if (key == "list")
        o.list = to_flag(raw);
    else if (key == "tags")
        o.tags = raw.values;
    else if (key == "exclude-tags")
        o.exclude_tags = raw.values;
    else if (key == "csv")
        o.csv_prefix = single(raw);
    else if (key == "json")
        o.json_report = single(raw);
    else if (key == "html")
        o.html_report = single(raw);
    else if (key == "junit")
        o.junit_report = single(raw);
    else if (key == "summary-md")
        o.summary_md = single(raw);
    else if (key == "csv-full-history")
        o.csv_full_history = to_flag(raw);
    else if (key == "print-stats")
        o.print_stats = to_flag(raw);
    else if (key == "only-summary")
        o.only_summary = to_flag(raw);
    else if (key == "reset-stats")
        o.reset_stats = to_flag(raw);
    else if (key == "check")
        o.checks = raw.values;
    else if (key == "check-rps")
        o.plugin_checks.push_back("rps>=" + non_negative_text(raw));
    else if (key == "check-fail-ratio")
        o.plugin_checks.push_back("fail_ratio<=" + non_negative_text(raw));
    else if (key == "check-avg-response-time")
        o.plugin_checks.push_back("avg<=" + non_negative_text(raw) + "ms");
    else if (key == "exit-code-on-error")
        o.exit_code_on_error = static_cast<int>(to_int(raw, 0, 255));
    else if (key == "loglevel") {
        auto level = core::parse_log_level(single(raw));
        if (!level) {
            throw usage_error(1, "hornet: error: " + raw.origin + ": invalid log level '" + single(raw) +
                                     "'. Valid values are: DEBUG/INFO/WARNING/ERROR/CRITICAL");
        }
        static const char* const names[] = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
        o.loglevel = names[static_cast<int>(*level) / 10 - 1];
    } else if (key == "logfile")
        o.logfile = single(raw);
    else if (key == "web-host")
        o.web_host = single(raw);
    else if (key == "web-port") {
        o.web_port = static_cast<std::uint16_t>(to_int(raw, 0, 65535));
        o.web_port_given = true;
    } else if (key == "autostart")
        o.autostart = to_flag(raw);
    else if (key == "autoquit")
        o.autoquit = to_int(raw, -1, std::numeric_limits<std::int32_t>::max());
    else if (key == "web-auth") {
        o.web_auth = single(raw);
        if (!o.web_auth.empty() && o.web_auth.find(':') == std::string::npos)
            throw argument_error(raw.origin + ": expected user:pass, got '" + o.web_auth + "'");
    } else if (key == "tls-cert")
        o.tls_cert = single(raw);
    else if (key == "tls-key")
        o.tls_key = single(raw);
    else if (key == "class-picker")
        o.class_picker = to_flag(raw);
    else if (key == "no-metrics")
        o.headless_metrics = !to_flag(raw);
    else if (key == "metrics-locust-names")
        o.metrics_locust_names = to_flag(raw);
    else if (key == "master")
        o.master = to_flag(raw);
    else if (key == "master-bind-host")
        o.master_bind_host = single(raw);
    else if (key == "master-bind-port")
        o.master_bind_port = static_cast<std::uint16_t>(to_int(raw, 0, 65535));
    else if (key == "expect-workers")
        o.expect_workers = to_int(raw, 1, std::numeric_limits<std::int64_t>::max());
    else if (key == "expect-workers-max-wait")
        o.expect_workers_max_wait = to_int(raw, 0, std::numeric_limits<std::int64_t>::max());
    else if (key == "worker")
        o.worker = to_flag(raw);
    else if (key == "master-host")
        o.master_host = single(raw);
    else if (key == "master-timeout")
        o.master_timeout = to_positive_number(raw);
    else if (key == "master-port")
        o.master_port = static_cast<std::uint16_t>(to_int(raw, 1, 65535));
    else if (key == "threads")
        o.threads = static_cast<unsigned>(to_int(raw, 0, max_threads));
    else if (key == "tls-verify")
        o.tls_verify = to_flag(raw);
    else if (key == "ca-file") {
        o.ca_file = single(raw);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(o.ca_file, ec))
            throw argument_error(raw.origin + ": no such file '" + o.ca_file + "'");
        o.tls_verify = true;
    } else if (key == "connect-timeout")
        o.connect_timeout = to_positive_number(raw);
    else if (key == "request-timeout")
        o.request_timeout = to_positive_number(raw);
    else if (key == "max-body-size")
        o.max_body_size = to_size(raw, 0, std::numeric_limits<std::uint64_t>::max());
    // Beast counts header bytes in 32 bits.
    else if (key == "max-header-size")
        o.max_header_size = to_size(raw, 1024, std::numeric_limits<std::uint32_t>::max());
}

// Step load is three options that only make sense together (Locust 1.x refused the same).
void check_step_load(options& o)
{
    if (o.step_users.has_value() != o.step_time.has_value())
        throw argument_error(o.step_users ? "'--step-users' requires '--step-time'."
                                          : "'--step-time' requires '--step-users'.");
    if (o.step_load && !o.step_users) throw argument_error("'--step-load' requires '--step-users' and '--step-time'.");
    if (!o.step_users) return;
    o.step_load = true;
    if (!o.users) throw argument_error("step load requires -u/--users, the number of users to step up to.");
    if (!o.shape_file.empty())
        throw argument_error("'--shape' and step load (--step-users/--step-time) both set the load: pass one.");
}

} // namespace

options build_options(const raw_settings& settings)
{
    options o;
    for (const auto& [key, raw] : settings) apply(o, key, raw);
    if (o.csv_full_history && o.csv_prefix.empty()) {
        throw argument_error("'--csv-full-history' requires '--csv'.");
    }
    check_step_load(o);
    // Locust: "--autoquit is only meaningful in combination with --autostart" (exit 1).
    if (o.autoquit >= 0 && !o.autostart)
        throw usage_error(1, "hornet: error: --autoquit is only meaningful in combination with --autostart");
    if (o.tls_cert.empty() != o.tls_key.empty())
        throw argument_error("--tls-cert and --tls-key go together: give both");
    // Locust's exit codes for these two: -1 (255) and 1.
    if (o.master && o.worker)
        throw usage_error(255, "hornet: error: The --master argument cannot be combined with --worker");
    if (o.worker && o.run_time && *o.run_time > 0) {
        throw usage_error(1,
                          "hornet: error: --run-time should be specified on the master node, and not on worker nodes");
    }
    if (o.worker && o.rate)
        throw usage_error(1, "hornet: error: --rate should be specified on the master node, which shares it out "
                             "over its workers, and not on worker nodes");
    return o;
}

} // namespace hornet::cli
