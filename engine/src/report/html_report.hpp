// The --html report: one self-contained HTML5 file (inline CSS and SVG charts, no script, no
// external resource) that opens offline, in CI artifact viewers and in mail.
#pragma once

#include "report/run_record.hpp"

#include <string>

namespace hornet::report {

/// The whole document: verdict and thresholds, the run's parameters, charts over time (RPS and
/// failures/s, p50/p95/p99, users), the percentile distribution per endpoint, and the request
/// statistics, percentiles, failures and exceptions tables. Every text from the record is
/// escaped; numbers that are not finite show as a dash, never as "nan" or "inf".
std::string to_html(const run_record& record);

} // namespace hornet::report
