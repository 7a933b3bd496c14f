// Python's repr() of a str, and UTF-8 validation: error texts in Locust's shape, and the
// SHA-256 error keys that must equal Python's byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace hornet::core {

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool valid_utf8(std::string_view text) noexcept;

/// Python's repr() of a str: single quotes unless the text holds ' and no ", backslash escapes
/// for the quote, backslash, \n \r \t, and \xNN / \uNNNN / \UNNNNNNNN for what
/// str.isprintable() rejects. Invalid UTF-8 is escaped byte by byte.
std::string py_repr(std::string_view text);

} // namespace hornet::core
