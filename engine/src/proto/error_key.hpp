// Locust's key for an error row (StatsError.create_key), so Python and Hornet workers' errors merge.
#pragma once

#include <string>
#include <string_view>

namespace hornet::proto {

/// Python's repr() of a str: quotes chosen as Python does, backslash escapes for quotes,
/// backslashes, \t \n \r and non-printable code points (\xNN, \uNNNN, \UNNNNNNNN). Printability
/// of non-ASCII text follows Python for control, format, separator and private-use characters;
/// unassigned code points are kept as they are (Python would escape them).

/// Lowercase hex SHA-256 of "<method>.<name>.<repr(error)>" where `error` is the error text as
/// sent on the wire (already Locust's repr of the exception).
std::string error_key(std::string_view method, std::string_view name, std::string_view error);

} // namespace hornet::proto
