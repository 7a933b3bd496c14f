// The command line: CLI11 reads argv; unknown options become an argparse-style error.
#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <deque>
#include <vector>

#include "cli/option_spec.hpp"
#include "cli/usage_error.hpp"
#include "cli/value_text.hpp"
#include "core/did_you_mean.hpp"

namespace hornet::cli {

namespace {

// Where CLI11 writes one option's value; a deque keeps addresses stable as slots are added.
struct slot
{
    const option_spec* spec = nullptr;
    CLI::Option* option = nullptr;
    bool flag = false;
    std::string text;
    std::vector<std::string> items;
};

std::string cli11_names(const option_spec& spec)
{
    std::string names;
    if (spec.short_name != 0) {
        names += '-';
        names += spec.short_name;
        names += ',';
    }
    return names + "--" + std::string(spec.key);
}

// argparse acts on -h/--help and -V/--version as soon as it meets them, so e.g.
// `hornet --bogus -h` still prints the help. Tokens after "--" are positional.
void scan_help_and_version(int argc, const char* const* argv, command_line& out)
{
    for (int i = 1; i < argc; ++i) {
        std::string_view token(argv[i]);
        if (token == "--") return;
        if (token == "-h" || token == "--help") {
            out.help = true;
            return;
        }
        if (token == "-V" || token == "--version") {
            out.version = true;
            return;
        }
    }
}

const option_spec* takes_one_value(std::string_view token)
{
    for (const auto& spec : option_specs()) {
        bool one_value = spec.kind == option_kind::value || spec.kind == option_kind::append || spec.key == "config";
        if (!one_value) continue;
        if (token.substr(0, 2) == "--" && token.substr(2) == spec.key) return &spec;
        if (spec.short_name != 0 && token.size() == 2 && token[0] == '-' && token[1] == spec.short_name) return &spec;
    }
    return nullptr;
}

// argparse's rule: a dash token is an option unless it reads as a negative number.
bool looks_like_option(std::string_view token)
{
    return token.size() > 1 && token[0] == '-' && !parse_number(token);
}

// CLI11 would take "--csv --headless" as csv = "--headless"; argparse refuses, and so do we.
void check_values_present(int argc, const char* const* argv)
{
    for (int i = 1; i < argc; ++i) {
        std::string_view token(argv[i]);
        if (token == "--") return;
        const option_spec* spec = takes_one_value(token);
        if (spec == nullptr) continue;
        if (i + 1 >= argc || looks_like_option(argv[i + 1])) {
            throw argument_error("argument " + display_name(*spec) + ": expected one argument");
        }
        ++i;
    }
}

} // namespace

std::string suggest_option(std::string_view token)
{
    if (token.substr(0, 2) != "--") return {};
    std::string_view word =
        token.substr(2, token.find('=') == std::string_view::npos ? token.npos : token.find('=') - 2);
    if (word.empty()) return {};
    std::vector<std::string> keys;
    for (const auto& spec : option_specs()) keys.emplace_back(spec.key);

    // An abbreviation that fits one option only ("--head") beats a closer spelling ("--help").
    std::string close;
    for (const auto& key : keys) {
        if (key.size() > word.size() && key.compare(0, word.size(), word) == 0) {
            if (!close.empty()) {
                close.clear();
                break;
            }
            close = key;
        }
    }
    if (close.empty()) close = core::closest_match(word, keys);
    return close.empty() ? std::string{} : "--" + close;
}

command_line read_command_line(int argc, const char* const* argv)
{
    command_line out;
    scan_help_and_version(argc, argv, out);
    if (out.help || out.version) return out;
    check_values_present(argc, argv);

    CLI::App app{"", "hornet"};
    app.set_help_flag();
    app.allow_extras(); // collected below, to word the error like argparse

    std::deque<slot> slots;
    for (const auto& spec : option_specs()) {
        slot& s = slots.emplace_back();
        s.spec = &spec;
        std::string names = cli11_names(spec);
        switch (spec.kind) {
        case option_kind::flag: s.option = app.add_flag(names, s.flag); break;
        case option_kind::list:
            s.option = app.add_option(names, s.items)->expected(0, CLI::detail::expected_max_vector_size);
            break;
        case option_kind::append:
            s.option =
                app.add_option(names, s.items)->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
            break;
        case option_kind::value:
        case option_kind::action:
            if (spec.key == "help" || spec.key == "version") {
                s.option = app.add_flag(names, s.flag);
            } else {
                s.option = app.add_option(names, s.text)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
            }
            break;
        }
        if (!spec.metavar.empty()) s.option->type_name(std::string(spec.metavar));
    }
    app.add_option("user_classes", out.user_classes);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ArgumentMismatch& e) {
        // CLI11 says "--users: 1 required NUM missing"; argparse's wording is what users know.
        std::string_view what(e.what());
        auto colon = what.find(':');
        const option_spec* spec =
            what.substr(0, 2) == "--" && colon != what.npos ? find_option(what.substr(2, colon - 2)) : nullptr;
        if (spec != nullptr) throw argument_error("argument " + display_name(*spec) + ": expected one argument");
        throw argument_error(std::string("argument ") + e.what());
    } catch (const CLI::ParseError& e) {
        throw argument_error(std::string("argument ") + e.what());
    }

    // CLI11 lists the "--" separator among the extras; it is not an unknown argument.
    auto extras = app.remaining();
    std::erase(extras, "--");
    if (!extras.empty()) {
        std::string message = "unrecognized arguments:";
        std::string suggestion;
        for (const auto& token : extras) {
            message += " " + token;
            if (suggestion.empty()) suggestion = suggest_option(token);
        }
        if (!suggestion.empty()) message += " (did you mean " + suggestion + "?)";
        throw argument_error(message);
    }

    for (const auto& s : slots) {
        if (s.option->count() == 0) continue;
        const option_spec& spec = *s.spec;
        if (spec.key == "config") {
            out.config_file = s.text;
            continue;
        }
        raw_value raw{{}, "argument " + display_name(spec)};
        switch (spec.kind) {
        case option_kind::flag: raw.values.emplace_back(s.flag ? "true" : "false"); break;
        case option_kind::list:
            for (const auto& item : s.items) {
                for (auto& part : split_list(item)) raw.values.push_back(std::move(part));
            }
            break;
        case option_kind::append: raw.values = s.items; break;
        default: raw.values.push_back(s.text); break;
        }
        out.settings[std::string(spec.key)] = std::move(raw);
    }
    return out;
}

} // namespace hornet::cli
