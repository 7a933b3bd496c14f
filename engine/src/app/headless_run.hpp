// A headless test from start to verdict: ramp, run time, periodic tables, CSV files,
// Ctrl-C/SIGTERM, final report and Locust's exit code.
#pragma once

#include "cli/options.hpp"
#include "runtime/run_control.hpp"
#include "scenario/model.hpp"

#include <boost/asio/io_context.hpp>

namespace hornet::app {

/// Runs the test the options describe in this process and returns the process exit code.
int run_headless(const cli::options& opts, const scenario::model& model);

/// The same loop over any load (a master's workers): `control` lives on `io`, which this runs
/// until the test is over. Returns the process exit code.
/// `model` describes the run in the reports.
int run_headless(const cli::options& opts, const scenario::model& model, boost::asio::io_context& io,
                 runtime::run_control& control);

} // namespace hornet::app
