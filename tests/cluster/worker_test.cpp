// Proves cluster/worker.hpp is self-contained; the worker against a scripted master on 127.0.0.1.
#include "cluster/as_message.hpp"
#include "cluster/worker.hpp"
#include "result_printing.hpp"

#include "cluster/router_endpoint.hpp"
#include "proto/stats_codec.hpp"
#include "scenario/json_loader.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace hornet;
using namespace std::chrono_literals;

namespace {

// Users fail fast against a closed port, every 50 ms: stats without an HTTP server.
const char* const scenario_text = R"({"users": [{"name": "QuickUser", "wait_time": 0.05, "tasks": [{"get": "/x"}]}]})";

scenario::model load_model()
{
    auto loaded = scenario::load_json(scenario_text, "test.json");
    REQUIRE(loaded.has_value());
    return std::move(*loaded);
}

// A scripted master: records what the worker sends, answers by hand.
struct fake_master
{
    boost::asio::io_context& io;
    cluster::router_endpoint router;
    std::vector<proto::message> got;
    std::uint16_t port = 0;

    explicit fake_master(boost::asio::io_context& ctx) : io(ctx), router(ctx.get_executor())
    {
        auto p = router.bind("127.0.0.1", 0);
        REQUIRE(p);
        port = *p;
        router.start([this](const std::string&, proto::worker_message typed) {
            got.push_back(hornet::cluster::testing::as_message(typed));
        });
    }

    bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit = 5000ms)
    {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (!done() && std::chrono::steady_clock::now() < deadline) io.run_for(10ms);
        return done();
    }

    // Index of the first message of `type` at or after `from`, or -1.
    int find(const std::string& type, std::size_t from = 0) const
    {
        for (std::size_t i = from; i < got.size(); ++i)
            if (got[i].type == type) return static_cast<int>(i);
        return -1;
    }
    bool wait_for(const std::string& type, std::size_t from = 0, std::chrono::milliseconds limit = 5000ms)
    {
        return run_until([&] { return find(type, from) >= 0; }, limit);
    }
};

cluster::worker_settings fast_settings(std::uint16_t port)
{
    cluster::worker_settings s;
    s.master_port = port;
    s.node_id = "testhost_0123456789abcdef0123456789abcdef";
    s.heartbeat_interval = 100ms;
    s.stats_interval = 300ms;
    s.connect_timeout = 300ms;
    s.master_timeout = 1000ms;
    s.threads = 1;
    return s;
}

struct running_worker
{
    std::optional<int> exit_code;
    cluster::worker w;
    running_worker(boost::asio::io_context& io, const scenario::model& model, cluster::worker_settings s)
        : w(io, model, std::move(s))
    {
        boost::asio::co_spawn(io, w.run(), [this](std::exception_ptr e, int code) {
            exit_code = e ? -1 : code;
            w.close();
        });
    }
};

proto::stats_report stats_of(const proto::message& m)
{
    proto::stats_report r;
    REQUIRE(proto::from_value(m.data, r));
    return r;
}

} // namespace

TEST_CASE("worker: handshake, spawn, stats, stop, quit")
{
    boost::asio::io_context io;
    fake_master master(io);
    const auto model = load_model();
    running_worker rw(io, model, fast_settings(master.port));
    const std::string id = rw.w.node_id();

    // client_ready with -1, resent until the ack.
    REQUIRE(master.wait_for("client_ready"));
    auto ready = proto::parse<proto::client_ready>(master.got[0]);
    REQUIRE(ready);
    CHECK(ready->any_version);
    CHECK(master.got[0].node_id == id);
    REQUIRE(master.run_until([&] { return master.got.size() >= 2; }));
    CHECK(master.got[1].type == "client_ready"); // no ack yet: asked again after connect_timeout
    master.router.send(proto::make_message(proto::ack{0, std::nullopt}, id));

    // Heartbeats say ready, with memory; stats come while idle too.
    std::size_t mark = master.got.size();
    REQUIRE(master.wait_for("heartbeat", mark));
    auto hb = proto::parse<proto::heartbeat>(master.got[master.find("heartbeat", mark)]);
    REQUIRE(hb);
    CHECK(hb->state == "ready");
    CHECK(hb->current_memory_usage > 0);
    REQUIRE(master.wait_for("stats", mark));
    auto idle = stats_of(master.got[master.find("stats", mark)]);
    CHECK(idle.user_count == 0);
    CHECK(idle.snapshot.total.start_time > 1.6e9); // never 1970: a Locust master keeps the min

    // Spawn 2 QuickUsers and 1 user of a class this worker does not have.
    proto::spawn job;
    job.timestamp = 1000.0;
    job.user_classes_count = {{"QuickUser", 2}, {"Missing", 1}};
    job.host = "http://127.0.0.1:1";
    job.stop_timeout = 0.0;
    mark = master.got.size();
    master.router.send(proto::make_message(job, id));
    REQUIRE(master.wait_for("spawning_complete", mark));
    const int spawning = master.find("spawning", mark);
    const int complete = master.find("spawning_complete", mark);
    CHECK(spawning >= 0);
    CHECK(spawning < complete);
    auto done = proto::parse<proto::spawning_complete>(master.got[static_cast<std::size_t>(complete)]);
    REQUIRE(done);
    CHECK(done->user_count == 2);
    CHECK(*done->user_classes_count == proto::class_counts{{"QuickUser", 2}, {"Missing", 0}});
    const int error = master.find("exception", mark);
    REQUIRE(error >= 0);
    CHECK(proto::parse<proto::exception_report>(master.got[static_cast<std::size_t>(error)])->msg.find("'Missing'") !=
          std::string::npos);

    // A stale spawn is answered with `spawning` and otherwise ignored.
    job.timestamp = 999.0;
    job.user_classes_count = {{"QuickUser", 5}};
    mark = master.got.size();
    master.router.send(proto::make_message(job, id));
    REQUIRE(master.wait_for("spawning", mark));

    // Fewer users: the newest are stopped, the counts are absolute.
    job.timestamp = 1001.0;
    job.user_classes_count = {{"QuickUser", 3}};
    mark = master.got.size();
    master.router.send(proto::make_message(job, id));
    REQUIRE(master.wait_for("spawning_complete", mark));
    CHECK(proto::parse<proto::spawning_complete>(master.got[master.find("spawning_complete", mark)])->user_count == 3);
    job.timestamp = 1002.0;
    job.user_classes_count = {{"QuickUser", 2}};
    mark = master.got.size();
    master.router.send(proto::make_message(job, id));
    REQUIRE(master.wait_for("spawning_complete", mark));
    CHECK(proto::parse<proto::spawning_complete>(master.got[master.find("spawning_complete", mark)])->user_count == 2);
    CHECK(master.find("exception", mark) < 0); // the unknown class is reported once per test

    // Stats carry the failed requests and the users, and the heartbeats say running.
    std::uint64_t failures = 0;
    std::int64_t users = -1;
    mark = master.got.size();
    REQUIRE(master.run_until([&] {
        for (std::size_t i = mark; i < master.got.size(); ++i) {
            if (master.got[i].type != "stats") continue;
            auto r = stats_of(master.got[i]);
            users = r.user_count;
            for (const auto& e : r.snapshot.entries) failures += e.num_failures;
        }
        mark = master.got.size();
        return failures >= 4;
    }));
    CHECK(users == 2);
    auto last_hb = proto::parse<proto::heartbeat>(master.got[master.find("heartbeat", master.got.size() - 8)]);
    CHECK(last_hb->state == "running");

    // stop: client_stopped, then client_ready again.
    mark = master.got.size();
    master.router.send(proto::make_message(proto::stop{}, id));
    REQUIRE(master.wait_for("client_ready", mark));
    const int stopped = master.find("client_stopped", mark);
    CHECK(stopped >= 0);
    CHECK(stopped < master.find("client_ready", mark));
    master.router.send(proto::make_message(proto::ack{0, std::nullopt}, id));

    // quit: a last stats, then quit, and run() ends with 0.
    mark = master.got.size();
    master.router.send(proto::make_message(proto::quit{}, id));
    REQUIRE(master.run_until([&] { return rw.exit_code.has_value(); }));
    CHECK(*rw.exit_code == 0);
    master.run_until([&] { return master.find("quit", mark) >= 0; }, 1000ms);
    const int quit = master.find("quit", mark);
    REQUIRE(quit >= 0);
    const int last_stats = master.find("stats", mark);
    CHECK(last_stats >= 0);
    CHECK(last_stats < quit);
    CHECK(stats_of(master.got[static_cast<std::size_t>(last_stats)]).user_count == 0);
}

TEST_CASE("worker: a master that goes away ends the worker with 1")
{
    boost::asio::io_context io;
    const auto model = load_model();
    std::optional<running_worker> rw;
    {
        fake_master master(io);
        rw.emplace(io, model, fast_settings(master.port));
        REQUIRE(master.wait_for("client_ready"));
        master.router.send(proto::make_message(proto::ack{0, std::nullopt}, rw->w.node_id()));
        proto::spawn job;
        job.timestamp = 1.0;
        job.user_classes_count = {{"QuickUser", 1}};
        job.host = "http://127.0.0.1:1";
        master.router.send(proto::make_message(job, rw->w.node_id()));
        REQUIRE(master.wait_for("spawning_complete"));
    } // the master's socket closes: the connection drops
    const auto t0 = std::chrono::steady_clock::now();
    const auto deadline = t0 + 5s;
    while (!rw->exit_code && std::chrono::steady_clock::now() < deadline) io.run_for(10ms);
    REQUIRE(rw->exit_code);
    CHECK(*rw->exit_code == cluster::worker_master_lost);
    CHECK(std::chrono::steady_clock::now() - t0 >= 900ms); // it waited for master_timeout first
}

TEST_CASE("worker: a master that stops answering heartbeats ends the worker with 1")
{
    boost::asio::io_context io;
    fake_master master(io);
    const auto model = load_model();
    running_worker rw(io, model, fast_settings(master.port));
    const std::string id = rw.w.node_id();
    REQUIRE(master.wait_for("client_ready"));
    master.router.send(proto::make_message(proto::ack{0, std::nullopt}, id));
    // Answer heartbeats for a while, as masters >= 2.19 do, then fall silent (socket still open).
    std::size_t answered = 0;
    REQUIRE(master.run_until([&] {
        for (; answered < master.got.size(); ++answered)
            if (master.got[answered].type == "heartbeat")
                master.router.send(proto::make_message(proto::heartbeat_reply{}, id));
        return master.got.size() > 20;
    }));
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(master.run_until([&] { return rw.exit_code.has_value(); }));
    CHECK(*rw.exit_code == cluster::worker_master_lost);
    CHECK(std::chrono::steady_clock::now() - t0 >= 700ms);
}

TEST_CASE("worker: no ack after the retries is exit 255; nothing reached the master but client_ready")
{
    boost::asio::io_context io;
    fake_master master(io);
    const auto model = load_model();
    auto s = fast_settings(master.port);
    s.connect_retries = 3;
    s.connect_timeout = 100ms;
    running_worker rw(io, model, s);
    REQUIRE(master.run_until([&] { return rw.exit_code.has_value(); }));
    CHECK(*rw.exit_code == cluster::worker_never_acked);
    CHECK(master.got.size() == 3);
    for (const auto& m : master.got) CHECK(m.type == "client_ready");
}

TEST_CASE("worker: request_quit before the ack ends with 0 at once")
{
    boost::asio::io_context io;
    fake_master master(io);
    const auto model = load_model();
    running_worker rw(io, model, fast_settings(master.port));
    REQUIRE(master.wait_for("client_ready"));
    rw.w.request_quit();
    REQUIRE(master.run_until([&] { return rw.exit_code.has_value(); }, 1000ms));
    CHECK(*rw.exit_code == 0);
}
