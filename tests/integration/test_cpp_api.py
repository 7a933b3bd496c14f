"""C++ scenarios: the built-in product search, and a plugin built out of tree with
hornet_add_scenario and loaded with -f, each run against the demo target."""
import os
import re
import shutil
import subprocess

import pytest

from conftest import SOURCE_DIR, hornet, read_csv

CMAKE = shutil.which("cmake")


def stats_rows(prefix):
    return {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}


def test_list_without_f_shows_builtin_scenarios():
    r = hornet("--list")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    search = next(i for i, line in enumerate(lines) if line.strip().startswith("product_search"))
    assert "[c++]" in lines[search]
    assert "Shopper" in lines[search + 1]
    assert any(line.strip().startswith("service") and "[json]" in line for line in lines)


def test_list_with_builtin_name_shows_its_classes():
    r = hornet("-f", "product_search", "--list")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Available Users:\n    Shopper\n"  # Locust 2.12's shape


def test_product_search_refines_while_more_than_ten_results(target, tmp_path):
    prefix = str(tmp_path / "run")
    # A stop timeout lets each search chain finish: every search the target saw is recorded.
    r = hornet("-f", "product_search", "-H", target.url, "--headless", "-u", "4", "-r", "4", "-t", "4s",
               "-s", "10", "--csv", prefix, "--loglevel", "DEBUG")
    assert r.returncode == 0, r.stderr[-3000:]
    rows = stats_rows(prefix)
    first = int(rows[("GET", "/products/search")][2])
    refine = int(rows[("GET", "/products/search [refine]")][2])
    assert rows[("GET", "/products/search")][3] == "0"
    assert rows[("GET", "/products/search [refine]")][3] == "0"
    counts = target.counts()
    # What the target served is exactly what the users recorded.
    assert counts["searches"] == first + refine
    assert counts["routes"]["GET /products/search"] == first + refine
    assert first >= 4
    # Every first word matches far more than 10 of the 5000 products: each chain refines at
    # least once, and a chain never goes beyond 20 rounds.
    assert refine >= first
    assert refine <= 19 * first
    assert "searched" in r.stderr  # on_stop ran and logged the per-user state


PLUGIN_SOURCE = r"""
// A users-API scenario as a plugin: create a user, read it back by the id the POST returned.
#include <hornet/hornet.hpp>

#include <string>

class api_user : public hornet::user
{
public:
    hornet::task<> on_start() override
    {
        // The generators run in the binary, through the user context's vtable.
        nlohmann::json body{{"dni", random_digits(8)}, {"name", random_name()}, {"email", random_email()}};
        auto r = co_await post("/api/users/", {.name = "create", .json = body, .catch_response = true});
        if (r.status() != 201) {
            r.failure("create answered " + std::to_string(r.status()));
            co_return;
        }
        id_ = r.json().at("id").get<long long>();
        r.success();
    }

    hornet::task<> read_back()
    {
        if (id_ < 0) co_return;
        auto r = co_await get("/api/users/" + std::to_string(id_), {.name = "/api/users/[id]", .catch_response = true});
        if (r.json().value("id", -1LL) != id_) r.failure("wrong user");
        co_await sleep(0.01);
    }

    hornet::task<> missing()
    {
        // A 404 here is the expected answer: a success, as Locust's catch_response allows.
        auto r = co_await get("/api/users/999999999", {.name = "/api/users/[missing]", .catch_response = true});
        if (r.status() == 404) r.success();
        else r.failure("expected 404");
    }

private:
    long long id_ = -1;
};

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("plugin test");
    r.add<api_user>("PluginUser")
        .wait(hornet::constant(0.01))
        .task("read_back", &api_user::read_back, 3)
        .task("missing", &api_user::missing);
    return 0;
}
"""

PLUGIN_CMAKE = """cmake_minimum_required(VERSION 3.25)
project(plugin_test CXX)
include({source}/cmake/HornetScenario.cmake)
hornet_add_scenario(api_plugin api_plugin.cpp)
"""


@pytest.fixture(scope="module")
def plugin(tmp_path_factory):
    if CMAKE is None:
        pytest.skip("cmake is not installed")
    src = tmp_path_factory.mktemp("plugin_src")
    (src / "api_plugin.cpp").write_text(PLUGIN_SOURCE)
    (src / "CMakeLists.txt").write_text(PLUGIN_CMAKE.format(source=os.path.abspath(SOURCE_DIR)))
    build = src / "build"
    for cmd in ([CMAKE, "-S", str(src), "-B", str(build)], [CMAKE, "--build", str(build)]):
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    so = build / "api_plugin.so"
    assert so.exists()
    return str(so)


def test_plugin_built_with_cmake_function_runs_against_the_target(plugin, target, tmp_path):
    listed = hornet("-f", plugin, "--list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["Available Users:", "    PluginUser"]

    prefix = str(tmp_path / "run")
    r = hornet("-f", plugin, "-H", target.url, "--headless", "-u", "3", "-r", "3", "-t", "3s", "-s", "5",
               "--csv", prefix)
    assert r.returncode == 0, r.stderr[-3000:]
    rows = stats_rows(prefix)
    assert rows[("POST", "create")][2:4] == ["3", "0"]
    read, missing = rows[("GET", "/api/users/[id]")], rows[("GET", "/api/users/[missing]")]
    assert int(read[2]) > 0 and read[3] == "0"
    assert int(missing[2]) > 0 and missing[3] == "0"  # the 404s were marked successes
    counts = target.counts()
    assert counts["users_created"] == 3
    assert counts["status"]["404"] == int(missing[2])
    assert counts["routes"]["GET /api/users/{id}"] == int(read[2]) + int(missing[2])


def test_plugin_load_errors_are_clear(tmp_path):
    r = hornet("-f", str(tmp_path / "absent.so"), "--list")
    assert r.returncode != 0
    assert "no such plugin file" in r.stderr

    junk = tmp_path / "junk.so"
    junk.write_text("not a shared object")
    r = hornet("-f", str(junk), "--list")
    assert r.returncode != 0
    assert "cannot load plugin" in r.stderr

    # A real shared object without Hornet's entry points, one built for the previous API version
    # (its user_context vtable is not this hornet's), and one for an unknown version.
    gxx = shutil.which("g++")
    if gxx is None:
        pytest.skip("g++ is not installed")
    with open(os.path.join(SOURCE_DIR, "engine", "include", "hornet", "version.hpp")) as f:
        current = int(re.search(r"#define HORNET_API_VERSION (\d+)", f.read()).group(1))
    plugins = [("other.so", "extern \"C\" int something() { return 1; }", "not a Hornet plugin")]
    for name, version in [("previous.so", current - 1), ("future.so", 999)]:
        plugins.append((name, "namespace hornet { class registry; }\n"
                              f"extern \"C\" int hornet_api_version() {{ return {version}; }}\n"
                              "extern \"C\" int hornet_register(hornet::registry&) { return 0; }",
                        f"plugin built for Hornet API version {version}, this hornet has version {current}"))
    for name, code, expected in plugins:
        (tmp_path / (name + ".cpp")).write_text(code)
        subprocess.run([gxx, "-shared", "-fPIC", "-o", str(tmp_path / name), str(tmp_path / (name + ".cpp"))],
                       check=True, timeout=120)
        r = hornet("-f", str(tmp_path / name), "--list")
        assert r.returncode != 0
        assert expected in r.stderr, r.stderr
