"""The example scenarios in scenarios/ run against the demo target, and the target saw what they claim.

Each test runs twice: the JSON file (scenarios/NAME.json) and its C++ twin built into hornet
(scenarios/NAME_cpp.cpp, run as -f NAME_cpp), with the same assertions.
"""
import os

import pytest

from conftest import SOURCE_DIR, hornet, read_csv

SCENARIOS = os.path.join(SOURCE_DIR, "scenarios")
EXAMPLES = ("service", "users_api", "counter", "auth_profile", "steady_service")


@pytest.fixture(params=["json", "cpp"])
def kind(request):
    """How the example is given to -f: its JSON file, or the name of its C++ built-in."""
    return request.param


def scenario_arg(kind, name):
    return os.path.join(SCENARIOS, name + ".json") if kind == "json" else name + "_cpp"


def run_example(target, tmp_path, kind, name, users=5, seconds=4, extra=(), env=None, host=True):
    prefix = str(tmp_path / name)
    args = ["-f", scenario_arg(kind, name), "--headless", "-u", str(users), "-r", str(users),
            "-t", f"{seconds}s", "--csv", prefix, *extra]
    if host:
        args += ["-H", target.url]
    r = hornet(*args, env=env)
    rows = {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}
    return r, rows


def count(rows, method, name):
    return int(rows[(method, name)][2]) if (method, name) in rows else 0


def failures(rows, method, name):
    return int(rows[(method, name)][3]) if (method, name) in rows else 0


def test_service_polls_state_metrics_health(target, tmp_path, kind):
    r, rows = run_example(target, tmp_path, kind, "service", users=10)
    assert r.returncode == 0, r.stderr[-2000:]
    seen = target.counts()["routes"]
    for path in ("/state", "/metrics", "/health"):
        n = count(rows, "GET", path)
        assert n > 0
        # Requests cut off by the end of the run reach the target but are not recorded.
        assert n <= seen[f"GET {path}"] <= n + 10
    assert int(rows[("", "Aggregated")][3]) == 0


def test_users_api_creates_reads_back_and_expects_404(target, tmp_path, kind):
    r, rows = run_example(target, tmp_path, kind, "users_api", users=8, seconds=5)
    assert r.returncode == 0, r.stderr[-2000:]
    seen = target.counts()
    created = count(rows, "POST", "/api/users/")
    assert created > 0 and failures(rows, "POST", "/api/users/") == 0
    assert created <= seen["users_created"] <= created + 8
    # Each read-back used the id its POST returned and found the same dni (checked in the scenario).
    read_back = count(rows, "GET", "/api/users/[id]")
    assert 0 < read_back <= created and failures(rows, "GET", "/api/users/[id]") == 0
    assert seen["routes"]["GET /api/users/{id}"] >= read_back
    missing = count(rows, "GET", "/api/users/[missing]")
    assert missing > 0 and failures(rows, "GET", "/api/users/[missing]") == 0  # 404 expected = success
    assert seen["status"]["404"] >= missing
    assert count(rows, "GET", "/api/users") > 0


def test_counter_increments_once_per_request(target, tmp_path, kind):
    before = target.get_json("/state")["counter"]
    r, rows = run_example(target, tmp_path, kind, "counter", users=4, seconds=3)
    assert r.returncode == 0, r.stderr[-2000:]
    n = count(rows, "GET", "/")
    after = target.get_json("/state")["counter"]
    assert n >= 4  # constant(1) wait: every user made about 3 requests
    assert n <= after - before <= n + 4


def test_profiles_are_private(target, tmp_path, kind):
    r, rows = run_example(target, tmp_path, kind, "auth_profile", users=6, seconds=6)
    assert r.returncode == 0, r.stderr[-2000:]
    seen = target.counts()
    # on_start registered two accounts per user and logged both in.
    assert count(rows, "POST", "/register") == 6 and count(rows, "POST", "/register (second account)") == 6
    assert count(rows, "POST", "/login (second account)") == 6
    forbidden = count(rows, "GET", "/profile/[username] (other account)")
    # on_start reads the first profile with the second account's token once per user, then a task does now and then
    assert forbidden >= 6 and failures(rows, "GET", "/profile/[username] (other account)") == 0
    assert forbidden <= seen["forbidden"] <= forbidden + 6
    updates = count(rows, "PUT", "/profile/[username]")
    assert updates > 0 and failures(rows, "PUT", "/profile/[username]") == 0
    assert updates <= seen["profile_updates"] <= updates + 6
    assert count(rows, "GET", "/profile/[username]") > 0
    assert int(rows[("", "Aggregated")][3]) == 0


def test_steady_service_takes_its_host_from_the_environment(target, tmp_path, kind):
    r, rows = run_example(target, tmp_path, kind, "steady_service", users=5, seconds=6, host=False,
                          env={"TARGET_HOST": target.url})
    assert r.returncode == 0, r.stderr[-2000:]
    total = int(rows[("", "Aggregated")][2])
    # constant_throughput(1) per user: about 5 tasks/s; a task makes 1-3 requests.
    assert 10 <= total <= 5 * 7 * 3
    assert target.counts()["total"] >= total
    assert int(rows[("", "Aggregated")][3]) == 0
    assert count(rows, "GET", "/api/users/[missing]") + count(rows, "GET", "/health") > 0


@pytest.mark.parametrize("name", EXAMPLES)
def test_cpp_twin_is_built_in_with_the_same_classes(name):
    listed = hornet("--list")
    assert listed.returncode == 0, listed.stderr[-2000:]
    row = next((line for line in listed.stdout.splitlines() if line.split()[:1] == [name + "_cpp"]), None)
    assert row is not None, listed.stdout
    assert "[c++]" in row and f"(C++ version of {name}.json)" in row
    json_classes = hornet("-f", scenario_arg("json", name), "--list")
    cpp_classes = hornet("-f", scenario_arg("cpp", name), "--list")
    assert json_classes.returncode == 0 and cpp_classes.returncode == 0, cpp_classes.stderr[-2000:]
    assert cpp_classes.stdout.split() == json_classes.stdout.split() != []
