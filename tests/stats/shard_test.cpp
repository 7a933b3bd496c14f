// Proves stats/shard.hpp is self-contained; checks deltas taken from a per-thread recorder.
#include "stats/shard.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using hornet::stats::shard;
using hornet::stats::snapshot;

namespace {

const hornet::stats::entry* find(const snapshot& s, std::string_view method, std::string_view name)
{
    auto it = std::find_if(s.entries.begin(), s.entries.end(),
                           [&](const auto& e) { return e.method == method && e.name == name; });
    return it == s.entries.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("record goes into the row and the total; take returns the delta and restarts")
{
    shard s;
    s.record("GET", "/a", 10.0, 100, "", 1000.1);
    s.record("GET", "/a", 20.0, 100, "HTTPError('500')", 1000.2);
    s.record("POST", "/a", 30.0, 5, "", 1001.0);
    s.record("GET", "/b", 40.0, 0, "", 1001.5);
    s.record_exception("ValueError('x')", "Traceback ...\nValueError: x\n");
    s.record_exception("ValueError('x')", "Traceback ...\nValueError: x\n");

    snapshot d = s.take();
    REQUIRE(d.entries.size() == 3);
    auto* get_a = find(d, "GET", "/a");
    REQUIRE(get_a);
    CHECK(get_a->num_requests == 2);
    CHECK(get_a->num_failures == 1);
    CHECK(get_a->total_content_length == 200);
    CHECK(get_a->num_reqs_per_sec.at(1000) == 2);
    CHECK(get_a->num_fail_per_sec.at(1000) == 1);
    CHECK(find(d, "POST", "/a")->num_requests == 1);

    CHECK(d.total.name == "Aggregated");
    CHECK(d.total.method == "");
    CHECK(d.total.num_requests == 4);
    CHECK(d.total.num_failures == 1);
    CHECK(d.total.max_response_time == 40.0);
    CHECK(d.total.min_response_time == 10.0);
    CHECK(d.total.last_request_timestamp == 1001.5);
    CHECK(d.total.response_times.count() == 4);

    REQUIRE(d.errors.size() == 1);
    CHECK(d.errors.rows()[0].method == "GET");
    CHECK(d.errors.rows()[0].error == "HTTPError('500')");
    CHECK(d.errors.rows()[0].occurrences == 1);
    REQUIRE(d.exceptions.size() == 1);
    CHECK(d.exceptions[0].count == 2);
    CHECK(d.exceptions[0].message == "ValueError('x')");

    snapshot next = s.take();
    CHECK(next.empty());
    CHECK(next.total.num_requests == 0);

    s.record("GET", "/b", 1.0, 0, "", 1002.0);
    s.record("GET", "/a", 1.0, 0, "HTTPError('500')", 1002.0);
    snapshot third = s.take();
    CHECK(third.entries.size() == 2);
    CHECK(find(third, "GET", "/b")->num_requests == 1);
    CHECK(find(third, "GET", "/b")->min_response_time == 1.0);
    CHECK(third.errors.size() == 1); // the zeroed /a error key is back, the idle ones are not sent
    CHECK(third.errors.rows()[0].occurrences == 1);
    CHECK(third.total.num_requests == 2);
}

TEST_CASE("the row cache does not confuse rows that share a name or a method")
{
    shard s;
    for (int i = 0; i < 10; ++i) {
        s.record("GET", "/x", 1.0, 0, "", 10.0);
        s.record("POST", "/x", 1.0, 0, "", 10.0);
        s.record("GET", "/y", 1.0, 0, "", 10.0);
    }
    snapshot d = s.take();
    REQUIRE(d.entries.size() == 3);
    for (const auto& e : d.entries) CHECK(e.num_requests == 10);
}

TEST_CASE("idle keys are dropped once a shard holds too many")
{
    shard s;
    for (std::size_t i = 0; i <= shard::max_idle_keys; ++i)
        s.record("GET", "/item/" + std::to_string(i), 1.0, 0, "", 10.0);
    CHECK(s.take().entries.size() == shard::max_idle_keys + 1);
    s.take();                                     // all idle: dropped
    s.record("GET", "/item/1", 2.0, 0, "", 11.0); // and re-created on demand
    snapshot d = s.take();
    REQUIRE(d.entries.size() == 1);
    CHECK(d.entries[0].num_requests == 1);
}
