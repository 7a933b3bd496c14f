// The open model's settings: task iterations started on a schedule instead of users in a loop.
#pragma once

#include "runtime/arrival_schedule.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hornet::runtime {

struct open_model
{
    /// Iterations started per second by this process (a worker gets its share from the master).
    /// 0 with `class_rates`: each class at its own rate.
    double rate = 0;
    /// The scenario's per-class rates (`"rate"` of a user class), used when `rate` is 0.
    std::vector<std::pair<std::string, double>> class_rates;
    /// The pool that runs them, grown on demand.
    std::int64_t max_users = 1000;
    arrival_kind arrival = arrival_kind::constant;
    /// An iteration that begins later than this after its intended start is counted late (s).
    double late_tolerance = 0.1;
    /// A start that found no free user for this long is dropped (s).
    double drop_after = 10;
    /// Where this process's first start falls in its first gap (0..1): a master gives each worker
    /// its own, so that together they stay even.
    double phase = 0;
};

} // namespace hornet::runtime
