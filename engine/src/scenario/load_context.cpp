// The loader's value checks and template parsing with positions inside the file.
#include "scenario/load_context.hpp"

#include "core/did_you_mean.hpp"
#include "scenario/escaping.hpp"

#include <algorithm>

namespace hornet::scenario {

std::string type_name(const nlohmann::json& v)
{
    using json = nlohmann::json;
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

bool is_identifier(std::string_view name)
{
    if (name.empty()) return false;
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!letter(name[0])) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

void append(template_text& out, std::string_view literal)
{
    if (literal.empty()) return;
    if (!out.parts.empty() && !out.parts.back().value)
        out.parts.back().literal += literal;
    else
        out.parts.push_back({std::string(literal), std::nullopt});
}

void append(template_text& out, const template_text& t)
{
    for (const auto& p : t.parts) {
        if (p.value)
            out.parts.push_back(p);
        else
            append(out, p.literal);
    }
}

bool is_typed_value(const template_text& t)
{
    return t.parts.size() == 1 && t.parts.front().value && t.parts.front().value->typed;
}

template_text escaped_literal(std::string_view text, escape esc)
{
    std::string out;
    append_escaped(out, text, esc);
    template_text t;
    append(t, out);
    return t;
}

namespace {

// The template parser escapes literal text itself, control characters as \u00XX; JSON bodies
// keep nlohmann's spelling (\n, \t, …) so a body without templates is exactly its dump.
void respell_json_literals(template_text& escaped, std::string_view text, const template_scope& scope)
{
    auto raw = parse_template(text, scope, escape::none, true);
    if (!raw || raw->parts.size() != escaped.parts.size()) return;
    for (std::size_t i = 0; i < escaped.parts.size(); ++i) {
        if (escaped.parts[i].value || raw->parts[i].value) continue;
        std::string quoted =
            nlohmann::json(raw->parts[i].literal).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        escaped.parts[i].literal = quoted.substr(1, quoted.size() - 2);
    }
}

} // namespace

void load_context::record(const invalid& e) const
{
    mistakes_.push_back(e);
    if (mistakes_.size() >= max_load_mistakes) throw too_many_mistakes{};
}

void load_context::warn(const std::string& pointer, std::string message, text_position position) const
{
    warnings_.push_back(invalid{pointer, std::move(message), position});
}

void load_context::warn_single_braces(const std::string& text, const std::string& pointer) const
{
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        // "{{" opens a template (and "{{{{" a literal "{{"): only a lone brace is suspicious.
        if (open + 1 < text.size() && text[open + 1] == '{') {
            open = text.find_first_not_of('{', open);
            if (open == std::string::npos) return;
            continue;
        }
        std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) return;
        std::string name = text.substr(open + 1, close - open - 1);
        if (!is_identifier(name) || (close + 1 < text.size() && text[close + 1] == '}')) continue;
        std::string message = "\"{" + name + "}\" is sent as written: it looks like a Python placeholder";
        if (std::find(scope.variables.begin(), scope.variables.end(), name) != scope.variables.end())
            message += " (did you mean {{" + name + "}}?)";
        else
            message += " (a variable is written {{" + name + "}})";
        warn(pointer, message, map_.in_string(pointer, text, open));
    }
}

void load_context::fail(const std::string& pointer, const std::string& message) const
{
    throw invalid{pointer, message, map_.at(pointer)};
}

void load_context::fail_key(const std::string& object_pointer, const std::string& key, const std::string& message) const
{
    throw invalid{object_pointer.empty() ? "/" : object_pointer, message, map_.key_at(object_pointer, key)};
}

void load_context::check_keys(const json& obj, const std::string& pointer,
                              const std::vector<std::string>& allowed) const
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
        std::string msg = "unknown key \"" + it.key() + "\"";
        if (auto close = core::closest_match(it.key(), allowed); !close.empty()) {
            msg += " (did you mean \"" + close + "\"?)";
        } else {
            msg += "; expected one of:";
            for (std::size_t i = 0; i < allowed.size(); ++i) msg += (i ? ", " : " ") + allowed[i];
        }
        fail_key(pointer, it.key(), msg);
    }
}

const nlohmann::json& load_context::expect(const json& v, const std::string& pointer, json::value_t type,
                                           const char* what) const
{
    bool ok = v.type() == type || (type == json::value_t::number_float && v.is_number()) ||
              (type == json::value_t::number_integer && v.is_number_integer());
    if (!ok) fail(pointer, std::string("expected ") + what + ", got " + type_name(v));
    return v;
}

double load_context::number(const json& v, const std::string& pointer, double min_value, const char* what) const
{
    expect(v, pointer, json::value_t::number_float, what);
    double d = v.get<double>();
    if (d < min_value) fail(pointer, std::string("expected ") + what + ", got " + v.dump());
    return d;
}

std::int64_t load_context::whole(const json& v, const std::string& pointer, std::int64_t lo, std::int64_t hi,
                                 const char* what) const
{
    expect(v, pointer, json::value_t::number_integer, what);
    // An unsigned beyond int64 does not fit any range we accept.
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
        fail(pointer, std::string("expected ") + what + ", got " + v.dump());
    auto n = v.get<std::int64_t>();
    if (n < lo || n > hi) fail(pointer, std::string("expected ") + what + ", got " + v.dump());
    return n;
}

std::string load_context::string_of(const json& v, const std::string& pointer, const char* what) const
{
    return expect(v, pointer, json::value_t::string, what).get<std::string>();
}

template_text load_context::parse(const std::string& text, const std::string& pointer, escape esc) const
{
    auto r = parse_template(text, scope, esc);
    if (!r) {
        const auto e = r.error();
        throw invalid{pointer, e.message, map_.in_string(pointer, text, e.offset)};
    }
    if (esc == escape::json_string) respell_json_literals(*r, text, scope);
    return std::move(*r);
}

template_text load_context::parse_json_value(const std::string& text, const std::string& pointer) const
{
    auto r = parse_template(text, scope, escape::json_string, true);
    if (!r) {
        const auto e = r.error();
        throw invalid{pointer, e.message, map_.in_string(pointer, text, e.offset)};
    }
    if (!is_typed_value(*r)) respell_json_literals(*r, text, scope);
    return std::move(*r);
}

template_text load_context::parse_key(const std::string& key, const std::string& object_pointer, escape esc) const
{
    auto r = parse_template(key, scope, esc);
    if (!r) {
        const auto e = r.error();
        throw invalid{object_pointer.empty() ? "/" : object_pointer, e.message,
                      map_.in_key(object_pointer, key, e.offset)};
    }
    if (esc == escape::json_string) respell_json_literals(*r, key, scope);
    return std::move(*r);
}

} // namespace hornet::scenario
