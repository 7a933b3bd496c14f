// Reading typed values out of option text the same way for argv, env vars and config files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::cli {

std::string_view trim(std::string_view text);

/// true/1/yes/on and false/0/no/off, any case.
std::optional<bool> parse_bool(std::string_view text);

/// A whole decimal integer, optional sign, surrounding spaces allowed (Python's int()).
std::optional<std::int64_t> parse_int(std::string_view text);

/// A finite decimal number (Python's float() without inf/nan).
std::optional<double> parse_number(std::string_view text);

/// Items of "a,b", "a b", "[a, b]" or "['a', \"b\"]": brackets and quotes stripped, blanks dropped.
std::vector<std::string> split_list(std::string_view text);
/// Values of a repeatable option from one line (config file, environment): separated by ';',
/// trimmed, empty ones dropped. Expressions keep their spaces and commas.
std::vector<std::string> split_on_semicolons(std::string_view text);

} // namespace hornet::cli
