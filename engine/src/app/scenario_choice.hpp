// What a run executes: the scenario a command line names, narrowed by its class and tag choices.
#pragma once

#include "cli/options.hpp"
#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace hornet::app {

struct scenario_choice
{
    scenario::model model;
    /// The base URL the users talk to: -H, or in quick mode -H without its path.
    std::string host;
    /// Classes left without tasks by -T/-E (they will not run): worth a warning.
    std::vector<std::string> emptied_classes;
    /// Empty when the choice is usable; otherwise the one line to print after "hornet: error: ".
    std::string error;
};

/// The file a run loads: `given` (-f), else `folder`/locustfile.py, else `folder`/hornet.json
/// (Locust's order, then ours); empty = quick mode.
std::string default_scenario_file(const std::string& given, const std::string& folder = ".");

/// -f FILE (JSON, a plugin .so or a built-in name), else the default file above, loaded as -f
/// would load it (and logged), else quick mode on the -H URL (every user GETs its path); then
/// the classes named on the command line, then -T/-E.
/// `narrow` false stops before the class and tag choices (for --list).
scenario_choice choose_scenario(const cli::options& opts, bool narrow = true);

} // namespace hornet::app
