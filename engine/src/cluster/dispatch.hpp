// Spreads users over workers and user classes as Locust's UsersDispatcher does (newest, KL order).
#pragma once

#include "runtime/class_picker.hpp"
#include "scenario/model.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::cluster {

/// Users per class for one worker, in the dispatcher's class order (class_names()).
using class_vector = std::vector<std::int64_t>;

/// Locust's worker order: sort ids, number each worker within its host (the id up to the first
/// '_'), then sort by (number within host, id) so consecutive users land on different machines.
std::vector<std::string> locust_worker_order(std::vector<std::string> ids);

/// Locust's ramp pacing: k = max(1, floor(rate)) users per iteration, k / rate seconds apart.
struct ramp_pace
{
    std::int64_t users_per_step = 1;
    std::chrono::steady_clock::duration interval{};
};
ramp_pace pace_for(double spawn_rate);

/// Which worker runs how many users of which class.
///
/// The algorithm is Locust's newest (>= 2.29) for every fleet, whatever the workers' versions:
/// classes in Kullback-Leibler order with fixed_count classes first (runtime::class_picker, the
/// same picker the local runner uses, so standalone and distributed runs get the same mix) and
/// users dealt round-robin over the workers in locust_worker_order(). The counts sent to a
/// worker are absolute, so a 2.12 worker applies them exactly like a newest one; only the class
/// order at low user counts differs from a 2.12 master (reference §0.11).
///
/// One deliberate simplification of Locust: the assignment of N users is always the first N
/// (worker, class) pairs of one deterministic sequence, where user k goes to worker k mod W.
/// Locust's generators keep running across a ramp-down, so after down-then-up ramps its layout
/// drifts from the from-scratch one it computes on a rebalance; here removal is exactly LIFO
/// and a ramp back up reproduces the same layout. For ramps that only grow, and for every
/// rebalance (worker joined or went missing: the current count replayed over the new worker
/// set), the result equals Locust's.
///
/// Pure and single-threaded; the master paces the steps (pace_for) and sends the counts.
class dispatcher
{
public:
    /// Classes as in the scenario; weight 0 classes without fixed_count never get users.
    explicit dispatcher(const std::vector<const scenario::user_class*>& classes);

    const std::vector<std::string>& class_names() const noexcept { return names_; }

    /// Adds or removes a worker and replays the current users over the new set (a rebalance).
    /// Return false when nothing changed (already present / absent).
    bool add_worker(std::string_view id);
    bool remove_worker(std::string_view id);
    /// Workers in dispatch order.
    const std::vector<std::string>& workers() const noexcept { return workers_; }
    bool has_worker(std::string_view id) const;

    std::int64_t user_count() const noexcept { return static_cast<std::int64_t>(stack_.size()); }

    /// Moves the user count toward `target` by at most `max_step` users (adding or removing
    /// LIFO) and returns how many users were added (> 0) or removed (< 0). Adding stops early
    /// when no class can take more users (only fixed_count classes, all full) or when there is
    /// no worker.
    std::int64_t step_toward(std::int64_t target, std::int64_t max_step);

    /// Whether step_toward can still move toward `target`.
    bool can_reach(std::int64_t target) const;

    /// Users of one worker per class (zeros for an unknown worker).
    class_vector counts_of(std::string_view id) const;
    /// Users per class over all workers.
    const class_vector& class_totals() const noexcept { return totals_; }

private:
    std::size_t worker_slot(std::string_view id) const;
    void rebalance();

    std::vector<const scenario::user_class*> classes_;
    std::vector<std::string> names_;
    runtime::class_picker picker_;
    std::vector<std::string> workers_;     // Locust order
    std::vector<std::uint32_t> stack_;     // class of user k; user k runs on workers_[k % W]
    std::vector<class_vector> per_worker_; // parallel to workers_
    class_vector totals_;
    std::vector<std::size_t> picker_counts_; // totals_ as class_picker wants them
};

} // namespace hornet::cluster
