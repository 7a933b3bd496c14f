// User dispatch over workers and classes.
#include "cluster/dispatch.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hornet::cluster {

std::vector<std::string> locust_worker_order(std::vector<std::string> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::map<std::string_view, std::size_t> per_host;
    std::vector<std::pair<std::size_t, std::string>> keyed;
    keyed.reserve(ids.size());
    for (auto& id : ids) {
        std::string_view host = std::string_view(id).substr(0, id.find('_'));
        keyed.emplace_back(per_host[host]++, id);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::string> out;
    out.reserve(keyed.size());
    for (auto& k : keyed) out.push_back(std::move(k.second));
    return out;
}

ramp_pace pace_for(double spawn_rate)
{
    ramp_pace p;
    if (!(spawn_rate > 0) || !std::isfinite(spawn_rate)) return p; // validated by the CLI; be safe
    p.users_per_step = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(spawn_rate)));
    p.interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(static_cast<double>(p.users_per_step) / spawn_rate));
    return p;
}

dispatcher::dispatcher(const std::vector<const scenario::user_class*>& classes)
    : classes_(classes), picker_(classes), totals_(classes.size()), picker_counts_(classes.size())
{
    for (const auto* c : classes) names_.push_back(c->name);
}

std::size_t dispatcher::worker_slot(std::string_view id) const
{
    for (std::size_t i = 0; i < workers_.size(); ++i)
        if (workers_[i] == id) return i;
    return workers_.size();
}

bool dispatcher::has_worker(std::string_view id) const
{
    return worker_slot(id) != workers_.size();
}

bool dispatcher::add_worker(std::string_view id)
{
    if (has_worker(id)) return false;
    auto ids = workers_;
    ids.emplace_back(id);
    workers_ = locust_worker_order(std::move(ids));
    rebalance();
    return true;
}

bool dispatcher::remove_worker(std::string_view id)
{
    auto slot = worker_slot(id);
    if (slot == workers_.size()) return false;
    workers_.erase(workers_.begin() + static_cast<std::ptrdiff_t>(slot));
    rebalance();
    return true;
}

void dispatcher::rebalance()
{
    per_worker_.assign(workers_.size(), class_vector(classes_.size()));
    if (workers_.empty()) {
        // Nowhere to run: the users are gone until a worker comes back (the target is the
        // master's, which ramps again).
        stack_.clear();
        std::fill(totals_.begin(), totals_.end(), 0);
        std::fill(picker_counts_.begin(), picker_counts_.end(), 0);
        return;
    }
    for (std::size_t k = 0; k < stack_.size(); ++k) ++per_worker_[k % workers_.size()][stack_[k]];
}

std::int64_t dispatcher::step_toward(std::int64_t target, std::int64_t max_step)
{
    target = std::max<std::int64_t>(0, target);
    max_step = std::max<std::int64_t>(1, max_step);
    std::int64_t moved = 0;
    while (user_count() < target && moved < max_step && !workers_.empty()) {
        auto cls = picker_.next(picker_counts_);
        if (cls == runtime::class_picker::npos) break;
        auto k = stack_.size();
        stack_.push_back(static_cast<std::uint32_t>(cls));
        ++per_worker_[k % workers_.size()][cls];
        ++totals_[cls];
        ++picker_counts_[cls];
        ++moved;
    }
    if (moved) return moved;
    while (user_count() > target && -moved < max_step) {
        auto k = stack_.size() - 1;
        auto cls = stack_.back();
        stack_.pop_back();
        --per_worker_[k % workers_.size()][cls];
        --totals_[cls];
        --picker_counts_[cls];
        --moved;
    }
    return moved;
}

bool dispatcher::can_reach(std::int64_t target) const
{
    if (user_count() > std::max<std::int64_t>(0, target)) return true;
    if (user_count() == target || workers_.empty()) return false;
    return picker_.next(picker_counts_) != runtime::class_picker::npos;
}

class_vector dispatcher::counts_of(std::string_view id) const
{
    auto slot = worker_slot(id);
    if (slot == workers_.size()) return class_vector(classes_.size());
    return per_worker_[slot];
}

} // namespace hornet::cluster
