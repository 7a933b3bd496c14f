// A load shape as data: stages that follow each other (Locust's LoadTestShape without code).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hornet::scenario {

/// One stage of a plan. A closed-model stage sets `users` (and maybe `spawn_rate`); an
/// open-model stage sets `rate` (and maybe `ramp`). One plan is all one or the other.
struct load_stage
{
    /// Seconds this stage lasts; infinity for a stage that holds until -t or Ctrl-C (the top
    /// of a step load).
    double duration = 0;
    std::optional<std::int64_t> users;
    /// Users started (or stopped) per second; nullopt = -r if given, else 1.
    std::optional<double> spawn_rate;
    /// Iterations started per second over the whole test.
    std::optional<double> rate;
    /// Linear from the rate in force when the stage starts to `rate` at its end; false holds
    /// `rate` for the whole stage.
    bool ramp = false;

    bool open() const { return rate.has_value(); }
};

/// The stages of a test, in order. Empty = no plan: -u and -r drive the ramp.
struct load_plan
{
    std::vector<load_stage> stages;

    bool empty() const { return stages.empty(); }
    /// An open-model plan (rates); the loaders refuse plans that mix the two.
    bool open() const { return !stages.empty() && stages.front().open(); }
    /// Seconds from the start to the end of the last stage (infinity when one holds forever).
    double total_duration() const;
};

/// Locust 1.x's step load (--step-users N --step-time T -u MAX -r RATE): users rise by N every
/// T seconds up to MAX, then hold until the test is stopped. Needs step_users >= 1,
/// step_time > 0, max_users >= 0.
load_plan step_load_plan(std::int64_t max_users, std::optional<double> spawn_rate, std::int64_t step_users,
                         double step_time);

/// "2m", "1m30s", "45s", "90" (Locust's time span) or "forever", for messages and the console.
std::string duration_text(double seconds);

} // namespace hornet::scenario
