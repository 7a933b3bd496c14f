// Typed payloads: building data values in Locust's key order, and checking what peers send.
#include "proto/messages.hpp"

#include <array>
#include <cmath>

namespace hornet::proto {

namespace {

core::failure shape(std::string why)
{
    return {core::error::invalid_shape, std::move(why)};
}

const value::map_type* as_map_or(const value& data, std::string& why)
{
    const value::map_type* m = data.as_map();
    if (!m) why = "data is not a map";
    return m;
}

bool text_of(const value& data, std::string_view key, std::string& out, std::string& why)
{
    const value* v = data.find(key);
    const std::string* s = v ? v->as_text() : nullptr;
    if (!s) {
        why = "'" + std::string(key) + "' is missing or not a string";
        return false;
    }
    out = *s;
    return true;
}

bool number_of(const value& data, std::string_view key, double& out, std::string& why)
{
    const value* v = data.find(key);
    auto d = v ? v->as_double() : std::nullopt;
    if (!d) {
        why = "'" + std::string(key) + "' is missing or not a number";
        return false;
    }
    out = *d;
    return true;
}

bool count_of(const value& data, std::string_view key, std::int64_t& out, std::string& why)
{
    const value* v = data.find(key);
    auto i = v ? v->as_int64() : std::nullopt;
    if (!i || *i < 0) {
        why = "'" + std::string(key) + "' is missing or not a non-negative integer";
        return false;
    }
    out = *i;
    return true;
}

} // namespace

value to_value(const class_counts& counts)
{
    value::map_type m;
    m.reserve(counts.size());
    for (const auto& [name, n] : counts) m.emplace_back(value(name), value(n));
    return value(std::move(m));
}

core::result<void> class_counts_from_value(const value& data, class_counts& out)
{
    const value::map_type* m = data.as_map();
    if (!m) return shape("user_classes_count is not a map");
    out.clear();
    out.reserve(m->size());
    for (const auto& [k, v] : *m) {
        const std::string* name = k.as_text();
        auto n = v.as_int64();
        if (!name) return shape("user_classes_count has a key that is not a string");
        if (!n || *n < 0) return shape("user_classes_count['" + *name + "'] is not a non-negative integer");
        out.emplace_back(*name, *n);
    }
    return {};
}

//------------------------------------------------------------------------------

value to_value(const client_ready& p)
{
    if (p.any_version) return value(-1);
    return value(p.version);
}

core::result<void> from_value(const value& data, client_ready& out)
{
    if (const std::string* s = data.as_text()) {
        out.version = *s;
        out.any_version = false;
        return {};
    }
    if (data.as_int64() == std::int64_t{-1}) {
        out.version.clear();
        out.any_version = true;
        return {};
    }
    return shape("version is neither a string nor -1");
}

value to_value(const ack& p)
{
    if (!p.index) return value();
    value::map_type m{{value("index"), value(*p.index)}};
    if (p.hornet_version) m.emplace_back(value("hornet_version"), value(*p.hornet_version));
    return value(std::move(m));
}

core::result<void> from_value(const value& data, ack& out)
{
    out.index.reset();
    out.hornet_version.reset();
    if (data.is_nil()) return {};
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    if (const value* v = data.find("hornet_version"); v && v->as_text()) out.hornet_version = *v->as_text();
    const value* index = data.find("index");
    if (!index) return {};
    auto i = index->as_int64();
    if (!i || *i < 0) return shape("'index' is not a non-negative integer");
    out.index = *i;
    return {};
}

value to_value(const heartbeat& p)
{
    value::map_type m{
        {value("state"), value(p.state)},
        {value("current_cpu_usage"), value(p.current_cpu_usage)},
        {value("current_memory_usage"), value(p.current_memory_usage)},
    };
    if (!p.hornet_version.empty()) m.emplace_back(value("hornet_version"), value(p.hornet_version));
    return value(std::move(m));
}

core::result<void> from_value(const value& data, heartbeat& out)
{
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    if (!text_of(data, "state", out.state, why)) return shape(std::move(why));
    if (!number_of(data, "current_cpu_usage", out.current_cpu_usage, why)) return shape(std::move(why));
    double memory = 0;
    if (!number_of(data, "current_memory_usage", memory, why)) return shape(std::move(why));
    if (!(memory >= 0) || memory > 1.8e19) return shape("'current_memory_usage' is out of range");
    out.current_memory_usage =
        data.find("current_memory_usage")->as_uint64().value_or(static_cast<std::uint64_t>(memory));
    out.hornet_version.clear();
    if (const value* v = data.find("hornet_version")) {
        const std::string* text = v->as_str();
        if (!text) return shape("'hornet_version' is not a string");
        out.hornet_version = *text;
    }
    return {};
}

value to_value(const heartbeat_reply&)
{
    return value();
}

core::result<void> from_value(const value&, heartbeat_reply&)
{
    return {};
}

value to_value(const spawn& p)
{
    value stop_timeout;
    if (p.stop_timeout) {
        const double t = *p.stop_timeout;
        if (t == std::floor(t) && std::fabs(t) < 9.0e15)
            stop_timeout = value(static_cast<std::int64_t>(t));
        else
            stop_timeout = value(t);
    }
    return value(value::map_type{
        {value("timestamp"), value(p.timestamp)},
        {value("user_classes_count"), to_value(p.user_classes_count)},
        {value("host"), p.host ? value(*p.host) : value()},
        {value("stop_timeout"), std::move(stop_timeout)},
        {value("parsed_options"), p.parsed_options.as_map() ? p.parsed_options : value(value::map_type{})},
    });
}

core::result<void> from_value(const value& data, spawn& out)
{
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    if (!number_of(data, "timestamp", out.timestamp, why)) return shape(std::move(why));
    const value* ucc = data.find("user_classes_count");
    if (!ucc) return shape("'user_classes_count' is missing");
    if (auto r = class_counts_from_value(*ucc, out.user_classes_count); !r) return r;
    out.host.reset();
    if (const value* host = data.find("host"); host && !host->is_nil()) {
        const std::string* s = host->as_text();
        if (!s) return shape("'host' is neither a string nor nil");
        out.host = *s;
    }
    out.stop_timeout.reset();
    if (const value* t = data.find("stop_timeout"); t && !t->is_nil()) {
        auto d = t->as_double();
        if (!d || !std::isfinite(*d) || *d < 0) return shape("'stop_timeout' is not a non-negative number");
        out.stop_timeout = *d;
    }
    const value* options = data.find("parsed_options");
    out.parsed_options = options && options->as_map() ? *options : value(value::map_type{});
    return {};
}

value to_value(const spawning&)
{
    return value();
}

core::result<void> from_value(const value&, spawning&)
{
    return {};
}

value to_value(const spawning_complete& p)
{
    value::map_type m;
    if (p.user_classes_count) m.emplace_back(value("user_classes_count"), to_value(*p.user_classes_count));
    m.emplace_back(value("user_count"), value(p.user_count));
    return value(std::move(m));
}

core::result<void> from_value(const value& data, spawning_complete& out)
{
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    out.user_classes_count.reset();
    if (const value* ucc = data.find("user_classes_count")) {
        class_counts counts;
        if (auto r = class_counts_from_value(*ucc, counts); !r) return r;
        out.user_classes_count = std::move(counts);
    }
    for (std::string_view key : {"user_count", "count"}) { // boomer says "count"
        if (!data.find(key)) continue;
        if (!count_of(data, key, out.user_count, why)) return shape(std::move(why));
        return {};
    }
    if (!out.user_classes_count) return shape("neither 'user_classes_count' nor 'user_count'");
    out.user_count = 0;
    for (const auto& [name, n] : *out.user_classes_count)
        out.user_count = n > INT64_MAX - out.user_count ? INT64_MAX : out.user_count + n;
    return {};
}

value to_value(const exception_report& p)
{
    return value(value::map_type{{value("msg"), value(p.msg)}, {value("traceback"), value(p.traceback)}});
}

core::result<void> from_value(const value& data, exception_report& out)
{
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    if (!text_of(data, "msg", out.msg, why) || !text_of(data, "traceback", out.traceback, why))
        return shape(std::move(why));
    return {};
}

value to_value(const worker_logs& p)
{
    value::array_type lines;
    lines.reserve(p.logs.size());
    for (const auto& l : p.logs) lines.emplace_back(l);
    return value(value::map_type{{value("worker_id"), value(p.worker_id)}, {value("logs"), value(std::move(lines))}});
}

core::result<void> from_value(const value& data, worker_logs& out)
{
    std::string why;
    if (!as_map_or(data, why)) return shape(std::move(why));
    if (!text_of(data, "worker_id", out.worker_id, why)) return shape(std::move(why));
    const value* v = data.find("logs");
    const value::array_type* lines = v ? v->as_array() : nullptr;
    if (!lines) return shape("'logs' is missing or not a list");
    out.logs.clear();
    out.logs.reserve(lines->size());
    for (const auto& l : *lines) {
        const std::string* s = l.as_text();
        if (!s) return shape("'logs' has an element that is not a string");
        out.logs.push_back(*s);
    }
    return {};
}

value to_value(const client_stopped&)
{
    return value();
}
value to_value(const quit&)
{
    return value();
}
value to_value(const stop&)
{
    return value();
}
value to_value(const reconnect&)
{
    return value();
}
// Locust ignores the data of these; so do we.
core::result<void> from_value(const value&, client_stopped&)
{
    return {};
}
core::result<void> from_value(const value&, quit&)
{
    return {};
}
core::result<void> from_value(const value&, stop&)
{
    return {};
}
core::result<void> from_value(const value&, reconnect&)
{
    return {};
}

bool known_type(std::string_view type) noexcept
{
    static constexpr std::array<std::string_view, 13> types{
        "client_ready",   "ack",  "heartbeat", "spawn",     "spawning", "spawning_complete", "exception", "stats",
        "client_stopped", "quit", "stop",      "reconnect", "logs"};
    for (auto t : types)
        if (t == type) return true;
    return false;
}

} // namespace hornet::proto
