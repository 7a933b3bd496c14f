// A stats delta: what a thread's shard (or a remote worker) hands to the aggregate.
#pragma once

#include "stats/entry.hpp"
#include "stats/error_table.hpp"
#include "stats/iteration_counts.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace hornet::stats {

/// An exception that escaped scenario code, counted by traceback (Locust's runner.exceptions).
struct exception_record
{
    std::string message;
    std::string traceback;
    std::uint64_t count = 0;

    friend bool operator==(const exception_record&, const exception_record&) = default;
};

/// Everything recorded since the previous delta. Movable; merged by aggregate::merge.
struct snapshot
{
    /// The name and method of Locust's total row.
    static constexpr const char* total_name = "Aggregated";

    std::vector<entry> entries;  // rows with activity, one per (method, name)
    entry total{"", total_name}; // the Aggregated row of this delta
    error_table errors;          // errors of this delta, first-seen order
    std::vector<exception_record> exceptions;
    iteration_counts iterations; // open model only

    bool empty() const noexcept
    {
        return entries.empty() && !total.has_activity() && errors.empty() && exceptions.empty() && iterations.empty();
    }
};

} // namespace hornet::stats
