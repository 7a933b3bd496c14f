// Proves proto/stats_codec.hpp is self-contained; snapshot <-> Locust stats data, exact HDR path.
#include "proto/stats_codec.hpp"
#include "result_printing.hpp"

#include "proto/error_key.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace hornet::proto;
using hornet::stats::entry;

namespace {

stats_report sample()
{
    stats_report r;
    entry e("GET", "/a", 1700000000.0);
    const double times[] = {0.3, 1.2, 2.5, 3.5, 99.6, 145.0, 147.3, 999.9, 3432.1, 58760.9, 12.345};
    double wall = 1700000000.1;
    for (double t : times) {
        e.log(t, 10, wall);
        r.snapshot.total.log(t, 10, wall);
        wall += 0.7;
    }
    e.log(std::nan(""), 0, wall);
    r.snapshot.total.log(std::nan(""), 0, wall);
    e.log_error(wall);
    r.snapshot.total.log_error(wall);
    r.snapshot.total.start_time = 1700000000.0;
    r.snapshot.entries.push_back(std::move(e));
    r.snapshot.errors.add("GET", "/a", "HTTPError('500 Server Error')", 1);
    r.user_classes_count = {{"QuickUser", 3}};
    r.user_count = 3;
    return r;
}

stats_report round_trip(const stats_report& r, stats_encode_options options)
{
    const message m = make_message(r, "w");
    stats_encode_options o = options;
    auto bytes = encode_message(message{m.type, to_value(r, o), m.node_id});
    auto decoded = decode_message(bytes);
    REQUIRE(decoded);
    auto back = parse<stats_report>(*decoded);
    REQUIRE_MESSAGE(back, back.error().detail);
    return *back;
}

} // namespace

TEST_CASE("Locust bucket rounding, half to even, from microseconds")
{
    CHECK(locust_bucket_ms(0) == 0);
    CHECK(locust_bucket_ms(500) == 0);  // round(0.5) == 0
    CHECK(locust_bucket_ms(1500) == 2); // round(1.5) == 2
    CHECK(locust_bucket_ms(2500) == 2); // round(2.5) == 2
    CHECK(locust_bucket_ms(2501) == 3);
    CHECK(locust_bucket_ms(99'600) == 100);
    CHECK(locust_bucket_ms(145'000) == 140); // round(145, -1) == 140
    CHECK(locust_bucket_ms(147'000) == 150);
    CHECK(locust_bucket_ms(155'000) == 160);
    CHECK(locust_bucket_ms(3'432'000) == 3400);
    CHECK(locust_bucket_ms(3'450'000) == 3400);
    CHECK(locust_bucket_ms(58'760'000) == 59000);
    CHECK(locust_bucket_ms(3'600'000'000ULL) == 3'600'000);
}

TEST_CASE("Locust encoding: field order, int bucket keys, int epoch seconds")
{
    const stats_report r = sample();
    const value v = to_value(r, {.hornet_hdr = false});
    const auto& top = *v.as_map();
    REQUIRE(top.size() == 5);
    const char* keys[] = {"stats", "stats_total", "errors", "user_classes_count", "user_count"};
    for (std::size_t i = 0; i < 5; ++i) CHECK(*top[i].first.as_str() == keys[i]);
    const value& e = v.find("stats")->as_array()->at(0);
    const char* fields[] = {"name",
                            "method",
                            "last_request_timestamp",
                            "start_time",
                            "num_requests",
                            "num_none_requests",
                            "num_failures",
                            "total_response_time",
                            "max_response_time",
                            "min_response_time",
                            "total_content_length",
                            "response_times",
                            "num_reqs_per_sec",
                            "num_fail_per_sec"};
    REQUIRE(e.as_map()->size() == 14);
    for (std::size_t i = 0; i < 14; ++i) CHECK(*e.as_map()->at(i).first.as_str() == fields[i]);
    value::map_type expected_buckets{{value(0), value(1)},    {value(1), value(1)},    {value(2), value(1)},
                                     {value(4), value(1)},    {value(12), value(1)},   {value(100), value(1)},
                                     {value(140), value(1)},  {value(150), value(1)},  {value(1000), value(1)},
                                     {value(3400), value(1)}, {value(59000), value(1)}};
    CHECK(*e.find("response_times") == value(expected_buckets));
    const auto& rps = *e.find("num_reqs_per_sec")->as_map();
    CHECK(rps.front().first == value(1700000000));
    CHECK(e.find("num_none_requests")->as_int64() == 1);
    CHECK(e.find("min_response_time")->as_double() == 0.3);
    const auto& err = *v.find("errors")->as_map();
    REQUIRE(err.size() == 1);
    CHECK(*err[0].first.as_str() == error_key("GET", "/a", "HTTPError('500 Server Error')"));
    CHECK(err[0].second.find("occurrences")->as_int64() == 1);
    CHECK(v.find("stats")->as_array()->at(0).find(stats_report::hdr_key) == nullptr);
    CHECK(to_value(r).find("stats")->as_array()->at(0).find(stats_report::hdr_key) != nullptr);

    // An entry without timed requests sends Locust's int zeros and a nil min.
    stats_report none;
    none.snapshot.entries.emplace_back("GET", "/n", 5.0);
    none.snapshot.entries[0].log(std::nan(""), 0, 6.0);
    const value n = to_value(none, {.hornet_hdr = false}).find("stats")->as_array()->at(0);
    CHECK(n.find("total_response_time")->type() == value::kind::integer);
    CHECK(n.find("max_response_time")->type() == value::kind::integer);
    CHECK(n.find("min_response_time")->is_nil());
}

TEST_CASE("Hornet <-> Hornet: the HDR data keeps percentiles exact")
{
    const stats_report r = sample();
    const stats_report exact = round_trip(r, {});
    CHECK(exact.exact);
    const entry& a = r.snapshot.entries[0];
    const entry& b = exact.snapshot.entries[0];
    CHECK(b.percentiles() == a.percentiles());
    CHECK(b.response_times.count() == a.response_times.count());
    CHECK(b.response_times.min() == a.response_times.min());
    CHECK(b.response_times.max() == a.response_times.max());
    CHECK(b.response_times.sum() == a.response_times.sum());
    CHECK(b.num_requests == a.num_requests);
    CHECK(b.num_none_requests == a.num_none_requests);
    CHECK(b.num_failures == a.num_failures);
    CHECK(b.total_response_time == a.total_response_time);
    CHECK(b.min_response_time == a.min_response_time);
    CHECK(b.max_response_time == a.max_response_time);
    CHECK(b.num_reqs_per_sec == a.num_reqs_per_sec);
    CHECK(b.num_fail_per_sec == a.num_fail_per_sec);
    CHECK(b.last_request_timestamp == a.last_request_timestamp);
    CHECK(exact.snapshot.total.percentiles() == r.snapshot.total.percentiles());
    CHECK(exact.snapshot.errors.rows() == r.snapshot.errors.rows());
    CHECK(exact.user_classes_count == r.user_classes_count);

    // Through Locust's buckets only, percentiles are Locust's (bucketed) values.
    const stats_report coarse = round_trip(r, {.hornet_hdr = false});
    CHECK(!coarse.exact);
    CHECK(coarse.snapshot.entries[0].response_times.count() == a.response_times.count());
    CHECK(coarse.snapshot.entries[0].percentile(100) == std::llround(58760.9)); // clamped to the exact max
    CHECK(coarse.snapshot.entries[0].percentile(50) == 100);
}

TEST_CASE("malformed stats data gives reasons")
{
    const value good = to_value(sample());
    auto reason = [](value data) {
        stats_report out;
        auto r = from_value(data, out);
        return r ? std::string() : r.error().detail;
    };
    CHECK(reason(good).empty());
    CHECK(reason(value(1)) == "data is not a map");
    auto edit = [&](auto&& change) {
        value v = good;
        change(*v.as_map());
        return reason(std::move(v));
    };
    auto entry_field = [&](const char* field, value replacement) {
        return edit([&](value::map_type& top) {
            auto& e = top[0].second.as_array()->at(0);
            for (auto& [k, item] : *e.as_map())
                if (*k.as_str() == field) item = replacement;
        });
    };
    CHECK(edit([](value::map_type& top) { top.erase(top.begin()); }) == "'stats' is missing or not an array");
    CHECK(edit([](value::map_type& top) { top.erase(top.begin() + 3); }) == "'user_classes_count' is missing");
    CHECK(entry_field("name", value(3)) == "stats entry 'name' is missing or not a string");
    CHECK(entry_field("num_requests", value(-1)) == "'num_requests' is not a non-negative integer");
    CHECK(entry_field("num_requests", value(1.5)) == "'num_requests' is not a non-negative integer");
    CHECK(entry_field("total_response_time", value("x")) == "'total_response_time' is not a finite number");
    CHECK(entry_field("response_times", value(value::map_type{{value("150"), value(1)}})) ==
          "'response_times' has a key that is not a time");
    CHECK(entry_field("response_times", value(value::map_type{{value(-1), value(1)}})) ==
          "'response_times' has a key that is not a time");
    CHECK(entry_field("response_times", value(value::map_type{{value(150.0), value(-1)}})) ==
          "'response_times' has a count that is not a non-negative integer");
    CHECK(entry_field("num_reqs_per_sec", value(value::map_type{{value("x"), value(1)}})) ==
          "'num_reqs_per_sec' has a key that is not an epoch second");
    CHECK(entry_field("hornet_hdr", value(1)) == "hornet_hdr is not an array of 4");
    CHECK(entry_field("hornet_hdr", value(value::array_type{value(1), value(1), value(1), value::binary("\x80")})) ==
          "hornet_hdr pairs are truncated");
    CHECK(entry_field("hornet_hdr", value(value::array_type{value(1), value(1), value(1),
                                                            value::binary(std::string("\x05\x01\x00\x01", 4))})) ==
          "hornet_hdr pairs are not ascending non-empty counters");
    CHECK(entry_field("hornet_hdr",
                      value(value::array_type{value(1), value(1), value(1),
                                              value::binary("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x01")})) ==
          "hornet_hdr pairs are truncated");

    // Float bucket keys (2.12) name whole milliseconds; float epoch seconds are floored.
    value floats = good;
    auto& e = floats.as_map()->at(0).second.as_array()->at(0);
    for (auto& [k, item] : *e.as_map()) {
        if (*k.as_str() == "response_times")
            item = value(value::map_type{{value(150.0), value(2)}, {value(3), value(1)}});
        if (*k.as_str() == "num_reqs_per_sec") item = value(value::map_type{{value(1700000000.9), value(3)}});
        if (*k.as_str() == "hornet_hdr")
            item = value(value::array_type{value(0), value(0), value(0), value::binary("")});
    }
    e.as_map()->pop_back(); // drop hornet_hdr: buckets must be used
    stats_report out;
    REQUIRE(from_value(floats, out));
    CHECK(out.snapshot.entries[0].response_times.count() == 3);
    CHECK(locust_bucket_ms(out.snapshot.entries[0].response_times.max()) == 150);
    CHECK(out.snapshot.entries[0].num_reqs_per_sec.at(1700000000) == 3);
    CHECK(!out.exact);
}

TEST_CASE("with hornet_hdr the buckets are checked but not used")
{
    value data = to_value(sample());
    auto& e = data.as_map()->at(0).second.as_array()->at(0);
    // Buckets that disagree with the HDR data: a decoder that merged or preferred them would
    // change the count or the max.
    for (auto& [k, item] : *e.as_map())
        if (*k.as_str() == "response_times") item = value(value::map_type{{value(7000), value(50)}});
    stats_report out;
    REQUIRE(from_value(data, out));
    const auto& h = out.snapshot.entries[0].response_times;
    CHECK(h.count() == 11);
    CHECK(h.max() == 58'760'900);
    CHECK(out.exact);

    for (auto& [k, item] : *e.as_map())
        if (*k.as_str() == "response_times") item = value(value::map_type{{value(7000), value(-1)}});
    CHECK(from_value(data, out).error().detail == "'response_times' has a count that is not a non-negative integer");
}

TEST_CASE("failure kinds travel between Hornet nodes and are 'other' from Locust workers")
{
    using hornet::core::failure_kind;
    stats_report r;
    r.snapshot.total = entry("", hornet::stats::snapshot::total_name, 1000);
    r.snapshot.errors.add("GET", "/a", "ConnectionRefusedError(111, 'Connection refused')", 5,
                          failure_kind::connect_refused);
    r.snapshot.errors.add("GET", "/b", "CatchResponseError('no')", 1, failure_kind::check);
    auto back = round_trip(r, {});
    CHECK(back.snapshot.errors.find("GET", "/a", "ConnectionRefusedError(111, 'Connection refused')")->kind ==
          failure_kind::connect_refused);
    CHECK(back.snapshot.errors.find("GET", "/b", "CatchResponseError('no')")->kind == failure_kind::check);
    // Bytes as a Python worker sends them carry no kind.
    auto plain = round_trip(r, {.hornet_hdr = false, .hornet_kind = false});
    CHECK(plain.snapshot.errors.find("GET", "/a", "ConnectionRefusedError(111, 'Connection refused')")->kind ==
          failure_kind::other);
    const value v = to_value(r, {.hornet_hdr = false, .hornet_kind = false});
    for (const auto& [key, row] : *v.find("errors")->as_map()) CHECK(row.find("hornet_kind") == nullptr);
}

TEST_CASE("Hornet <-> Hornet: the open model's corrected times and iteration counts travel too")
{
    stats_report r = sample();
    entry& e = r.snapshot.entries[0];
    for (double ms : {5.0, 250.0, 1200.5}) {
        e.log_corrected(ms);
        r.snapshot.total.log_corrected(ms);
    }
    r.snapshot.iterations = {12, 3, 1};
    const stats_report back = round_trip(r, {});
    const entry& b = back.snapshot.entries[0];
    CHECK(b.corrected_times.count() == 3);
    CHECK(b.corrected_times.max() == e.corrected_times.max());
    CHECK(b.corrected().percentiles() == e.corrected().percentiles());
    CHECK(back.snapshot.total.corrected_times.count() == 3);
    CHECK(back.snapshot.iterations == r.snapshot.iterations);

    // A closed-model report carries neither key.
    const stats_report closed = round_trip(sample(), {});
    CHECK(closed.snapshot.entries[0].corrected_times.empty());
    CHECK(closed.snapshot.iterations.empty());
    const std::string bytes = encode(to_value(sample()));
    CHECK(bytes.find("hornet_corrected") == std::string::npos);
    CHECK(bytes.find("hornet_iterations") == std::string::npos);
}
