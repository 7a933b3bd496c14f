// The JSON scenario format, validated strictly: every problem is reported with its place.
#include "scenario/json_loader.hpp"

#include "core/did_you_mean.hpp"
#include "scenario/source_map.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <sstream>

namespace hornet::scenario {

using json = nlohmann::json;

std::string load_error::to_string() const
{
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
    if (!pointer.empty()) out += "at " + pointer + ": ";
    return out + message;
}

namespace {

// Thrown inside the loader only, turned into a load_error at its boundary.
struct invalid
{
    invalid(std::string p, std::string m, std::string key = {})
        : pointer(std::move(p)), message(std::move(m)), unknown_key(std::move(key))
    {
    }
    std::string pointer;
    std::string message;
    std::string unknown_key; // set when the problem is a key, to point at the key itself
};

const std::array<const char*, 7> method_keys = {"get", "post", "put", "patch", "delete", "head", "options"};

std::string type_name(const json& v)
{
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "something else";
    }
}

void check_keys(const json& obj, const std::string& ptr, const std::vector<std::string>& allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
        std::string msg = "unknown key \"" + it.key() + "\"";
        if (auto close = core::closest_match(it.key(), allowed); !close.empty())
            msg += " (did you mean \"" + close + "\"?)";
        else {
            msg += "; expected one of:";
            for (std::size_t i = 0; i < allowed.size(); ++i) msg += (i ? ", " : " ") + allowed[i];
        }
        throw invalid{ptr, msg, it.key()};
    }
}

const json& expect(const json& v, const std::string& ptr, json::value_t type, const char* what)
{
    bool ok = v.type() == type ||
              (type == json::value_t::number_float && v.is_number()) ||
              (type == json::value_t::number_integer && v.is_number_integer());
    if (!ok) throw invalid{ptr, std::string("expected ") + what + ", got " + type_name(v)};
    return v;
}

double number(const json& v, const std::string& ptr, double min_value, const char* what)
{
    expect(v, ptr, json::value_t::number_float, what);
    double d = v.get<double>();
    if (d < min_value) throw invalid{ptr, std::string("expected ") + what + ", got " + v.dump()};
    return d;
}

std::string string_of(const json& v, const std::string& ptr, const char* what)
{
    return expect(v, ptr, json::value_t::string, what).get<std::string>();
}

wait_time parse_wait(const json& v, const std::string& ptr)
{
    wait_time w;
    if (v.is_number()) { // shorthand: "wait_time": 1 == constant(1)
        w.a = number(v, ptr, 0, "a number of seconds >= 0");
        return w;
    }
    expect(v, ptr, json::value_t::object, "an object such as {\"between\": [1, 3]}");
    check_keys(v, ptr, {"between", "constant", "constant_pacing", "constant_throughput"});
    if (v.size() != 1) throw invalid{ptr, "expected exactly one of between, constant, constant_pacing, constant_throughput"};
    auto it = v.begin();
    std::string child = ptr + "/" + it.key();
    if (it.key() == "between") {
        const json& range = expect(*it, child, json::value_t::array, "[low, high] in seconds");
        if (range.size() != 2) throw invalid{child, "expected [low, high] in seconds, got " + range.dump()};
        w.type = wait_time::kind::between;
        w.a = number(range[0], child + "/0", 0, "a number of seconds >= 0");
        w.b = number(range[1], child + "/1", 0, "a number of seconds >= 0");
        if (w.b < w.a) throw invalid{child, "low must not be greater than high, got " + range.dump()};
    } else if (it.key() == "constant") {
        w.type = wait_time::kind::constant;
        w.a = number(*it, child, 0, "a number of seconds >= 0");
    } else if (it.key() == "constant_pacing") {
        w.type = wait_time::kind::constant_pacing;
        w.a = number(*it, child, 0, "a number of seconds >= 0");
    } else {
        w.type = wait_time::kind::constant_throughput;
        w.a = number(*it, child, 0, "a rate in tasks per second > 0");
        if (w.a <= 0) throw invalid{child, "expected a rate in tasks per second > 0, got " + it->dump()};
    }
    return w;
}

const std::vector<std::string>& step_keys()
{
    static const std::vector<std::string> keys = {"get", "post", "put", "patch", "delete", "head", "options",
                                                  "method", "path", "headers", "body", "json", "name", "tags", "weight"};
    return keys;
}

step parse_step(const json& v, const std::string& ptr, const source_map& map, bool allow_weight)
{
    expect(v, ptr, json::value_t::object, "a request step such as {\"get\": \"/path\"}");
    std::vector<std::string> allowed = step_keys();
    if (!allow_weight) allowed.resize(allowed.size() - 2); // "tags" and "weight" belong to tasks
    check_keys(v, ptr, allowed);

    step s;
    s.line = map.at(ptr).line;
    int verbs = 0;
    for (const char* m : method_keys) {
        if (!v.contains(m)) continue;
        ++verbs;
        s.method = m;
        for (auto& c : s.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        s.path = string_of(v[m], ptr + "/" + m, "a path string such as \"/api/users\"");
    }
    if (v.contains("method")) {
        ++verbs;
        s.method = string_of(v["method"], ptr + "/method", "an HTTP method string");
        if (s.method.empty() || s.method.find_first_of(" \t\r\n") != std::string::npos)
            throw invalid{ptr + "/method", "expected an HTTP method such as \"GET\", got \"" + s.method + "\""};
        for (auto& c : s.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!v.contains("path")) throw invalid{ptr, "\"method\" needs a \"path\""};
        s.path = string_of(v["path"], ptr + "/path", "a path string such as \"/api/users\"");
    } else if (v.contains("path")) {
        throw invalid{ptr, "\"path\" needs a \"method\" (or write {\"get\": \"/path\"})"};
    }
    if (verbs == 0) throw invalid{ptr, "a step needs a request: one of get, post, put, patch, delete, head, options (or method + path)"};
    if (verbs > 1) throw invalid{ptr, "a step makes exactly one request; found several methods"};
    if (s.path.empty()) throw invalid{ptr, "the request path is empty"};
    if (s.path.front() != '/' && s.path.rfind("http://", 0) != 0 && s.path.rfind("https://", 0) != 0)
        throw invalid{ptr, "the path must start with \"/\" or be an absolute http(s):// URL, got \"" + s.path + "\""};

    if (v.contains("headers")) {
        const json& h = expect(v["headers"], ptr + "/headers", json::value_t::object, "an object of header names to values");
        for (auto it = h.begin(); it != h.end(); ++it)
            s.headers.push_back({it.key(), string_of(*it, ptr + "/headers/" + pointer_escape(it.key()), "a header value string")});
    }
    if (v.contains("body") && v.contains("json")) throw invalid{ptr, "use either \"body\" or \"json\", not both"};
    if (v.contains("body")) s.body = string_of(v["body"], ptr + "/body", "a string body");
    if (v.contains("json")) {
        s.body = v["json"].dump();
        bool has_type = false;
        for (auto& h : s.headers) {
            std::string lower = h.name;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            has_type |= lower == "content-type";
        }
        if (!has_type) s.headers.push_back({"Content-Type", "application/json"});
    }
    if (v.contains("name")) s.name = string_of(v["name"], ptr + "/name", "a name string");
    return s;
}

std::vector<step> parse_steps(const json& v, const std::string& ptr, const source_map& map)
{
    expect(v, ptr, json::value_t::array, "an array of steps");
    std::vector<step> out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(parse_step(v[i], ptr + "/" + std::to_string(i), map, false));
    return out;
}

int parse_weight(const json& v, const std::string& ptr)
{
    expect(v, ptr, json::value_t::number_integer, "a whole number >= 0");
    auto w = v.get<std::int64_t>();
    if (w < 0 || w > 1000000) throw invalid{ptr, "expected a whole number from 0 to 1000000, got " + v.dump()};
    return static_cast<int>(w);
}

task parse_task(const json& v, const std::string& ptr, const source_map& map)
{
    expect(v, ptr, json::value_t::object, "a task: a step such as {\"get\": \"/\"} or {\"steps\": [...]}");
    task t;
    if (v.contains("steps")) {
        check_keys(v, ptr, {"name", "weight", "tags", "steps"});
        t.steps = parse_steps(v["steps"], ptr + "/steps", map);
        if (t.steps.empty()) throw invalid{ptr + "/steps", "a task needs at least one step"};
        if (v.contains("name")) t.name = string_of(v["name"], ptr + "/name", "a name string");
    } else {
        t.steps.push_back(parse_step(v, ptr, map, true));
        t.name = t.steps.back().name.empty() ? t.steps.back().path : t.steps.back().name;
    }
    if (v.contains("weight")) t.weight = parse_weight(v["weight"], ptr + "/weight");
    if (v.contains("tags")) {
        const json& tags = expect(v["tags"], ptr + "/tags", json::value_t::array, "an array of tag strings");
        for (std::size_t i = 0; i < tags.size(); ++i)
            t.tags.push_back(string_of(tags[i], ptr + "/tags/" + std::to_string(i), "a tag string"));
    }
    return t;
}

user_class parse_user(const json& v, const std::string& ptr, const source_map& map)
{
    expect(v, ptr, json::value_t::object, "a user class object");
    check_keys(v, ptr, {"name", "weight", "fixed_count", "wait_time", "host", "sequential", "on_start", "on_stop", "tasks"});
    user_class u;
    if (!v.contains("name")) throw invalid{ptr, "a user class needs a \"name\""};
    u.name = string_of(v["name"], ptr + "/name", "a name string");
    if (u.name.empty()) throw invalid{ptr + "/name", "the name is empty"};
    if (v.contains("weight")) u.weight = number(v["weight"], ptr + "/weight", 0, "a weight >= 0");
    if (v.contains("fixed_count")) {
        expect(v["fixed_count"], ptr + "/fixed_count", json::value_t::number_integer, "a whole number >= 0");
        auto f = v["fixed_count"].get<std::int64_t>();
        if (f < 0 || f > 100000000) throw invalid{ptr + "/fixed_count", "expected a whole number >= 0, got " + v["fixed_count"].dump()};
        u.fixed_count = static_cast<int>(f);
    }
    if (v.contains("wait_time")) u.wait = parse_wait(v["wait_time"], ptr + "/wait_time");
    if (v.contains("host")) {
        u.host = string_of(v["host"], ptr + "/host", "a base URL such as \"http://127.0.0.1:5000\"");
        if (u.host.rfind("http://", 0) != 0 && u.host.rfind("https://", 0) != 0)
            throw invalid{ptr + "/host", "expected a base URL starting with http:// or https://, got \"" + u.host + "\""};
    }
    if (v.contains("sequential")) u.sequential = expect(v["sequential"], ptr + "/sequential", json::value_t::boolean, "true or false").get<bool>();
    if (v.contains("on_start")) u.on_start = parse_steps(v["on_start"], ptr + "/on_start", map);
    if (v.contains("on_stop")) u.on_stop = parse_steps(v["on_stop"], ptr + "/on_stop", map);
    if (!v.contains("tasks")) throw invalid{ptr, "a user class needs \"tasks\""};
    const json& tasks = expect(v["tasks"], ptr + "/tasks", json::value_t::array, "an array of tasks");
    if (tasks.empty()) throw invalid{ptr + "/tasks", "a user class needs at least one task"};
    int total = 0;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        u.tasks.push_back(parse_task(tasks[i], ptr + "/tasks/" + std::to_string(i), map));
        total += u.tasks.back().weight;
    }
    if (total == 0) throw invalid{ptr + "/tasks", "the task weights add up to 0: no task could ever run"};
    return u;
}

model parse_model(const json& doc, const source_map& map)
{
    expect(doc, "", json::value_t::object, "an object with a \"users\" array");
    check_keys(doc, "", {"$schema", "description", "users"});
    if (!doc.contains("users")) throw invalid{"", "the file needs a \"users\" array of user classes"};
    const json& users = expect(doc["users"], "/users", json::value_t::array, "an array of user classes");
    if (users.empty()) throw invalid{"/users", "no user classes: add at least one"};
    model m;
    double total = 0;
    for (std::size_t i = 0; i < users.size(); ++i) {
        std::string ptr = "/users/" + std::to_string(i);
        m.users.push_back(parse_user(users[i], ptr, map));
        for (std::size_t j = 0; j + 1 < m.users.size(); ++j)
            if (m.users[j].name == m.users.back().name)
                throw invalid{ptr + "/name", "user class \"" + m.users.back().name + "\" is defined twice (names must be unique)"};
        total += m.users.back().fixed_count > 0 ? 1 : m.users.back().weight;
    }
    if (total == 0) throw invalid{"/users", "every user class has weight 0 and no fixed_count: no user could ever run"};
    return m;
}

// nlohmann reports the offset after the offending token; a person wants where it starts.
std::size_t token_start(std::string_view text, std::size_t last)
{
    if (last >= text.size()) return text.empty() ? 0 : text.size() - 1;
    if (text[last] == '"' && last > 0) {
        for (std::size_t i = last; i-- > 0;)
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) return i;
        return last;
    }
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
    if (!word(text[last])) return last;
    while (last > 0 && word(text[last - 1])) --last;
    return last;
}

} // namespace

load_result load_json(std::string_view text, const std::string& file)
{
    load_result r;
    r.error.file = file;
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        std::string what = e.what();
        auto pos = source_map::position_of(text, token_start(text, e.byte > 0 ? e.byte - 1 : 0));
        r.error.line = pos.line;
        r.error.column = pos.column;
        auto colon = what.find(": ", what.find("column"));
        r.error.message = "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
        return r;
    } catch (const json::exception& e) {
        // e.g. out_of_range for a number such as 1e999: no position, but still one clear line.
        std::string what = e.what();
        auto bracket = what.find("] ");
        r.error.message = "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
        return r;
    }
    source_map map(text);
    try {
        r.value = parse_model(doc, map);
        r.value->source = file;
    } catch (const invalid& e) {
        auto pos = e.unknown_key.empty() ? map.at(e.pointer) : map.key_at(e.pointer, e.unknown_key);
        r.error.line = pos.line;
        r.error.column = pos.column;
        r.error.pointer = e.pointer.empty() ? "" : e.pointer;
        if (!e.unknown_key.empty()) r.error.pointer = e.pointer.empty() ? "/" : e.pointer;
        r.error.message = e.message;
    } catch (const json::exception& e) {
        r.error.message = e.what();
    }
    return r;
}

load_result load_json_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        load_result r;
        r.error.file = path;
        r.error.message = "cannot open the scenario file (does it exist?)";
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return load_json(ss.str(), path);
}

} // namespace hornet::scenario
