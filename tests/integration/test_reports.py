"""Report files (--json) and the verdict's "could not run" code, from real runs against the demo target."""
import json
import os
import socket
import threading

import jsonschema

from conftest import SOURCE_DIR, hornet, read_csv
from test_distributed_master import write

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
    assert any(p["p50_ms"] >= 19 for p in series)


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


def test_a_report_path_that_cannot_be_written_stops_before_the_test(target, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = hornet("-H", target.url, "--headless", "-u", "1", "-t", "30s", "--json", str(blocker / "run.json"))
    assert r.returncode == 2
    assert str(blocker) in r.stderr
    assert "Ramping" not in r.stderr
