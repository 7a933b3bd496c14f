// Merging stats deltas between two reports.
#include "stats/snapshot_accumulator.hpp"

#include "core/clock.hpp"

#include <algorithm>

namespace hornet::stats {

void snapshot_accumulator::add(snapshot&& delta)
{
    for (auto& e : delta.entries) {
        auto key = std::make_pair(e.method, e.name);
        auto it = rows_.find(key);
        if (it == rows_.end())
            rows_.emplace(std::move(key), std::move(e));
        else
            it->second.merge(e);
    }
    if (delta.total.has_activity() || !total_) {
        if (!total_)
            total_ = std::move(delta.total);
        else
            total_->merge(delta.total);
    }
    errors_.merge(delta.errors);
    iterations_ += delta.iterations;
    for (auto& x : delta.exceptions) {
        auto it = std::find_if(exceptions_.begin(), exceptions_.end(), [&](const exception_record& r) {
            return r.message == x.message && r.traceback == x.traceback;
        });
        if (it == exceptions_.end())
            exceptions_.push_back(std::move(x));
        else
            it->count += x.count;
    }
}

snapshot snapshot_accumulator::take()
{
    snapshot out;
    out.entries.reserve(rows_.size());
    for (auto& [key, e] : rows_) out.entries.push_back(std::move(e));
    // A master keeps the earliest start_time it is sent: an idle delta must not say 1970.
    out.total = total_ ? std::move(*total_) : entry("", snapshot::total_name, core::unix_now());
    out.errors = std::move(errors_);
    out.exceptions = std::move(exceptions_);
    out.iterations = iterations_;
    clear();
    return out;
}

void snapshot_accumulator::clear()
{
    rows_.clear();
    total_.reset();
    errors_.clear();
    exceptions_.clear();
    iterations_ = {};
}

} // namespace hornet::stats
