// Per-thread recorder of request events: the only stats code on the request hot path.
#pragma once

#include "stats/snapshot.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::stats {

/// Records requests made by the users of one thread. Owned and used by exactly one thread:
/// no locks, and no allocation once a (method, name) pair and an error text have been seen.
/// Every report tick the owner thread calls take() and hands the delta to the aggregate.
class shard
{
public:
    shard();

    /// One finished request, as Locust's request event: `error` empty means success.
    /// `wall_time` is the Unix time (s) it finished at, for the per-second counters.
    void record(std::string_view method, std::string_view name, double response_time_ms,
                std::uint64_t content_length, std::string_view error, double wall_time);

    /// An exception that escaped scenario code (Locust's user_error / exceptions table).
    void record_exception(std::string_view message, std::string_view traceback);

    /// Moves out everything recorded since the last take() and starts a new delta.
    snapshot take();

private:
    snapshot current_;
    // (helper-defined index structures for O(1) lookup go here)
};

} // namespace hornet::stats
