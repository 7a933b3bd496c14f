// Proves cluster/master.hpp is self-contained; the master role over real ZeroMQ sockets on
// 127.0.0.1 with a worker played by a DEALER.
#include "cluster/as_message.hpp"
#include "cluster/master.hpp"
#include "result_printing.hpp"

#include "cluster/dealer_endpoint.hpp"

#include <boost/asio/co_spawn.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <functional>

using namespace hornet;
using namespace std::chrono_literals;
namespace net = boost::asio;

namespace {

bool run_until(net::io_context& io, const std::function<bool()>& done, std::chrono::milliseconds limit = 5000ms)
{
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        io.restart();
        io.run_for(10ms);
    }
    return done();
}

} // namespace

TEST_CASE("a worker connects, the master waits for it, ramps it up and quits it")
{
    net::io_context io;
    scenario::user_class quick;
    quick.name = "QuickUser";
    cluster::master_options o;
    o.bind_host = "127.0.0.1";
    o.bind_port = 0;
    o.expect_workers = 1;
    o.settings.classes = {&quick};
    o.settings.host = "http://127.0.0.1:1";
    cluster::master m(io, o);
    auto port = m.listen();
    REQUIRE(port);
    CHECK(*port != 0);

    cluster::dealer_endpoint worker(io.get_executor(), "test_1");
    REQUIRE_FALSE(worker.connect("127.0.0.1", *port));
    std::vector<proto::message> got;
    worker.start([&](proto::master_message typed) {
        auto msg = hornet::cluster::testing::as_message(typed);
        got.push_back(std::move(msg));
    });
    auto has = [&](std::string_view type) {
        return std::any_of(got.begin(), got.end(), [&](const auto& msg) { return msg.type == type; });
    };

    std::optional<bool> prepared;
    net::co_spawn(io, m.prepare(), [&](std::exception_ptr, bool ok) { prepared = ok; });
    CHECK_FALSE(worker.send(proto::make_message(proto::client_ready{"2.46.3"}, "test_1")));
    REQUIRE(run_until(io, [&] { return prepared.has_value(); }));
    CHECK(*prepared);
    REQUIRE(has("ack"));
    CHECK(proto::parse<proto::ack>(got.front())->index == 0);

    m.start(3, 100);
    REQUIRE(run_until(io, [&] { return has("spawn"); }));
    auto spawn = proto::parse<proto::spawn>(
        *std::find_if(got.begin(), got.end(), [](const auto& x) { return x.type == "spawn"; }));
    REQUIRE(spawn);
    CHECK(spawn->user_classes_count == proto::class_counts{{"QuickUser", 3}});
    proto::spawning_complete done;
    done.user_classes_count = spawn->user_classes_count;
    done.user_count = 3;
    CHECK_FALSE(worker.send(proto::make_message(done, "test_1")));
    REQUIRE(run_until(io, [&] { return m.user_count() == 3; }));
    // A newest worker hears the end of the ramp.
    REQUIRE(run_until(io, [&] { return has("spawning_complete"); }));

    bool stopped = false;
    net::co_spawn(io, m.stop(0), [&](std::exception_ptr) { stopped = true; });
    REQUIRE(run_until(io, [&] { return has("quit"); }));
    CHECK_FALSE(stopped); // waits for the worker's own quit (after its last stats)
    CHECK_FALSE(worker.send(proto::make_message(proto::quit{}, "test_1")));
    REQUIRE(run_until(io, [&] { return stopped; }));
    CHECK(m.core().workers().size() == 0);
    m.shutdown();
    worker.close();
}

TEST_CASE("--expect-workers-max-wait gives up")
{
    net::io_context io;
    scenario::user_class quick;
    quick.name = "QuickUser";
    cluster::master_options o;
    o.bind_host = "127.0.0.1";
    o.bind_port = 0;
    o.expect_workers = 2;
    o.expect_workers_max_wait = 0.5;
    o.settings.classes = {&quick};
    cluster::master m(io, o);
    REQUIRE(m.listen());
    std::optional<bool> prepared;
    net::co_spawn(io, m.prepare(), [&](std::exception_ptr, bool ok) { prepared = ok; });
    REQUIRE(run_until(io, [&] { return prepared.has_value(); }));
    CHECK_FALSE(*prepared);
    m.shutdown();
}

TEST_CASE("a port in use is an error, not a crash")
{
    net::io_context io;
    scenario::user_class quick;
    quick.name = "QuickUser";
    cluster::master_options o;
    o.bind_host = "127.0.0.1";
    o.bind_port = 0;
    o.settings.classes = {&quick};
    cluster::master first(io, o);
    auto port = first.listen();
    REQUIRE(port);
    o.bind_port = *port;
    cluster::master second(io, o);
    CHECK_FALSE(second.listen());
}
