// Proves cli/options.hpp is self-contained; the master and worker options, their variables and errors.
#include "cli/options.hpp"

#include <doctest/doctest.h>

#include "cli/help_text.hpp"
#include "cli/test_support.hpp"

using hornet::cli::test::run;
using hornet::cli::test::temp_folder;

namespace {

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("distributed: Locust's defaults")
{
    auto r = run({});
    REQUIRE(r.opts);
    const auto& o = *r.opts;
    CHECK_FALSE(o.master);
    CHECK_FALSE(o.worker);
    CHECK(o.master_bind_host == "*");
    CHECK(o.master_bind_port == 5557);
    CHECK(o.expect_workers == 1);
    CHECK(o.expect_workers_max_wait == 0);
    CHECK(o.master_host == "127.0.0.1");
    CHECK(o.master_port == 5557);
}

TEST_CASE("distributed: command-line options")
{
    auto m = run({"--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", "0", "--expect-workers", "4",
                  "--expect-workers-max-wait", "30"});
    REQUIRE_MESSAGE(m.opts, m.message);
    CHECK(m.opts->master);
    CHECK(m.opts->master_bind_host == "127.0.0.1");
    CHECK(m.opts->master_bind_port == 0);
    CHECK(m.opts->expect_workers == 4);
    CHECK(m.opts->expect_workers_max_wait == 30);

    auto w = run({"--worker", "--master-host=10.0.0.5", "--master-port", "6000"});
    REQUIRE_MESSAGE(w.opts, w.message);
    CHECK(w.opts->worker);
    CHECK(w.opts->master_host == "10.0.0.5");
    CHECK(w.opts->master_port == 6000);
}

TEST_CASE("distributed: Locust's environment variables, and HORNET_* over them")
{
    auto r = run({}, {"LOCUST_MODE_MASTER=true", "LOCUST_MASTER_BIND_HOST=0.0.0.0", "LOCUST_MASTER_BIND_PORT=7000",
                      "LOCUST_EXPECT_WORKERS=3", "LOCUST_EXPECT_WORKERS_MAX_WAIT=9"});
    REQUIRE_MESSAGE(r.opts, r.message);
    CHECK(r.opts->master);
    CHECK(r.opts->master_bind_host == "0.0.0.0");
    CHECK(r.opts->master_bind_port == 7000);
    CHECK(r.opts->expect_workers == 3);
    CHECK(r.opts->expect_workers_max_wait == 9);

    auto w = run({}, {"LOCUST_MODE_WORKER=1", "LOCUST_MASTER_NODE_HOST=master", "LOCUST_MASTER_NODE_PORT=7001",
                      "HORNET_MASTER_NODE_PORT=7002"});
    REQUIRE_MESSAGE(w.opts, w.message);
    CHECK(w.opts->worker);
    CHECK(w.opts->master_host == "master");
    CHECK(w.opts->master_port == 7002);
}

TEST_CASE("distributed: config file keys")
{
    temp_folder cwd;
    cwd.write("locust.conf", "worker = true\nmaster-host = m.example\nmaster-port = 5600\n");
    auto r = run({}, {}, cwd.path());
    REQUIRE_MESSAGE(r.opts, r.message);
    CHECK(r.opts->worker);
    CHECK(r.opts->master_host == "m.example");
    CHECK(r.opts->master_port == 5600);
}

TEST_CASE("distributed: errors and their exit codes")
{
    auto both = run({"--master", "--worker"});
    CHECK_FALSE(both.opts);
    CHECK(both.exit_code == 255);
    CHECK(contains(both.message, "--master argument cannot be combined with --worker"));

    auto run_time = run({"--worker", "-t", "10s"});
    CHECK_FALSE(run_time.opts);
    CHECK(run_time.exit_code == 1);
    CHECK(contains(run_time.message, "--run-time should be specified on the master node"));
    CHECK(run({"--worker", "-t", "0"}).opts); // 0 = no limit, as Locust's falsy check

    for (auto args : {std::vector<std::string>{"--master-port", "0"},
                      {"--master-port", "65536"},
                      {"--master-bind-port", "-1"},
                      {"--master-bind-port", "x"},
                      {"--expect-workers", "0"},
                      {"--expect-workers-max-wait", "-2"}}) {
        auto r = run(args);
        CAPTURE(args[0]);
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.message, args[0]));
    }
}

TEST_CASE("distributed: --help has master and worker groups")
{
    std::string help = hornet::cli::help_text();
    CHECK(contains(help, "Master options (distributed test):"));
    CHECK(contains(help, "Worker options:"));
    CHECK(contains(help, "LOCUST_MODE_MASTER"));
    CHECK(contains(help, "LOCUST_MASTER_NODE_PORT"));
    CHECK(help.find("Master options") < help.find("Worker options"));
    CHECK(help.find("Worker options") < help.find("Statistics and reports"));
}

TEST_CASE("distributed: --master-timeout is Hornet's own (HORNET_MASTER_TIMEOUT)")
{
    auto d = run({});
    REQUIRE(d.opts);
    CHECK(d.opts->master_timeout == 60.0);
    auto r = run({"--worker", "--master-timeout", "2.5"});
    REQUIRE_MESSAGE(r.opts, r.message);
    CHECK(r.opts->master_timeout == 2.5);
    auto e = run({}, {"HORNET_MASTER_TIMEOUT=7", "LOCUST_MASTER_TIMEOUT=9"});
    REQUIRE_MESSAGE(e.opts, e.message);
    CHECK(e.opts->master_timeout == 7.0);
    auto bad = run({"--master-timeout", "0"});
    CHECK_FALSE(bad.opts);
    CHECK(bad.exit_code == 2);
}
