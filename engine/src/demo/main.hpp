// `hornet demo-target`: runs the demo target from the command line.
#pragma once

namespace hornet::demo {

/// Runs `demo-target [--port N] [--host H] [--threads N] [--help]` (argv[0] is the command name).
/// Prints the URL served on as the first line of stdout, and nothing else there; serves until
/// SIGTERM or SIGINT. Returns the exit code: 0 after a signal or --help, 1 if it cannot listen,
/// 2 on a bad option (with a message on stderr).
int run_demo_target(int argc, const char* const* argv);

} // namespace hornet::demo
