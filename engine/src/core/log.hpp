// Log lines in Locust's format: "[YYYY-MM-DD HH:MM:SS,mmm] <host>/<LEVEL>/<logger>: <message>".
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::core {

enum class log_level { debug = 10, info = 20, warning = 30, error = 40, critical = 50 };

/// Parses DEBUG/INFO/WARNING/ERROR/CRITICAL, case-insensitive.
std::optional<log_level> parse_log_level(std::string_view text);

/// Process-wide logger. Log lines go to stderr, or to --logfile; stats tables always go to
/// stderr (as Locust's separate "locust.stats_logger" does). Thread-safe; not for hot paths.
class log
{
public:
    static void set_level(log_level level);
    static log_level level();
    /// Whether lines at `l` are printed: guards DEBUG lines whose text costs something to build.
    static bool enabled(log_level l) { return static_cast<int>(l) >= static_cast<int>(level()); }
    /// Redirects the normal log lines to a file; returns false (and keeps stderr) if it can't open.
    static bool set_file(const std::string& path);

    static void write(log_level level, std::string_view logger, std::string_view message);
    /// A bare line (stats tables, summaries): always stderr, no prefix.
    static void table(std::string_view text);

    /// The last log lines written (at most 500, oldest first), as printed: the web UI's /logs.
    static std::vector<std::string> recent_lines();
    /// The lines written after the `seen`-th (those still kept), and `seen` moved past them: a
    /// worker sends its master what is new since its last message.
    static std::vector<std::string> lines_after(std::uint64_t& seen);

    static void debug(std::string_view logger, std::string_view m) { write(log_level::debug, logger, m); }
    static void info(std::string_view logger, std::string_view m) { write(log_level::info, logger, m); }
    static void warning(std::string_view logger, std::string_view m) { write(log_level::warning, logger, m); }
    static void error(std::string_view logger, std::string_view m) { write(log_level::error, logger, m); }
};

} // namespace hornet::core
