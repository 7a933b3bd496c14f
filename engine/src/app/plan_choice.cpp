// The load plan's sources, highest first: --shape, step load, the scenario file.
#include "app/plan_choice.hpp"

#include "core/log.hpp"
#include "scenario/stage_loader.hpp"

namespace hornet::app {

std::string choose_load_plan(const cli::options& opts, scenario::model& model)
{
    if (!opts.shape_file.empty()) {
        auto loaded = scenario::load_shape_file(opts.shape_file);
        if (!loaded) return loaded.error().to_string();
        if (!model.stages.empty())
            core::log::info("hornet.main", "--shape " + opts.shape_file + " replaces the stages of the scenario");
        model.stages = std::move(*loaded);
    } else if (opts.step_users && opts.step_time) {
        if (!model.stages.empty())
            core::log::info("hornet.main", "step load (--step-users/--step-time) replaces the stages of the scenario");
        model.stages =
            scenario::step_load_plan(opts.users.value_or(0), opts.spawn_rate, *opts.step_users, *opts.step_time);
    }
    return {};
}

} // namespace hornet::app
