// The run as a JUnit XML report (--junit), the format every CI reads: GitLab's test report,
// Jenkins, Azure DevOps' PublishTestResults and the GitHub test-report actions. Thresholds are
// the tests; endpoints with failed requests fail too, so a red run points at what broke.
#pragma once

#include "report/run_record.hpp"

#include <string>

namespace hornet::report {

/// One <testsuites> holding one <testsuite name="hornet">, with:
///   - classname "thresholds": one testcase per threshold outcome, named "ROW: EXPRESSION"
///     (the expression alone when it already names its row), failing with measured vs limit;
///   - classname "endpoints": one testcase per endpoint, failing when any request failed, the
///     failure text listing the failures by kind and the endpoint's rows of the failures table.
/// Names are unique (GitLab keeps only the first of equal names); every text is escaped and
/// cleaned of what XML 1.0 forbids. Times are seconds; the timestamp is the start, in UTC.
std::string to_junit(const run_record& record);

} // namespace hornet::report
