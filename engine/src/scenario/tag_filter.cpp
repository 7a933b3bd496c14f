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

/// Filters `tasks` in place. A nested task set's tags are its tasks' too (Locust's @tag on a
/// TaskSet tags each of its tasks); the set stays while it has a task left, as in Locust.
void filter(std::vector<task>& tasks, const std::vector<std::string>& inherited, const std::vector<std::string>& tags,
            const std::vector<std::string>& exclude)
{
    auto tags_of = [&](const task& t) {
        std::vector<std::string> own = inherited;
        own.insert(own.end(), t.tags.begin(), t.tags.end());
        return own;
    };
    for (auto& t : tasks)
        if (!t.nested.empty()) filter(t.nested.front().tasks, tags_of(t), tags, exclude);
    std::erase_if(tasks, [&](const task& t) {
        if (!t.nested.empty()) // left with no task it could pick: gone, as Locust drops an empty TaskSet
            return std::none_of(t.nested.front().tasks.begin(), t.nested.front().tasks.end(),
                                [](const task& inner) { return inner.weight > 0; });
        const auto own = tags_of(t);
        return (!tags.empty() && !has_any(own, tags)) || has_any(own, exclude);
    });
}

} // namespace

void filter_tags(model& m, const std::vector<std::string>& tags, const std::vector<std::string>& exclude,
                 std::vector<std::string>& dropped)
{
    if (tags.empty() && exclude.empty()) return;
    for (auto& u : m.users) filter(u.tasks, {}, tags, exclude);
    for (const auto& u : m.users)
        if (u.tasks.empty()) dropped.push_back(u.name);
    std::erase_if(m.users, [](const user_class& u) { return u.tasks.empty(); });
}

} // namespace hornet::scenario
