// Proves runtime/wait_ticks.hpp is self-contained; waits ending on one tick share its timer, and a
// user stopped during such a wait leaves at once while the tick's other users keep waiting.
#include "runtime/wait_ticks.hpp"

#include "../http/test_server.hpp"
#include "runtime/local_runner.hpp"
#include "scenario/json_loader.hpp"

#include <boost/asio/co_spawn.hpp>

#include "pause.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace hornet;
namespace net = boost::asio;
using namespace std::chrono_literals;

TEST_CASE("waits ending at one tick share its timer, which goes with its last waiter")
{
    net::io_context io;
    runtime::wait_ticks ticks(io);
    const auto at = std::chrono::steady_clock::now() + 1s;
    auto& a = ticks.join(at);
    auto& b = ticks.join(at);
    auto& c = ticks.join(at + 5ms);
    CHECK(&a == &b);
    CHECK(&a != &c);
    CHECK(a.waiters == 2);
    CHECK(a.timer.expiry() == at);
    CHECK(ticks.size() == 2);
    ticks.leave(a);
    CHECK(ticks.size() == 2);
    ticks.leave(b);
    CHECK(ticks.size() == 1);
    ticks.leave(c);
    CHECK(ticks.size() == 0);
}

TEST_CASE("a tick a whole ring later than a live one, on the same slot, gets a timer of its own")
{
    net::io_context io;
    runtime::wait_ticks ticks(io);
    const auto at = std::chrono::steady_clock::time_point(std::chrono::hours(1000));
    auto& near = ticks.join(at);
    auto& far = ticks.join(at + 4096ms); // the ring spans 4,096 ms: the same slot
    auto& far_again = ticks.join(at + 4096ms);
    CHECK(&near != &far);
    CHECK(&far == &far_again);
    CHECK(far.timer.expiry() == at + 4096ms);
    CHECK(near.timer.expiry() == at);
    CHECK(ticks.size() == 2);
    ticks.leave(near);
    CHECK(ticks.size() == 1);
    auto& next = ticks.join(at + 8192ms); // the slot is free again
    CHECK(next.timer.expiry() == at + 8192ms);
    ticks.leave(far);
    ticks.leave(far_again);
    ticks.leave(next);
    CHECK(ticks.size() == 0);
}

TEST_CASE("users stopped during a shared wait leave at once; the others sharing it still wait it out")
{
    auto loaded = scenario::load_json(R"({"users": [{"name": "U", "wait_time": {"constant": 1},
        "tasks": [{"get": "/task"}], "on_stop": [{"get": "/bye"}]}]})",
                                      "ticks.json");
    REQUIRE(loaded.has_value());
    net::io_context control;
    const auto begin = std::chrono::steady_clock::now();
    struct arrival
    {
        std::string target;
        std::chrono::steady_clock::duration at;
    };
    std::vector<arrival> seen; // the control thread only
    http::test::test_server server(control, [&](const http::test::server_request& req) {
        seen.push_back({std::string(req.target()), std::chrono::steady_clock::now() - begin});
        return http::test::reply(http::test::ok("ok"));
    });
    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(*loaded, server.url(), {}, classes).has_value());
    runtime::local_runner runner(control, classes, 1, {});
    runner.start_threads();
    runner.start(20, 1000); // one ramp step: their waits end within a tick or two
    auto count = [&](std::string_view target, std::chrono::steady_clock::duration before) {
        int n = 0;
        for (const auto& a : seen) n += a.target == target && a.at < before;
        return n;
    };
    int tasks_early = -1, byes_early = -1;
    bool stopped = false;
    net::co_spawn(
        control,
        [&]() -> net::awaitable<void> {
            co_await runtime::test::pause(300ms);
            runner.start(10, 1000); // ten of them stop while waiting
            co_await runtime::test::pause(400ms);
            tasks_early = count("/task", 700ms);
            byes_early = count("/bye", 700ms);
            co_await runtime::test::pause(1000ms);
            co_await runner.stop(5.0);
            runner.shutdown();
            stopped = true;
        },
        [](std::exception_ptr e) { REQUIRE(!e); });
    control.run_for(10s);
    REQUIRE(stopped);
    CHECK(tasks_early == 20); // no second task: the wake-up meant for the stopped ones was not theirs
    CHECK(byes_early == 10);  // the stopped ones left at once, through on_stop
    // The ten still running did their second task after their second, not at the stop.
    CHECK(count("/task", 1700ms) == 30);
    int second_round = 0;
    for (const auto& a : seen)
        if (a.target == "/task" && a.at > 700ms) {
            ++second_round;
            CHECK(a.at > 950ms);
        }
    CHECK(second_round >= 10);
}
