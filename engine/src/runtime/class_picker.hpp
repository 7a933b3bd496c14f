// Which user class the next spawned user gets: Locust's newest (>= 2.29) Kullback-Leibler order,
// with fixed_count classes filled first. Picks depend only on the current counts, so removing
// users (LIFO) and adding them again replays the same order.
#pragma once

#include "scenario/model.hpp"

#include <cstddef>
#include <vector>

namespace hornet::runtime {

class class_picker
{
public:
    /// Classes by index (the index next() returns); only their name, weight and fixed_count count.
    explicit class_picker(const std::vector<const scenario::user_class*>& classes);

    /// Index of the class the next user should get, given how many users each class has now.
    /// Returns npos when no class can take a user (all weights 0, fixed counts reached).
    std::size_t next(const std::vector<std::size_t>& counts) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    struct entry
    {
        std::size_t index;
        double weight;
        int fixed_count;
        std::string name;
    };
    std::vector<entry> classes_; // sorted by name, as Locust sorts user classes
};

} // namespace hornet::runtime
