// Proves proto/messages.hpp is self-contained; decodes Locust's own bytes (proto/golden/*.hex).
#include "proto/messages.hpp"
#include "result_printing.hpp"

#include "proto/stats_codec.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace hornet::proto;

namespace {

const std::filesystem::path golden_dir =
    std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "proto" / "golden";

std::string golden(const std::string& name)
{
    std::ifstream in(golden_dir / (name + ".hex"));
    REQUIRE_MESSAGE(in.good(), "missing golden vector " << name);
    std::string text;
    in >> text;
    std::string out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    return out;
}

message decoded(const std::string& name)
{
    auto m = decode_message(golden(name));
    REQUIRE_MESSAGE(m, name << ": " << m.error().detail);
    return *m;
}

template <class Payload>
Payload parsed(const std::string& name)
{
    auto p = parse<Payload>(decoded(name));
    REQUIRE_MESSAGE(p, name << ": " << p.error().detail);
    return *p;
}

// Hornet's encoding of the typed payload must be Locust's bytes.
template <class Payload>
void check_reencodes(const std::string& name)
{
    const message m = decoded(name);
    auto p = parse<Payload>(m);
    REQUIRE(p);
    CHECK_MESSAGE(encode_message(make_message(*p, m.node_id)) == golden(name), name);
    CHECK_MESSAGE(encode_message(m) == golden(name), name); // the generic value round trip too
}

constexpr const char* worker_id = "vm_a3860a1f3d0c42be9eee04131d117c4e";

const std::vector<std::string> all_vectors{"client_ready",
                                           "client_ready_debian_empty",
                                           "client_ready_minus_one",
                                           "heartbeat",
                                           "heartbeat_running",
                                           "spawning",
                                           "spawning_complete",
                                           "exception",
                                           "client_stopped",
                                           "quit_worker",
                                           "stats_2_12",
                                           "stats_newest",
                                           "stats_idle",
                                           "ack",
                                           "ack_old_master",
                                           "spawn_2_12",
                                           "spawn_stop_timeout",
                                           "spawn_newest",
                                           "heartbeat_master",
                                           "spawning_complete_master",
                                           "stop",
                                           "quit",
                                           "reconnect"};

} // namespace

TEST_CASE("every golden vector decodes to a known type")
{
    for (const auto& name : all_vectors) {
        auto m = decode_message(golden(name));
        REQUIRE_MESSAGE(m, name << ": " << m.error().detail);
        CHECK_MESSAGE(known_type(m->type), name);
        CHECK((m->node_id == "h_0" || m->node_id == worker_id));
    }
}

TEST_CASE("worker -> master vectors: fields and identical re-encoding")
{
    CHECK(parsed<client_ready>("client_ready") == client_ready{"2.12.1", false});
    CHECK(parsed<client_ready>("client_ready_debian_empty") == client_ready{"", false});
    CHECK(parsed<client_ready>("client_ready_minus_one").any_version);
    check_reencodes<client_ready>("client_ready");
    check_reencodes<client_ready>("client_ready_debian_empty");
    check_reencodes<client_ready>("client_ready_minus_one");

    CHECK(parsed<heartbeat>("heartbeat") == heartbeat{"ready", 0.0, 56401920, {}});
    CHECK(parsed<heartbeat>("heartbeat_running") == heartbeat{"running", 103.7, 4294967296ULL, {}});
    check_reencodes<heartbeat>("heartbeat");
    check_reencodes<heartbeat>("heartbeat_running");

    auto sc = parsed<spawning_complete>("spawning_complete");
    REQUIRE(sc.user_classes_count);
    CHECK(*sc.user_classes_count == class_counts{{"ApiUser", 2}, {"QuickUser", 0}});
    CHECK(sc.user_count == 2);
    check_reencodes<spawning_complete>("spawning_complete");

    auto ex = parsed<exception_report>("exception");
    CHECK(ex.msg == "boom 'quoted'");
    CHECK(ex.traceback.find("raise ValueError") != std::string::npos);
    check_reencodes<exception_report>("exception");

    check_reencodes<spawning>("spawning");
    check_reencodes<client_stopped>("client_stopped");
    check_reencodes<quit>("quit_worker");
}

TEST_CASE("master -> worker vectors: fields and identical re-encoding")
{
    CHECK(parsed<ack>("ack").index == 0);
    CHECK(!parsed<ack>("ack_old_master").index);
    check_reencodes<ack>("ack");
    check_reencodes<ack>("ack_old_master");

    auto s = parsed<spawn>("spawn_2_12");
    CHECK(s.timestamp == 1700000000.75);
    CHECK(s.user_classes_count == class_counts{{"ApiUser", 2}, {"QuickUser", 0}});
    CHECK(s.host == "http://127.0.0.1:5000");
    CHECK(!s.stop_timeout);
    REQUIRE(s.parsed_options.as_map());
    CHECK(s.parsed_options.as_map()->size() == 50);
    CHECK(s.parsed_options.find("num_users")->as_int64() == 3);
    CHECK(*s.parsed_options.find("locustfile")->as_str() == "locustfile.py");
    check_reencodes<spawn>("spawn_2_12");

    CHECK(parsed<spawn>("spawn_stop_timeout").stop_timeout == 5.0);
    check_reencodes<spawn>("spawn_stop_timeout");
    // Newest masters send 0.0; Hornet writes whole numbers as ints (2.12's type), so only the
    // fields are compared.
    CHECK(parsed<spawn>("spawn_newest").stop_timeout == 0.0);

    auto done = parsed<spawning_complete>("spawning_complete_master");
    CHECK(!done.user_classes_count);
    CHECK(done.user_count == 3);
    check_reencodes<spawning_complete>("spawning_complete_master");

    check_reencodes<heartbeat_reply>("heartbeat_master");
    check_reencodes<stop>("stop");
    check_reencodes<quit>("quit");
    check_reencodes<reconnect>("reconnect");
}

TEST_CASE("stats vectors: Locust's fields, both dialects, error keys")
{
    auto r = parsed<stats_report>("stats_2_12");
    CHECK(!r.exact);
    REQUIRE(r.snapshot.entries.size() == 5);
    const auto& state = r.snapshot.entries[0];
    CHECK(state.method == "GET");
    CHECK(state.name == "/state");
    CHECK(state.num_requests == 6);
    CHECK(state.total_response_time == doctest::Approx(398.32));
    CHECK(state.min_response_time == 0.42);
    CHECK(state.max_response_time == 147.3);
    CHECK(state.total_content_length == 718);
    CHECK(state.start_time == 1700000000.25);
    CHECK(state.last_request_timestamp == 1700000003.45);
    CHECK(state.num_reqs_per_sec.at(1700000003) == 2);
    CHECK(state.response_times.count() == 6);
    const auto& none = r.snapshot.entries[4];
    CHECK(none.num_none_requests == 1);
    CHECK(!none.min_response_time);
    CHECK(none.response_times.empty());
    CHECK(r.snapshot.total.name == "Aggregated");
    CHECK(r.snapshot.total.method == "");
    CHECK(r.snapshot.total.num_requests == 12);
    CHECK(r.snapshot.total.num_failures == 4);
    CHECK(r.snapshot.errors.size() == 4);
    CHECK(r.snapshot.errors
              .find("GET", "/missing/[id]", "HTTPError('404 Client Error: Not Found for url: /missing/[id]')")
              ->occurrences == 1);
    CHECK(r.user_classes_count == class_counts{{"QuickUser", 2}, {"ApiUser", 1}});
    CHECK(r.user_count == 3);

    // 2.12's float keys (140.0, 3400.0, 59000.0) and the newest int keys give the same data,
    // and Hornet's Locust encoding of it is the newest dialect byte for byte.
    auto newest = decode_message(golden("stats_newest"));
    REQUIRE(newest);
    const value again = to_value(r, stats_encode_options{.hornet_hdr = false});
    for (const char* key : {"stats", "stats_total", "user_classes_count", "user_count"}) {
        CHECK_MESSAGE(encode(*again.find(key)) == encode(*newest->data.find(key)), std::string(key));
    }
    // Error keys: SHA-256 over Python's repr of each error text (quotes, backslashes, non-ASCII,
    // NBSP) as Locust computes them; newest adds first_seen/last_seen, which Hornet leaves out.
    const auto& ours = *again.find("errors")->as_map();
    const auto& theirs = *newest->data.find("errors")->as_map();
    REQUIRE(ours.size() == theirs.size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
        CHECK(ours[i].first == theirs[i].first);
        for (const char* key : {"name", "method", "error", "occurrences"})
            CHECK(*ours[i].second.find(key) == *theirs[i].second.find(key));
    }
    auto from_newest = parse<stats_report>(*newest);
    REQUIRE(from_newest);
    CHECK(encode(to_value(*from_newest, {.hornet_hdr = false})) == encode(again));

    auto idle = parsed<stats_report>("stats_idle");
    CHECK(idle.snapshot.entries.empty());
    CHECK(idle.snapshot.total.method == ""); // nil before the first spawn
    CHECK(idle.snapshot.total.start_time == 1700000000.25);
    CHECK(idle.snapshot.errors.empty());
    CHECK(idle.user_count == 0);
}

TEST_CASE("every truncated prefix of every vector is rejected cleanly")
{
    for (const auto& name : all_vectors) {
        const std::string bytes = golden(name);
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            auto m = decode_message(std::string_view(bytes).substr(0, n));
            CHECK_MESSAGE(!m, name << " cut at " << n);
        }
        // One byte too many is an error as well (Locust answers it with `reconnect`).
        CHECK(decode_message(bytes + '\xc0').error().detail.find("trailing bytes") == 0);
    }
}
