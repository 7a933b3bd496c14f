// LOCUST_* / HORNET_* variables.
#include "cli/environment.hpp"

#include "cli/option_spec.hpp"
#include "cli/usage_error.hpp"
#include "cli/value_text.hpp"

extern char** environ;

namespace hornet::cli {

namespace {

const char* const* process_env(const char* const* envp)
{
    return envp != nullptr ? envp : const_cast<const char* const*>(environ);
}

void read_variable(const option_spec& spec, const std::string& name, const std::string& text, raw_settings& into)
{
    raw_value raw{{}, name};
    switch (spec.kind) {
    case option_kind::flag: {
        auto on = parse_bool(text);
        if (!on) throw argument_error(name + ": expected true/1/yes or false/0/no, got '" + text + "'");
        raw.values.emplace_back(*on ? "true" : "false");
        break;
    }
    case option_kind::list: raw.values = split_list(text); break;
    case option_kind::append: raw.values = split_on_semicolons(text); break;
    default: raw.values.emplace_back(trim(text)); break;
    }
    into[std::string(spec.key)] = std::move(raw);
}

} // namespace

std::optional<std::string> find_env(const char* const* envp, std::string_view name)
{
    for (auto it = process_env(envp); it != nullptr && *it != nullptr; ++it) {
        std::string_view entry(*it);
        if (entry.size() > name.size() && entry.substr(0, name.size()) == name && entry[name.size()] == '=') {
            return std::string(entry.substr(name.size() + 1));
        }
    }
    return std::nullopt;
}

void read_environment(const char* const* envp, raw_settings& into)
{
    // Two passes rather than one so that HORNET_X wins whatever the order of the array.
    for (bool hornet_pass : {false, true}) {
        for (const auto& spec : option_specs()) {
            std::string name = hornet_pass ? hornet_env_name(spec) : locust_env_name(spec);
            if (name.empty()) continue;
            auto value = find_env(envp, name);
            if (!value || trim(*value).empty()) continue;
            read_variable(spec, name, *value, into);
        }
    }
}

} // namespace hornet::cli
