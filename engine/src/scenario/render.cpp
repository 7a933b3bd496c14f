// Rendering parsed templates on the request hot path: a switch per placeholder, appends only.
#include "scenario/render.hpp"

#include "scenario/data_set.hpp"
#include "scenario/escaping.hpp"
#include "scenario/generators.hpp"

#include <charconv>
#include <string_view>

namespace hornet::scenario {

namespace {

void append_uint(std::string& out, std::uint64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// JSON's number grammar, or true/false/null: text that {{json:…}} writes without quotes.
bool is_json_scalar(std::string_view s)
{
    if (s == "true" || s == "false" || s == "null") return true;
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > from;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

core::result<void> render_value(const placeholder& p, user_state& user, shared_state& shared, std::string& out);

// {{json:…}}: a variable holding JSON text is written as is; any other value is written as a
// JSON string, whose quotes are dropped again when its text is a number, true, false or null.
core::result<void> render_typed(const placeholder& p, user_state& user, shared_state& shared, std::string& out)
{
    auto kind = user_state::kind::text;
    if (p.type == placeholder::kind::variable && p.slot < user.kinds.size() && user.is_set[p.slot])
        kind = user.kinds[p.slot];
    if (kind == user_state::kind::json) {
        out += user.values[p.slot];
        return {};
    }
    const std::size_t start = out.size();
    out += '"';
    if (auto r = render_value(p, user, shared, out); !r) return r;
    if (kind == user_state::kind::text && is_json_scalar(std::string_view(out).substr(start + 1))) {
        out.erase(start, 1);
        return {};
    }
    out += '"';
    return {};
}

core::result<void> render_value(const placeholder& p, user_state& user, shared_state& shared, std::string& out)
{
    using k = placeholder::kind;
    switch (p.type) {
    case k::variable:
        if (p.slot >= user.is_set.size() || !user.is_set[p.slot]) {
            std::string name = p.text.size() > 4 ? p.text.substr(2, p.text.size() - 4) : p.text;
            while (!name.empty() && name.front() == ' ') name.erase(0, 1);
            while (!name.empty() && name.back() == ' ') name.pop_back();
            if (p.typed && name.rfind("json:", 0) == 0) name.erase(0, 5);
            while (!name.empty() && name.front() == ' ') name.erase(0, 1);
            return core::failure(core::error::evaluation_failed,
                                 "variable \"" + name + "\" has no value yet (extract it first)");
        }
        append_escaped(out, user.values[p.slot], p.esc);
        break;
    case k::user_id: append_uint(out, user.user_id); break;
    case k::user_counter: append_uint(out, ++user.counter); break;
    case k::global_counter: append_uint(out, shared.global_counter.fetch_add(1, std::memory_order_relaxed) + 1); break;
    case k::random_int: append_random_int(out, *user.rng, p.lo, p.hi); break;
    case k::random_digits: append_random_digits(out, *user.rng, static_cast<std::size_t>(p.lo)); break;
    case k::random_string: append_random_string(out, *user.rng, static_cast<std::size_t>(p.lo)); break;
    case k::random_uuid: append_random_uuid(out, *user.rng); break;
    case k::random_choice:
        if (!p.choices.empty())
            out += p.choices[std::uniform_int_distribution<std::size_t>(0, p.choices.size() - 1)(*user.rng)];
        break;
    case k::random_name: append_random_name(out, *user.rng, p.esc); break;
    case k::random_first_name: append_random_first_name(out, *user.rng); break;
    case k::random_last_name: append_random_last_name(out, *user.rng); break;
    case k::random_email: append_random_email(out, *user.rng, p.esc); break;
    case k::data_column: {
        if (p.slot >= shared.data.size() || p.slot >= user.rows.size() || !shared.data[p.slot]) {
            return core::failure(core::error::evaluation_failed, "data set of " + p.text + " is not loaded");
        }
        const data_set& set = *shared.data[p.slot];
        append_escaped(out, set.cell(user.rows[p.slot], p.column), p.esc);
        break;
    }
    case k::constant:
        if (!p.choices.empty()) out += p.choices.front();
        break;
    }
    return {};
}

} // namespace

core::result<void> render(const template_text& t, user_state& user, shared_state& shared, std::string& out)
{
    for (const auto& part : t.parts) {
        out += part.literal;
        if (!part.value) continue;
        const placeholder& p = *part.value;
        auto r = p.typed ? render_typed(p, user, shared, out) : render_value(p, user, shared, out);
        if (!r) return r;
    }
    return {};
}

user_state make_user_state(std::uint64_t user_id, const std::vector<std::string>& variables,
                           const std::vector<std::pair<std::size_t, std::string>>& initial_values, shared_state& shared,
                           std::mt19937_64& rng)
{
    user_state u;
    u.user_id = user_id;
    u.values.resize(variables.size());
    u.is_set.assign(variables.size(), false);
    u.kinds.assign(variables.size(), user_state::kind::text);
    for (const auto& [slot, value] : initial_values)
        if (slot < variables.size()) u.set(slot, value);
    u.rows.reserve(shared.data.size());
    for (const auto& set : shared.data) u.rows.push_back(set ? set->take_row(rng) : 0);
    u.rng = &rng;
    return u;
}

} // namespace hornet::scenario
