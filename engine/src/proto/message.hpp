// Locust's wire envelope: one msgpack array [type, data, node_id] per ZeroMQ frame.
#pragma once

#include "core/error.hpp"
#include "proto/value.hpp"

#include <string>
#include <string_view>

namespace hornet::proto {

/// One protocol message. `node_id` is the worker id in both directions (the addressee in
/// master -> worker messages).
struct message
{
    std::string type;
    value data;
    std::string node_id;

    friend bool operator==(const message&, const message&) = default;
};

/// The msgpack bytes of [type, data, node_id], exactly as Python's msgpack.dumps((t, d, n)).
std::string encode_message(const message& m);

/// Decodes one frame. Errors, never exceptions: anything decode() rejects, a top level that is
/// not an array of exactly 3, a type or node_id that is not text (str, or bin for robustness,
/// which must then be valid UTF-8). Unknown type strings are not errors here: the caller logs
/// and ignores them, as Locust does.
core::result<message> decode_message(std::string_view bytes, const decode_limits& limits = {});

} // namespace hornet::proto
