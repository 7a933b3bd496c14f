// The one reading of Locust's envelope [type, data, node_id], shared by the untyped decoder and
// the typed ones: each supplies how to read the data once the type is known.
#pragma once

#include "core/error.hpp"
#include "proto/reader.hpp"

#include <string>
#include <string_view>

namespace hornet::proto {

/// Reads a text field of the envelope: str, or bin that is valid UTF-8 (old encoders).
inline bool read_envelope_text(reader& r, std::string& out, const char* what)
{
    item it;
    if (!r.next(it)) return false;
    auto text = it.as_text();
    if (!text) return r.fail(core::error::malformed, std::string("envelope ") + what + " is not a string");
    if (it.kind == value::kind::bin && !valid_utf8(*text))
        return r.fail(core::error::malformed, std::string("envelope ") + what + " is not UTF-8");
    out.assign(*text);
    return true;
}

/// Reads one frame: `read_data(reader&, const std::string& type)` consumes exactly the data
/// value (or fails the reader). Fills `type` and `node_id`; the reader's failure otherwise.
template <class ReadData>
bool read_envelope(reader& r, std::string& type, std::string& node_id, ReadData&& read_data)
{
    item top;
    if (!r.next(top)) return false;
    if (top.kind != value::kind::array) return r.fail(core::error::malformed, "envelope is not an array");
    if (top.count != 3)
        return r.fail(core::error::malformed, "envelope has " + std::to_string(top.count) + " elements, expected 3");
    if (!read_envelope_text(r, type, "type") || !read_data(r, type) || !read_envelope_text(r, node_id, "node_id"))
        return false;
    if (r.remaining() != 0) return r.fail(core::error::malformed, "trailing bytes", r.pos());
    return true;
}

} // namespace hornet::proto
