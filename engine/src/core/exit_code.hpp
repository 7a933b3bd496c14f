// How a main loop (headless run, worker) turns its end into the process's exit code.
#pragma once

#include <exception>

namespace hornet::core {

// The process's exit codes, stable for pipelines (README, --help): 0 the run passed; Locust's 1
// (--exit-code-on-error) when a request failed or a task raised; these for Hornet's own cases.
/// A command line, config file or threshold expression that cannot be used (argparse's 2).
inline constexpr int exit_usage_error = 2;
/// A threshold (--check) was not met; wins over --exit-code-on-error.
inline constexpr int exit_threshold_failed = 3;

/// The test could not run: no request completed (a target that accepts connections and never
/// answers), every request failed to connect, or the expected workers never came. Wins over all.
inline constexpr int exit_could_not_run = 4;

/// `code`, or 2 after logging the error when the main coroutine threw `e` (a bug, not input).
int exit_code_of(std::exception_ptr e, int code);

/// Locust's log line for SIGINT / SIGTERM.
void log_signal(int sig);

} // namespace hornet::core
