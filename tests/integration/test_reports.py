"""Report files (--json) and the verdict's "could not run" code, from real runs against the demo target."""
import json
import os
import socket
import threading

import jsonschema
import pytest

from conftest import SOURCE_DIR, hornet, read_csv
from test_distributed_master import cluster, log_of, write  # noqa: F401 (cluster is a fixture)

SCHEMA = os.path.join(SOURCE_DIR, "docs", "report.schema.json")

MIXED = """{"users": [{"name": "Mixed", "wait_time": {"constant": 0.01}, "tasks": [
    {"get": "/slow?ms=20", "name": "/slow"},
    {"get": "/status/500", "name": "/broken"}]}]}"""


def validate(path):
    with open(SCHEMA) as f:
        schema = json.load(f)
    with open(path) as f:
        doc = json.load(f)
    jsonschema.Draft202012Validator(schema).validate(doc)
    return doc


def test_the_json_report_follows_its_schema_and_agrees_with_the_csv(target, tmp_path):
    scenario = write(tmp_path, "mixed.json", MIXED)
    out = tmp_path / "reports" / "run.json"  # the folder is created
    prefix = str(tmp_path / "run")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "3", "-r", "3", "-t", "4s", "--only-summary",
               "--csv", prefix, "--json", str(out), "--check", "GET /slow: p50>=19ms", "--check", "fail_ratio<1%")
    assert r.returncode == 3, r.stderr[-3000:]
    doc = validate(out)
    assert doc["verdict"] == {"passed": False, "exit_code": 3, "summary": "1 of 2 thresholds failed"}
    assert [(t["row"], t["passed"]) for t in doc["thresholds"]] == [("GET /slow", True), ("Aggregated", False)]
    assert doc["parameters"]["users"] == 3 and doc["parameters"]["run_time_s"] == 4
    assert doc["parameters"]["user_classes"] == ["Mixed"] and doc["parameters"]["mode"] == "standalone"

    # The same numbers as Locust's stats CSV, row for row.
    csv_rows = {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}
    for e in doc["endpoints"] + [doc["total"]]:
        row = csv_rows[(e["method"], e["name"])]
        assert e["requests"] == int(row[2]) and e["failures"] == int(row[3])
    slow = next(e for e in doc["endpoints"] if e["name"] == "/slow")
    broken = next(e for e in doc["endpoints"] if e["name"] == "/broken")
    assert slow["failures_by_kind"] == {}
    assert broken["failures_by_kind"] == {"status": broken["failures"]} and broken["failures"] > 0
    assert 20 <= slow["median_ms"] < 40
    assert [p["percent"] for p in slow["percentiles"]] == [50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100]
    assert slow["percentiles"][-1]["ms"] == slow["max_ms"] or abs(slow["percentiles"][-1]["ms"] - slow["max_ms"]) < 0.01 * slow["max_ms"]
    assert doc["failures"][0]["kind"] == "status" and "500" in doc["failures"][0]["error"]

    # The series covers the run: its intervals add up to every request counted.
    series = doc["series"]
    assert len(series) >= 4
    assert sum(p["requests"] for p in series) == doc["total"]["requests"]
    assert sum(p["failures"] for p in series) == doc["total"]["failures"]
    assert all(p["users"] == 3 for p in series[1:-1])
    assert any(p["p95_ms"] >= 19 for p in series)  # half the requests are /slow?ms=20


class SilentServer:
    """Accepts TCP connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        try:
            while True:
                conn, _ = self.sock.accept()
                self.held.append(conn)
        except OSError:
            pass

    def close(self):
        self.sock.close()
        for c in self.held:
            c.close()


def test_a_target_that_never_answers_could_not_run(tmp_path):
    silent = SilentServer()
    try:
        out = tmp_path / "run.json"
        r = hornet("-H", f"http://127.0.0.1:{silent.port}", "--headless", "-u", "2", "-r", "2", "-t", "2s",
                   "--only-summary", "--json", str(out))
    finally:
        silent.close()
    assert r.returncode == 4, r.stderr[-3000:]
    assert "The test could not run: no request completed" in r.stderr
    doc = validate(out)
    assert doc["verdict"]["exit_code"] == 4 and doc["total"]["requests"] == 0
    assert doc["total"]["percentiles"] == [] and doc["total"]["min_ms"] is None


@pytest.mark.parametrize("flag", ["--json", "--html", "--junit", "--summary-md"])
def test_a_report_path_that_cannot_be_written_stops_before_the_test(target, tmp_path, flag):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = hornet("-H", target.url, "--headless", "-u", "1", "-t", "30s", flag, str(blocker / "report"))
    assert r.returncode == 2
    assert str(blocker) in r.stderr
    assert "Ramping" not in r.stderr


def saved_run(target, tmp_path, name, ms):
    scenario = write(tmp_path, f"{name}.json", """{"users": [{"name": "U", "wait_time": {"constant": 0.01},
        "tasks": [{"get": "/slow?ms=%d", "name": "/slow"}]}]}""" % ms)
    out = tmp_path / f"{name}.run.json"
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "2", "-r", "2", "-t", "3s", "--only-summary",
               "--json", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    return out


def test_compare_finds_a_known_regression_and_passes_a_run_against_itself(target, tmp_path):
    fast = saved_run(target, tmp_path, "fast", 20)
    slow = saved_run(target, tmp_path, "slow", 60)  # p50 of /slow x3; fewer requests per second

    same = hornet("compare", str(fast), str(fast))
    assert same.returncode == 0, same.stderr
    assert "Verdict: OK (no row regressed beyond 10%)" in same.stdout

    worse = hornet("compare", str(fast), str(slow), "--max-regression", "25%")
    assert worse.returncode == 3, worse.stdout + worse.stderr
    lines = {line.split("  ")[0]: line for line in worse.stdout.splitlines()}
    assert lines["GET /slow"].rstrip().endswith("REGRESSED")
    regressed = [line for line in worse.stdout.splitlines() if line.startswith("Regressed: GET /slow: ")][0]
    assert "p50 +" in regressed and "rps -" in regressed
    p50_change = float(regressed.split("p50 +")[1].split("%")[0])
    assert 150 < p50_change < 250  # 20 ms -> 60 ms is +200%
    assert "Verdict: REGRESSED" in worse.stdout

    # The other way round is an improvement.
    better = hornet("compare", str(slow), str(fast), "--max-regression", "25%")
    assert better.returncode == 0, better.stdout


def test_report_and_compare_refuse_what_they_cannot_use(tmp_path):
    r = hornet("compare", "only-one.json")
    assert r.returncode == 2 and "give two run files" in r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "parameters": {}}')
    r = hornet("compare", str(bad), str(bad))
    assert r.returncode == 2 and "is not a Hornet run report: /parameters/hornet_version: missing" in r.stderr
    r = hornet("compare", str(bad), str(bad), "--max-regression", "ten")
    assert r.returncode == 2 and "--max-regression" in r.stderr
    r = hornet("report", str(bad))
    assert r.returncode == 2 and "nothing to write" in r.stderr
    r = hornet("report", str(tmp_path / "missing.json"), "--json", str(tmp_path / "x.json"))
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_report_renders_a_saved_run_again(target, tmp_path):
    first = saved_run(target, tmp_path, "first", 5)
    again = tmp_path / "again" / "run.json"
    r = hornet("report", str(first), "--json", str(again))
    assert r.returncode == 0, r.stderr
    assert again.read_text() == first.read_text()


def test_workers_that_never_come_mean_the_test_could_not_run(cluster, tmp_path):
    out = tmp_path / "run.json"
    master = cluster.master("--expect-workers", "2", "--expect-workers-max-wait", "1", "-u", "2", "-t", "5s",
                            "-H", "http://127.0.0.1:9", "--json", str(out))
    assert cluster.wait(master, timeout=30) == 4, log_of(master)[-3000:]
    assert "Ramping" not in log_of(master)
    doc = validate(out)
    assert doc["verdict"] == {"passed": False, "exit_code": 4,
                              "summary": "could not run: the expected workers never came"}
