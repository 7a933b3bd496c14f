"""Headless runs of the real binary against the demo target: console, CSV files, counts, exit codes."""
import os
import signal
import subprocess
import time

from conftest import BINARY, hornet, raw, read_csv

STATS_HEADER = ("Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
                "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
                "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%")
HISTORY_HEADER = ("Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
                  "99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
                  "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
                  "Total Average Content Size")
CONSOLE_HEADER = ("Type     Name" + " " * 74 + "# reqs      # fails |    Avg     Min     Max    Med |"
                  "   req/s  failures/s")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_quick_mode_runs_and_writes_locust_csv(target, tmp_path):
    prefix = str(tmp_path / "out" / "run")  # folder does not exist: hornet creates it
    r = hornet("-H", target.url + "/", "--headless", "-u", "10", "-r", "10", "-t", "4s", "--csv", prefix)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout == ""  # like Locust, everything goes to stderr
    assert "Ramping to 10 users at a rate of 10.00 per second" in r.stderr
    assert 'All users spawned: {"QuickUser": 10} (10 total users)' in r.stderr
    assert CONSOLE_HEADER in r.stderr
    assert "Response time percentiles (approximated)" in r.stderr
    assert "Shutting down (exit code 0)" in r.stderr

    for suffix, header in [("_stats.csv", STATS_HEADER), ("_stats_history.csv", HISTORY_HEADER),
                           ("_failures.csv", "Method,Name,Error,Occurrences"),
                           ("_exceptions.csv", "Count,Message,Traceback,Nodes")]:
        assert raw(prefix + suffix).startswith((header + "\r\n").encode()), suffix

    rows = read_csv(prefix + "_stats.csv")
    assert [row[:2] for row in rows[1:]] == [["GET", "/"], ["", "Aggregated"]]
    hornet_count = int(rows[1][2])
    assert int(rows[2][2]) == hornet_count
    assert rows[1][3] == "0"
    served = target.counts()["routes"].get("GET /", 0)
    # Requests cut off by the stop are not recorded by hornet but may have reached the target.
    assert hornet_count > 100
    assert hornet_count <= served <= hornet_count + 10
    history = read_csv(prefix + "_stats_history.csv")
    assert len(history) >= 3  # one row a second, written to the end (2.12 loses these)
    assert all(row[3] == "Aggregated" for row in history[1:])


def test_scenario_weights_and_counts_match_the_target(target, tmp_path):
    scenario = write(tmp_path, "s.json", """{
      "users": [{"name": "Service", "wait_time": {"constant": 0.01},
                 "tasks": [{"weight": 3, "get": "/health"}, {"weight": 1, "get": "/state"},
                           {"weight": 1, "name": "/api/users/[id]", "get": "/api/users/999999"}]}]}""")
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "5", "-r", "5", "-t", "3s", "--csv", prefix)
    rows = {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}
    counts = target.counts()["routes"]
    health, state = int(rows[("GET", "/health")][2]), int(rows[("GET", "/state")][2])
    missing = rows[("GET", "/api/users/[id]")]
    assert health + state + int(missing[2]) == int(rows[("", "Aggregated")][2])
    assert health <= counts["GET /health"] <= health + 5
    assert state <= counts["GET /state"] <= state + 5
    assert 2.0 < health / state < 4.5  # weights 3:1
    assert missing[3] == missing[2]  # every GET of a missing id is a 404 failure
    assert r.returncode == 1  # failures -> exit code 1 (Locust's default --exit-code-on-error)
    failures = read_csv(prefix + "_failures.csv")
    assert failures[1][0:2] == ["GET", "/api/users/[id]"]
    assert "404" in failures[1][2]
    assert int(failures[1][3]) == int(missing[2])
    assert "Error report" in r.stderr


def test_exit_code_on_error_is_configurable(target, tmp_path):
    r = hornet("-H", target.url + "/status/500", "--headless", "-u", "1", "-t", "1s", "--exit-code-on-error", "3")
    assert r.returncode == 3
    assert "500" in r.stderr


def test_percentiles_are_close_to_the_real_latency(target, tmp_path):
    scenario = write(tmp_path, "slow.json", """{"users": [{"name": "Slow", "tasks": [
        {"get": "/slow?ms=50", "name": "fifty"}, {"get": "/slow?ms=200", "name": "two-hundred"}]}]}""")
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "4", "-r", "4", "-t", "3s", "--csv", prefix)
    assert r.returncode == 0, r.stderr[-2000:]
    rows = {row[1]: row for row in read_csv(prefix + "_stats.csv")[1:]}
    for name, ms in [("fifty", 50), ("two-hundred", 200)]:
        row = rows[name]
        percentiles = [int(x) for x in row[11:22]]
        assert percentiles == sorted(percentiles)
        assert ms <= percentiles[0] <= ms * 1.2 + 5, row  # p50
        assert ms <= float(row[6]) <= float(row[7])  # min <= max
        assert ms <= float(row[5]) <= ms * 1.2 + 5  # average


def test_sigterm_stops_and_still_reports(target, tmp_path):
    prefix = str(tmp_path / "run")
    proc = subprocess.Popen([BINARY, "-H", target.url, "--headless", "-u", "5", "-r", "5", "--csv", prefix],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err[-2000:]
    assert "No run time limit set, use CTRL+C to interrupt" in err
    assert "Got SIGTERM signal" in err
    assert "Response time percentiles (approximated)" in err
    rows = read_csv(prefix + "_stats.csv")
    assert int(rows[-1][2]) > 0


def test_stop_timeout_lets_running_tasks_finish(target, tmp_path):
    scenario = write(tmp_path, "s.json", """{"users": [{"name": "Slow", "tasks": [{"get": "/slow?ms=1500"}]}]}""")
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "3", "-r", "3", "-t", "2s", "-s", "5",
               "--csv", prefix)
    assert r.returncode == 0, r.stderr[-2000:]
    recorded = int(read_csv(prefix + "_stats.csv")[1][2])
    # Every request the target started was allowed to finish and was recorded.
    assert recorded == target.counts()["routes"]["GET /slow"]


def test_request_timeout_from_the_command_line_and_from_a_class(target, tmp_path):
    prefix = str(tmp_path / "run")
    r = hornet("-H", target.url + "/slow?ms=3000", "--headless", "-u", "2", "-r", "2", "-t", "2s",
               "--request-timeout", "0.5", "--csv", prefix)
    assert r.returncode == 1, r.stderr[-2000:]
    failures = read_csv(prefix + "_failures.csv")
    assert failures[1][2] == "TimeoutError('request timed out after 0.5 s')"
    assert int(failures[1][3]) >= 4  # each user: a 0.5 s timeout, again and again
    scenario = write(tmp_path, "s.json", """{"users": [{"name": "Impatient", "request_timeout": 0.25,
        "tasks": [{"get": "/slow?ms=3000", "name": "/slow"}]}]}""")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "1", "-r", "1", "-t", "2s",
               "--request-timeout", "30", "--csv", prefix)
    assert r.returncode == 1
    assert read_csv(prefix + "_failures.csv")[1][2] == "TimeoutError('request timed out after 0.25 s')"


def test_unreachable_host_is_a_failure_not_a_crash(tmp_path):
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    prefix = str(tmp_path / "run")
    r = hornet("-H", f"http://127.0.0.1:{port}/", "--headless", "-u", "2", "-t", "1s", "--csv", prefix)
    # Not Locust's 1: no request reached the target, so the test could not run (README, exit codes).
    assert r.returncode == 4, r.stderr[-2000:]
    assert "The test could not run: no request reached the target" in r.stderr
    failures = read_csv(prefix + "_failures.csv")
    assert "ConnectionRefusedError" in failures[1][2]


def test_bad_input_gives_one_clear_line(tmp_path):
    r = hornet("--no-such-option")
    assert r.returncode == 2 and "--no-such-option" in r.stderr and "Traceback" not in r.stderr
    r = hornet("-H", "http://127.0.0.1:1", "--headless", "-t", "5x")
    assert r.returncode == 1 and "Valid --run-time formats are" in r.stderr
    r = hornet("-f", str(tmp_path / "missing.json"), "--headless")
    assert r.returncode == 1 and "missing.json" in r.stderr and "cannot open" in r.stderr
    broken = write(tmp_path, "broken.json", '{"users": [\n  {"name": "A" "tasks": []}\n]}')
    r = hornet("-f", broken, "--headless")
    assert r.returncode == 1
    assert f"{broken}:2:16: invalid JSON" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = hornet("--headless", "-u", "1", cwd=str(tmp_path))
    assert r.returncode == 1 and "-H" in r.stderr


def test_help_and_version():
    r = hornet("--help")
    assert r.returncode == 0 and "--spawn-rate" in r.stdout and "LOCUST_USERS" in r.stdout
    r = hornet("--version")
    assert r.returncode == 0 and r.stdout.startswith("hornet ")


def test_csv_headers_match_real_locust(target, tmp_path):
    """Runs Debian's Locust 2.12 against the same target and compares the CSV header lines byte for byte."""
    locustfile = write(tmp_path, "locustfile.py", "from locust import HttpUser, task\n"
                       "class QuickUser(HttpUser):\n    @task\n    def index(self):\n        self.client.get('/')\n")
    locust_prefix = str(tmp_path / "locust")
    proc = subprocess.run(["/usr/bin/python3", "-m", "locust", "-f", locustfile, "--headless", "-u", "1", "-t", "2s",
                           "-H", target.url, "--csv", locust_prefix], capture_output=True, text=True, timeout=60,
                          cwd=str(tmp_path))
    assert os.path.exists(locust_prefix + "_stats.csv"), proc.stderr[-2000:]
    hornet_prefix = str(tmp_path / "hornet")
    r = hornet("-H", target.url, "--headless", "-u", "1", "-t", "2s", "--csv", hornet_prefix)
    assert r.returncode == 0
    for suffix in ["_stats.csv", "_stats_history.csv", "_failures.csv", "_exceptions.csv"]:
        theirs = raw(locust_prefix + suffix).split(b"\r\n")[0]
        ours = raw(hornet_prefix + suffix).split(b"\r\n")[0]
        assert ours == theirs, suffix
    # Same row layout: same number of columns, same Type/Name cells.
    theirs = read_csv(locust_prefix + "_stats.csv")
    ours = read_csv(hornet_prefix + "_stats.csv")
    assert [row[:2] for row in ours] == [row[:2] for row in theirs]
    assert [len(row) for row in ours] == [len(row) for row in theirs]


def test_spawn_rate_paces_the_ramp_like_locust(target, tmp_path):
    # -u 6 -r 2: Locust adds 2 users per second, so all are spawned after about 2 s.
    prefix = str(tmp_path / "run")
    r = hornet("-H", target.url, "--headless", "-u", "6", "-r", "2", "-t", "5s", "--csv", prefix)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stderr.splitlines()

    def stamp(text):
        line = next(l for l in lines if text in l)
        hms, ms = line[12:20], line[21:24]
        h, m, s = map(int, hms.split(":"))
        return h * 3600 + m * 60 + s + int(ms) / 1000

    assert stamp("All users spawned") - stamp("Ramping to 6 users") >= 1.9
    # The last row is written after the stop (0 users); the rows before show the ramp.
    users = [int(row[1]) for row in read_csv(prefix + "_stats_history.csv")[1:-1]]
    assert users == sorted(users)  # only ever ramps up
    assert users[0] in (2, 4) and users[-1] == 6


def test_logfile_takes_log_lines_and_tables_stay_on_stderr(target, tmp_path):
    log = tmp_path / "hornet.log"
    r = hornet("-H", target.url, "--headless", "-u", "1", "-t", "1s", "--logfile", str(log))
    assert r.returncode == 0
    text = log.read_text()
    assert "/INFO/hornet.main: Starting Hornet" in text
    assert "Starting Hornet" not in r.stderr
    assert "Response time percentiles (approximated)" in r.stderr  # as Locust: tables on stderr


def test_config_file_and_environment_drive_a_real_run(target, tmp_path):
    (tmp_path / "locust.conf").write_text(f"host = {target.url}\nheadless = true\nusers = 3\nrun-time = 1s\n")
    r = hornet(cwd=str(tmp_path), env={"LOCUST_USERS": "4", "HORNET_SPAWN_RATE": "4"})
    assert r.returncode == 0, r.stderr[-2000:]
    # locust.conf gave users = 3; LOCUST_USERS wins over it, as in Locust.
    assert "Ramping to 4 users at a rate of 4.00 per second" in r.stderr
    assert "Run time limit set to 1 seconds" in r.stderr
