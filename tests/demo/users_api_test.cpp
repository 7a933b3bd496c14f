// Tests for demo/users_api.hpp: the users CRUD API, over HTTP.
#include "demo/users_api.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

using namespace hornet::demo::test;
namespace demo = hornet::demo;

TEST_CASE("users: create, read, list, update, delete, and 404s")
{
    running_server s;
    client c(s.srv.port());

    const auto created = c.post("/api/users/", {{"dni", "12345678"}, {"name", "Ann"}});
    REQUIRE(created.result_int() == 201);
    const auto ann = json_of(created);
    CHECK(ann["id"] == 1);
    CHECK(ann["dni"] == "12345678");
    CHECK(ann["name"] == "Ann");
    // No trailing slash works too; a number for dni is taken as its digits.
    const auto bob = json_of(c.post("/api/users", {{"dni", 87654321}, {"name", "Bob"}}));
    CHECK(bob["id"] == 2);
    CHECK(bob["dni"] == "87654321");

    CHECK(json_of(c.get("/api/users/1")) == ann);
    CHECK(c.get("/api/users/1/").result_int() == 200);
    CHECK(c.get("/api/users/999").result_int() == 404);
    CHECK(c.get("/api/users/abc").result_int() == 404);

    const auto list = c.get("/api/users");
    CHECK(list.result_int() == 200);
    CHECK(list["X-Total-Count"] == "2");
    CHECK(json_of(list).size() == 2);
    CHECK(json_of(c.get("/api/users/?offset=1&limit=5"))[0]["name"] == "Bob");

    const auto updated = c.send(http::verb::put, "/api/users/1", R"({"name":"Anna"})");
    CHECK(updated.result_int() == 200);
    CHECK(json_of(updated)["name"] == "Anna");
    CHECK(json_of(updated)["dni"] == "12345678");
    CHECK(c.send(http::verb::put, "/api/users/999", R"({"name":"x"})").result_int() == 404);
    CHECK(c.send(http::verb::put, "/api/users/1", R"({"other":"x"})").result_int() == 400);

    CHECK(c.send(http::verb::delete_, "/api/users/1").result_int() == 204);
    CHECK(c.get("/api/users/1").result_int() == 404);
    CHECK(c.send(http::verb::delete_, "/api/users/1").result_int() == 404);

    const auto counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["users_created"] == 2);
    CHECK(counts["routes"]["POST /api/users/"] == 1);
    CHECK(counts["routes"]["POST /api/users"] == 1);
    CHECK(counts["routes"]["GET /api/users/{id}"] == 4);
    CHECK(counts["routes"]["GET /api/users/{id}/"] == 1);
}

TEST_CASE("users: bad bodies are 400 JSON errors")
{
    running_server s;
    client c(s.srv.port());
    for (const std::string body :
         {"", "not json", "[1,2]", R"({"dni":"1"})", R"({"dni":"1","name":null})", R"({"dni":{"a":1},"name":"x"})"}) {
        const auto res = c.send(http::verb::post, "/api/users/", body);
        CHECK_MESSAGE(res.result_int() == 400, body);
        CHECK(json_of(res).contains("error"));
    }
    CHECK(json_of(c.get("/__hornet/counts"))["users_created"] == 0);
}

TEST_CASE("users: past the cap the oldest are dropped")
{
    demo::users_api users(2);
    demo::request req{http::verb::post, "/api/users", 11};
    for (int i = 0; i < 3; ++i) {
        req.body() = R"({"dni":"1","name":"n"})";
        CHECK(users.create(req).result_int() == 201);
    }
    CHECK(users.size() == 2);
    CHECK(users.get("1").result_int() == 404);
    CHECK(users.get("3").result_int() == 200);
}
