// RLIMIT_NOFILE: raise it, read it, and say when the users cannot all have a socket.
#include "core/fd_limit.hpp"

#include <sys/resource.h>

#include "core/log.hpp"

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
    rlimit raised = r;
    // An unlimited hard limit cannot be the soft one (the kernel caps it at nr_open, 2^20 by
    // default); a refusal leaves the limit as it was, which the warning before spawning reports.
    raised.rlim_cur = r.rlim_max == RLIM_INFINITY ? std::max<rlim_t>(r.rlim_cur, rlim_t{1} << 20) : r.rlim_max;
    if (raised.rlim_cur != r.rlim_cur) {
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            log::debug("hornet.main", "Raised the open file limit from " + std::to_string(r.rlim_cur) + " to " +
                                          std::to_string(raised.rlim_cur));
    }
    auto now = fd_limit();
    // Locust wants 10,000 and warns when the system keeps it below; the per-run warning before
    // spawning gives the precise figure for the users asked for.
    if (now && *now < fd_wanted)
        log::warning("hornet.main", "System open file limit '" + std::to_string(*now) + "' is below " +
                                        std::to_string(fd_wanted) +
                                        ", not enough for many users (each holds a socket); the hard limit "
                                        "did not allow more. Raise it with ulimit -Hn before starting");
    return now;
}

std::string fd_limit_warning(std::uint64_t users, std::uint64_t limit)
{
    if (users + fd_reserve <= limit) return {};
    return std::to_string(users) + " users need about " + std::to_string(users + fd_reserve) +
           " open files (a socket each) but this process may open " + std::to_string(limit) +
           ": users beyond that will fail with OSError(24, 'Too many open files'). Raise the hard limit "
           "(ulimit -n / -Hn, LimitNOFILE= in systemd, --ulimit nofile= in Docker) or run fewer users per process: "
           "more worker processes (--master and --worker) sharing the users";
}

} // namespace hornet::core
