// Parsing {{…}} templates once at load time into literal runs and resolved placeholders.
#include "scenario/template_text.hpp"

#include "core/did_you_mean.hpp"
#include "scenario/data_set.hpp"
#include "scenario/escaping.hpp"
#include "scenario/generators.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

#include <charconv>
#include <cstdlib>

namespace hornet::scenario {

bool template_text::is_literal() const
{
    for (const auto& p : parts)
        if (p.value) return false;
    return true;
}

std::string template_text::literal() const
{
    std::string out;
    if (!is_literal()) return out;
    for (const auto& p : parts) out += p.literal;
    return out;
}

namespace {

constexpr std::string_view namespaces_hint = "random, counter, env, user";

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool is_identifier(std::string_view s)
{
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

std::string quoted(std::string_view s)
{
    std::string q = "\"";
    q += s;
    q += '"';
    return q;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates)
{
    std::string best = core::closest_match(word, candidates);
    return best.empty() ? std::string() : " (did you mean " + quoted(best) + "?)";
}

std::string join(const std::vector<std::string>& items)
{
    std::string s;
    for (const auto& i : items) {
        if (!s.empty()) s += ", ";
        s += i;
    }
    return s;
}

/// Splits "a, 'b,c', d" into items; quotes (' or ") keep commas and spaces. Fails on a
/// missing closing quote or text after one.
bool split_args(std::string_view text, std::vector<std::string>& items, std::string& error)
{
    items.clear();
    if (trim(text).empty()) return true;
    std::size_t i = 0;
    while (true) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::string item;
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
            char q = text[i++];
            std::size_t end = text.find(q, i);
            if (end == std::string_view::npos) {
                error = "a quoted argument is not closed";
                return false;
            }
            item.assign(text.substr(i, end - i));
            i = end + 1;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
            if (i < text.size() && text[i] != ',') {
                error = "unexpected text after the quoted argument " + quoted(item);
                return false;
            }
        } else {
            std::size_t end = text.find(',', i);
            if (end == std::string_view::npos) end = text.size();
            item.assign(trim(text.substr(i, end - i)));
            i = end;
            if (item.empty()) {
                error = "an argument is empty";
                return false;
            }
        }
        items.push_back(std::move(item));
        if (i >= text.size()) return true;
        ++i; // the comma
    }
}

bool parse_int(const std::string& s, std::int64_t& v)
{
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

struct parser
{
    std::string_view text;
    const template_scope& scope;
    escape esc;
    bool json_value;
    template_text value;
    std::optional<template_error> error;

    void add_literal(std::string_view s)
    {
        if (s.empty()) return;
        auto& parts = value.parts;
        if (parts.empty() || parts.back().value) parts.emplace_back();
        append_escaped(parts.back().literal, s, esc);
    }

    void add_placeholder(placeholder p)
    {
        template_text::part part;
        part.value = std::move(p);
        value.parts.push_back(std::move(part));
    }

    void fail(std::size_t offset, std::string message)
    {
        error = template_error{.offset = offset, .message = std::move(message)};
    }

    std::optional<std::string> env_lookup(const std::string& name) const
    {
        if (scope.env) return scope.env(name);
        if (const char* v = std::getenv(name.c_str())) return std::string(v);
        return std::nullopt;
    }

    /// Resolves one trimmed expression; returns false after fail().
    bool expression(std::string_view expr, std::size_t offset, std::string_view written, bool typed = false)
    {
        placeholder p;
        p.esc = esc;
        p.typed = typed;
        p.text = std::string(written);
        auto dot = expr.find('.');
        auto paren = expr.find('(');
        if (dot == std::string_view::npos || (paren != std::string_view::npos && paren < dot)) {
            std::string name(expr);
            if (!is_identifier(name)) {
                fail(offset, "invalid placeholder " + p.text +
                                 ": expected a variable name, env.NAME, user.id, counter.user, counter.global, "
                                 "random.<generator> or <data set>.<column>");
                return false;
            }
            for (std::size_t i = 0; i < scope.variables.size(); ++i) {
                if (scope.variables[i] == name) {
                    p.type = placeholder::kind::variable;
                    p.slot = i;
                    add_placeholder(std::move(p));
                    return true;
                }
            }
            std::string hint = suggestion(name, scope.variables);
            if (hint.empty()) hint = " (declare it in \"variables\" or set it with \"extract\")";
            fail(offset, "unknown variable " + quoted(name) + hint);
            return false;
        }
        std::string_view ns = trim(expr.substr(0, dot));
        std::string_view rest = trim(expr.substr(dot + 1));
        if (ns == "env") {
            if (typed) return typed_env(rest, offset, std::move(p));
            return env(rest, offset);
        }
        if (ns == "random") return generator(rest, offset, std::move(p));
        std::string full = std::string(ns) + "." + std::string(rest);
        if (ns == "user" || ns == "counter") {
            if (full == "user.id")
                p.type = placeholder::kind::user_id;
            else if (full == "counter.user")
                p.type = placeholder::kind::user_counter;
            else if (full == "counter.global")
                p.type = placeholder::kind::global_counter;
            else {
                fail(offset, "unknown name " + quoted(full) +
                                 suggestion(full, {"user.id", "counter.user", "counter.global"}) +
                                 "; known: user.id, counter.user, counter.global");
                return false;
            }
            add_placeholder(std::move(p));
            return true;
        }
        for (std::size_t i = 0; i < scope.data.size(); ++i) {
            const data_set* set = scope.data[i];
            if (!set || set->name() != ns) continue;
            std::string column(rest);
            if (auto c = set->column(column)) {
                p.type = placeholder::kind::data_column;
                p.slot = i;
                p.column = *c;
                add_placeholder(std::move(p));
                return true;
            }
            std::string hint = suggestion(column, set->columns());
            if (hint.empty()) hint = " (its columns: " + join(set->columns()) + ")";
            fail(offset, "data set " + quoted(ns) + " has no column " + quoted(column) + hint);
            return false;
        }
        std::vector<std::string> spaces = {"random", "counter", "env", "user"};
        for (const data_set* set : scope.data)
            if (set) spaces.push_back(set->name());
        std::string hint = suggestion(ns, spaces);
        if (hint.empty())
            hint = scope.data.empty() ? " (known: " + std::string(namespaces_hint) + ")"
                                      : " (known: " + join(spaces) + ")";
        fail(offset, "unknown name " + quoted(full) + ": " + quoted(ns) +
                         " is not a data set nor a generator namespace" + hint);
        return false;
    }

    bool env(std::string_view rest, std::size_t offset)
    {
        auto bar = rest.find('|');
        std::string name(trim(rest.substr(0, bar)));
        if (name.empty()) {
            fail(offset, "env needs a variable name: {{env.NAME}} or {{env.NAME|default}}");
            return false;
        }
        if (auto v = env_lookup(name)) {
            add_literal(*v);
            return true;
        }
        if (bar != std::string_view::npos) {
            add_literal(trim(rest.substr(bar + 1)));
            return true;
        }
        fail(offset, "environment variable " + quoted(name) + " is not set (set it, or give a default: {{env." + name +
                         "|default}})");
        return false;
    }

    // {{json:env.NAME}}: the value is known now, but it stays a placeholder so the renderer
    // types it ("5" → 5) like any other text.
    bool typed_env(std::string_view rest, std::size_t offset, placeholder p)
    {
        template_text saved = std::move(value);
        value = {};
        bool ok = env(rest, offset);
        std::string text = ok && !value.parts.empty() ? value.parts.front().literal : std::string();
        value = std::move(saved);
        if (!ok) return false;
        p.type = placeholder::kind::constant;
        p.choices.push_back(std::move(text));
        add_placeholder(std::move(p));
        return true;
    }

    // {{json:EXPR}} at `open`, closing at `close`: valid only as the whole of a json body string.
    bool typed_expression(std::string_view expr, std::size_t open, std::size_t close, std::string_view written)
    {
        if (!json_value) {
            fail(open, quoted(written) +
                           ": {{json:…}} writes a typed JSON value, so it is only allowed as a whole string value "
                           "inside a \"json\" body (here it would be text)");
            return false;
        }
        if (open != 0 || close + 2 != text.size()) {
            fail(open, quoted(written) +
                           ": {{json:…}} must be the whole string value (\"{{json:…}}\" alone); inside a longer "
                           "string it can only be text: write {{" +
                           std::string(trim(expr.substr(5))) + "}}");
            return false;
        }
        std::string_view inner = trim(expr.substr(5));
        if (inner.empty()) {
            fail(open, "empty placeholder " + quoted(written) + ": write {{json:NAME}}");
            return false;
        }
        return expression(inner, open, written, true);
    }

    bool generator(std::string_view rest, std::size_t offset, placeholder p)
    {
        auto open = rest.find('(');
        std::string name = "random." + std::string(trim(rest.substr(0, open)));
        bool has_args = open != std::string_view::npos;
        std::vector<std::string> args;
        if (has_args) {
            if (rest.back() != ')') {
                fail(offset, name + ": the argument list is not closed with \")\"");
                return false;
            }
            std::string why;
            if (!split_args(rest.substr(open + 1, rest.size() - open - 2), args, why)) {
                fail(offset, name + ": " + why);
                return false;
            }
        }
        using k = placeholder::kind;
        struct entry
        {
            const char* name;
            k type;
            int args;
            const char* usage;
        };
        static const entry table[] = {
            {"random.int", k::random_int, 2, "random.int(lo, hi)"},
            {"random.digits", k::random_digits, 1, "random.digits(n)"},
            {"random.string", k::random_string, 1, "random.string(n)"},
            {"random.uuid", k::random_uuid, 0, "random.uuid"},
            {"random.choice", k::random_choice, -1, "random.choice(a, b, c)"},
            {"random.name", k::random_name, 0, "random.name"},
            {"random.first_name", k::random_first_name, 0, "random.first_name"},
            {"random.last_name", k::random_last_name, 0, "random.last_name"},
            {"random.email", k::random_email, 0, "random.email"},
        };
        const entry* found = nullptr;
        for (const auto& e : table)
            if (name == e.name) found = &e;
        if (!found) {
            std::string hint = suggestion(name, generator_names());
            if (hint.empty()) hint = " (known: " + join(generator_names()) + ")";
            fail(offset, "unknown generator " + quoted(name) + hint);
            return false;
        }
        p.type = found->type;
        if (found->args == 0) {
            if (has_args) {
                fail(offset, name + " takes no arguments: write {{" + found->usage + "}}");
                return false;
            }
            add_placeholder(std::move(p));
            return true;
        }
        if (found->args < 0) {
            if (args.empty()) {
                fail(offset, name + " needs at least one choice: " + found->usage);
                return false;
            }
            for (const auto& a : args) {
                // Choices are stored escaped: rendering then copies them as they are.
                std::string escaped;
                append_escaped(escaped, a, esc);
                p.choices.push_back(std::move(escaped));
            }
            add_placeholder(std::move(p));
            return true;
        }
        if (static_cast<int>(args.size()) != found->args) {
            fail(offset, name + " needs " + std::to_string(found->args) +
                             (found->args == 1 ? " argument" : " arguments") + ": " + found->usage + ", got " +
                             std::to_string(args.size()));
            return false;
        }
        std::int64_t v[2] = {0, 0};
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!parse_int(args[i], v[i])) {
                fail(offset, name + ": " + quoted(args[i]) + " is not an integer (" + found->usage + ")");
                return false;
            }
        }
        if (p.type == k::random_int) {
            if (v[0] > v[1]) {
                fail(offset,
                     name + "(" + std::to_string(v[0]) + ", " + std::to_string(v[1]) + "): lo is greater than hi");
                return false;
            }
            p.lo = v[0];
            p.hi = v[1];
        } else {
            std::int64_t max = p.type == k::random_digits ? 100 : 10000;
            if (v[0] < 1 || v[0] > max) {
                fail(offset, name + "(n): n must be 1 to " + std::to_string(max) + ", got " + std::to_string(v[0]));
                return false;
            }
            p.lo = v[0];
        }
        add_placeholder(std::move(p));
        return true;
    }

    void run()
    {
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t open = text.find("{{", i);
            if (open == std::string_view::npos) {
                add_literal(text.substr(i));
                return;
            }
            add_literal(text.substr(i, open - i));
            if (text.compare(open, 4, "{{{{") == 0) {
                add_literal("{{");
                i = open + 4;
                continue;
            }
            std::size_t close = text.find("}}", open + 2);
            if (close == std::string_view::npos) {
                fail(open, "unclosed \"{{\": a placeholder ends with \"}}\" (write \"{{{{\" for a literal \"{{\")");
                return;
            }
            std::string_view expr = trim(text.substr(open + 2, close - open - 2));
            std::string_view written = text.substr(open, close + 2 - open);
            if (expr.empty()) {
                fail(open, "empty placeholder " + quoted(written));
                return;
            }
            bool ok = expr.substr(0, 5) == "json:" ? typed_expression(expr, open, close, written)
                                                   : expression(expr, open, written);
            if (!ok) return;
            i = close + 2;
        }
    }
};

} // namespace

void throw_exception_from_error(const template_error& e, const boost::source_location& loc)
{
    boost::throw_exception(boost::system::system_error(e.code, e.message), loc);
}

template_parse_result parse_template(std::string_view text, const template_scope& scope, escape esc, bool json_value)
{
    parser p{text, scope, esc, json_value, {}, {}};
    p.run();
    if (p.error) return std::move(*p.error);
    return std::move(p.value);
}

} // namespace hornet::scenario
