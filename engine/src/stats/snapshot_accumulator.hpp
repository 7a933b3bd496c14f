// Stats deltas gathered into one: a worker's threads' deltas into its next `stats` message, the
// workers' reports into a master's next merge.
#pragma once

#include "stats/snapshot.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hornet::stats {

/// Merges snapshots per (method, name) row, plus the total, errors and exceptions (by message
/// and traceback). take() hands out everything merged since the previous take().
class snapshot_accumulator
{
public:
    void add(snapshot&& delta);
    snapshot take();
    void clear();
    bool empty() const noexcept { return rows_.empty() && !total_ && errors_.empty() && exceptions_.empty(); }

private:
    // The first delta of a row is taken as it is: merging into a default entry would make its
    // start_time 0 (merge keeps the earliest).
    std::map<std::pair<std::string, std::string>, entry> rows_; // (method, name)
    std::optional<entry> total_;
    error_table errors_;
    std::vector<exception_record> exceptions_;
    iteration_counts iterations_;
};

} // namespace hornet::stats
