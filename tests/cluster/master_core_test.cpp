// Proves cluster/master_core.hpp is self-contained; drives the master's protocol logic with
// messages and clock ticks, no sockets.
#include "cluster/master_core.hpp"
#include "result_printing.hpp"

#include "cluster/rate_share.hpp"
#include "proto/stats_codec.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace hornet;
using namespace std::chrono_literals;
using cluster::master_core;

namespace {

scenario::user_class cls(std::string name, double weight)
{
    scenario::user_class c;
    c.name = std::move(name);
    c.weight = weight;
    return c;
}

struct harness
{
    std::vector<scenario::user_class> classes{cls("Beta", 1), cls("Alpha", 3)};
    std::vector<std::pair<std::string, proto::message>> sent;
    master_core::clock::time_point now{std::chrono::seconds(1000)};
    master_core core;

    harness()
        : core(settings(),
               [this](std::string_view id, const proto::message& m) { sent.emplace_back(std::string(id), m); })
    {}

    cluster::master_settings settings()
    {
        cluster::master_settings s;
        for (const auto& c : classes) s.classes.push_back(&c);
        s.host = "http://127.0.0.1:1";
        return s;
    }

    // Through the real decoder, as the transport does.
    void receive(const std::string& id, const proto::message& m)
    {
        auto typed = proto::decode_worker_message(proto::encode_message(m));
        if (typed)
            core.on_message(id, std::move(*typed), now);
        else
            core.on_bad_frame(id, typed.error());
    }
    template <class P>
    void receive(const std::string& id, const P& payload)
    {
        receive(id, proto::make_message(payload, id));
    }
    void hello(const std::string& id, std::string version = "2.12.1")
    {
        receive(id, proto::client_ready{std::move(version)});
    }
    void beat(const std::string& id, std::string state = "running", double cpu = 1)
    {
        receive(id, proto::heartbeat{std::move(state), cpu, 1000, {}});
    }

    std::vector<proto::message> take(std::string_view id, std::string_view type)
    {
        std::vector<proto::message> out;
        for (const auto& [to, m] : sent)
            if (to == id && m.type == type) out.push_back(m);
        return out;
    }
    /// The counts of the last spawn sent to `id`, as name=count pairs.
    proto::class_counts last_spawn(std::string_view id)
    {
        auto spawns = take(id, "spawn");
        REQUIRE_FALSE(spawns.empty());
        auto s = proto::parse<proto::spawn>(spawns.back());
        REQUIRE(s);
        return s->user_classes_count;
    }
    void report_counts(const std::string& id)
    {
        proto::spawning_complete done;
        done.user_classes_count = last_spawn(id);
        for (const auto& [n, c] : *done.user_classes_count) done.user_count += c;
        receive(id, done);
    }
};

proto::class_counts counts(std::int64_t alpha, std::int64_t beta)
{
    return {{"Alpha", alpha}, {"Beta", beta}};
}

} // namespace

TEST_CASE("client_ready gets an ack with a stable index; Debian's empty version is accepted")
{
    harness h;
    h.hello("a_1", "");
    h.hello("b_1", "2.46.3");
    h.hello("c_1", "");
    h.receive("d_1", proto::message{"client_ready", proto::value(-1), "d_1"});
    h.hello("a_1", "");
    auto index = [&](std::string_view id) {
        auto acks = h.take(id, "ack");
        REQUIRE_FALSE(acks.empty());
        return proto::parse<proto::ack>(acks.back())->index.value_or(-99);
    };
    CHECK(index("a_1") == 0);
    CHECK(index("b_1") == 1);
    CHECK(index("c_1") == 2);
    CHECK(index("d_1") == 3);
    CHECK(h.take("a_1", "ack").size() == 2);
    CHECK(h.core.ready_worker_count() == 4);
}

TEST_CASE("pre-2.0 and malformed hellos are refused without an ack")
{
    harness h;
    h.receive("old_1", proto::message{"client_ready", proto::value(), "old_1"});
    h.receive("old_2", proto::message{"client_ready", proto::value(7), "old_2"});
    h.receive("old_3", proto::message{"client_ready", proto::value(proto::value::map_type{}), "old_3"});
    CHECK(h.sent.empty());
    CHECK(h.core.ready_worker_count() == 0);
    CHECK(h.core.dropped_messages() == 3);
}

TEST_CASE("heartbeats are answered only for workers that understand them (>= 2.19)")
{
    harness h;
    h.hello("old_1", "");
    h.hello("mid_1", "2.12.1");
    h.hello("new_1", "2.46.3");
    h.hello("any_1", "hornet 0.1.0");
    for (auto id : {"old_1", "mid_1", "new_1", "any_1"}) h.beat(id, "ready");
    CHECK(h.take("old_1", "heartbeat").empty());
    CHECK(h.take("mid_1", "heartbeat").empty());
    CHECK(h.take("new_1", "heartbeat").size() == 1);
    CHECK(h.take("any_1", "heartbeat").size() == 1);
}

TEST_CASE("a ramp sends absolute counts to every worker per step, then waits for their reports")
{
    harness h;
    h.hello("hostA_aaaa");
    h.hello("hostB_bbbb", "2.46.3");
    bool completed = false;
    h.core.on_spawning_complete = [&] { completed = true; };

    REQUIRE(h.core.start(5, 2, h.now));
    CHECK(h.core.current_state() == master_core::state::spawning);
    CHECK(h.last_spawn("hostA_aaaa") == counts(1, 0));
    CHECK(h.last_spawn("hostB_bbbb") == counts(0, 1));
    auto spawn = proto::parse<proto::spawn>(h.take("hostA_aaaa", "spawn").back());
    REQUIRE(spawn);
    CHECK(spawn->host == std::optional<std::string>("http://127.0.0.1:1"));
    CHECK(spawn->parsed_options.as_map() != nullptr);

    auto next = h.core.advance(h.now + 500ms);
    REQUIRE(next);
    CHECK(*next == h.now + 1s);
    CHECK(h.take("hostA_aaaa", "spawn").size() == 1);
    h.now += 1s;
    h.core.advance(h.now);
    CHECK(h.last_spawn("hostA_aaaa") == counts(2, 0));
    CHECK(h.last_spawn("hostB_bbbb") == counts(1, 1));
    h.now += 1s;
    next = h.core.advance(h.now);
    CHECK(h.last_spawn("hostA_aaaa") == counts(3, 0));
    CHECK(h.last_spawn("hostB_bbbb") == counts(1, 1));
    // Ramp over; the master waits (at most 1 s) for the workers' counts.
    REQUIRE(next);
    CHECK(*next == h.now + 1s);
    CHECK_FALSE(completed);
    h.report_counts("hostA_aaaa");
    h.report_counts("hostB_bbbb");
    CHECK(h.core.user_count() == 5);
    h.core.advance(h.now);
    CHECK(completed);
    CHECK(h.core.current_state() == master_core::state::running);
    // Only the newest worker is told the ramp is over.
    CHECK(h.take("hostB_bbbb", "spawning_complete").size() == 1);
    CHECK(h.take("hostA_aaaa", "spawning_complete").empty());

    // Spawn timestamps strictly increase.
    double last = 0;
    for (const auto& m : h.take("hostA_aaaa", "spawn")) {
        auto s = proto::parse<proto::spawn>(m);
        CHECK(s->timestamp > last);
        last = s->timestamp;
    }
}

TEST_CASE("the report wait expires when a worker never reports")
{
    harness h;
    h.hello("a_1");
    bool completed = false;
    h.core.on_spawning_complete = [&] { completed = true; };
    h.core.start(3, 100, h.now);
    h.core.advance(h.now + 500ms);
    CHECK_FALSE(completed);
    h.core.advance(h.now + 1s);
    CHECK(completed);
    CHECK(h.core.current_state() == master_core::state::running);
}

TEST_CASE("no worker: start refuses")
{
    harness h;
    CHECK_FALSE(h.core.start(3, 1, h.now));
    CHECK(h.sent.empty());
}

TEST_CASE("a silent worker goes missing after the heartbeat timeout; its users move to the others")
{
    harness h;
    for (auto id : {"a_1", "b_1", "c_1"}) h.hello(id);
    h.core.start(9, 100, h.now);
    CHECK(h.last_spawn("b_1") == counts(2, 1));
    for (auto id : {"a_1", "b_1", "c_1"}) h.report_counts(id);
    h.core.advance(h.now);
    CHECK(h.core.user_count() == 9);

    int ticks = 0;
    while (h.core.workers().find("b_1")->state != cluster::worker_state::missing && ticks < 10) {
        h.now += 1s;
        h.beat("a_1");
        h.beat("c_1");
        h.core.on_heartbeat_tick(h.now);
        ++ticks;
    }
    CHECK(ticks == 5);               // liveness 3 -> 2, 1, 0, -1, then missing (Locust: 4-5 s)
    CHECK(h.core.user_count() == 6); // b_1's users no longer count
    auto a = h.last_spawn("a_1"), c = h.last_spawn("c_1");
    std::int64_t total = 0;
    for (const auto& [n, k] : a) total += k;
    for (const auto& [n, k] : c) total += k;
    CHECK(total == 9);
    CHECK(h.take("b_1", "spawn").size() == 1); // nothing more for the missing worker

    // It comes back: users are spread over three workers again.
    h.beat("b_1");
    CHECK(h.core.workers().find("b_1")->state == cluster::worker_state::running);
    CHECK(h.last_spawn("b_1") == counts(2, 1));
}

TEST_CASE("a missing worker is forgotten after 60 more seconds")
{
    harness h;
    h.hello("a_1");
    for (int i = 0; i < 70; ++i) h.core.on_heartbeat_tick(h.now + std::chrono::seconds(i));
    CHECK(h.core.workers().size() == 0);
    // Forgotten: its heartbeats are ignored, a new hello brings it back with its old index.
    h.beat("a_1");
    CHECK(h.core.workers().size() == 0);
    h.hello("a_1");
    CHECK(h.core.workers().find("a_1")->index == 0);
}

TEST_CASE("a worker joining a running test gets its share at once")
{
    harness h;
    h.hello("a_1");
    h.core.start(4, 100, h.now);
    CHECK(h.last_spawn("a_1") == counts(3, 1));
    h.hello("b_1");
    CHECK(h.last_spawn("a_1") == counts(2, 0));
    CHECK(h.last_spawn("b_1") == counts(1, 1));
}

TEST_CASE("stats are merged, exact HDR data kept, the worker's users taken from the report")
{
    harness h;
    h.hello("a_1");
    proto::stats_report r;
    stats::entry e("GET", "/slow", 1700000000.0);
    for (double ms : {101.0, 102.0, 103.0, 251.0}) {
        e.log(ms, 2, 1700000001.0);
        r.snapshot.total.log(ms, 2, 1700000001.0);
    }
    r.snapshot.entries.push_back(e);
    r.snapshot.errors.add("GET", "/slow", "boom", 2);
    r.user_classes_count = counts(3, 1);
    h.receive("a_1", proto::message{"stats", proto::to_value(r), "a_1"});
    h.receive("a_1", proto::message{"stats", proto::to_value(r), "a_1"});
    const stats::entry* row = h.core.stats().find("GET", "/slow");
    REQUIRE(row);
    CHECK(row->num_requests == 8);
    CHECK(h.core.stats().total().num_requests == 8);
    // Locust's buckets would say 100 and 250; the HDR data keeps whole milliseconds.
    CHECK(row->percentile(50) == 102);
    CHECK(row->percentile(100) == 251);
    CHECK(h.core.stats().errors().rows().front().occurrences == 4);
    CHECK(h.core.user_count() == 4);

    proto::exception_report ex{"ZeroDivisionError", "Traceback ..."};
    h.receive("a_1", ex);
    h.receive("a_1", ex);
    REQUIRE(h.core.stats().exceptions().size() == 1);
    CHECK(h.core.stats().exceptions()[0].count == 2);
    CHECK(h.core.stats().exceptions()[0].nodes == std::vector<std::string>{"a_1"});
}

TEST_CASE("the users of the merged stats are the ones the workers sent with them, not the newest counts")
{
    harness h;
    h.hello("a_1");
    h.hello("b_2");
    REQUIRE(h.core.start(6, 6, h.now));
    auto stats_with_users = [&](const std::string& id, std::int64_t requests, std::int64_t alpha) {
        proto::stats_report r;
        for (std::int64_t i = 0; i < requests; ++i) r.snapshot.total.log(10, 1, 1700000001.0);
        r.user_classes_count = counts(alpha, 0);
        r.user_count = alpha;
        h.receive(id, proto::message{"stats", proto::to_value(r), id});
    };
    CHECK(h.core.stats_user_count() == 0); // no stats yet: no users behind them

    stats_with_users("a_1", 4, 2);
    // A worker says it runs more users now; its stats still come from the 2 it reported with them.
    proto::spawning_complete done;
    done.user_classes_count = counts(3, 0);
    done.user_count = 3;
    h.receive("a_1", done);
    CHECK(h.core.user_count() == 3);
    CHECK(h.core.stats_user_count() == 2);

    stats_with_users("b_2", 5, 3);
    CHECK(h.core.stats().total().num_requests == 9);
    CHECK(h.core.stats_user_count() == 5);
    stats_with_users("a_1", 6, 3);
    CHECK(h.core.stats_user_count() == 6);

    // A worker that goes missing takes its users with it (its requests stay merged).
    for (int i = 0; i < 5; ++i) {
        h.now += 1s;
        h.beat("a_1");
        h.core.on_heartbeat_tick(h.now);
    }
    CHECK(h.core.workers().find("b_2")->state == cluster::worker_state::missing);
    CHECK(h.core.stats_user_count() == 3);
    CHECK(h.core.stats().total().num_requests == 15);
}

TEST_CASE("strangers and malformed messages are logged and dropped")
{
    harness h;
    h.hello("a_1");
    h.sent.clear();
    h.receive("rogue", proto::spawning{}); // before client_ready
    h.receive("rogue", proto::spawning_complete{counts(1, 0), 1});
    h.receive("rogue", proto::message{"stats", proto::value(proto::value::map_type{}), "rogue"});
    h.receive("rogue", proto::exception_report{"x", "y"});
    h.receive("rogue", proto::heartbeat{"running", 1, 1, {}});
    h.receive("rogue", proto::quit{});
    h.receive("a_1", proto::message{"heartbeat", proto::value("not a map"), "a_1"}); // wrong shape
    h.receive("a_1", proto::message{"stats", proto::value(3), "a_1"});
    h.receive("a_1", proto::message{"what_is_this", proto::value(), "a_1"}); // unknown type
    h.receive("a_1", proto::message{"spawn", proto::value(), "a_1"});        // wrong direction
    h.receive("a_1", proto::message{"heartbeat", proto::value(), "b_1"});    // spoofed node id
    CHECK(h.core.dropped_messages() == 11);
    CHECK(h.sent.empty());
    CHECK(h.core.stats().total().num_requests == 0);

    // Undecodable frame: a known worker is asked to reconnect, a stranger is not answered.
    h.core.on_bad_frame("rogue", {hornet::core::error::malformed, "truncated"});
    CHECK(h.sent.empty());
    h.core.on_bad_frame("a_1", {hornet::core::error::malformed, "truncated"});
    REQUIRE(h.sent.size() == 1);
    CHECK(h.sent[0].second.type == "reconnect");

    // The real worker is still served.
    h.sent.clear();
    h.hello("b_1");
    CHECK(h.take("b_1", "ack").size() == 1);
}

TEST_CASE("quit: every worker is told; their quit empties the table; the last quit ends a test")
{
    harness h;
    h.hello("a_1");
    h.hello("b_1");
    h.core.start(2, 100, h.now);
    h.receive("a_1", proto::quit{});
    CHECK_FALSE(h.core.all_workers_quit());
    CHECK(h.last_spawn("b_1") == counts(1, 1)); // a_1's user moved
    h.receive("b_1", proto::quit{});
    CHECK(h.core.all_workers_quit());

    harness g;
    g.hello("a_1");
    g.hello("b_1");
    g.core.start(2, 100, g.now);
    g.core.quit();
    CHECK(g.take("a_1", "quit").size() == 1);
    CHECK(g.take("b_1", "quit").size() == 1);
    g.receive("a_1", proto::quit{});
    g.receive("b_1", proto::quit{});
    CHECK(g.core.workers().size() == 0);
    CHECK_FALSE(g.core.all_workers_quit()); // the master ended the test, not the workers
}

TEST_CASE("stop: workers are told, come back with client_ready, the master is stopped")
{
    harness h;
    h.hello("a_1");
    h.core.start(2, 100, h.now);
    h.core.stop();
    CHECK(h.take("a_1", "stop").size() == 1);
    CHECK(h.core.current_state() == master_core::state::stopping);
    h.receive("a_1", proto::client_stopped{});
    h.hello("a_1");
    CHECK(h.core.current_state() == master_core::state::stopped);
    // A new test starts afresh.
    CHECK(h.core.start(1, 1, h.now));
    CHECK(h.last_spawn("a_1") == counts(1, 0));
}

TEST_CASE("the class picker and the form's host apply from the next test; every class is still named")
{
    harness h;
    h.hello("a_1");
    h.core.select_classes({"Beta"});
    h.core.set_host("http://127.0.0.1:2");
    REQUIRE(h.core.start(4, 100, h.now));
    CHECK(h.last_spawn("a_1") == counts(0, 4)); // Alpha (weight 3) gets none, but is named
    auto spawn = proto::parse<proto::spawn>(h.take("a_1", "spawn").back());
    REQUIRE(spawn);
    CHECK(spawn->host == std::optional<std::string>("http://127.0.0.1:2"));
    h.core.stop();
    h.receive("a_1", proto::client_stopped{});
    h.hello("a_1");
    h.core.select_classes({}); // all again, by weight
    REQUIRE(h.core.start(4, 100, h.now));
    CHECK(h.last_spawn("a_1") == counts(3, 1));
}

TEST_CASE("workers' log lines are kept per worker, at most 500, and a stranger's are dropped")
{
    harness h;
    h.hello("a_1");
    auto acks = h.take("a_1", "ack");
    REQUIRE(acks.size() == 1);
    auto ack = proto::parse<proto::ack>(acks[0]);
    REQUIRE(ack);
    CHECK(ack->hornet_version == std::optional<std::string>(HORNET_VERSION)); // Hornet workers then send logs
    h.receive("a_1", proto::worker_logs{"a_1", {"one", "two"}});
    std::vector<std::string> many;
    for (int i = 0; i < 600; ++i) many.push_back("line " + std::to_string(i));
    h.receive("a_1", proto::worker_logs{"a_1", many});
    REQUIRE(h.core.worker_logs().count("a_1") == 1);
    const auto& kept = h.core.worker_logs().at("a_1");
    CHECK(kept.size() == 500);
    CHECK(kept.front() == "line 100");
    CHECK(kept.back() == "line 599");
    h.receive("stranger", proto::worker_logs{"stranger", {"hi"}});
    CHECK(h.core.worker_logs().count("stranger") == 0);
    h.receive("a_1", proto::quit{});
    CHECK(h.core.worker_logs().empty());
}

TEST_CASE("a worker above 90 % CPU is flagged once")
{
    harness h;
    h.hello("a_1");
    h.beat("a_1", "ready", 50);
    CHECK_FALSE(h.core.cpu_threshold_exceeded());
    h.beat("a_1", "ready", 95);
    h.beat("a_1", "ready", 97);
    CHECK(h.core.cpu_threshold_exceeded());
    CHECK(h.core.workers().find("a_1")->cpu_warned);
}

TEST_CASE("printable ids escape binary identities")
{
    CHECK(cluster::printable_id("host_1") == "host_1");
    CHECK(cluster::printable_id(std::string("\0\x8b", 2)) == "\\x00\\x8b");
    CHECK(cluster::printable_id(std::string(200, 'x')).size() == 83);
}

namespace {

void hornet_beat(harness& h, const std::string& id)
{
    h.receive(id, proto::heartbeat{"ready", 1, 1000, "0.1.0"});
}

// The rate share in the last spawn sent to `id`.
runtime::open_model last_share(harness& h, std::string_view id)
{
    auto spawns = h.take(id, "spawn");
    REQUIRE_FALSE(spawns.empty());
    auto s = proto::parse<proto::spawn>(spawns.back());
    REQUIRE(s);
    std::string error;
    auto share = cluster::rate_share_of(s->parsed_options, error);
    CHECK(error.empty());
    REQUIRE(share);
    for (const auto& [name, n] : s->user_classes_count) CHECK(n == 0); // no users: a rate
    return *share;
}

} // namespace

TEST_CASE("a rate is shared over the Hornet workers, each with its own phase, and shared again as they come")
{
    harness h;
    for (auto id : {"a_1", "b_1", "c_1"}) {
        h.hello(id, "-1");
        hornet_beat(h, id);
    }
    runtime::open_model m;
    m.rate = 15;
    m.max_users = 10;
    REQUIRE(h.core.start_rate(m, h.now));
    double total = 0, phases = 0;
    std::int64_t users = 0;
    for (auto id : {"a_1", "b_1", "c_1"}) {
        auto share = last_share(h, id);
        CHECK(share.rate == doctest::Approx(5));
        total += share.rate;
        phases += share.phase;
        users += share.max_users;
    }
    CHECK(total == doctest::Approx(15));   // 15 in all, not 45
    CHECK(phases == doctest::Approx(1.0)); // 0, 1/3, 2/3
    CHECK(users == 10);

    // A fourth worker is shared in once its first heartbeat says it runs Hornet.
    h.hello("d_1", "-1");
    CHECK(last_share(h, "a_1").rate == doctest::Approx(5));
    hornet_beat(h, "d_1");
    for (auto id : {"a_1", "b_1", "c_1", "d_1"}) CHECK(last_share(h, id).rate == doctest::Approx(3.75));

    // One goes missing: the others take its share.
    for (int i = 0; i < 5; ++i) {
        h.now += std::chrono::seconds(1);
        for (auto id : {"a_1", "b_1", "c_1"}) hornet_beat(h, id);
        h.core.on_heartbeat_tick(h.now);
    }
    for (auto id : {"a_1", "b_1", "c_1"}) CHECK(last_share(h, id).rate == doctest::Approx(5));
}

TEST_CASE("a rate test is refused while a Locust worker is connected")
{
    harness h;
    h.hello("hornet_1", "-1");
    hornet_beat(h, "hornet_1");
    h.hello("locust_1");
    h.beat("locust_1", "ready"); // no hornet_version: Locust
    runtime::open_model m;
    m.rate = 5;
    CHECK_FALSE(h.core.start_rate(m, h.now));
    CHECK(h.take("hornet_1", "spawn").empty());
}

TEST_CASE("a rate share survives the trip and a malformed one is named")
{
    runtime::open_model m;
    m.rate = 2.5;
    m.max_users = 7;
    m.arrival = runtime::arrival_kind::poisson;
    m.late_tolerance = 0.25;
    m.drop_after = 3;
    m.phase = 0.5;
    m.class_rates = {{"A", 1.5}};
    proto::value options(proto::value::map_type{{proto::value(cluster::rate_share_key), cluster::to_value(m)}});
    std::string error;
    auto back = cluster::rate_share_of(options, error);
    REQUIRE(back);
    CHECK(error.empty());
    CHECK(back->rate == 2.5);
    CHECK(back->max_users == 7);
    CHECK(back->arrival == runtime::arrival_kind::poisson);
    CHECK(back->late_tolerance == 0.25);
    CHECK(back->drop_after == 3);
    CHECK(back->phase == 0.5);
    CHECK(back->class_rates == m.class_rates);

    CHECK_FALSE(cluster::rate_share_of(proto::value(proto::value::map_type{}), error));
    CHECK(error.empty()); // no share: a closed-model spawn

    proto::value bad(
        proto::value::map_type{{proto::value(cluster::rate_share_key),
                                proto::value(proto::value::map_type{{proto::value("rate"), proto::value("fast")}})}});
    CHECK_FALSE(cluster::rate_share_of(bad, error));
    CHECK(error.find("'rate'") != std::string::npos);
}
