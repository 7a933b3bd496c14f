// Proves cli/environment.hpp is self-contained; LOCUST_* and HORNET_* variables.
#include "cli/environment.hpp"

#include <doctest/doctest.h>

#include "cli/usage_error.hpp"

using namespace hornet::cli;

namespace {

raw_settings read(std::vector<const char*> env)
{
    env.push_back(nullptr);
    raw_settings out;
    read_environment(env.data(), out);
    return out;
}

} // namespace

TEST_CASE("env: LOCUST_* variables set options; others are ignored")
{
    auto s = read({"LOCUST_USERS=10", "LOCUST_SPAWN_RATE= 2 ", "LOCUST_WEB_BASE_PATH=/x", "PATH=/bin",
                   "LOCUST_HOST=", "LOCUST_USERSX=1", "XLOCUST_USERS=1"});
    CHECK(s.size() == 2);
    CHECK(s.at("users").values.front() == "10");
    CHECK(s.at("users").origin == "LOCUST_USERS");
    CHECK(s.at("spawn-rate").values.front() == "2");
}

TEST_CASE("env: HORNET_* wins over LOCUST_* whatever the order")
{
    auto s = read({"HORNET_USERS=2", "LOCUST_USERS=1", "LOCUST_HOST=http://a"});
    CHECK(s.at("users").values.front() == "2");
    CHECK(s.at("users").origin == "HORNET_USERS");
    CHECK(s.at("host").values.front() == "http://a");
}

TEST_CASE("env: threads only as HORNET_THREADS")
{
    CHECK(read({"LOCUST_THREADS=4"}).empty());
    CHECK(read({"HORNET_THREADS=4"}).at("threads").values.front() == "4");
}

TEST_CASE("env: booleans and lists")
{
    auto s = read({"LOCUST_HEADLESS=1", "LOCUST_RESET_STATS=no", "LOCUST_PRINT_STATS=Yes", "LOCUST_TAGS=[a, b]",
                   "HORNET_EXCLUDE_TAGS=c,d"});
    CHECK(s.at("headless").values.front() == "true");
    CHECK(s.at("reset-stats").values.front() == "false");
    CHECK(s.at("print-stats").values.front() == "true");
    CHECK(s.at("tags").values == std::vector<std::string>{"a", "b"});
    CHECK(s.at("exclude-tags").values == std::vector<std::string>{"c", "d"});
    CHECK_THROWS_AS(read({"LOCUST_HEADLESS=sure"}), usage_error);
}

TEST_CASE("env: find_env")
{
    const char* env[] = {"HOME=/home/me", "HOMEX=no", "EMPTY=", nullptr};
    CHECK(find_env(env, "HOME") == "/home/me");
    CHECK(find_env(env, "EMPTY") == "");
    CHECK_FALSE(find_env(env, "HOM"));
    CHECK_FALSE(find_env(env, "MISSING"));
}
