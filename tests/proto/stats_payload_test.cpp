// Proves proto/stats_payload.hpp is self-contained; a master's stats merged straight from the
// bytes equal the same reports read whole and added.
#include "proto/stats_payload.hpp"
#include "result_printing.hpp"

#include "proto/inbound.hpp"
#include "proto/message.hpp"

#include "../stats/same_histogram.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace hornet::proto;
using hornet::stats::entry;
using hornet::stats::histogram;
using hornet::stats::snapshot;
using hornet::stats::snapshot_accumulator;

namespace {

// Two rows and a total with failures, none-requests, per-second counts over two seconds and, for
// the open model, corrected times and iteration counts. `shift` varies the times between reports.
stats_report report(double shift, bool with_b)
{
    stats_report r;
    r.snapshot.total = entry("", snapshot::total_name, 1700000000.0 + shift);
    auto fill = [&](entry& e, double base) {
        for (int i = 0; i < 40; ++i) {
            const double ms = base * (1 + i % 7) + 0.37 * i + shift;
            const double wall = 1700000000.2 + shift + 0.05 * i;
            e.log(ms, 100 + i, wall);
            r.snapshot.total.log(ms, 100 + i, wall);
            e.log_corrected(ms + 3);
            r.snapshot.total.log_corrected(ms + 3);
            if (i % 9 == 0) {
                e.log_error(wall);
                r.snapshot.total.log_error(wall);
            }
        }
        e.log(std::nan(""), 0, 1700000001.5 + shift);
        r.snapshot.total.log(std::nan(""), 0, 1700000001.5 + shift);
    };
    entry a("GET", "/a", 1700000000.0 + shift);
    fill(a, 12.5);
    r.snapshot.entries.push_back(std::move(a));
    if (with_b) {
        entry b("POST", "/b/with/a/name/longer/than/a/short/string", 1699999999.0 + shift);
        fill(b, 140);
        r.snapshot.entries.push_back(std::move(b));
    }
    r.snapshot.errors.add("GET", "/a", "HTTPError('500 Server Error')", 3);
    r.snapshot.iterations = {41, 2, 1};
    r.user_classes_count = {{"QuickUser", 3}};
    r.user_count = 3;
    return r;
}

using hornet::stats::test::check_same;
using hornet::stats::test::counters;

void check_same(const entry& a, const entry& b)
{
    INFO(a.method, " ", a.name);
    CHECK(a.method == b.method);
    CHECK(a.name == b.name);
    CHECK(a.num_requests == b.num_requests);
    CHECK(a.num_none_requests == b.num_none_requests);
    CHECK(a.num_failures == b.num_failures);
    CHECK(a.total_response_time == b.total_response_time);
    CHECK(a.min_response_time == b.min_response_time);
    CHECK(a.max_response_time == b.max_response_time);
    CHECK(a.total_content_length == b.total_content_length);
    CHECK(a.last_request_timestamp == b.last_request_timestamp);
    CHECK(a.start_time == b.start_time);
    CHECK(a.num_reqs_per_sec == b.num_reqs_per_sec);
    CHECK(a.num_fail_per_sec == b.num_fail_per_sec);
    check_same(a.response_times, b.response_times);
    check_same(a.corrected_times, b.corrected_times);
}

void check_same(const snapshot& a, const snapshot& b)
{
    REQUIRE(a.entries.size() == b.entries.size());
    for (std::size_t i = 0; i < a.entries.size(); ++i) check_same(a.entries[i], b.entries[i]);
    check_same(a.total, b.total);
    CHECK(a.errors.rows() == b.errors.rows());
    CHECK(a.iterations == b.iterations);
}

stats_payload payload_of(const value& data)
{
    auto m = decode_worker_message(encode_message(message{"stats", data, "w_1"}));
    REQUIRE(m);
    auto* p = std::get_if<stats_payload>(&m->body);
    REQUIRE(p);
    return std::move(*p);
}

// The reference: each report read whole (to_report) and added; then the same bytes merged.
void check_merges_like_add(const std::vector<value>& messages)
{
    snapshot_accumulator added, merged;
    for (const auto& data : messages) {
        stats_payload p = payload_of(data);
        added.add(std::move(to_report(p).snapshot));
        merge_stats(p, merged);
    }
    check_same(merged.take(), added.take());
}

} // namespace

TEST_CASE("a payload merged from its bytes equals its report added, in both dialects")
{
    for (bool hdr : {true, false}) {
        INFO("hornet_hdr: ", hdr);
        const stats_encode_options o{.hornet_hdr = hdr, .hornet_kind = hdr};
        // New rows, rows met again, a row only in the second report and an idle total (skipped
        // once a total is there) after the first.
        stats_report idle;
        idle.snapshot.total = entry("", snapshot::total_name, 1600000000.0);
        idle.user_classes_count = {{"QuickUser", 3}};
        check_merges_like_add({to_value(report(0, false), o), to_value(report(1.25, true), o), to_value(idle, o),
                               to_value(report(2.5, true), o)});
        // An idle total first is taken as the total: its start time stays.
        check_merges_like_add({to_value(idle, o), to_value(report(0, true), o)});
    }
    // A Hornet and a Locust worker into one master.
    check_merges_like_add({to_value(report(0, true), {}), to_value(report(3, true), {.hornet_hdr = false})});
}

TEST_CASE("the merged rows carry the sent data: counts, exact HDR times, per-second counts")
{
    const stats_report sent = report(0, true);
    snapshot_accumulator acc;
    stats_payload p = payload_of(to_value(sent));
    CHECK(p.exact);
    CHECK(p.user_count == 3);
    merge_stats(p, acc);
    snapshot got = acc.take();
    REQUIRE(got.entries.size() == 2);
    // Rows come out by (method, name): GET /a before POST /b.
    check_same(got.entries[0], sent.snapshot.entries[0]);
    check_same(got.entries[1], sent.snapshot.entries[1]);
    check_same(got.total, sent.snapshot.total);
    CHECK(got.iterations == sent.snapshot.iterations);
}

TEST_CASE("repeated keys and fields in any order read as the whole-report path reads them")
{
    value data = to_value(report(0, true));
    auto& first = *data.as_map()->at(0).second.as_array()->at(0).as_map();
    // Name and method last, a second response_times and num_reqs_per_sec (the last counts, as
    // in a Python dict), hornet_hdr dropped so the buckets are used.
    std::rotate(first.begin(), first.begin() + 2, first.end());
    std::erase_if(first, [](const auto& kv) { return *kv.first.as_str() == stats_report::hdr_key; });
    first.emplace_back(value("response_times"), value(value::map_type{{value(150.0), value(2)}, {value(3), value(1)}}));
    first.emplace_back(value("num_reqs_per_sec"), value(value::map_type{{value(1700000005), value(7)}}));
    check_merges_like_add({data, data});

    snapshot_accumulator acc;
    stats_payload p = payload_of(data);
    CHECK_FALSE(p.exact);
    merge_stats(p, acc);
    const snapshot got = acc.take();
    CHECK(got.entries[0].name == "/a");
    CHECK(got.entries[0].method == "GET");
    CHECK(got.entries[0].response_times.count() == 3);
    CHECK(got.entries[0].num_reqs_per_sec.items() ==
          std::vector<std::pair<std::int64_t, std::uint64_t>>{{1700000005, 7}});
}

TEST_CASE("a stats message broken after good rows is malformed as a whole: nothing to merge")
{
    value data = to_value(report(0, true));
    auto& rows = *data.as_map()->at(0).second.as_array();
    for (auto& [k, v] : *rows.back().as_map())
        if (*k.as_str() == "num_fail_per_sec") v = value(value::map_type{{value("x"), value(1)}});
    auto m = decode_worker_message(encode_message(message{"stats", data, "w_1"}));
    REQUIRE(m);
    auto* bad = std::get_if<malformed>(&m->body);
    REQUIRE(bad);
    CHECK(bad->type == "stats");
    CHECK(bad->why.detail == "stats: 'num_fail_per_sec' has a key that is not an epoch second");

    // Cut anywhere, the frame is refused or malformed; never a payload.
    const std::string bytes = encode_message(message{"stats", to_value(report(0, true)), "w_1"});
    for (std::size_t n = 0; n < bytes.size(); n += 7) {
        auto cut = decode_worker_message(std::string_view(bytes).substr(0, n));
        CHECK((!cut || !std::holds_alternative<stats_payload>(cut->body)));
    }
}
