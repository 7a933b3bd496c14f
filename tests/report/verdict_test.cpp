// Proves report/verdict.hpp is self-contained; thresholds measured on a recorded run.
#include "report/verdict.hpp"

#include "core/clock.hpp"
#include "core/exit_code.hpp"
#include "report/sample_run.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hornet;

namespace {

std::vector<report::threshold> rules(std::initializer_list<const char*> texts)
{
    std::vector<report::threshold> out;
    for (const char* t : texts) {
        auto parsed = report::parse_threshold(t);
        REQUIRE(parsed.has_value());
        out.push_back(*parsed);
    }
    return out;
}

} // namespace

TEST_CASE("thresholds on the Aggregated row, one endpoint and each endpoint")
{
    // sample_run: GET /a 33 x 10 ms (14 failed), POST /b,"x" 57 ms, GET /c 2 ms (failed).
    const auto stats = test::sample_run();
    const auto r = rules({"max<60ms", "p50<=10ms", "fail_ratio<1%", "requests>=35", "GET /a: avg<11ms",
                          "each: max<50ms", "GET /missing: p95<1s"});
    const auto outcomes = report::evaluate(r, stats);
    REQUIRE(outcomes.size() == 9); // "each" gives one outcome per endpoint: 3
    CHECK(outcomes[0].row == "Aggregated");
    CHECK(outcomes[0].measured == doctest::Approx(57.0));
    CHECK(outcomes[0].passed);
    CHECK(outcomes[1].measured == doctest::Approx(10.0).epsilon(0.001)); // exact, not Locust's rounding
    CHECK(outcomes[1].passed);
    CHECK(outcomes[2].measured == doctest::Approx(15.0 / 35.0));
    CHECK_FALSE(outcomes[2].passed);
    CHECK(outcomes[3].measured == 35);
    CHECK(outcomes[3].passed);
    CHECK(outcomes[4].row == "GET /a");
    CHECK(outcomes[4].measured == doctest::Approx(10.0));
    CHECK(outcomes[4].passed);
    // each: sorted by name as the stats tables are
    CHECK(outcomes[5].row == "GET /a");
    CHECK(outcomes[5].passed);
    CHECK(outcomes[6].row == "POST /b,\"x\"");
    CHECK_FALSE(outcomes[6].passed); // 57 ms
    CHECK(outcomes[7].row == "GET /c");
    CHECK(outcomes[7].passed);
    // An endpoint that never ran has no data: the threshold fails rather than passing unseen.
    CHECK(outcomes[8].row == "GET /missing");
    CHECK_FALSE(outcomes[8].measured);
    CHECK_FALSE(outcomes[8].passed);
    CHECK_FALSE(report::all_passed(outcomes));
}

TEST_CASE("the table lists each outcome and the verdict")
{
    const auto stats = test::sample_run();
    const auto r = rules({"max<60ms", "fail_ratio<1%"});
    const auto table = report::threshold_table(report::evaluate(r, stats));
    CHECK(table == "Thresholds\n"
                   "Result  Row         Threshold      Measured\n"
                   "-------------------------------------------\n"
                   "PASS    Aggregated  max<60ms       57 ms\n"
                   "FAIL    Aggregated  fail_ratio<1%  42.86%\n"
                   "-------------------------------------------\n"
                   "Verdict: FAIL (1 of 2 thresholds failed)\n"
                   "\n");
    CHECK(report::threshold_table({}).empty());
    CHECK(report::all_passed(report::evaluate(rules({"requests>0"}), stats)));
}

TEST_CASE("the verdict's exit code: could not run > thresholds > request failures > pass")
{
    const auto failing = test::sample_run(); // has failures and an exception
    const auto none = rules({"max<60ms"});
    const auto broken = rules({"max<1ms"});
    CHECK(report::judge(failing, report::evaluate(none, failing), 1).exit_code == 1);
    CHECK(report::judge(failing, report::evaluate(none, failing), 0).exit_code == 0); // --exit-code-on-error 0
    CHECK(report::judge(failing, report::evaluate(none, failing), 0).passed);
    auto v = report::judge(failing, report::evaluate(broken, failing), 1);
    CHECK(v.exit_code == core::exit_threshold_failed);
    CHECK_FALSE(v.passed);
    CHECK(v.summary == "1 of 1 thresholds failed");

    // A threshold that stopped the run early fails it even if the final numbers recovered.
    v = report::judge(failing, report::evaluate(none, failing), 1, "'max<60ms abort_on_fail'");
    CHECK(v.exit_code == core::exit_threshold_failed);
    CHECK(v.summary == "stopped early: 'max<60ms abort_on_fail' failed (abort_on_fail)");

    stats::aggregate empty(1000.0);
    v = report::judge(empty, report::evaluate(none, empty), 1);
    CHECK(v.exit_code == core::exit_could_not_run);
    CHECK(v.summary == "could not run: no request completed");

    // Every request refused or unresolved: the target was never reached.
    stats::aggregate refused(1000.0);
    stats::shard s;
    s.record("GET", "/", 1.0, 0, "ConnectionRefusedError(111, 'Connection refused')", 1001.0,
             core::failure_kind::connect_refused);
    s.record("GET", "/", 1.0, 0, "NameResolutionError", 1001.0, core::failure_kind::dns);
    refused.merge(s.take());
    v = report::judge(refused, report::evaluate(broken, refused), 1);
    CHECK(v.exit_code == core::exit_could_not_run);
    CHECK(v.summary == "could not run: no request reached the target");
    // One answer, even a failed one, and the run did happen.
    s.record("GET", "/", 1.0, 0, "HTTPError('500 Server Error')", 1001.0, core::failure_kind::status);
    refused.merge(s.take());
    CHECK(report::judge(refused, report::evaluate(none, refused), 1).exit_code == 1);
}

TEST_CASE("late and dropped: the open model's iterations, as counts or percentages")
{
    stats::aggregate stats;
    stats::snapshot delta;
    delta.total.log(5, 0, core::unix_now());
    delta.iterations = {200, 10, 50}; // 250 due: 200 started (10 late), 50 dropped
    stats.merge(delta);
    const auto r = rules({"late<=10", "late<5%", "dropped<1", "dropped<=20%"});
    const auto outcomes = report::evaluate(r, stats);
    REQUIRE(outcomes.size() == 4);
    CHECK(outcomes[0].measured == 10);
    CHECK(outcomes[0].passed);
    CHECK(outcomes[1].measured == doctest::Approx(0.05)); // 10 of 200 started
    CHECK_FALSE(outcomes[1].passed);
    CHECK(outcomes[2].measured == 50);
    CHECK_FALSE(outcomes[2].passed);
    CHECK(outcomes[3].measured == doctest::Approx(0.2)); // 50 of 250 due
    CHECK(outcomes[3].passed);
    CHECK(report::measured_text(r[1], outcomes[1].measured) == "5.00%");
    CHECK(report::measured_text(r[2], outcomes[2].measured) == "50");

    // A closed-model run has no iterations: nothing to measure, so the threshold fails.
    const auto closed = report::evaluate(rules({"dropped<1"}), test::sample_run());
    CHECK_FALSE(closed[0].measured);
    CHECK_FALSE(closed[0].passed);

    // Iterations are the whole test's: no scope, no time unit.
    CHECK_FALSE(report::parse_threshold("GET /a: late<5").has_value());
    CHECK_FALSE(report::parse_threshold("each: dropped<1").has_value());
    CHECK_FALSE(report::parse_threshold("late<5ms").has_value());
    CHECK_FALSE(report::parse_threshold("dropped<0.5").has_value());
}
