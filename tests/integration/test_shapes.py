"""Load shapes against the demo target: a scenario's "stages", --shape FILE, step load, through a
master too. Users are read from the history CSV at rows away from the stage boundaries (one row a
second), with a tolerance of one user; no other timing is asserted."""
import json
import os

import jsonschema

from conftest import SOURCE_DIR, hornet, read_csv
from test_distributed_master import cluster, log_of  # noqa: F401 (cluster is a fixture)

SCENARIO_USERS = """"users": [{"name": "Paced", "wait_time": {"constant": 0.2}, "tasks": [{"get": "/"}]}]"""
THREE_STAGES = """[{"duration": "5s", "users": 2, "spawn_rate": 100},
                   {"duration": 5, "users": 6, "spawn_rate": 100},
                   {"duration": "5s", "users": 3, "spawn_rate": 100}]"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def history_users(prefix):
    """The user count of each history row, the first row being the first tick (about 1 s in)."""
    rows = read_csv(prefix + "_stats_history.csv")[1:]
    return [int(row[1]) for row in rows]


def assert_users_follow(users, expected_by_row):
    """Row i (1-based) is written about i seconds into the test; each expected row is 2 s or more
    from a stage boundary."""
    for row, expected in expected_by_row.items():
        assert len(users) >= row, users
        assert abs(users[row - 1] - expected) <= 1, (row, expected, users)


def test_scenario_stages_drive_the_users_and_end_the_test(target, tmp_path):
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + ', "stages": ' + THREE_STAGES + "}")
    prefix = str(tmp_path / "run")
    report = str(tmp_path / "run.json")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "--csv", prefix, "--json", report, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    # Each change is logged like Locust's shape loop, and the last stage's end stops the test.
    for text in ["Shape test updating to 2 users at 100.00 spawn rate",
                 "Shape test updating to 6 users at 100.00 spawn rate",
                 "Shape test updating to 3 users at 100.00 spawn rate", "Shape test stopping",
                 "Shutting down (exit code 0)"]:
        assert text in r.stderr, text
    assert "--run-time limit reached" not in r.stderr
    assert "Stage 1/3: 2 users at 100.00/s for 5s (" in r.stderr  # the line above the periodic table
    assert "Stage 2/3: 6 users at 100.00/s for 5s (" in r.stderr
    users = history_users(prefix)
    assert_users_follow(users, {2: 2, 3: 2, 7: 6, 8: 6, 12: 3, 13: 3})
    assert len(users) <= 20  # it stopped by itself about 15 s in

    with open(os.path.join(SOURCE_DIR, "docs", "report.schema.json")) as f:
        schema = json.load(f)
    with open(report) as f:
        doc = json.load(f)
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["parameters"]["stages"] == [
        {"duration_s": 5, "users": 2, "spawn_rate": 100},
        {"duration_s": 5, "users": 6, "spawn_rate": 100},
        {"duration_s": 5, "users": 3, "spawn_rate": 100}]
    assert doc["parameters"]["users"] == 6  # the plan's peak
    assert doc["verdict"]["passed"]


def test_run_time_ends_a_shape_earlier(target, tmp_path):
    shape = write(tmp_path, "shape.json", THREE_STAGES)
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + "}")
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "--shape", shape, "-t", "4s", "--csv", prefix,
               timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "--run-time limit reached" in r.stderr
    assert "Shape test stopping" not in r.stderr
    assert "Shape test updating to 6 users" not in r.stderr
    assert len(history_users(prefix)) <= 7


def test_shape_file_replaces_the_scenarios_stages_and_warns_about_u(target, tmp_path):
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + ', "stages": [{"duration": 60, "users": 9}]}')
    shape = write(tmp_path, "shape.json", '{"stages": [{"duration": "3s", "users": 2}]}')
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "--shape", shape, "-u", "50", "-r", "20", "--csv",
               prefix, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"--shape {shape} replaces the stages of the scenario" in r.stderr
    assert "-u/--users is ignored: the load shape's stages set the users" in r.stderr
    # -r is the spawn rate of a stage that sets none, so it is not ignored.
    assert "Shape test updating to 2 users at 20.00 spawn rate" in r.stderr
    assert "-r/--spawn-rate is ignored" not in r.stderr
    assert "9 users" not in r.stderr
    assert max(history_users(prefix)) <= 3


def test_a_bad_stage_fails_at_its_line(target, tmp_path):
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + """,
  "stages": [
    {"duration": "5s", "users": 2},
    {"duration": "5s", "users": 6, "spawn_rate": 0}
  ]}""")
    r = hornet("-f", scenario, "-H", target.url, "--headless", timeout=30)
    assert r.returncode == 1, r.stderr[-3000:]
    assert f"{scenario}:4:50: at /stages/1/spawn_rate: expected a spawn rate in users/s > 0, got 0" in r.stderr

    shape = write(tmp_path, "shape.json", '[{"duration": 5, "users": 2},\n {"duration": 5, "rate": 3}]')
    r = hornet("-H", target.url, "--headless", "--shape", shape, timeout=30)
    assert r.returncode == 1, r.stderr[-3000:]
    assert f"{shape}:2:2: at /1: stage 2 is open-model" in r.stderr
    r = hornet("-H", target.url, "--headless", "--shape", str(tmp_path / "missing.json"), timeout=30)
    assert r.returncode == 1
    assert "cannot open the shape file" in r.stderr


def test_step_load_adds_users_every_step_up_to_u(target, tmp_path):
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + "}")
    prefix = str(tmp_path / "run")
    report = str(tmp_path / "run.json")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "6", "-r", "100", "--step-users", "2",
               "--step-time", "5s", "-t", "14s", "--csv", prefix, "--json", report, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "-u/--users is ignored" not in r.stderr  # -u is step load's maximum
    assert "Shape test updating to 4 users at 100.00 spawn rate" in r.stderr
    # The console prints every 2 s; the top step starts at 10 s.
    assert "Stage 3/3: 6 users at 100.00/s, holding until the test is stopped" in r.stderr
    assert "--run-time limit reached" in r.stderr  # the top step holds until -t
    users = history_users(prefix)
    assert_users_follow(users, {2: 2, 3: 2, 7: 4, 8: 4, 12: 6, 13: 6})
    with open(report) as f:
        stages = json.load(f)["parameters"]["stages"]
    assert stages == [{"duration_s": 5, "users": 2, "spawn_rate": 100}, {"duration_s": 5, "users": 4, "spawn_rate": 100},
                      {"duration_s": None, "users": 6, "spawn_rate": 100}]


def test_a_master_follows_the_shape_with_its_workers(target, cluster, tmp_path):
    scenario = write(tmp_path, "s.json", "{" + SCENARIO_USERS + "}")
    shape = write(tmp_path, "shape.json", """[{"duration": 4, "users": 2, "spawn_rate": 100},
                                              {"duration": 4, "users": 4, "spawn_rate": 100}]""")
    prefix = str(tmp_path / "run")
    master = cluster.master("-f", scenario, "--expect-workers", "1", "--shape", shape, "-H", target.url, "--csv",
                            prefix)
    cluster.hornet_worker("w0", "-f", scenario, "-H", target.url)
    assert cluster.wait(master, timeout=60) == 0, log_of(master)[-3000:]
    log = log_of(master)
    assert "Shape test updating to 2 users at 100.00 spawn rate" in log
    assert "Shape test updating to 4 users at 100.00 spawn rate" in log
    assert "Shape test stopping" in log
    # A worker reports its users with its stats every few seconds: only the peak is checked.
    assert 3 <= max(history_users(prefix)) <= 5
