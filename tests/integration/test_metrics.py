"""/metrics of the real binary, headless, against the demo target: promtool accepts the text, and a
real Prometheus server on 127.0.0.1 scrapes it and answers a rate query."""
import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.request

from conftest import BINARY, SOURCE_DIR
from prometheus_server import EXPORTER_LINT, PrometheusServer, promtool_problems

WEB_LINE = re.compile(r"Starting web interface at (https?)://([^\s/]+):(\d+)")


class HeadlessRun:
    """hornet --headless with its web server on a port of its own choosing; stderr read as it comes."""

    def __init__(self, *args, timeout=30):
        self.proc = subprocess.Popen([BINARY, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.found = threading.Event()
        self.port = None
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.found.wait(timeout) or self.port is None:
            self.stop()
            raise AssertionError("no 'Starting web interface at' line:\n" + "".join(self.lines)[-3000:])
        self.url = f"http://127.0.0.1:{self.port}"

    def _read(self):
        # Reading to the end keeps the pipe from filling while the run logs its tables.
        for line in self.proc.stderr:
            self.lines.append(line)
            m = WEB_LINE.search(line)
            if m and self.port is None:
                self.port = int(m.group(3))
                self.found.set()
        self.found.set()

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=10)
        return self.proc.returncode


def sample_value(text, series):
    """The value of the line `series value` in the exposition, or None."""
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line[len(series) + 1:])
    return None


def wait_for_requests(run, timeout=30):
    """/metrics once the run has counted requests (bounded)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        status, content_type, text = run.get("/metrics")
        assert status == 200
        assert content_type == "text/plain; version=0.0.4; charset=utf-8"
        if (sample_value(text, 'hornet_requests_total{method="GET",name="/"}') or 0) > 0:
            return text
        time.sleep(0.5)
    raise AssertionError("no requests counted on /metrics:\n" + text[-3000:])


def dashboard_queries():
    with open(os.path.join(SOURCE_DIR, "deploy/grafana/hornet-dashboard.json"), encoding="utf-8") as f:
        dashboard = json.load(f)

    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                yield p["title"], t["expr"]
            yield from walk(p.get("panels", []))
    return list(walk(dashboard["panels"]))


def check_dashboard_queries(prometheus):
    """Every query of the Grafana dashboard is valid PromQL for this Prometheus, and answers with
    data, but for the failure panels: the run against / has no failures."""
    queries = dashboard_queries()
    assert len(queries) > 10
    for title, expr in queries:
        expr = expr.replace("$__rate_interval", "5s").replace("$job", ".*").replace("$name", ".*")
        if "failures" in expr:
            prometheus.query(expr)  # answers (status success), maybe with no series
        else:
            prometheus.wait_for(expr, lambda r: len(r) > 0, timeout=15)


def test_headless_metrics_pass_promtool_and_prometheus_scrapes_a_rate(target):
    run = HeadlessRun("-H", target.url + "/", "--headless", "-u", "2", "-r", "2", "-t", "60s", "--web-host",
                      "127.0.0.1", "--web-port", "0")
    prometheus = None
    try:
        text = wait_for_requests(run)
        code, problems = promtool_problems(text)
        assert (code, problems) == (0, []), "\n".join(problems)
        states = {s: sample_value(text, f'hornet_state{{state="{s}"}}')
                  for s in ("ready", "spawning", "running", "stopping", "stopped", "missing")}
        assert sorted(states.values()) == [0, 0, 0, 0, 0, 1], states
        assert states["running"] == 1 or states["spawning"] == 1, states
        assert sample_value(text, 'hornet_request_duration_seconds_bucket{method="GET",name="/",le="+Inf"}') == \
            sample_value(text, 'hornet_request_duration_seconds_count{method="GET",name="/"}')
        assert "locust_" not in text  # the exporter's names only with --metrics-locust-names

        prometheus = PrometheusServer(f"127.0.0.1:{run.port}")
        result = prometheus.wait_for("rate(hornet_requests_total[5s])",
                                     lambda r: any(v > 0 for _, v in r), timeout=45)
        labels = [m for m, v in result if v > 0]
        assert any(m.get("method") == "GET" and m.get("name") == "/" and m.get("job") == "hornet" for m in labels)
        # The histogram reads back as a latency quantile, as the Grafana dashboard asks for it.
        quantile = prometheus.wait_for(
            "histogram_quantile(0.95, sum by (le) (rate(hornet_request_duration_seconds_bucket[5s])))",
            lambda r: len(r) == 1 and 0 < r[0][1] < 60, timeout=20)
        assert quantile[0][1] > 0
        users = prometheus.wait_for("hornet_users", lambda r: len(r) == 1 and r[0][1] == 2, timeout=20)
        assert users[0][1] == 2
        check_dashboard_queries(prometheus)
    finally:
        if prometheus:
            prometheus.stop()
        run.stop()


def test_metrics_locust_names_add_the_exporter_families(target):
    run = HeadlessRun("-H", target.url + "/", "--headless", "-u", "1", "-r", "1", "-t", "30s", "--web-host",
                      "127.0.0.1", "--web-port", "0", "--metrics-locust-names")
    try:
        text = wait_for_requests(run)
        code, problems = promtool_problems(text)
        # Lint problems only (exit 3), and only those of the exporter's names kept on purpose.
        assert code in (0, 3) and set(problems) <= EXPORTER_LINT, "\n".join(problems)
        total = sample_value(text, 'locust_requests_num_requests{method="",name="Aggregated"}')
        assert total is not None and total > 0
        assert sample_value(text, 'locust_requests_num_requests{method="GET",name="/"}') > 0
        assert sample_value(text, "locust_running") in (1, 2)  # spawning or running
        assert sample_value(text, "locust_users") == 1
        assert sample_value(text, 'hornet_requests_total{method="GET",name="/"}') > 0
    finally:
        run.stop()
