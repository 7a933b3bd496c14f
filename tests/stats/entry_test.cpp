// Proves stats/entry.hpp is self-contained; checks Locust's StatsEntry counting and merging.
#include "stats/entry.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using hornet::stats::entry;

namespace {

void check_same(const entry& a, const entry& b)
{
    CHECK(a.num_requests == b.num_requests);
    CHECK(a.num_none_requests == b.num_none_requests);
    CHECK(a.num_failures == b.num_failures);
    CHECK(a.total_response_time == doctest::Approx(b.total_response_time));
    CHECK(a.min_response_time == b.min_response_time);
    CHECK(a.max_response_time == b.max_response_time);
    CHECK(a.total_content_length == b.total_content_length);
    CHECK(a.last_request_timestamp == b.last_request_timestamp);
    CHECK(a.num_reqs_per_sec == b.num_reqs_per_sec);
    CHECK(a.num_fail_per_sec == b.num_fail_per_sec);
    CHECK(a.response_times.count() == b.response_times.count());
    CHECK(a.percentiles() == b.percentiles());
    CHECK(a.median_response_time() == b.median_response_time());
}

} // namespace

TEST_CASE("log counts requests, timing and per-second buckets")
{
    entry e("GET", "/a", 100.0);
    e.log(12.5, 100, 1000.2);
    e.log(7.25, 50, 1000.9);
    e.log(30.0, 0, 1001.1);
    e.log_error(1001.1);
    CHECK(e.num_requests == 3);
    CHECK(e.num_failures == 1);
    CHECK(e.total_response_time == 49.75);
    CHECK(e.min_response_time == 7.25);
    CHECK(e.max_response_time == 30.0);
    CHECK(e.total_content_length == 150);
    CHECK(e.last_request_timestamp == 1001.1);
    CHECK(e.num_reqs_per_sec.at(1000) == 2);
    CHECK(e.num_reqs_per_sec.at(1001) == 1);
    CHECK(e.num_fail_per_sec.at(1001) == 1);
    CHECK(e.num_fail_per_sec.at(1000) == 0);
    CHECK(e.avg_response_time() == doctest::Approx(49.75 / 3));
    CHECK(e.avg_content_length() == 50.0);
    CHECK(e.fail_ratio() == doctest::Approx(1.0 / 3));
    CHECK(e.has_activity());
}

TEST_CASE("a NaN response time is Locust's None: counted but not timed")
{
    entry e("GET", "/n");
    e.log(10.0, 0, 5.0);
    e.log(std::numeric_limits<double>::quiet_NaN(), 0, 5.0);
    CHECK(e.num_requests == 2);
    CHECK(e.num_none_requests == 1);
    CHECK(e.avg_response_time() == 10.0);
    CHECK(e.response_times.count() == 1);
}

TEST_CASE("fail ratio and averages without requests")
{
    entry e("GET", "/x");
    CHECK(e.fail_ratio() == 0.0);
    CHECK(e.avg_response_time() == 0.0);
    CHECK(e.avg_content_length() == 0.0);
    CHECK(e.median_response_time() == 0);
    CHECK(e.percentiles()[10] == 0);
    e.log_error(1.0); // a failure without a request (Locust allows it)
    CHECK(e.fail_ratio() == 1.0);
    CHECK(!e.min_response_time);
}

TEST_CASE("percentiles are whole ms from HDR values clamped to the exact min and max")
{
    entry one("GET", "/slow");
    one.log(157.2700579999946, 11, 10.0);
    CHECK(one.median_response_time() == 157);
    for (auto v : one.percentiles()) CHECK(v == 157);

    entry e("GET", "/p");
    for (int ms = 1; ms <= 100; ++ms) e.log(ms, 0, 10.0);
    auto p = e.percentiles();
    CHECK(p[0] == 50);   // 50%
    CHECK(p[1] == 66);   // 66%
    CHECK(p[4] == 90);   // 90%
    CHECK(p[7] == 99);   // 99%
    CHECK(p[10] == 100); // 100%
    CHECK(e.percentile(50) == 50);

    entry halves("GET", "/h");
    halves.log(2.5, 0, 10.0); // 2500 us is exact in the histogram: rounds half to even
    CHECK(halves.median_response_time() == 2);
    entry sub("GET", "/s");
    sub.log(0.4, 0, 10.0);
    CHECK(sub.median_response_time() == 0);
}

TEST_CASE("merge of two deltas equals one entry that logged everything")
{
    entry all("GET", "/m", 50.0), a("GET", "/m", 60.0), b("GET", "/m", 70.0);
    for (int i = 0; i < 500; ++i) {
        double t = 1000.0 + i * 0.05;
        double ms = 1.0 + (i * 37 % 997) * 0.731;
        entry& part = (i % 2) ? a : b;
        part.log(ms, static_cast<std::uint64_t>(i), t);
        all.log(ms, static_cast<std::uint64_t>(i), t);
        if (i % 7 == 0) {
            part.log_error(t);
            all.log_error(t);
        }
    }
    entry merged("GET", "/m", 55.0);
    merged.merge(a);
    merged.merge(b);
    check_same(merged, all);
    CHECK(merged.start_time == 55.0); // min of start times

    entry empty("GET", "/m", 10.0);
    merged.merge(empty); // a delta without requests changes nothing but the start time
    check_same(merged, all);
    CHECK(merged.start_time == 10.0);
}

TEST_CASE("reset zeroes counters, keeps the key and sets the start time")
{
    entry e("POST", "/r", 1.0);
    e.log(5, 5, 2.0);
    e.log_error(2.0);
    e.reset(3.0);
    CHECK(e.method == "POST");
    CHECK(e.name == "/r");
    CHECK(e.num_requests == 0);
    CHECK(e.num_failures == 0);
    CHECK(!e.min_response_time);
    CHECK(!e.last_request_timestamp);
    CHECK(e.start_time == 3.0);
    CHECK(e.num_reqs_per_sec.empty());
    CHECK(e.response_times.empty());
    CHECK(!e.has_activity());
}

TEST_CASE("per-second counts stay sorted when the clock steps back")
{
    hornet::stats::per_second s;
    s.add(10);
    s.add(12, 2);
    s.add(11, 3);
    s.add(10);
    REQUIRE(s.size() == 3);
    CHECK(s.items()[0] == std::pair<std::int64_t, std::uint64_t>{10, 2});
    CHECK(s.items()[1] == std::pair<std::int64_t, std::uint64_t>{11, 3});
    CHECK(s.sum(10, 12) == 5);
    CHECK(s.sum(0, 100) == 7);
    s.trim_before(11);
    CHECK(s.size() == 2);
    CHECK(s.at(10) == 0);
    hornet::stats::per_second t;
    t.add(5);
    t.add(11, 4);
    t.merge(s);
    CHECK(t.at(11) == 7);
    CHECK(t.at(12) == 2);
    CHECK(t.at(5) == 1);
}

TEST_CASE("percentile labels as Locust prints them")
{
    using hornet::stats::percentile_label;
    CHECK(percentile_label(50) == "50%");
    CHECK(percentile_label(100) == "100%");
    CHECK(percentile_label(99.9) == "99.9%");
    CHECK(percentile_label(99.99) == "99.99%");
    CHECK(hornet::stats::round_ms(0.5) == 0);
    CHECK(hornet::stats::round_ms(1.5) == 2);
    CHECK(hornet::stats::round_ms(2.5) == 2);
    CHECK(hornet::stats::round_ms(2.5000001) == 3);
}

TEST_CASE("the corrected view: the same counts over the times from each iteration's intended start")
{
    hornet::stats::entry e("GET", "/x", 100.0);
    for (double raw : {10.0, 20.0, 30.0}) e.log(raw, 5, 101.0);
    e.log_corrected(10.0);
    e.log_corrected(520.0); // waited 500 ms for a free user
    e.log_corrected(1030.0);
    const auto c = e.corrected();
    CHECK(c.num_requests == 3);
    CHECK(c.total_content_length == e.total_content_length);
    CHECK(c.max_response_time == doctest::Approx(1030.0));
    CHECK(*c.min_response_time == doctest::Approx(10.0));
    CHECK(c.avg_response_time() == doctest::Approx(520.0));
    CHECK(c.percentile(100) == 1030);
    CHECK(e.percentile(100) == 30); // the raw view is untouched
    hornet::stats::entry closed("GET", "/y", 100.0);
    closed.log(10.0, 0, 101.0);
    CHECK_FALSE(closed.corrected().min_response_time);
}
