"""Processes of a distributed test (Hornet and Locust masters and workers) on 127.0.0.1."""
import socket
import subprocess
import time

PYTHON = "/usr/bin/python3"  # Debian's python3 with python3-locust, python3-zmq, python3-msgpack

# Debian's package reports version '' (reference §0.1); a master that wants a version rejects its
# workers. As /work/shared/bench/locust_versioned.py does: register locust._version before import.
LOCUST_SHIM = """\
import sys, types
v = types.ModuleType("locust._version")
v.version = v.__version__ = "2.12.1"
sys.modules["locust._version"] = v
from locust.main import main
sys.argv[0] = "locust"
sys.exit(main())
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_of(proc):
    return proc.log_path.read_text()


def wait_until(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


class ClusterBase:
    """The processes of one test, each logging to tmp/<name>.log; any still running are killed at close."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.port = free_port()
        self.procs = []
        (tmp_path / "locust_shim.py").write_text(LOCUST_SHIM)

    def locust(self, versioned=True):
        """The command line that starts Debian's Locust, with or without a version."""
        return [PYTHON, str(self.tmp / "locust_shim.py")] if versioned else [PYTHON, "-m", "locust"]

    def spawn(self, name, argv, cwd=None):
        log = open(self.tmp / f"{name}.log", "w")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, text=True, cwd=cwd)
        proc.log_path = self.tmp / f"{name}.log"
        self.procs.append(proc)
        return proc

    def wait(self, proc, timeout=90):
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError(f"{proc.args[:3]} did not finish in {timeout}s\n{log_of(proc)[-3000:]}")

    def close(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()
