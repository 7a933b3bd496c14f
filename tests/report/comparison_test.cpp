// Proves report/comparison.hpp is self-contained; changes and regressions between two records.
#include "report/comparison.hpp"

#include <doctest/doctest.h>

using namespace hornet::report;

namespace {

endpoint_record row(std::string method, std::string name, double rps, double p50, double p95, double p99,
                    std::uint64_t requests, std::uint64_t failures)
{
    endpoint_record e;
    e.method = std::move(method);
    e.name = std::move(name);
    e.rps = rps;
    e.requests = requests;
    e.failures = failures;
    if (requests) e.percentiles = {{50, p50}, {95, p95}, {99, p99}, {100, p99 * 2}};
    return e;
}

run_record run(endpoint_record total, std::vector<endpoint_record> endpoints)
{
    run_record r;
    r.total = std::move(total);
    r.total.name = "Aggregated";
    r.endpoints = std::move(endpoints);
    return r;
}

} // namespace

TEST_CASE("a faster, busier run does not regress; the table shows the changes")
{
    const auto base = run(row("", "", 100, 20, 50, 80, 1000, 0), {row("GET", "/a", 100, 20, 50, 80, 1000, 0)});
    const auto next = run(row("", "", 400, 10, 45, 85, 4000, 0), {row("GET", "/a", 400, 10, 45, 85, 4000, 0)});
    const auto c = compare(base, next, 0.10);
    REQUIRE(c.rows.size() == 2);
    CHECK(c.rows[0].row == "Aggregated");
    CHECK(*c.rows[0].rps.relative() == doctest::Approx(3.0));
    CHECK(*c.rows[1].p50.relative() == doctest::Approx(-0.5));
    CHECK(*c.rows[1].p99.relative() == doctest::Approx(0.0625)); // +6.25%: within 10%
    CHECK_FALSE(c.regressed());
    const auto table = comparison_table(c);
    CHECK(table.find("100 -> 400 (+300.0%)") != std::string::npos);
    CHECK(table.find("20.0 -> 10.0 (-50.0%)") != std::string::npos);
    CHECK(table.find("Verdict: OK (no row regressed beyond 10%)") != std::string::npos);
}

TEST_CASE("a slower percentile, lower rps or more errors beyond the limit regress")
{
    const auto base = run(row("", "", 100, 20, 50, 80, 1000, 10),
                          {row("GET", "/a", 100, 20, 50, 80, 1000, 10), row("GET", "/gone", 5, 1, 1, 1, 50, 0)});
    const auto next = run(row("", "", 85, 20, 60, 80, 850, 30),
                          {row("GET", "/a", 85, 20, 60, 80, 850, 30), row("POST", "/new", 5, 1, 1, 1, 50, 0)});
    const auto c = compare(base, next, 0.10);
    REQUIRE(c.rows.size() == 4);
    CHECK(c.rows[1].rps.regressed);        // -15%
    CHECK(c.rows[1].p95.regressed);        // +20%
    CHECK_FALSE(c.rows[1].p50.regressed);  // unchanged
    CHECK(c.rows[1].error_rate.regressed); // 1% -> 3.5%
    CHECK(c.rows[1].regressions() == "rps -15.0%, p95 +20.0%, errors +2.53 pp");
    CHECK(c.rows[2].row == "GET /gone");
    CHECK_FALSE(c.rows[2].in_next);
    CHECK_FALSE(c.rows[2].regressed()); // listed, not judged
    CHECK(c.rows[3].row == "POST /new");
    CHECK_FALSE(c.rows[3].in_base);
    CHECK(c.regressed());
    const auto table = comparison_table(c);
    CHECK(table.find("Regressed: GET /a: rps -15.0%, p95 +20.0%, errors +2.53 pp") != std::string::npos);
    CHECK(table.find("Verdict: REGRESSED (2 of 4 rows beyond 10%)") != std::string::npos);
    CHECK(table.find("gone") != std::string::npos);
    // A looser limit lets the rps and p95 changes pass; the error rate more than tripled.
    CHECK(compare(base, next, 0.30).rows[1].regressions() == "errors +2.53 pp");
}

TEST_CASE("one failure where there was none is noise under the 0.1 point floor")
{
    const auto base = run(row("", "", 100, 20, 50, 80, 10000, 0), {});
    const auto next = run(row("", "", 100, 20, 50, 80, 10000, 5), {});
    CHECK_FALSE(compare(base, next, 0.10).regressed());
    const auto worse = run(row("", "", 100, 20, 50, 80, 10000, 50), {});
    CHECK(compare(base, worse, 0.10).regressed());
}

TEST_CASE("rows without timed requests compare without dividing by zero")
{
    const auto base = run(row("", "", 0, 0, 0, 0, 0, 0), {});
    const auto next = run(row("", "", 10, 5, 5, 5, 100, 0), {});
    const auto c = compare(base, next, 0.10);
    CHECK_FALSE(c.rows[0].rps.relative().has_value());
    CHECK_FALSE(c.rows[0].p50.base.has_value());
    CHECK_FALSE(c.regressed());
    CHECK(comparison_table(c).find("- -> 5 ") != std::string::npos);
}

TEST_CASE("a sub-millisecond time that moved by less than 1 ms is noise, whatever its ratio")
{
    const auto base = run(row("", "", 100, 0.1, 0.2, 0.3, 1000, 0), {});
    const auto next = run(row("", "", 100, 0.3, 0.9, 1.2, 1000, 0), {});
    CHECK_FALSE(compare(base, next, 0.10).regressed());
    const auto worse = run(row("", "", 100, 0.3, 0.9, 1.4, 1000, 0), {});
    CHECK(compare(base, worse, 0.10).rows[0].regressions() == "p99 +366.7%");
}
