// Built-in models.
#include "scenario/model.hpp"

namespace hornet::scenario {

model quick_model(const std::string& url_path)
{
    step get;
    get.method = "GET";
    get.path = url_path.empty() ? "/" : url_path;
    task t;
    t.name = "get";
    t.steps.push_back(std::move(get));
    user_class quick;
    quick.name = "QuickUser";
    quick.tasks.push_back(std::move(t));
    model m;
    m.source = "quick mode";
    m.users.push_back(std::move(quick));
    return m;
}

} // namespace hornet::scenario
