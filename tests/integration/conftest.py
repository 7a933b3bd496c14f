"""Fixtures for integration tests: the real hornet binary, the demo target on 127.0.0.1."""
import csv
import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest

BINARY = os.path.abspath(os.environ.get("HORNET_BINARY", os.path.join(os.path.dirname(__file__), "../../build/hornet")))
SOURCE_DIR = os.environ.get("HORNET_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../.."))


class DemoTarget:
    def __init__(self):
        self.proc = subprocess.Popen([BINARY, "demo-target", "--port", "0"], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("http://127.0.0.1:"), f"demo target printed {self.url!r}"

    def get_json(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.loads(r.read())

    def counts(self):
        return self.get_json("/__hornet/counts")

    def reset(self):
        req = urllib.request.Request(self.url + "/__hornet/reset", method="POST", data=b"")
        urllib.request.urlopen(req, timeout=10).read()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


@pytest.fixture(scope="session")
def demo():
    target = DemoTarget()
    yield target
    target.stop()


@pytest.fixture
def target(demo):
    demo.reset()
    return demo


class Run:
    def __init__(self, proc, stdout, stderr, elapsed):
        self.returncode = proc.returncode
        self.stdout = stdout
        self.stderr = stderr
        self.elapsed = elapsed


def hornet(*args, timeout=120, cwd=None, env=None):
    """Runs hornet to completion (bounded) and returns its exit code and output."""
    start = time.monotonic()
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.Popen([BINARY, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=cwd, env=full_env)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"hornet {args} did not finish in {timeout}s\n{err[-3000:]}")
    return Run(proc, out, err, time.monotonic() - start)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def raw(path):
    with open(path, "rb") as f:
        return f.read()
