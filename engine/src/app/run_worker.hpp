// `hornet --worker`: the worker role as a process, from parsed options to exit code.
#pragma once

#include "cli/options.hpp"
#include "scenario/model.hpp"

namespace hornet::app {

/// Connects to --master-host:--master-port and serves the master until it says quit (exit 0),
/// SIGINT/SIGTERM (0), the master is lost (1) or never answers (255).
int run_worker(const cli::options& opts, const scenario::model& model);

} // namespace hornet::app
