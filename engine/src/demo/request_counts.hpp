// Lock-free request counters of the demo target, read by /__hornet/counts (since the last reset) and /metrics (ever).
#pragma once

#include "demo/route.hpp"

// Boost 1.81's verb.hpp uses std::ostream without including it.
#include <ostream>

#include <boost/beast/http/verb.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::demo {

/// Things counted besides requests, for the scenario checks of the integration tests.
enum class demo_event : std::uint8_t { user_created, profile_update, forbidden, search };
inline constexpr std::size_t demo_event_count = 4;

/// Counts per (method, route, trailing slash) and per status code.
///
/// Recording is two relaxed atomic increments, so the hot paths never lock. A reset does not
/// zero the counters (that would race with recording and break /metrics' monotonic counters):
/// it remembers their values as a baseline that the "since reset" view subtracts.
///
/// Thread safety: all members may be called concurrently.
class request_counts
{
public:
    struct route_row
    {
        std::string label; // "GET /api/users/{id}"
        std::string_view method;
        std::string pattern; // "/api/users/{id}", with the trailing slash if the path had one
        std::uint64_t count;
    };

    struct snapshot
    {
        std::uint64_t total = 0;
        std::vector<route_row> routes;                          // non-zero rows, table order
        std::vector<std::pair<unsigned, std::uint64_t>> status; // non-zero, ascending code
        std::array<std::uint64_t, demo_event_count> events{};
    };

    void record(route r, bool trailing_slash, boost::beast::http::verb method, unsigned status) noexcept
    {
        by_route_[route_slot(r, trailing_slash, method)].fetch_add(1, std::memory_order_relaxed);
        by_status_[status < status_slots ? status : 0].fetch_add(1, std::memory_order_relaxed);
    }

    void add(demo_event e) noexcept { events_[static_cast<std::size_t>(e)].fetch_add(1, std::memory_order_relaxed); }

    /// Counters since the last reset (since_reset) or since start.
    snapshot take(bool since_reset) const;

    /// Makes the "since reset" view start from zero.
    void reset();

    /// The method as counted: Beast's name for it, "OTHER" for methods Beast doesn't know.
    static std::string_view method_name(boost::beast::http::verb method);

private:
    static constexpr std::size_t verb_slots = static_cast<std::size_t>(boost::beast::http::verb::unlink) + 1;
    static constexpr std::size_t route_slots = route_count * 2 * verb_slots;
    static constexpr std::size_t status_slots = 1000;

    static std::size_t route_slot(route r, bool trailing_slash, boost::beast::http::verb method) noexcept
    {
        auto v = static_cast<std::size_t>(method);
        if (v >= verb_slots) {
            v = 0;
        }
        return (static_cast<std::size_t>(r) * 2 + (trailing_slash ? 1 : 0)) * verb_slots + v;
    }

    std::array<std::atomic<std::uint64_t>, route_slots> by_route_{};
    std::array<std::atomic<std::uint64_t>, status_slots> by_status_{};
    std::array<std::atomic<std::uint64_t>, demo_event_count> events_{};

    mutable std::mutex baseline_mutex_;
    std::vector<std::uint64_t> baseline_route_ = std::vector<std::uint64_t>(route_slots);
    std::vector<std::uint64_t> baseline_status_ = std::vector<std::uint64_t>(status_slots);
    std::array<std::uint64_t, demo_event_count> baseline_events_{};
};

} // namespace hornet::demo
