// `hornet --master --headless`: the master role as a process.
#pragma once

#include "cli/options.hpp"
#include "cluster/master.hpp"
#include "scenario/model.hpp"

namespace hornet::app {

/// Settings for a master from the command line and the scenario (classes after -T/-E and the
/// class selection). `model` must outlive the master.
cluster::master_options master_options_from(const cli::options& opts, const scenario::model& model);

/// Binds, waits for --expect-workers, runs the headless loop over the workers and returns the
/// process exit code.
int run_master(const cli::options& opts, const scenario::model& model);

} // namespace hornet::app
