// Tests for web/router.hpp: each route's method, parameters, JSON and errors, without a network.
#include "web/router.hpp"

#include "web/fake_control.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace hornet::web;
using hornet::web::test::fake_control;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

struct fixture
{
    fake_control control;
    series_store series;
    router routes{control, series, router_options{}};

    response call(http::verb method, const std::string& target, const std::string& body = "",
                  const std::string& content_type = "application/x-www-form-urlencoded")
    {
        request req{method, target, 11};
        if (!body.empty()) {
            req.set(http::field::content_type, content_type);
            req.body() = body;
            req.prepare_payload();
        }
        return routes.handle(req);
    }
    response get(const std::string& target) { return call(http::verb::get, target); }
    response post(const std::string& target, const std::string& body) { return call(http::verb::post, target, body); }
};

json json_of(const response& res)
{
    REQUIRE(res[http::field::content_type].starts_with("application/json"));
    return json::parse(res.body().view());
}

// Every error: a 4xx, JSON, success false and a reason.
void check_error(const response& res, int code)
{
    CHECK(res.result_int() == code);
    auto body = json_of(res);
    CHECK(body["success"] == false);
    CHECK(body["message"].get<std::string>().size() > 3);
}

} // namespace

TEST_CASE("/swarm starts a test with the form's values")
{
    fixture f;
    auto res = f.post("/swarm", "user_count=5&spawn_rate=2.5&host=http%3A%2F%2F127.0.0.1%3A1&run_time=1m30s");
    REQUIRE(res.result_int() == 200);
    auto body = json_of(res);
    CHECK(body["success"] == true);
    CHECK(body["message"] == "Swarming started");
    CHECK(body["host"] == "http://127.0.0.1:1");
    CHECK(body["run_time"] == 90);
    CHECK_FALSE(body.contains("user_classes"));
    REQUIRE(f.control.swarms.size() == 1);
    CHECK(f.control.swarms[0].user_count == 5);
    CHECK(f.control.swarms[0].spawn_rate == 2.5);
    CHECK(f.control.swarms[0].run_time == 90);
    CHECK(res[http::field::access_control_allow_origin] == "*");
}

TEST_CASE("/swarm: bad input gets a 400 with a reason and starts nothing")
{
    fixture f;
    check_error(f.post("/swarm", "spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=1"), 400);
    check_error(f.post("/swarm", "user_count=-1&spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=ten&spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=1.5&spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=99999999999999999999&spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=100000000&spawn_rate=1"), 400);
    check_error(f.post("/swarm", "user_count=1&spawn_rate=0"), 400);
    check_error(f.post("/swarm", "user_count=1&spawn_rate=nan"), 400);
    check_error(f.post("/swarm", "user_count=1&spawn_rate=1&run_time=soon"), 400);
    check_error(f.post("/swarm", "user_count=1&spawn_rate=1&host=ftp%3A%2F%2Fx"), 400);
    check_error(f.post("/swarm", "user_count=1&spawn_rate=%zz"), 400);
    check_error(f.call(http::verb::post, "/swarm", "{bad", "application/json"), 400);
    check_error(f.call(http::verb::post, "/swarm", "user_count=1", "text/plain"), 400);
    check_error(f.get("/swarm"), 405);
    CHECK(f.control.swarms.empty());
    // The bad ones did not break anything: a good one still works.
    CHECK(f.post("/swarm", "user_count=1&spawn_rate=1").result_int() == 200);
}

TEST_CASE("/swarm under the open model: the form's rate, users optional; a closed run refuses a rate")
{
    fixture f;
    check_error(f.post("/swarm", "user_count=1&spawn_rate=1&rate=5"), 400); // closed: --rate is needed
    check_error(f.post("/swarm", "rate=5"), 400);                           // closed: users are required
    CHECK(f.control.swarms.empty());

    f.control.load_model = "open";
    CHECK(f.post("/swarm", "rate=2.5").result_int() == 200);
    REQUIRE(f.control.swarms.size() == 1);
    CHECK(f.control.swarms[0].rate == 2.5);
    CHECK(f.post("/swarm", "").result_int() == 200); // the command line's rate
    CHECK_FALSE(f.control.swarms[1].rate);
    for (const char* bad : {"rate=0", "rate=-1", "rate=nan", "rate=inf", "rate=fast", "rate=1e99"})
        check_error(f.post("/swarm", bad), 400);
    CHECK(f.control.swarms.size() == 2);

    f.control.load_model = "plan";
    check_error(f.post("/swarm", "rate=5"), 400); // the stages set it
    CHECK(f.post("/swarm", "").result_int() == 200);
    auto config = json_of(f.get("/hornet/config"));
    CHECK(config["load_model"] == "plan");
}

TEST_CASE("/stats/requests carries the running plan's stage, and only then")
{
    fixture f;
    CHECK_FALSE(json_of(f.get("/stats/requests")).contains("stage"));
    fixture g;
    g.control.stage_line = "Stage 1/2: 2 users at 1.00/s for 1m (59 s left)";
    CHECK(json_of(g.get("/stats/requests"))["stage"] == g.control.stage_line);
}

TEST_CASE("/swarm: a JSON object works as a form; a refusal is a 409")
{
    fixture f;
    auto res = f.call(http::verb::post, "/swarm", R"({"user_count": 3, "spawn_rate": "1.5"})", "application/json");
    CHECK(res.result_int() == 200);
    REQUIRE(f.control.swarms.size() == 1);
    CHECK(f.control.swarms[0].user_count == 3);
    f.control.refuse = "no workers are connected";
    auto refused = f.post("/swarm", "user_count=1&spawn_rate=1");
    check_error(refused, 409);
    CHECK(json_of(refused)["message"] == "no workers are connected");
}

TEST_CASE("/swarm with --class-picker: known classes only, answered sorted")
{
    fixture f;
    f.control.class_picker = true;
    auto res = f.post("/swarm", "user_count=2&spawn_rate=1&user_classes=WebUser&user_classes=ApiUser");
    REQUIRE(res.result_int() == 200);
    CHECK(json_of(res)["user_classes"] == json::array({"ApiUser", "WebUser"}));
    check_error(f.post("/swarm", "user_count=2&spawn_rate=1&user_classes=Nobody"), 400);
}

TEST_CASE("/stop is GET only; /stats/reset answers ok")
{
    fixture f;
    auto res = f.get("/stop");
    CHECK(json_of(res) == json({{"success", true}, {"message", "Test stopped"}}));
    CHECK(f.control.stops == 1);
    check_error(f.post("/stop", ""), 405);
    CHECK(f.control.stops == 1);
    auto reset = f.get("/stats/reset");
    CHECK(reset.body() == "ok");
    CHECK(f.control.resets == 1);
}

TEST_CASE("/stats/requests: Locust 2.12's keys and the newest's")
{
    fixture f;
    auto body = json_of(f.get("/stats/requests"));
    REQUIRE(body["stats"].size() == 4);
    const auto& agg = body["stats"].back();
    CHECK(agg["name"] == "Aggregated");
    CHECK(agg["method"].is_null()); // Locust: no method until a test clears the statistics
    CHECK(agg["num_requests"] == 22);
    CHECK(agg["num_failures"] == 1);
    CHECK(agg["min_response_time"] == 5.0);
    CHECK(agg["min_response_time"].is_number_float());
    CHECK(agg["max_response_time"] == 29.0);
    const auto& row = body["stats"][1]; // sorted by name: "/", "/a<b>", "/fail"
    CHECK(row["name"] == "/a<b>");
    CHECK(row["safe_name"] == "/a&lt;b&gt;");
    for (const char* key : {"ninetieth_response_time", "response_time_percentile_0.95", "ninety_ninth_response_time",
                            "response_time_percentile_0.99", "median_response_time", "current_rps", "total_rps",
                            "current_fail_per_sec", "total_fail_per_sec", "avg_content_length", "avg_response_time"})
        CHECK_MESSAGE(row.contains(key), key);
    CHECK(body["errors"].size() == 1);
    CHECK(body["errors"][0]["error"] == "HTTPError(&#x27;500&#x27;)");
    CHECK(body["errors"][0]["occurrences"] == 1);
    CHECK(body["state"] == "ready");
    CHECK(body["user_count"] == 0);
    CHECK(body.contains("current_response_time_percentile_95"));
    CHECK(body["current_response_time_percentiles"].contains("response_time_percentile_0.95"));
    CHECK(body["current_response_time_percentile_95"].is_number_integer());
    CHECK_FALSE(body.contains("workers"));
}

TEST_CASE("/stats/requests: a master lists its workers; the cache follows state changes")
{
    fixture f;
    f.control.master = true;
    f.control.worker_rows = {{"w1", "running", 3, 12.5, 1 << 20, false}, {"w2", "missing", 0, 0, 0, true}};
    auto body = json_of(f.get("/stats/requests"));
    REQUIRE(body["workers"].size() == 2);
    CHECK(body["workers"][0] == json({{"id", "w1"},
                                      {"state", "running"},
                                      {"user_count", 3},
                                      {"cpu_usage", 12.5},
                                      {"memory_usage", 1 << 20},
                                      {"missing", false}}));
    CHECK(body["workers"][1]["missing"] == true);
    f.post("/swarm", "user_count=7&spawn_rate=1");
    body = json_of(f.get("/stats/requests"));
    CHECK(body["state"] == "running");
    CHECK(body["stats"].back()["method"] == "");
    CHECK(body["user_count"] == 7);
    CHECK(json_of(f.get("/worker-count"))["worker_count"] == 2);
}

TEST_CASE("CSV downloads carry Locust's headers and file names")
{
    fixture f;
    auto csv = f.get("/stats/requests/csv");
    CHECK(csv[http::field::content_type] == "text/csv");
    CHECK(csv[http::field::content_disposition].starts_with("attachment;filename=requests_"));
    CHECK(csv.body().view().starts_with("Type,Name,Request Count,Failure Count,Median Response Time"));
    CHECK(csv.body().view().find(",Aggregated,22,1,") != std::string::npos);
    CHECK(f.get("/stats/failures/csv").body().view().starts_with("Method,Name,Error,Occurrences\r\n"));
    CHECK(f.get("/exceptions/csv").body().view().starts_with("Count,Message,Traceback,Nodes\r\n"));
    check_error(f.get("/stats/requests_full_history/csv"), 404);
}

TEST_CASE("/exceptions, /tasks, /logs, /stats/report")
{
    fixture f;
    auto ex = json_of(f.get("/exceptions"));
    REQUIRE(ex["exceptions"].size() == 1);
    CHECK(ex["exceptions"][0]["count"] == 1);
    CHECK(ex["exceptions"][0]["traceback"] == "Traceback &lt;here&gt;");
    CHECK(ex["exceptions"][0]["nodes"] == "local");
    auto tasks = json_of(f.get("/tasks"));
    CHECK(tasks["per_class"]["WebUser"]["ratio"] == 0.75);
    CHECK(tasks["per_class"]["WebUser"]["tasks"]["index"]["ratio"].get<double>() == doctest::Approx(2.0 / 3));
    CHECK(tasks["total"]["WebUser"]["tasks"]["index"]["ratio"].get<double>() == doctest::Approx(0.5));
    CHECK(json_of(f.get("/logs"))["master"].is_array());
    auto report = f.get("/stats/report");
    CHECK(report[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(report.body().view().starts_with("<!DOCTYPE html>"));
    CHECK(
        f.get("/stats/report?download=1")[http::field::content_disposition].starts_with("attachment;filename=report_"));
}

TEST_CASE("/hornet/config, /hornet/percentiles, /hornet/series")
{
    fixture f;
    auto config = json_of(f.get("/hornet/config"));
    CHECK(config["host"] == "http://127.0.0.1:1");
    CHECK(config["user_classes"] == json::array({"ApiUser", "WebUser"}));
    CHECK(config["state"] == "ready");
    CHECK(config["run_time"].is_null());

    auto p = json_of(f.get("/hornet/percentiles?method=GET&name=%2F"));
    CHECK(p["count"] == 20);
    REQUIRE(p["points"].size() == 19);
    CHECK(p["points"][0]["ms"] == 10.0);
    CHECK(p["points"].back()["percentile"] == 100.0);
    CHECK(p["points"].back()["ms"] == 29.0);
    CHECK(json_of(f.get("/hornet/percentiles"))["name"] == "Aggregated");
    check_error(f.get("/hornet/percentiles?method=GET&name=%2Fnope"), 404);
    check_error(f.get("/hornet/percentiles?method=GET"), 400);

    CHECK(json_of(f.get("/hornet/series"))["points"].empty());
    f.series.sample(f.control.stats(), 3, 1000.0);
    f.series.sample(f.control.stats(), 4, 1001.0);
    auto all = json_of(f.get("/hornet/series?since=0"));
    REQUIRE(all["points"].size() == 2);
    CHECK(all["points"][1]["time"] == 1001000.0);
    CHECK(all["points"][1]["users"] == 4);
    CHECK(json_of(f.get("/hornet/series?since=1000.5"))["points"].size() == 1);
    CHECK(json_of(f.get("/hornet/series?method=GET&name=%2F"))["points"].size() == 2);
    check_error(f.get("/hornet/series?method=GET&name=%2Fnope"), 404);
    check_error(f.get("/hornet/series?since=yesterday"), 400);
}

TEST_CASE("/, assets, /metrics, unknown routes and methods")
{
    fixture f;
    auto page = f.get("/");
    CHECK(page.result_int() == 200);
    CHECK(page[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(page[http::field::cache_control] == "no-cache");
    auto metrics = f.get("/metrics");
    CHECK(metrics[http::field::content_type] == "text/plain; version=0.0.4; charset=utf-8");
    CHECK(metrics.body().view().find("hornet_requests_total{method=\"GET\",name=\"/\"} 20\n") != std::string::npos);
    CHECK(metrics.body().view().find(
              "hornet_request_failures_total{method=\"GET\",name=\"/fail\",kind=\"other\"} 1\n") != std::string::npos);
    check_error(f.get("/no/such/route"), 404);
    check_error(f.get("/stats/requests?x=%zz"), 400);
    check_error(f.call(http::verb::delete_, "/stats/requests"), 405);
    auto head = f.call(http::verb::head, "/stats/requests");
    CHECK(head.result_int() == 200);
    CHECK(head.body().empty());
    CHECK(head[http::field::content_length] != "0");
}

TEST_CASE("basic auth guards every route")
{
    fake_control control;
    series_store series;
    router_options options;
    options.auth = "user:pass";
    router routes(control, series, options);
    for (const char* target : {"/", "/stats/requests", "/swarm", "/metrics", "/nope"}) {
        request req{http::verb::get, target, 11};
        auto res = routes.handle(req);
        CHECK(res.result_int() == 401);
        CHECK(res[http::field::www_authenticate] == "Basic realm=\"Login Required\"");
        req.set(http::field::authorization, "Basic dXNlcjpwYXNz");
        CHECK(routes.handle(req).result_int() != 401);
    }
}

TEST_CASE("headless: /metrics only")
{
    fake_control control;
    series_store series;
    router_options options;
    options.metrics_only = true;
    router routes(control, series, options);
    CHECK(routes.handle(request{http::verb::get, "/metrics", 11}).result_int() == 200);
    CHECK(routes.handle(request{http::verb::get, "/stats/requests", 11}).result_int() == 404);
    CHECK(routes.handle(request{http::verb::post, "/swarm", 11}).result_int() == 404);
}
