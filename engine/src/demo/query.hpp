// Small, allocation-light parsers for the parts of a request the demo endpoints read: query strings and cookies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::demo {

using name_value_list = std::vector<std::pair<std::string, std::string>>;

/// Decodes %XX escapes (and '+' as a space when plus_is_space); a malformed escape is kept as is.
std::string percent_decode(std::string_view text, bool plus_is_space);

/// All "name=value" pairs of a query string, decoded, in order; a bare "name" has an empty value.
name_value_list parse_query(std::string_view query);

/// The decoded value of the first query parameter called name.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

/// All cookies of one Cookie header value ("a=1; b=2"), in order, values not decoded.
name_value_list parse_cookies(std::string_view header);

/// Parses a non-negative decimal number that fits in 64 bits; nothing else (no sign, no spaces).
std::optional<std::uint64_t> parse_uint(std::string_view text);

} // namespace hornet::demo
