// A JSON user running nested task sets (Locust's TaskSet as a task) against an in-process server:
// the order of on_start, tasks, interrupts and on_stop; reschedule=False waiting; stops inside a set.
#include "runtime/json_user.hpp"

#include "../http/test_server.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/local_runner.hpp"
#include "scenario/json_loader.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>

#include "pause.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace hornet;
namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

using hornet::runtime::test::pause;

/// Runs `scenario` with `users` users against a server that records every target in order (and
/// hangs on /hang) until `enough(seen)` holds (bounded), then stops them with `stop_timeout`.
std::vector<std::string> run_until(const char* scenario, int users,
                                   const std::function<bool(const std::vector<std::string>&)>& enough,
                                   double stop_timeout = 5.0)
{
    auto loaded = scenario::load_json(scenario, "sets.json");
    REQUIRE(loaded.has_value());
    net::io_context control;
    std::vector<std::string> seen; // the control thread only
    http::test::test_server server(control, [&](const http::test::server_request& req) {
        seen.emplace_back(req.target());
        if (req.target() == "/hang") return http::test::reply({}, http::test::reply::then::hang);
        return http::test::reply(http::test::ok("{}"));
    });
    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(*loaded, server.url(), {}, classes).has_value());
    runtime::local_runner runner(control, classes, 1, {});
    runner.start_threads();
    runner.start(users, 100);
    bool stopped = false;
    net::co_spawn(
        control,
        [&]() -> net::awaitable<void> {
            for (int i = 0; i < 500 && !enough(seen); ++i) co_await pause(10ms);
            co_await runner.stop(stop_timeout);
            co_await runner.collect(std::chrono::steady_clock::now() + 2s);
            runner.shutdown();
            stopped = true;
            control.stop(); // the server would keep run_for() busy to its end
        },
        [](std::exception_ptr e) { REQUIRE(!e); });
    control.run_for(20s);
    REQUIRE(stopped);
    server.stop();
    return seen;
}

long count(const std::vector<std::string>& seen, const std::string& target)
{
    return std::count(seen.begin(), seen.end(), target);
}

} // namespace

TEST_CASE("a nested set runs its on_start, its tasks, and on an interrupt its on_stop; the parent goes on")
{
    // Sequential everywhere, so that the order is known: the user alternates /home and the set S;
    // S runs /s1, then the set T (left by an interrupt after /t2), then interrupts itself after /s2.
    const char* scenario = R"({"users": [{"name": "U", "sequential": true,
  "on_start": [{"get": "/u-start"}],
  "tasks": [
    {"get": "/home"},
    {"task_set": {"name": "S", "sequential": true, "on_start": [{"get": "/s-start"}],
      "tasks": [
        {"get": "/s1"},
        {"task_set": {"name": "T", "sequential": true, "on_start": [{"get": "/t-start"}],
          "tasks": [{"get": "/t1"}, {"steps": [{"get": "/t2"}, {"interrupt": true}, {"get": "/never"}]}],
          "on_stop": [{"get": "/t-stop"}]}},
        {"steps": [{"get": "/s2"}, {"repeat": 3, "steps": [{"interrupt": true}, {"get": "/never"}]}]}],
      "on_stop": [{"get": "/s-stop"}]}}
  ],
  "on_stop": [{"get": "/u-stop"}]}]})";
    auto seen = run_until(scenario, 1, [](const std::vector<std::string>& s) { return s.size() >= 40; });

    const std::vector<std::string> round = {"/home", "/s-start", "/s1", "/t-start", "/t1",
                                            "/t2",   "/t-stop",  "/s2", "/s-stop"};
    REQUIRE(seen.size() >= 40);
    CHECK(seen.front() == "/u-start");
    for (std::size_t i = 1; i < 37; ++i) CHECK_MESSAGE(seen[i] == round[(i - 1) % round.size()], i);
    CHECK(count(seen, "/never") == 0);
    // Stopped anywhere, the user left every set it was in through its on_stop, then ran its own.
    CHECK(seen.back() == "/u-stop");
    CHECK(count(seen, "/u-stop") == 1);
    CHECK(count(seen, "/s-start") == count(seen, "/s-stop"));
    CHECK(count(seen, "/t-start") == count(seen, "/t-stop"));
}

TEST_CASE("interrupt(reschedule=False) makes the parent wait its wait_time; interrupt() goes on at once")
{
    // Both users wait 60 s between their own tasks. Now leaves its set and re-enters it at once,
    // round after round; Later leaves it once and then waits.
    const char* scenario = R"({"users": [
  {"name": "Now", "fixed_count": 1, "wait_time": 60, "tasks": [{"task_set": {"wait_time": 0,
    "on_start": [{"get": "/now-enter"}], "tasks": [{"interrupt": true}]}}]},
  {"name": "Later", "fixed_count": 1, "wait_time": 60, "tasks": [{"task_set": {"wait_time": 0,
    "on_start": [{"get": "/later-enter"}], "tasks": [{"interrupt": {"reschedule": false}}],
    "on_stop": [{"get": "/later-leave"}]}}], "on_stop": [{"get": "/later-stop"}]}
]})";
    auto seen = run_until(scenario, 2, [](const std::vector<std::string>& s) { return count(s, "/now-enter") >= 20; });
    CHECK(count(seen, "/now-enter") >= 20);
    CHECK(count(seen, "/later-enter") == 1);
    CHECK(count(seen, "/later-leave") == 1);
    // Later was waiting when the stop came: it stopped at once, outside the set.
    CHECK(count(seen, "/later-stop") == 1);
}

TEST_CASE("a stop inside a nested set, waiting or in a request, leaves the sets through their on_stop")
{
    // Waiting: a set inside a set that never returns, waiting 60 s between its tasks. In a
    // request: a task that hangs, cut by the stop timeout.
    const char* scenario = R"({"users": [
  {"name": "Waiting", "fixed_count": 1, "tasks": [{"task_set": {
    "tasks": [{"task_set": {"wait_time": 60, "tasks": [{"get": "/inner"}], "on_stop": [{"get": "/inner-stop"}]}}],
    "on_stop": [{"get": "/outer-stop"}]}}], "on_stop": [{"get": "/waiting-stop"}]},
  {"name": "Hanging", "fixed_count": 1, "tasks": [{"task_set": {"tasks": [{"get": "/hang"}],
    "on_stop": [{"get": "/hang-stop"}]}}], "on_stop": [{"get": "/hanging-stop"}]}
]})";
    auto seen = run_until(
        scenario, 2,
        [](const std::vector<std::string>& s) { return count(s, "/inner") >= 1 && count(s, "/hang") >= 1; }, 0.3);
    CHECK(count(seen, "/inner") == 1);
    CHECK(count(seen, "/hang") == 1);
    const std::vector<std::string> waiting = {"/inner-stop", "/outer-stop", "/waiting-stop"};
    std::vector<std::string> order;
    for (const auto& t : seen)
        if (std::find(waiting.begin(), waiting.end(), t) != waiting.end()) order.push_back(t);
    CHECK(order == waiting);
    CHECK(count(seen, "/hang-stop") == 1);
    CHECK(count(seen, "/hanging-stop") == 1);
}
