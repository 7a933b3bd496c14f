// The JSON scenario format, validated strictly: every problem is reported with its place.
// This file holds the document, data sets, user classes and tasks; steps are in step_loader.cpp,
// stages in stage_loader.cpp, parsing with positions in json_document.cpp.
#include "scenario/json_loader.hpp"

#include "core/byte_size.hpp"

#include "scenario/json_document.hpp"
#include "scenario/load_context.hpp"
#include "scenario/source_map.hpp"
#include "scenario/stage_loader.hpp"
#include "scenario/step_loader.hpp"
#include "scenario/task_loader.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>

namespace hornet::scenario {

using json = nlohmann::json;

std::string load_error::to_string() const
{
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
    if (!pointer.empty()) out += "at " + pointer + ": ";
    out += message;
    for (const auto& m : more) out += "\n" + m.to_string();
    return out;
}

void throw_exception_from_error(const load_error& e, const boost::source_location& loc)
{
    boost::throw_exception(boost::system::system_error(e.code, e.to_string()), loc);
}

namespace {

using threshold_checker = std::function<std::optional<std::string>(const std::string&)>;

const std::vector<std::string> reserved_namespaces = {"random", "counter", "env", "user"};

// Every name an "extract" of these steps (or tasks) assigns, in document order, so templates
// anywhere in the class may use variables extracted later (on_start, an earlier task, …).
void check_variable_name(const load_context& ctx, const std::string& object_ptr, const std::string& name,
                         const model& m)
{
    if (!is_identifier(name))
        ctx.fail_key(object_ptr, name,
                     "invalid variable name \"" + name + "\": use letters, digits and _, not starting with a digit");
    for (const auto& set : m.data)
        if (set->name() == name)
            ctx.fail_key(object_ptr, name, "variable \"" + name + "\" has the name of a data set: rename one of them");
}

void collect_extracts(const load_context& ctx, const json& steps, const std::string& ptr,
                      std::vector<std::string>& names, const model& m)
{
    if (!steps.is_array()) return; // reported when the steps are loaded
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const json& s = steps[i];
        if (!s.is_object()) continue;
        std::string at = ptr + "/" + std::to_string(i);
        if (s.contains("extract") && s["extract"].is_object()) {
            for (auto it = s["extract"].begin(); it != s["extract"].end(); ++it) {
                check_variable_name(ctx, at + "/extract", it.key(), m);
                if (std::find(names.begin(), names.end(), it.key()) == names.end()) names.push_back(it.key());
            }
        }
        if (s.contains("steps")) collect_extracts(ctx, s["steps"], at + "/steps", names, m);
        if (s.contains("task_set") && s["task_set"].is_object())
            for (const char* part : {"on_start", "tasks", "on_stop"})
                if (s["task_set"].contains(part))
                    collect_extracts(ctx, s["task_set"][part], at + "/task_set/" + part, names, m);
    }
}

void parse_variables(load_context& ctx, const json& v, const std::string& ptr, user_class& u, const model& m)
{
    if (v.contains("variables")) {
        std::string at = ptr + "/variables";
        const json& vars =
            ctx.expect(v["variables"], at, json::value_t::object, "an object of variable names to initial values");
        for (auto it = vars.begin(); it != vars.end(); ++it) {
            check_variable_name(ctx, at, it.key(), m);
            std::string value = ctx.string_of(*it, at + "/" + pointer_escape(it.key()), "a string initial value");
            u.initial_values.emplace_back(u.variables.size(), value);
            u.variables.push_back(it.key());
        }
    }
    for (const char* part : {"on_start", "tasks", "on_stop"})
        if (v.contains(part)) collect_extracts(ctx, v[part], ptr + "/" + part, u.variables, m);
    ctx.scope.variables = u.variables;
}

void parse_host(const load_context& ctx, const json& v, const std::string& ptr, user_class& u)
{
    std::string raw = ctx.string_of(v, ptr, "a base URL such as \"http://127.0.0.1:5000\"");
    // Only the environment is known when the file loads: no variables, data or generators.
    load_context env_only(ctx.map());
    env_only.scope.env = ctx.scope.env;
    template_text t = env_only.parse(raw, ptr);
    if (!t.is_literal())
        ctx.fail(ptr, "the host may only use {{env.NAME}} or {{env.NAME|default}}, resolved when the file loads");
    u.host = t.literal();
    if (u.host.empty() && raw != u.host) return; // an empty env value: no host here, -H gives it
    if (u.host.rfind("http://", 0) != 0 && u.host.rfind("https://", 0) != 0)
        ctx.fail(ptr, "expected a base URL starting with http:// or https://, got \"" + u.host + "\"");
}

// A size: whole bytes, or a string with a unit ("64MiB").
std::uint64_t parse_size_value(load_context& ctx, const json& v, const std::string& ptr, std::uint64_t low,
                               std::uint64_t high)
{
    std::optional<std::uint64_t> size;
    if (v.is_number_unsigned())
        size = v.get<std::uint64_t>();
    else if (v.is_string())
        size = core::parse_size(v.get<std::string>());
    else
        ctx.fail(ptr, "expected a size: bytes (65536) or a string with a unit (\"64MiB\", \"512k\")");
    if (!size) ctx.fail(ptr, "expected a size such as 65536, \"512k\" or \"64MiB\", got " + v.dump());
    if (*size < low || *size > high)
        ctx.fail(ptr, "must be between " + std::to_string(low) + " and " + std::to_string(high) + " bytes");
    return *size;
}

// tls_verify and ca_file: the class's own over --tls-verify / --ca-file. A CA file, like on the
// command line, turns verification on; it is checked now so that a typo is a load error, not a
// "certificate verify failed" on every request.
void parse_tls_settings(load_context& ctx, const json& v, const std::string& ptr, const std::string& base_dir,
                        client_settings& out)
{
    if (v.contains("tls_verify"))
        out.tls_verify =
            ctx.expect(v["tls_verify"], ptr + "/tls_verify", json::value_t::boolean, "true or false").get<bool>();
    if (!v.contains("ca_file")) return;
    std::string at = ptr + "/ca_file";
    std::string file = ctx.string_of(v["ca_file"], at, "the path of a PEM file of CA certificates");
    if (file.empty()) ctx.fail(at, "the CA file path is empty");
    if (out.tls_verify && !*out.tls_verify)
        ctx.fail(ptr + "/tls_verify", "false contradicts \"ca_file\", which turns verification on: remove one of them");
    std::filesystem::path path(file);
    if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
    path = path.lexically_normal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) ctx.fail(at, "no such CA file " + path.string());
    if (!std::filesystem::is_regular_file(path, ec))
        ctx.fail(at, "CA file " + path.string() + " is not a regular file");
    out.ca_file = path.string();
    out.tls_verify = true;
}

void parse_client_settings(load_context& ctx, const json& v, const std::string& ptr, const std::string& base_dir,
                           client_settings& out)
{
    for (const char* key : {"connect_timeout", "request_timeout"}) {
        if (!v.contains(key)) continue;
        double seconds = ctx.number(v[key], ptr + "/" + key, 0, "a number of seconds > 0");
        if (!(seconds > 0)) ctx.fail(ptr + "/" + key, "must be > 0 seconds");
        (std::string_view(key) == "connect_timeout" ? out.connect_timeout : out.request_timeout) = seconds;
    }
    if (v.contains("max_body_size"))
        out.max_body_size = parse_size_value(ctx, v["max_body_size"], ptr + "/max_body_size", 0,
                                             std::numeric_limits<std::uint64_t>::max());
    if (v.contains("max_header_size"))
        out.max_header_size = parse_size_value(ctx, v["max_header_size"], ptr + "/max_header_size", 1024,
                                               std::numeric_limits<std::uint32_t>::max());
    parse_tls_settings(ctx, v, ptr, base_dir, out);
}

user_class parse_user(load_context& ctx, const json& v, const std::string& ptr, const std::string& base_dir,
                      const model& m)
{
    ctx.expect(v, ptr, json::value_t::object, "a user class object");
    ctx.check_keys(v, ptr,
                   {"name", "weight", "fixed_count", "rate", "wait_time", "host", "sequential", "variables", "on_start",
                    "on_stop", "tasks", "connect_timeout", "request_timeout", "max_body_size", "max_header_size",
                    "tls_verify", "ca_file"});
    user_class u;
    if (!v.contains("name")) ctx.fail(ptr, "a user class needs a \"name\"");
    u.name = ctx.string_of(v["name"], ptr + "/name", "a name string");
    if (u.name.empty()) ctx.fail(ptr + "/name", "the name is empty");
    if (v.contains("weight")) u.weight = ctx.number(v["weight"], ptr + "/weight", 0, "a weight >= 0");
    if (v.contains("fixed_count"))
        u.fixed_count =
            static_cast<int>(ctx.whole(v["fixed_count"], ptr + "/fixed_count", 0, 100000000, "a whole number >= 0"));
    if (v.contains("rate")) {
        u.rate = ctx.number(v["rate"], ptr + "/rate", 0, "iterations per second, a number >= 0");
        if (v.contains("wait_time"))
            ctx.fail(ptr + "/wait_time",
                     "a class with a \"rate\" starts its iterations on a schedule: it has no wait_time");
    }
    if (v.contains("wait_time")) u.wait = load_wait(ctx, v["wait_time"], ptr + "/wait_time");
    if (v.contains("host")) parse_host(ctx, v["host"], ptr + "/host", u);
    parse_client_settings(ctx, v, ptr, base_dir, u.client);
    if (v.contains("sequential"))
        u.sequential =
            ctx.expect(v["sequential"], ptr + "/sequential", json::value_t::boolean, "true or false").get<bool>();
    parse_variables(ctx, v, ptr, u, m);
    // From here each part is loaded on its own, so one mistake does not hide the next.
    if (v.contains("on_start"))
        ctx.attempt([&] { u.on_start = load_steps(ctx, v["on_start"], ptr + "/on_start", false, 0); });
    if (v.contains("on_stop"))
        ctx.attempt([&] { u.on_stop = load_steps(ctx, v["on_stop"], ptr + "/on_stop", false, 0); });
    if (!v.contains("tasks")) ctx.fail(ptr, "a user class needs \"tasks\"");
    u.tasks = load_tasks(ctx, v["tasks"], ptr + "/tasks", 0);
    return u;
}

void parse_data_set(const load_context& ctx, json::const_iterator it, const std::string& base_dir, model& m)
{
    const std::string& name = it.key();
    std::string at = "/data/" + pointer_escape(name);
    if (!is_identifier(name))
        ctx.fail_key("/data", name,
                     "invalid data set name \"" + name + "\": use letters, digits and _, not starting with a digit");
    if (std::find(reserved_namespaces.begin(), reserved_namespaces.end(), name) != reserved_namespaces.end())
        ctx.fail_key("/data", name,
                     "\"" + name + "\" is taken by the {{" + name + ".…}} templates: choose another data set name");
    ctx.expect(*it, at, json::value_t::object, "an object such as {\"file\": \"customers.csv\"}");
    ctx.check_keys(*it, at, {"file", "order"});
    if (!it->contains("file")) ctx.fail(at, "a data set needs a \"file\"");
    std::string file = ctx.string_of((*it)["file"], at + "/file", "a CSV file name");
    auto how = data_set::order::sequential;
    if (it->contains("order")) {
        std::string order = ctx.string_of((*it)["order"], at + "/order", "\"sequential\" or \"random\"");
        if (order == "random")
            how = data_set::order::random;
        else if (order != "sequential")
            ctx.fail(at + "/order", "expected \"sequential\" or \"random\", got \"" + order + "\"");
    }
    std::filesystem::path path(file);
    if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
    // A device or a folder would block or fail oddly: only plain files are data.
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
        ctx.fail(at + "/file", "data file " + path.lexically_normal().string() + " is not a regular file");
    auto loaded = data_set::load_file(name, path.lexically_normal().string(), how);
    if (!loaded) {
        // Read errors name the path tried; format errors say the line, we add the file.
        const std::string why = loaded.error().message;
        bool names_path = why.find(path.lexically_normal().string()) != std::string::npos;
        ctx.fail(at + "/file", names_path ? why : "data file " + path.lexically_normal().string() + ": " + why);
    }
    m.data.push_back(std::move(*loaded));
}

void parse_data(const load_context& ctx, const json& v, const std::string& base_dir, model& m)
{
    ctx.expect(v, "/data", json::value_t::object, "an object of data set names to {\"file\": \"….csv\"}");
    for (auto it = v.begin(); it != v.end(); ++it) ctx.attempt([&] { parse_data_set(ctx, it, base_dir, m); });
}

void parse_thresholds(load_context& ctx, const json& list, const threshold_checker& check, model& m)
{
    ctx.expect(list, "/thresholds", json::value_t::array, "an array of threshold expressions");
    for (std::size_t i = 0; i < list.size(); ++i) {
        ctx.attempt([&] {
            const std::string at = "/thresholds/" + std::to_string(i);
            std::string text = ctx.string_of(list[i], at, "a threshold expression (\"p95<300ms\")");
            if (check)
                if (auto why = check(text)) ctx.fail(at, *why);
            m.thresholds.push_back(std::move(text));
        });
    }
}

model parse_model(load_context& ctx, const json& doc, const std::string& base_dir,
                  const threshold_checker& check_threshold)
{
    ctx.expect(doc, "", json::value_t::object, "an object with a \"users\" array");
    ctx.check_keys(doc, "", {"$schema", "description", "data", "stages", "thresholds", "users"});
    model m;
    if (doc.contains("thresholds")) ctx.attempt([&] { parse_thresholds(ctx, doc["thresholds"], check_threshold, m); });
    if (doc.contains("stages")) ctx.attempt([&] { m.stages = parse_stages(ctx, doc["stages"], "/stages"); });
    if (doc.contains("data")) ctx.attempt([&] { parse_data(ctx, doc["data"], base_dir, m); });
    for (const auto& set : m.data) ctx.scope.data.push_back(set.get());
    if (!doc.contains("users")) ctx.fail("", "the file needs a \"users\" array of user classes");
    const json& users = ctx.expect(doc["users"], "/users", json::value_t::array, "an array of user classes");
    if (users.empty()) ctx.fail("/users", "no user classes: add at least one");
    double total = 0;
    bool all_loaded = true;
    for (std::size_t i = 0; i < users.size(); ++i) {
        std::string ptr = "/users/" + std::to_string(i);
        all_loaded &= ctx.attempt([&] {
            // Each class has its own variables: the scope is set again by parse_variables.
            ctx.scope.variables.clear();
            m.users.push_back(parse_user(ctx, users[i], ptr, base_dir, m));
            for (std::size_t j = 0; j + 1 < m.users.size(); ++j)
                if (m.users[j].name == m.users.back().name)
                    ctx.fail(ptr + "/name",
                             "user class \"" + m.users.back().name + "\" is defined twice (names must be unique)");
            total += m.users.back().fixed_count > 0 ? 1 : m.users.back().weight;
        });
    }
    if (all_loaded && total == 0)
        ctx.fail("/users", "every user class has weight 0 and no fixed_count: no user could ever run");
    return m;
}

std::string folder_of(const std::string& file)
{
    std::string dir = std::filesystem::path(file).parent_path().string();
    return dir.empty() ? "." : dir;
}

} // namespace

load_result load_json(std::string_view text, const std::string& file, const load_options& options)
{
    model m;
    auto error = read_json_document(text, file, [&](load_context& ctx, const json& doc) {
        ctx.scope.env = options.env ? options.env : [](const std::string& name) -> std::optional<std::string> {
            const char* v = std::getenv(name.c_str());
            if (!v) return std::nullopt;
            return std::string(v);
        };
        m = parse_model(ctx, doc, options.base_dir.empty() ? folder_of(file) : options.base_dir,
                        options.check_threshold);
        for (const auto& w : ctx.warnings()) m.warnings.push_back(located(file, w).to_string());
    });
    if (error) return std::move(*error);
    m.source = file;
    return m;
}

load_result load_json(std::string_view text, const std::string& file)
{
    return load_json(text, file, load_options{});
}

load_result load_json(std::string_view text, const std::string& file, const std::string& base_dir)
{
    load_options options;
    options.base_dir = base_dir;
    return load_json(text, file, options);
}

load_result load_json_file(const std::string& path, const load_options& options)
{
    std::string text;
    if (!read_text_file(path, text))
        return load_error::whole_file(path, "cannot open the scenario file (does it exist?)");
    return load_json(text, path, options);
}

} // namespace hornet::scenario
