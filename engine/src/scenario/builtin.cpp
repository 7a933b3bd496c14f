// Lookup, loading and listing of the built-in scenarios.
#include "scenario/builtin.hpp"

#include "scenario/plugin_loader.hpp"
#include "scenario/registry_model.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace hornet::scenario {

std::span<const builtin_scenario> builtin_scenarios()
{
    return detail::builtin_table();
}

const builtin_scenario* find_builtin(std::string_view name)
{
    for (const auto& s : builtin_scenarios())
        if (s.name == name) return &s;
    return nullptr;
}

load_result load_builtin(const builtin_scenario& s, const load_options& options)
{
    std::string source(s.name);
    if (s.register_fn) return load_registered(s.register_fn, nullptr, source);
    return load_json(s.json_text, source, options);
}

load_result load_scenario(const std::string& spec, const load_options& options)
{
    if (is_plugin_path(spec)) return load_plugin(spec);
    std::error_code ec;
    if (!std::filesystem::exists(spec, ec))
        if (const auto* b = find_builtin(spec)) return load_builtin(*b, options);
    return load_json_file(spec, options);
}

builtin_summary summarize(const builtin_scenario& s)
{
    builtin_summary out;
    out.name = s.name;
    if (s.register_fn) {
        out.kind = "c++";
        hornet::registry r;
        try {
            if (s.register_fn(r) != 0) return out;
        } catch (...) {
            return out;
        }
        out.description = r.description();
        for (const auto& c : r.classes()) out.classes.push_back(c.name);
        return out;
    }
    out.kind = "json";
    // Read directly, not through the loader: a listing should not fail on a scenario problem.
    auto doc = nlohmann::json::parse(s.json_text, nullptr, false);
    if (!doc.is_object()) return out;
    if (auto d = doc.find("description"); d != doc.end() && d->is_string()) out.description = d->get<std::string>();
    if (auto users = doc.find("users"); users != doc.end() && users->is_array())
        for (const auto& u : *users)
            if (u.is_object() && u.contains("name") && u["name"].is_string())
                out.classes.push_back(u["name"].get<std::string>());
    return out;
}

std::string builtin_list_text()
{
    std::vector<builtin_summary> all;
    std::size_t width = 0;
    for (const auto& s : builtin_scenarios()) {
        all.push_back(summarize(s));
        width = std::max(width, all.back().name.size());
    }
    std::string out = "Built-in scenarios (run one with -f NAME):\n";
    for (const auto& s : all) {
        out += "  " + s.name + std::string(width - s.name.size() + 2, ' ') + "[" + s.kind + "]";
        if (!s.description.empty()) out += " " + s.description;
        out += "\n" + std::string(width + 4, ' ') + "classes:";
        for (const auto& c : s.classes) out += " " + c;
        out += "\n";
    }
    return out;
}

} // namespace hornet::scenario
