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
    std::vector<std::size_t> rows;   ///< by data set index: this user's row
    std::mt19937_64* rng = nullptr;  ///< the thread's generator

    void set(std::size_t slot, std::string value)
    {
        values[slot] = std::move(value);
        is_set[slot] = true;
    }
};

} // namespace hornet::scenario
