// Locust-format logging.
#include "core/log.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <ctime>
#include <deque>
#include <mutex>

namespace hornet::core {

namespace {

std::atomic<log_level> level_{log_level::info};
std::mutex mutex_;
std::FILE* file_ = nullptr;

const std::string& host_name()
{
    static const std::string name = [] {
        char buf[256] = {};
        if (::gethostname(buf, sizeof buf - 1) != 0) return std::string("localhost");
        return std::string(buf);
    }();
    return name;
}

const char* level_name(log_level l)
{
    switch (l) {
    case log_level::debug: return "DEBUG";
    case log_level::info: return "INFO";
    case log_level::warning: return "WARNING";
    case log_level::error: return "ERROR";
    case log_level::critical: return "CRITICAL";
    }
    return "INFO";
}

} // namespace

std::optional<log_level> parse_log_level(std::string_view text)
{
    std::string upper(text);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    if (upper == "DEBUG") return log_level::debug;
    if (upper == "INFO") return log_level::info;
    if (upper == "WARNING" || upper == "WARN") return log_level::warning;
    if (upper == "ERROR") return log_level::error;
    if (upper == "CRITICAL") return log_level::critical;
    return std::nullopt;
}

void log::set_level(log_level l)
{
    level_ = l;
}
log_level log::level()
{
    return level_;
}

bool log::set_file(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "a");
    if (!f) return false;
    std::lock_guard lock(mutex_);
    if (file_) std::fclose(file_);
    file_ = f;
    return true;
}

namespace {

constexpr std::size_t recent_kept = 500;

// Guarded by log's mutex.
std::deque<std::string>& recent()
{
    static std::deque<std::string> lines;
    return lines;
}
std::uint64_t written = 0; // lines ever written; recent() holds the last of them

} // namespace

std::vector<std::string> log::recent_lines()
{
    std::lock_guard lock(mutex_);
    return {recent().begin(), recent().end()};
}

std::vector<std::string> log::lines_after(std::uint64_t& seen)
{
    std::lock_guard lock(mutex_);
    const auto& lines = recent();
    const std::uint64_t first = written - lines.size(); // the sequence of lines.front(), 0-based
    std::vector<std::string> out;
    for (std::uint64_t i = std::max(seen, first); i < written; ++i) out.push_back(lines[i - first]);
    seen = written;
    return out;
}

void log::write(log_level l, std::string_view logger, std::string_view message)
{
    if (static_cast<int>(l) < static_cast<int>(level_.load())) return;
    auto now = std::chrono::system_clock::now();
    auto t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    std::lock_guard lock(mutex_);
    std::FILE* out = file_ ? file_ : stderr;
    char millis[8];
    std::snprintf(millis, sizeof millis, "%03d", static_cast<int>(ms));
    std::string line;
    line.append("[").append(stamp).append(",").append(millis).append("] ").append(host_name()).append("/");
    line.append(level_name(l)).append("/").append(logger).append(": ").append(message);
    std::fprintf(out, "%s\n", line.c_str());
    std::fflush(out);
    if (recent().size() == recent_kept) recent().pop_front();
    recent().push_back(std::move(line));
    ++written;
}

void log::table(std::string_view text)
{
    std::lock_guard lock(mutex_);
    std::fwrite(text.data(), 1, text.size(), stderr);
    if (text.empty() || text.back() != '\n') std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace hornet::core
