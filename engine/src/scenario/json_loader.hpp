// Loads the declarative JSON scenario format into the scenario model.
#pragma once

#include "scenario/load_error.hpp"
#include "scenario/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace hornet::scenario {

struct load_result
{
    std::optional<model> value;
    load_error error;       ///< meaningful when !value
};

/// Parses and validates a scenario document. `file` names it in errors.
load_result load_json(std::string_view text, const std::string& file);

/// Reads `path` and loads it.
load_result load_json_file(const std::string& path);

} // namespace hornet::scenario
