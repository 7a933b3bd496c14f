// Proves report/threshold.hpp is self-contained; the expression grammar and its error positions.
#include "report/threshold.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hornet::report;
using m = threshold::metric;
using c = threshold::comparison;
using s = threshold::scope;

namespace {

threshold ok(const char* text)
{
    auto t = parse_threshold(text);
    REQUIRE_MESSAGE(t.has_value(), (t ? std::string() : t.error().detail));
    return *t;
}

std::string why(const char* text)
{
    auto t = parse_threshold(text);
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code == hornet::core::error::invalid_shape);
    return t.error().detail;
}

} // namespace

TEST_CASE("metrics, comparisons and units")
{
    auto p95 = ok("p95<300ms");
    CHECK(p95.where == s::aggregated);
    CHECK(p95.what == m::percentile);
    CHECK(p95.percent == 95);
    CHECK(p95.op == c::less);
    CHECK(p95.limit == 300);
    CHECK(p95.text == "p95<300ms");

    CHECK(ok("p99.9 < 1s").percent == doctest::Approx(99.9));
    CHECK(ok("p99.9 < 1s").limit == 1000);
    CHECK(ok("p100<2").limit == 2); // a bare time is ms
    CHECK(ok("median<=50ms").percent == 50);
    CHECK(ok("median<=50ms").op == c::less_equal);
    CHECK(ok("avg<100ms").what == m::avg);
    CHECK(ok("max<2s").what == m::max);
    CHECK(ok("min>=0.5ms").limit == 0.5);
    CHECK(ok("fail_ratio<1%").limit == doctest::Approx(0.01));
    CHECK(ok("fail_ratio<=0.05").limit == doctest::Approx(0.05));
    CHECK(ok("rps>50").op == c::greater);
    CHECK(ok("rps>=12.5/s").limit == 12.5);
    CHECK(ok("requests>=1000").what == m::requests);
    CHECK(ok("failures<1").what == m::failures);
}

TEST_CASE("scopes: Aggregated, each endpoint, one endpoint whose name may hold colons")
{
    CHECK(ok("each: p99<500ms").where == s::each);
    auto one = ok("GET /api/users/[id]: p95<200ms");
    CHECK(one.where == s::endpoint);
    CHECK(one.method == "GET");
    CHECK(one.name == "/api/users/[id]");
    auto absolute = ok("GET http://127.0.0.1:8089/x: max<1s");
    CHECK(absolute.name == "http://127.0.0.1:8089/x");
    CHECK(absolute.limit == 1000);
}

TEST_CASE("met_by compares the measured value in the metric's unit")
{
    CHECK(ok("p95<300ms").met_by(299.9));
    CHECK_FALSE(ok("p95<300ms").met_by(300));
    CHECK(ok("p95<=300ms").met_by(300));
    CHECK(ok("rps>50").met_by(50.1));
    CHECK_FALSE(ok("rps>50").met_by(50));
    CHECK(ok("rps>=50").met_by(50));
}

TEST_CASE("a bad expression is named with the position where it stops making sense")
{
    CHECK(why("p95<<300ms") == "invalid threshold 'p95<<300ms' at position 5: expected a number");
    CHECK(why("p95 300ms") == "invalid threshold 'p95 300ms' at position 5: expected <, <=, > or >=");
    CHECK(why("latency<1s") == "invalid threshold 'latency<1s' at position 1: unknown metric 'latency'");
    CHECK(why("<1s") == "invalid threshold '<1s' at position 1: expected a metric (p95, avg, fail_ratio, rps, …)");
    CHECK(why("p101<1s") == "invalid threshold 'p101<1s' at position 1: unknown metric 'p101'");
    CHECK(why("p95<3h") == "invalid threshold 'p95<3h' at position 6: unknown time unit 'h' (ms or s)");
    CHECK(why("fail_ratio<5") == "invalid threshold 'fail_ratio<5' at position 12: a failure ratio is a percentage "
                                 "(1%) or a fraction from 0 to 1");
    CHECK(why("requests>1.5") ==
          "invalid threshold 'requests>1.5' at position 10: expected a whole number with no unit");
    CHECK(why("p95<300ms please") ==
          "invalid threshold 'p95<300ms please' at position 11: unexpected text after the value (abort_on_fail?)");
    CHECK(why("/api: p95<1s") ==
          "invalid threshold '/api: p95<1s' at position 1: the scope is 'each' or 'METHOD NAME' (GET /api/users)");
    CHECK(why("GET /a: ") ==
          "invalid threshold 'GET /a: ' at position 9: expected a metric (p95, avg, fail_ratio, rps, …)");
}

TEST_CASE("spaces are allowed around the comparison and before the unit")
{
    CHECK(ok("p95 < 300 ms").limit == 300);
    CHECK(ok("  GET /a :  avg <= 2 s ").limit == 2000);
    CHECK(ok("  GET /a :  avg <= 2 s ").name == "/a");
}

TEST_CASE("abort_on_fail, with the default warm-up or one after 'after'")
{
    const auto plain = ok("p95<300ms");
    CHECK_FALSE(plain.abort_on_fail);
    const auto a = ok("fail_ratio<5% abort_on_fail");
    CHECK(a.abort_on_fail);
    CHECK(a.warmup_s == 10);
    CHECK(a.limit == doctest::Approx(0.05));
    CHECK(ok("requests<=10 abort_on_fail").limit == 10); // no unit before the option
    CHECK(ok("p95 < 300 abort_on_fail after 30s").warmup_s == 30);
    CHECK(ok("GET /a: max<2s abort_on_fail after 1.5m").warmup_s == 90);
    CHECK(ok("each: p99<1s abort_on_fail after 500ms").warmup_s == doctest::Approx(0.5));
    CHECK(ok("p95<300ms abort_on_fail after 0s").warmup_s == 0);
    CHECK(ok("p95<300ms abort_on_fail after 0s").text == "p95<300ms abort_on_fail after 0s");
    CHECK(why("p95<300ms abort_on_fail later") ==
          "invalid threshold 'p95<300ms abort_on_fail later' at position 25: expected 'after' and a warm-up time "
          "(after 30s)");
    CHECK(why("p95<300ms abort_on_fail after 30") ==
          "invalid threshold 'p95<300ms abort_on_fail after 30' at position 31: a warm-up time needs a unit: ms, s or "
          "m");
    CHECK(why("p95<300ms abort_on_fail after soon") ==
          "invalid threshold 'p95<300ms abort_on_fail after soon' at position 31: expected a warm-up time (30s, 1m, "
          "500ms)");
    CHECK(why("p95<300ms abort_on_fail after 3s now") ==
          "invalid threshold 'p95<300ms abort_on_fail after 3s now' at position 34: unexpected text after the warm-up "
          "time");
}
