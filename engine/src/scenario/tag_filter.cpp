// Tag filtering.
#include "scenario/tag_filter.hpp"

#include <algorithm>

namespace hornet::scenario {

namespace {

bool has_any(const std::vector<std::string>& have, const std::vector<std::string>& wanted)
{
    return std::any_of(have.begin(), have.end(), [&](const std::string& t) {
        return std::find(wanted.begin(), wanted.end(), t) != wanted.end();
    });
}

} // namespace

void filter_tags(model& m, const std::vector<std::string>& tags, const std::vector<std::string>& exclude,
                 std::vector<std::string>& dropped)
{
    if (tags.empty() && exclude.empty()) return;
    for (auto& u : m.users) {
        std::erase_if(u.tasks, [&](const task& t) {
            return (!tags.empty() && !has_any(t.tags, tags)) || has_any(t.tags, exclude);
        });
    }
    for (const auto& u : m.users)
        if (u.tasks.empty()) dropped.push_back(u.name);
    std::erase_if(m.users, [](const user_class& u) { return u.tasks.empty(); });
}

} // namespace hornet::scenario
