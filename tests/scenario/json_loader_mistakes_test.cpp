// The loader reports every mistake of a file (up to a limit) in file order, and warns about
// Python-style "{name}" fields left in paths, query values and headers.
#include "scenario/json_loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hornet::scenario;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

load_options no_env()
{
    load_options o;
    o.base_dir.assign(1, '.'); // (a literal here trips GCC 12's -Wrestrict false positive)
    o.env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
    return o;
}

std::vector<std::string> mistakes_of(const std::string& text)
{
    auto r = load_json(text, "m.json", no_env());
    REQUIRE_FALSE(r.has_value());
    return lines_of(r.error().to_string());
}

} // namespace

TEST_CASE("mistakes: every one is reported, in file order, each with its place")
{
    // Thresholds come last in the file but are loaded first: the report is still in file order.
    auto lines = mistakes_of(R"({
  "users": [
    {"name": "A", "tasks": [
      {"get": "/a", "heders": {}},
      {"get": "/b", "check": {"status": "200"}},
      {"steps": [{"get": "api"}, {"get": "/{{nope}}"}]}
    ]},
    {"name": "B", "wieght": 1, "tasks": [{"get": "/"}]},
    {"name": "C", "on_start": [{"post": "/login", "json": {"id": "x{{json:user.id}}"}}], "tasks": [{"get": "/"}]}
  ],
  "thresholds": [5]
})");
    REQUIRE(lines.size() == 7);
    CHECK(lines[0] == "m.json:4:21: at /users/0/tasks/0: unknown key \"heders\" (did you mean \"headers\"?)");
    CHECK(lines[1].rfind("m.json:5:41: at /users/0/tasks/1/check/status: ", 0) == 0);
    CHECK(lines[2].rfind("m.json:6:26: at /users/0/tasks/2/steps/0/get: the path must start with \"/\"", 0) == 0);
    CHECK(lines[3].rfind("m.json:6:44: at /users/0/tasks/2/steps/1/get: unknown variable \"nope\"", 0) == 0);
    CHECK(lines[4] == "m.json:8:19: at /users/1: unknown key \"wieght\" (did you mean \"weight\"?)");
    CHECK(lines[5].rfind("m.json:9:68: at /users/2/on_start/0/json/id: \"{{json:user.id}}\": {{json:…}} must be the "
                         "whole string value",
                         0) == 0);
    CHECK(lines[6].rfind("m.json:11:18: at /thresholds/0: ", 0) == 0);
}

TEST_CASE("mistakes: a failed child does not add made-up follow-up errors")
{
    // The only task fails: no "needs at least one step" nor "weights add up to 0" on top.
    auto lines = mistakes_of(R"({"users": [{"name": "A", "tasks": [{"steps": [{"get": "x"}]}]}]})");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("the path must start with") != std::string::npos);
}

TEST_CASE("mistakes: the report stops at 20 and says so")
{
    std::string tasks;
    for (int i = 0; i < 30; ++i) tasks += std::string(i ? ",\n" : "") + R"({"get": "bad"})";
    auto lines = mistakes_of(R"({"users": [{"name": "A", "tasks": [)" + tasks + "]}]}");
    REQUIRE(lines.size() == 21);
    CHECK(lines[0].rfind("m.json:1:", 0) == 0);
    CHECK(lines[19].rfind("m.json:20:", 0) == 0);
    CHECK(lines[20] == "m.json: stopped after 20 mistakes: fix these and load again");
}

TEST_CASE("mistakes: a syntax error is the one line it always was")
{
    auto lines = mistakes_of("{\"users\": [\n  {\"name\": \"A\",, }\n]}");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("m.json:2:16: invalid JSON:", 0) == 0);
}

TEST_CASE("single braces: a Python-style field in a path, query or header loads with a warning at its place")
{
    auto r = load_json(R"({"users": [{"name": "A", "variables": {"user_id": "1"}, "tasks": [
  {"get": "/api/users/{user_id}"},
  {"get": "/search", "query": {"q": "{term}"}, "headers": {"X-Trace": "t-{trace}"}},
  {"post": "/ok/{{user_id}}", "json": {"note": "{braces} in a body are data"}, "headers": {"X-J": "{\"a\": 1}"}}
]}]})",
                       "w.json", no_env());
    REQUIRE(r.has_value());
    REQUIRE(r->warnings.size() == 3);
    CHECK(r->warnings[0] == "w.json:2:23: at /users/0/tasks/0/get: \"{user_id}\" is sent as written: it looks like a "
                            "Python placeholder (did you mean {{user_id}}?)");
    CHECK(r->warnings[1] == "w.json:3:38: at /users/0/tasks/1/query/q: \"{term}\" is sent as written: it looks like a "
                            "Python placeholder (a variable is written {{term}})");
    CHECK(r->warnings[2].rfind("w.json:3:74: at /users/0/tasks/1/headers/X-Trace: \"{trace}\"", 0) == 0);
}
