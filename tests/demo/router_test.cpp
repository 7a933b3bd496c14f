// Tests for demo/router.hpp: routing, counting and response shaping without a network.
#include "demo/router.hpp"

#include <doctest/doctest.h>

namespace demo = hornet::demo;
namespace http = boost::beast::http;

namespace {

demo::request make(http::verb method, std::string target, std::string body = {}, unsigned version = 11)
{
    demo::request req{method, target, version};
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
}

std::uint64_t route_count(const demo::router& r, const std::string& label)
{
    for (const auto& row : r.counts().take(true).routes) {
        if (row.label == label) {
            return row.count;
        }
    }
    return 0;
}

} // namespace

TEST_CASE("the fast path serialises GET / and GET /health completely and counts them")
{
    demo::router r;
    std::string out;
    REQUIRE(r.try_fast(make(http::verb::get, "/"), out));
    CHECK(out == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"count\":1}");
    REQUIRE(r.try_fast(make(http::verb::get, "/health"), out));
    CHECK(out == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}");

    // Anything else takes the general path.
    out = "untouched";
    CHECK_FALSE(r.try_fast(make(http::verb::get, "/state"), out));
    CHECK_FALSE(r.try_fast(make(http::verb::post, "/"), out));
    CHECK_FALSE(r.try_fast(make(http::verb::get, "/", {}, 10), out));
    auto closing = make(http::verb::get, "/");
    closing.keep_alive(false);
    CHECK_FALSE(r.try_fast(closing, out));
    CHECK(out == "untouched");

    // The general path continues the same counter, with the same body format.
    const auto res = r.handle(closing).res;
    CHECK(res.body() == "{\"count\":2}");
    CHECK_FALSE(res.keep_alive());
    CHECK(route_count(r, "GET /") == 2);
    CHECK(route_count(r, "GET /health") == 1);
}

TEST_CASE("HEAD is GET without the body; a wrong method is 405 with Allow")
{
    demo::router r;
    const auto head = r.handle(make(http::verb::head, "/health")).res;
    CHECK(head.result_int() == 200);
    CHECK(head.body().empty());
    CHECK(head[http::field::content_length] == "15");

    const auto wrong = r.handle(make(http::verb::delete_, "/health")).res;
    CHECK(wrong.result_int() == 405);
    CHECK(wrong[http::field::allow] == "GET, HEAD");
    CHECK(route_count(r, "DELETE /health") == 1);
    CHECK(route_count(r, "HEAD /health") == 1);
}

TEST_CASE("counts keep the trailing slash of the path, and skip /__hornet/*")
{
    demo::router r;
    r.handle(make(http::verb::post, "/api/users/", R"({"dni":"1","name":"a"})"));
    r.handle(make(http::verb::post, "/api/users", R"({"dni":"2","name":"b"})"));
    r.handle(make(http::verb::get, "/api/users/1"));
    r.handle(make(http::verb::get, "/nowhere"));
    r.handle(make(http::verb::get, "/__hornet/counts"));
    r.handle(make(http::verb::get, "/__hornet/whatever"));
    CHECK(r.malformed(http::status::bad_request, "bad").result_int() == 400);

    const auto snap = r.counts().take(true);
    CHECK(snap.total == 5);
    CHECK(route_count(r, "POST /api/users/") == 1);
    CHECK(route_count(r, "POST /api/users") == 1);
    CHECK(route_count(r, "GET /api/users/{id}") == 1);
    CHECK(route_count(r, "GET <unknown>") == 1);
    CHECK(route_count(r, "<malformed>") == 1);
    CHECK(snap.events[static_cast<std::size_t>(demo::demo_event::user_created)] == 2);
    for (const auto& row : snap.routes) {
        CHECK(row.label.find("__hornet") == std::string::npos);
    }
}

TEST_CASE("HTTP/1.0 gets a 1.0 answer, never chunked")
{
    demo::router r;
    const auto rep = r.handle(make(http::verb::get, "/chunked/100", {}, 10));
    CHECK_FALSE(rep.chunked);
    CHECK(rep.res.version() == 10);
    CHECK_FALSE(rep.res.keep_alive());
    CHECK(rep.res.body().size() == 100);
    CHECK(rep.res[http::field::content_length] == "100");
}

TEST_CASE("responses without a body carry no Content-Length")
{
    demo::router r;
    const auto res = r.handle(make(http::verb::get, "/status/204")).res;
    CHECK(res.result_int() == 204);
    CHECK(res.body().empty());
    CHECK(res.find(http::field::content_length) == res.end());
    CHECK(r.internal_errors() == 0);
}

TEST_CASE("state and metrics report the counters")
{
    demo::router r;
    std::string out;
    r.try_fast(make(http::verb::get, "/"), out);
    r.try_fast(make(http::verb::get, "/"), out);
    const auto state = nlohmann::json::parse(r.handle(make(http::verb::get, "/state")).res.body());
    CHECK(state["counter"] == 2);
    CHECK(state["users"] == 0);
    CHECK(state["uptime_seconds"].get<double>() >= 0.0);

    const auto metrics = r.handle(make(http::verb::get, "/metrics")).res;
    CHECK(metrics[http::field::content_type].starts_with("text/plain"));
    const auto& text = metrics.body();
    CHECK(text.find("# TYPE demo_requests_total counter\n") != std::string::npos);
    CHECK(text.find("demo_requests_total{method=\"GET\",route=\"/\"} 2\n") != std::string::npos);
    CHECK(text.find("demo_requests_total{method=\"GET\",route=\"/state\"} 1\n") != std::string::npos);
    CHECK(text.find("demo_responses_total{status=\"200\"} 3\n") != std::string::npos);
    CHECK(text.find("demo_counter 2\n") != std::string::npos);
}
