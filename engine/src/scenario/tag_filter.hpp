// -T/--tags and -E/--exclude-tags: which tasks take part in a run.
#pragma once

#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace hornet::scenario {

/// Keeps the tasks that have at least one of `tags` (when given) and none of `exclude`, as
/// Locust does. A user class left without tasks is dropped and named in `dropped`.
void filter_tags(model& m, const std::vector<std::string>& tags, const std::vector<std::string>& exclude,
                 std::vector<std::string>& dropped);

} // namespace hornet::scenario
