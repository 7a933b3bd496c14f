// A headless test from start to verdict: ramp, run time, periodic tables, CSV files,
// Ctrl-C/SIGTERM, final report and Locust's exit code.
#pragma once

#include "cli/options.hpp"
#include "scenario/model.hpp"

namespace hornet::runtime {

/// Runs the test the options describe and returns the process exit code.
int run_headless(const cli::options& opts, const scenario::model& model);

} // namespace hornet::runtime
