// argv as Locust spells it (CLI11 underneath), before it is merged with files and env vars.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/raw_settings.hpp"

namespace hornet::cli {

struct command_line
{
    raw_settings settings;                  ///< only the options actually given
    std::vector<std::string> user_classes;  ///< positional UserClass names
    std::optional<std::string> config_file; ///< --config FILE
    bool help = false;                      ///< -h/--help came first among help/version
    bool version = false;                   ///< -V/--version came first
};

/// Reads argv (argv[0] is the program). Like argparse, -h/-V win over any other problem.
/// Throws usage_error (exit 2) for unknown options ("unrecognized arguments: --foo", with a
/// "did you mean" when one is close) and for missing values.
command_line read_command_line(int argc, const char* const* argv);

/// "--bar" when `token` (e.g. "--baz" or "--baz=1") looks like a typo of a long option, else "".
std::string suggest_option(std::string_view token);

} // namespace hornet::cli
