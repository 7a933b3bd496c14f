// Proves scenario/stage_loader.hpp is self-contained; checks stages from a scenario file and a
// --shape file, and that each mistake is named at its file, line, column and pointer.
#include "scenario/stage_loader.hpp"

#include "scenario/json_loader.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace hornet::scenario;

namespace {

const char* const users = R"("users": [{"name": "U", "tasks": [{"get": "/"}]}])";

std::string shape_error(const std::string& text)
{
    auto r = load_shape(text, "shape.json");
    REQUIRE_FALSE(r.has_value());
    return r.error().to_string();
}

} // namespace

TEST_CASE("a scenario's closed-model stages load with durations in Locust's time spans")
{
    auto r = load_json(std::string("{") + users + R"(,
  "stages": [{"duration": "2m", "users": 100, "spawn_rate": 10},
             {"duration": 45, "users": 20},
             {"duration": "1h30m", "users": 0}]})",
                       "s.json");
    REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
    const auto& s = r->stages.stages;
    REQUIRE(s.size() == 3);
    CHECK(s[0].duration == 120);
    CHECK(s[0].users == 100);
    CHECK(s[0].spawn_rate == 10.0);
    CHECK(s[1].duration == 45);
    CHECK_FALSE(s[1].spawn_rate.has_value()); // -r, else 1, decided when the run starts
    CHECK(s[2].duration == 5400);
    CHECK(s[2].users == 0);
    CHECK_FALSE(r->stages.open());
    CHECK(r->stages.total_duration() == 120 + 45 + 5400);
}

TEST_CASE("open-model stages: fractional rates, ramps")
{
    auto r = load_shape(R"([{"duration": "1m", "rate": 0.5}, {"duration": "30s", "rate": 20, "ramp": true}])", "f");
    REQUIRE_MESSAGE(r.has_value(), r.error().to_string());
    REQUIRE(r->stages.size() == 2);
    CHECK(r->open());
    CHECK(r->stages[0].rate == 0.5);
    CHECK_FALSE(r->stages[0].ramp);
    CHECK(r->stages[1].ramp);
}

TEST_CASE("a --shape file is the list or an object holding it")
{
    auto list = load_shape(R"([{"duration": 3, "users": 2}])", "f");
    auto object = load_shape(R"({"description": "x", "stages": [{"duration": 3, "users": 2}]})", "f");
    REQUIRE(list.has_value());
    REQUIRE(object.has_value());
    CHECK(list->stages.size() == 1);
    CHECK(object->stages.size() == 1);
    CHECK(object->stages[0].users == 2);
}

TEST_CASE("stage mistakes name file, line, column and pointer")
{
    CHECK(shape_error("[\n  {\"duration\": \"2m\", \"users\": 1},\n  {\"duration\": \"2x\", \"users\": 2}\n]") ==
          "shape.json:3:16: at /1/duration: expected a time span such as \"2m\", \"1h30m\", \"45s\" or a number "
          "of seconds > 0, got \"2x\"");
    CHECK(shape_error("[{\"duration\": 0, \"users\": 1}]") ==
          "shape.json:1:15: at /0/duration: expected a time span such as \"2m\", \"1h30m\", \"45s\" or a number "
          "of seconds > 0, got 0");
    CHECK(shape_error("[{\"duration\": 5, \"user\": 1}]") ==
          "shape.json:1:18: at /0: unknown key \"user\" (did you mean \"users\"?)");
    CHECK(shape_error("[{\"duration\": 5}]") ==
          "shape.json:1:2: at /0: the stage needs \"users\" (closed model) or \"rate\" (iterations/s, open model)");
    CHECK(shape_error("[{\"users\": 5}]") ==
          "shape.json:1:2: at /0: the stage needs a \"duration\" (\"2m\", \"45s\" or seconds)");
    CHECK(shape_error("[{\"duration\": 5, \"users\": 1, \"rate\": 2}]") ==
          "shape.json:1:2: at /0: a stage sets \"users\" (closed model) or \"rate\" (open model), not both");
    CHECK(shape_error("[{\"duration\": 5, \"users\": -1}]") ==
          "shape.json:1:27: at /0/users: expected a number of users >= 0, got -1");
    CHECK(shape_error("[{\"duration\": 5, \"users\": 1, \"spawn_rate\": 0}]") ==
          "shape.json:1:44: at /0/spawn_rate: expected a spawn rate in users/s > 0, got 0");
    CHECK(shape_error("[{\"duration\": 5, \"users\": 1, \"ramp\": true}]") ==
          "shape.json:1:30: at /0: \"ramp\" goes with \"rate\" (open model), not \"users\"");
    CHECK(shape_error("[{\"duration\": 5, \"rate\": 1, \"spawn_rate\": 3}]") ==
          "shape.json:1:29: at /0: \"spawn_rate\" goes with \"users\" (closed model), not \"rate\"");
    CHECK(shape_error("[{\"duration\": 5, \"rate\": 1, \"ramp\": 1}]") ==
          "shape.json:1:37: at /0/ramp: expected true or false, got an integer");
    CHECK(shape_error("[]") == "shape.json:1:1: no stages: add at least one, or leave the list out");
    CHECK(shape_error("{\"stage\": []}") == "shape.json:1:2: at /: unknown key \"stage\" (did you mean \"stages\"?)");
    CHECK(shape_error("[{\"duration\": 5, \"users\": 1},").find("shape.json:1:") == 0);
}

TEST_CASE("one plan is all closed or all open: the first stage that differs is named")
{
    CHECK(shape_error("[{\"duration\": 5, \"users\": 1},\n {\"duration\": 5, \"users\": 2},\n {\"duration\": 5, "
                      "\"rate\": 2}]") ==
          "shape.json:3:2: at /2: stage 3 is open-model (\"rate\") but stage 1 is closed-model (\"users\"): one plan "
          "is all one model or the other");
}

TEST_CASE("a scenario's bad stage fails at its line with the scenario's name")
{
    auto r = load_json(
        std::string("{") + users + ",\n  \"stages\": [\n    {\"duration\": \"3s\", \"users\": \"six\"}]}", "s.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().to_string() == "s.json:3:33: at /stages/0/users: expected a number of users >= 0, got a string");
    auto not_a_list = load_json(std::string("{") + users + ", \"stages\": {}}", "s.json");
    REQUIRE_FALSE(not_a_list.has_value());
    CHECK(not_a_list.error().pointer == "/stages");
}

TEST_CASE("load_shape_file reads a file and names it; a missing one says so")
{
    auto dir = std::filesystem::temp_directory_path() / "hornet-stage-loader-test";
    std::filesystem::create_directories(dir);
    auto path = (dir / "shape.json").string();
    std::ofstream(path) << R"({"stages": [{"duration": "1m", "users": "x"}]})";
    auto r = load_shape_file(path);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().to_string() == path + ":1:41: at /stages/0/users: expected a number of users >= 0, got a string");
    std::ofstream(path) << R"([{"duration": "1m", "users": 3}])";
    auto ok = load_shape_file(path);
    REQUIRE(ok.has_value());
    CHECK(ok->stages[0].users == 3);
    auto missing = load_shape_file((dir / "none.json").string());
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().line == 0);
    CHECK(missing.error().message.find("cannot open the shape file") == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("step load: users rise by N every T up to the maximum, then hold")
{
    auto plan = step_load_plan(10, 5.0, 4, 30);
    REQUIRE(plan.stages.size() == 3);
    CHECK(plan.stages[0].users == 4);
    CHECK(plan.stages[1].users == 8);
    CHECK(plan.stages[2].users == 10); // the last step is cut to the maximum
    CHECK(plan.stages[0].duration == 30);
    CHECK(plan.stages[1].duration == 30);
    CHECK(std::isinf(plan.stages[2].duration));
    CHECK(plan.stages[0].spawn_rate == 5.0);
    auto exact = step_load_plan(6, std::nullopt, 2, 4);
    REQUIRE(exact.stages.size() == 3);
    CHECK(exact.stages[2].users == 6);
    CHECK_FALSE(exact.stages[2].spawn_rate.has_value());
    auto none = step_load_plan(0, std::nullopt, 2, 4);
    REQUIRE(none.stages.size() == 1);
    CHECK(none.stages[0].users == 0);
}

TEST_CASE("durations print as Locust's time spans")
{
    CHECK(duration_text(120) == "2m");
    CHECK(duration_text(5400) == "1h30m");
    CHECK(duration_text(3725) == "1h2m5s");
    CHECK(duration_text(45) == "45s");
    CHECK(duration_text(0) == "0s");
    CHECK(duration_text(2.5) == "2.5s");
    CHECK(duration_text(std::numeric_limits<double>::infinity()) == "forever");
}
