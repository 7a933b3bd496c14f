// Merging stats deltas between two reports.
#include "stats/snapshot_accumulator.hpp"

#include "core/clock.hpp"

#include <algorithm>

namespace hornet::stats {

void snapshot_accumulator::add(snapshot&& delta)
{
    for (auto& e : delta.entries) merge_row(e.method, e.name, std::move(e));
    merge_total(std::move(delta.total));
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

snapshot_accumulator::row& snapshot_accumulator::merge_row(std::string_view method, std::string_view name,
                                                           entry&& delta)
{
    auto it = rows_.find(std::pair<std::string_view, std::string_view>(method, name));
    if (it != rows_.end()) {
        it->second.stats.merge(delta);
        return it->second;
    }
    std::pair<std::string, std::string> key(method, name);
    delta.method = key.first;
    delta.name = key.second;
    return rows_.emplace(std::move(key), row{std::move(delta), {}}).first->second;
}

snapshot_accumulator::row* snapshot_accumulator::merge_total(entry&& delta)
{
    if (!total_) return &total_.emplace(row{std::move(delta), {}});
    if (!delta.has_activity()) return nullptr;
    total_->stats.merge(delta);
    return &*total_;
}

snapshot snapshot_accumulator::take()
{
    snapshot out;
    out.entries.reserve(rows_.size());
    for (auto& [key, r] : rows_) {
        r.times.record_into(r.stats.response_times);
        out.entries.push_back(std::move(r.stats));
    }
    if (total_) total_->times.record_into(total_->stats.response_times);
    // A master keeps the earliest start_time it is sent: an idle delta must not say 1970.
    out.total = total_ ? std::move(total_->stats) : entry("", snapshot::total_name, core::unix_now());
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
