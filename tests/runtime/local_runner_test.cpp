// The local runner over a real engine thread: users whose requests fail before any I/O must
// still give their thread turns, so collection, stop and kill get through.
#include "runtime/local_runner.hpp"

#include "scenario/model.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <doctest/doctest.h>

#include <chrono>

using namespace hornet;
namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

net::awaitable<void> pause(std::chrono::milliseconds d)
{
    net::steady_timer t(co_await net::this_coro::executor, d);
    co_await t.async_wait(net::as_tuple(net::use_awaitable));
}

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
            runner.collect(); // answered only if the engine thread gets a turn
            co_await pause(200ms);
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
