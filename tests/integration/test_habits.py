"""Locust users' habits against the real binary and the demo target: typed JSON values in
bodies, a failing on_start stopping the user, the default scenario file, -t 30sec, --list and
-L DEBUG."""
import json

from conftest import hornet, read_csv


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def stats_rows(prefix):
    return {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}


TYPED = {
    "users": [{
        "name": "Typed", "wait_time": 0.05,
        "on_start": [{"post": "/echo", "name": "seed",
                      "json": {"obj": {"k": [1, "x"]}, "num": 7, "nul": None, "s": "7"},
                      "extract": {"obj": {"json": "/json/obj"}, "num": {"json": "/json/num"},
                                  "nul": {"json": "/json/nul"}, "s": {"json": "/json/s"}}}],
        "tasks": [
            {"post": "/echo", "name": "typed",
             "json": {"product_id": "{{json:random.int(5, 5)}}", "obj": "{{json:obj}}", "num": "{{ json: num }}",
                      "nul": "{{json:nul}}", "s": "{{json:s}}", "text": "{{random.int(5, 5)}}"},
             # Values other than strings are compared with their JSON type.
             "check": {"json": {"/json/product_id": 5, "/json/obj": {"k": [1, "x"]}, "/json/num": 7,
                                "/json/nul": None},
                       "body_contains": ["\\\"s\\\":\\\"7\\\"", "\\\"text\\\":\\\"5\\\""]}},
            # The same value without json: is a string, which a typed API (here the check) refuses.
            {"post": "/echo", "name": "untyped", "json": {"product_id": "{{random.int(5, 5)}}"},
             "check": {"json": {"/json/product_id": 5}}},
        ],
    }]
}


def test_json_placeholders_send_typed_values(target, tmp_path):
    scenario = write(tmp_path, "typed.json", json.dumps(TYPED))
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "2", "-r", "2", "-t", "2s", "--csv", prefix)
    assert r.returncode == 1, r.stderr[-3000:]  # the untyped requests fail, as a 422 would
    rows = stats_rows(prefix)
    typed, untyped = rows[("POST", "typed")], rows[("POST", "untyped")]
    assert int(typed[2]) > 0 and int(typed[3]) == 0, r.stderr[-3000:]
    assert int(untyped[2]) > 0 and int(untyped[3]) == int(untyped[2])
    failures = read_csv(prefix + "_failures.csv")
    assert any("/json/product_id is \"5\", expected 5" in row[2] for row in failures), failures


def test_a_json_placeholder_inside_a_path_is_a_load_error(tmp_path):
    bad = write(tmp_path, "bad.json", '{"users": [{"name": "A", "tasks": [\n  {"get": "/u/{{json:user.id}}"}]}]}')
    r = hornet("-f", bad, "--list")
    assert r.returncode == 1
    assert f"{bad}:2:15: at /users/0/tasks/0/get: \"{{{{json:user.id}}}}\": {{{{json:…}}}} writes a typed JSON " \
           "value" in r.stderr, r.stderr


def test_a_user_whose_on_start_fails_stops_and_is_not_restarted(target, tmp_path):
    scenario = write(tmp_path, "start.json", json.dumps({"users": [{
        "name": "Login", "wait_time": 0.05,
        "on_start": [{"post": "/login", "json": {"username": "nobody", "password": "x"}, "check": {"status": 200}}],
        "tasks": [{"get": "/health"}], "on_stop": [{"get": "/state"}]}]}))
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "3", "-r", "3", "-t", "2s", "--csv", prefix)
    assert r.returncode == 1, r.stderr[-3000:]
    rows = stats_rows(prefix)
    login = rows[("POST", "/login")]
    assert int(login[2]) == 3 and int(login[3]) == 3  # once per user, each failed
    assert ("GET", "/health") not in rows and ("GET", "/state") not in rows  # no task, no on_stop
    assert r.stderr.count("stopped: on_start failed in user class Login, step at line 1") == 3, r.stderr[-3000:]
    assert "/DEBUG/" not in r.stderr  # INFO is the default level


def test_default_file_is_locustfile_then_hornet_json_and_list_has_locust_heading(tmp_path):
    write(tmp_path, "hornet.json", '{"users": [{"name": "FromJson", "tasks": [{"get": "/"}]}]}')
    r = hornet("--list", cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Available Users:\n    FromJson\n"
    assert "No -f given: loading scenario from hornet.json" in r.stderr

    # locustfile.py comes first, loaded as -f loads it (this one is not a valid scenario).
    write(tmp_path, "locustfile.py", "this is not { a scenario\n")
    r = hornet("--list", cwd=str(tmp_path))
    assert r.returncode == 1
    assert "No -f given: loading scenario from locustfile.py" in r.stderr
    assert "error: locustfile.py:" in r.stderr, r.stderr


def test_quick_mode_says_so_accepts_30sec_and_prints_debug_lines(target, tmp_path):
    r = hornet("-H", target.url + "/health", "--headless", "-u", "1", "-r", "1", "-t", "1sec", "-L", "DEBUG",
               cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr[-3000:]
    assert "quick mode, every user GETs " + target.url + "/health" in r.stderr
    assert "Run time limit set to 1 seconds" in r.stderr
    for line in ["/DEBUG/hornet.runners: Starting user 1 of class QuickUser", "/DEBUG/hornet.runners: 1 users spawned",
                 "/DEBUG/hornet.http: Starting new HTTP connection to 127.0.0.1:",
                 "/DEBUG/hornet.runners: Stopping all users"]:
        assert line in r.stderr, line + "\n" + r.stderr[-3000:]

    r = hornet("-H", target.url, "--headless", "-t", "1.5m", cwd=str(tmp_path))
    assert r.returncode == 1
    assert "Valid --run-time formats are" in r.stderr
