// Options from LOCUST_* and HORNET_* environment variables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/raw_settings.hpp"

namespace hornet::cli {

/// Adds every option set by LOCUST_<NAME>, then by HORNET_<NAME> (so the Hornet alias wins),
/// to `into`. `envp` is a null-terminated "NAME=value" array; nullptr means this process's
/// environment. Empty values and variables that name no option are ignored: LOCUST_WEB_PORT
/// from a Locust setup must not stop Hornet. Flags take true/1/yes and false/0/no; tags take
/// "a,b" or "[a, b]". Throws usage_error (exit 2) for a flag that is neither.
void read_environment(const char* const* envp, raw_settings& into);

/// The value of one variable in `envp` (nullptr: this process's environment).
std::optional<std::string> find_env(const char* const* envp, std::string_view name);

} // namespace hornet::cli
