// Loads a C++ scenario built as a plugin (.so, see cmake/HornetScenario.cmake) with dlopen.
#pragma once

#include "scenario/json_loader.hpp"

#include <string>

namespace hornet::scenario {

/// dlopen()s `path`, checks hornet_api_version() against HORNET_API_VERSION, calls
/// hornet_register() and returns the model; the library stays loaded while any class of the
/// model lives. Errors: not found, not a shared object, not a Hornet plugin, API mismatch.
load_result load_plugin(const std::string& path);

/// True for a path that names a plugin (ends with ".so").
bool is_plugin_path(const std::string& path);

} // namespace hornet::scenario
