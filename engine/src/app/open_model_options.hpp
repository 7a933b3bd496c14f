// The open model's settings as the command line and the scenario give them.
#pragma once

#include "cli/options.hpp"
#include "runtime/open_model.hpp"
#include "scenario/model.hpp"

namespace hornet::app {

/// Whether the run uses the open model: --rate, classes of the scenario with a "rate", or a load
/// plan of rate stages.
bool uses_open_model(const cli::options& opts, const scenario::model& model);

/// The open model's settings without a rate: --max-users (default: -u when given, else 1000),
/// --arrival, --late-tolerance and --drop-after.
runtime::open_model open_model_settings(const cli::options& opts);

/// --rate (split over the classes by weight) or else the classes' own rates, --max-users
/// (default: -u when given, else 1000), --arrival, --late-tolerance and --drop-after.
runtime::open_model open_model_of(const cli::options& opts, const scenario::model& model);

/// The iterations per second a model starts in all: its rate, or the sum of its classes' rates.
double total_rate(const runtime::open_model& m);

} // namespace hornet::app
