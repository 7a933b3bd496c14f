"""The open model (--rate): iterations start on a schedule whatever the response times, latencies
are also measured from the intended starts (coordinated omission), late and dropped iterations
are counted, and a master shares one rate over its workers. Real binary, demo target on 127.0.0.1.
Counts are checked with tolerance; nothing asserts on timing."""
import json
import signal
import subprocess
import time

import pytest

from cluster import ClusterBase, log_of
from conftest import BINARY, hornet, read_csv


def load(path):
    with open(path) as f:
        return json.load(f)


def total(report):
    return report["total"]


def percentile(row, p, key="percentiles"):
    return next(x["ms"] for x in row[key] if x["percent"] == p)


def test_rate_holds_the_count_over_20_seconds(target, tmp_path):
    prefix = str(tmp_path / "run")
    report = tmp_path / "run.json"
    run = hornet("-H", target.url + "/", "--headless", "--rate", "10", "-t", "20s", "--csv", prefix,
                 "--json", str(report), "--check", "dropped<1", timeout=90)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Starting 10.00 iterations per second (constant arrivals) with a pool of up to 1000 users" in run.stderr
    data = load(report)
    requests = total(data)["requests"]
    # 20 s at 10/s: 200 starts (the one due at the very end may or may not make it).
    assert 195 <= requests <= 205, requests
    assert data["parameters"]["rate"] == 10
    assert data["iterations"]["dropped"] == 0
    assert abs(data["iterations"]["started"] - requests) <= 2
    # Every request has its corrected time; with free users, it is the raw one plus scheduling.
    assert total(data)["corrected_percentiles"]
    assert "Iterations: " in run.stderr and " dropped" in run.stderr
    assert "Response time percentiles, corrected for coordinated omission" in run.stderr
    corrected = read_csv(prefix + "_corrected_stats.csv")
    assert corrected[0] == read_csv(prefix + "_stats.csv")[0]
    assert int(corrected[-1][2]) == requests


def test_a_stall_shows_in_the_corrected_percentiles_not_in_the_raw_ones(target, tmp_path):
    # One user at 20/s: the 40th request stalls 1 s, so ~20 starts wait for the user and begin late.
    report = tmp_path / "run.json"
    run = hornet("-H", target.url + "/stall?at=40&ms=1000", "--headless", "--rate", "20", "--max-users", "1",
                 "-t", "8s", "--json", str(report), timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    data = load(report)
    row = total(data)
    assert row["requests"] > 100
    assert row["max_ms"] >= 1000  # the stalled request itself
    assert percentile(row, 99) < 500  # one slow request in 150 does not reach the raw p99
    assert percentile(row, 99, "corrected_percentiles") >= 800  # the starts that waited behind it do
    assert data["iterations"]["late"] >= 5
    assert data["iterations"]["dropped"] == 0


def test_a_start_that_waits_too_long_is_dropped(target, tmp_path):
    report = tmp_path / "run.json"
    run = hornet("-H", target.url + "/stall?at=5&ms=3000", "--headless", "--rate", "10", "--max-users", "1",
                 "--drop-after", "1", "-t", "6s", "--json", str(report), "--check", "dropped<1%", timeout=60)
    # The threshold on dropped iterations fails the run.
    assert run.returncode == 3, run.stderr[-3000:]
    assert [t["passed"] for t in load(report)["thresholds"]] == [False]
    data = load(report)
    # A 3 s stall at 10/s with one user: starts older than 1 s are given up.
    assert data["iterations"]["dropped"] >= 10
    assert data["iterations"]["started"] + data["iterations"]["dropped"] >= 50


def test_poisson_arrivals_and_fractional_rates(target, tmp_path):
    report = tmp_path / "run.json"
    run = hornet("-H", target.url + "/", "--headless", "--rate", "0.5", "-t", "9s", "--json", str(report),
                 timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    assert 4 <= total(load(report))["requests"] <= 6  # one every 2 s
    run = hornet("-H", target.url + "/", "--headless", "--rate", "50", "--arrival", "poisson", "-t", "6s",
                 "--json", str(report), timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "(poisson arrivals)" in run.stderr
    assert 200 <= total(load(report))["requests"] <= 400  # 300 expected, sd ~17


def test_scenario_classes_with_their_own_rates(target, tmp_path):
    scenario = tmp_path / "rates.json"
    scenario.write_text(json.dumps({"users": [
        {"name": "Reader", "rate": 8, "tasks": [{"get": "/health"}]},
        {"name": "Writer", "rate": 2, "tasks": [{"get": "/state"}]},
    ]}))
    report = tmp_path / "run.json"
    run = hornet("-f", str(scenario), "-H", target.url, "--headless", "-t", "10s", "--json", str(report),
                 timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = {e["name"]: e["requests"] for e in load(report)["endpoints"]}
    assert 76 <= rows["/health"] <= 84, rows
    assert 18 <= rows["/state"] <= 22, rows


def test_a_class_with_a_rate_and_a_wait_time_is_refused_at_its_line(tmp_path):
    scenario = tmp_path / "bad.json"
    scenario.write_text('{"users": [{"name": "A", "rate": 5,\n "wait_time": {"constant": 1}, "tasks": [{"get": "/"}]}]}')
    run = hornet("-f", str(scenario), "-H", "http://127.0.0.1:9", "--headless", "-t", "1s", timeout=30)
    assert run.returncode != 0
    assert "bad.json:2" in run.stderr and "wait_time" in run.stderr


@pytest.mark.parametrize("args,text", [
    (["--rate", "0"], "must be > 0"),
    (["--rate", "fast"], "invalid float value"),
    (["--arrival", "bursty"], "invalid choice"),
    (["--max-users", "0"], "must be >= 1"),
])
def test_bad_rate_options_are_usage_errors(args, text):
    run = hornet("-H", "http://127.0.0.1:9", "--headless", "-t", "1s", *args, timeout=30)
    assert run.returncode == 2
    assert text in run.stderr


def test_sigterm_during_a_rate_test_writes_the_reports(target, tmp_path):
    report = tmp_path / "run.json"
    proc = subprocess.Popen([BINARY, "-H", target.url + "/slow?ms=200", "--headless", "--rate", "20",
                             "--stop-timeout", "2", "--json", str(report)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    stopped_in = time.monotonic() - start
    assert proc.returncode == 0, err[-3000:]
    assert stopped_in < 15
    assert "Iterations: " in err
    data = load(report)
    assert total(data)["requests"] >= 40
    assert data["iterations"]["started"] >= 40


class Cluster(ClusterBase):
    def master(self, *args):
        return self.spawn("master", [BINARY, "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port",
                                     str(self.port), "--headless", *args])

    def hornet_worker(self, name, *args):
        return self.spawn(name, [BINARY, "--worker", "--master-host", "127.0.0.1", "--master-port", str(self.port),
                                 *args])


@pytest.fixture
def cluster(tmp_path):
    c = Cluster(tmp_path)
    yield c
    c.close()


def test_a_master_shares_one_rate_over_its_workers(target, cluster, tmp_path):
    report = tmp_path / "run.json"
    master = cluster.master("--expect-workers", "3", "--rate", "15", "-t", "12s", "-H", target.url + "/",
                            "--json", str(report))
    workers = [cluster.hornet_worker(f"w{i}", "-H", target.url + "/") for i in range(3)]
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    assert "Sending a rate of 15.00 iterations per second to 3 workers" in log_of(master)
    data = load(report)
    # 15/s in total over 12 s, not 15/s each (a worker's last report may miss its final second).
    assert 150 <= total(data)["requests"] <= 190, total(data)["requests"]
    assert data["iterations"]["started"] >= 150
    assert total(data)["corrected_percentiles"]
    for w in workers:
        assert cluster.wait(w, timeout=20) == 0


def test_a_master_refuses_a_rate_test_with_locust_workers(target, cluster, tmp_path):
    locustfile = tmp_path / "locustfile.py"
    locustfile.write_text("from locust import FastHttpUser, task\n\nclass QuickUser(FastHttpUser):\n"
                          "    @task\n    def index(self):\n        self.client.get('/')\n")
    master = cluster.master("--expect-workers", "1", "--rate", "5", "-t", "10s", "-H", target.url + "/")
    worker = cluster.spawn("locust", [*cluster.locust(), "-f", str(locustfile), "--worker", "--master-host",
                                      "127.0.0.1", "--master-port", str(cluster.port)])
    code = cluster.wait(master)
    text = log_of(master)
    assert "Locust workers cannot start iterations at a steady rate (--rate)" in text
    assert code == 4, text[-3000:]
    cluster.wait(worker, timeout=30)


def test_rate_stages_follow_the_plan(target, tmp_path):
    shape = tmp_path / "shape.json"
    shape.write_text(json.dumps([{"duration": "6s", "rate": 5}, {"duration": "6s", "rate": 20}]))
    report = tmp_path / "run.json"
    run = hornet("-H", target.url + "/", "--headless", "--shape", str(shape), "--json", str(report), timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Shape test updating to 5.00 iterations/s" in run.stderr
    assert "Shape test updating to 20.00 iterations/s" in run.stderr
    assert "Shape test stopping" in run.stderr
    data = load(report)
    assert [s["rate"] for s in data["parameters"]["stages"]] == [5, 20]
    assert data["parameters"]["rate"] == 20  # the plan's peak
    start = data["start_time"]

    def ended_within(a, b):  # requests of the whole wall-clock seconds inside [start + a, start + b)
        return sum(p["requests"] for p in data["series"] if p["time"] >= start + a and p["time"] + 1 <= start + b)

    # Away from the boundary at 6 s: 5/s, then 20/s.
    assert 13 <= ended_within(1, 5) <= 22, data["series"]
    assert 55 <= ended_within(7, 11) <= 82, data["series"]
    assert 140 <= total(data)["requests"] <= 160
