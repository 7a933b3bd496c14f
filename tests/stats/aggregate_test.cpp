// Proves stats/aggregate.hpp is self-contained; checks merging and Locust's derived metrics.
#include "stats/aggregate.hpp"

#include "stats/shard.hpp"

#include <doctest/doctest.h>

using hornet::stats::aggregate;
using hornet::stats::entry;
using hornet::stats::shard;
using hornet::stats::snapshot;

namespace {

// A delta whose total (and one row) carries the given per-second counts explicitly.
snapshot delta_with_seconds(double last, std::initializer_list<std::pair<std::int64_t, std::uint64_t>> reqs,
                            std::initializer_list<std::pair<std::int64_t, std::uint64_t>> fails = {})
{
    snapshot d;
    entry row("GET", "/r", 0);
    for (auto [s, n] : reqs) {
        row.num_reqs_per_sec.add(s, n);
        row.num_requests += n;
    }
    for (auto [s, n] : fails) {
        row.num_fail_per_sec.add(s, n);
        row.num_failures += n;
    }
    row.last_request_timestamp = last;
    d.total = row;
    d.total.method = "";
    d.total.name = "Aggregated";
    d.entries.push_back(row);
    return d;
}

} // namespace

TEST_CASE("merging deltas from two shards equals one shard recording everything")
{
    shard one, left, right;
    for (int i = 0; i < 300; ++i) {
        double t = 2000.0 + i * 0.03;
        std::string name = "/n" + std::to_string(i % 4);
        const char* method = i % 5 ? "GET" : "POST";
        double ms = 0.5 + (i * 53 % 401) * 0.9;
        std::string err = i % 11 ? "" : "HTTPError('" + std::to_string(i % 2) + "')";
        one.record(method, name, ms, 10, err, t);
        (i % 2 ? left : right).record(method, name, ms, 10, err, t);
        if (i == 100) {
            one.record_exception("E", "tb");
            left.record_exception("E", "tb");
        }
    }
    aggregate a(1999.0), b(1999.0);
    a.merge(one.take());
    b.merge(left.take());
    b.merge(right.take());

    auto ra = a.entries(), rb = b.entries();
    REQUIRE(ra.size() == rb.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
        CAPTURE(ra[i]->name);
        CHECK(ra[i]->method == rb[i]->method);
        CHECK(ra[i]->name == rb[i]->name);
        CHECK(ra[i]->num_requests == rb[i]->num_requests);
        CHECK(ra[i]->num_failures == rb[i]->num_failures);
        CHECK(ra[i]->min_response_time == rb[i]->min_response_time);
        CHECK(ra[i]->max_response_time == rb[i]->max_response_time);
        CHECK(ra[i]->num_reqs_per_sec == rb[i]->num_reqs_per_sec);
        CHECK(ra[i]->percentiles() == rb[i]->percentiles());
        CHECK(a.current_rps(*ra[i]) == b.current_rps(*rb[i]));
        CHECK(a.total_rps(*ra[i]) == b.total_rps(*rb[i]));
    }
    CHECK(a.total().num_requests == 300);
    CHECK(b.total().num_requests == 300);
    CHECK(a.total().percentiles() == b.total().percentiles());
    CHECK(a.total().response_times.mean() == b.total().response_times.mean());
    CHECK(a.errors().total_occurrences() == b.errors().total_occurrences());
    CHECK(a.errors().size() == b.errors().size());
    REQUIRE(b.exceptions().size() == 1);
    CHECK(b.exceptions()[0].count == 1);
    CHECK(b.exceptions()[0].nodes == std::vector<std::string>{"local"});
    CHECK(a.has_failures_or_exceptions());
}

TEST_CASE("rows are sorted by (name, method)")
{
    shard s;
    s.record("POST", "/b", 1, 0, "", 10.0);
    s.record("GET", "/b", 1, 0, "", 10.0);
    s.record("GET", "/a", 1, 0, "", 10.0);
    s.record("DELETE", "/c", 1, 0, "", 10.0);
    aggregate a(9.0);
    a.merge(s.take());
    auto rows = a.entries();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]->name == "/a");
    CHECK(rows[1]->method == "GET");
    CHECK(rows[2]->method == "POST");
    CHECK(rows[3]->name == "/c");
    CHECK(a.find("POST", "/b") == rows[2]);
    CHECK(a.find("PUT", "/b") == nullptr);
}

TEST_CASE("current rps averages the seconds [max(int(L) - 12, int(S)), int(L) - 2)")
{
    // Seconds 985..1000 carry 1..16 requests; L = 1000.5 -> window 988..997 (10 seconds).
    std::initializer_list<std::pair<std::int64_t, std::uint64_t>> reqs = {
        {985, 1}, {986, 2},  {987, 3},  {988, 4},  {989, 5},  {990, 6},  {991, 7},  {992, 8},
        {993, 9}, {994, 10}, {995, 11}, {996, 12}, {997, 13}, {998, 14}, {999, 15}, {1000, 16}};
    aggregate a(900.0);
    a.merge(delta_with_seconds(1000.5, reqs, {{990, 3}, {999, 7}}));
    const entry& row = *a.find("GET", "/r");
    CHECK(a.current_rps(a.total()) == doctest::Approx((4 + 13) * 10 / 2.0 / 10.0)); // 4..13 -> 85/10
    CHECK(a.current_rps(row) == doctest::Approx(8.5));
    CHECK(a.current_fail_per_sec(row) == doctest::Approx(0.3)); // 999 is outside the window

    // A start time inside the window shortens it: S = 990.7 -> 990..997 (8 seconds).
    aggregate late(990.7);
    late.merge(delta_with_seconds(1000.5, reqs));
    CHECK(late.current_rps(late.total()) == doctest::Approx((6 + 13) * 8 / 2.0 / 8.0));

    // Missing seconds count as zero.
    aggregate sparse(900.0);
    sparse.merge(delta_with_seconds(1000.5, {{989, 10}, {1000, 99}}));
    CHECK(sparse.current_rps(sparse.total()) == doctest::Approx(1.0));

    // Window empty (started within the last 2 s) or no request yet: 0.
    aggregate fresh(999.9);
    fresh.merge(delta_with_seconds(1000.5, {{1000, 5}}));
    CHECK(fresh.current_rps(fresh.total()) == 0.0);
    aggregate idle(10.0);
    CHECK(idle.current_rps(idle.total()) == 0.0);
    CHECK(idle.total_rps(idle.total()) == 0.0);
}

TEST_CASE("the rps window is relative to the Aggregated row's last request")
{
    aggregate a(900.0);
    a.merge(delta_with_seconds(995.0, {{990, 10}}));
    // A later delta for another row moves L: /r's old second drops out of its window.
    snapshot later;
    entry other("GET", "/other", 0);
    other.num_requests = 1;
    other.num_reqs_per_sec.add(1010, 1);
    other.last_request_timestamp = 1010.2;
    later.entries.push_back(other);
    later.total = other;
    later.total.method = "";
    later.total.name = "Aggregated";
    a.merge(later);
    CHECK(a.current_rps(*a.find("GET", "/r")) == 0.0);
    CHECK(a.total().last_request_timestamp == 1010.2);
}

TEST_CASE("total rps, fail ratio and per-second trimming")
{
    aggregate a(1000.0);
    auto d = delta_with_seconds(1010.0, {{1002, 30}, {1009, 20}}, {{1009, 5}});
    a.merge(d);
    CHECK(a.total_rps(a.total()) == doctest::Approx(5.0));
    CHECK(a.total_fail_per_sec(a.total()) == doctest::Approx(0.5));
    CHECK(a.total().fail_ratio() == doctest::Approx(0.1));

    a.merge(delta_with_seconds(1030.0, {{1030, 1}}));
    CHECK(a.total().num_reqs_per_sec.at(1002) == 0); // older than L - 20: trimmed
    CHECK(a.total().num_reqs_per_sec.at(1030) == 1);
    CHECK(a.total().num_reqs_per_sec.at(1010) == 0);
    CHECK(a.find("GET", "/r")->num_reqs_per_sec.at(1009) == 0);
    CHECK(a.total().num_requests == 51); // the cumulative count is untouched
}

TEST_CASE("a delta's earlier start time does not stretch the run")
{
    aggregate a(1000.0);
    auto d = delta_with_seconds(1010.0, {{1005, 50}});
    d.total.start_time = 900.0;
    a.merge(d);
    CHECK(a.total().start_time == 1000.0);
    CHECK(a.total_rps(a.total()) == doctest::Approx(5.0));
}

TEST_CASE("current percentiles cover the last 10 seconds")
{
    aggregate a(990.0);
    shard s;
    for (int i = 0; i < 10; ++i) s.record("GET", "/w", 10.0, 0, "", 1000.5);
    a.merge(s.take());
    for (int i = 0; i < 10; ++i) s.record("GET", "/w", 100.0, 0, "", 1005.5);
    a.merge(s.take());
    const entry& row = *a.find("GET", "/w");

    auto both = a.current_percentiles(row, 1005);
    CHECK(both[0] == 10);   // 50%
    CHECK(both[10] == 100); // 100%
    CHECK(a.current_percentile(a.total(), 95, 1005) == 100);
    auto recent = a.current_percentiles(row, 1010); // window (1000, 1010]
    CHECK(recent[0] == 100);
    auto none = a.current_percentiles(row, 1016);
    CHECK(none[0] == 0);
    CHECK(none[10] == 0);
    CHECK(a.current_percentile(row, 50, 1016) == 0);
    CHECK(row.percentiles()[0] == 10); // cumulative ones are unaffected
}

TEST_CASE("reset keeps rows and exceptions; clear forgets everything")
{
    shard s;
    s.record("GET", "/a", 5, 0, "boom", 100.0);
    s.record_exception("E", "tb");
    aggregate a(99.0);
    a.merge(s.take(), "worker-1");
    s.record_exception("E", "tb");
    a.merge(s.take(), "worker-2");
    REQUIRE(a.exceptions().size() == 1);
    CHECK(a.exceptions()[0].count == 2);
    CHECK(a.exceptions()[0].nodes == std::vector<std::string>{"worker-1", "worker-2"});
    CHECK(a.has_failures_or_exceptions());

    a.reset(200.0);
    CHECK(a.start_time() == 200.0);
    REQUIRE(a.entries().size() == 1);
    CHECK(a.entries()[0]->num_requests == 0);
    CHECK(a.total().num_requests == 0);
    CHECK(!a.total().last_request_timestamp);
    CHECK(a.errors().empty());
    CHECK(a.exceptions().size() == 1);
    CHECK(a.has_failures_or_exceptions());

    a.clear(300.0);
    CHECK(a.entries().empty());
    CHECK(a.exceptions().empty());
    CHECK(!a.has_failures_or_exceptions());
    CHECK(a.total().name == "Aggregated");
    CHECK(a.total().start_time == 300.0);
}
