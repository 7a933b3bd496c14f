// Hand-built run records for the renderers' tests (report/run_record.hpp is plain values).
#pragma once

#include "report/run_record.hpp"

#include <string>

namespace hornet::test {

inline report::endpoint_record endpoint(std::string method, std::string name, std::uint64_t requests,
                                        std::uint64_t failures, double p50 = 10, double p95 = 20)
{
    report::endpoint_record e;
    e.method = std::move(method);
    e.name = std::move(name);
    e.requests = requests;
    e.failures = failures;
    e.avg_ms = p50 + 1;
    e.min_ms = 1;
    e.max_ms = p95 * 2;
    e.median_ms = p50;
    e.rps = requests / 10.0;
    e.failures_per_s = failures / 10.0;
    e.percentiles = {{50, p50}, {95, p95}, {99, p95 + 5}, {100, p95 * 2}};
    return e;
}

inline report::threshold_record threshold(std::string expression, std::string row, bool passed,
                                          std::optional<double> measured, std::string measured_text)
{
    return {std::move(expression), std::move(row), measured, std::move(measured_text), passed};
}

/// 10 s from Unix time 1000: GET /a 33 requests (14 failed with 500s), POST /b 1, GET /c 1
/// (refused); p95<500ms passed, fail_ratio<1% failed.
inline report::run_record small_record()
{
    report::run_record r;
    r.parameters.hornet_version = "0.1.0";
    r.parameters.host = "http://127.0.0.1:1";
    r.parameters.users = 5;
    r.parameters.spawn_rate = 5;
    r.parameters.run_time = 10;
    r.start_time = 1000;
    r.end_time = 1010;
    r.verdict = {false, 3, "1 of 2 thresholds failed"};
    r.thresholds = {threshold("p95<500ms", "Aggregated", true, 20.0, "20.0 ms"),
                    threshold("fail_ratio<1%", "Aggregated", false, 15.0 / 35, "42.86%")};
    r.total = endpoint("", "Aggregated", 35, 15);
    auto a = endpoint("GET", "/a", 33, 14);
    a.failures_by_kind = {{"status", 14}};
    auto c = endpoint("GET", "/c", 1, 1);
    c.failures_by_kind = {{"connect_refused", 1}};
    r.endpoints = {a, endpoint("POST", "/b", 1, 0, 57, 57), c};
    r.failures = {{"GET", "/a", "HTTPError('500 Server Error')", "status", 14},
                  {"GET", "/c", "ConnectionRefusedError(111, 'Connection refused')", "connect_refused", 1}};
    return r;
}

} // namespace hornet::test
