// Per-thread recorder: hashed lookup of (method, name), in-place counters, deltas on take().
#include "stats/shard.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <utility>

namespace hornet::stats {

std::size_t shard::key_hash::operator()(const key& k) const noexcept
{
    std::hash<std::string_view> h;
    std::size_t seed = h(k.name);
    return seed ^ (h(k.method) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

shard::shard() : total_("", snapshot::total_name, core::unix_now()) {}

entry& shard::find_or_add(std::string_view method, std::string_view name, double wall_time)
{
    if (last_ && last_->name == name && last_->method == method) return *last_;
    auto it = entries_.find(key{method, name});
    if (it == entries_.end()) {
        auto e = std::make_unique<entry>(std::string(method), std::string(name), wall_time);
        key k{e->method, e->name};
        it = entries_.emplace(k, std::move(e)).first;
    }
    last_ = it->second.get();
    return *last_;
}

void shard::record(std::string_view method, std::string_view name, double response_time_ms,
                   std::uint64_t content_length, std::string_view error, double wall_time, core::failure_kind kind)
{
    entry& e = find_or_add(method, name, wall_time);
    e.log(response_time_ms, content_length, wall_time);
    total_.log(response_time_ms, content_length, wall_time);
    if (!error.empty()) {
        e.log_error(wall_time);
        total_.log_error(wall_time);
        errors_.add(method, name, error, 1, kind);
    }
}

void shard::record_corrected(double corrected_ms)
{
    // record() leaves last_ at the request's row.
    if (!last_) return;
    last_->log_corrected(corrected_ms);
    total_.log_corrected(corrected_ms);
}

void shard::record_exception(std::string_view message, std::string_view traceback)
{
    auto it = std::find_if(exceptions_.begin(), exceptions_.end(),
                           [&](const exception_record& r) { return r.traceback == traceback; });
    if (it != exceptions_.end())
        ++it->count;
    else
        exceptions_.push_back(exception_record{std::string(message), std::string(traceback), 1});
}

snapshot shard::take()
{
    double now = core::unix_now();
    snapshot delta;
    bool prune = entries_.size() > max_idle_keys;
    for (auto it = entries_.begin(); it != entries_.end();) {
        entry& e = *it->second;
        if (e.has_activity()) {
            delta.entries.push_back(e);
            e.reset(now);
            ++it;
        } else if (prune) {
            if (last_ == &e) last_ = nullptr;
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    delta.total = total_;
    total_.reset(now);

    delta.errors = errors_.nonzero();
    if (errors_.size() > max_idle_keys)
        errors_.clear();
    else
        errors_.zero_counts();

    delta.exceptions = std::move(exceptions_);
    exceptions_.clear();
    delta.iterations = std::exchange(iterations_, {});
    return delta;
}

} // namespace hornet::stats
