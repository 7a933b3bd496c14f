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
        if (target == "/login") return http::test::reply(http::test::ok(R"({"token": "t-42"})"));
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
