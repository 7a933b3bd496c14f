// {{json:EXPR}} in "json" bodies: loaded from a real scenario text, rendered for a user, parsed
// back to check the JSON types sent; and refused with a position everywhere else.
#include "scenario/extract.hpp"
#include "scenario/json_loader.hpp"
#include "scenario/render.hpp"

#include "result_printing.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace hornet::scenario;
using json = nlohmann::json;

namespace {

load_options env_options()
{
    load_options o;
    o.base_dir = ".";
    o.env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "LIMIT") return std::string("25");
        if (name == "LABEL") return std::string("blue");
        return std::nullopt;
    };
    return o;
}

// One class whose first task posts `body` (a JSON value as text), with variables a..e.
model load_body(const std::string& body)
{
    std::string text = R"({"users": [{"name": "A", "variables": {"a": "", "b": "", "c": "", "d": "", "e": ""},
  "tasks": [{"post": "/x", "json": )" +
                       body + "}]}]}";
    auto r = load_json(text, "s.json", env_options());
    if (!r) FAIL(r.error().to_string());
    return std::move(*r);
}

struct user_fixture
{
    std::mt19937_64 rng{7};
    shared_state shared;
    user_state user;
    const user_class& cls;

    explicit user_fixture(const model& m) : cls(m.users[0])
    {
        user = make_user_state(3, cls.variables, cls.initial_values, shared, rng);
    }

    std::size_t slot(const std::string& name) const
    {
        for (std::size_t i = 0; i < cls.variables.size(); ++i)
            if (cls.variables[i] == name) return i;
        FAIL("no variable " << name);
        return 0;
    }

    json body()
    {
        std::string out;
        auto r = render(cls.tasks[0].steps[0].body, user, shared, out);
        REQUIRE_MESSAGE(r.has_value(), out);
        auto parsed = json::parse(out, nullptr, false);
        REQUIRE_MESSAGE(!parsed.is_discarded(), out);
        return parsed;
    }
};

std::string error_of(const std::string& text)
{
    auto r = load_json(text, "s.json", env_options());
    REQUIRE_FALSE(r.has_value());
    return r.error().to_string();
}

} // namespace

TEST_CASE("json: generators, counters and user.id are numbers; env text is typed by its shape")
{
    model m = load_body(R"({"product_id": "{{json:random.int(5, 5)}}", "n": "{{ json: counter.user }}",
      "uid": "{{json:user.id}}", "limit": "{{json:env.LIMIT}}", "label": "{{json:env.LABEL}}",
      "plain": "{{random.int(5, 5)}}"})");
    user_fixture f(m);
    json b = f.body();
    CHECK(b == json{{"product_id", 5}, {"n", 1}, {"uid", 3}, {"limit", 25}, {"label", "blue"}, {"plain", "5"}});
    CHECK(f.body()["n"] == 2); // counters keep counting
}

TEST_CASE("json: a variable taken by a JSON pointer keeps its JSON type")
{
    model m =
        load_body(R"({"a": "{{json:a}}", "b": "{{json:b}}", "c": ["{{json:c}}", "{{json:d}}"], "e": "{{json:e}}"})");
    user_fixture f(m);
    hornet::http::response r;
    r.status = 200;
    r.body = R"({"id": 42, "ok": false, "none": null, "obj": {"k": [1, "x"]}, "code": "42"})";
    std::optional<json> cache;
    auto take = [&](const char* var, const char* pointer) {
        extract e;
        e.slot = f.slot(var);
        e.variable = var;
        e.from = extract::source::json;
        e.argument = pointer;
        REQUIRE(apply(e, r, f.user, cache));
    };
    take("a", "/id");
    take("b", "/ok");
    take("c", "/none");
    take("d", "/obj");
    take("e", "/code");
    CHECK(f.body() == json{{"a", 42}, {"b", false}, {"c", {nullptr, {{"k", {1, "x"}}}}}, {"e", "42"}});
}

TEST_CASE("json: other text is a number, true, false or null when it is exactly one, else a string")
{
    model m =
        load_body(R"({"a": "{{json:a}}", "b": "{{json:b}}", "c": "{{json:c}}", "d": "{{json:d}}", "e": "{{json:e}}"})");
    user_fixture f(m);
    // Values set as text: from a header, a regex, "variables" — typed by their shape.
    f.user.set(f.slot("a"), "-1.5e3");
    f.user.set(f.slot("b"), "true");
    f.user.set(f.slot("c"), "007"); // not a JSON number (leading zero): a string
    f.user.set(f.slot("d"), "say \"hi\"\n");
    f.user.set(f.slot("e"), "null");
    CHECK(f.body() == json{{"a", -1500.0}, {"b", true}, {"c", "007"}, {"d", "say \"hi\"\n"}, {"e", nullptr}});
}

TEST_CASE("json: the whole body can be one typed value")
{
    model m = load_body(R"("{{json:a}}")");
    user_fixture f(m);
    f.user.set(f.slot("a"), R"({"x":[1,2]})", user_state::kind::json);
    CHECK(f.body() == json{{"x", {1, 2}}});
}

TEST_CASE("json: a variable without a value yet fails the request with its name")
{
    model m = load_body(R"({"a": "{{json:a}}"})");
    user_fixture f(m);
    f.user.is_set.assign(f.user.is_set.size(), false);
    std::string out;
    auto r = render(f.cls.tasks[0].steps[0].body, f.user, f.shared, out);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().detail == "variable \"a\" has no value yet (extract it first)");
}

TEST_CASE("json: anywhere but a whole json-body string it is a load error at its place")
{
    auto wrap = [](const std::string& step) {
        return R"({"users": [{"name": "A", "variables": {"id": "1"}, "tasks": [)" + step + "]}]}";
    };
    std::string in_text = error_of(wrap(R"({"post": "/x", "json": {"k": "id={{json:id}}"}})"));
    CHECK(in_text.rfind("s.json:1:95: at /users/0/tasks/0/json/k: \"{{json:id}}\": {{json:…}} must be the whole "
                        "string value",
                        0) == 0);
    CHECK(in_text.find("write {{id}}") != std::string::npos);
    std::string in_path = error_of(wrap(R"({"get": "/u/{{json:id}}"})"));
    CHECK(in_path.rfind("s.json:1:74: at /users/0/tasks/0/get: \"{{json:id}}\": {{json:…}} writes a typed JSON "
                        "value, so it is only allowed as a whole string value inside a \"json\" body",
                        0) == 0);
    CHECK(error_of(wrap(R"({"get": "/", "headers": {"X-Id": "{{json:id}}"}})")).find("only allowed as a whole") !=
          std::string::npos);
    CHECK(error_of(wrap(R"({"get": "/", "query": {"id": "{{json:id}}"}})")).find("only allowed as a whole") !=
          std::string::npos);
    CHECK(error_of(wrap(R"({"post": "/", "body": "{{json:id}}"})")).find("only allowed as a whole") !=
          std::string::npos);
    CHECK(error_of(wrap(R"({"post": "/", "json": {"k": "{{json:nope}}"}})")).find("unknown variable \"nope\"") !=
          std::string::npos);
    CHECK(error_of(wrap(R"({"post": "/", "json": {"k": "{{json: }}"}})")).find("empty placeholder") !=
          std::string::npos);
}
