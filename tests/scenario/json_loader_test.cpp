// Proves scenario/json_loader.hpp is self-contained; checks the format and its error messages.
#include "scenario/json_loader.hpp"

#include <boost/system/system_error.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace hornet::scenario;

namespace {
std::string error_of(const std::string& text)
{
    auto r = load_json(text, "s.json");
    REQUIRE_FALSE(r.has_value());
    return r.error().to_string();
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
})",
                       "s.json");
    REQUIRE(r.has_value());
    const auto& m = *r;
    REQUIRE(m.users.size() == 2);
    CHECK(m.users[0].name == "ApiUser");
    CHECK(m.users[0].weight == 3);
    CHECK(m.users[0].wait.type == wait_time::kind::between);
    CHECK(m.users[0].wait.b == 3);
    REQUIRE(m.users[0].on_start.size() == 1);
    CHECK(m.users[0].on_start[0].method == "POST");
    CHECK(m.users[0].on_start[0].body.literal() == R"({"user":"a"})");
    CHECK(m.users[0].on_start[0].headers.at(0).value.literal() == "application/json");
    CHECK(m.users[0].tasks[0].weight == 5);
    CHECK(m.users[0].tasks[0].steps[0].path.literal() == "/api/users");
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
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"weight": 1}]}]})").find("a step needs a request") !=
          std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "api"}]}]})").find("must start with \"/\"") !=
          std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "wait_time": {"between": [3, 1]}, "tasks": [{"get": "/"}]}]})")
              .find("low must not be greater than high") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "/"}]}, {"name": "A", "tasks": [{"get": "/"}]}]})")
              .find("defined twice") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "weight": 0, "tasks": [{"get": "/"}]}]})")
              .find("every user class has weight 0") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "host": "localhost", "tasks": [{"get": "/"}]}]})")
              .find("http:// or https://") != std::string::npos);
    CHECK(error_of(R"({"users": [{"name": "A", "tasks": [{"get": "/", "post": "/"}]}]})").find("several methods") !=
          std::string::npos);
    CHECK(error_of(R"([1, 2])") == "s.json:1:1: expected an object with a \"users\" array, got an array");
}

TEST_CASE("a missing file says so")
{
    auto r = load_json_file("/nonexistent/dir/x.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().to_string() == "/nonexistent/dir/x.json: cannot open the scenario file (does it exist?)");
    CHECK(r.error().code == hornet::core::error::invalid_scenario);
    // value() of a failure throws the line the user would have read.
    CHECK_THROWS_WITH_AS(r.value(), doctest::Contains("cannot open the scenario file"), boost::system::system_error);
}

TEST_CASE("a number too large for a double is an error, not a crash (found by the fuzzer)")
{
    auto r = load_json(R"({"users": [{"name": "A", "weight": 1e999, "tasks": [{"get": "/"}]}]})", "s.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().to_string().rfind("s.json: invalid JSON: number overflow", 0) == 0);
}

namespace {
load_options test_env()
{
    load_options o;
    o.env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "TARGET") return std::string("http://127.0.0.1:9");
        if (name == "EMPTY") return std::string();
        return std::nullopt;
    };
    return o;
}

bool has_placeholder(const template_text& t, placeholder::kind k, escape esc)
{
    for (const auto& p : t.parts)
        if (p.value && p.value->type == k && p.value->esc == esc) return true;
    return false;
}
} // namespace

TEST_CASE("templates, variables and extracts: every class variable gets a slot, extracts anywhere count")
{
    auto r = load_json(R"J({"users": [{"name": "A", "variables": {"password": "pw"},
  "on_start": [{"post": "/login", "json": {"p": "{{password}}"}, "extract": {"token": {"json": "/token"}}}],
  "tasks": [
    {"get": "/me", "headers": {"Authorization": "Bearer {{token}}"}},
    {"steps": [{"repeat": [1, 3], "steps": [{"get": "/x/{{later}}", "extract": {"later": {"regex": "id=(\\d+)"}}}]}]}
  ]}]})J",
                       "s.json", test_env());
    REQUIRE(r.has_value());
    const auto& u = r->users[0];
    CHECK(u.variables == std::vector<std::string>{"password", "token", "later"});
    REQUIRE(u.initial_values.size() == 1);
    CHECK(u.initial_values[0] == std::pair<std::size_t, std::string>{0, "pw"});
    const auto& login = u.on_start[0];
    REQUIRE(login.extracts.size() == 1);
    CHECK(login.extracts[0].slot == 1);
    CHECK(login.extracts[0].from == extract::source::json);
    CHECK(login.extracts[0].argument == "/token");
    CHECK(has_placeholder(u.tasks[0].steps[0].headers[0].value, placeholder::kind::variable, escape::none));
    const auto& rep = u.tasks[1].steps[0];
    CHECK(rep.type == step::kind::repeat);
    CHECK(rep.repeat_min == 1);
    CHECK(rep.repeat_max == 3);
    REQUIRE(rep.steps.size() == 1);
    CHECK(rep.steps[0].extracts[0].slot == 2);
    CHECK(rep.steps[0].extracts[0].pattern != nullptr);
    CHECK(has_placeholder(rep.steps[0].path, placeholder::kind::variable, escape::none));
}

TEST_CASE("a JSON body is nlohmann's dump, with JSON-escaped placeholders in its strings")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
  {"post": "/a", "json": {"z": [1, 2.5, true, null], "a": {"s": "line\nbreak \"q\""}, "u": "é"}},
  {"post": "/b", "json": {"id": "{{random.uuid}}", "n": 3}, "headers": {"content-type": "application/vnd+json"}}
]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    const auto& a = r->users[0].tasks[0].steps[0];
    auto expected =
        nlohmann::json::parse(R"({"z": [1, 2.5, true, null], "a": {"s": "line\nbreak \"q\""}, "u": "é"})").dump();
    CHECK(a.body.literal() == expected);
    REQUIRE(a.headers.size() == 1);
    CHECK(a.headers[0].name == "Content-Type");
    const auto& b = r->users[0].tasks[1].steps[0];
    REQUIRE(b.body.parts.size() == 3);
    CHECK(b.body.parts[0].literal == "{\"id\":\"");
    CHECK(has_placeholder(b.body, placeholder::kind::random_uuid, escape::json_string));
    CHECK(b.body.parts[2].literal == "\",\"n\":3}");
    REQUIRE(b.headers.size() == 1); // the given content-type, none added
}

TEST_CASE("query and form: names and values url-encoded, placeholders encode when rendered")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
  {"get": "/s", "query": {"q": "red lamp", "n": 10, "all": true, "id": "{{user.id}}"}},
  {"post": "/f", "form": {"a b": "x&y", "c": "{{counter.user}}"}}
]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    const auto& q = r->users[0].tasks[0].steps[0].query;
    REQUIRE(q.size() == 4);
    // nlohmann objects iterate in key order.
    CHECK(q[0].first.literal() == "all");
    CHECK(q[0].second.literal() == "true");
    CHECK(has_placeholder(q[1].second, placeholder::kind::user_id, escape::url_component));
    CHECK(q[2].second.literal() == "10");
    CHECK(q[3].second.literal() == "red%20lamp");
    const auto& f = r->users[0].tasks[1].steps[0];
    REQUIRE(f.body.parts.size() == 2);
    CHECK(f.body.parts[0].literal == "a%20b=x%26y&c=");
    CHECK(has_placeholder(f.body, placeholder::kind::user_counter, escape::url_component));
    CHECK(f.headers.at(0).value.literal() == "application/x-www-form-urlencoded");
}

TEST_CASE("check: a 404 can be the success; body, json and timing rules")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
  {"get": "/missing", "check": {"status": 404}},
  {"get": "/x", "check": {"status": [200, 204], "body_contains": ["ok", "{{user.id}}"], "json": {"/id": 5, "/name": "{{user.id}}"},
                          "json_exists": ["/a", "/b/0"], "max_ms": 250, "message": "Wrong user {{user.id}}"}}
]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    CHECK(r->users[0].tasks[0].steps[0].expect.status == std::vector<unsigned>{404});
    const auto& c = r->users[0].tasks[1].steps[0].expect;
    CHECK(c.status == std::vector<unsigned>{200, 204});
    REQUIRE(c.body_contains.size() == 2);
    CHECK(c.body_contains[0].literal() == "ok");
    REQUIRE(c.json_equals.size() == 2);
    CHECK(c.json_equals[0].pointer == "/id");
    CHECK(c.json_equals[0].expected == 5);
    CHECK_FALSE(c.json_equals[0].expected_text);
    REQUIRE(c.json_equals[1].expected_text);
    CHECK(c.json_exists == std::vector<std::string>{"/a", "/b/0"});
    CHECK(c.max_ms == 250);
    REQUIRE(c.message);
    CHECK(c.message->parts.size() == 2);
    CHECK_FALSE(r->users[0].tasks[0].steps[0].expect.message);
}

TEST_CASE("on_failure: a task sets the default of its steps, a step or repeat block overrides it")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
  {"on_failure": "skip_task", "steps": [{"get": "/a"}, {"get": "/b", "on_failure": "continue"},
     {"repeat": 2, "on_failure": "continue", "steps": [{"get": "/c"}]}]},
  {"get": "/d", "on_failure": "skip_task"},
  {"get": "/e"}
]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    const auto& t = r->users[0].tasks;
    CHECK(t[0].steps[0].skip_rest_on_failure);
    CHECK_FALSE(t[0].steps[1].skip_rest_on_failure);
    CHECK_FALSE(t[0].steps[2].steps[0].skip_rest_on_failure);
    CHECK(t[1].steps[0].skip_rest_on_failure);
    CHECK_FALSE(t[2].steps[0].skip_rest_on_failure);
    CHECK(t[1].name == "/d");
}

TEST_CASE("allow_redirects: false keeps a step's redirect as its response; the default follows")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
  {"post": "/login", "allow_redirects": false, "check": {"status": 302}}, {"get": "/"}]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    CHECK_FALSE(r->users[0].tasks[0].steps[0].allow_redirects);
    CHECK(r->users[0].tasks[1].steps[0].allow_redirects);
}

TEST_CASE("host from the environment, resolved at load; an empty value leaves the host to -H")
{
    auto r = load_json(R"({"users": [{"name": "A", "host": "{{env.TARGET}}", "tasks": [{"get": "/"}]},
  {"name": "B", "host": "{{env.UNSET|https://example.test}}", "tasks": [{"get": "/"}]},
  {"name": "C", "host": "{{env.EMPTY}}", "tasks": [{"get": "/"}]}]})",
                       "s.json", test_env());
    REQUIRE(r.has_value());
    CHECK(r->users[0].host == "http://127.0.0.1:9");
    CHECK(r->users[1].host == "https://example.test");
    CHECK(r->users[2].host.empty());
}

TEST_CASE("data files are read relative to the scenario's folder")
{
    auto dir = std::filesystem::temp_directory_path() / ("hornet-data-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir / "data");
    std::ofstream(dir / "data" / "people.csv") << "email,name\na@x.test,Ann\n";
    std::ofstream(dir / "s.json") << R"({"data": {"people": {"file": "data/people.csv", "order": "random"}},
      "users": [{"name": "A", "tasks": [{"get": "/u?e={{people.email}}"}]}]})";
    auto r = load_json_file((dir / "s.json").string());
    std::filesystem::remove_all(dir);
    REQUIRE(r.has_value());
    REQUIRE(r->data.size() == 1);
    CHECK(r->data[0]->name() == "people");
    CHECK(r->data[0]->rows() == 1);
    CHECK(has_placeholder(r->users[0].tasks[0].steps[0].path, placeholder::kind::data_column, escape::none));
}

TEST_CASE("every example in scenarios/ loads")
{
    auto dir = std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "scenarios";
    int loaded = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
        auto r = load_json_file(entry.path().string(), test_env());
        INFO(r.error().to_string());
        CHECK(r.has_value());
        ++loaded;
    }
    CHECK(loaded >= 1);
}

TEST_CASE("a nested task set: its tasks, order, wait, on_start/on_stop, interrupts, and variables inside")
{
    auto r = load_json(R"({"users": [{"name": "A", "wait_time": 2, "tasks": [
  {"get": "/home"},
  {"weight": 3, "tags": ["browse"], "task_set": {
     "name": "Browse", "sequential": true, "wait_time": {"between": [0.5, 1]},
     "on_start": [{"get": "/enter", "extract": {"cart": {"json": "/cart"}}}],
     "tasks": [{"get": "/cart/{{cart}}", "name": "/cart/[id]"},
               {"task_set": {"tasks": [{"get": "/deep"}, {"weight": 2, "interrupt": {"reschedule": false}}]}},
               {"name": "leave", "steps": [{"get": "/leave"}, {"repeat": 2, "steps": [{"interrupt": true}]}]}],
     "on_stop": [{"get": "/exit"}]}}
]}]})",
                       "s.json");
    REQUIRE(r.has_value());
    const auto& u = r->users[0];
    REQUIRE(u.tasks.size() == 2);
    CHECK(u.tasks[0].nested.empty());
    const auto& t = u.tasks[1];
    CHECK(t.weight == 3);
    CHECK(t.name == "Browse");
    CHECK(t.steps.empty());
    REQUIRE(t.nested.size() == 1);
    const auto& set = t.nested[0];
    CHECK(set.sequential);
    REQUIRE(set.wait);
    CHECK(set.wait->type == wait_time::kind::between);
    REQUIRE(set.on_start.size() == 1);
    REQUIRE(set.on_stop.size() == 1);
    REQUIRE(set.tasks.size() == 3);
    CHECK(set.tasks[0].steps[0].path.parts.size() == 2); // {{cart}}: a variable extracted inside the set
    const auto& inner = set.tasks[1].nested.at(0);
    CHECK_FALSE(inner.sequential);
    CHECK_FALSE(inner.wait); // the user's
    REQUIRE(inner.tasks.size() == 2);
    CHECK(inner.tasks[1].weight == 2);
    CHECK(inner.tasks[1].steps.at(0).type == step::kind::interrupt);
    CHECK_FALSE(inner.tasks[1].steps.at(0).reschedule);
    const auto& leave = set.tasks[2].steps;
    REQUIRE(leave.size() == 2);
    CHECK(leave[1].steps.at(0).type == step::kind::interrupt);
    CHECK(leave[1].steps.at(0).reschedule);
}
