// Loading what a request step says about its response: "extract" and "check".
#pragma once

#include "scenario/load_context.hpp"
#include "scenario/model.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hornet::scenario {

/// `"extract"`: variable → source. The variables must be in ctx.scope (collected beforehand).
std::vector<extract> load_extracts(const load_context& ctx, const nlohmann::json& v, const std::string& pointer);

/// `"check"`: status, body_contains, json, json_exists, max_ms.
check load_check(const load_context& ctx, const nlohmann::json& v, const std::string& pointer);

} // namespace hornet::scenario
