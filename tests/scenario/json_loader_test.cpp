// Proves scenario/json_loader.hpp is self-contained; checks the format and its error messages.
#include "scenario/json_loader.hpp"

#include <doctest/doctest.h>

using namespace hornet::scenario;

namespace {
std::string error_of(const std::string& text)
{
    auto r = load_json(text, "s.json");
    REQUIRE_FALSE(r.value);
    return r.error.to_string();
}
} // namespace

TEST_CASE("a full scenario loads")
{
    auto r = load_json(R"({
  "users": [
    {"name": "ApiUser", "weight": 3, "wait_time": {"between": [1, 3]}, "host": "http://127.0.0.1:1",
     "on_start": [{"post": "/login", "json": {"user": "a"}}],
     "tasks": [
       {"weight": 5, "get": "/api/users", "headers": {"Accept": "application/json"}},
       {"name": "flow", "steps": [{"method": "PATCH", "path": "/x", "body": "b", "name": "/x/[id]"}]}
     ]},
    {"name": "Other", "fixed_count": 2, "wait_time": {"constant_throughput": 2}, "sequential": true,
     "tasks": [{"delete": "/d"}]}
  ]
})", "s.json");
    REQUIRE(r.value);
    const auto& m = *r.value;
    REQUIRE(m.users.size() == 2);
    CHECK(m.users[0].name == "ApiUser");
    CHECK(m.users[0].weight == 3);
    CHECK(m.users[0].wait.type == wait_time::kind::between);
    CHECK(m.users[0].wait.b == 3);
    REQUIRE(m.users[0].on_start.size() == 1);
    CHECK(m.users[0].on_start[0].method == "POST");
    CHECK(m.users[0].on_start[0].body == R"({"user":"a"})");
    CHECK(m.users[0].on_start[0].headers.at(0).value == "application/json");
    CHECK(m.users[0].tasks[0].weight == 5);
    CHECK(m.users[0].tasks[0].steps[0].path == "/api/users");
    CHECK(m.users[0].tasks[0].steps[0].line == 6);
    CHECK(m.users[0].tasks[1].steps[0].method == "PATCH");
    CHECK(m.users[0].tasks[1].steps[0].name == "/x/[id]");
    CHECK(m.users[1].fixed_count == 2);
    CHECK(m.users[1].sequential);
    CHECK(m.users[1].wait.type == wait_time::kind::constant_throughput);
}

TEST_CASE("syntax errors name the line and column")
{
    auto e = error_of("{\n  \"users\": [\n    {\"name\": \"A\",, }\n  ]\n}");
    CHECK(e.rfind("s.json:3:18: invalid JSON:", 0) == 0);
}

TEST_CASE("unknown keys point at the key and suggest the right one")
{
    auto e = error_of("{\"users\": [{\"name\": \"A\",\n \"wieght\": 2, \"tasks\": [{\"get\": \"/\"}]}]}");
    CHECK(e == "s.json:2:2: at /users/0: unknown key \"wieght\" (did you mean \"weight\"?)");
}

TEST_CASE("each kind of mistake has a precise message")
{
    CHECK(error_of(R"({"users": []})") == "s.json:1:11: at /users: no user classes: add at least one");
    CHECK(error_of(R"({"users": [{"name": "A", "weight": "3", "tasks": [{"get": "/"}]}]})") ==
          "s.json:1:36: at /users/0/weight: expected a weight >= 0, got a string");
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "/", "weight": 0}]}]})") ==
          "s.json:1:35: at /users/0/tasks: the task weights add up to 0: no task could ever run");
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"weight": 1}]}]})").find("a step needs a request") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "api"}]}]})").find("must start with \"/\"") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "wait_time": {"between": [3, 1]}, "tasks": [{"get": "/"}]}]})")
              .find("low must not be greater than high") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "/"}]}, {"name": "A", "tasks": [{"get": "/"}]}]})")
              .find("defined twice") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "weight": 0, "tasks": [{"get": "/"}]}]})")
              .find("every user class has weight 0") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "host": "localhost", "tasks": [{"get": "/"}]}]})")
              .find("http:// or https://") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "/", "post": "/"}]}]})").find("several methods") != std::string::npos);
    CHECK(error_of(R"([1, 2])") == "s.json:1:1: expected an object with a \"users\" array, got an array");
}

TEST_CASE("a missing file says so")
{
    auto r = load_json_file("/nonexistent/dir/x.json");
    REQUIRE_FALSE(r.value);
    CHECK(r.error.to_string() == "/nonexistent/dir/x.json: cannot open the scenario file (does it exist?)");
}

TEST_CASE("a number too large for a double is an error, not a crash (found by the fuzzer)")
{
    auto r = load_json(R"({"users": [{"name": "A", "weight": 1e999, "tasks": [{"get": "/"}]}]})", "s.json");
    REQUIRE_FALSE(r.value);
    CHECK(r.error.to_string().rfind("s.json: invalid JSON: number overflow", 0) == 0);
}
