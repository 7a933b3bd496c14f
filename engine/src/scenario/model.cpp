// Built-in models, and literal templates.
#include "scenario/model.hpp"

namespace hornet::scenario {

template_text literal_text(std::string text)
{
    template_text t;
    if (!text.empty()) {
        t.parts.emplace_back();
        t.parts.back().literal = std::move(text);
    }
    return t;
}

model quick_model(const std::string& url_path)
{
    step get;
    get.method = "GET";
    get.path = literal_text(url_path.empty() ? "/" : url_path);
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
