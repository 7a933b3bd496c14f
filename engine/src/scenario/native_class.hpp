// A user class written in C++: its factory and task table, and the library that holds its code.
#pragma once

#include <hornet/registry.hpp>

#include <memory>

namespace hornet::scenario {

struct native_class
{
    /// The plugin's dlopen handle (null for built-ins). Declared first so it is released last:
    /// `spec` holds functions whose code lives in that library.
    std::shared_ptr<void> library;
    hornet::class_spec spec;
    /// Index into spec.tasks of the task with this name, or npos.
    std::size_t find_task(std::string_view name) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

} // namespace hornet::scenario
