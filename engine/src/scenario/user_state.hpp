// What one user carries between requests for its templates: variables, counters, data rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace hornet::scenario {

struct user_state
{
    std::uint64_t user_id = 0;
    std::uint64_t counter = 0;       ///< {{counter.user}}: last value handed out
    std::vector<std::string> values; ///< by variable slot
    std::vector<bool> is_set;        ///< by variable slot: extracted / given yet?
    /// What a value is, for {{json:name}}: plain text (typed by its shape), JSON text written as
    /// is (a number, boolean, null, object or array taken by a JSON pointer), or a string taken
    /// by a JSON pointer (always written as a JSON string).
    enum class kind : std::uint8_t { text, json, json_string };
    std::vector<kind> kinds;        ///< by variable slot
    std::vector<std::size_t> rows;  ///< by data set index: this user's row
    std::mt19937_64* rng = nullptr; ///< the thread's generator

    void set(std::size_t slot, std::string value, kind k = kind::text)
    {
        values[slot] = std::move(value);
        is_set[slot] = true;
        if (kinds.size() <= slot) kinds.resize(values.size());
        kinds[slot] = k;
    }
};

} // namespace hornet::scenario
