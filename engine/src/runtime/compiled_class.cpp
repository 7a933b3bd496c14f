// Compiling the scenario model into prebuilt requests.
#include "runtime/compiled_class.hpp"

#include "http/url.hpp"

namespace hornet::runtime {

namespace {

compiled_step compile_step(const scenario::step& s)
{
    compiled_step c;
    c.request.method = s.method;
    c.request.target = s.path;
    for (const auto& h : s.headers) c.request.headers.push_back({h.name, h.value});
    c.request.body = s.body;
    if (!s.name.empty()) {
        c.name = s.name;
    } else if (http::is_absolute_url(s.path)) {
        // Locust's HttpUser names absolute URLs by their path (host dropped).
        auto slash = s.path.find('/', s.path.find("//") + 2);
        c.name = slash == std::string::npos ? "/" : s.path.substr(slash);
    } else {
        c.name = s.path;
    }
    return c;
}

bool all_absolute(const scenario::user_class& u)
{
    auto absolute = [](const scenario::step& s) { return http::is_absolute_url(s.path); };
    for (const auto& s : u.on_start) if (!absolute(s)) return false;
    for (const auto& s : u.on_stop) if (!absolute(s)) return false;
    for (const auto& t : u.tasks) for (const auto& s : t.steps) if (!absolute(s)) return false;
    return true;
}

} // namespace

std::string compile(const scenario::model& model, const std::string& host_override, std::vector<compiled_class>& out)
{
    out.clear();
    for (const auto& u : model.users) {
        compiled_class c;
        c.source = &u;
        c.host = host_override.empty() ? u.host : host_override;
        if (c.host.empty() && !all_absolute(u))
            return "No host given for user class " + u.name +
                   ": pass -H/--host (e.g. -H http://127.0.0.1:5000) or set \"host\" in the scenario";
        for (const auto& s : u.on_start) c.on_start.push_back(compile_step(s));
        for (const auto& s : u.on_stop) c.on_stop.push_back(compile_step(s));
        for (std::size_t i = 0; i < u.tasks.size(); ++i) {
            compiled_task t;
            t.weight = u.tasks[i].weight;
            for (const auto& s : u.tasks[i].steps) t.steps.push_back(compile_step(s));
            c.tasks.push_back(std::move(t));
            // Weighted: picked uniformly from this table. Sequential: walked in order, so a task
            // of weight N runs N times in a row (Locust's SequentialTaskSet with @task(N)).
            for (int k = 0; k < u.tasks[i].weight; ++k) c.task_table.push_back(i);
        }
        out.push_back(std::move(c));
    }
    return {};
}

} // namespace hornet::runtime
