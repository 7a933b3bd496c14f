// Response times gathered per value before they enter a histogram.
#pragma once

#include "stats/histogram.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace hornet::stats {

/// (value µs, count) pairs, sorted by value, for a master's row between two merges. Locust's
/// buckets of 1-100 ms fall into some 25 different 2 KB chunks of a histogram, so recording each
/// worker's buckets there costs a cache miss per bucket (a master's rows do not fit in the
/// cache); the tally of the few dozen values a row sees is a small array that does, and it enters
/// the histogram once per merge. record_into() gives the histogram what recording every add()
/// would have given.
class time_tally
{
public:
    void add(std::uint64_t value_us, std::uint64_t n)
    {
        if (n == 0) return; // histogram::record ignores it too
        auto it = std::lower_bound(items_.begin(), items_.end(), value_us,
                                   [](const auto& item, std::uint64_t v) { return item.first < v; });
        // A sum that would wrap stays a pair of its own: recorded apart, as it would have been.
        if (it != items_.end() && it->first == value_us && it->second <= UINT64_MAX - n)
            it->second += n;
        else
            items_.insert(it, {value_us, n});
    }

    /// Records every pair into `h` (ascending) and forgets them, keeping the capacity.
    void record_into(histogram& h)
    {
        for (const auto& [v, n] : items_) h.record(v, n);
        items_.clear();
    }

    bool empty() const noexcept { return items_.empty(); }
    std::size_t size() const noexcept { return items_.size(); }

private:
    std::vector<std::pair<std::uint64_t, std::uint64_t>> items_;
};

} // namespace hornet::stats
