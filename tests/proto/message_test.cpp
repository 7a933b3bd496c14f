// Proves proto/message.hpp is self-contained; envelope and typed payloads against malformed input.
#include "proto/message.hpp"
#include "result_printing.hpp"

#include "proto/messages.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hornet::proto;

namespace {

std::string frame(const value& v)
{
    return encode(v);
}

value envelope(value type, value data, value node)
{
    return value(value::array_type{std::move(type), std::move(data), std::move(node)});
}

} // namespace

TEST_CASE("the envelope is a 3-array of text, data of any kind")
{
    const message m{"heartbeat", value(value::map_type{{value(1.5), value(2)}}), "h_0"};
    const std::string bytes = encode_message(m);
    CHECK(bytes[0] == '\x93');
    auto back = decode_message(bytes);
    REQUIRE(back);
    CHECK(*back == m);

    // bin-typed strings (old encoders) are accepted when they are UTF-8
    auto bin = decode_message(frame(envelope(value::binary("quit"), value(), value::binary("w_1"))));
    REQUIRE(bin);
    CHECK(bin->type == "quit");
    CHECK(bin->node_id == "w_1");
    CHECK(decode_message(frame(envelope(value::binary("\xff"), value(), value("w")))).error().detail ==
          "envelope type is not UTF-8");
}

TEST_CASE("malformed envelopes are errors, not exceptions")
{
    CHECK(decode_message("").error().detail == "truncated input at offset 0");
    CHECK(decode_message("\xc1").error().detail == "reserved byte 0xc1 at offset 0");
    CHECK(decode_message(frame(value(value::map_type{}))).error().detail == "envelope is not an array");
    CHECK(decode_message(frame(value(value::array_type{value("quit"), value()}))).error().detail ==
          "envelope has 2 elements, expected 3");
    CHECK(decode_message(frame(value(value::array_type{value("quit"), value(), value("w"), value()}))).error().detail ==
          "envelope has 4 elements, expected 3");
    CHECK(decode_message(frame(envelope(value(7), value(), value("w")))).error().detail ==
          "envelope type is not a string");
    CHECK(decode_message(frame(envelope(value("quit"), value(), value()))).error().detail ==
          "envelope node_id is not a string");
    // A huge declared array before the real content.
    CHECK(decode_message(std::string("\xdd\x7f\xff\xff\xff\xa4quit", 10)).error().detail ==
          "array length larger than the input at offset 0");
    CHECK(decode_message(std::string("\x93\xdb\xff\xff\xff\xff", 6)).error().detail ==
          "str length larger than the input at offset 1");
}

TEST_CASE("unknown types decode as envelopes; typed parsing refuses them")
{
    auto m = decode_message(encode_message(message{"locustfile", value(value::map_type{}), "w"}));
    REQUIRE(m);
    CHECK(!known_type(m->type));
    CHECK(known_type("stats"));
    CHECK(known_type("logs"));
    CHECK(parse<heartbeat>(*m).error().detail == "message type 'locustfile' is not 'heartbeat'");
}

TEST_CASE("typed payloads round-trip through the envelope")
{
    auto round = [](const auto& payload) {
        using payload_type = std::decay_t<decltype(payload)>;
        auto m = decode_message(encode_message(make_message(payload, "w_1")));
        REQUIRE(m);
        CHECK(m->node_id == "w_1");
        auto back = parse<payload_type>(*m);
        REQUIRE_MESSAGE(back, back.error().detail);
        CHECK(*back == payload);
    };
    round(client_ready{"2.12.1", false});
    round(client_ready{"", true});
    round(ack{7, std::nullopt});
    round(ack{7, "0.1.0"});
    round(ack{});
    round(heartbeat{"spawning", 12.5, 123456789, {}});
    round(heartbeat_reply{});
    spawn s;
    s.timestamp = 1700000000.5;
    s.user_classes_count = {{"B", 1}, {"A", 2}};
    s.host = "http://x";
    s.stop_timeout = 2.5;
    s.parsed_options = value(value::map_type{{value("tags"), value()}});
    round(s);
    s.host.reset();
    s.stop_timeout = 3;
    round(s);
    round(spawning{});
    round(spawning_complete{class_counts{{"A", 1}}, 1});
    round(spawning_complete{std::nullopt, 4});
    round(exception_report{"m", "tb"});
    round(client_stopped{});
    round(quit{});
    round(stop{});
    round(reconnect{});
}

TEST_CASE("typed payloads with wrong field types give reasons")
{
    auto reason = [](const char* type, value data) {
        message m{type, std::move(data), "w"};
        if (m.type == "client_ready") return parse<client_ready>(m).error().detail;
        if (m.type == "heartbeat") return parse<heartbeat>(m).error().detail;
        if (m.type == "spawn") return parse<spawn>(m).error().detail;
        if (m.type == "ack") return parse<ack>(m).error().detail;
        if (m.type == "exception") return parse<exception_report>(m).error().detail;
        return parse<spawning_complete>(m).error().detail;
    };
    using map = value::map_type;
    CHECK(reason("client_ready", value(0)) == "client_ready: version is neither a string nor -1");
    CHECK(reason("client_ready", value()) == "client_ready: version is neither a string nor -1");
    CHECK(reason("heartbeat", value(value::array_type{})) == "heartbeat: data is not a map");
    CHECK(reason("heartbeat", value(map{{value("state"), value(1)}})) ==
          "heartbeat: 'state' is missing or not a string");
    CHECK(reason("heartbeat", value(map{{value("state"), value("ready")}, {value("current_cpu_usage"), value("x")}})) ==
          "heartbeat: 'current_cpu_usage' is missing or not a number");
    CHECK(reason("heartbeat", value(map{{value("state"), value("ready")},
                                        {value("current_cpu_usage"), value(1)},
                                        {value("current_memory_usage"), value(-5)}})) ==
          "heartbeat: 'current_memory_usage' is out of range");
    CHECK(reason("ack", value(map{{value("index"), value("0")}})) == "ack: 'index' is not a non-negative integer");
    CHECK(reason("exception", value(map{{value("msg"), value("m")}})) ==
          "exception: 'traceback' is missing or not a string");
    const map good_spawn{{value("timestamp"), value(1.0)},
                         {value("user_classes_count"), value(map{{value("A"), value(1)}})},
                         {value("host"), value()},
                         {value("stop_timeout"), value()},
                         {value("parsed_options"), value(map{})}};
    CHECK(reason("spawn", value(good_spawn)).empty());
    auto with = [&](const char* key, value v) {
        map m = good_spawn;
        for (auto& [k, item] : m)
            if (*k.as_str() == key) item = std::move(v);
        return value(std::move(m));
    };
    CHECK(reason("spawn", with("timestamp", value("now"))) == "spawn: 'timestamp' is missing or not a number");
    CHECK(reason("spawn", with("user_classes_count", value(value::array_type{}))) ==
          "spawn: user_classes_count is not a map");
    CHECK(reason("spawn", with("user_classes_count", value(map{{value(1), value(1)}}))) ==
          "spawn: user_classes_count has a key that is not a string");
    CHECK(reason("spawn", with("user_classes_count", value(map{{value("A"), value(-1)}}))) ==
          "spawn: user_classes_count['A'] is not a non-negative integer");
    CHECK(reason("spawn", with("host", value(5))) == "spawn: 'host' is neither a string nor nil");
    CHECK(reason("spawn", with("stop_timeout", value("5"))) == "spawn: 'stop_timeout' is not a non-negative number");
    CHECK(reason("spawning_complete", value(map{})) ==
          "spawning_complete: neither 'user_classes_count' nor 'user_count'");
    // boomer's shape: "count" instead of "user_count"
    auto boomer = parse<spawning_complete>(message{
        "spawning_complete", value(map{{value("count"), value(5)}, {value("user_classes_count"), value(map{})}}), "w"});
    REQUIRE(boomer);
    CHECK(boomer->user_count == 5);
}

TEST_CASE("spawn writes whole stop timeouts as ints and never a nil parsed_options")
{
    spawn s;
    s.stop_timeout = 5;
    s.parsed_options = value();
    const value v = to_value(s);
    CHECK(v.find("stop_timeout")->type() == value::kind::integer);
    CHECK(v.find("parsed_options")->as_map());
    s.stop_timeout = 0.5;
    CHECK(to_value(s).find("stop_timeout")->type() == value::kind::float64);
}
