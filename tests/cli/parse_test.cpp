// Proves cli/options.hpp is self-contained; parse() end to end: precedence, errors, exit codes.
#include "cli/options.hpp"

#include <doctest/doctest.h>

#include "cli/test_support.hpp"

using hornet::cli::test::run;
using hornet::cli::test::temp_folder;

namespace {

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("parse: no arguments gives Locust's defaults")
{
    auto r = run({});
    REQUIRE(r.opts);
    CHECK(r.exit_code == 0);
    CHECK(r.message.empty());
    const auto& o = *r.opts;
    CHECK(o.locustfile.empty());
    CHECK(o.host.empty());
    CHECK_FALSE(o.users);
    CHECK_FALSE(o.spawn_rate);
    CHECK_FALSE(o.run_time);
    CHECK_FALSE(o.stop_timeout);
    CHECK_FALSE(o.headless);
    CHECK(o.loglevel == "INFO");
    CHECK(o.exit_code_on_error == 1);
    CHECK(o.threads == 0);
    CHECK(o.tags.empty());
    CHECK(o.user_classes.empty());
}

TEST_CASE("parse: every command-line option lands in its field")
{
    auto r = run({"-f",
                  "api.json",
                  "-H",
                  "http://127.0.0.1:9",
                  "-u",
                  "50",
                  "-r",
                  "2.5",
                  "-t",
                  "1h30m",
                  "-s",
                  "10",
                  "--headless",
                  "-l",
                  "--csv",
                  "out/run",
                  "--csv-full-history",
                  "--print-stats",
                  "--only-summary",
                  "--reset-stats",
                  "-T",
                  "a",
                  "b",
                  "-E",
                  "slow",
                  "--exit-code-on-error",
                  "3",
                  "-L",
                  "debug",
                  "--logfile",
                  "h.log",
                  "--threads",
                  "4",
                  "--",
                  "ApiUser",
                  "WebUser"});
    REQUIRE(r.opts);
    const auto& o = *r.opts;
    CHECK(o.locustfile == "api.json");
    CHECK(o.host == "http://127.0.0.1:9");
    CHECK(o.users == 50);
    CHECK(o.spawn_rate == 2.5);
    CHECK(o.run_time == 5400.0);
    CHECK(o.stop_timeout == 10.0);
    CHECK(o.headless);
    CHECK(o.list);
    CHECK(o.csv_prefix == "out/run");
    CHECK(o.csv_full_history);
    CHECK(o.print_stats);
    CHECK(o.only_summary);
    CHECK(o.reset_stats);
    CHECK(o.tags == std::vector<std::string>{"a", "b"});
    CHECK(o.exclude_tags == std::vector<std::string>{"slow"});
    CHECK(o.exit_code_on_error == 3);
    CHECK(o.loglevel == "DEBUG");
    CHECK(o.logfile == "h.log");
    CHECK(o.threads == 4);
    CHECK(o.user_classes == std::vector<std::string>{"ApiUser", "WebUser"});
}

TEST_CASE("parse: long forms, = syntax and the last repeat wins")
{
    auto r = run({"--locustfile=x.json", "--host=http://h", "--users=7", "--spawn-rate", "3", "--run-time=20s",
                  "--stop-timeout", "1m", "--loglevel", "warn", "-u", "8"});
    REQUIRE(r.opts);
    CHECK(r.opts->locustfile == "x.json");
    CHECK(r.opts->host == "http://h");
    CHECK(r.opts->users == 8);
    CHECK(r.opts->spawn_rate == 3.0);
    CHECK(r.opts->run_time == 20.0);
    CHECK(r.opts->stop_timeout == 60.0);
    CHECK(r.opts->loglevel == "WARNING");
}

TEST_CASE("parse: repeated -f combine as the comma list does, not the last one alone")
{
    auto r = run({"-f", "a.py", "--locustfile", "b.py,c.json", "-f", "d/"});
    REQUIRE(r.opts);
    CHECK(r.opts->locustfile == "a.py,b.py,c.json,d/");
    auto one = run({"-f", "only.py"});
    REQUIRE(one.opts);
    CHECK(one.opts->locustfile == "only.py");
}

TEST_CASE("parse: positional user classes around options")
{
    auto r = run({"ApiUser", "-u", "5", "WebUser"});
    REQUIRE(r.opts);
    CHECK(r.opts->user_classes == std::vector<std::string>{"ApiUser", "WebUser"});
    CHECK(r.opts->users == 5);
}

TEST_CASE("parse: tags lists")
{
    SUBCASE("space separated after -T")
    {
        auto r = run({"-T", "a", "b", "-u", "1"});
        REQUIRE(r.opts);
        CHECK(r.opts->tags == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("comma separated")
    {
        auto r = run({"--tags", "a,b", "--exclude-tags=c,d"});
        REQUIRE(r.opts);
        CHECK(r.opts->tags == std::vector<std::string>{"a", "b"});
        CHECK(r.opts->exclude_tags == std::vector<std::string>{"c", "d"});
    }
    SUBCASE("repeated -T accumulates")
    {
        auto r = run({"-T", "a", "-T", "b"});
        REQUIRE(r.opts);
        CHECK(r.opts->tags == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("bare -T is an empty list")
    {
        auto r = run({"-T", "--headless"});
        REQUIRE(r.opts);
        CHECK(r.opts->tags.empty());
        CHECK(r.opts->headless);
    }
    SUBCASE("env list syntax")
    {
        auto r = run({}, {"LOCUST_TAGS=[a, b]", "LOCUST_EXCLUDE_TAGS=x,y"});
        REQUIRE(r.opts);
        CHECK(r.opts->tags == std::vector<std::string>{"a", "b"});
        CHECK(r.opts->exclude_tags == std::vector<std::string>{"x", "y"});
    }
    SUBCASE("config list syntax")
    {
        temp_folder cwd;
        cwd.write("locust.conf", "tags = [web, 'api']\n");
        auto r = run({}, {}, cwd.path());
        REQUIRE(r.opts);
        CHECK(r.opts->tags == std::vector<std::string>{"web", "api"});
    }
}

TEST_CASE("parse: precedence, each layer over the one below")
{
    temp_folder home;
    temp_folder cwd;
    auto users = [&](const std::vector<std::string>& args, const std::vector<std::string>& env) {
        auto r = run(args, env, cwd.path(), home.path());
        REQUIRE_MESSAGE(r.opts, r.message);
        return r.opts->users.value_or(-1);
    };

    CHECK(users({}, {}) == -1);
    home.write(".locust.conf", "users = 1\nhost = http://from-home\n");
    CHECK(users({}, {}) == 1);
    cwd.write("locust.conf", "users = 2\n");
    CHECK(users({}, {}) == 2);
    cwd.write("hornet.conf", "users = 3\n");
    CHECK(users({}, {}) == 3);
    auto extra = cwd.write("extra.conf", "users = 4\n");
    CHECK(users({"--config", extra}, {}) == 4);
    CHECK(users({"--config", "extra.conf"}, {}) == 4); // relative to cwd
    CHECK(users({"--config", extra}, {"LOCUST_USERS=5"}) == 5);
    CHECK(users({"--config", extra}, {"HORNET_USERS=6", "LOCUST_USERS=5"}) == 6);
    CHECK(users({"--config", extra}, {"LOCUST_USERS=5", "HORNET_USERS=6"}) == 6);
    CHECK(users({"--config", extra, "-u", "7"}, {"LOCUST_USERS=5", "HORNET_USERS=6"}) == 7);

    // Layers merge per key: the home file's host survives every override of users.
    auto r = run({"-u", "9"}, {"LOCUST_USERS=5"}, cwd.path(), home.path());
    REQUIRE(r.opts);
    CHECK(r.opts->host == "http://from-home");
}

TEST_CASE("parse: Locust's verified example, locust.conf 3 < --config 4 < env 5 < -u 6")
{
    temp_folder cwd;
    cwd.write("locust.conf", "users = 3\n");
    auto config = cwd.write("other.conf", "users = 4\n");
    auto users = [&](const std::vector<std::string>& args, const std::vector<std::string>& env) {
        auto r = run(args, env, cwd.path());
        REQUIRE(r.opts);
        return *r.opts->users;
    };
    CHECK(users({}, {}) == 3);
    CHECK(users({"--config", config}, {}) == 4);
    CHECK(users({"--config", config}, {"LOCUST_USERS=5"}) == 5);
    CHECK(users({"--config", config, "-u", "6"}, {"LOCUST_USERS=5"}) == 6);
}

TEST_CASE("parse: flags can be switched off by a later layer")
{
    temp_folder cwd;
    cwd.write("locust.conf", "headless = true\nreset-stats = true\n");
    auto r = run({}, {}, cwd.path());
    REQUIRE(r.opts);
    CHECK(r.opts->headless);
    // Unlike Locust (where an env "false" can't undo a file's "true"), a later layer can.
    r = run({}, {"HORNET_HEADLESS=no"}, cwd.path());
    REQUIRE(r.opts);
    CHECK_FALSE(r.opts->headless);
    CHECK(r.opts->reset_stats);
    r = run({"--headless=false"}, {}, cwd.path());
    REQUIRE(r.opts);
    CHECK_FALSE(r.opts->headless);
}

TEST_CASE("parse: every documented environment variable")
{
    auto r = run({}, {"LOCUST_LOCUSTFILE=s.json", "LOCUST_HOST=http://e", "LOCUST_USERS=11", "LOCUST_SPAWN_RATE=0.5",
                      "LOCUST_RUN_TIME=2m", "LOCUST_HEADLESS=true", "LOCUST_STOP_TIMEOUT=5", "LOCUST_CSV=pre",
                      "LOCUST_CSV_FULL_HISTORY=1", "LOCUST_PRINT_STATS=yes", "LOCUST_ONLY_SUMMARY=TRUE",
                      "LOCUST_RESET_STATS=1", "LOCUST_LOGLEVEL=error", "LOCUST_LOGFILE=l.log", "LOCUST_TAGS=t1",
                      "LOCUST_EXCLUDE_TAGS=t2", "LOCUST_EXIT_CODE_ON_ERROR=0", "HORNET_THREADS=3"});
    REQUIRE_MESSAGE(r.opts, r.message);
    const auto& o = *r.opts;
    CHECK(o.locustfile == "s.json");
    CHECK(o.host == "http://e");
    CHECK(o.users == 11);
    CHECK(o.spawn_rate == 0.5);
    CHECK(o.run_time == 120.0);
    CHECK(o.headless);
    CHECK(o.stop_timeout == 5.0);
    CHECK(o.csv_prefix == "pre");
    CHECK(o.csv_full_history);
    CHECK(o.print_stats);
    CHECK(o.only_summary);
    CHECK(o.reset_stats);
    CHECK(o.loglevel == "ERROR");
    CHECK(o.logfile == "l.log");
    CHECK(o.tags == std::vector<std::string>{"t1"});
    CHECK(o.exclude_tags == std::vector<std::string>{"t2"});
    CHECK(o.exit_code_on_error == 0);
    CHECK(o.threads == 3);
}

TEST_CASE("parse: HOME from the environment when no home folder is given")
{
    temp_folder home;
    home.write(".locust.conf", "run-time = 3m\n");
    auto r = run({}, {"HOME=" + home.path()}, "/nonexistent-hornet-cwd", "");
    REQUIRE(r.opts);
    CHECK(r.opts->run_time == 180.0);
}

TEST_CASE("parse: --help")
{
    for (const char* flag : {"-h", "--help"}) {
        auto r = run({flag});
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 0);
        CHECK(contains(r.message, "Usage:"));
        CHECK(contains(r.message, "hornet demo-target --port N"));
    }
    // Like argparse, help wins over errors elsewhere on the line.
    auto r = run({"--bogus", "-u", "x", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.message, "Usage:"));
    // ...but not after "--", where it is a user class name.
    r = run({"--", "--help"});
    CHECK(r.exit_code == 0);
    REQUIRE(r.opts);
    CHECK(r.opts->user_classes == std::vector<std::string>{"--help"});
}

TEST_CASE("parse: --version")
{
    for (const char* flag : {"-V", "--version"}) {
        auto r = run({"-u", "1", flag});
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 0);
        CHECK(r.message == "hornet " HORNET_VERSION "\n");
    }
}

TEST_CASE("parse: unknown options are usage errors with exit code 2")
{
    auto r = run({"--foo"});
    CHECK_FALSE(r.opts);
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: unrecognized arguments: --foo\n");

    r = run({"--usres", "5"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: unrecognized arguments: --usres (did you mean --users?)\n");

    r = run({"--spawnrate=3"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: unrecognized arguments: --spawnrate=3 (did you mean --spawn-rate?)\n");

    r = run({"--head"});
    CHECK(r.message == "hornet: error: unrecognized arguments: --head (did you mean --headless?)\n");

    r = run({"--web-base-path", "/x", "--frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.message, "unrecognized arguments: --web-base-path --frobnicate"));

    r = run({"-x"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: unrecognized arguments: -x\n");
}

TEST_CASE("parse: a missing value is a usage error")
{
    auto r = run({"-u"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: argument -u/--users: expected one argument\n");
    r = run({"--csv", "--headless"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: argument --csv: expected one argument\n");
    r = run({"-H", "-u", "3"});
    CHECK(r.message == "hornet: error: argument -H/--host: expected one argument\n");
    r = run({"--config"});
    CHECK(r.message == "hornet: error: argument --config: expected one argument\n");
    // A negative number is a value, as in argparse (and then fails its own check).
    r = run({"-s", "-1"});
    CHECK(contains(r.message, "argument -s/--stop-timeout: invalid value '-1'"));
}

TEST_CASE("parse: bad numbers exit 2 and name the argument")
{
    auto r = run({"-u", "many"});
    CHECK_FALSE(r.opts);
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: argument -u/--users: invalid int value: 'many'\n");

    r = run({"-u", "2.5"});
    CHECK(r.exit_code == 2);

    r = run({"-u", "-3"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: argument -u/--users: must be >= 0, got -3\n");

    r = run({"-r", "fast"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: argument -r/--spawn-rate: invalid float value: 'fast'\n");

    r = run({"-r", "0"});
    CHECK(r.exit_code == 2);

    r = run({"--threads", "-1"});
    CHECK(r.exit_code == 2);

    r = run({"--exit-code-on-error", "300"});
    CHECK(r.exit_code == 2);

    r = run({"-s", "soon"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.message, "-s/--stop-timeout"));

    r = run({}, {"LOCUST_USERS=ten"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: LOCUST_USERS: invalid int value: 'ten'\n");
}

TEST_CASE("parse: --threads 0 means auto")
{
    auto r = run({"--threads", "0"});
    REQUIRE(r.opts);
    CHECK(r.opts->threads == 0);
}

TEST_CASE("parse: malformed run time exits 1 with Locust's hint")
{
    for (const char* bad : {"abc", "5x", "1.5m", "1H30M"}) {
        auto r = run({"-t", bad});
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.message, "Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc."));
        CHECK(contains(r.message, bad));
    }
    auto r = run({}, {"LOCUST_RUN_TIME=soon"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.message, "LOCUST_RUN_TIME"));

    r = run({"-t", "0"});
    REQUIRE(r.opts);
    CHECK(r.opts->run_time == 0.0);
}

TEST_CASE("parse: invalid log level exits 1")
{
    auto r = run({"-L", "LOUD"});
    CHECK_FALSE(r.opts);
    CHECK(r.exit_code == 1);
    CHECK(r.message == "hornet: error: argument -L/--loglevel: invalid log level 'LOUD'. "
                       "Valid values are: DEBUG/INFO/WARNING/ERROR/CRITICAL\n");
}

TEST_CASE("parse: --csv-full-history needs --csv")
{
    auto r = run({"--csv-full-history"});
    CHECK_FALSE(r.opts);
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: '--csv-full-history' requires '--csv'.\n");

    r = run({"--csv-full-history", "--csv", "out"});
    REQUIRE(r.opts);
    CHECK(r.opts->csv_full_history);
}

TEST_CASE("parse: config file problems exit 2 naming the file and line")
{
    temp_folder cwd;
    auto path = cwd.write("locust.conf", "# settings\nusers = 3\nuser = 4\n");
    auto r = run({}, {}, cwd.path());
    CHECK_FALSE(r.opts);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.message, path + ":3: unknown option 'user'"));
    CHECK(contains(r.message, "did you mean 'users'?"));

    r = run({"--config", "missing.conf"});
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: config file not found: missing.conf\n");

    temp_folder other;
    path = other.write("locust.conf", "users = lots\n");
    r = run({}, {}, other.path());
    CHECK(r.exit_code == 2);
    CHECK(r.message == "hornet: error: " + path + ":1: invalid int value: 'lots'\n");
}

TEST_CASE("parse: a bad boolean in the environment exits 2")
{
    auto r = run({}, {"LOCUST_HEADLESS=maybe"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.message, "LOCUST_HEADLESS"));
    CHECK(contains(r.message, "maybe"));
}

TEST_CASE("parse: --check is repeatable and keeps each expression whole; locust-plugins' checks become expressions")
{
    auto r = run({"--check", "GET /api/users/[id]: p95<200ms", "--check=fail_ratio<1%", "--check-rps", "5",
                  "--check-fail-ratio", "0.05", "--check-avg-response-time", "50"});
    REQUIRE(r.opts);
    CHECK(r.opts->checks == std::vector<std::string>{"GET /api/users/[id]: p95<200ms", "fail_ratio<1%"});
    // Sorted by option name, as the settings are applied.
    CHECK(r.opts->plugin_checks == std::vector<std::string>{"avg<=50ms", "fail_ratio<=0.05", "rps>=5"});

    // From the environment or a config file: expressions separated by ';'.
    auto env = run({}, {"HORNET_CHECK=p95<300ms; each: max<2s;"});
    REQUIRE(env.opts);
    CHECK(env.opts->checks == std::vector<std::string>{"p95<300ms", "each: max<2s"});
    temp_folder cwd;
    cwd.write("hornet.conf", "check = avg<100ms;rps>10\ncheck-rps = 7\n");
    auto conf = run({}, {}, cwd.path());
    REQUIRE(conf.opts);
    CHECK(conf.opts->checks == std::vector<std::string>{"avg<100ms", "rps>10"});
    CHECK(conf.opts->plugin_checks == std::vector<std::string>{"rps>=7"});

    auto missing = run({"--check", "--headless"});
    CHECK_FALSE(missing.opts);
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.message, "argument --check: expected one argument"));
    auto negative = run({"--check-rps", "-1"});
    CHECK_FALSE(negative.opts);
    CHECK(contains(negative.message, "must be >= 0, got -1"));
}
