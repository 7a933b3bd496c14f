// Proves proto/inbound.hpp is self-contained; frames decoded once into each side's typed messages.
#include "proto/inbound.hpp"
#include "result_printing.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hornet::proto;
using hornet::core::error;

namespace {

stats_report sample_report()
{
    stats_report r;
    r.snapshot.total.name = "Aggregated";
    hornet::stats::entry e;
    e.name = "/a";
    e.method = "GET";
    for (std::uint64_t us : {1'000u, 2'500u, 150'000u}) e.log(us, 10, 1'700'000'000);
    r.snapshot.entries.push_back(e);
    r.snapshot.total.merge(e);
    r.snapshot.errors.add("GET", "/a", "HTTPError('500')", 2, hornet::core::failure_kind::status);
    r.user_classes_count = {{"A", 3}};
    r.user_count = 3;
    return r;
}

std::string envelope(const std::string& type, const value& data, const std::string& node = "w_1")
{
    return encode_message(message{type, data, node});
}

} // namespace

TEST_CASE("a worker's frames become typed messages, stats straight from the bytes")
{
    auto hello = decode_worker_message(encode_message(make_message(client_ready{"2.12.1"}, "w_1")));
    REQUIRE(hello);
    CHECK(hello->node_id == "w_1");
    CHECK(std::get<client_ready>(hello->body).version == "2.12.1");

    auto beat = decode_worker_message(encode_message(make_message(heartbeat{"running", 12.5, 1000, {}}, "w_1")));
    REQUIRE(beat);
    CHECK(std::get<heartbeat>(beat->body).current_cpu_usage == 12.5);
    CHECK(type_of(beat->body) == "heartbeat");

    const stats_report sent = sample_report();
    auto stats = decode_worker_message(envelope("stats", to_value(sent)));
    REQUIRE(stats);
    const stats_report got = to_report(std::get<stats_payload>(stats->body));
    // The same as the value-tree path reads, field for field that matters to a master.
    stats_report via_tree;
    REQUIRE(from_value(to_value(sent), via_tree));
    CHECK(got.exact);
    CHECK(got.snapshot.entries.size() == 1);
    CHECK(got.snapshot.entries[0].percentiles() == via_tree.snapshot.entries[0].percentiles());
    CHECK(got.snapshot.entries[0].percentiles() == sent.snapshot.entries[0].percentiles());
    CHECK(got.snapshot.entries[0].num_requests == 3);
    CHECK(got.snapshot.errors.rows() == sent.snapshot.errors.rows());
    CHECK(got.user_classes_count == sent.user_classes_count);
    CHECK(got.user_count == 3);

    // Locust's own stats (no hornet_hdr): the buckets are used.
    auto coarse = decode_worker_message(envelope("stats", to_value(sent, {.hornet_hdr = false, .hornet_kind = false})));
    REQUIRE(coarse);
    const stats_report c = to_report(std::get<stats_payload>(coarse->body));
    CHECK_FALSE(c.exact);
    CHECK(c.snapshot.entries[0].response_times.count() == 3);
    CHECK(c.snapshot.errors.rows()[0].kind == hornet::core::failure_kind::other);
}

TEST_CASE("pre-2.0 hellos, other types and unknown types are their own cases")
{
    for (const value& old : {value(), value(false), value(0)}) {
        auto m = decode_worker_message(envelope("client_ready", old));
        REQUIRE(m);
        CHECK(std::holds_alternative<old_worker_hello>(m->body));
    }
    // Locust's (>= 2.29) and Hornet's logs: read; of the wrong shape: malformed, named.
    const worker_logs lines{"w_1", {"[x] INFO/locust.main: one", "two"}};
    auto logs = decode_worker_message(encode_message(make_message(lines, "w_1")));
    REQUIRE(logs);
    CHECK(std::get<worker_logs>(logs->body) == lines);
    for (const value& bad : {value(value::map_type{{value("x"), value(1)}}),
                             value(value::map_type{{value("worker_id"), value("w")}, {value("logs"), value(1)}}),
                             value(value::map_type{{value("worker_id"), value("w")},
                                                   {value("logs"), value(value::array_type{value(1)})}})}) {
        auto m = decode_worker_message(envelope("logs", bad));
        REQUIRE(m);
        CHECK(std::get<malformed>(m->body).type == "logs");
    }
    auto spawn_to_master = decode_worker_message(envelope("spawn", value()));
    REQUIRE(spawn_to_master);
    CHECK(std::get<unhandled>(spawn_to_master->body).known); // a master-to-worker type
    auto odd = decode_worker_message(envelope("no_such_type", value(1)));
    REQUIRE(odd);
    CHECK_FALSE(std::get<unhandled>(odd->body).known);
    CHECK(odd->node_id == "w_1"); // the data was skipped, the envelope read to its end
}

TEST_CASE("data of the wrong shape is a malformed body naming its type; broken bytes are failures")
{
    auto bad_stats = decode_worker_message(envelope("stats", value(value::map_type{{value("stats"), value("nope")}})));
    REQUIRE(bad_stats);
    const auto& m = std::get<malformed>(bad_stats->body);
    CHECK(m.type == "stats");
    CHECK(m.why.code == error::invalid_shape);
    CHECK(m.why.detail == "stats: 'stats' is missing or not an array");

    auto bad_beat = decode_worker_message(envelope("heartbeat", value(value::map_type{{value("state"), value(1)}})));
    REQUIRE(bad_beat);
    CHECK(std::get<malformed>(bad_beat->body).why.detail == "heartbeat: 'state' is missing or not a string");

    auto bad_spawn = decode_master_message(envelope("spawn", value(3)));
    REQUIRE(bad_spawn);
    CHECK(std::get<malformed>(bad_spawn->body).why.detail == "spawn: data is not a map");

    std::string truncated = envelope("stats", to_value(sample_report()));
    truncated.resize(truncated.size() / 2);
    auto t = decode_worker_message(truncated);
    REQUIRE_FALSE(t);
    CHECK(t.error().code == error::malformed);
    CHECK(t.error().detail.find(" at offset ") != std::string::npos); // which length ran out depends on the cut

    auto two = decode_master_message(encode(value(value::array_type{value("quit"), value()})));
    REQUIRE_FALSE(two);
    CHECK(two.error().detail == "envelope has 2 elements, expected 3");
    std::string trailing = envelope("quit", value()) + '\x00';
    CHECK(decode_worker_message(trailing).error().detail.starts_with("trailing bytes"));
}

TEST_CASE("a master's frames become the worker's commands")
{
    spawn job;
    job.timestamp = 5;
    job.user_classes_count = {{"A", 2}};
    job.host = "http://x";
    auto s = decode_master_message(encode_message(make_message(job, "w_1")));
    REQUIRE(s);
    CHECK(std::get<spawn>(s->body) == job);
    auto a = decode_master_message(encode_message(make_message(ack{4, std::nullopt}, "w_1")));
    REQUIRE(a);
    CHECK(std::get<ack>(a->body).index == 4);
    CHECK_FALSE(std::get<ack>(a->body).hornet_version); // a Locust master's
    auto hornet_ack = decode_master_message(encode_message(make_message(ack{4, "0.1.0"}, "w_1")));
    REQUIRE(hornet_ack);
    CHECK(std::get<ack>(hornet_ack->body) == ack{4, "0.1.0"});
    auto reply = decode_master_message(encode_message(make_message(heartbeat_reply{}, "w_1")));
    REQUIRE(reply);
    CHECK(std::holds_alternative<heartbeat_reply>(reply->body));
    auto news = decode_master_message(envelope("update_user_class", value(value::map_type{})));
    REQUIRE(news);
    CHECK(std::get<unhandled>(news->body).known);
}
