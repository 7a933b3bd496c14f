// Proves report/prometheus_text.hpp is self-contained; checks /metrics' text against the recorded stats.
#include "report/prometheus_text.hpp"

#include "report/metrics_sample.hpp"
#include "stats/shard.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace hornet;

namespace {

struct sample
{
    std::string name;   // family member: hornet_request_duration_seconds_bucket
    std::string labels; // the text between the braces, escaped as written
    double value = 0;
};

struct exposition
{
    std::vector<sample> samples;
    std::vector<std::string> help;                   // families, in the order of their HELP lines
    std::map<std::string, std::string> types;        // family -> type
    std::map<std::string, std::size_t> first_sample; // family member -> index of its first sample
};

// The text format read line by line: comments are HELP and TYPE, every other line is
// `name{labels} value` (labels hold no unescaped newline, so a line is a sample).
exposition parse(const std::string& text)
{
    exposition e;
    REQUIRE(!text.empty());
    REQUIRE(text.back() == '\n');
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        REQUIRE(!line.empty());
        if (line.rfind("# HELP ", 0) == 0) {
            const std::string rest = line.substr(7);
            e.help.push_back(rest.substr(0, rest.find(' ')));
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            const std::string rest = line.substr(7);
            const std::string family = rest.substr(0, rest.find(' '));
            CHECK_MESSAGE(e.types.count(family) == 0, "second TYPE for " << family);
            CHECK_MESSAGE(!e.help.empty(), "TYPE before HELP: " << family);
            if (!e.help.empty()) CHECK(e.help.back() == family);
            e.types[family] = rest.substr(rest.find(' ') + 1);
            continue;
        }
        REQUIRE_MESSAGE(line[0] != '#', line);
        const std::size_t space = line.rfind(' ');
        REQUIRE(space != std::string::npos);
        sample s;
        const std::string series = line.substr(0, space);
        const std::size_t brace = series.find('{');
        s.name = series.substr(0, brace);
        if (brace != std::string::npos) {
            REQUIRE(series.back() == '}');
            s.labels = series.substr(brace + 1, series.size() - brace - 2);
        }
        const std::string value = line.substr(space + 1);
        s.value = value == "+Inf" ? 1e308 : std::stod(value);
        e.first_sample.emplace(s.name, e.samples.size());
        e.samples.push_back(std::move(s));
    }
    return e;
}

// The value of one series; fails the test when it is missing or repeated.
double value_of(const exposition& e, std::string_view name, std::string_view labels = "")
{
    const sample* found = nullptr;
    int n = 0;
    for (const sample& s : e.samples)
        if (s.name == name && s.labels == labels) {
            found = &s;
            ++n;
        }
    INFO("series ", name, "{", labels, "}");
    REQUIRE(n == 1);
    return found->value;
}

bool has_family(const exposition& e, std::string_view prefix)
{
    return std::any_of(e.samples.begin(), e.samples.end(),
                       [&](const sample& s) { return s.name.rfind(prefix, 0) == 0; }) ||
           std::any_of(e.help.begin(), e.help.end(), [&](const std::string& h) { return h.rfind(prefix, 0) == 0; });
}

std::string endpoint(std::string_view method, std::string_view name)
{
    std::string out = "method=\"";
    report::append_label_value(out, method);
    out += "\",name=\"";
    report::append_label_value(out, name);
    out += '"';
    return out;
}

std::string escaped(std::string_view value)
{
    std::string out;
    report::append_label_value(out, value);
    return out;
}

report::metrics_state running_state()
{
    report::metrics_state s;
    s.state = "running";
    s.users = 25;
    s.workers = 3;
    s.missing_workers = 1;
    s.event_loop_lag_seconds = 0.0125;
    s.cpu_seconds = 12.5;
    return s;
}

} // namespace

TEST_CASE("label values: backslash, double quote and line feed escaped, UTF-8 kept, bad bytes replaced")
{
    CHECK(escaped("plain /api/users?id=1") == "plain /api/users?id=1");
    CHECK(escaped("a\\b") == "a\\\\b");
    CHECK(escaped("say \"hi\"") == "say \\\"hi\\\"");
    CHECK(escaped("two\nlines") == "two\\nlines");
    CHECK(escaped("tab\there\r") == "tab\there\r"); // the format escapes only the three
    CHECK(escaped("\xC3\xA9t\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x90\x9D") ==
          "\xC3\xA9t\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x90\x9D");
    CHECK(escaped("a\xFF"
                  "b") == "a\xEF\xBF\xBD"
                          "b");
    CHECK(escaped("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong '/'
    CHECK(escaped("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
    CHECK(escaped("\xE2\x9C") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // cut short
    CHECK(escaped("\xF4\x90\x80\x80").find("\xEF\xBF\xBD") == 0);             // past U+10FFFF
}

TEST_CASE("request counts and bytes per endpoint equal the recorded stats; no Aggregated series")
{
    const stats::aggregate agg = test::metrics_sample();
    const exposition e = parse(report::prometheus_text(agg, running_state(), {}));
    CHECK(e.types.at("hornet_requests_total") == "counter");
    CHECK(e.types.at("hornet_response_bytes_total") == "counter");
    std::size_t rows = 0;
    for (const stats::entry* row : agg.entries()) {
        ++rows;
        CHECK(value_of(e, "hornet_requests_total", endpoint(row->method, row->name)) ==
              static_cast<double>(row->num_requests));
        CHECK(value_of(e, "hornet_response_bytes_total", endpoint(row->method, row->name)) ==
              static_cast<double>(row->total_content_length));
    }
    CHECK(rows == 5);
    CHECK(value_of(e, "hornet_requests_total", endpoint("GET", "/")) == 200);
    CHECK(value_of(e, "hornet_response_bytes_total", endpoint("GET", "/")) == 200 * 1024);
    CHECK(value_of(e, "hornet_requests_total", endpoint("POST", "/api/users")) == 48);
    for (const sample& s : e.samples) CHECK(s.labels.find("Aggregated") == std::string::npos);
    CHECK(value_of(e, "hornet_exceptions_total") == 1);
}

TEST_CASE("failures are counted per kind, and add up to each endpoint's failures")
{
    const stats::aggregate agg = test::metrics_sample();
    const exposition e = parse(report::prometheus_text(agg, running_state(), {}));
    const auto failures = [&](std::string_view method, std::string_view name, std::string_view kind) {
        return value_of(e, "hornet_request_failures_total",
                        endpoint(method, name) + ",kind=\"" + std::string(kind) + "\"");
    };
    CHECK(failures("GET", "/", "status") == 2);
    CHECK(failures("POST", "/api/users", "timeout") == 4);
    CHECK(failures("POST", "/api/users", "connect_refused") == 2);
    CHECK(failures("POST", "/api/users", "check") == 2); // two error texts, one kind
    CHECK(failures("GET", test::hostile_name, "other") == 1);

    std::map<std::string, double> by_endpoint;
    for (const sample& s : e.samples)
        if (s.name == "hornet_request_failures_total")
            by_endpoint[s.labels.substr(0, s.labels.find(",kind="))] += s.value;
    for (const stats::entry* row : agg.entries()) {
        const std::string key = endpoint(row->method, row->name);
        CHECK(by_endpoint[key] == static_cast<double>(row->num_failures));
    }
}

TEST_CASE("duration buckets are cumulative, count the values at or below each bound, +Inf equals _count")
{
    // Values chosen on and around the bounds; the expected counts come from the values themselves.
    std::vector<double> ms{0.2,   1.0,    1.001,  2.5,    2.6,     9.99,    10.0,    10.02,   49.0,    100.0,    100.5,
                           999.0, 1000.0, 2500.0, 4999.0, 10000.0, 20000.0, 59000.0, 60000.0, 60100.0, 3600000.0};
    stats::aggregate agg(1000.0);
    stats::shard s;
    for (double v : ms) s.record("GET", "/b", v, 0, "", 1001.0);
    agg.merge(s.take());
    const exposition e = parse(report::prometheus_text(agg, running_state(), {}));
    CHECK(e.types.at("hornet_request_duration_seconds") == "histogram");

    const std::string labels = endpoint("GET", "/b");
    double previous = 0;
    for (std::size_t i = 0; i < report::duration_bucket_bounds.size(); ++i) {
        const double bound_ms = static_cast<double>(report::duration_bucket_bounds_us[i]) / 1000.0;
        CHECK(std::stod(std::string(report::duration_bucket_bounds[i])) * 1000.0 == doctest::Approx(bound_ms));
        const auto expected = std::count_if(ms.begin(), ms.end(), [&](double v) { return v <= bound_ms; });
        const double got = value_of(e, "hornet_request_duration_seconds_bucket",
                                    labels + ",le=\"" + std::string(report::duration_bucket_bounds[i]) + "\"");
        INFO("le=", report::duration_bucket_bounds[i]);
        CHECK(got == static_cast<double>(expected));
        CHECK(got >= previous);
        previous = got;
    }
    const double inf = value_of(e, "hornet_request_duration_seconds_bucket", labels + ",le=\"+Inf\"");
    CHECK(inf == static_cast<double>(ms.size()));
    CHECK(value_of(e, "hornet_request_duration_seconds_count", labels) == inf);
    double sum_s = 0;
    for (double v : ms) sum_s += v / 1000.0;
    CHECK(value_of(e, "hornet_request_duration_seconds_sum", labels) == doctest::Approx(sum_s).epsilon(1e-9));
}

TEST_CASE("every endpoint's histogram agrees with its HDR data")
{
    const stats::aggregate agg = test::metrics_sample();
    const exposition e = parse(report::prometheus_text(agg, running_state(), {}));
    for (const stats::entry* row : agg.entries()) {
        const std::string labels = endpoint(row->method, row->name);
        const stats::histogram& h = row->response_times;
        double previous = 0;
        for (std::size_t i = 0; i < report::duration_bucket_bounds.size(); ++i) {
            // At or below the bound as the HDR data knows it: counters starting at or below it.
            std::uint64_t expected = 0;
            h.for_each([&](std::uint64_t v, std::uint64_t n) {
                if (v <= report::duration_bucket_bounds_us[i]) expected += n;
            });
            const double got = value_of(e, "hornet_request_duration_seconds_bucket",
                                        labels + ",le=\"" + std::string(report::duration_bucket_bounds[i]) + "\"");
            CHECK(got == static_cast<double>(expected));
            CHECK(got >= previous);
            previous = got;
        }
        CHECK(value_of(e, "hornet_request_duration_seconds_bucket", labels + ",le=\"+Inf\"") ==
              static_cast<double>(h.count()));
        CHECK(value_of(e, "hornet_request_duration_seconds_count", labels) == static_cast<double>(h.count()));
        CHECK(value_of(e, "hornet_request_duration_seconds_sum", labels) ==
              doctest::Approx(static_cast<double>(h.sum()) / 1e6));
    }
    // The edge endpoint: five responses of exactly 10 ms are <= 0.01 s, the one of 10.02 ms is not.
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/edge") + ",le=\"0.01\"") == 5);
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/edge") + ",le=\"0.025\"") == 6);
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/edge") + ",le=\"2.5\"") == 7);
    // 75 s is past the last bound: only +Inf counts it.
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/slow") + ",le=\"60\"") == 1);
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/slow") + ",le=\"+Inf\"") == 2);
}

TEST_CASE("a hostile endpoint name stays inside its label value")
{
    const stats::aggregate agg = test::metrics_sample();
    const std::string text = report::prometheus_text(agg, running_state(), {.locust_names = true});
    const exposition e = parse(text); // every line is a comment or a whole sample
    const std::string name = escaped(test::hostile_name);
    CHECK(name.find('\n') == std::string::npos);
    CHECK(name.find("\\\"quoted\\\"") != std::string::npos);
    CHECK(name.find("C:\\\\dir\\nnext") != std::string::npos);
    CHECK(name.find("\xC3\xA9t\xC3\xA9 \xE2\x9C\x93 \xEF\xBF\xBD end") != std::string::npos);
    CHECK(value_of(e, "hornet_requests_total", endpoint("GET", test::hostile_name)) == 2);
    CHECK(value_of(e, "locust_errors",
                   endpoint("GET", test::hostile_name) +
                       ",error=\"Error with \\\"quotes\\\" and \\\\ backslash\\nand a line\"") == 1);
}

TEST_CASE("families: HELP then TYPE once each, samples of a family together, Prometheus' names")
{
    const stats::aggregate agg = test::metrics_sample();
    for (bool locust : {false, true}) {
        const exposition e = parse(report::prometheus_text(agg, running_state(), {.locust_names = locust}));
        CHECK(std::set<std::string>(e.help.begin(), e.help.end()).size() == e.help.size());
        CHECK(e.types.size() == e.help.size());
        std::string current;
        std::set<std::string> seen;
        for (const sample& s : e.samples) {
            std::string family = s.name;
            for (std::string_view suffix : {"_bucket", "_sum", "_count"})
                if (!e.types.count(family) && family.size() > suffix.size() &&
                    family.compare(family.size() - suffix.size(), suffix.size(), suffix) == 0)
                    family.resize(family.size() - suffix.size());
            INFO(s.name);
            REQUIRE(e.types.count(family) == 1);
            if (family != current) {
                CHECK(seen.insert(family).second); // not seen before: the family is contiguous
                current = family;
            }
            if (e.types.at(family) == "counter") CHECK(family.size() > 6);
            if (e.types.at(family) == "counter") CHECK(family.compare(family.size() - 6, 6, "_total") == 0);
        }
        for (const std::string& family : e.help) CHECK(family.rfind(locust ? "" : "hornet_", 0) == 0);
    }
}

TEST_CASE("run state: users, one series per state, workers and the generator's health")
{
    const stats::aggregate agg = test::metrics_sample();
    report::metrics_state state = running_state();
    exposition e = parse(report::prometheus_text(agg, state, {}));
    CHECK(value_of(e, "hornet_users") == 25);
    for (std::string_view s : report::metrics_states)
        CHECK(value_of(e, "hornet_state", "state=\"" + std::string(s) + "\"") == (s == "running" ? 1 : 0));
    CHECK(value_of(e, "hornet_workers") == 3);
    CHECK(value_of(e, "hornet_workers_missing") == 1);
    CHECK(value_of(e, "hornet_event_loop_lag_seconds") == 0.0125);
    CHECK(value_of(e, "hornet_process_cpu_seconds_total") == 12.5);
    CHECK(e.types.at("hornet_state") == "gauge");
    CHECK(e.types.at("hornet_process_cpu_seconds_total") == "counter");

    state.state = "stopped";
    e = parse(report::prometheus_text(agg, state, {}));
    CHECK(value_of(e, "hornet_state", "state=\"stopped\"") == 1);
    CHECK(value_of(e, "hornet_state", "state=\"running\"") == 0);

    state.state = "cleanup \"odd\"";
    e = parse(report::prometheus_text(agg, state, {}));
    CHECK(value_of(e, "hornet_state", "state=\"cleanup \\\"odd\\\"\"") == 1);
    double ones = 0;
    for (const sample& s : e.samples)
        if (s.name == "hornet_state") ones += s.value;
    CHECK(ones == 1);
}

TEST_CASE("locust names only with the option, with locust_exporter's rows including Aggregated")
{
    const stats::aggregate agg = test::metrics_sample();
    const exposition plain = parse(report::prometheus_text(agg, running_state(), {}));
    CHECK_FALSE(has_family(plain, "locust_"));

    const exposition e = parse(report::prometheus_text(agg, running_state(), {.locust_names = true}));
    CHECK(has_family(e, "hornet_requests_total"));
    const stats::entry& total = agg.total();
    const std::string aggregated = endpoint("", "Aggregated");
    CHECK(value_of(e, "locust_requests_num_requests", aggregated) == static_cast<double>(total.num_requests));
    CHECK(value_of(e, "locust_requests_num_failures", aggregated) == static_cast<double>(total.num_failures));
    CHECK(value_of(e, "locust_requests_avg_response_time", aggregated) == doctest::Approx(total.avg_response_time()));
    CHECK(value_of(e, "locust_requests_max_response_time", aggregated) == 75000);
    CHECK(value_of(e, "locust_requests_min_response_time", aggregated) == 1); // 0.5 ms rounds half up
    CHECK(value_of(e, "locust_requests_median_response_time", aggregated) ==
          static_cast<double>(total.median_response_time()));
    CHECK(value_of(e, "locust_requests_avg_content_length", aggregated) == doctest::Approx(total.avg_content_length()));
    CHECK(value_of(e, "locust_requests_current_rps", aggregated) == doctest::Approx(agg.current_rps(total)));
    CHECK(value_of(e, "locust_requests_current_fail_per_sec", aggregated) ==
          doctest::Approx(agg.current_fail_per_sec(total)));
    CHECK(value_of(e, "locust_requests_fail_ratio") == doctest::Approx(total.fail_ratio()));

    for (const stats::entry* row : agg.entries()) {
        const std::string labels = endpoint(row->method, row->name);
        CHECK(value_of(e, "locust_requests_num_requests", labels) == static_cast<double>(row->num_requests));
        CHECK(value_of(e, "locust_requests_num_failures", labels) == static_cast<double>(row->num_failures));
    }
    CHECK(value_of(e, "locust_requests_min_response_time", endpoint("POST", "/api/users")) == 1);
    CHECK(value_of(e, "locust_errors", endpoint("POST", "/api/users") + ",error=\"ReadTimeout('timed out')\"") == 4);
    CHECK(value_of(e, "locust_errors",
                   endpoint("POST", "/api/users") + ",error=\"CatchResponseError('wrong name')\"") == 1);
    CHECK(value_of(e, "locust_users") == 25);
    CHECK(value_of(e, "locust_running") == 2);
    CHECK(value_of(e, "locust_workers_count") == 3);
    CHECK(value_of(e, "locust_workers_missing_count") == 1);
    CHECK(value_of(e, "locust_up") == 1);
    for (const auto& [family, type] : e.types)
        if (family.rfind("locust_", 0) == 0) CHECK(type == "gauge");

    report::metrics_state spawning = running_state();
    spawning.state = "spawning";
    CHECK(value_of(parse(report::prometheus_text(agg, spawning, {.locust_names = true})), "locust_running") == 1);
    spawning.state = "stopped";
    CHECK(value_of(parse(report::prometheus_text(agg, spawning, {.locust_names = true})), "locust_running") == 0);
}

TEST_CASE("an empty run: every family present, no endpoint series, zeros")
{
    const stats::aggregate agg(1000.0);
    report::metrics_state state;
    state.state = "ready";
    const exposition e = parse(report::prometheus_text(agg, state, {.locust_names = true}));
    CHECK(e.types.count("hornet_requests_total") == 1);
    CHECK(e.types.count("hornet_request_duration_seconds") == 1);
    for (const sample& s : e.samples) CHECK(s.name.rfind("hornet_request", 0) != 0);
    CHECK(value_of(e, "hornet_state", "state=\"ready\"") == 1);
    CHECK(value_of(e, "locust_requests_num_requests", endpoint("", "Aggregated")) == 0);
    CHECK(value_of(e, "locust_requests_min_response_time", endpoint("", "Aggregated")) == 0);
    CHECK(value_of(e, "locust_requests_fail_ratio") == 0);
}

TEST_CASE("1,000 endpoints: one line per series, every endpoint present")
{
    stats::aggregate agg(1000.0);
    stats::shard s;
    for (int i = 0; i < 1000; ++i) s.record("GET", "/item/" + std::to_string(i), 1.0 + i, 100, "", 1001.0);
    agg.merge(s.take());
    const std::string text = report::prometheus_text(agg, running_state(), {});
    const exposition e = parse(text);
    const std::size_t per_endpoint = 1 + (report::duration_bucket_bounds.size() + 3) + 1;
    CHECK(e.samples.size() == 1000 * per_endpoint + 12); // + exceptions, users, 6 states, workers x2, lag, cpu
    CHECK(value_of(e, "hornet_requests_total", endpoint("GET", "/item/999")) == 1);
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/item/999") + ",le=\"1\"") == 1);
    CHECK(value_of(e, "hornet_request_duration_seconds_bucket", endpoint("GET", "/item/999") + ",le=\"0.5\"") == 0);
}
