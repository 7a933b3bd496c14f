// The whole C++ scenario API: include this one header. No Asio or Beast comes with it.
#pragma once

#include "hornet/registry.hpp"
#include "hornet/request_options.hpp"
#include "hornet/response.hpp"
#include "hornet/task.hpp"
#include "hornet/user.hpp"
#include "hornet/version.hpp"
#include "hornet/wait_time.hpp"

/// The entry point of a scenario: define it once. A plugin (hornet_add_scenario in CMake)
/// exports it; a built-in scenario is compiled with it renamed, so many coexist in one binary.
extern "C" __attribute__((visibility("default"))) int hornet_register(hornet::registry& r);
