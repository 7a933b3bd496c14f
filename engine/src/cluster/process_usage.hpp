// This process's CPU percent and resident memory, for the worker's heartbeats (Locust uses psutil).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace hornet::cluster {

/// Reads /proc/self/stat and /proc/self/statm. Values are 0 where /proc is unavailable.
class process_usage
{
public:
    process_usage();

    /// Percent of one core used since the previous sample (may exceed 100 with threads);
    /// like Locust's monitor, a new sample is taken only every `interval`, the last value is
    /// returned in between.
    double cpu_percent(std::chrono::steady_clock::duration interval = std::chrono::seconds(5));

    /// Resident set size in bytes.
    static std::uint64_t rss_bytes();

    /// User + system CPU seconds of this process so far; nullopt without /proc.
    static std::optional<double> cpu_seconds();

private:
    std::chrono::steady_clock::time_point sampled_at_;
    double sampled_cpu_ = 0;
    double percent_ = 0;
};

} // namespace hornet::cluster
