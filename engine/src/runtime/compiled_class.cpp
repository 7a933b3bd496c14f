// Compiling the scenario model into prebuilt requests, and rendering the templated ones.
#include "runtime/compiled_class.hpp"

#include "http/url.hpp"
#include "scenario/extract.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace hornet::runtime {

namespace {

bool step_is_dynamic(const scenario::step& s)
{
    if (!s.path.is_literal() || !s.query.empty() || !s.body.is_literal()) return true;
    for (const auto& h : s.headers)
        if (!h.value.is_literal()) return true;
    return false;
}

compiled_step compile_step(const scenario::step& s)
{
    compiled_step c;
    c.source = &s;
    if (s.type == scenario::step::kind::interrupt) return c;
    if (s.type == scenario::step::kind::repeat) {
        for (const auto& child : s.steps) c.steps.push_back(compile_step(child));
        return c;
    }
    c.request.method = s.method;
    c.request.follow_redirects = s.allow_redirects;
    c.dynamic = step_is_dynamic(s);
    c.judged = !s.expect.empty() || !s.extracts.empty();
    // Any other body is counted and dropped as it streams in.
    c.request.keep_body =
        s.expect.reads_body() ||
        std::any_of(s.extracts.begin(), s.extracts.end(), [](const scenario::extract& x) { return x.reads_body(); });
    if (!c.dynamic) {
        c.request.target = s.path.literal();
        for (const auto& h : s.headers) c.request.headers.push_back({h.name, h.value.literal()});
        c.request.body = s.body.literal();
    }
    if (!s.name.empty())
        c.name = s.name;
    else if (!c.dynamic)
        c.name = std::string(http::path_of(c.request.target));
    return c;
}

bool step_is_absolute(const scenario::step& s)
{
    if (s.type == scenario::step::kind::interrupt) return true;
    if (s.type == scenario::step::kind::repeat) {
        for (const auto& child : s.steps)
            if (!step_is_absolute(child)) return false;
        return true;
    }
    // A templated path is absolute when its first literal part is an absolute URL prefix.
    const auto& parts = s.path.parts;
    return !parts.empty() && !parts.front().value && http::is_absolute_url(parts.front().literal);
}

bool all_absolute(const std::vector<scenario::step>& steps)
{
    for (const auto& s : steps)
        if (!step_is_absolute(s)) return false;
    return true;
}

bool all_absolute(const std::vector<scenario::task>& tasks)
{
    for (const auto& t : tasks) {
        if (!all_absolute(t.steps)) return false;
        for (const auto& set : t.nested)
            if (!all_absolute(set.on_start) || !all_absolute(set.on_stop) || !all_absolute(set.tasks)) return false;
    }
    return true;
}

bool all_absolute(const scenario::user_class& u)
{
    return all_absolute(u.on_start) && all_absolute(u.on_stop) && all_absolute(u.tasks);
}

compiled_set compile_set(const scenario::task_set& set);

/// The tasks of a class or a set, and the table they are picked from: weighted, each task index
/// repeated `weight` times (Locust's list); sequential, walked in order, so a task of weight N
/// runs N times in a row (Locust's SequentialTaskSet with @task(N)).
void compile_tasks(const std::vector<scenario::task>& tasks, std::vector<compiled_task>& out,
                   std::vector<std::size_t>& table)
{
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        compiled_task t;
        t.weight = tasks[i].weight;
        for (const auto& s : tasks[i].steps) t.steps.push_back(compile_step(s));
        for (const auto& set : tasks[i].nested) t.nested.push_back(compile_set(set));
        out.push_back(std::move(t));
        for (int k = 0; k < tasks[i].weight; ++k) table.push_back(i);
    }
}

compiled_set compile_set(const scenario::task_set& set)
{
    compiled_set c;
    c.source = &set;
    for (const auto& s : set.on_start) c.on_start.push_back(compile_step(s));
    for (const auto& s : set.on_stop) c.on_stop.push_back(compile_step(s));
    compile_tasks(set.tasks, c.tasks, c.task_table);
    return c;
}

} // namespace

namespace {

std::chrono::milliseconds millis(double seconds)
{
    return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0 + 0.5));
}

} // namespace

http::client_config with_settings(const scenario::client_settings& own, http::client_config c)
{
    if (own.connect_timeout) c.connect_timeout = millis(*own.connect_timeout);
    if (own.request_timeout) c.request_timeout = millis(*own.request_timeout);
    if (own.max_body_size) c.max_body_size = *own.max_body_size;
    if (own.max_header_size) c.max_header_size = static_cast<std::uint32_t>(*own.max_header_size); // loader-bounded
    if (own.tls_verify) c.verify_tls = *own.tls_verify;
    if (own.ca_file) {
        // A CA file only means something to a verifying client: it turns verification on, as
        // --ca-file does.
        c.ca_file = *own.ca_file;
        c.verify_tls = true;
    }
    return c;
}

core::result<void> compile(const scenario::model& model, const std::string& host_override,
                           const http::client_config& client, std::vector<compiled_class>& out)
{
    out.clear();
    auto shared = std::make_shared<scenario::shared_state>();
    shared->data = model.data;
    for (const auto& u : model.users) {
        compiled_class c;
        c.source = &u;
        c.shared = shared;
        c.host = host_override.empty() ? u.host : host_override;
        c.http = with_settings(u.client, client);
        if (c.host.empty() && (u.native || !all_absolute(u)))
            return core::failure(
                core::error::invalid_scenario,
                "No host given for user class " + u.name +
                    ": pass -H/--host (e.g. -H http://127.0.0.1:5000) or set \"host\" in the scenario");
        for (const auto& s : u.on_start) c.on_start.push_back(compile_step(s));
        for (const auto& s : u.on_stop) c.on_stop.push_back(compile_step(s));
        compile_tasks(u.tasks, c.tasks, c.task_table);
        out.push_back(std::move(c));
    }
    return {};
}

core::result<void> render_request(const compiled_step& step, scenario::user_state& user, scenario::shared_state& shared,
                                  http::request& out)
{
    const scenario::step& s = *step.source;
    out.method = s.method;
    out.keep_body = step.request.keep_body;
    out.follow_redirects = step.request.follow_redirects;
    out.target.clear();
    if (auto r = scenario::render(s.path, user, shared, out.target); !r) return r;
    for (const auto& [key, value] : s.query) {
        out.target += out.target.find('?') == std::string::npos ? '?' : '&';
        if (auto r = scenario::render(key, user, shared, out.target); !r) return r;
        out.target += '=';
        if (auto r = scenario::render(value, user, shared, out.target); !r) return r;
    }
    out.headers.resize(s.headers.size());
    for (std::size_t i = 0; i < s.headers.size(); ++i) {
        out.headers[i].name = s.headers[i].name;
        out.headers[i].value.clear();
        if (auto r = scenario::render(s.headers[i].value, user, shared, out.headers[i].value); !r) return r;
    }
    out.body.clear();
    return scenario::render(s.body, user, shared, out.body);
}

} // namespace hornet::runtime
