// Tests for demo/request_counts.hpp and the /__hornet/counts and /__hornet/reset endpoints.
#include "demo/request_counts.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

using namespace hornet::demo::test;
namespace demo = hornet::demo;

TEST_CASE("record, take and reset")
{
    demo::request_counts counts;
    counts.record(demo::route::root, false, http::verb::get, 200);
    counts.record(demo::route::root, false, http::verb::get, 200);
    counts.record(demo::route::users, true, http::verb::post, 201);
    counts.record(demo::route::unknown, false, static_cast<http::verb>(250), 404);
    counts.add(demo::demo_event::search);

    auto snap = counts.take(true);
    CHECK(snap.total == 4);
    REQUIRE(snap.routes.size() == 3);
    CHECK(snap.routes[0].label == "GET /");
    CHECK(snap.routes[0].count == 2);
    CHECK(snap.routes[1].label == "POST /api/users/");
    CHECK(snap.routes[2].label == "OTHER <unknown>");
    CHECK(snap.status == std::vector<std::pair<unsigned, std::uint64_t>>{{200, 2}, {201, 1}, {404, 1}});
    CHECK(snap.events[static_cast<std::size_t>(demo::demo_event::search)] == 1);

    counts.reset();
    counts.record(demo::route::root, false, http::verb::get, 200);
    snap = counts.take(true);
    CHECK(snap.total == 1);
    CHECK(snap.events[static_cast<std::size_t>(demo::demo_event::search)] == 0);
    // The since-start view is not affected by a reset.
    CHECK(counts.take(false).total == 5);
}

TEST_CASE("/__hornet/counts counts every request but its own family; reset starts over")
{
    running_server s;
    client c(s.srv.port());
    c.get("/");
    c.get("/");
    c.get("/api/users/999");
    c.get("/products/search?q=lamp");
    c.get("/__hornet/counts");
    c.get("/__hornet/unknown");

    auto counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["total"] == 4);
    CHECK(counts["routes"] == nlohmann::json{{"GET /", 2}, {"GET /api/users/{id}", 1}, {"GET /products/search", 1}});
    CHECK(counts["status"] == nlohmann::json{{"200", 3}, {"404", 1}});
    CHECK(counts["searches"] == 1);
    CHECK(counts["users_created"] == 0);
    CHECK(counts["profile_updates"] == 0);
    CHECK(counts["forbidden"] == 0);

    CHECK(c.get("/__hornet/reset").result_int() == 405);
    const auto reset = c.send(http::verb::post, "/__hornet/reset");
    CHECK(reset.result_int() == 200);
    counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["total"] == 0);
    CHECK(counts["routes"].empty());
    CHECK(counts["searches"] == 0);

    // The counter app itself is not reset, only the request counts.
    CHECK(json_of(c.get("/"))["count"] == 3);
    counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["total"] == 1);
    CHECK(counts["routes"]["GET /"] == 1);
}
