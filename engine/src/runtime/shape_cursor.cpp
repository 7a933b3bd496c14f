// Stages are few (a handful, or a few hundred for a long step load): a walk from the start is
// simpler than caching a position and costs nothing on a 1-second tick.
#include "runtime/shape_cursor.hpp"

#include <cmath>
#include <utility>

namespace hornet::runtime {

shape_cursor::shape_cursor(scenario::load_plan plan, double default_spawn_rate)
    : plan_(std::move(plan)), default_spawn_rate_(default_spawn_rate)
{}

shape_point shape_cursor::at(double elapsed) const
{
    shape_point p;
    if (plan_.stages.empty()) {
        p.done = true;
        return p;
    }
    if (elapsed < 0) elapsed = 0;
    double start = 0;
    double rate_before = 0; // the open model starts from nothing
    for (std::size_t i = 0; i < plan_.stages.size(); ++i) {
        const auto& s = plan_.stages[i];
        const double end = start + s.duration;
        if (elapsed < end || i + 1 == plan_.stages.size()) {
            p.stage = i;
            p.done = !(elapsed < end);
            p.stage_left = p.done ? 0 : end - elapsed;
            if (s.open()) {
                p.rate = *s.rate;
                if (s.ramp && !p.done && std::isfinite(s.duration))
                    p.rate = rate_before + (*s.rate - rate_before) * ((elapsed - start) / s.duration);
            } else {
                p.users = s.users.value_or(0);
                p.spawn_rate = s.spawn_rate.value_or(default_spawn_rate_);
            }
            return p;
        }
        if (s.open()) rate_before = *s.rate;
        start = end;
    }
    return p; // not reached: the loop returns at the last stage
}

} // namespace hornet::runtime
