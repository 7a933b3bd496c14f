// Where a load plan stands at a moment of the test: a pure function of the seconds elapsed, so
// it is tested without a clock.
#pragma once

#include "scenario/load_plan.hpp"

#include <cstddef>
#include <cstdint>

namespace hornet::runtime {

/// What the plan asks for at one moment.
struct shape_point
{
    bool done = false;     ///< past the end of the last stage: the test stops
    std::size_t stage = 0; ///< index of the current stage (the last one when done)
    double stage_left = 0; ///< seconds until the current stage ends (infinity: it holds)
    // Closed model:
    std::int64_t users = 0;
    double spawn_rate = 0;
    // Open model: iterations/s at this moment (a ramp's value in between its ends).
    double rate = 0;
};

class shape_cursor
{
public:
    /// `default_spawn_rate`: a closed stage's spawn rate when it sets none (-r, else 1).
    shape_cursor(scenario::load_plan plan, double default_spawn_rate);

    /// The plan at `elapsed` seconds since the test started. A stage covers [start, end): at
    /// its end exactly, the next one is in force.
    shape_point at(double elapsed) const;

    const scenario::load_plan& plan() const { return plan_; }

private:
    scenario::load_plan plan_;
    double default_spawn_rate_;
};

} // namespace hornet::runtime
