// "Did you mean ...?" suggestions for misspelt keys, options and names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hornet::core {

/// Levenshtein distance between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace hornet::core
