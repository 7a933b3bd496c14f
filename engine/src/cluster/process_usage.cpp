// process_usage: /proc parsing.
#include "cluster/process_usage.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace hornet::cluster {

process_usage::process_usage() : sampled_at_(std::chrono::steady_clock::now()), sampled_cpu_(cpu_seconds().value_or(0))
{}

std::optional<double> process_usage::cpu_seconds()
{
    std::ifstream in("/proc/self/stat");
    std::string text;
    if (!std::getline(in, text)) return std::nullopt;
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    auto close = text.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(text.substr(close + 1));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) { // field 3 is the state
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    long ticks = ::sysconf(_SC_CLK_TCK);
    if (ticks <= 0) return std::nullopt;
    return static_cast<double>(utime + stime) / static_cast<double>(ticks);
}

std::uint64_t process_usage::rss_bytes()
{
    std::ifstream in("/proc/self/statm");
    unsigned long long size = 0, resident = 0;
    if (!(in >> size >> resident)) return 0;
    long page = ::sysconf(_SC_PAGESIZE);
    return page > 0 ? resident * static_cast<std::uint64_t>(page) : 0;
}

double process_usage::cpu_percent(std::chrono::steady_clock::duration interval)
{
    auto now = std::chrono::steady_clock::now();
    if (now - sampled_at_ < interval) return percent_;
    auto cpu = cpu_seconds();
    if (!cpu) return percent_;
    double wall = std::chrono::duration<double>(now - sampled_at_).count();
    if (wall > 0) percent_ = (*cpu - sampled_cpu_) / wall * 100.0;
    sampled_at_ = now;
    sampled_cpu_ = *cpu;
    return percent_;
}

} // namespace hornet::cluster
