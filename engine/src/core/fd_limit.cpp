// RLIMIT_NOFILE: raise it, read it, and say when the users cannot all have a socket.
#include "core/fd_limit.hpp"

#include <sys/resource.h>

#include <algorithm>

namespace hornet::core {

std::optional<std::uint64_t> fd_limit()
{
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return std::nullopt;
    return static_cast<std::uint64_t>(r.rlim_cur);
}

std::optional<std::uint64_t> raise_fd_limit()
{
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return std::nullopt;
    if (r.rlim_cur != r.rlim_max) {
        rlimit raised = r;
        raised.rlim_cur = r.rlim_max;
        // Refused (a hard limit of RLIM_INFINITY above the kernel's nr_open): keep the old one.
        if (::setrlimit(RLIMIT_NOFILE, &raised) != 0) {
            raised.rlim_cur = std::max<rlim_t>(r.rlim_cur, 1 << 20);
            if (raised.rlim_cur > r.rlim_max || ::setrlimit(RLIMIT_NOFILE, &raised) != 0) return fd_limit();
        }
    }
    return fd_limit();
}

std::string fd_limit_warning(std::uint64_t users, std::uint64_t limit)
{
    if (users + fd_reserve <= limit) return {};
    return std::to_string(users) + " users need about " + std::to_string(users + fd_reserve) +
           " open files (a socket each) but this process may open " + std::to_string(limit) +
           ": users beyond that will fail with OSError(24, 'Too many open files'). Raise the hard limit "
           "(ulimit -Hn, LimitNOFILE= in systemd, --ulimit nofile= in Docker) or run fewer users per process";
}

} // namespace hornet::core
