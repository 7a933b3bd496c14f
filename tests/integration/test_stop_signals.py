"""SIGTERM, as a pod deletion sends it to PID 1: a headless run and a headless master stop their
users, write the --json and --csv reports, print the summary and exit with the verdict (here a
threshold that cannot pass, so 3), and a master's workers are told to quit and exit 0. Real
processes on 127.0.0.1; the waits are bounded, nothing asserts on timing."""
import json
import signal
import subprocess

from cluster import ClusterBase, log_of, wait_until
from conftest import BINARY, read_csv

# Every request to the demo target succeeds: a failure ratio above 50 % cannot be met.
FAILING_CHECK = "fail_ratio>50%"


def check_reports(prefix, json_path):
    with open(json_path) as f:
        report = json.load(f)
    assert report["total"]["requests"] > 0
    rows = read_csv(prefix + "_stats.csv")
    assert rows[-1][1] == "Aggregated" and int(rows[-1][2]) > 0
    return report


def test_sigterm_to_a_headless_run_reports_and_exits_with_the_verdict(target, tmp_path):
    prefix, json_path = str(tmp_path / "run"), tmp_path / "run.json"
    proc = subprocess.Popen([BINARY, "-H", target.url, "--headless", "--rate", "20", "-t", "5m", "--check",
                             FAILING_CHECK, "--csv", prefix, "--json", str(json_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: target.counts()["total"] >= 10, 30)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "Got SIGTERM signal" in err
    assert "Response time percentiles" in err and "Thresholds" in err
    assert proc.returncode == 3, err[-3000:]
    check_reports(prefix, json_path)


class Cluster(ClusterBase):
    def master(self, *args):
        return self.spawn("master", [BINARY, "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port",
                                     str(self.port), "--headless", *args])

    def worker(self, name):
        return self.spawn(name, [BINARY, "--worker", "--master-host", "127.0.0.1", "--master-port", str(self.port)])


def test_sigterm_to_a_master_quits_its_workers_reports_and_exits_with_the_verdict(target, tmp_path):
    cluster = Cluster(tmp_path)
    try:
        prefix, json_path = str(tmp_path / "run"), tmp_path / "run.json"
        master = cluster.master("--expect-workers", "2", "-u", "4", "-r", "4", "-t", "5m", "-H", target.url,
                                "--check", FAILING_CHECK, "--csv", prefix, "--json", str(json_path))
        workers = [cluster.worker(f"worker{i}") for i in range(2)]
        assert wait_until(lambda: target.counts()["total"] >= 20, 60), log_of(master)[-3000:]
        master.send_signal(signal.SIGTERM)
        code = cluster.wait(master, 30)
        log = log_of(master)
        assert "Got SIGTERM signal" in log
        assert "Response time percentiles" in log and "Thresholds" in log
        assert code == 3, log[-3000:]
        check_reports(prefix, json_path)
        for w in workers:
            assert cluster.wait(w, 30) == 0, log_of(w)[-3000:]
    finally:
        cluster.close()
