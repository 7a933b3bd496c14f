// Steps of the JSON format: a request (method, path, query, headers, body, extract, check) or a
// repeat block of steps.
#include "scenario/step_loader.hpp"

#include "scenario/check_loader.hpp"
#include "scenario/source_map.hpp"

#include <array>
#include <cctype>

namespace hornet::scenario {

namespace {

using json = nlohmann::json;

const std::array<const char*, 7> method_keys = {"get", "post", "put", "patch", "delete", "head", "options"};

const std::vector<std::string>& request_keys()
{
    // "repeat" is listed so that a misspelt "repeat" gets its did-you-mean; a step that has
    // it is a repeat block and never checked against this list.
    static const std::vector<std::string> keys = {
        "get",      "post", "put",  "patch", "delete", "head",    "options", "method",     "path",   "query",
        "headers",  "body", "json", "form",  "name",   "extract", "check",   "on_failure", "repeat", "allow_redirects",
        "interrupt"};
    return keys;
}

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool has_header(const step& s, const std::string& name)
{
    for (const auto& h : s.headers) {
        if (h.name.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(h.name[i])) ==
                   std::tolower(static_cast<unsigned char>(name[i]));
        if (same) return true;
    }
    return false;
}

// The body template of a "json" value: nlohmann's compact dump, with templates in strings.
void json_body(const load_context& ctx, const json& v, const std::string& pointer, template_text& out)
{
    if (v.is_object()) {
        append(out, "{");
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first) append(out, ",");
            first = false;
            append(out, json(it.key()).dump());
            append(out, ":");
            json_body(ctx, *it, pointer + "/" + pointer_escape(it.key()), out);
        }
        append(out, "}");
    } else if (v.is_array()) {
        append(out, "[");
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) append(out, ",");
            json_body(ctx, v[i], pointer + "/" + std::to_string(i), out);
        }
        append(out, "]");
    } else if (v.is_string()) {
        template_text t = ctx.parse_json_value(v.get<std::string>(), pointer);
        if (is_typed_value(t)) {
            append(out, t);
            return;
        }
        append(out, "\"");
        append(out, t);
        append(out, "\"");
    } else {
        append(out, v.dump());
    }
}

// Query parameters and form fields: name → string (templated), number or boolean.
std::vector<std::pair<template_text, template_text>> url_fields(const load_context& ctx, const json& v,
                                                                const std::string& pointer, const char* what)
{
    ctx.expect(v, pointer, json::value_t::object, what);
    std::vector<std::pair<template_text, template_text>> out;
    for (auto it = v.begin(); it != v.end(); ++it) {
        std::string child = pointer + "/" + pointer_escape(it.key());
        template_text name = ctx.parse_key(it.key(), pointer, escape::url_component);
        template_text value;
        if (it->is_string()) {
            value = ctx.parse(it->get<std::string>(), child, escape::url_component);
            ctx.warn_single_braces(it->get<std::string>(), child);
        } else if (it->is_number() || it->is_boolean())
            value = escaped_literal(it->dump(), escape::url_component);
        else
            ctx.fail(child, "expected a string, number or boolean, got " + type_name(*it));
        out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

void load_path(const load_context& ctx, const json& v, const std::string& pointer, step& s)
{
    std::string raw = ctx.string_of(v, pointer, "a path string such as \"/api/users\"");
    if (raw.empty()) ctx.fail(pointer, "the request path is empty");
    bool placeholder_first = raw.rfind("{{", 0) == 0 && raw.rfind("{{{{", 0) != 0;
    if (raw.front() != '/' && raw.rfind("http://", 0) != 0 && raw.rfind("https://", 0) != 0 && !placeholder_first)
        ctx.fail(pointer, "the path must start with \"/\" or be an absolute http(s):// URL, got \"" + raw + "\"");
    s.path = ctx.parse(raw, pointer);
    ctx.warn_single_braces(raw, pointer);
}

void load_body(const load_context& ctx, const json& v, const std::string& pointer, step& s)
{
    const char* found[2] = {nullptr, nullptr};
    int n = 0;
    for (const char* k : {"body", "json", "form"})
        if (v.contains(k) && n < 2) found[n++] = k;
    if (n == 2) ctx.fail(pointer, std::string("use either \"") + found[0] + "\" or \"" + found[1] + "\", not both");

    if (v.contains("body")) {
        s.body = ctx.parse(ctx.string_of(v["body"], pointer + "/body", "a string body"), pointer + "/body");
    } else if (v.contains("json")) {
        json_body(ctx, v["json"], pointer + "/json", s.body);
        if (!has_header(s, "Content-Type")) s.headers.push_back({"Content-Type", literal_text("application/json")});
    } else if (v.contains("form")) {
        auto fields = url_fields(ctx, v["form"], pointer + "/form", "an object of form field names to values");
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) append(s.body, "&");
            append(s.body, fields[i].first);
            append(s.body, "=");
            append(s.body, fields[i].second);
        }
        if (!has_header(s, "Content-Type"))
            s.headers.push_back({"Content-Type", literal_text("application/x-www-form-urlencoded")});
    }
}

step load_request(const load_context& ctx, const json& v, const std::string& pointer, bool skip_rest_on_failure,
                  const std::vector<std::string>& task_keys)
{
    if (v.contains("steps"))
        ctx.fail_key(pointer, "steps",
                     "\"steps\" here needs \"repeat\": a count (a repeat block), or move them into a task");
    std::vector<std::string> allowed = request_keys();
    allowed.insert(allowed.end(), task_keys.begin(), task_keys.end());
    ctx.check_keys(v, pointer, allowed);

    step s;
    s.type = step::kind::request;
    s.line = ctx.map().at(pointer).line;
    int verbs = 0;
    const char* verb = nullptr;
    for (const char* m : method_keys) {
        if (!v.contains(m)) continue;
        ++verbs;
        verb = m;
    }
    if (v.contains("method")) ++verbs;
    if (verbs > 1) ctx.fail(pointer, "a step makes exactly one request; found several methods");
    if (verb) {
        s.method = upper(verb);
        if (v.contains("path")) ctx.fail(pointer, "\"path\" needs a \"method\" (or write {\"get\": \"/path\"})");
        load_path(ctx, v[verb], pointer + "/" + verb, s);
    } else if (v.contains("method")) {
        std::string method = ctx.string_of(v["method"], pointer + "/method", "an HTTP method string");
        if (method.empty() || method.find_first_of(" \t\r\n") != std::string::npos)
            ctx.fail(pointer + "/method", "expected an HTTP method such as \"GET\", got \"" + method + "\"");
        s.method = upper(method);
        if (!v.contains("path")) ctx.fail(pointer, "\"method\" needs a \"path\"");
        load_path(ctx, v["path"], pointer + "/path", s);
    } else if (v.contains("path")) {
        ctx.fail(pointer, "\"path\" needs a \"method\" (or write {\"get\": \"/path\"})");
    } else {
        ctx.fail(pointer,
                 "a step needs a request: one of get, post, put, patch, delete, head, options (or method + path)");
    }

    if (v.contains("query"))
        s.query = url_fields(ctx, v["query"], pointer + "/query", "an object of query parameter names to values");
    if (v.contains("headers")) {
        const json& h = ctx.expect(v["headers"], pointer + "/headers", json::value_t::object,
                                   "an object of header names to values");
        for (auto it = h.begin(); it != h.end(); ++it) {
            std::string child = pointer + "/headers/" + pointer_escape(it.key());
            std::string text = ctx.string_of(*it, child, "a header value string");
            s.headers.push_back({it.key(), ctx.parse(text, child)});
            ctx.warn_single_braces(text, child);
        }
    }
    load_body(ctx, v, pointer, s);
    if (v.contains("name")) s.name = ctx.string_of(v["name"], pointer + "/name", "a name string");
    if (v.contains("extract")) s.extracts = load_extracts(ctx, v["extract"], pointer + "/extract");
    if (v.contains("check")) s.expect = load_check(ctx, v["check"], pointer + "/check");
    s.skip_rest_on_failure = load_on_failure(ctx, v, pointer, skip_rest_on_failure);
    if (v.contains("allow_redirects")) {
        const json& a =
            ctx.expect(v["allow_redirects"], pointer + "/allow_redirects", json::value_t::boolean, "true or false");
        if (a.is_boolean()) s.allow_redirects = a.get<bool>();
    }
    return s;
}

// {"interrupt": true} or {"interrupt": {"reschedule": false}}: Locust's self.interrupt().
step load_interrupt(const load_context& ctx, const json& v, const std::string& pointer,
                    const std::vector<std::string>& task_keys, bool allowed)
{
    std::vector<std::string> keys = {"interrupt"};
    keys.insert(keys.end(), task_keys.begin(), task_keys.end());
    ctx.check_keys(v, pointer, keys);
    std::string at = pointer + "/interrupt";
    if (!allowed)
        ctx.fail(at, "\"interrupt\" ends a nested task set: it belongs in a task of a \"task_set\", not in a user's "
                     "own tasks, on_start or on_stop");
    step s;
    s.type = step::kind::interrupt;
    s.line = ctx.map().at(pointer).line;
    const json& i = v["interrupt"];
    if (i.is_object()) {
        ctx.check_keys(i, at, {"reschedule"});
        if (i.contains("reschedule"))
            s.reschedule =
                ctx.expect(i["reschedule"], at + "/reschedule", json::value_t::boolean, "true or false").get<bool>();
    } else if (!i.is_boolean() || !i.get<bool>()) {
        ctx.fail(at, "expected true or {\"reschedule\": false}, got " + i.dump());
    }
    return s;
}

step load_repeat(const load_context& ctx, const json& v, const std::string& pointer, bool skip_rest_on_failure,
                 int depth, const std::vector<std::string>& task_keys, bool interrupt_allowed)
{
    std::vector<std::string> allowed = {"repeat", "steps", "on_failure"};
    allowed.insert(allowed.end(), task_keys.begin(), task_keys.end());
    ctx.check_keys(v, pointer, allowed);
    std::string at = pointer + "/repeat";
    if (depth >= max_repeat_depth)
        ctx.fail(at, "repeat blocks nest at most " + std::to_string(max_repeat_depth) + " deep");

    step s;
    s.type = step::kind::repeat;
    s.line = ctx.map().at(pointer).line;
    const json& r = v["repeat"];
    if (r.is_array()) {
        if (r.size() != 2) ctx.fail(at, "expected [min, max], got " + r.dump());
        s.repeat_min = static_cast<int>(ctx.whole(r[0], at + "/0", 0, max_repeat_count, "a count from 0 to 1000000"));
        s.repeat_max = static_cast<int>(ctx.whole(r[1], at + "/1", 1, max_repeat_count, "a count from 1 to 1000000"));
        if (s.repeat_min > s.repeat_max) ctx.fail(at, "min must not be greater than max, got " + r.dump());
    } else {
        if (!r.is_number_integer())
            ctx.fail(at, "expected a count such as 3 or a range such as [1, 5], got " + type_name(r));
        s.repeat_min = s.repeat_max =
            static_cast<int>(ctx.whole(r, at, 1, max_repeat_count, "a count from 1 to 1000000"));
    }
    s.skip_rest_on_failure = load_on_failure(ctx, v, pointer, skip_rest_on_failure);
    if (!v.contains("steps")) ctx.fail(pointer, "a repeat block needs \"steps\"");
    s.steps = load_steps(ctx, v["steps"], pointer + "/steps", s.skip_rest_on_failure, depth + 1, interrupt_allowed);
    if (v["steps"].empty()) ctx.fail(pointer + "/steps", "a repeat block needs at least one step");
    return s;
}

} // namespace

bool load_on_failure(const load_context& ctx, const json& obj, const std::string& pointer, bool inherited)
{
    if (!obj.contains("on_failure")) return inherited;
    std::string at = pointer + "/on_failure";
    std::string v = ctx.string_of(obj["on_failure"], at, "\"continue\" or \"skip_task\"");
    if (v == "continue") return false;
    if (v == "skip_task") return true;
    ctx.fail(at, "expected \"continue\" or \"skip_task\", got \"" + v + "\"");
}

std::vector<step> load_steps(const load_context& ctx, const json& v, const std::string& pointer,
                             bool skip_rest_on_failure, int depth, bool interrupt_allowed)
{
    ctx.expect(v, pointer, json::value_t::array, "an array of steps");
    std::vector<step> out;
    // A wrong step is recorded and the next one loaded: every mistake is reported at once.
    for (std::size_t i = 0; i < v.size(); ++i)
        ctx.attempt([&] {
            out.push_back(load_step(ctx, v[i], pointer + "/" + std::to_string(i), skip_rest_on_failure, depth, {},
                                    interrupt_allowed));
        });
    return out;
}

step load_step(const load_context& ctx, const json& v, const std::string& pointer, bool skip_rest_on_failure, int depth,
               const std::vector<std::string>& task_keys, bool interrupt_allowed)
{
    ctx.expect(v, pointer, json::value_t::object, "a request step such as {\"get\": \"/path\"}");
    if (v.contains("repeat"))
        return load_repeat(ctx, v, pointer, skip_rest_on_failure, depth, task_keys, interrupt_allowed);
    if (v.contains("interrupt")) return load_interrupt(ctx, v, pointer, task_keys, interrupt_allowed);
    return load_request(ctx, v, pointer, skip_rest_on_failure, task_keys);
}

} // namespace hornet::scenario
