// Which load shape drives a run: --shape FILE, step load, or the scenario's own "stages".
#pragma once

#include "cli/options.hpp"
#include "scenario/model.hpp"

#include <string>

namespace hornet::app {

/// Puts the plan the options ask for into `model.stages`: --shape FILE replaces the scenario's
/// stages (with an info log), --step-users/--step-time build Locust 1.x's step load; otherwise
/// the scenario's stages stay. Returns "" or the error to print (a --shape file's names its
/// file, line and column).
std::string choose_load_plan(const cli::options& opts, scenario::model& model);

} // namespace hornet::app
