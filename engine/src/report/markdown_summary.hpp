// The run as a short GitHub-flavoured markdown summary (--summary-md, and appended to
// $GITHUB_STEP_SUMMARY): verdict, totals, thresholds, busiest endpoints, commonest failures.
#pragma once

#include "report/run_record.hpp"

#include <cstddef>
#include <string>

namespace hornet::report {

/// GitHub refuses a step summary over 1 MiB (and drops it whole); the margin leaves room for
/// what other commands of the same step append.
inline constexpr std::size_t default_summary_bytes = 1000 * 1024;

/// The summary in at most `max_bytes` bytes. Tables are cut between rows, never inside one, and
/// say how many rows they left out ("… 99,975 more endpoints"); sections that no longer fit are
/// left out whole. Cells are escaped (`|`, markdown and HTML characters) and single-line, and
/// long names are shortened, so each row has exactly the columns of its table.
std::string to_markdown(const run_record& record, std::size_t max_bytes = default_summary_bytes);

} // namespace hornet::report
