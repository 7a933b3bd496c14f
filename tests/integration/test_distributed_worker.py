"""Hornet workers (--worker) under a real Locust 2.12 master (Debian's python3-locust), against the
demo target: the master's CSV shows what the target served, and a killed master ends every worker.
Everything on 127.0.0.1; the master's port is picked free by binding a socket to port 0 first."""
import signal
import time

import pytest

from cluster import ClusterBase, log_of, wait_until
from conftest import BINARY, read_csv

# The master only needs the class names: Locust sends counts per class name, the workers run
# their own scenario.
LOCUSTFILE = """\
from locust import HttpUser, task, constant


class QuickUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def index(self):
        self.client.get("/")
"""

SCENARIO = """{"users": [{"name": "QuickUser", "wait_time": {"constant": 0.05},
  "tasks": [{"weight": 3, "get": "/health"}, {"weight": 1, "get": "/state"}]}]}"""


class Cluster(ClusterBase):
    def __init__(self, tmp_path):
        super().__init__(tmp_path)
        (tmp_path / "locustfile.py").write_text(LOCUSTFILE)
        (tmp_path / "scenario.json").write_text(SCENARIO)

    def locust_master(self, host, *args, versioned=True):
        return self.spawn("master", [*self.locust(versioned), "-f", str(self.tmp / "locustfile.py"),
                                      "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port",
                                      str(self.port), "--headless", "-H", host, *args], cwd=self.tmp)

    def hornet_worker(self, name, *args, quick_mode=False):
        scenario = [] if quick_mode else ["-f", str(self.tmp / "scenario.json")]
        cwd = self.tmp
        if quick_mode:
            # Without -f the locustfile.py here would be the default file, as for Locust: quick
            # mode runs where there is none.
            cwd = self.tmp / "quick"
            cwd.mkdir(exist_ok=True)
        return self.spawn(name, [BINARY, "--worker", "--master-host", "127.0.0.1", "--master-port", str(self.port),
                                  *scenario, "--threads", "1", *args], cwd=cwd)


@pytest.fixture
def cluster(tmp_path):
    c = Cluster(tmp_path)
    yield c
    c.close()


@pytest.mark.parametrize("versioned", [True, False], ids=["shimmed-master", "stock-debian-master"])
def test_locust_master_drives_two_hornet_workers(cluster, target, versioned):
    users = 4
    prefix = str(cluster.tmp / "run")
    master = cluster.locust_master(target.url, "--expect-workers", "2", "-u", str(users), "-r", str(users),
                                   "-t", "6s", "--csv", prefix, versioned=versioned)
    workers = [cluster.hornet_worker(f"worker{i}") for i in range(2)]

    assert cluster.wait(master, 90) == 0, log_of(master)[-3000:]
    for w in workers:
        assert cluster.wait(w, 15) == 0, log_of(w)[-3000:]
        assert "Got quit message from master, shutting down..." in log_of(w)

    master_log = log_of(master)
    assert "2 workers connected" in master_log
    assert "Sending spawn jobs of 4 users at 4.00 spawn rate to 2 ready workers" in master_log
    assert 'All users spawned: {"QuickUser": 4} (4 total users)' in master_log
    assert "different version" not in master_log and "pre 2.0" not in master_log  # our -1 is accepted silently
    assert "Traceback" not in master_log and "ERROR" not in master_log

    rows = {(r[0], r[1]): r for r in read_csv(prefix + "_stats.csv")[1:]}
    assert set(rows) == {("GET", "/health"), ("GET", "/state"), ("", "Aggregated")}
    served = target.counts()["routes"]
    total = 0
    for name in ("/health", "/state"):
        count = int(rows[("GET", name)][2])
        assert rows[("GET", name)][3] == "0"  # no failures
        total += count
        # A request cut off by the quit reached the target but was never recorded: at most one per user.
        assert count <= served.get(f"GET {name}", 0) <= count + users, (name, count, served)
    assert int(rows[("", "Aggregated")][2]) == total
    assert total > 100  # 4 users x 20 requests/s x 6 s ~ 480
    # Weights 3:1 over hundreds of requests.
    assert 2.0 < int(rows[("GET", "/health")][2]) / int(rows[("GET", "/state")][2]) < 4.5
    assert read_csv(prefix + "_failures.csv")[1:] == []


def test_killed_master_ends_every_worker(cluster, target):
    timeout = 3
    master = cluster.locust_master(target.url, "--expect-workers", "2", "-u", "4", "-r", "4", "-t", "60s")
    workers = [cluster.hornet_worker(f"worker{i}", "--master-timeout", str(timeout)) for i in range(2)]
    assert wait_until(lambda: "All users spawned" in log_of(master), 60), log_of(master)[-3000:]
    assert wait_until(lambda: target.counts()["total"] > 20, 20)

    master.send_signal(signal.SIGKILL)
    master.wait()
    killed_at = time.monotonic()
    for w in workers:
        code = cluster.wait(w, timeout + 15)
        assert code != 0, log_of(w)[-3000:]
        assert f"No connection to the master for over {timeout}s" in log_of(w)
    elapsed = time.monotonic() - killed_at
    assert timeout - 0.5 <= elapsed <= timeout + 10
    # No orphan: every process of the test is gone and the target gets no more requests.
    assert all(p.poll() is not None for p in cluster.procs)
    before = target.counts()["total"]
    time.sleep(0.5)
    assert target.counts()["total"] == before


def test_unknown_class_is_reported_to_the_locust_master(cluster, target):
    (cluster.tmp / "locustfile.py").write_text(LOCUSTFILE + """

class OtherUser(HttpUser):
    wait_time = constant(1)

    @task
    def other(self):
        self.client.get("/other")
""")
    prefix = str(cluster.tmp / "run")
    master = cluster.locust_master(target.url, "--expect-workers", "1", "-u", "4", "-r", "4", "-t", "4s",
                                   "--csv", prefix)
    # Quick mode with no -H at all: QuickUser GETs / on the host the master sends.
    worker = cluster.hornet_worker("worker", quick_mode=True)
    assert cluster.wait(master, 90) == 1, log_of(master)[-3000:]  # exceptions make Locust exit 1
    assert cluster.wait(worker, 15) == 0, log_of(worker)[-3000:]
    assert "Unknown user class 'OtherUser'" in log_of(worker)
    exceptions = read_csv(prefix + "_exceptions.csv")
    assert any("Unknown user class 'OtherUser'" in row[1] for row in exceptions[1:]), exceptions
    assert "GET /other" not in target.counts()["routes"]
    rows = {(r[0], r[1]): r for r in read_csv(prefix + "_stats.csv")[1:]}
    assert int(rows[("GET", "/")][2]) > 0
    assert target.counts()["routes"].get("GET /", 0) >= int(rows[("GET", "/")][2])


def test_locust_master_takes_failures_with_their_kind(cluster, target):
    # Hornet workers add hornet_kind to each errors row; a 2.12 master must merge them as usual.
    (cluster.tmp / "failing.json").write_text("""{"users": [{"name": "QuickUser", "wait_time": {"constant": 0.05},
      "tasks": [{"get": "/status/404", "name": "/missing"}]}]}""")
    prefix = str(cluster.tmp / "run")
    master = cluster.locust_master(target.url, "--expect-workers", "1", "-u", "2", "-r", "2", "-t", "4s",
                                   "--csv", prefix)
    worker = cluster.spawn("worker", [BINARY, "--worker", "--master-host", "127.0.0.1", "--master-port",
                                      str(cluster.port), "-f", str(cluster.tmp / "failing.json"), "--threads", "1"])
    assert cluster.wait(master, 90) == 1, log_of(master)[-3000:]  # failures: Locust's exit code 1
    assert cluster.wait(worker, 15) == 0, log_of(worker)[-3000:]
    assert "Traceback" not in log_of(master)
    failures = read_csv(prefix + "_failures.csv")[1:]
    assert len(failures) == 1 and failures[0][:2] == ["GET", "/missing"] and "404" in failures[0][2], failures
    stats = {r[1]: r for r in read_csv(prefix + "_stats.csv")[1:]}
    assert int(failures[0][3]) == int(stats["/missing"][3]) > 10
