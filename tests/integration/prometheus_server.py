"""A real Prometheus server (Debian's prometheus package) for the /metrics tests, and promtool."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

# locust_exporter's names break three of promtool's lint rules; they are kept as they are because
# the dashboards made for the exporter query exactly these names.
EXPORTER_LINT = {
    "locust_requests_current_fail_per_sec metric names should not contain abbreviated units",
    'locust_workers_count non-histogram and non-summary metrics should not have "_count" suffix',
    'locust_workers_missing_count non-histogram and non-summary metrics should not have "_count" suffix',
}


def promtool_problems(text):
    """Runs `promtool check metrics` on `text`: (exit code, the lines it printed)."""
    r = subprocess.run(["promtool", "check", "metrics"], input=text.encode(), capture_output=True, timeout=60)
    lines = [line for line in (r.stdout + r.stderr).decode(errors="replace").splitlines() if line.strip()]
    return r.returncode, lines


def free_port():
    """A port that was free a moment ago: Prometheus cannot bind port 0 and report the port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrometheusServer:
    """Prometheus on 127.0.0.1 with its own data folder, scraping `target` ("host:port") every second."""

    def __init__(self, target, metrics_path="/metrics", ready_timeout=60):
        self.dir = tempfile.mkdtemp(prefix="hornet-prometheus-")
        config = os.path.join(self.dir, "prometheus.yml")
        with open(config, "w") as f:
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    "scrape_configs:\n  - job_name: hornet\n    scrape_interval: 1s\n    scrape_timeout: 1s\n"
                    f"    metrics_path: {json.dumps(metrics_path)}\n"
                    f"    static_configs:\n      - targets: [{json.dumps(target)}]\n")
        self.proc = None
        self.log_path = os.path.join(self.dir, "prometheus.log")
        # The port can be taken between free_port() and Prometheus' bind: try again a few times.
        for _ in range(3):
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            with open(self.log_path, "w") as log:
                self.proc = subprocess.Popen(
                    ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={self.dir}/data",
                     f"--web.listen-address=127.0.0.1:{self.port}", "--log.level=warn"],
                    stdout=log, stderr=subprocess.STDOUT, cwd=self.dir)
            if self._wait_ready(ready_timeout):
                return
            self._stop_process()
        raise AssertionError(f"Prometheus did not become ready:\n{self.log()[-3000:]}")

    def _wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url + "/-/ready", timeout=2) as r:
                    if r.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def api(self, path, **params):
        """GET /api/v1/<path>; the `data` of a successful answer."""
        url = f"{self.url}/api/v1/{path}?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=10) as r:
            body = json.loads(r.read())
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr):
        """An instant query: [(labels, value as float), ...]."""
        data = self.api("query", query=expr)
        assert data["resultType"] == "vector", data
        return [(item["metric"], float(item["value"][1])) for item in data["result"]]

    def wait_for(self, expr, predicate, timeout):
        """Queries `expr` until predicate(result) holds (bounded by `timeout` seconds); the result."""
        deadline = time.monotonic() + timeout
        result = []
        while time.monotonic() < deadline:
            result = self.query(expr)
            if predicate(result):
                return result
            time.sleep(0.5)
        targets = self.api("targets")
        raise AssertionError(f"{expr} never satisfied the test in {timeout}s; last answer {result}; "
                             f"targets {json.dumps(targets)[:2000]}\n{self.log()[-2000:]}")

    def _stop_process(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def stop(self):
        self._stop_process()
        shutil.rmtree(self.dir, ignore_errors=True)
