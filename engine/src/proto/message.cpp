// Envelope encode/decode.
#include "proto/message.hpp"

#include "proto/envelope.hpp"

namespace hornet::proto {

std::string encode_message(const message& m)
{
    std::string out;
    out += '\x93';
    encode(value(m.type), out);
    encode(m.data, out);
    encode(value(m.node_id), out);
    return out;
}

core::result<message> decode_message(std::string_view bytes, const decode_limits& limits)
{
    reader r(bytes, limits);
    message m;
    read_envelope(r, m.type, m.node_id, [&](reader& data, const std::string&) { return data.read_value(m.data); });
    if (!r.ok()) return r.failure();
    return m;
}

} // namespace hornet::proto
