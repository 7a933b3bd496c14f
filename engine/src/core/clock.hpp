// Clocks: a monotonic one for measuring, the wall clock for Locust's epoch-second buckets.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace hornet::core {

using steady_clock = std::chrono::steady_clock;

/// Seconds since the Unix epoch, as a double (Locust's time.time()).
inline double unix_now()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

/// A Unix time as UTC text with strftime's `format` ("%Y-%m-%dT%H:%M:%S"), whole seconds.
inline std::string utc_text(double unix_seconds, const char* format)
{
    const auto t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    return std::string(buf, std::strftime(buf, sizeof buf, format, &tm));
}

} // namespace hornet::core
