// Failures counted per (method, name, error text), kept in first-seen order.
#pragma once

#include "core/failure_kind.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hornet::stats {

/// One row of Locust's error report / failures CSV.
struct error_entry
{
    std::string method;
    std::string name;
    std::string error; // the text as printed (Locust: repr of the exception)
    std::uint64_t occurrences = 0;
    /// How the request failed; one text always comes from one kind. `other` when the sender
    /// did not say (a Locust worker).
    core::failure_kind kind = core::failure_kind::other;

    friend bool operator==(const error_entry&, const error_entry&) = default;
};

/// Errors in the order they were first seen (the console error report's order).
/// Lookups take string_views and do not allocate once a key exists.
class error_table
{
public:
    error_table() = default;
    error_table(const error_table& other);
    error_table& operator=(const error_table& other);
    error_table(error_table&&) noexcept = default;
    error_table& operator=(error_table&&) noexcept = default;

    /// Adds `n` occurrences, creating the row on first sight. A known `kind` replaces `other`.
    void add(std::string_view method, std::string_view name, std::string_view error, std::uint64_t n = 1,
             core::failure_kind kind = core::failure_kind::other);

    /// Adds every row of `other` (new keys are appended in other's order).
    void merge(const error_table& other);

    /// Rows with occurrences > 0, in first-seen order.
    error_table nonzero() const;
    /// Sets every count to 0 but keeps the keys (no allocation when they recur).
    void zero_counts() noexcept;

    void clear() noexcept;
    bool empty() const noexcept { return rows_.empty(); }
    std::size_t size() const noexcept { return rows_.size(); }
    std::uint64_t total_occurrences() const noexcept;
    /// Occurrences summed per failure kind (index: the kind's value).
    std::array<std::uint64_t, core::failure_kind_count> occurrences_by_kind() const noexcept;
    const std::deque<error_entry>& rows() const noexcept { return rows_; }
    /// The row for a key, or nullptr.
    const error_entry* find(std::string_view method, std::string_view name, std::string_view error) const;

private:
    // The index views the strings of rows_: a deque never relocates its elements on push_back
    // and a move steals its blocks, so the views stay valid; a copy rebuilds the index.
    struct key
    {
        std::string_view method, name, error;
        friend bool operator==(const key&, const key&) = default;
    };
    struct key_hash
    {
        std::size_t operator()(const key& k) const noexcept;
    };

    void rebuild_index();

    std::deque<error_entry> rows_;
    std::unordered_map<key, std::size_t, key_hash> index_;
};

} // namespace hornet::stats
