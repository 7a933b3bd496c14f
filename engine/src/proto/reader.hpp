// A msgpack pull reader: one item at a time, straight from the frame's bytes. The value tree
// (proto::decode) is built on it, and so are decoders that fill their own types without one
// (a master's stats, where the tree's allocations were most of the cost).
#pragma once

#include "core/error.hpp"
#include "proto/value.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hornet::proto {

/// One msgpack item as read: a scalar with its value, a str/bin with a view of its bytes (into
/// the reader's input), or an array/map header with its element (pair) count.
struct item
{
    value::kind kind = value::kind::nil;
    bool boolean = false;
    bool negative = false; // integer: held in `i` (< 0) rather than `u`
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double f = 0;
    std::string_view bytes;  // str (valid UTF-8) or bin
    std::uint64_t count = 0; // array elements or map pairs
    std::size_t offset = 0;  // of the item's first byte, for messages

    /// As value's accessors: nullopt for another kind or an integer out of range.
    std::optional<std::uint64_t> as_uint64() const noexcept;
    std::optional<std::int64_t> as_int64() const noexcept;
    /// A float, or an integer converted.
    std::optional<double> as_double() const noexcept;
    /// The bytes of a str or bin (old encoders send text as bin); nullopt otherwise.
    std::optional<std::string_view> as_text() const noexcept;
};

/// Reads `bytes` item by item; it views them, so they must outlive the reader. Every error (truncation, the reserved byte 0xc1, ext types,
/// invalid UTF-8 in a str, a length larger than the bytes left, nesting deeper than the limit
/// in skip() and read_value()) is kept as the first failure and makes later reads fail too, so
/// a decoder can test once at the end of a step.
class reader
{
public:
    explicit reader(std::string_view bytes, const decode_limits& limits = {}) : bytes_(bytes), limits_(limits) {}

    /// The next item; for an array or map the caller then reads `count` elements (pairs).
    bool next(item& out);
    /// The next item, which must be of `kind` (a failure naming `what` otherwise).
    bool expect(item& out, value::kind kind, std::string_view what);
    /// Skips one whole value, nested ones included.
    bool skip() { return skip(0); }
    /// Skips the elements of an array or map whose header `it` was just read (nothing for others).
    bool skip_contents(const item& it);
    /// Reads a map key: its text, or nullopt (and the key skipped) when it is not str or bin, as
    /// value::find ignores such keys.
    bool read_key(std::optional<std::string_view>& name);
    /// Reads one whole value as a tree (for the small or open-ended parts of a message).
    bool read_value(value& out) { return read_value(out, 0); }

    /// Marks the input bad with `what` (a shape error found by the caller); returns false.
    bool fail(std::string what) { return fail(core::error::invalid_shape, std::move(what)); }
    bool fail(core::error code, std::string what);
    /// The same for a byte-level problem: " at offset N" is added.
    bool fail(core::error code, std::string what, std::size_t at)
    {
        return fail(code, what + " at offset " + std::to_string(at));
    }
    /// Puts `prefix` before a failure's detail ("stats_total: "); returns false.
    bool prefix_failure(std::string_view prefix);

    bool ok() const noexcept { return !failure_; }
    const core::failure& failure() const noexcept { return *failure_; }
    std::size_t pos() const noexcept { return pos_; }
    std::size_t remaining() const noexcept { return bytes_.size() - pos_; }
    /// The input between two positions, for a second pass over a part (a sub-reader).
    std::string_view span(std::size_t from, std::size_t to) const noexcept { return bytes_.substr(from, to - from); }
    const decode_limits& limits() const noexcept { return limits_; }
    /// All of the input; an item's str/bin bytes view it.
    std::string_view input() const noexcept { return bytes_; }

private:
    bool skip(std::size_t depth);
    bool read_value(value& out, std::size_t depth);
    bool be(std::uint64_t& v, std::size_t n);
    bool sized(item& out, value::kind kind, std::uint64_t n);

    std::string_view bytes_;
    decode_limits limits_;
    std::size_t pos_ = 0;
    std::optional<core::failure> failure_;
};

/// A name for a kind in messages ("map", "str").
std::string_view to_string(value::kind k) noexcept;

} // namespace hornet::proto
