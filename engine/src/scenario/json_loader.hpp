// Loads the declarative JSON scenario format into the scenario model.
#pragma once

#include "scenario/load_error.hpp"
#include "scenario/model.hpp"

#include <boost/system/result.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hornet::scenario {

/// A model, or the load_error a person reads ("s.json:3:18: invalid JSON: ...").
using load_result = boost::system::result<model, load_error>;

struct load_options
{
    /// Folder data files ("data": {"x": {"file": "x.csv"}}) are relative to; empty = the
    /// folder of the scenario file.
    std::string base_dir;
    /// Looks up {{env.NAME}} when the file loads; empty = the process environment (getenv).
    std::function<std::optional<std::string>(const std::string&)> env;
    /// Checks a "thresholds" expression: the reason it is invalid, or nullopt. The grammar lives
    /// above this module (report/threshold); without a checker the texts are kept unchecked.
    std::function<std::optional<std::string>(const std::string&)> check_threshold;
};

/// Parses and validates a scenario document. `file` names it in errors; data files are
/// looked up next to it.
load_result load_json(std::string_view text, const std::string& file);

/// Same, with data files relative to `base_dir`.
load_result load_json(std::string_view text, const std::string& file, const std::string& base_dir);

load_result load_json(std::string_view text, const std::string& file, const load_options& options);

/// Reads `path` and loads it.
load_result load_json_file(const std::string& path, const load_options& options = {});

} // namespace hornet::scenario
