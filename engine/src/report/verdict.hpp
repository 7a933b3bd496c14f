// The run's verdict: every threshold measured once on the final, merged statistics (exact HDR
// percentiles, so a distributed run's verdict is a standalone run's), and its console table.
#pragma once

#include "report/run_record.hpp"
#include "report/threshold.hpp"
#include "stats/aggregate.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hornet::report {

/// One threshold on one row.
struct threshold_outcome
{
    const threshold* rule = nullptr;
    std::string row; // "Aggregated", "GET /api/users/[id]"
    /// None when the row has nothing to measure (no timed request, or no request at all): a
    /// threshold on something that never ran fails rather than passing unseen.
    std::optional<double> measured;
    bool passed = false;
};

/// Evaluates `rules` in order; an `each` rule gives one outcome per endpoint row (none when no
/// endpoint ran, which then fails as one outcome on "each").
std::vector<threshold_outcome> evaluate(std::span<const threshold> rules, const stats::aggregate& stats);

bool all_passed(std::span<const threshold_outcome> outcomes) noexcept;

/// The run's outcome, by precedence: it could not run (no request completed, or every request
/// failed to reach the target) gives core::exit_could_not_run; a failed threshold
/// core::exit_threshold_failed; failed requests or raised tasks `exit_code_on_error` (Locust's
/// --exit-code-on-error); otherwise 0. `stopped_by` names the abort_on_fail threshold that ended
/// the test early ("" when none): the run then fails its thresholds even if the final statistics
/// recovered.
verdict_record judge(const stats::aggregate& stats, std::span<const threshold_outcome> outcomes, int exit_code_on_error,
                     const std::string& stopped_by = {});

/// The measured value with its unit, as the table shows it ("212.0 ms", "0.50%", "83.2/s").
std::string measured_text(const threshold& rule, std::optional<double> measured);

/// "Thresholds" table printed after Locust's tables: result, row, threshold, measured value;
/// ends with an empty line. "" when there are no outcomes.
std::string threshold_table(std::span<const threshold_outcome> outcomes);

} // namespace hornet::report
