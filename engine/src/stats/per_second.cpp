// Per-second counters: lookups, merge and trimming.
#include "stats/per_second.hpp"

#include <algorithm>

namespace hornet::stats {

namespace {

auto by_second = [](const per_second::value_type& item, std::int64_t second) { return item.first < second; };

} // namespace

void per_second::add_out_of_order(std::int64_t second, std::uint64_t n)
{
    // The wall clock stepped back (NTP) or threads' deltas interleave: keep the list sorted.
    auto it = std::lower_bound(items_.begin(), items_.end(), second, by_second);
    if (it != items_.end() && it->first == second)
        it->second += n;
    else
        items_.insert(it, value_type{second, n});
}

std::uint64_t per_second::at(std::int64_t second) const noexcept
{
    auto it = std::lower_bound(items_.begin(), items_.end(), second, by_second);
    return it != items_.end() && it->first == second ? it->second : 0;
}

std::uint64_t per_second::sum(std::int64_t first, std::int64_t last) const noexcept
{
    std::uint64_t total = 0;
    for (auto it = std::lower_bound(items_.begin(), items_.end(), first, by_second);
         it != items_.end() && it->first < last; ++it)
        total += it->second;
    return total;
}

void per_second::merge(const per_second& other)
{
    for (const auto& [second, n] : other.items_) add(second, n);
}

void per_second::trim_before(std::int64_t second)
{
    auto it = std::lower_bound(items_.begin(), items_.end(), second, by_second);
    items_.erase(items_.begin(), it);
}

} // namespace hornet::stats
