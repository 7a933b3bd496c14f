// Proves scenario/template_text.hpp is self-contained; checks parsing and its error messages.
#include "scenario/template_text.hpp"

#include "scenario/data_set.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace hornet::scenario;
using kind = placeholder::kind;

namespace {

template_scope scope_with(std::vector<std::string> variables = {"id", "token"})
{
    template_scope s;
    s.variables = std::move(variables);
    s.env = [](const std::string& name) -> std::optional<std::string> {
        static const std::map<std::string, std::string> env = {{"HOST", "http://app:5000"}, {"SPACE", "a b"}};
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    return s;
}

template_error error_of(std::string_view text, const template_scope& s = scope_with())
{
    auto r = parse_template(text, s);
    REQUIRE(r.has_error());
    return r.error();
}

const placeholder& only_placeholder(const template_parse_result& r)
{
    REQUIRE(r.has_value());
    REQUIRE(r->parts.size() == 1);
    REQUIRE(r->parts[0].value);
    CHECK(r->parts[0].literal.empty());
    return *r->parts[0].value;
}

} // namespace

TEST_CASE("plain text is one literal part")
{
    auto r = parse_template("/api/users?x=1}}", scope_with());
    REQUIRE(r.has_value());
    CHECK(r->is_literal());
    CHECK(r->literal() == "/api/users?x=1}}");
    CHECK(r->parts.size() == 1);

    auto empty = parse_template("", scope_with());
    REQUIRE(empty.has_value());
    CHECK(empty->is_literal());
    CHECK(empty->literal().empty());
}

TEST_CASE("literal runs and placeholders alternate, whitespace inside braces is allowed")
{
    auto r = parse_template("/users/{{ id }}/x{{token}}", scope_with());
    REQUIRE(r.has_value());
    // A part is a literal run or a placeholder, never both.
    REQUIRE(r->parts.size() == 4);
    CHECK(r->parts[0].literal == "/users/");
    CHECK_FALSE(r->parts[0].value);
    REQUIRE(r->parts[1].value);
    CHECK(r->parts[1].literal.empty());
    CHECK(r->parts[1].value->type == kind::variable);
    CHECK(r->parts[1].value->slot == 0);
    CHECK(r->parts[1].value->text == "{{ id }}");
    CHECK(r->parts[2].literal == "/x");
    REQUIRE(r->parts[3].value);
    CHECK(r->parts[3].value->slot == 1);
    CHECK_FALSE(r->is_literal());
    CHECK(r->literal().empty());
}

TEST_CASE("{{{{ writes a literal {{")
{
    auto r = parse_template("a{{{{b}}c", scope_with());
    REQUIRE(r.has_value());
    CHECK(r->is_literal());
    CHECK(r->literal() == "a{{b}}c");
}

TEST_CASE("built-in names resolve to their kinds")
{
    auto s = scope_with();
    CHECK(only_placeholder(parse_template("{{user.id}}", s)).type == kind::user_id);
    CHECK(only_placeholder(parse_template("{{counter.user}}", s)).type == kind::user_counter);
    CHECK(only_placeholder(parse_template("{{ counter.global }}", s)).type == kind::global_counter);
    CHECK(only_placeholder(parse_template("{{random.uuid}}", s)).type == kind::random_uuid);
    CHECK(only_placeholder(parse_template("{{random.name}}", s)).type == kind::random_name);
    CHECK(only_placeholder(parse_template("{{random.first_name}}", s)).type == kind::random_first_name);
    CHECK(only_placeholder(parse_template("{{random.last_name}}", s)).type == kind::random_last_name);
    CHECK(only_placeholder(parse_template("{{random.email}}", s)).type == kind::random_email);

    auto ri = parse_template("{{random.int( -3 , 5 )}}", s);
    const auto& i = only_placeholder(ri);
    CHECK(i.type == kind::random_int);
    CHECK(i.lo == -3);
    CHECK(i.hi == 5);
    auto rd = parse_template("{{random.digits(8)}}", s);
    const auto& d = only_placeholder(rd);
    CHECK(d.type == kind::random_digits);
    CHECK(d.lo == 8);
    auto rs = parse_template("{{random.string(10000)}}", s);
    const auto& st = only_placeholder(rs);
    CHECK(st.type == kind::random_string);
    CHECK(st.lo == 10000);
    auto rc = parse_template("{{random.choice(red, 'a, b', \"x y\")}}", s);
    const auto& c = only_placeholder(rc);
    CHECK(c.type == kind::random_choice);
    CHECK(c.choices == std::vector<std::string>{"red", "a, b", "x y"});
}

TEST_CASE("env variables are substituted at load time, with defaults")
{
    auto s = scope_with();
    auto r = parse_template("{{env.HOST}}/x", s);
    REQUIRE(r.has_value());
    CHECK(r->is_literal());
    CHECK(r->literal() == "http://app:5000/x");
    CHECK(parse_template("{{ env.HOST | http://other }}", s)->literal() == "http://app:5000");
    CHECK(parse_template("{{env.MISSING|http://localhost:5000}}", s)->literal() == "http://localhost:5000");
    CHECK(parse_template("[{{env.MISSING|}}]", s)->literal() == "[]");

    auto e = error_of("x {{env.MISSING}}", s);
    CHECK(e.offset == 2);
    CHECK(e.message ==
          "environment variable \"MISSING\" is not set (set it, or give a default: {{env.MISSING|default}})");
}

TEST_CASE("data set columns resolve, unknown columns suggest")
{
    auto loaded = data_set::load_text("customers", "email,name\na@x,A\n", data_set::order::sequential);
    REQUIRE(loaded.has_value());
    auto s = scope_with();
    auto other = data_set::load_text("cities", "city\nParis\n", data_set::order::sequential);
    REQUIRE(other.has_value());
    s.data = {other->get(), loaded->get()};
    auto rp = parse_template("{{customers.name}}", s);
    const auto& p = only_placeholder(rp);
    CHECK(p.type == kind::data_column);
    CHECK(p.slot == 1);
    CHECK(p.column == 1);

    auto e = error_of("/u/{{customers.emial}}", s);
    CHECK(e.offset == 3);
    CHECK(e.message == "data set \"customers\" has no column \"emial\" (did you mean \"email\"?)");
    e = error_of("{{customers.zzzzzzzz}}", s);
    CHECK(e.message == "data set \"customers\" has no column \"zzzzzzzz\" (its columns: email, name)");
    e = error_of("{{custmers.email}}", s);
    CHECK(e.message.find("unknown name \"custmers.email\"") == 0);
    CHECK(e.message.find("(did you mean \"customers\"?)") != std::string::npos);
}

TEST_CASE("syntax errors point at the placeholder")
{
    auto e = error_of("/a/{{id");
    CHECK(e.offset == 3);
    CHECK(e.message.find("unclosed \"{{\"") == 0);

    e = error_of("/a/b{{}}");
    CHECK(e.offset == 4);
    CHECK(e.message == "empty placeholder \"{{}}\"");
    e = error_of("{{   }}");
    CHECK(e.offset == 0);
    CHECK(e.message == "empty placeholder \"{{   }}\"");

    e = error_of("ok {{a b}}");
    CHECK(e.offset == 3);
    CHECK(e.message.find("invalid placeholder {{a b}}") == 0);
}

TEST_CASE("unknown variables suggest the closest one")
{
    auto e = error_of("/users/{{tokn}}");
    CHECK(e.offset == 7);
    CHECK(e.message == "unknown variable \"tokn\" (did you mean \"token\"?)");
    e = error_of("{{completely_else}}");
    CHECK(e.message == "unknown variable \"completely_else\" (declare it in \"variables\" or set it with \"extract\")");
    e = error_of("{{user.idd}}");
    CHECK(e.message.find("unknown name \"user.idd\" (did you mean \"user.id\"?)") == 0);
    e = error_of("{{ramdom.int(1,2)}}");
    CHECK(e.message.find("(did you mean \"random\"?)") != std::string::npos);
}

TEST_CASE("unknown generators suggest among the random.* names")
{
    auto e = error_of("a{{random.nmae}}");
    CHECK(e.offset == 1);
    CHECK(e.message == "unknown generator \"random.nmae\" (did you mean \"random.name\"?)");
    e = error_of("{{random.frist_name}}");
    CHECK(e.message == "unknown generator \"random.frist_name\" (did you mean \"random.first_name\"?)");
    e = error_of("{{random.qqqqqqqqqqq}}");
    CHECK(e.message.find("unknown generator \"random.qqqqqqqqqqq\" (known: random.int, random.digits") == 0);
}

TEST_CASE("generator arguments are checked")
{
    CHECK(error_of("{{random.int(5,1)}}").message == "random.int(5, 1): lo is greater than hi");
    CHECK(error_of("{{random.int(1)}}").message == "random.int needs 2 arguments: random.int(lo, hi), got 1");
    CHECK(error_of("{{random.int}}").message == "random.int needs 2 arguments: random.int(lo, hi), got 0");
    CHECK(error_of("{{random.int(1, x)}}").message == "random.int: \"x\" is not an integer (random.int(lo, hi))");
    CHECK(error_of("{{random.int(1.5, 2)}}").message == "random.int: \"1.5\" is not an integer (random.int(lo, hi))");
    CHECK(error_of("{{random.digits(0)}}").message == "random.digits(n): n must be 1 to 100, got 0");
    CHECK(error_of("{{random.digits(101)}}").message == "random.digits(n): n must be 1 to 100, got 101");
    CHECK(error_of("{{random.digits(1,2)}}").message == "random.digits needs 1 argument: random.digits(n), got 2");
    CHECK(error_of("{{random.string(10001)}}").message == "random.string(n): n must be 1 to 10000, got 10001");
    CHECK(error_of("{{random.string(0)}}").message == "random.string(n): n must be 1 to 10000, got 0");
    CHECK(error_of("{{random.choice()}}").message == "random.choice needs at least one choice: random.choice(a, b, c)");
    CHECK(error_of("{{random.choice}}").message == "random.choice needs at least one choice: random.choice(a, b, c)");
    CHECK(error_of("{{random.choice(a,,b)}}").message == "random.choice: an argument is empty");
    CHECK(error_of("{{random.choice('a)}}").message.find("random.choice") == 0);
    CHECK(error_of("{{random.uuid()}}").message == "random.uuid takes no arguments: write {{random.uuid}}");
    CHECK(error_of("{{random.int(1,2}}").message == "random.int: the argument list is not closed with \")\"");
}

TEST_CASE("literal text is escaped for the template's mode")
{
    auto j = parse_template("say \"{{id}}\"\n", scope_with(), escape::json_string);
    REQUIRE(j.has_value());
    REQUIRE(j->parts.size() == 3);
    CHECK(j->parts[0].literal == "say \\\"");
    REQUIRE(j->parts[1].value);
    CHECK(j->parts[1].value->esc == escape::json_string);
    CHECK(j->parts[2].literal == "\\\"\\u000A");

    auto u = parse_template("a b&{{env.SPACE}}", scope_with(), escape::url_component);
    REQUIRE(u.has_value());
    CHECK(u->literal() == "a%20b%26a%20b");

    auto c = parse_template("{{random.choice(a b, c)}}", scope_with(), escape::url_component);
    CHECK(only_placeholder(c).choices == std::vector<std::string>{"a%20b", "c"});
}
