// A msgpack value as Locust's Python peers produce and expect it, and its byte codec.
#pragma once

#include "core/py_repr.hpp"

#include "core/error.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hornet::proto {

/// One msgpack value: nil, bool, integer, float64, str, bin, array or map.
///
/// Integers keep their mathematical value (non-negative ones are held unsigned, negative ones
/// signed) because msgpack, like Python, has one integer type in several widths. Maps keep
/// insertion order and accept keys of any type: Locust sends int and float keys.
class value
{
public:
    enum class kind : std::uint8_t { nil, boolean, integer, float64, str, bin, array, map };

    using array_type = std::vector<value>;
    using map_type = std::vector<std::pair<value, value>>;

    value() = default;
    value(std::nullptr_t) {}
    value(bool b) : v_(b) {}
    template <std::integral I>
    requires(!std::same_as<I, bool>) value(I i)
    {
        if constexpr (std::is_signed_v<I>) {
            if (i < 0) {
                v_ = static_cast<std::int64_t>(i);
                return;
            }
        }
        v_ = static_cast<std::uint64_t>(i);
    }
    value(double d) : v_(d) {}
    value(std::string s) : v_(std::move(s)) {}
    value(std::string_view s) : v_(std::string(s)) {}
    value(const char* s) : v_(std::string(s)) {}
    value(array_type a) : v_(std::move(a)) {}
    value(map_type m) : v_(std::move(m)) {}

    /// A msgpack bin (Python bytes).
    static value binary(std::string bytes);

    kind type() const noexcept;
    bool is_nil() const noexcept { return v_.index() == 0; }
    bool is_integer() const noexcept { return v_.index() == 2 || v_.index() == 3; }
    /// Integer or float.
    bool is_number() const noexcept { return is_integer() || v_.index() == 4; }

    std::optional<bool> as_bool() const noexcept;
    /// The integer if it fits; nullopt for other kinds (floats included).
    std::optional<std::int64_t> as_int64() const noexcept;
    std::optional<std::uint64_t> as_uint64() const noexcept;
    /// The float64, or an integer converted to double.
    std::optional<double> as_double() const noexcept;
    /// The text of a str; nullptr otherwise.
    const std::string* as_str() const noexcept;
    /// The bytes of a bin; nullptr otherwise.
    const std::string* as_bin() const noexcept;
    /// str or bin: peers should send str, but old encoders send text as raw bytes.
    const std::string* as_text() const noexcept;
    const array_type* as_array() const noexcept;
    array_type* as_array() noexcept;
    const map_type* as_map() const noexcept;
    map_type* as_map() noexcept;

    /// For a map: the value of the last pair whose key is the text `key` (str or bin), as a
    /// Python dict built from the same pairs would hold it; nullptr if absent or not a map.
    const value* find(std::string_view key) const noexcept;

    /// Same kind (integers by value, whatever their width) and equal contents, recursively.
    friend bool operator==(const value& a, const value& b);

private:
    struct bin_bytes
    {
        std::string bytes;
        friend bool operator==(const bin_bytes&, const bin_bytes&) = default;
    };

    // Index order is relied on by the accessors: 0 nil, 1 bool, 2 negative int, 3 non-negative
    // int, 4 float, 5 str, 6 bin, 7 array, 8 map.
    std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double, std::string, bin_bytes, array_type,
                 map_type>
        v_;
};

/// Appends the msgpack bytes of `v` with Python msgpack 1.0's choices (use_bin_type=True):
/// the smallest int, str, array and map headers; floats always float64.
void encode(const value& v, std::string& out);
std::string encode(const value& v);

/// Bounds for untrusted input.
struct decode_limits
{
    std::size_t max_depth = 64; // nested arrays/maps
};

/// Decodes exactly one value spanning all of `bytes`. Errors (never exceptions) for truncated
/// input, trailing bytes, the reserved byte 0xc1, ext types, invalid UTF-8 in a str, nesting
/// deeper than the limit and lengths larger than the bytes that remain (checked before any
/// allocation).
core::result<value> decode(std::string_view bytes, const decode_limits& limits = {});

/// Whether `text` is well-formed UTF-8 as Python's strict decoder sees it (no overlong forms,
/// no surrogates, nothing above U+10FFFF).

using core::valid_utf8; // strings on the wire must be UTF-8

} // namespace hornet::proto
