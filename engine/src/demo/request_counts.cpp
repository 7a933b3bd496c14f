// Snapshots and reset of the demo target's request counters.
#include "demo/request_counts.hpp"

#include <boost/beast/http/verb.hpp>

namespace hornet::demo {

namespace http = boost::beast::http;

namespace {

// A reset racing with increments may leave a counter just below its baseline for a moment.
std::uint64_t minus(std::uint64_t value, std::uint64_t base)
{
    return value > base ? value - base : 0;
}

} // namespace

std::string_view request_counts::method_name(http::verb method)
{
    if (method == http::verb::unknown || static_cast<std::size_t>(method) >= verb_slots) {
        return "OTHER";
    }
    return http::to_string(method);
}

request_counts::snapshot request_counts::take(bool since_reset) const
{
    std::unique_lock lock(baseline_mutex_, std::defer_lock);
    if (since_reset) {
        lock.lock();
    }
    snapshot out;
    for (std::size_t r = 0; r < route_count; ++r) {
        for (int slash = 0; slash < 2; ++slash) {
            for (std::size_t v = 0; v < verb_slots; ++v) {
                const auto slot = (r * 2 + static_cast<std::size_t>(slash)) * verb_slots + v;
                auto n = by_route_[slot].load(std::memory_order_relaxed);
                if (since_reset) {
                    n = minus(n, baseline_route_[slot]);
                }
                if (n == 0) {
                    continue;
                }
                route_row row;
                const auto which = static_cast<route>(r);
                row.method = which == route::malformed ? std::string_view() : method_name(static_cast<http::verb>(v));
                row.pattern = std::string(route_pattern(which));
                if (slash != 0) {
                    row.pattern += '/';
                }
                row.label = row.method.empty() ? row.pattern : std::string(row.method) + ' ' + row.pattern;
                row.count = n;
                out.total += n;
                out.routes.push_back(std::move(row));
            }
        }
    }
    for (std::size_t s = 0; s < status_slots; ++s) {
        auto n = by_status_[s].load(std::memory_order_relaxed);
        if (since_reset) {
            n = minus(n, baseline_status_[s]);
        }
        if (n != 0) {
            out.status.emplace_back(static_cast<unsigned>(s), n);
        }
    }
    for (std::size_t e = 0; e < demo_event_count; ++e) {
        const auto n = events_[e].load(std::memory_order_relaxed);
        out.events[e] = since_reset ? minus(n, baseline_events_[e]) : n;
    }
    return out;
}

void request_counts::reset()
{
    std::lock_guard lock(baseline_mutex_);
    for (std::size_t i = 0; i < route_slots; ++i) {
        baseline_route_[i] = by_route_[i].load(std::memory_order_relaxed);
    }
    for (std::size_t i = 0; i < status_slots; ++i) {
        baseline_status_[i] = by_status_[i].load(std::memory_order_relaxed);
    }
    for (std::size_t i = 0; i < demo_event_count; ++i) {
        baseline_events_[i] = events_[i].load(std::memory_order_relaxed);
    }
}

} // namespace hornet::demo
