// The one way the cli module reports a problem: an exit code and a ready-to-print line.
#pragma once

#include <stdexcept>
#include <string>

namespace hornet::cli {

/// Thrown inside the module and turned into a parse_result at the parse() boundary.
/// Exit codes follow Locust: 2 for argument errors, 1 for bad run-time / log level.
class usage_error : public std::runtime_error
{
public:
    usage_error(int exit_code, const std::string& message) : std::runtime_error(message), exit_code_(exit_code) {}

    int exit_code() const noexcept { return exit_code_; }

private:
    int exit_code_;
};

/// An argument error (exit 2) worded like argparse: "hornet: error: <what>".
inline usage_error argument_error(const std::string& what)
{
    return usage_error(2, "hornet: error: " + what);
}

} // namespace hornet::cli
