// Wait times between a user's tasks, as Locust's wait_time functions.
#pragma once

namespace hornet {

struct wait_time
{
    enum class kind { constant, between, constant_pacing, constant_throughput };
    kind type = kind::constant;
    double a = 0; ///< constant: seconds; between: low; pacing: interval; throughput: tasks/s
    double b = 0; ///< between: high
};

/// A random wait in [low, high] seconds.
inline wait_time between(double low, double high)
{
    return {wait_time::kind::between, low, high};
}
inline wait_time constant(double seconds)
{
    return {wait_time::kind::constant, seconds, 0};
}
/// Tasks start every `seconds` at most (the task's own time is subtracted).
inline wait_time constant_pacing(double seconds)
{
    return {wait_time::kind::constant_pacing, seconds, 0};
}
/// At most `tasks_per_second` tasks per second per user.
inline wait_time constant_throughput(double tasks_per_second)
{
    return {wait_time::kind::constant_throughput, tasks_per_second, 0};
}

} // namespace hornet
