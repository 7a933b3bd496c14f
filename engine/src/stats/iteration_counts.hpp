// How the open model's scheduled iterations went: the counts behind its late/dropped report.
#pragma once

#include <cstdint>

namespace hornet::stats {

/// Task iterations of the open model (--rate): every start the schedule asked for is either
/// started (on time or late) or dropped; those still queued when the test stops are neither.
/// All zero in the closed model.
struct iteration_counts
{
    std::uint64_t started = 0; ///< iterations that began (on time or late)
    std::uint64_t late = 0;    ///< of those, began more than the tolerance after their intended time
    std::uint64_t dropped = 0; ///< never began: no user of the pool was free in time

    bool empty() const noexcept { return started == 0 && late == 0 && dropped == 0; }

    iteration_counts& operator+=(const iteration_counts& o) noexcept
    {
        started += o.started;
        late += o.late;
        dropped += o.dropped;
        return *this;
    }

    friend bool operator==(const iteration_counts&, const iteration_counts&) = default;
};

} // namespace hornet::stats
