// The last seconds of response times, for Locust's "current" (≈10 s) percentiles.
#pragma once

#include "stats/histogram.hpp"

#include <array>
#include <cstdint>
#include <limits>

namespace hornet::stats {

/// A ring of per-second histograms covering the last `seconds` epoch seconds. Data for a second
/// older than the ring holds is dropped; a slot is reused (memory kept) when its second recurs.
class window
{
public:
    static constexpr int seconds = 10;

    /// Adds the response times of a delta whose requests ended in `second`.
    void add(std::int64_t second, const histogram& h);

    /// The response times of the seconds in (now_second - seconds, now_second].
    histogram recent(std::int64_t now_second) const;

    void reset() noexcept;

private:
    struct slot
    {
        std::int64_t second = std::numeric_limits<std::int64_t>::min();
        histogram values;
    };
    std::array<slot, seconds> slots_;
};

} // namespace hornet::stats
