// Task lookup of native classes.
#include "scenario/native_class.hpp"

namespace hornet::scenario {

std::size_t native_class::find_task(std::string_view name) const
{
    for (std::size_t i = 0; i < spec.tasks.size(); ++i)
        if (spec.tasks[i].name == name) return i;
    return npos;
}

} // namespace hornet::scenario
