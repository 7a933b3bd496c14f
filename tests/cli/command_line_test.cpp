// Proves cli/command_line.hpp is self-contained; argv reading and typo suggestions.
#include "cli/command_line.hpp"

#include <doctest/doctest.h>

#include "cli/usage_error.hpp"

using namespace hornet::cli;

namespace {

command_line read(std::vector<const char*> args)
{
    args.insert(args.begin(), "hornet");
    return read_command_line(static_cast<int>(args.size()), args.data());
}

} // namespace

TEST_CASE("command line: only given options are recorded, with their origin")
{
    auto c = read({"-u", "3", "--headless", "--config", "x.conf", "Cls"});
    CHECK(c.settings.size() == 2);
    CHECK(c.settings.at("users").values == std::vector<std::string>{"3"});
    CHECK(c.settings.at("users").origin == "argument -u/--users");
    CHECK(c.settings.at("headless").values == std::vector<std::string>{"true"});
    CHECK(c.settings.at("headless").origin == "argument --headless");
    CHECK(c.config_file == "x.conf");
    CHECK(c.user_classes == std::vector<std::string>{"Cls"});
    CHECK_FALSE(c.help);
    CHECK_FALSE(c.version);
}

TEST_CASE("command line: the first of help and version wins")
{
    CHECK(read({"-V", "-h"}).version);
    CHECK_FALSE(read({"-V", "-h"}).help);
    CHECK(read({"--help", "--version"}).help);
}

TEST_CASE("command line: typo suggestions")
{
    CHECK(suggest_option("--usres") == "--users");
    CHECK(suggest_option("--user") == "--users");
    CHECK(suggest_option("--run_time") == "--run-time");
    CHECK(suggest_option("--spawnrate=5") == "--spawn-rate");
    CHECK(suggest_option("--loglvl") == "--loglevel");
    CHECK(suggest_option("--head") == "--headless");
    CHECK(suggest_option("--csv-full") == "--csv-full-history");
    CHECK(suggest_option("--web-base-path") == "");
    CHECK(suggest_option("--frobnicate") == "");
    CHECK(suggest_option("-x") == "");
    CHECK(suggest_option("--") == "");
}

TEST_CASE("command line: unknown options throw exit-2 usage errors")
{
    try {
        read({"--foo", "--bar=1"});
        FAIL("expected a usage error");
    } catch (const usage_error& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()) == "hornet: error: unrecognized arguments: --foo --bar=1");
    }
}
