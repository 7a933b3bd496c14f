"""A Hornet master (--master --headless) with real workers: Debian's Locust 2.12, Hornet workers,
both at once, and peers that misbehave. Everything on 127.0.0.1 with free ports."""
import signal
import subprocess
import time

import pytest

from cluster import PYTHON, ClusterBase, log_of
from conftest import BINARY, read_csv

QUICK_SCENARIO = """{"users": [{"name": "QuickUser", "wait_time": {"constant": 0.05}, "tasks": [{"get": "/"}]}]}"""


class Cluster(ClusterBase):
    def master(self, *args, name="master"):
        return self.spawn(name, [BINARY, "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port",
                                  str(self.port), "--headless", *args])

    def locust_worker(self, locustfile, name, versioned=True):
        return self.spawn(name, [*self.locust(versioned), "-f", str(locustfile), "--worker", "--master-host", "127.0.0.1",
                                  "--master-port", str(self.port)])

    def hornet_worker(self, name, *args):
        return self.spawn(name, [BINARY, "--worker", "--master-host", "127.0.0.1", "--master-port", str(self.port),
                                  *args])


def wait_for_text(proc, text, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log_of(proc):
            return True
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    return text in log_of(proc)


@pytest.fixture
def cluster(tmp_path):
    c = Cluster(tmp_path)
    yield c
    c.close()


def stats_rows(prefix):
    return {(row[0], row[1]): row for row in read_csv(prefix + "_stats.csv")[1:]}


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_locust_workers_join_a_hornet_master(target, cluster, tmp_path):
    locustfile = write(tmp_path, "locustfile.py", """
from locust import FastHttpUser, task, constant

class QuickUser(FastHttpUser):
    wait_time = constant(0.05)

    @task
    def index(self):
        self.client.get("/")
""")
    prefix = str(tmp_path / "run")
    master = cluster.master("--expect-workers", "2", "-u", "10", "-r", "5", "-t", "10s", "-H", target.url + "/",
                            "--csv", prefix)
    # One worker with a version, one as Debian ships it (version ''): both are accepted.
    w1 = cluster.locust_worker(locustfile, "w1", versioned=True)
    w2 = cluster.locust_worker(locustfile, "w2", versioned=False)
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    text = log_of(master)
    assert "Waiting for workers to be ready" in text
    assert text.count("reported as ready") == 2
    assert "Sending spawn jobs of 10 users at 5.00 spawn rate to 2 ready workers" in text
    assert 'All users spawned: {"QuickUser": 10} (10 total users)' in text
    assert "Shutting down (exit code 0)" in text
    assert "GET      /" in text  # the console table shows the workers' requests

    rows = stats_rows(prefix)
    count = int(rows[("GET", "/")][2])
    assert int(rows[("", "Aggregated")][2]) == count
    served = target.counts()["routes"].get("GET /", 0)
    assert count > 100
    # Requests in flight when the workers quit reach the target but are not reported.
    assert count <= served <= count + 10
    history = read_csv(prefix + "_stats_history.csv")
    assert max(int(row[1]) for row in history[1:]) == 10
    for w in (w1, w2):
        assert cluster.wait(w, timeout=20) == 0
        assert "Got quit message from master" in log_of(w)
        assert "Unknown message type" not in log_of(w)  # 2.12 workers get no newer messages


def test_mixed_fleet_locust_and_hornet_workers(target, cluster, tmp_path):
    locustfile = write(tmp_path, "locustfile.py", """
from locust import FastHttpUser, task, constant

class QuickUser(FastHttpUser):
    wait_time = constant(0.05)

    @task
    def index(self):
        self.client.get("/", name="/ from locust")
""")
    scenario = write(tmp_path, "quick.json", QUICK_SCENARIO)
    prefix = str(tmp_path / "run")
    master = cluster.master("-f", str(scenario), "--expect-workers", "2", "-u", "4", "-r", "4", "-t", "8s",
                            "-H", target.url, "--csv", prefix)
    cluster.locust_worker(locustfile, "locust_worker")
    hornet_worker = cluster.hornet_worker("hornet_worker", "-f", str(scenario), "-H", target.url)
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    assert 'All users spawned: {"QuickUser": 4} (4 total users)' in log_of(master)
    rows = stats_rows(prefix)
    from_hornet = int(rows[("GET", "/")][2])
    from_locust = int(rows[("GET", "/ from locust")][2])
    assert from_hornet > 20 and from_locust > 20  # two users each
    served = target.counts()["routes"].get("GET /", 0)
    assert from_hornet + from_locust <= served <= from_hornet + from_locust + 10
    assert cluster.wait(hornet_worker, timeout=20) == 0


def percentile_columns(row):
    return [int(v) for v in row[11:22]]


def test_hornet_workers_keep_exact_percentiles(target, cluster, tmp_path):
    # 123 ms lands in Locust's 120 ms bucket; only the HDR data a Hornet worker sends keeps 123.
    scenario = write(tmp_path, "slow.json", """{"users": [{"name": "SlowUser", "wait_time": {"constant": 0.01},
        "tasks": [{"get": "/slow?ms=123", "name": "/slow"}]}]}""")
    prefix = str(tmp_path / "run")
    master = cluster.master("-f", str(scenario), "--expect-workers", "2", "-u", "6", "-r", "6", "-t", "6s",
                            "-H", target.url, "--csv", prefix)
    for i in range(2):
        cluster.hornet_worker(f"w{i}", "-f", str(scenario), "-H", target.url)
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    distributed = stats_rows(prefix)[("GET", "/slow")]
    assert int(distributed[2]) > 50
    pct = percentile_columns(distributed)
    assert 123 <= pct[0] <= 129, pct  # median: not the 120 of Locust's bucket
    assert all(123 <= p for p in pct)

    # A standalone run of the same scenario reports the same median within HDR precision.
    local_prefix = str(tmp_path / "local")
    local = subprocess.run([BINARY, "-f", str(scenario), "--headless", "-u", "6", "-r", "6", "-t", "4s", "-H",
                            target.url, "--csv", local_prefix], capture_output=True, text=True, timeout=60)
    assert local.returncode == 0, local.stderr[-2000:]
    standalone = percentile_columns(stats_rows(local_prefix)[("GET", "/slow")])
    assert abs(standalone[0] - pct[0]) <= 3, (standalone, pct)


def test_a_killed_worker_is_noticed_and_its_users_move(target, cluster, tmp_path):
    scenario = write(tmp_path, "quick.json", QUICK_SCENARIO)
    prefix = str(tmp_path / "run")
    master = cluster.master("-f", str(scenario), "--expect-workers", "3", "-u", "6", "-r", "6", "-t", "16s",
                            "-H", target.url, "--csv", prefix)
    workers = [cluster.hornet_worker(f"w{i}", "-f", str(scenario), "-H", target.url) for i in range(3)]
    assert wait_for_text(master, "All users spawned"), log_of(master)[-3000:]
    before, deadline = 0, time.monotonic() + 10
    while before == 0 and time.monotonic() < deadline:  # workers report every 3 s
        time.sleep(0.5)
        row = stats_rows(prefix).get(("", "Aggregated"))  # None while the file is being rewritten
        before = int(row[2]) if row else 0
    assert before > 0
    workers[2].send_signal(signal.SIGKILL)
    assert wait_for_text(master, "failed to send heartbeat, setting state to missing", timeout=10), \
        log_of(master)[-3000:]
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    text = log_of(master)
    assert text.count("setting state to missing") == 1
    assert "Rebalancing 6 users over 2 workers" in text
    assert "Shutting down (exit code 0)" in text
    after = int(stats_rows(prefix)[("", "Aggregated")][2])
    assert after > before  # the dead worker's requests are kept, the survivors' added
    # The two survivors report all 6 users at the end (the last row is after the quit).
    users = [int(row[1]) for row in read_csv(prefix + "_stats_history.csv")[1:]]
    assert users[-2] == 6, users
    for w in workers[:2]:
        assert cluster.wait(w, timeout=20) == 0


ROGUE = r"""
import sys, time, zmq, msgpack
port = int(sys.argv[1])
ctx = zmq.Context()

def dealer(identity):
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.IDENTITY, identity.encode())
    s.setsockopt(zmq.LINGER, 2000)
    s.connect(f"tcp://127.0.0.1:{port}")
    return s

def pack(*parts):
    return msgpack.packb(list(parts), use_bin_type=True)

s = dealer("rogue_1")
s.send(pack("spawning", None, "rogue_1"))                   # before client_ready
s.send(pack("spawning_complete", {"user_classes_count": {"QuickUser": 5}, "user_count": 5}, "rogue_1"))
s.send(b"\x00\x01 not msgpack at all \xc1")                  # garbage
s.send(pack("heartbeat", {"state": "running"}, "rogue_1")[:-4])  # truncated
s.send(pack("heartbeat", None))                              # array of 2
s.send(pack("heartbeat", None, "rogue_1", "extra"))          # array of 4
s.send(pack("no_such_type", {"x": 1}, "rogue_1"))            # unknown type
s.send(pack("client_ready", 7, "rogue_1"))                   # an int other than -1
s.send(pack("stats", {"stats": "nope"}, "rogue_1"))          # stats from a stranger
s.send(pack("client_ready", "2.12.1", "someone_else"))       # node id of another peer
time.sleep(0.5)
# A 20 MB frame: beyond the 16 MiB cap, libzmq drops this connection.
big = dealer("rogue_2")
big.send(b"\x93\xa5stats" + b"\x00" * (20 * 1024 * 1024))
time.sleep(1)
# Acked, then malformed: the master asks it to reconnect and keeps going.
s3 = dealer("rogue_3")
s3.send(pack("client_ready", "2.46.3", "rogue_3"))
print("ack:", msgpack.unpackb(s3.recv(), raw=False)[0], flush=True)
s3.send(pack("stats", {"stats": [], "stats_total": 5, "errors": {}, "user_classes_count": {}}, "rogue_3"))
s3.send(b"\x92\xa4quit")
s3.send(pack("quit", None, "rogue_3"))
time.sleep(1)
print("done", flush=True)
"""


def test_rogue_peers_are_dropped_and_real_workers_served(target, cluster, tmp_path):
    scenario = write(tmp_path, "quick.json", QUICK_SCENARIO)
    prefix = str(tmp_path / "run")
    master = cluster.master("-f", str(scenario), "--expect-workers", "2", "-u", "4", "-r", "4", "-t", "8s",
                            "-H", target.url, "--csv", prefix)
    workers = [cluster.hornet_worker(f"w{i}", "-f", str(scenario), "-H", target.url) for i in range(2)]
    assert wait_for_text(master, "All users spawned"), log_of(master)[-3000:]
    rogue = subprocess.run([PYTHON, "-c", ROGUE, str(cluster.port)], capture_output=True, text=True, timeout=30)
    assert rogue.returncode == 0, rogue.stderr
    assert "ack: ack" in rogue.stdout
    assert cluster.wait(master) == 0, log_of(master)[-3000:]
    text = log_of(master)
    assert "'spawning' from a worker that is not connected" in text
    assert "dropped a malformed message" in text
    assert "Unknown message type received from worker rogue_1: no_such_type" in text
    assert "stats from a worker that never sent client_ready" in text
    assert "is not the connection's identity" in text
    assert text.count("reported as ready") == 3  # the two workers and rogue_3
    # The real workers were served to the end, and their numbers add up.
    assert 'All users spawned: {"QuickUser": 4} (4 total users)' in text
    rows = stats_rows(prefix)
    count = int(rows[("GET", "/")][2])
    served = target.counts()["routes"].get("GET /", 0)
    assert count > 50
    assert count <= served <= count + 10
    users = [int(row[1]) for row in read_csv(prefix + "_stats_history.csv")[1:-1]]
    assert users[-1] == 4
    for w in workers:
        assert cluster.wait(w, timeout=20) == 0
