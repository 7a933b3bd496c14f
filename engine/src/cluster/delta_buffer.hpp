// Stats deltas of a worker's threads gathered into the one delta its next `stats` message carries.
#pragma once

#include "stats/snapshot.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hornet::cluster {

/// Merges snapshots per (method, name) row, plus the total, errors and exceptions (by message
/// and traceback). take() hands out everything merged since the previous take().
class delta_buffer
{
public:
    void add(stats::snapshot&& delta);
    stats::snapshot take();
    void clear();
    bool empty() const noexcept { return rows_.empty() && !total_ && errors_.empty() && exceptions_.empty(); }

private:
    // The first delta of a row is taken as it is: merging into a default entry would make its
    // start_time 0 (merge keeps the earliest).
    std::map<std::pair<std::string, std::string>, stats::entry> rows_; // (method, name)
    std::optional<stats::entry> total_;
    stats::error_table errors_;
    std::vector<stats::exception_record> exceptions_;
};

} // namespace hornet::cluster
