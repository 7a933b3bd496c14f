// Loading the tasks of the JSON format: a user's tasks and those of nested task sets (Locust's
// TaskSet as a task), with their weights, tags and wait times.
#pragma once

#include "scenario/load_context.hpp"
#include "scenario/model.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hornet::scenario {

/// A "wait_time": seconds, or {"between": [a, b]}, {"constant": x}, … .
wait_time load_wait(const load_context& ctx, const nlohmann::json& v, const std::string& pointer);

/// The "tasks" array at `pointer`: at least one, weights not all 0. `depth` is the number of
/// enclosing task sets (0: a user class's own tasks); in a task set a step may interrupt it.
std::vector<task> load_tasks(const load_context& ctx, const nlohmann::json& v, const std::string& pointer, int depth);

} // namespace hornet::scenario
