// Applies a load plan to the load on the headless loop's ticks: users and spawn rate for closed
// stages, the arrival rate for open ones, then the end of the test after the last stage.
#pragma once

#include "cli/options.hpp"
#include "report/run_record.hpp"
#include "runtime/run_control.hpp"
#include "runtime/shape_cursor.hpp"
#include "scenario/load_plan.hpp"
#include "scenario/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hornet::app {

class shape_driver
{
public:
    /// `default_spawn_rate`: for closed stages that set none (-r, else 1). `open_settings`: the
    /// pool, arrivals and tolerances that open stages run with, at each stage's rate.
    shape_driver(scenario::load_plan plan, double default_spawn_rate, runtime::open_model open_settings,
                 runtime::run_control& control);

    /// Brings the load to what the plan asks for at `elapsed` seconds since the test started;
    /// a closed stage calls start() when its target changes, an open one start_rate() when the
    /// rate changes (every tick during a ramp). False once the last stage has ended, after
    /// logging "Shape test stopping": the caller stops the test.
    bool tick(double elapsed);

    /// "Stage 2/4: 100 users at 10.00/s for 1m (40 s left)", the line above the console table.
    std::string status_line(double elapsed) const;

    /// The plan as the reports show it: the stages, and as the run's users the peak of a
    /// closed-model plan (-u does not drive it).
    void describe(report::run_parameters& p) const;

private:
    runtime::shape_cursor cursor_;
    double default_spawn_rate_;
    runtime::open_model open_settings_;
    runtime::run_control* control_;               // a pointer, so the driver can sit in an optional that is assigned
    std::optional<runtime::shape_point> applied_; // the last target given to control_
};

/// The driver of a run whose model has stages (none without); warns about -u/-r, which the plan
/// replaces (except -u as step load's maximum).
std::optional<shape_driver> make_shape_driver(const cli::options& opts, const scenario::load_plan& plan,
                                              runtime::run_control& control);

/// The load a test starts with, whoever starts it (the headless run, the web UI's /swarm): the
/// plan's first stage (its driver, to tick from then on), else the open model at `rate` (default:
/// the command line's or the classes'), else `users` at `spawn_rate`. `ramps`: users are being
/// spawned (the closed model), so "running" comes with the ramp's end, not at once.
struct started_load
{
    std::optional<shape_driver> shape;
    bool ramps = false;
};
started_load start_load(const cli::options& opts, const scenario::model& model, runtime::run_control& control,
                        std::int64_t users, double spawn_rate, std::optional<double> rate = std::nullopt);

} // namespace hornet::app
