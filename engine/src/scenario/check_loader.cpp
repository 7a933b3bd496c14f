// "extract" and "check" of a request step: validated and compiled (pointers, regexes,
// templates) when the file loads, so a run never meets a malformed rule.
#include "scenario/check_loader.hpp"

#include "scenario/source_map.hpp"

#include <algorithm>
#include <regex>

namespace hornet::scenario {

namespace {

using json = nlohmann::json;

// nlohmann's messages start with "[json.exception.parse_error.108] parse error: ".
std::string nlohmann_reason(const std::string& what)
{
    std::string out = what;
    if (auto b = out.find("] "); b != std::string::npos) out = out.substr(b + 2);
    if (out.rfind("parse error: ", 0) == 0) out = out.substr(13);
    return out;
}

// Why `p` is not a JSON pointer, or "" when it is one.
std::string pointer_problem(const std::string& p)
{
    if (p.empty() || p.front() != '/')
        return "a JSON pointer starts with \"/\" (\"/id\", \"/items/0/name\"), got \"" + p + "\"";
    try {
        json::json_pointer check(p);
    } catch (const json::exception& e) {
        return "invalid JSON pointer \"" + p + "\": " + nlohmann_reason(e.what());
    }
    return {};
}

std::string pointer_value(const load_context& ctx, const json& v, const std::string& at)
{
    std::string p = ctx.string_of(v, at, "a JSON pointer string such as \"/id\"");
    if (auto problem = pointer_problem(p); !problem.empty()) ctx.fail(at, problem);
    return p;
}

// A string or an array of strings, as a list of (value, pointer) pairs.
std::vector<std::pair<const json*, std::string>> one_or_many(const load_context& ctx, const json& v,
                                                             const std::string& at, const char* what)
{
    std::vector<std::pair<const json*, std::string>> out;
    if (v.is_array()) {
        if (v.empty()) ctx.fail(at, std::string("expected ") + what + ", got an empty array");
        for (std::size_t i = 0; i < v.size(); ++i) out.emplace_back(&v[i], at + "/" + std::to_string(i));
    } else {
        out.emplace_back(&v, at);
    }
    return out;
}

} // namespace

std::vector<extract> load_extracts(const load_context& ctx, const json& v, const std::string& pointer)
{
    ctx.expect(v, pointer, json::value_t::object,
               "an object of variable names to sources such as {\"id\": {\"json\": \"/id\"}}");
    std::vector<extract> out;
    for (auto it = v.begin(); it != v.end(); ++it) {
        std::string at = pointer + "/" + pointer_escape(it.key());
        ctx.expect(*it, at, json::value_t::object,
                   "a source such as {\"json\": \"/id\"}, {\"header\": \"Location\"}, {\"cookie\": \"sid\"} or "
                   "{\"regex\": \"id=(\\\\d+)\"}");
        ctx.check_keys(*it, at, {"json", "header", "cookie", "regex"});
        if (it->size() != 1) ctx.fail(at, "expected exactly one of json, header, cookie, regex");

        extract e;
        e.variable = it.key();
        const auto& vars = ctx.scope.variables;
        e.slot = static_cast<std::size_t>(std::find(vars.begin(), vars.end(), e.variable) - vars.begin());
        auto source = it->begin();
        std::string src_at = at + "/" + source.key();
        if (source.key() == "json") {
            e.from = extract::source::json;
            e.argument = pointer_value(ctx, *source, src_at);
        } else if (source.key() == "header" || source.key() == "cookie") {
            e.from = source.key() == "header" ? extract::source::header : extract::source::cookie;
            e.argument = ctx.string_of(*source, src_at, source.key() == "header" ? "a header name" : "a cookie name");
            if (e.argument.empty()) ctx.fail(src_at, "the " + source.key() + " name is empty");
        } else {
            e.from = extract::source::regex;
            e.argument = ctx.string_of(*source, src_at, "a regular expression string");
            try {
                e.pattern = std::make_shared<const std::regex>(e.argument, std::regex::ECMAScript);
            } catch (const std::regex_error& err) {
                ctx.fail(src_at, "invalid regular expression \"" + e.argument + "\": " + err.what());
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

check load_check(const load_context& ctx, const json& v, const std::string& pointer)
{
    ctx.expect(v, pointer, json::value_t::object, "an object such as {\"status\": 200}");
    ctx.check_keys(v, pointer, {"status", "body_contains", "json", "json_exists", "max_ms", "message"});
    check c;
    if (v.contains("status")) {
        for (auto& [s, at] : one_or_many(ctx, v["status"], pointer + "/status", "an HTTP status or an array of them"))
            c.status.push_back(static_cast<unsigned>(ctx.whole(*s, at, 100, 599, "an HTTP status from 100 to 599")));
    }
    if (v.contains("body_contains")) {
        for (auto& [s, at] :
             one_or_many(ctx, v["body_contains"], pointer + "/body_contains", "a string or an array of strings"))
            c.body_contains.push_back(ctx.parse(ctx.string_of(*s, at, "a string the body must contain"), at));
    }
    if (v.contains("json")) {
        std::string at = pointer + "/json";
        const json& j = ctx.expect(v["json"], at, json::value_t::object,
                                   "an object of JSON pointers to expected values such as {\"/id\": 5}");
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (auto problem = pointer_problem(it.key()); !problem.empty()) ctx.fail_key(at, it.key(), problem);
            json_expectation e;
            e.pointer = it.key();
            e.expected = *it;
            if (it->is_string())
                e.expected_text = ctx.parse(it->get<std::string>(), at + "/" + pointer_escape(it.key()));
            c.json_equals.push_back(std::move(e));
        }
    }
    if (v.contains("json_exists")) {
        for (auto& [s, at] :
             one_or_many(ctx, v["json_exists"], pointer + "/json_exists", "a JSON pointer or an array of them"))
            c.json_exists.push_back(pointer_value(ctx, *s, at));
    }
    if (v.contains("max_ms")) {
        std::string at = pointer + "/max_ms";
        c.max_ms = ctx.number(v["max_ms"], at, 0, "a number of milliseconds > 0");
        if (c.max_ms <= 0) ctx.fail(at, "expected a number of milliseconds > 0, got " + v["max_ms"].dump());
    }
    if (v.contains("message")) {
        std::string at = pointer + "/message";
        std::string text = ctx.string_of(v["message"], at, "the text recorded when the check fails");
        if (text.empty()) ctx.fail(at, "the message is empty (leave it out for Hornet's own reason)");
        c.message = ctx.parse(text, at);
        if (c.empty())
            ctx.fail(at, "a message needs something to check (status, body_contains, json, json_exists or max_ms)");
    }
    return c;
}

} // namespace hornet::scenario
