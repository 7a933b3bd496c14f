// The "stages" of a load shape, from a scenario file or a --shape file, with the scenario
// loader's precise errors.
#pragma once

#include "scenario/load_context.hpp"
#include "scenario/load_error.hpp"
#include "scenario/load_plan.hpp"

#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace hornet::scenario {

/// A plan, or where its file is wrong.
using shape_result = boost::system::result<load_plan, load_error>;

/// Reads the array of stages at `pointer` ("/stages"); problems go through ctx.fail.
load_plan parse_stages(const load_context& ctx, const nlohmann::json& list, const std::string& pointer);

/// A --shape document: the array of stages itself, or an object {"stages": [...]}.
shape_result load_shape(std::string_view text, const std::string& file);

/// Reads `path` and loads it as a --shape document.
shape_result load_shape_file(const std::string& path);

} // namespace hornet::scenario
