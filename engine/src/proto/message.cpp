// Envelope encode/decode.
#include "proto/message.hpp"

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

namespace {

result<std::string> text_field(const value& v, const char* what)
{
    const std::string* s = v.as_text();
    if (!s) return error{std::string("envelope ") + what + " is not a string"};
    if (v.as_bin() && !valid_utf8(*s)) return error{std::string("envelope ") + what + " is not UTF-8"};
    return *s;
}

} // namespace

result<message> decode_message(std::string_view bytes, const decode_limits& limits)
{
    auto decoded = decode(bytes, limits);
    if (!decoded) return error{decoded.error_message()};
    value::array_type* items = decoded->as_array();
    if (!items) return error{"envelope is not an array"};
    if (items->size() != 3)
        return error{"envelope has " + std::to_string(items->size()) + " elements, expected 3"};
    auto type = text_field((*items)[0], "type");
    if (!type) return error{type.error_message()};
    auto node_id = text_field((*items)[2], "node_id");
    if (!node_id) return error{node_id.error_message()};
    return message{std::move(*type), std::move((*items)[1]), std::move(*node_id)};
}

} // namespace hornet::proto
