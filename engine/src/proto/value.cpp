// msgpack encoder (Python msgpack 1.0 byte choices) and a decoder that distrusts its input.
#include "proto/value.hpp"

#include "proto/reader.hpp"

#include <bit>
#include <cstring>

namespace hornet::proto {

value value::binary(std::string bytes)
{
    value v;
    v.v_ = bin_bytes{std::move(bytes)};
    return v;
}

value::kind value::type() const noexcept
{
    switch (v_.index()) {
    case 0: return kind::nil;
    case 1: return kind::boolean;
    case 2:
    case 3: return kind::integer;
    case 4: return kind::float64;
    case 5: return kind::str;
    case 6: return kind::bin;
    case 7: return kind::array;
    default: return kind::map;
    }
}

std::optional<bool> value::as_bool() const noexcept
{
    if (auto* b = std::get_if<bool>(&v_)) return *b;
    return std::nullopt;
}

std::optional<std::int64_t> value::as_int64() const noexcept
{
    if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
    if (auto* u = std::get_if<std::uint64_t>(&v_))
        if (*u <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(*u);
    return std::nullopt;
}

std::optional<std::uint64_t> value::as_uint64() const noexcept
{
    if (auto* u = std::get_if<std::uint64_t>(&v_)) return *u;
    return std::nullopt;
}

std::optional<double> value::as_double() const noexcept
{
    if (auto* d = std::get_if<double>(&v_)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
    if (auto* u = std::get_if<std::uint64_t>(&v_)) return static_cast<double>(*u);
    return std::nullopt;
}

const std::string* value::as_str() const noexcept
{
    return std::get_if<std::string>(&v_);
}

const std::string* value::as_bin() const noexcept
{
    if (auto* b = std::get_if<bin_bytes>(&v_)) return &b->bytes;
    return nullptr;
}

const std::string* value::as_text() const noexcept
{
    if (auto* s = as_str()) return s;
    return as_bin();
}

const value::array_type* value::as_array() const noexcept
{
    return std::get_if<array_type>(&v_);
}

value::array_type* value::as_array() noexcept
{
    return std::get_if<array_type>(&v_);
}

const value::map_type* value::as_map() const noexcept
{
    return std::get_if<map_type>(&v_);
}

value::map_type* value::as_map() noexcept
{
    return std::get_if<map_type>(&v_);
}

const value* value::find(std::string_view key) const noexcept
{
    const map_type* m = as_map();
    if (!m) return nullptr;
    for (auto it = m->rbegin(); it != m->rend(); ++it) {
        const std::string* k = it->first.as_text();
        if (k && *k == key) return &it->second;
    }
    return nullptr;
}

bool operator==(const value& a, const value& b)
{
    return a.v_ == b.v_;
}

//------------------------------------------------------------------------------
// Encoder

namespace {

void put_be(std::string& out, std::uint64_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void put_header(std::string& out, std::size_t n, std::uint8_t fix_base, std::size_t fix_max, std::uint8_t code8,
                std::uint8_t code16, std::uint8_t code32)
{
    if (n <= fix_max) {
        out += static_cast<char>(fix_base | n);
    } else if (code8 && n <= 0xff) {
        out += static_cast<char>(code8);
        put_be(out, n, 1);
    } else if (n <= 0xffff) {
        out += static_cast<char>(code16);
        put_be(out, n, 2);
    } else {
        out += static_cast<char>(code32);
        put_be(out, n, 4);
    }
}

} // namespace

void encode(const value& v, std::string& out)
{
    switch (v.type()) {
    case value::kind::nil: out += '\xc0'; return;
    case value::kind::boolean: out += *v.as_bool() ? '\xc3' : '\xc2'; return;
    case value::kind::integer:
        if (auto u = v.as_uint64()) {
            if (*u < 0x80) {
                out += static_cast<char>(*u);
            } else if (*u <= 0xff) {
                out += '\xcc';
                put_be(out, *u, 1);
            } else if (*u <= 0xffff) {
                out += '\xcd';
                put_be(out, *u, 2);
            } else if (*u <= 0xffffffffULL) {
                out += '\xce';
                put_be(out, *u, 4);
            } else {
                out += '\xcf';
                put_be(out, *u, 8);
            }
        } else {
            const std::int64_t i = *v.as_int64();
            const auto bits = static_cast<std::uint64_t>(i);
            if (i >= -32) {
                out += static_cast<char>(bits & 0xff);
            } else if (i >= -128) {
                out += '\xd0';
                put_be(out, bits, 1);
            } else if (i >= -32768) {
                out += '\xd1';
                put_be(out, bits, 2);
            } else if (i >= INT32_MIN) {
                out += '\xd2';
                put_be(out, bits, 4);
            } else {
                out += '\xd3';
                put_be(out, bits, 8);
            }
        }
        return;
    case value::kind::float64:
        out += '\xcb';
        put_be(out, std::bit_cast<std::uint64_t>(*v.as_double()), 8);
        return;
    case value::kind::str: {
        const std::string& s = *v.as_str();
        put_header(out, s.size(), 0xa0, 31, 0xd9, 0xda, 0xdb);
        out += s;
        return;
    }
    case value::kind::bin: {
        const std::string& s = *v.as_bin();
        if (s.size() <= 0xff) {
            out += '\xc4';
            put_be(out, s.size(), 1);
        } else if (s.size() <= 0xffff) {
            out += '\xc5';
            put_be(out, s.size(), 2);
        } else {
            out += '\xc6';
            put_be(out, s.size(), 4);
        }
        out += s;
        return;
    }
    case value::kind::array: {
        const auto& a = *v.as_array();
        put_header(out, a.size(), 0x90, 15, 0, 0xdc, 0xdd);
        for (const auto& item : a) encode(item, out);
        return;
    }
    case value::kind::map: {
        const auto& m = *v.as_map();
        put_header(out, m.size(), 0x80, 15, 0, 0xde, 0xdf);
        for (const auto& [k, item] : m) {
            encode(k, out);
            encode(item, out);
        }
        return;
    }
    }
}

std::string encode(const value& v)
{
    std::string out;
    encode(v, out);
    return out;
}

//------------------------------------------------------------------------------
// Decoder

core::result<value> decode(std::string_view bytes, const decode_limits& limits)
{
    reader r(bytes, limits);
    value v;
    if (r.read_value(v) && r.remaining() != 0) r.fail(core::error::malformed, "trailing bytes", r.pos());
    if (!r.ok()) return r.failure();
    return v;
}

} // namespace hornet::proto
