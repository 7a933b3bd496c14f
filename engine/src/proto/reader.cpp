// msgpack item reader.
#include "proto/reader.hpp"

#include <bit>
#include <limits>

namespace hornet::proto {

std::string_view to_string(value::kind k) noexcept
{
    switch (k) {
    case value::kind::nil: return "nil";
    case value::kind::boolean: return "bool";
    case value::kind::integer: return "integer";
    case value::kind::float64: return "float";
    case value::kind::str: return "str";
    case value::kind::bin: return "bin";
    case value::kind::array: return "array";
    case value::kind::map: return "map";
    }
    return "?";
}

std::optional<std::uint64_t> item::as_uint64() const noexcept
{
    if (kind != value::kind::integer || negative) return std::nullopt;
    return u;
}

std::optional<std::int64_t> item::as_int64() const noexcept
{
    if (kind != value::kind::integer) return std::nullopt;
    if (negative) return i;
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(u);
}

std::optional<double> item::as_double() const noexcept
{
    if (kind == value::kind::float64) return f;
    if (kind != value::kind::integer) return std::nullopt;
    return negative ? static_cast<double>(i) : static_cast<double>(u);
}

std::optional<std::string_view> item::as_text() const noexcept
{
    if (kind != value::kind::str && kind != value::kind::bin) return std::nullopt;
    return bytes;
}

bool reader::fail(core::error code, std::string what)
{
    if (!failure_) failure_.emplace(code, std::move(what));
    return false;
}

bool reader::be(std::uint64_t& v, std::size_t n)
{
    if (remaining() < n) return fail(core::error::malformed, "truncated input", pos_);
    v = 0;
    for (std::size_t k = 0; k < n; ++k) v = (v << 8) | static_cast<std::uint8_t>(bytes_[pos_ + k]);
    pos_ += n;
    return true;
}

// A str, bin, array or map of n bytes, elements or pairs: every element takes at least one
// byte, so a count larger than what is left is a lie, refused before anyone allocates for it.
bool reader::sized(item& out, value::kind kind, std::uint64_t n)
{
    out.kind = kind;
    switch (kind) {
    case value::kind::array:
        if (n > remaining()) return fail(core::error::malformed, "array length larger than the input", out.offset);
        out.count = n;
        return true;
    case value::kind::map:
        if (n > remaining() / 2) return fail(core::error::malformed, "map length larger than the input", out.offset);
        out.count = n;
        return true;
    default: break;
    }
    const bool text = kind == value::kind::str;
    if (n > remaining())
        return fail(core::error::malformed,
                    text ? "str length larger than the input" : "bin length larger than the input", out.offset);
    out.bytes = bytes_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    if (text && !valid_utf8(out.bytes)) return fail(core::error::malformed, "invalid UTF-8 in str", out.offset);
    return true;
}

bool reader::next(item& out)
{
    if (failure_) return false;
    out = item();
    out.offset = pos_;
    if (remaining() < 1) return fail(core::error::malformed, "truncated input", pos_);
    const auto c = static_cast<std::uint8_t>(bytes_[pos_++]);
    auto unsigned_int = [&](std::size_t n) {
        out.kind = value::kind::integer;
        return be(out.u, n);
    };
    auto signed_int = [&](std::size_t n) {
        std::uint64_t v = 0;
        if (!be(v, n)) return false;
        const unsigned shift = static_cast<unsigned>(64 - 8 * n);
        // Sign-extend the n-byte two's complement value; non-negative ones are held unsigned.
        const auto s = static_cast<std::int64_t>(v << shift) >> shift;
        out.kind = value::kind::integer;
        if (s < 0) {
            out.negative = true;
            out.i = s;
        } else {
            out.u = static_cast<std::uint64_t>(s);
        }
        return true;
    };
    if (c <= 0x7f) {
        out.kind = value::kind::integer;
        out.u = c;
        return true;
    }
    if (c >= 0xe0) {
        out.kind = value::kind::integer;
        out.negative = true;
        out.i = static_cast<std::int8_t>(c);
        return true;
    }
    if ((c & 0xe0) == 0xa0) return sized(out, value::kind::str, c & 0x1f);
    if ((c & 0xf0) == 0x90) return sized(out, value::kind::array, c & 0x0f);
    if ((c & 0xf0) == 0x80) return sized(out, value::kind::map, c & 0x0f);
    std::uint64_t n = 0;
    switch (c) {
    case 0xc0: out.kind = value::kind::nil; return true;
    case 0xc2: out.kind = value::kind::boolean; return true;
    case 0xc3:
        out.kind = value::kind::boolean;
        out.boolean = true;
        return true;
    case 0xc4: return be(n, 1) && sized(out, value::kind::bin, n);
    case 0xc5: return be(n, 2) && sized(out, value::kind::bin, n);
    case 0xc6: return be(n, 4) && sized(out, value::kind::bin, n);
    case 0xca:
        if (!be(n, 4)) return false;
        out.kind = value::kind::float64;
        out.f = static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(n)));
        return true;
    case 0xcb:
        if (!be(n, 8)) return false;
        out.kind = value::kind::float64;
        out.f = std::bit_cast<double>(n);
        return true;
    case 0xcc: return unsigned_int(1);
    case 0xcd: return unsigned_int(2);
    case 0xce: return unsigned_int(4);
    case 0xcf: return unsigned_int(8);
    case 0xd0: return signed_int(1);
    case 0xd1: return signed_int(2);
    case 0xd2: return signed_int(4);
    case 0xd3: return signed_int(8);
    case 0xd9: return be(n, 1) && sized(out, value::kind::str, n);
    case 0xda: return be(n, 2) && sized(out, value::kind::str, n);
    case 0xdb: return be(n, 4) && sized(out, value::kind::str, n);
    case 0xdc: return be(n, 2) && sized(out, value::kind::array, n);
    case 0xdd: return be(n, 4) && sized(out, value::kind::array, n);
    case 0xde: return be(n, 2) && sized(out, value::kind::map, n);
    case 0xdf: return be(n, 4) && sized(out, value::kind::map, n);
    case 0xc1: return fail(core::error::malformed, "reserved byte 0xc1", out.offset);
    default: return fail(core::error::malformed, "unsupported ext type", out.offset); // Locust never sends them
    }
}

bool reader::expect(item& out, value::kind kind, std::string_view what)
{
    if (!next(out)) return false;
    if (out.kind == kind) return true;
    return fail(std::string(what) + " is not a " + std::string(to_string(kind)));
}

bool reader::prefix_failure(std::string_view prefix)
{
    if (failure_) *failure_ = failure_->prefixed(prefix);
    return false;
}

bool reader::skip_contents(const item& it)
{
    if (it.kind != value::kind::array && it.kind != value::kind::map) return true;
    const std::uint64_t n = it.kind == value::kind::map ? 2 * it.count : it.count;
    for (std::uint64_t k = 0; k < n; ++k)
        if (!skip(1)) return false;
    return true;
}

bool reader::read_key(std::optional<std::string_view>& name)
{
    item it;
    if (!next(it)) return false;
    name = it.as_text();
    return name || skip_contents(it);
}

bool reader::skip(std::size_t depth)
{
    item it;
    if (!next(it)) return false;
    if (it.kind != value::kind::array && it.kind != value::kind::map) return true;
    if (depth >= limits_.max_depth)
        return fail(core::error::limit_exceeded, "nesting deeper than the limit", it.offset);
    const std::uint64_t n = it.kind == value::kind::map ? 2 * it.count : it.count;
    for (std::uint64_t k = 0; k < n; ++k)
        if (!skip(depth + 1)) return false;
    return true;
}

bool reader::read_value(value& out, std::size_t depth)
{
    item it;
    if (!next(it)) return false;
    switch (it.kind) {
    case value::kind::nil: out = value(); return true;
    case value::kind::boolean: out = value(it.boolean); return true;
    case value::kind::integer: out = it.negative ? value(it.i) : value(it.u); return true;
    case value::kind::float64: out = value(it.f); return true;
    case value::kind::str: out = value(std::string(it.bytes)); return true;
    case value::kind::bin: out = value::binary(std::string(it.bytes)); return true;
    case value::kind::array:
    case value::kind::map: break;
    }
    if (depth >= limits_.max_depth)
        return fail(core::error::limit_exceeded, "nesting deeper than the limit", it.offset);
    if (it.kind == value::kind::array) {
        value::array_type items;
        items.reserve(static_cast<std::size_t>(it.count));
        for (std::uint64_t k = 0; k < it.count; ++k) {
            items.emplace_back();
            if (!read_value(items.back(), depth + 1)) return false;
        }
        out = value(std::move(items));
        return true;
    }
    value::map_type pairs;
    pairs.reserve(static_cast<std::size_t>(it.count));
    for (std::uint64_t k = 0; k < it.count; ++k) {
        pairs.emplace_back();
        if (!read_value(pairs.back().first, depth + 1) || !read_value(pairs.back().second, depth + 1)) return false;
    }
    out = value(std::move(pairs));
    return true;
}

} // namespace hornet::proto
