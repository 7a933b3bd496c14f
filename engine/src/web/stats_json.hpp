// The JSON of GET /stats/requests: Locust 2.12's keys and the newest's side by side.
#pragma once

#include "web/test_control.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hornet::web {

/// Python's html.escape, which Locust 2.12 applies to names, errors and tracebacks: & < > and,
/// with `quote`, " as &quot; and ' as &#x27;.
std::string py_html_escape(std::string_view text, bool quote = true);

/// Most rows listed (Locust's 500); the Aggregated row comes after them in any case.
inline constexpr std::size_t max_stats_rows = 500;

/// /stats/requests for `stats` at Unix second `now_second`: rows sorted by (name, method) then
/// Aggregated, errors, rates, the current (10 s window) percentiles, state and users; `workers`
/// listed when `master`.
nlohmann::json stats_requests_json(const stats::aggregate& stats, const std::string& state, std::int64_t user_count,
                                   std::span<const worker_row> workers, bool master, std::int64_t now_second);

/// The answer when nothing runs at all (Locust's "no runner").
nlohmann::json empty_stats_json();

} // namespace hornet::web
