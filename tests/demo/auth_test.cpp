// Tests for demo/auth.hpp: register, login, and profiles guarded by token or cookie.
#include "demo/auth.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

using namespace hornet::demo::test;

namespace {

std::string login(client& c, const std::string& user, const std::string& password)
{
    const auto res = c.post("/login", {{"username", user}, {"password", password}});
    REQUIRE(res.result_int() == 200);
    const auto token = json_of(res)["token"].get<std::string>();
    CHECK(token.size() >= 16);
    CHECK(res[http::field::set_cookie] == "session=" + token + "; Path=/");
    return token;
}

} // namespace

TEST_CASE("register and login")
{
    running_server s;
    client c(s.srv.port());
    CHECK(c.post("/register", {{"username", "alice"}, {"password", "pw1"}}).result_int() == 201);
    CHECK(c.post("/register", {{"username", "alice"}, {"password", "other"}}).result_int() == 409);
    CHECK(c.post("/register", {{"username", ""}, {"password", "x"}}).result_int() == 400);
    CHECK(c.send(http::verb::post, "/register", "{").result_int() == 400);
    CHECK(c.get("/register").result_int() == 405);

    CHECK(c.post("/login", {{"username", "alice"}, {"password", "wrong"}}).result_int() == 401);
    CHECK(c.post("/login", {{"username", "nobody"}, {"password", "pw1"}}).result_int() == 401);
    const auto first = login(c, "alice", "pw1");
    const auto second = login(c, "alice", "pw1");
    CHECK(first != second);
}

TEST_CASE("profiles: 401 without credentials, 403 for another user, 200 by token and by cookie")
{
    running_server s;
    client c(s.srv.port());
    c.post("/register", {{"username", "alice"}, {"password", "a"}});
    c.post("/register", {{"username", "bob"}, {"password", "b"}});
    const auto alice = login(c, "alice", "a");
    const auto bob = login(c, "bob", "b");

    CHECK(c.get("/profile/alice").result_int() == 401);
    CHECK(c.get("/profile/alice", {{"Authorization", "Bearer nonsense"}}).result_int() == 401);
    CHECK(c.get("/profile/alice", {{"Cookie", "session=nonsense"}}).result_int() == 401);

    const auto by_token = c.get("/profile/alice", {{"Authorization", "Bearer " + alice}});
    CHECK(by_token.result_int() == 200);
    CHECK(json_of(by_token)["username"] == "alice");
    CHECK(c.get("/profile/alice", {{"Cookie", "theme=dark; session=" + alice}}).result_int() == 200);

    const auto update = c.send(http::verb::put, "/profile/alice", R"({"email":"a@example.com","bio":"hi"})",
                               {{"Cookie", "session=" + alice}});
    CHECK(update.result_int() == 200);
    const auto profile = json_of(c.get("/profile/alice", {{"Authorization", "Bearer " + alice}}));
    CHECK(profile["email"] == "a@example.com");
    CHECK(profile["bio"] == "hi");
    CHECK(c.send(http::verb::put, "/profile/alice", R"({"email":5})", {{"Cookie", "session=" + alice}}).result_int() ==
          400);

    CHECK(c.get("/profile/alice", {{"Authorization", "Bearer " + bob}}).result_int() == 403);
    CHECK(
        c.send(http::verb::put, "/profile/alice", R"({"bio":"pwned"})", {{"Cookie", "session=" + bob}}).result_int() ==
        403);
    CHECK(c.send(http::verb::put, "/profile/alice", R"({"bio":"x"})").result_int() == 401);
    CHECK(json_of(c.get("/profile/alice", {{"Authorization", "Bearer " + alice}}))["bio"] == "hi");

    const auto counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["forbidden"] == 2);
    CHECK(counts["profile_updates"] == 1);
    CHECK(counts["routes"]["GET /profile/{username}"] == 8);
    CHECK(counts["routes"]["PUT /profile/{username}"] == 4);
    CHECK(counts["status"]["403"] == 2);
}

TEST_CASE("the oldest sessions expire past the cap")
{
    hornet::demo::auth a(10, 2);
    hornet::demo::request req{http::verb::post, "/register", 11};
    req.body() = R"({"username":"u","password":"p"})";
    REQUIRE(a.register_user(req).result_int() == 201);
    std::vector<std::string> tokens;
    for (int i = 0; i < 3; ++i) {
        tokens.push_back(nlohmann::json::parse(a.login(req).body())["token"]);
    }
    const auto profile = [&](const std::string& token) {
        hornet::demo::request get{http::verb::get, "/profile/u", 11};
        get.set(http::field::authorization, "Bearer " + token);
        return a.get_profile("u", get).result_int();
    };
    CHECK(profile(tokens[0]) == 401);
    CHECK(profile(tokens[1]) == 200);
    CHECK(profile(tokens[2]) == 200);
}
