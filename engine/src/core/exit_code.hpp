// How a main loop (headless run, worker) turns its end into the process's exit code.
#pragma once

#include <exception>

namespace hornet::core {

/// `code`, or 2 after logging the error when the main coroutine threw `e` (a bug, not input).
int exit_code_of(std::exception_ptr e, int code);

/// Locust's log line for SIGINT / SIGTERM.
void log_signal(int sig);

} // namespace hornet::core
