// Loading the steps of the JSON format: requests and repeat blocks.
#pragma once

#include "scenario/load_context.hpp"
#include "scenario/model.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hornet::scenario {

/// Repeat blocks nest at most this deep.
inline constexpr int max_repeat_depth = 4;
/// A repeat count (or range bound) is at most this.
inline constexpr int max_repeat_count = 1000000;

/// The steps of an array at `pointer`. `skip_rest_on_failure` is the default of the enclosing
/// task or repeat block; `depth` the number of enclosing repeat blocks. `interrupt_allowed`: the
/// steps belong to a task of a nested task set, where {"interrupt": ...} may end the set.
std::vector<step> load_steps(const load_context& ctx, const nlohmann::json& v, const std::string& pointer,
                             bool skip_rest_on_failure, int depth, bool interrupt_allowed = false);

/// One step. `task_keys` are the keys a task may mix into a single-step task (weight, tags);
/// they are allowed here and read by the caller.
step load_step(const load_context& ctx, const nlohmann::json& v, const std::string& pointer, bool skip_rest_on_failure,
               int depth, const std::vector<std::string>& task_keys = {}, bool interrupt_allowed = false);

/// `"on_failure"` of `obj` if present ("continue" / "skip_task"), else `inherited`.
bool load_on_failure(const load_context& ctx, const nlohmann::json& obj, const std::string& pointer, bool inherited);

} // namespace hornet::scenario
