// Rendering templates for one user.
#pragma once

#include "core/error.hpp"
#include "scenario/template_text.hpp"
#include "scenario/user_state.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hornet::scenario {

/// What all users of a scenario share while rendering: data sets and the global counter.
struct shared_state
{
    std::vector<std::shared_ptr<data_set>> data;
    std::atomic<std::uint64_t> global_counter{0};
};

/// Appends the rendering of `t` to `out` (a reused buffer: rendering allocates only to grow it).
/// Fails with core::error::evaluation_failed when `t` uses a variable that has no value yet; the
/// detail says which ("variable \"id\" has no value yet (extract it first)").
core::result<void> render(const template_text& t, user_state& user, shared_state& shared, std::string& out);

/// A new user's state: variable slots sized, initial values set, a row taken from each data set.
user_state make_user_state(std::uint64_t user_id, const std::vector<std::string>& variables,
                           const std::vector<std::pair<std::size_t, std::string>>& initial_values, shared_state& shared,
                           std::mt19937_64& rng);

} // namespace hornet::scenario
