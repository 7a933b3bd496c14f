// The per-thread timeout sweeper: intrusive list bookkeeping and timer arming.
#include "http/deadline_sweeper.hpp"

#include <boost/asio/io_context.hpp>

#include <doctest/doctest.h>

#include <vector>

namespace hornet::http {
namespace {

using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

struct probe final : deadline_node
{
    int fired = 0;
    void on_deadline() noexcept override { ++fired; }
};

TEST_CASE("sweep expires exactly the nodes past their deadline, in any list position")
{
    boost::asio::io_context io;
    deadline_sweeper sweeper(io.get_executor());
    const auto t0 = clock::now();
    std::vector<probe> nodes(5);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        sweeper.watch(nodes[i], t0 + std::chrono::seconds(i % 2 == 0 ? 1 : 10));
    CHECK(sweeper.watched() == 5);
    sweeper.unwatch(nodes[4]); // unlink the head
    sweeper.unwatch(nodes[4]); // twice is harmless
    CHECK_FALSE(nodes[4].watched());
    CHECK(sweeper.watched() == 4);
    sweeper.sweep(t0 + 2s);
    CHECK(nodes[0].fired == 1);
    CHECK(nodes[1].fired == 0);
    CHECK(nodes[2].fired == 1);
    CHECK(nodes[3].fired == 0);
    CHECK(nodes[4].fired == 0);
    CHECK(sweeper.watched() == 2);
    CHECK_FALSE(nodes[0].watched());
    CHECK(nodes[1].watched());
    sweeper.sweep(t0 + 2s);
    CHECK(nodes[0].fired == 1); // fires once
    // Re-watching moves the deadline.
    sweeper.watch(nodes[1], t0 + 1s);
    CHECK(sweeper.watched() == 2);
    sweeper.sweep(t0 + 2s);
    CHECK(nodes[1].fired == 1);
    sweeper.unwatch(nodes[3]);
    CHECK(sweeper.watched() == 0);
}

TEST_CASE("the timer runs only while something is watched")
{
    boost::asio::io_context io;
    deadline_sweeper sweeper(io.get_executor(), 10ms);
    probe p;
    sweeper.watch(p, clock::now() + 30ms);
    const auto start = clock::now();
    io.run_for(5s); // returns once p fired and nothing is watched
    CHECK(p.fired == 1);
    CHECK(clock::now() - start < 2s);

    // Stopped: no expiry, and run() is not kept busy.
    sweeper.stop();
    probe q;
    sweeper.watch(q, clock::now());
    io.restart();
    io.run_for(200ms);
    CHECK(q.fired == 0);
    sweeper.start();
    io.restart();
    io.run_for(5s);
    CHECK(q.fired == 1);
}

} // namespace
} // namespace hornet::http
