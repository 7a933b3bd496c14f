// The text of Locust's four CSV files (excel dialect: minimal quoting, CRLF), without file I/O.
#pragma once

#include "stats/aggregate.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::report {

/// One field as Python's csv module writes it: quoted (quotes doubled) only when it holds a
/// comma, a quote, CR or LF.
std::string csv_field(std::string_view text);
/// Fields joined by commas, ending with CRLF.
std::string csv_row(const std::vector<std::string>& fields);

std::string stats_csv_header();
/// `_stats.csv` data rows: sorted rows, then the Aggregated row with an empty Type.
std::string stats_csv_rows(const stats::aggregate& stats);

std::string history_csv_header();
/// `_stats_history.csv` rows for one tick: the Aggregated row only, or with `full_history`
/// every row (sorted) then Aggregated, with the current (10 s window) percentiles.
std::string history_csv_rows(const stats::aggregate& stats, std::uint64_t user_count, std::int64_t epoch_second,
                             bool full_history);

std::string failures_csv_header();
std::string failures_csv_rows(const stats::aggregate& stats);

std::string exceptions_csv_header();
std::string exceptions_csv_rows(const stats::aggregate& stats);

} // namespace hornet::report
