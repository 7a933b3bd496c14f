// The local runner over a real engine thread: users whose requests fail before any I/O must
// still give their thread turns, so collection, stop and kill get through.
#include "runtime/local_runner.hpp"

#include "scenario/model.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "pause.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace hornet;
namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

using hornet::runtime::test::pause;

} // namespace

TEST_CASE("users failing without I/O and without a wait still stop on time, with every failure recorded")
{
    // An unusable base URL fails every request at once, before any socket exists: like EMFILE,
    // nothing in the request ever waits on the io_context.
    auto model = scenario::quick_model("/");
    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(model, "http://127.0.0.1:99999", {}, classes).has_value());

    net::io_context control;
    runtime::local_runner runner(control, classes, 1, {});
    runner.start_threads();
    runner.start(20, 1000);
    bool stopped = false;
    std::uint64_t collected = 0;
    auto begin = std::chrono::steady_clock::now();
    net::co_spawn(
        control,
        [&]() -> net::awaitable<void> {
            co_await pause(300ms);
            // Answered only if the engine thread gets a turn.
            co_await runner.collect(std::chrono::steady_clock::now() + 1s);
            collected = runner.stats().total().num_requests;
            co_await runner.stop(1.0);
            runner.shutdown();
            stopped = true;
        },
        [](std::exception_ptr e) { REQUIRE(!e); });
    control.run_for(20s);
    auto took = std::chrono::steady_clock::now() - begin;

    REQUIRE(stopped);
    CHECK(took < 3s); // the stop is immediate (every user is between tasks or mid-turn)
    CHECK(collected > 1000);
    const auto& total = runner.stats().total();
    CHECK(total.num_failures == total.num_requests);
    REQUIRE(runner.stats().errors().size() == 1);
    // Counted by kind too (for reports and metrics): an unusable URL is a connect failure.
    CHECK(runner.stats().errors().occurrences_by_kind()[static_cast<std::size_t>(core::failure_kind::connect)] ==
          total.num_failures);
}

TEST_CASE("collect is one snapshot: the deltas are merged when it completes, with the users of that moment")
{
    auto model = scenario::quick_model("/");
    std::vector<runtime::compiled_class> classes;
    REQUIRE(runtime::compile(model, "http://127.0.0.1:99999", {}, classes).has_value());

    net::io_context control;
    runtime::local_runner runner(control, classes, 2, {});
    runner.start_threads();
    auto spawn = [&](auto body) { net::co_spawn(control, std::move(body), [](std::exception_ptr e) { REQUIRE(!e); }); };
    std::int64_t first_users = -1, later_users = -1, concurrent_a = -1, concurrent_b = -1;
    std::uint64_t first_requests = 1, later_requests = 0;
    std::chrono::steady_clock::duration concurrent_took{}, stopped_took{};
    bool done = false;
    spawn([&]() -> net::awaitable<void> {
        runner.reset_stats(true);
        // Users started while the collect waits run after the request for the delta on their
        // thread: the snapshot has neither them nor any of their requests.
        net::post(control, [&] { runner.set_class_counts({{"QuickUser", 4}}, 0); });
        first_users = co_await runner.collect(std::chrono::steady_clock::now() + 2s);
        first_requests = runner.stats().total().num_requests;

        co_await pause(200ms);
        // No pause after it: completing means every thread's delta is in.
        later_users = co_await runner.collect(std::chrono::steady_clock::now() + 2s);
        later_requests = runner.stats().total().num_requests;

        // Two at once (a worker's periodic report and its last one): each completes, promptly.
        auto begin = std::chrono::steady_clock::now();
        bool other_done = false;
        spawn([&]() -> net::awaitable<void> {
            concurrent_b = co_await runner.collect(begin + 3s);
            other_done = true;
        });
        concurrent_a = co_await runner.collect(begin + 3s);
        while (!other_done) co_await pause(5ms);
        concurrent_took = std::chrono::steady_clock::now() - begin;

        co_await runner.stop(0);
        // Threads that are gone never answer: the collect gives up at its deadline.
        runner.shutdown();
        begin = std::chrono::steady_clock::now();
        co_await runner.collect(begin + 300ms);
        stopped_took = std::chrono::steady_clock::now() - begin;
        done = true;
    });
    control.run_for(20s);

    REQUIRE(done);
    CHECK(first_users == 0);
    CHECK(first_requests == 0);
    CHECK(later_users == 4);
    CHECK(later_requests > 100); // users that fail at once make many requests in 200 ms
    CHECK(concurrent_a == 4);
    CHECK(concurrent_b == 4);
    CHECK(concurrent_took < 1s);
    CHECK(stopped_took >= 300ms);
    CHECK(stopped_took < 2s);
}
