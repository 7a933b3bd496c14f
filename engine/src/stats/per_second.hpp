// Counts per wall-clock epoch second (Locust's num_reqs_per_sec / num_fail_per_sec).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace hornet::stats {

/// A sorted list of (epoch second, count). Counts arrive almost always for the newest second,
/// so add() is an append or an increment of the last element; clear() keeps the capacity so a
/// recorder that is cleared every report tick stops allocating after warm-up.
class per_second
{
public:
    using value_type = std::pair<std::int64_t, std::uint64_t>;

    void add(std::int64_t second, std::uint64_t n = 1)
    {
        if (!items_.empty() && items_.back().first == second) {
            items_.back().second += n;
            return;
        }
        if (items_.empty() || items_.back().first < second) {
            items_.emplace_back(second, n);
            return;
        }
        add_out_of_order(second, n);
    }

    /// Count for one second (0 if none).
    std::uint64_t at(std::int64_t second) const noexcept;
    /// Sum over seconds in [first, last).
    std::uint64_t sum(std::int64_t first, std::int64_t last) const noexcept;

    void merge(const per_second& other);
    /// Drops the seconds before `second` (the aggregate keeps only what the rps window needs).
    void trim_before(std::int64_t second);
    void clear() noexcept { items_.clear(); }

    bool empty() const noexcept { return items_.empty(); }
    std::size_t size() const noexcept { return items_.size(); }
    const std::vector<value_type>& items() const noexcept { return items_; }

    friend bool operator==(const per_second&, const per_second&) = default;

private:
    void add_out_of_order(std::int64_t second, std::uint64_t n);

    std::vector<value_type> items_;
};

} // namespace hornet::stats
