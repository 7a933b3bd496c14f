// Locust's time-span syntax for --run-time ("20", "90s", "3m", "1h30m", "3h30m10s").
#pragma once

#include <optional>
#include <string_view>

namespace hornet::core {

/// Parses a run time into seconds as Locust 2.12 does. Plain digits are seconds; otherwise the
/// longest prefix of the parts `<h>h`, `<m>m`, `<s>s` (each optional, in that order, whole
/// numbers, lower-case units) counts and the rest is ignored — so "30sec" is 30 and "1h30" is
/// 3600 — but at least one part must be there ("abc", "1.5m", "1d" are refused). Surrounding
/// whitespace is ignored (config files and env values carry it). "0" is valid (Locust: no limit).
/// Returns nullopt when malformed. `whole` refuses an ignored tail (Hornet's own files, where
/// "1h30" is a mistake to point at rather than a Locust command line to accept).
std::optional<double> parse_run_time(std::string_view text, bool whole = false);

} // namespace hornet::core
