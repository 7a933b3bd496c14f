// Turns what a C++ scenario registered (hornet::registry) into the scenario model.
#pragma once

#include "scenario/json_loader.hpp"
#include "scenario/model.hpp"

#include <hornet/registry.hpp>

#include <memory>
#include <string>

namespace hornet::scenario {

/// Runs `register_fn` into a fresh registry and builds a model of its classes (each with
/// `native` set and one task entry per registered task, without steps, so weights and tag
/// filtering work as for JSON). `library` keeps a plugin's code loaded while the model lives.
/// Errors name `source` and say what to fix.
load_result load_registered(int (*register_fn)(hornet::registry&), std::shared_ptr<void> library,
                            const std::string& source);

/// Validates a filled registry and builds the model, or says what to fix.
load_result model_from_registry(hornet::registry& r, std::shared_ptr<void> library, const std::string& source);

} // namespace hornet::scenario
