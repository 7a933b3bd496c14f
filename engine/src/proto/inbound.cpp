// Typed decoding of whole frames, one per direction.
#include "proto/inbound.hpp"

#include "proto/envelope.hpp"

namespace hornet::proto {

namespace {

// Types Locust peers send that no handler here acts on (-f - asks for the locustfile, newer
// masters' update_user_class).
bool other_protocol_type(std::string_view t) noexcept
{
    return known_type(t) || t == "locustfile" || t == "update_user_class";
}

// The small payloads go through a value: they are a few fields, and from_value holds their rules.
template <class Payload, class Body>
bool payload_from(reader& r, const value& data, Body& body)
{
    if (auto ok = from_value(data, body.template emplace<Payload>()); !ok)
        return r.fail(std::string(Payload::type_name) + ": " + ok.error().detail);
    return true;
}

template <class Payload, class Body>
bool read_payload(reader& r, Body& body)
{
    value data;
    return r.read_value(data) && payload_from<Payload>(r, data, body);
}

template <class Body>
bool read_unhandled(reader& r, Body& body, const std::string& type)
{
    body = unhandled{type, other_protocol_type(type)};
    return r.skip();
}

template <class Message, class ReadData>
core::result<Message> decode_typed(std::string_view bytes, const decode_limits& limits, ReadData&& read_data)
{
    reader r(bytes, limits);
    Message m;
    std::string type;
    read_envelope(r, type, m.node_id, [&](reader& data, const std::string& t) { return read_data(data, t, m.body); });
    if (r.ok()) return m;
    if (r.failure().code != core::error::invalid_shape || type.empty()) return r.failure();
    m.node_id.clear();
    m.body = malformed{std::move(type), r.failure()};
    return m;
}

} // namespace

core::result<worker_message> decode_worker_message(std::string_view bytes, const decode_limits& limits)
{
    using body_type = worker_message::body_type;
    return decode_typed<worker_message>(bytes, limits, [](reader& r, const std::string& t, body_type& body) {
        if (t == stats_payload::type_name)
            return read_stats_payload(r, body.emplace<stats_payload>()) || r.prefix_failure("stats: ");
        if (t == heartbeat::type_name) return read_payload<heartbeat>(r, body);
        if (t == client_ready::type_name) {
            value data;
            if (!r.read_value(data)) return false;
            // Workers before 2.0 said hello with nil, False or 0: a case of its own, for its message.
            if (data.is_nil() || data.as_bool() == false || data.as_int64() == std::int64_t{0}) {
                body = old_worker_hello{};
                return true;
            }
            return payload_from<client_ready>(r, data, body);
        }
        if (t == exception_report::type_name) return read_payload<exception_report>(r, body);
        if (t == spawning::type_name) return read_payload<spawning>(r, body);
        if (t == spawning_complete::type_name) return read_payload<spawning_complete>(r, body);
        if (t == client_stopped::type_name) return read_payload<client_stopped>(r, body);
        if (t == quit::type_name) return read_payload<quit>(r, body);
        if (t == worker_logs::type_name) return read_payload<worker_logs>(r, body);
        return read_unhandled(r, body, t);
    });
}

core::result<master_message> decode_master_message(std::string_view bytes, const decode_limits& limits)
{
    using body_type = master_message::body_type;
    return decode_typed<master_message>(bytes, limits, [](reader& r, const std::string& t, body_type& body) {
        if (t == spawn::type_name) return read_payload<spawn>(r, body);
        if (t == heartbeat_reply::type_name) return read_payload<heartbeat_reply>(r, body);
        if (t == ack::type_name) return read_payload<ack>(r, body);
        if (t == stop::type_name) return read_payload<stop>(r, body);
        if (t == quit::type_name) return read_payload<quit>(r, body);
        if (t == reconnect::type_name) return read_payload<reconnect>(r, body);
        return read_unhandled(r, body, t);
    });
}

std::string_view type_of(const worker_message::body_type& body) noexcept
{
    return std::visit(
        [](const auto& b) -> std::string_view {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, unhandled> || std::is_same_v<T, malformed>)
                return b.type;
            else if constexpr (std::is_same_v<T, old_worker_hello>)
                return client_ready::type_name;
            else
                return T::type_name;
        },
        body);
}

} // namespace hornet::proto
