// The process's open file limit: every simulated user holds a socket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hornet::core {

/// The limit below which the start-up warns, as Locust does (its minimum is 10,000).
inline constexpr std::uint64_t fd_wanted = 10000;

/// Raises the soft RLIMIT_NOFILE to the hard one, as Locust does at start (a shell's 1024 is far
/// below what a load test needs, while the hard limit is usually much higher): logs the raise at
/// debug level, and a warning when the limit stays below fd_wanted. Returns the soft limit in
/// force afterwards; nullopt when it cannot be read.
std::optional<std::uint64_t> raise_fd_limit();

/// The soft RLIMIT_NOFILE now; nullopt when unlimited or unreadable.
std::optional<std::uint64_t> fd_limit();

/// Files a process needs beside its users' sockets: standard streams, the event loop's
/// descriptors, CSV and log files, the master connection, DNS lookups.
inline constexpr std::uint64_t fd_reserve = 64;

/// The warning for `users` users (one socket each) under `limit` open files, or "" when they fit.
std::string fd_limit_warning(std::uint64_t users, std::uint64_t limit);

} // namespace hornet::core
