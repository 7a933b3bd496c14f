// Ring of per-second histograms.
#include "stats/window.hpp"

namespace hornet::stats {

namespace {

std::size_t slot_of(std::int64_t second)
{
    auto m = second % window::seconds;
    return static_cast<std::size_t>(m < 0 ? m + window::seconds : m);
}

} // namespace

void window::add(std::int64_t second, const histogram& h)
{
    if (h.empty()) return;
    slot& s = slots_[slot_of(second)];
    if (s.second != second) {
        if (s.second > second) return; // older than what the ring keeps
        s.values.reset();
        s.second = second;
    }
    s.values.merge(h);
}

histogram window::recent(std::int64_t now_second) const
{
    histogram result;
    for (const slot& s : slots_)
        if (s.second > now_second - seconds && s.second <= now_second) result.merge(s.values);
    return result;
}

void window::reset() noexcept
{
    for (slot& s : slots_) {
        s.second = std::numeric_limits<std::int64_t>::min();
        s.values.reset();
    }
}

} // namespace hornet::stats
