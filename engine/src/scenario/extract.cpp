// Taking values out of responses (JSON pointer, header, cookie, regex) into user variables.
#include "scenario/extract.hpp"

namespace hornet::scenario {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The value of cookie `name` in one Set-Cookie header ("name=value; Path=/"), if it is that cookie.
std::optional<std::string_view> cookie_value(std::string_view set_cookie, std::string_view name)
{
    auto first = set_cookie.substr(0, set_cookie.find(';'));
    auto eq = first.find('=');
    if (eq == std::string_view::npos || trim(first.substr(0, eq)) != name) return std::nullopt;
    return trim(first.substr(eq + 1));
}

core::failure missing(std::string why)
{
    return {core::error::evaluation_failed, std::move(why)};
}

core::result<void> from_json(const extract& e, const http::response& r, std::optional<nlohmann::json>& body_json,
                             std::string& value, user_state::kind& kind)
{
    if (!body_json) body_json = nlohmann::json::parse(r.body, nullptr, false);
    if (body_json->is_discarded()) return missing("the response body is not JSON");
    try {
        nlohmann::json::json_pointer p(e.argument);
        if (body_json->contains(p)) {
            const auto& v = body_json->at(p);
            kind = v.is_string() ? user_state::kind::json_string : user_state::kind::json;
            value =
                v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return {};
        }
    } catch (const nlohmann::json::exception&) {
        // A malformed pointer, or a non-numeric index into an array: the value is not there.
    }
    return missing("no " + e.argument + " in the response body");
}

core::result<void> from_regex(const extract& e, const http::response& r, std::string& value)
{
    try {
        std::shared_ptr<const std::regex> compiled = e.pattern;
        if (!compiled) compiled = std::make_shared<const std::regex>(e.argument, std::regex::ECMAScript);
        std::smatch m;
        if (std::regex_search(r.body, m, *compiled)) {
            std::size_t group = m.size() > 1 ? 1 : 0;
            if (m[group].matched) {
                value = m[group].str();
                return {};
            }
        }
        return missing("no match for regex " + e.argument + " in the response body");
    } catch (const std::regex_error& ex) {
        // Bodies large enough to exhaust the matcher's stack or complexity budget end up here.
        return missing("regex " + e.argument + " failed on the response body: " + ex.what());
    }
}

} // namespace

core::result<void> apply(const extract& e, const http::response& r, user_state& user,
                         std::optional<nlohmann::json>& body_json)
{
    std::string value;
    auto kind = user_state::kind::text;
    switch (e.from) {
    case extract::source::json:
        if (auto found = from_json(e, r, body_json, value, kind); !found) return found;
        break;
    case extract::source::header:
        if (auto h = r.header(e.argument)) {
            value.assign(*h);
            break;
        }
        return missing("no header " + e.argument);
    case extract::source::cookie: {
        bool found = false;
        for (const auto& h : r.headers) {
            if (!http::iequals(h.name, "Set-Cookie")) continue;
            if (auto v = cookie_value(h.value, e.argument)) {
                value.assign(*v);
                found = true;
                break;
            }
        }
        if (!found) return missing("no cookie " + e.argument + " in the response");
        break;
    }
    case extract::source::regex:
        if (auto found = from_regex(e, r, value); !found) return found;
        break;
    }
    if (e.slot >= user.values.size()) return missing("variable " + e.variable + " has no slot");
    user.set(e.slot, std::move(value), kind);
    return {};
}

} // namespace hornet::scenario
