// Proves cli/config_file.hpp is self-contained; Locust's config-file format.
#include "cli/config_file.hpp"

#include <doctest/doctest.h>

#include "cli/test_support.hpp"
#include "cli/usage_error.hpp"

using namespace hornet::cli;

namespace {

raw_settings read(std::string_view text)
{
    raw_settings out;
    read_config_text(text, "test.conf", out);
    return out;
}

std::string error_of(std::string_view text)
{
    try {
        read(text);
    } catch (const usage_error& e) {
        CHECK(e.exit_code() == 2);
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("config: key = value lines, comments and sections")
{
    auto s = read("# a comment\n"
                  "; another\n"
                  "[locust]\n"
                  "\n"
                  "  users = 5  \n"
                  "spawn-rate=2\n"
                  "host: http://127.0.0.1:8000/#top\n"
                  "run_time 3m\n"
                  "csv = out/run  # inline comment\n"
                  "logfile = \"my log.txt\" ; quoted\n");
    CHECK(s.at("users").values == std::vector<std::string>{"5"});
    CHECK(s.at("spawn-rate").values == std::vector<std::string>{"2"});
    CHECK(s.at("host").values == std::vector<std::string>{"http://127.0.0.1:8000/#top"});
    CHECK(s.at("run-time").values == std::vector<std::string>{"3m"});
    CHECK(s.at("csv").values == std::vector<std::string>{"out/run"});
    CHECK(s.at("logfile").values == std::vector<std::string>{"my log.txt"});
    CHECK(s.size() == 6);
    CHECK(s.at("users").origin == "test.conf:5");
}

TEST_CASE("config: booleans and bare keys")
{
    auto s = read("headless = true\nreset-stats = False\nprint-stats\nonly-summary = yes\n");
    CHECK(s.at("headless").values.front() == "true");
    CHECK(s.at("reset-stats").values.front() == "false");
    CHECK(s.at("print-stats").values.front() == "true");
    CHECK(s.at("only-summary").values.front() == "true");
}

TEST_CASE("config: lists, repeats, CRLF and a BOM")
{
    auto s = read("\xEF\xBB\xBFtags = [a, b]\r\nexclude-tags = c,d\r\nusers = 1\r\nusers = 2\r\n");
    CHECK(s.at("tags").values == std::vector<std::string>{"a", "b"});
    CHECK(s.at("exclude-tags").values == std::vector<std::string>{"c", "d"});
    CHECK(s.at("users").values == std::vector<std::string>{"2"});
    CHECK(s.at("users").origin == "test.conf:4");
}

TEST_CASE("config: errors name the file and line")
{
    CHECK(error_of("users = 1\nspawnrate = 2\n") ==
          "hornet: error: test.conf:2: unknown option 'spawnrate' (did you mean 'spawn-rate'?)");
    CHECK(error_of("zzzzzzzz = 1\n") == "hornet: error: test.conf:1: unknown option 'zzzzzzzz'");
    CHECK(error_of("\n\nheadless = perhaps\n") ==
          "hornet: error: test.conf:3: 'headless' expects true or false, got 'perhaps'");
    CHECK(error_of("users =\n") == "hornet: error: test.conf:1: 'users' needs a value");
    CHECK(error_of("config = other.conf\n") ==
          "hornet: error: test.conf:1: 'config' can only be given on the command line");
    CHECK(error_of("= 5\n") == "hornet: error: test.conf:1: expected 'key = value'");
}

TEST_CASE("config: files")
{
    test::temp_folder folder;
    raw_settings s;
    CHECK_FALSE(read_config_file(folder.path() + "/absent.conf", s));
    CHECK(s.empty());
    auto path = folder.write("a.conf", "users = 9\n");
    CHECK(read_config_file(path, s));
    CHECK(s.at("users").values.front() == "9");
    CHECK(s.at("users").origin == path + ":1");
    CHECK_THROWS_AS(read_config_file(folder.path(), s), usage_error); // a directory
}
