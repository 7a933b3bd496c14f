// --shape and Locust 1.x's step load (--step-users, --step-time, --step-load): flags, variables,
// config files, help, and the combinations refused.
#include "cli/options.hpp"

#include <doctest/doctest.h>

#include "cli/test_support.hpp"

using hornet::cli::test::run;
using hornet::cli::test::temp_folder;

TEST_CASE("shape options: off by default")
{
    auto r = run({});
    REQUIRE(r.opts);
    CHECK(r.opts->shape_file.empty());
    CHECK_FALSE(r.opts->step_load);
    CHECK_FALSE(r.opts->step_users.has_value());
    CHECK_FALSE(r.opts->step_time.has_value());
}

TEST_CASE("step load from flags, Locust's variables and a config file; it implies --step-load")
{
    auto flags = run({"-u", "10", "--step-users", "2", "--step-time", "1m30s"});
    REQUIRE_MESSAGE(flags.opts, flags.message);
    CHECK(flags.opts->step_users == 2);
    CHECK(flags.opts->step_time == 90.0);
    CHECK(flags.opts->step_load);

    auto env = run({}, {"LOCUST_USERS=6", "LOCUST_STEP_USERS=3", "LOCUST_STEP_TIME=20", "LOCUST_STEP_LOAD=true"});
    REQUIRE_MESSAGE(env.opts, env.message);
    CHECK(env.opts->step_users == 3);
    CHECK(env.opts->step_time == 20.0);

    temp_folder dir;
    auto conf = dir.write("step.conf", "users = 8\nstep-users = 4\nstep-time = 2m\n");
    auto config = run({"--config", conf});
    REQUIRE_MESSAGE(config.opts, config.message);
    CHECK(config.opts->step_users == 4);
    CHECK(config.opts->step_time == 120.0);

    auto shape = run({"--shape", "stages.json"}, {"HORNET_SHAPE=other.json"});
    REQUIRE(shape.opts);
    CHECK(shape.opts->shape_file == "stages.json");
    auto shape_env = run({}, {"HORNET_SHAPE=other.json"});
    REQUIRE(shape_env.opts);
    CHECK(shape_env.opts->shape_file == "other.json");
}

TEST_CASE("step load mistakes: one line and exit code 2")
{
    for (auto [args, text] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"-u", "5", "--step-users", "2"}, "'--step-users' requires '--step-time'."},
             {{"-u", "5", "--step-time", "10"}, "'--step-time' requires '--step-users'."},
             {{"-u", "5", "--step-load"}, "'--step-load' requires '--step-users' and '--step-time'."},
             {{"--step-users", "2", "--step-time", "10"}, "step load requires -u/--users"},
             {{"-u", "5", "--step-users", "0", "--step-time", "10"}, "--step-users: must be >= 1, got 0"},
             {{"-u", "5", "--step-users", "2", "--step-time", "soon"}, "--step-time: invalid value 'soon'"},
             {{"-u", "5", "--step-users", "2", "--step-time", "0"}, "--step-time: invalid value '0'"},
             {{"-u", "5", "--step-users", "2", "--step-time", "9", "--shape", "s.json"},
              "'--shape' and step load (--step-users/--step-time) both set the load: pass one."}}) {
        auto r = run(args);
        CAPTURE(text);
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 2);
        CHECK(r.message.find(text) != std::string::npos);
    }
}

TEST_CASE("--help lists the shape options with their variables")
{
    auto r = run({"--help"});
    CHECK(r.exit_code == 0);
    for (const char* text :
         {"--shape FILE", "--step-users NUM", "--step-time TIME", "--step-load", "LOCUST_STEP_USERS", "HORNET_SHAPE"})
        CHECK_MESSAGE(r.message.find(text) != std::string::npos, text);
}
