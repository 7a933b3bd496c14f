// Per-thread recorder of request events: the only stats code on the request hot path.
#pragma once

#include "stats/snapshot.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    void record(std::string_view method, std::string_view name, double response_time_ms, std::uint64_t content_length,
                std::string_view error, double wall_time, core::failure_kind kind = core::failure_kind::other);

    /// The open model's time of the request record() counted last, measured from its
    /// iteration's intended start. Call right after that record().
    void record_corrected(double corrected_ms);

    /// The open model's iterations of this thread, counted as they happen.
    iteration_counts& iterations() noexcept { return iterations_; }

    /// An exception that escaped scenario code (Locust's user_error / exceptions table).
    void record_exception(std::string_view message, std::string_view traceback);

    /// Moves out everything recorded since the last take() and starts a new delta.
    snapshot take();

    /// Keys kept while idle: beyond this many, keys without requests in a period are dropped
    /// at take() so a scenario with unbounded names (ids in URLs) cannot grow a shard forever.
    static constexpr std::size_t max_idle_keys = 4096;

private:
    struct key
    {
        std::string_view method, name; // views into the entry the key maps to
        friend bool operator==(const key&, const key&) = default;
    };
    struct key_hash
    {
        std::size_t operator()(const key& k) const noexcept;
    };

    entry& find_or_add(std::string_view method, std::string_view name, double wall_time);

    // Entries live on the heap so the key views (into their strings) never move.
    std::unordered_map<key, std::unique_ptr<entry>, key_hash> entries_;
    entry* last_ = nullptr; // most recent lookup: consecutive requests often share a name
    entry total_;
    error_table errors_;
    std::vector<exception_record> exceptions_;
    iteration_counts iterations_;
};

} // namespace hornet::stats
