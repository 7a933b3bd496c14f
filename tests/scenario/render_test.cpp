// Proves scenario/render.hpp is self-contained; checks rendering, generators and escaping.
#include "scenario/render.hpp"

#include "result_printing.hpp"

#include "scenario/data_set.hpp"
#include "scenario/escaping.hpp"
#include "scenario/generators.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>

using namespace hornet::scenario;

namespace {

struct fixture
{
    std::mt19937_64 rng{42};
    shared_state shared;
    template_scope scope;
    user_state user;

    explicit fixture(std::vector<std::string> variables = {"id", "token"})
    {
        scope.variables = std::move(variables);
        scope.env = [](const std::string&) { return std::optional<std::string>(); };
        user = make_user_state(7, scope.variables, {}, shared, rng);
    }

    template_text parse(std::string_view text, escape esc = escape::none)
    {
        auto r = parse_template(text, scope, esc);
        if (!r) FAIL(r.error().message);
        return *r;
    }

    std::string render_text(const template_text& t)
    {
        std::string out;
        REQUIRE(render(t, user, shared, out));
        return out;
    }

    std::string render_text(std::string_view text, escape esc = escape::none) { return render_text(parse(text, esc)); }
};

bool all_of(const std::string& s, int (*pred)(int))
{
    return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

TEST_CASE("literal text renders as is and appends to the output")
{
    fixture f;
    std::string out = "GET ";
    REQUIRE(render(f.parse("/a/b"), f.user, f.shared, out));
    CHECK(out == "GET /a/b");
}

TEST_CASE("variables render their values; an unset one is an error naming it")
{
    fixture f;
    auto t = f.parse("/users/{{ id }}?t={{token}}");
    std::string out;
    auto r = render(t, f.user, f.shared, out);
    CHECK_FALSE(r);
    CHECK(r.error().detail == "variable \"id\" has no value yet (extract it first)");
    CHECK(r.error().code == hornet::core::error::evaluation_failed);
    f.user.set(0, "12");
    f.user.set(1, "abc");
    CHECK(f.render_text(t) == "/users/12?t=abc");
}

TEST_CASE("make_user_state sets initial values, the rng and one row per data set")
{
    std::mt19937_64 rng(1);
    shared_state shared;
    auto loaded = data_set::load_text("c", "n\na\nb\nc\n", data_set::order::sequential);
    REQUIRE(loaded.has_value());
    shared.data.push_back(*loaded);
    std::vector<std::string> vars = {"a", "b", "c"};
    auto u1 = make_user_state(1, vars, {{1, "init"}}, shared, rng);
    auto u2 = make_user_state(2, vars, {}, shared, rng);
    CHECK(u1.user_id == 1);
    CHECK(u1.rng == &rng);
    REQUIRE(u1.values.size() == 3);
    CHECK(u1.is_set == std::vector<bool>{false, true, false});
    CHECK(u1.values[1] == "init");
    CHECK(u1.rows == std::vector<std::size_t>{0});
    CHECK(u2.rows == std::vector<std::size_t>{1});
}

TEST_CASE("user id and counters")
{
    fixture f;
    CHECK(f.render_text("{{user.id}}") == "7");
    auto t = f.parse("{{counter.user}},{{counter.user}}");
    CHECK(f.render_text(t) == "1,2");
    CHECK(f.render_text(t) == "3,4");
    auto g = f.parse("{{counter.global}}");
    user_state other = make_user_state(8, {}, {}, f.shared, f.rng);
    std::string a, b;
    REQUIRE(render(g, f.user, f.shared, a));
    REQUIRE(render(g, other, f.shared, b));
    CHECK(a == "1");
    CHECK(b == "2");
    CHECK(other.counter == 0);
}

TEST_CASE("random.int stays in bounds and reaches every value")
{
    fixture f;
    auto t = f.parse("{{random.int(3,5)}}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto v = f.render_text(t);
        REQUIRE((v == "3" || v == "4" || v == "5"));
        seen.insert(v);
    }
    CHECK(seen.size() == 3);
    auto n = f.parse("{{random.int(-2, -2)}}");
    CHECK(f.render_text(n) == "-2");
    auto wide = f.parse("{{random.int(-9223372036854775808, 9223372036854775807)}}");
    CHECK_FALSE(f.render_text(wide).empty());
}

TEST_CASE("random.digits has exactly n digits and never starts with 0")
{
    fixture f;
    for (int n : {1, 8, 18, 19, 37, 100}) {
        auto t = f.parse("{{random.digits(" + std::to_string(n) + ")}}");
        std::set<char> firsts, others;
        for (int i = 0; i < 300; ++i) {
            auto v = f.render_text(t);
            REQUIRE(v.size() == static_cast<std::size_t>(n));
            REQUIRE(all_of(v, isdigit));
            REQUIRE(v[0] != '0');
            firsts.insert(v[0]);
            for (std::size_t k = 1; k < v.size(); ++k) others.insert(v[k]);
        }
        CHECK(firsts.size() == 9);
        if (n > 1) CHECK(others.size() == 10);
    }
}

TEST_CASE("random.string has n letters and digits")
{
    fixture f;
    auto t = f.parse("{{random.string(12)}}");
    std::set<char> seen;
    for (int i = 0; i < 500; ++i) {
        auto v = f.render_text(t);
        REQUIRE(v.size() == 12);
        REQUIRE(all_of(v, isalnum));
        seen.insert(v.begin(), v.end());
    }
    CHECK(seen.size() == 62);
    CHECK(f.render_text("{{random.string(10000)}}").size() == 10000);
}

TEST_CASE("random.uuid is a version 4 UUID")
{
    fixture f;
    auto t = f.parse("{{random.uuid}}");
    std::set<std::string> seen;
    std::set<char> variants;
    for (int i = 0; i < 200; ++i) {
        auto v = f.render_text(t);
        REQUIRE(v.size() == 36);
        for (std::size_t k = 0; k < v.size(); ++k) {
            if (k == 8 || k == 13 || k == 18 || k == 23)
                REQUIRE(v[k] == '-');
            else
                REQUIRE(((v[k] >= '0' && v[k] <= '9') || (v[k] >= 'a' && v[k] <= 'f')));
        }
        REQUIRE(v[14] == '4');
        REQUIRE(std::string("89ab").find(v[19]) != std::string::npos);
        variants.insert(v[19]);
        seen.insert(v);
    }
    CHECK(seen.size() == 200);
    CHECK(variants.size() == 4);
}

TEST_CASE("random.choice picks every choice")
{
    fixture f;
    auto t = f.parse("{{random.choice(red, 'green, light', blue)}}");
    std::set<std::string> seen;
    for (int i = 0; i < 300; ++i) seen.insert(f.render_text(t));
    CHECK(seen == std::set<std::string>{"red", "green, light", "blue"});
    CHECK(f.render_text("{{random.choice(only)}}") == "only");
}

TEST_CASE("names and e-mail addresses come from the built-in lists")
{
    fixture f;
    CHECK(first_names().size() >= 50);
    CHECK(last_names().size() >= 50);
    auto in = [](const std::vector<std::string_view>& list, std::string_view s) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    std::set<std::string> firsts;
    for (int i = 0; i < 300; ++i) {
        auto first = f.render_text("{{random.first_name}}");
        REQUIRE(in(first_names(), first));
        firsts.insert(first);
        REQUIRE(in(last_names(), f.render_text("{{random.last_name}}")));

        auto name = f.render_text("{{random.name}}");
        auto space = name.find(' ');
        REQUIRE(space != std::string::npos);
        REQUIRE(in(first_names(), std::string_view(name).substr(0, space)));
        REQUIRE(in(last_names(), std::string_view(name).substr(space + 1)));

        auto email = f.render_text("{{random.email}}");
        auto at = email.find('@');
        REQUIRE(at != std::string::npos);
        CHECK(email.substr(at) == "@example.com");
        auto local = email.substr(0, at);
        auto dot = local.find('.');
        REQUIRE(dot != std::string::npos);
        REQUIRE(local.size() > dot + 5);
        auto digits = local.substr(local.size() - 4);
        REQUIRE(all_of(digits, isdigit));
        REQUIRE(digits[0] != '0');
        REQUIRE(all_of(local.substr(0, dot), islower));
        REQUIRE(all_of(local.substr(dot + 1, local.size() - 4 - dot - 1), islower));
    }
    CHECK(firsts.size() > 30);
}

TEST_CASE("json_string escaping applies to values and literals")
{
    fixture f;
    f.user.set(0, "a\"b\\c\nd\x01\xc3\xa9");
    CHECK(f.render_text("{\"v\": \"{{id}}\"}", escape::json_string) ==
          "{\\\"v\\\": \\\"a\\\"b\\\\c\\u000Ad\\u0001\xc3\xa9\\\"}");
    CHECK(f.render_text("{{id}}", escape::none) == "a\"b\\c\nd\x01\xc3\xa9");
}

TEST_CASE("url_component escaping percent-encodes all but unreserved characters")
{
    fixture f;
    f.user.set(0, "a b&c=d/é~-._");
    CHECK(f.render_text("{{id}}", escape::url_component) == "a%20b%26c%3Dd%2F%C3%A9~-._");
    CHECK(f.render_text("x y{{id}}", escape::url_component).rfind("x%20ya%20b", 0) == 0);
    auto name = f.render_text("{{random.name}}", escape::url_component);
    CHECK(name.find("%20") != std::string::npos);
    CHECK(name.find(' ') == std::string::npos);
    auto email = f.render_text("{{random.email}}", escape::url_component);
    CHECK(email.find("%40example.com") != std::string::npos);
    CHECK(f.render_text("{{random.choice(a b)}}", escape::url_component) == "a%20b");

    std::string out;
    append_escaped(out, "AZaz09-._~!*'()", escape::url_component);
    CHECK(out == "AZaz09-._~%21%2A%27%28%29");
}

TEST_CASE("data columns render the user's row")
{
    std::mt19937_64 rng(3);
    shared_state shared;
    auto loaded =
        data_set::load_text("customers", "email,name\na@x,\"A, \"\"B\"\"\"\nb@x,B\n", data_set::order::sequential);
    REQUIRE(loaded.has_value());
    shared.data.push_back(*loaded);
    template_scope scope;
    scope.data = {loaded->get()};
    auto t = parse_template("{{customers.name}} <{{customers.email}}>", scope);
    REQUIRE(t.has_value());
    auto u1 = make_user_state(1, {}, {}, shared, rng);
    auto u2 = make_user_state(2, {}, {}, shared, rng);
    auto u3 = make_user_state(3, {}, {}, shared, rng);
    std::string a, b, c;
    REQUIRE(render(*t, u1, shared, a));
    REQUIRE(render(*t, u2, shared, b));
    REQUIRE(render(*t, u3, shared, c));
    CHECK(a == "A, \"B\" <a@x>");
    CHECK(b == "B <b@x>");
    CHECK(c == a);

    auto j = parse_template("{{customers.name}}", scope, escape::json_string);
    std::string out;
    REQUIRE(render(*j, u1, shared, out));
    CHECK(out == "A, \\\"B\\\"");
}

TEST_CASE("rendering does not allocate when the output has capacity")
{
    fixture f;
    f.user.set(0, "12345");
    auto t = f.parse("/api/users/{{id}}?n={{random.int(1,100)}}&u={{random.uuid}}&c={{counter.user}}");
    std::string out;
    out.reserve(256);
    const char* data = out.data();
    for (int i = 0; i < 100; ++i) {
        out.clear();
        REQUIRE(render(t, f.user, f.shared, out));
    }
    CHECK(out.data() == data);
    CHECK(out.rfind("/api/users/12345?n=", 0) == 0);
}
