// Judging a response against a step's checks, with Locust-style failure reasons.
#include "scenario/check.hpp"

#include <charconv>
#include <cmath>

namespace hornet::scenario {

bool check::empty() const
{
    return status.empty() && body_contains.empty() && json_equals.empty() && json_exists.empty() && max_ms <= 0;
}

namespace {

std::string dump(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// 812.4 -> "812", 0.5 -> "0.5": milliseconds as a person writes them.
std::string format_ms(double ms)
{
    if (std::abs(ms - std::round(ms)) < 1e-9 || ms >= 10)
        return std::to_string(static_cast<long long>(std::llround(ms)));
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, ms, std::chars_format::fixed, 3);
    std::string s(buf, r.ptr);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string status_list(const std::vector<unsigned>& status)
{
    std::string s;
    for (std::size_t i = 0; i < status.size(); ++i) {
        if (i > 0) s += i + 1 == status.size() ? " or " : ", ";
        s += std::to_string(status[i]);
    }
    return s;
}

check_result fail(std::string reason)
{
    check_result r;
    r.ok = false;
    r.reason = std::move(reason);
    return r;
}

/// The body as JSON, parsed once per response; nullptr when it is not JSON.
const nlohmann::json* body_as_json(const http::response& r, std::optional<nlohmann::json>& cache)
{
    if (!cache) cache = nlohmann::json::parse(r.body, nullptr, false);
    return cache->is_discarded() ? nullptr : &*cache;
}

const nlohmann::json* find(const nlohmann::json& doc, const std::string& pointer)
{
    try {
        nlohmann::json::json_pointer p(pointer);
        if (!doc.contains(p)) return nullptr;
        return &doc.at(p);
    } catch (const nlohmann::json::exception&) {
        return nullptr; // a malformed pointer, or an array index that is not a number
    }
}

bool is_json_scalar_text(const std::string& s)
{
    auto j = nlohmann::json::parse(s, nullptr, false);
    return !j.is_discarded() && (j.is_number() || j.is_boolean() || j.is_null());
}

} // namespace

namespace {

/// A network error, or a status >= 400 under Locust's default rule: the response's own error.
check_result http_failure(const http::response& r)
{
    check_result res = fail(r.error);
    res.http_error = true;
    return res;
}

/// The listed statuses; nullopt when the check lists none (Locust's default rule applies).
std::optional<check_result> judge_status(const check& c, const http::response& r)
{
    if (c.status.empty()) return std::nullopt;
    for (unsigned s : c.status)
        if (s == r.status) return check_result{};
    if (r.status == 0) return http_failure(r);
    return fail("expected status " + status_list(c.status) + ", got " + std::to_string(r.status));
}

/// Body, JSON and latency parts.
check_result judge_content(const check& c, const http::response& r, double ms, user_state& user, shared_state& shared,
                           std::optional<nlohmann::json>& body_json)
{
    std::string text;
    for (const auto& needle : c.body_contains) {
        text.clear();
        if (auto rendered = render(needle, user, shared, text); !rendered) return fail(rendered.error().detail);
        if (r.body.find(text) == std::string::npos) return fail("body does not contain \"" + text + "\"");
    }

    if (!c.json_equals.empty() || !c.json_exists.empty()) {
        const nlohmann::json* doc = body_as_json(r, body_json);
        if (!doc) return fail("the response body is not JSON");
        for (const auto& e : c.json_equals) {
            const nlohmann::json* actual = find(*doc, e.pointer);
            if (!actual) return fail(e.pointer + " not found in the response body");
            if (e.expected_text) {
                text.clear();
                if (auto rendered = render(*e.expected_text, user, shared, text); !rendered)
                    return fail(rendered.error().detail);
                bool same = actual->is_string() ? actual->get_ref<const std::string&>() == text
                                                : !actual->is_structured() && dump(*actual) == text;
                if (!same) {
                    std::string shown =
                        !actual->is_string() && is_json_scalar_text(text) ? text : dump(nlohmann::json(text));
                    return fail(e.pointer + " is " + dump(*actual) + ", expected " + shown);
                }
            } else if (*actual != e.expected) {
                return fail(e.pointer + " is " + dump(*actual) + ", expected " + dump(e.expected));
            }
        }
        for (const auto& pointer : c.json_exists)
            if (!find(*doc, pointer)) return fail(pointer + " not found in the response body");
    }

    if (c.max_ms > 0 && ms > c.max_ms)
        return fail("took " + format_ms(ms) + " ms, more than " + format_ms(c.max_ms) + " ms");
    return {};
}

} // namespace

check_result evaluate(const check& c, const http::response& r, double ms, user_state& user, shared_state& shared,
                      std::optional<nlohmann::json>& body_json)
{
    if (!c.message) {
        if (auto s = judge_status(c, r)) {
            if (!s->ok) return *s;
        } else if (!r.ok()) {
            return http_failure(r);
        }
        return judge_content(c, r, ms, user, shared, body_json);
    }
    // A locustfile's response.failure("...") wins over Locust's default rule (raise_for_status
    // runs only when the block set no result), and its text is what is recorded.
    auto s = judge_status(c, r);
    check_result res = s && !s->ok ? *s : judge_content(c, r, ms, user, shared, body_json);
    if (!res.ok) {
        std::string text;
        if (render(*c.message, user, shared, text)) res.reason = std::move(text);
        res.http_error = false;
        return res;
    }
    if (!s && !r.ok()) return http_failure(r);
    return res;
}

} // namespace hornet::scenario
