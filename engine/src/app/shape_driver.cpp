// Locust's shape loop (runners.py, shape_worker) on Hornet's 1-second tick: only a changed target
// is passed on, so a closed stage's ramp is not restarted every second.
#include "app/shape_driver.hpp"

#include "app/open_model_options.hpp"

#include "core/log.hpp"
#include "core/py_format.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hornet::app {

namespace {

std::string rate_text(double rate)
{
    return core::fixed(rate, 2) + " iterations/s";
}

} // namespace

shape_driver::shape_driver(scenario::load_plan plan, double default_spawn_rate, runtime::open_model open_settings,
                           runtime::run_control& control)
    : cursor_(std::move(plan), default_spawn_rate), default_spawn_rate_(default_spawn_rate),
      open_settings_(std::move(open_settings)), control_(&control)
{
    open_settings_.class_rates.clear(); // a stage's rate is shared by the classes' weights
}

bool shape_driver::tick(double elapsed)
{
    const auto now = cursor_.at(elapsed);
    if (now.done) {
        core::log::info("hornet.main", "Shape test stopping");
        return false;
    }
    const auto& stage = cursor_.plan().stages[now.stage];
    if (stage.open()) {
        // A ramp changes the rate on every tick: its start is worth a line, each step is not.
        const bool new_stage = !applied_ || applied_->stage != now.stage;
        if (stage.ramp && new_stage)
            core::log::info("hornet.main", "Shape test ramping to " + rate_text(*stage.rate) + " over " +
                                               scenario::duration_text(stage.duration));
        if (applied_ && applied_->rate == now.rate) {
            applied_->stage = now.stage;
            return true;
        }
        if (!stage.ramp)
            core::log::info("hornet.main", "Shape test updating to " + rate_text(now.rate));
        else
            core::log::debug("hornet.main", "Shape test rate now " + rate_text(now.rate));
        auto model = open_settings_;
        model.rate = now.rate;
        control_->start_rate(model);
    } else {
        if (applied_ && applied_->users == now.users && applied_->spawn_rate == now.spawn_rate) {
            applied_->stage = now.stage;
            return true;
        }
        core::log::info("hornet.main", "Shape test updating to " + std::to_string(now.users) + " users at " +
                                           core::fixed(now.spawn_rate, 2) + " spawn rate");
        control_->start(now.users, now.spawn_rate);
    }
    applied_ = now;
    return true;
}

std::string shape_driver::status_line(double elapsed) const
{
    const auto now = cursor_.at(elapsed);
    const auto& stages = cursor_.plan().stages;
    const auto& stage = stages[now.stage];
    std::string line = "Stage " + std::to_string(now.stage + 1) + "/" + std::to_string(stages.size()) + ": ";
    if (stage.open())
        line += stage.ramp ? "ramping to " + rate_text(*stage.rate) + " (now " + core::fixed(now.rate, 2) + ")"
                           : rate_text(now.rate);
    else
        line += std::to_string(now.users) + " users at " + core::fixed(now.spawn_rate, 2) + "/s";
    if (!std::isfinite(stage.duration)) return line + ", holding until the test is stopped";
    return line + " for " + scenario::duration_text(stage.duration) + " (" +
           core::seconds_text(std::ceil(now.stage_left)) + " s left)";
}

void shape_driver::describe(report::run_parameters& p) const
{
    auto& out = p.stages;
    out.clear();
    std::int64_t peak = 0;
    for (const auto& s : cursor_.plan().stages) {
        report::stage_record r;
        if (std::isfinite(s.duration)) r.duration_s = s.duration;
        if (s.open()) {
            r.rate = s.rate;
            r.ramp = s.ramp;
        } else {
            r.users = s.users;
            r.spawn_rate = s.spawn_rate.value_or(default_spawn_rate_);
            peak = std::max(peak, s.users.value_or(0));
        }
        out.push_back(r);
    }
    if (!cursor_.plan().open()) p.users = peak;
}

std::optional<shape_driver> make_shape_driver(const cli::options& opts, const scenario::load_plan& plan,
                                              runtime::run_control& control)
{
    if (plan.empty()) return std::nullopt;
    if (opts.users && !opts.step_load)
        core::log::warning("hornet.main", "-u/--users is ignored: the load shape's stages set the users");
    // -r is still the spawn rate of closed stages that set none.
    bool rate_used = false;
    for (const auto& s : plan.stages) rate_used = rate_used || (!s.open() && !s.spawn_rate);
    if (opts.spawn_rate && !rate_used)
        core::log::warning("hornet.main", "-r/--spawn-rate is ignored: every stage of the load shape sets its own");
    return std::optional<shape_driver>(std::in_place, plan, opts.spawn_rate.value_or(1), open_model_settings(opts),
                                       control);
}

started_load start_load(const cli::options& opts, const scenario::model& model, runtime::run_control& control,
                        std::int64_t users, double spawn_rate, std::optional<double> rate)
{
    started_load out;
    out.shape = make_shape_driver(opts, model.stages, control);
    if (out.shape) {
        out.ramps = !model.stages.open();
        out.shape->tick(0);
    } else if (uses_open_model(opts, model)) {
        auto settings = opts;
        if (rate) settings.rate = rate;
        const auto open = open_model_of(settings, model);
        core::log::info("hornet.main", "Starting " + core::fixed(total_rate(open), 2) + " iterations/s");
        control.start_rate(open);
    } else {
        out.ramps = true;
        control.start(users, spawn_rate);
    }
    return out;
}

} // namespace hornet::app
