// Where each value of a JSON text starts (line, column), by JSON pointer: so an error found in
// the parsed document can name the place a person has to edit.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace hornet::scenario {

struct text_position
{
    int line = 1;
    int column = 1;
};

class source_map
{
public:
    /// Indexes a JSON text that has already parsed successfully.
    explicit source_map(std::string_view text);

    /// Position of the value at `pointer` ("" = root, "/users/0/name"); for a missing
    /// pointer, the position of its nearest existing parent.
    text_position at(std::string pointer) const;

    /// Position of the key `key` inside the object at `object_pointer` (for unknown keys).
    text_position key_at(const std::string& object_pointer, const std::string& key) const;

    /// Position of byte `offset` of the string value at `pointer`, whose decoded text is
    /// `value`. When the string was written with escapes, decoded offsets do not map to
    /// columns: the position of the string's opening quote is returned instead.
    text_position in_string(const std::string& pointer, std::string_view value, std::size_t offset) const;

    /// Same for a key of the object at `object_pointer`.
    text_position in_key(const std::string& object_pointer, const std::string& key, std::size_t offset) const;

    /// Line and column of a byte offset in the text.
    static text_position position_of(std::string_view text, std::size_t offset);

private:
    std::unordered_map<std::string, text_position> values_;
    std::unordered_map<std::string, text_position> keys_;
    std::unordered_set<std::string> escaped_values_; ///< string values written with a backslash
    std::unordered_set<std::string> escaped_keys_;   ///< keys written with a backslash
};

/// Escapes a key for use in a JSON pointer (~ → ~0, / → ~1).
std::string pointer_escape(std::string_view key);

} // namespace hornet::scenario
