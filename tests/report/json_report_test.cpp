// Proves report/json_report.hpp is self-contained; the run record built from a recorded run,
// written as JSON and read back unchanged; the reader's errors name where.
#include "report/json_report.hpp"

#include "report/record_builder.hpp"
#include "report/sample_run.hpp"
#include "result_printing.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace hornet;

namespace {

report::run_record sample_record()
{
    const auto stats = test::sample_run();
    std::vector<report::threshold> rules{*report::parse_threshold("p95<20ms"),
                                         *report::parse_threshold("each: max<50ms")};
    const auto outcomes = report::evaluate(rules, stats);
    report::series_recorder series;
    series.sample(stats, 3, 1005.0);
    series.finish(stats, 5, 1010.0);
    report::run_parameters params;
    params.hornet_version = "9.9";
    params.host = "http://127.0.0.1:1";
    params.user_classes = {"A", "B \"quoted\""};
    params.users = 5;
    params.spawn_rate = 2.5;
    params.run_time = 10;
    params.stages = {{5.0, 2, 100.0, std::nullopt, false}, {std::nullopt, 4, 2.5, std::nullopt, false}};
    return report::make_run_record(stats, outcomes, report::judge(stats, outcomes, 1), params, series.series(), 1010.0);
}

} // namespace

TEST_CASE("the record holds the run's rows, failures by kind, percentiles and the verdict")
{
    const auto r = sample_record();
    CHECK(r.total.label() == "Aggregated");
    CHECK(r.total.requests == 35);
    CHECK(r.total.failures == 15);
    REQUIRE(r.endpoints.size() == 3);
    CHECK(r.endpoints[0].label() == "GET /a");
    CHECK(r.endpoints[0].median_ms == doctest::Approx(10.0));
    REQUIRE(r.endpoints[0].percentiles.size() == stats::reported_percentiles.size());
    CHECK(r.endpoints[0].percentiles.back().percent == 100);
    CHECK(r.endpoints[0].percentiles.back().ms == doctest::Approx(10.0));
    CHECK(r.total.percentiles.back().ms == doctest::Approx(57.0)); // the exact max
    CHECK(r.endpoints[2].percentiles.front().ms == doctest::Approx(2.0));
    REQUIRE(r.total.failures_by_kind.size() == 1); // sample_run records the default kind
    CHECK(r.total.failures_by_kind[0].count == 15);
    REQUIRE(r.failures.size() == 2);
    CHECK(r.failures[0].occurrences == 14);
    REQUIRE(r.exceptions.size() == 1);
    CHECK(r.exceptions[0].count == 2);
    REQUIRE(r.thresholds.size() == 4); // p95 and one max per endpoint
    CHECK(r.thresholds[1].row == "GET /a");
    CHECK(r.thresholds[2].measured_text == "57 ms");
    CHECK_FALSE(r.thresholds[2].passed);
    CHECK(r.verdict.exit_code == 3);
    // One point per second from the start (1000) to the end (1010), each request in its second.
    REQUIRE(r.series.size() == 10);
    std::uint64_t requests = 0, failures = 0;
    for (const auto& p : r.series) {
        requests += p.requests;
        failures += p.failures;
        CHECK(p.seconds == 1.0);
    }
    CHECK(requests == 35);
    CHECK(failures == 15);
    CHECK(r.series[1].time == 1002.0);
    CHECK(r.series[1].requests == 4); // GET /a at 1001.0, .25, .5 and .75
    CHECK(r.series[0].users == 3);
    CHECK(r.series[8].users == 3);
    CHECK(r.series[9].users == 5);
}

TEST_CASE("the series settles a second after the delay; what comes later still adds up")
{
    stats::aggregate agg(1000.0);
    stats::shard s;
    report::series_recorder series(2.0);
    s.record("GET", "/", 5.0, 0, "", 1000.5);
    agg.merge(s.take());
    series.sample(agg, 1, 1001.2); // second 1000 is not settled yet: it may still get requests
    CHECK(series.series().points().empty());
    s.record("GET", "/", 5.0, 0, "", 1000.6); // a late report for second 1000
    s.record("GET", "/", 7.0, 0, "HTTPError('500')", 1001.5);
    agg.merge(s.take());
    series.sample(agg, 2, 1003.4); // settles 1000
    REQUIRE(series.series().points().size() == 1);
    CHECK(series.series().points()[0].requests == 2);
    CHECK(series.series().points()[0].users == 1);
    s.record("GET", "/", 9.0, 0, "", 1000.9); // too late for its second
    agg.merge(s.take());
    series.finish(agg, 2, 1003.5); // settles 1001, 1002, and 1003 up to 1003.5
    const auto& pts = series.series().points();
    REQUIRE(pts.size() == 4);
    CHECK(pts[1].requests == 1);
    CHECK(pts[1].failures == 1);
    CHECK(pts[3].seconds == doctest::Approx(0.5));
    CHECK(pts[3].requests == 1); // the late one
    CHECK(pts[3].users == 2);

    // A reset starts counting again from its time.
    agg.reset(1010.0);
    s.record("GET", "/", 5.0, 0, "", 1010.5);
    agg.merge(s.take());
    report::series_recorder after_reset;
    after_reset.finish(agg, 1, 1011.0);
    REQUIRE(after_reset.series().points().size() == 1);
    CHECK(after_reset.series().points()[0].requests == 1);
}

TEST_CASE("JSON round trip keeps every field")
{
    const auto r = sample_record();
    const std::string text = report::to_json(r);
    auto doc = nlohmann::json::parse(text);
    CHECK(doc["schema_version"] == report::run_record_schema_version);
    CHECK(doc["endpoints"][1]["name"] == "/b,\"x\"");
    CHECK(doc["total"]["failures_by_kind"]["other"] == 15);
    auto back = report::run_record_from_json(text);
    REQUIRE(back.has_value());
    CHECK(report::to_json(*back) == text); // nothing lost, nothing reordered
    CHECK(back->parameters.run_time == 10.0);
    REQUIRE(back->parameters.stages.size() == 2);
    CHECK(back->parameters.stages[0].users == 2);
    CHECK(doc["parameters"]["stages"][1]["duration_s"].is_null()); // held until stopped
    CHECK_FALSE(doc["parameters"]["stages"][0].contains("rate"));
    CHECK(back->endpoints[0].min_ms == doctest::Approx(10.0));
}

TEST_CASE("open-model stages are written with their rate and ramp; no plan, no stages key")
{
    report::run_record r;
    r.parameters.stages = {{30.0, std::nullopt, std::nullopt, 0.5, true}};
    auto doc = nlohmann::json::parse(report::to_json(r));
    CHECK(doc["parameters"]["stages"][0] == nlohmann::json{{"duration_s", 30.0}, {"rate", 0.5}, {"ramp", true}});
    auto back = report::run_record_from_json(report::to_json(r));
    REQUIRE(back.has_value());
    CHECK(back->parameters.stages[0].rate == 0.5);
    CHECK(back->parameters.stages[0].ramp);
    CHECK_FALSE(nlohmann::json::parse(report::to_json(report::run_record{}))["parameters"].contains("stages"));
}

TEST_CASE("JSON has no NaN: values that are not finite are written as null and read as 0")
{
    report::run_record r;
    r.total.avg_ms = std::numeric_limits<double>::quiet_NaN();
    const std::string text = report::to_json(r);
    CHECK(text.find("NaN") == std::string::npos);
    CHECK(nlohmann::json::parse(text)["total"]["avg_ms"].is_null());
    auto back = report::run_record_from_json(text);
    REQUIRE(back.has_value());
    CHECK(back->total.avg_ms == 0);
}

TEST_CASE("invalid bytes in names from a target do not break the JSON")
{
    report::run_record r;
    r.total.name = std::string("bad \xff\xfe byte");
    const std::string text = report::to_json(r);
    CHECK(nlohmann::json::parse(text).is_object());
}

TEST_CASE("the reader names what is wrong and where")
{
    const std::string good = report::to_json(sample_record());
    auto why = [](const std::string& text) {
        auto r = report::run_record_from_json(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == core::error::invalid_shape);
        return r.error().detail;
    };
    CHECK(why("{").find("not a JSON document") == 0);
    CHECK(why("[]") == "/: expected an object");
    auto doc = nlohmann::ordered_json::parse(good);
    doc["endpoints"][1]["requests"] = "many";
    CHECK(why(doc.dump()) == "/endpoints/1/requests: expected a count (a whole number >= 0)");
    doc = nlohmann::ordered_json::parse(good);
    doc["schema_version"] = 99;
    CHECK(why(doc.dump()).find("/schema_version: 99 is not a version this Hornet reads") == 0);
    doc = nlohmann::ordered_json::parse(good);
    doc["verdict"].erase("exit_code");
    CHECK(why(doc.dump()) == "/verdict/exit_code: missing");
    // A field from a newer writer is ignored.
    doc = nlohmann::ordered_json::parse(good);
    doc["something_new"] = {1, 2};
    CHECK(report::run_record_from_json(doc.dump()).has_value());
}
