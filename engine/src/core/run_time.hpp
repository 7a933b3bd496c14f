// Locust's time-span syntax for --run-time ("20", "90s", "3m", "1h30m", "3h30m10s").
#pragma once

#include <optional>
#include <string_view>

namespace hornet::core {

/// Parses a run time into seconds. Plain digits are seconds; otherwise the parts `<h>h`,
/// `<m>m`, `<s>s` each optional but in that order, whole numbers only, surrounding whitespace
/// ignored. The whole text must match: unlike Locust 2.12's prefix match, "1h30" and "1m30"
/// are errors rather than silently dropping the tail. "0" is valid (Locust: no limit).
/// Returns nullopt when malformed.
std::optional<double> parse_run_time(std::string_view text);

} // namespace hornet::core
