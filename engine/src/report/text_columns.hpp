// Padding like Python's "%-Ns" / "%Ns": widths count code points, not UTF-8 bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::report {

/// Number of Unicode code points in UTF-8 text (what Python's str formatting pads by).
std::size_t display_length(std::string_view text) noexcept;

/// "%-Ns": text then spaces up to `width` code points; never truncates.
std::string pad_right(std::string_view text, std::size_t width);
/// "%Ns": spaces then text up to `width` code points; never truncates.
std::string pad_left(std::string_view text, std::size_t width);

/// Hornet's own tables (thresholds, comparisons): the first row is the header; every column is
/// as wide as its widest cell plus two spaces (the last is not padded); a dashed rule under the
/// header and after the last row.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows);

} // namespace hornet::report
