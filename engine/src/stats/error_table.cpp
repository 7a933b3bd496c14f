// Error table: first-seen order with allocation-free lookups of known keys.
#include "stats/error_table.hpp"

namespace hornet::stats {

std::size_t error_table::key_hash::operator()(const key& k) const noexcept
{
    std::hash<std::string_view> h;
    std::size_t seed = h(k.method);
    seed ^= h(k.name) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    seed ^= h(k.error) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    return seed;
}

error_table::error_table(const error_table& other) : rows_(other.rows_)
{
    rebuild_index();
}

error_table& error_table::operator=(const error_table& other)
{
    if (this != &other) {
        rows_ = other.rows_;
        rebuild_index();
    }
    return *this;
}

void error_table::rebuild_index()
{
    index_.clear();
    index_.reserve(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i)
        index_.emplace(key{rows_[i].method, rows_[i].name, rows_[i].error}, i);
}

void error_table::add(std::string_view method, std::string_view name, std::string_view error, std::uint64_t n,
                      core::failure_kind kind)
{
    auto it = index_.find(key{method, name, error});
    if (it != index_.end()) {
        auto& row = rows_[it->second];
        row.occurrences += n;
        if (row.kind == core::failure_kind::other) row.kind = kind;
        return;
    }
    auto& row = rows_.emplace_back(error_entry{std::string(method), std::string(name), std::string(error), n, kind});
    index_.emplace(key{row.method, row.name, row.error}, rows_.size() - 1);
}

void error_table::merge(const error_table& other)
{
    for (const auto& row : other.rows_) add(row.method, row.name, row.error, row.occurrences, row.kind);
}

error_table error_table::nonzero() const
{
    error_table result;
    for (const auto& row : rows_)
        if (row.occurrences) result.add(row.method, row.name, row.error, row.occurrences, row.kind);
    return result;
}

void error_table::zero_counts() noexcept
{
    for (auto& row : rows_) row.occurrences = 0;
}

void error_table::clear() noexcept
{
    index_.clear();
    rows_.clear();
}

std::uint64_t error_table::total_occurrences() const noexcept
{
    std::uint64_t total = 0;
    for (const auto& row : rows_) total += row.occurrences;
    return total;
}

std::array<std::uint64_t, core::failure_kind_count> error_table::occurrences_by_kind() const noexcept
{
    std::array<std::uint64_t, core::failure_kind_count> out{};
    for (const auto& row : rows_) out[static_cast<std::size_t>(row.kind)] += row.occurrences;
    return out;
}

const error_entry* error_table::find(std::string_view method, std::string_view name, std::string_view error) const
{
    auto it = index_.find(key{method, name, error});
    return it == index_.end() ? nullptr : &rows_[it->second];
}

} // namespace hornet::stats
