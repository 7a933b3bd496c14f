// Config files (~/.locust.conf, ./locust.conf, ./hornet.conf, --config FILE).
#include "cli/config_file.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/option_spec.hpp"
#include "cli/usage_error.hpp"
#include "cli/value_text.hpp"
#include "core/did_you_mean.hpp"

namespace hornet::cli {

namespace {

bool is_space(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Cuts a trailing " # comment" / " ; comment"; a '#' glued to text (a URL fragment) stays.
std::string_view strip_comment(std::string_view value)
{
    for (std::size_t i = 1; i < value.size(); ++i) {
        if ((value[i] == '#' || value[i] == ';') && is_space(value[i - 1])) return trim(value.substr(0, i));
    }
    return value;
}

std::string_view unquote_value(std::string_view value)
{
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        auto close = value.find(value.front(), 1);
        if (close != std::string_view::npos) return value.substr(1, close - 1);
    }
    return strip_comment(value);
}

std::vector<std::string> config_keys()
{
    std::vector<std::string> keys;
    for (const auto& spec : option_specs()) {
        if (spec.in_config) keys.emplace_back(spec.key);
    }
    return keys;
}

void read_line(std::string_view line, const std::string& where, raw_settings& into)
{
    std::size_t end = 0;
    while (end < line.size() && line[end] != '=' && line[end] != ':' && !is_space(line[end])) ++end;
    std::string_view key = line.substr(0, end);
    std::string_view rest = trim(line.substr(end));
    bool has_separator = !rest.empty() && (rest.front() == '=' || rest.front() == ':');
    if (has_separator) rest = trim(rest.substr(1));
    if (key.empty()) throw argument_error(where + ": expected 'key = value'");
    if (key.substr(0, 2) == "--") key.remove_prefix(2);

    const option_spec* spec = find_option(key);
    if (spec == nullptr) {
        std::string message = where + ": unknown option '" + std::string(key) + "'";
        std::string close = core::closest_match(key, config_keys());
        if (!close.empty()) message += " (did you mean '" + close + "'?)";
        throw argument_error(message);
    }
    if (!spec->in_config) {
        throw argument_error(where + ": '" + std::string(key) + "' can only be given on the command line");
    }

    std::string_view value = unquote_value(rest);
    raw_value raw{{}, where};
    switch (spec->kind) {
    case option_kind::flag: {
        // A bare key switches the flag on, as in configargparse.
        auto on = value.empty() && !has_separator ? std::optional<bool>(true) : parse_bool(value);
        if (!on) {
            throw argument_error(where + ": '" + std::string(spec->key) + "' expects true or false, got '" +
                                 std::string(value) + "'");
        }
        raw.values.emplace_back(*on ? "true" : "false");
        break;
    }
    case option_kind::list: raw.values = split_list(value); break;
    case option_kind::append: raw.values = split_on_semicolons(value); break;
    default:
        if (value.empty()) throw argument_error(where + ": '" + std::string(spec->key) + "' needs a value");
        raw.values.emplace_back(value);
        break;
    }
    into[std::string(spec->key)] = std::move(raw);
}

} // namespace

void read_config_text(std::string_view text, const std::string& file_name, raw_settings& into)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // editors on Windows add a BOM
    std::size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        auto newline = text.find('\n');
        std::string_view line = trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[' && line.back() == ']') continue; // e.g. a [locust] section header
        read_line(line, file_name + ":" + std::to_string(line_number), into);
    }
}

bool read_config_file(const std::string& path, raw_settings& into)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return false;
    if (std::filesystem::is_directory(path, ec)) {
        throw argument_error("config file " + path + " is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw argument_error("cannot read config file " + path);
    std::ostringstream content;
    content << in.rdbuf();
    read_config_text(content.str(), path, into);
    return true;
}

} // namespace hornet::cli
