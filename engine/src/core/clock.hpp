// Clocks: a monotonic one for measuring, the wall clock for Locust's epoch-second buckets.
#pragma once

#include <chrono>

namespace hornet::core {

using steady_clock = std::chrono::steady_clock;

/// Seconds since the Unix epoch, as a double (Locust's time.time()).
inline double unix_now()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

} // namespace hornet::core
