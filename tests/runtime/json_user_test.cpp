// Proves runtime/json_user.hpp is self-contained; a JSON user's whole life against an in-process
// server: on_start, extracted variables in later requests, checks, tasks, on_stop at the stop.
#include "runtime/json_user.hpp"

#include "../http/test_server.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/local_runner.hpp"
#include "scenario/json_loader.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

using namespace hornet;
namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr const char* scenario_text = R"({
  "users": [{
    "name": "Shopper",
    "wait_time": {"constant": 0.05},
    "on_start": [
      {"post": "/login", "json": {"user": "u{{user.id}}"}, "check": {"status": 200},
       "extract": {"token": {"json": "/token"}}}
    ],
    "tasks": [
      {"get": "/items/{{token}}", "name": "/items/[token]", "check": {"status": 200, "body_contains": "item"}},
      {"get": "/missing", "check": {"status": 200}}
    ],
    "on_stop": [
      {"get": "/logout?token={{token}}", "name": "/logout"}
    ]
  }]
})";

net::awaitable<void> pause(std::chrono::milliseconds d)
{
    net::steady_timer t(co_await net::this_coro::executor, d);
    co_await t.async_wait(net::as_tuple(net::use_awaitable));
}

} // namespace

TEST_CASE("a JSON user logs in, carries the extracted token, fails a check, and logs out at the stop")
{
    auto loaded = scenario::load_json(scenario_text, "shop.json");
    REQUIRE(loaded.has_value());

    net::io_context control;
    std::vector<std::string> seen; // targets, in arrival order (the control thread only)
    http::test::test_server server(control, [&](const http::test::server_request& req) {
        const std::string target(req.target());
        seen.push_back(target);
        if (target == "/login" || target == "/plain-login")
            return http::test::reply(http::test::ok(R"({"token": "t-42"})"));
        if (target.starts_with("/items/")) return http::test::reply(http::test::ok("an item"));
        if (target.starts_with("/logout")) return http::test::reply(http::test::ok(""));
        return http::test::reply(http::test::make_response(404, "Not Found", "no"));
    });

    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(*loaded, server.url(), {}, classes).has_value());
    runtime::local_runner runner(control, classes, 1, {});
    runner.start_threads();
    runner.start(1, 100);
    bool stopped = false;
    net::co_spawn(
        control,
        [&]() -> net::awaitable<void> {
            co_await pause(600ms);
            co_await runner.stop(5.0);
            co_await runner.collect(std::chrono::steady_clock::now() + 2s);
            runner.shutdown();
            stopped = true;
        },
        [](std::exception_ptr e) { REQUIRE(!e); });
    control.run_for(10s);
    REQUIRE(stopped);

    REQUIRE(seen.size() >= 4);
    CHECK(seen.front() == "/login");
    CHECK(seen.back() == "/logout?token=t-42"); // on_stop ran last, with the extracted value
    int items = 0;
    for (const auto& t : seen) {
        if (t.starts_with("/items/")) {
            CHECK(t == "/items/t-42");
            ++items;
        }
    }
    CHECK(items > 0);

    auto& stats = runner.stats();
    const stats::entry* login = stats.find("POST", "/login");
    REQUIRE(login);
    CHECK(login->num_requests == 1); // on_start once
    const stats::entry* item = stats.find("GET", "/items/[token]");
    REQUIRE(item);
    CHECK(item->num_failures == 0);
    const stats::entry* missing = stats.find("GET", "/missing");
    REQUIRE(missing);
    CHECK(missing->num_failures == missing->num_requests); // the status check fails every one
    const stats::entry* logout = stats.find("GET", "/logout");
    REQUIRE(logout);
    CHECK(logout->num_requests == 1);
}

TEST_CASE("a class with relative paths and no host at all does not compile, and says how to fix it")
{
    auto loaded = scenario::load_json(R"({"users": [{"name": "NoHost", "tasks": [{"get": "/"}]}]})", "x.json");
    REQUIRE(loaded.has_value());
    std::vector<runtime::compiled_class> classes;
    auto compiled = runtime::compile(*loaded, "", {}, classes);
    REQUIRE_FALSE(compiled);
    CHECK(compiled.error().code == core::error::invalid_scenario);
    CHECK(compiled.error().detail.starts_with("No host given for user class NoHost: pass -H/--host"));
}

TEST_CASE("a user whose on_start fails stops there, as in Locust: no tasks, no on_stop, not restarted")
{
    // Three ways on_start fails: a check, a variable without a value, and the step's extract;
    // and one way it does not: a failed request nothing checks.
    auto loaded = scenario::load_json(R"({"users": [
  {"name": "BadLogin", "fixed_count": 2, "wait_time": {"constant": 0.01},
   "on_start": [{"post": "/login", "check": {"status": 200}}, {"get": "/after-login"}],
   "tasks": [{"get": "/bad-task"}], "on_stop": [{"get": "/bad-stop"}]},
  {"name": "NoValue", "fixed_count": 2, "wait_time": {"constant": 0.01}, "variables": {"seed": "1"},
   "on_start": [{"get": "/start/{{token}}"}],
   "tasks": [{"get": "/novalue-task", "extract": {"token": {"json": "/t"}}}]},
  {"name": "NoToken", "fixed_count": 1, "wait_time": {"constant": 0.01},
   "on_start": [{"get": "/token", "extract": {"t": {"json": "/missing"}}}],
   "tasks": [{"get": "/notoken-task/{{t}}"}]},
  {"name": "Fine", "fixed_count": 2, "wait_time": {"constant": 0.01}, "tasks": [{"get": "/fine"}],
   "on_stop": [{"get": "/fine-stop"}]},
  {"name": "Unchecked", "fixed_count": 1, "wait_time": {"constant": 0.01},
   "on_start": [{"post": "/plain-login"}], "tasks": [{"get": "/plain-task"}]}
]})",
                                      "start.json");
    REQUIRE(loaded.has_value());

    net::io_context control;
    std::map<std::string, int> seen; // target → requests (the control thread only)
    http::test::test_server server(control, [&](const http::test::server_request& req) {
        const std::string target(req.target());
        ++seen[target];
        if (target == "/login") return http::test::reply(http::test::make_response(401, "Unauthorized", "no"));
        if (target == "/token") return http::test::reply(http::test::ok(R"({"t": 1})"));
        return http::test::reply(http::test::ok("{}"));
    });

    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(*loaded, server.url(), {}, classes).has_value());
    runtime::local_runner runner(control, classes, 2, {});
    runner.start_threads();
    runner.start(8, 100);
    bool stopped = false;
    std::int64_t running = -1;
    std::map<std::string, std::int64_t> by_class;
    net::co_spawn(
        control,
        [&]() -> net::awaitable<void> {
            // Bounded wait for the five failing users to stop and the fine ones to work a while.
            for (int i = 0; i < 500 && (runner.user_count() != 3 || seen["/fine"] < 20 || seen["/plain-task"] < 5); ++i)
                co_await pause(10ms);
            running = runner.user_count();
            by_class = runner.class_counts();
            co_await runner.stop(5.0);
            co_await runner.collect(std::chrono::steady_clock::now() + 2s);
            runner.shutdown();
            stopped = true;
        },
        [](std::exception_ptr e) { REQUIRE(!e); });
    control.run_for(10s);
    REQUIRE(stopped);

    CHECK(running == 3); // only the Fine and Unchecked users count as running
    CHECK(by_class["BadLogin"] == 0);
    CHECK(by_class["NoValue"] == 0);
    CHECK(by_class["NoToken"] == 0);
    CHECK(by_class["Fine"] == 2);
    CHECK(by_class["Unchecked"] == 1);
    // A failed request that nothing checks does not stop the user (Locust raises only on a check).
    CHECK(seen["/plain-login"] == 1);
    CHECK(seen["/plain-task"] >= 5);
    CHECK(seen["/login"] == 2); // once per user: never started again
    CHECK(seen["/token"] == 1);
    CHECK(seen["/fine"] >= 20);
    CHECK(seen["/fine-stop"] == 2);
    for (const char* never : {"/after-login", "/bad-task", "/bad-stop", "/novalue-task", "/notoken-task/1"})
        CHECK_MESSAGE(seen.count(never) == 0, never);
    for (const auto& [target, n] : seen) CHECK_MESSAGE(!target.starts_with("/start/"), target);

    auto& stats = runner.stats();
    const stats::entry* login = stats.find("POST", "/login");
    REQUIRE(login);
    CHECK(login->num_failures == 2); // each failure is recorded
    const stats::entry* token = stats.find("GET", "/token");
    REQUIRE(token);
    CHECK(token->num_failures == 1);
}
