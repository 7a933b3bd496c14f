"""The web server against real Locust 2.12's web API: each route's JSON keys and value types
equal Locust's (fixtures/locust_2.12_web_api.json, captured by fixtures/capture_locust_web_api.py),
a script written for Locust's API runs unchanged, bad input gets a 4xx JSON reason, basic auth,
TLS, the web mode's life cycle, /metrics with --headless, and a Hornet master with the UI driving
a real Locust worker. Everything on 127.0.0.1, ports chosen by the system."""
import base64
import json
import os
import re
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from cluster import PYTHON, ClusterBase, free_port, log_of, wait_until
from conftest import BINARY, read_csv

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = json.load(open(os.path.join(HERE, "fixtures", "locust_2.12_web_api.json")))
SCENARIO = """{"users": [{"name": "WebUser", "wait_time": {"constant": 0.1}, "tasks": [
    {"weight": 3, "name": "index", "get": "/"},
    {"weight": 1, "name": "failing", "get": "/status/500"}]}]}"""


class WebHornet:
    """hornet with the web UI on a port of the system's choosing, logging to a file."""

    def __init__(self, tmp_path, *args, name="hornet"):
        self.log_path = tmp_path / f"{name}.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([BINARY, "--web-host", "127.0.0.1", "--web-port", "0", *args],
                                     stdout=self.log, stderr=subprocess.STDOUT, text=True)
        found = wait_until(lambda: self.proc.poll() is not None or
                           re.search(r"Starting web interface at (https?://\S+)", self.text()), 20)
        m = re.search(r"Starting web interface at (https?://\S+)", self.text())
        assert found and m, self.text()[-3000:]
        self.url = m.group(1)

    def text(self):
        return self.log_path.read_text()

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("hornet did not stop on SIGTERM\n" + self.text()[-3000:])


@pytest.fixture
def web(tmp_path, target):
    started = []

    def start(*args, name="hornet"):
        h = WebHornet(tmp_path, *args, name=name)
        started.append(h)
        return h

    yield start
    for h in started:
        if h.proc.poll() is None:
            h.proc.kill()
            h.proc.wait()


def call(base, path, method="GET", form=None, body=None, headers=None, context=None):
    data = body if body is not None else (urllib.parse.urlencode(form, doseq=True).encode()
                                          if form is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30, context=context) as r:
            status, hdrs, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    text = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    return {"status": status, "headers": hdrs, "json": parsed, "text": text}


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"  # Python's json gives 0 and 0.0 for the same value in different states
    if isinstance(v, str):
        return "str"
    if isinstance(v, list):
        return "list"
    return "dict"


def signature(value, path="", into=None):
    """{path: {kinds}} over every sample; list elements share the path 'x[]'."""
    into = {} if into is None else into
    into.setdefault(path, set()).add(kind(value))
    if isinstance(value, dict):
        for k, v in value.items():
            signature(v, f"{path}.{k}", into)
    elif isinstance(value, list):
        for v in value:
            signature(v, f"{path}[]", into)
    return into


def same_shape(locust_samples, hornet_samples, ignore_below=()):
    """Every key Locust has, Hornet has, with a kind Locust showed for it."""
    want, got = {}, {}
    for s in locust_samples:
        signature(s, "", want)
    for s in hornet_samples:
        signature(s, "", got)
    problems = []
    for path, kinds in want.items():
        if any(path.startswith(p) for p in ignore_below):
            continue
        if path not in got:
            # An empty list in every Hornet sample leaves its elements unseen: nothing to compare.
            parent = path.rsplit("[]", 1)[0] if "[]" in path else None
            if parent is not None and parent in got:
                continue
            problems.append(f"{path}: missing (Locust: {sorted(kinds)})")
        elif not got[path] <= kinds:
            problems.append(f"{path}: Hornet {sorted(got[path])}, Locust {sorted(kinds)}")
    return problems


def locust_json(*names, mode="standalone"):
    return [FIXTURE[mode][n]["json"] for n in names]


def wait_for_requests(base, count=10, users=None, timeout=30):
    def ready():
        s = call(base, "/stats/requests")["json"]
        total = s["stats"][-1]
        return total["num_requests"] >= count and (users is None or s["user_count"] == users)
    assert wait_until(ready, timeout), call(base, "/stats/requests")["json"]
    return call(base, "/stats/requests")["json"]


def test_routes_answer_with_locusts_keys_and_types(web, target, tmp_path):
    scenario = tmp_path / "web.json"
    scenario.write_text(SCENARIO)
    h = web("-f", str(scenario), "-H", target.url)
    base = h.url
    ready = call(base, "/stats/requests")
    assert ready["status"] == 200 and ready["json"]["state"] == "ready"
    swarm = call(base, "/swarm", "POST", {"user_count": 2, "spawn_rate": 2, "host": target.url, "run_time": "60s"})
    assert swarm["status"] == 200, swarm
    assert swarm["json"] == {"success": True, "message": "Swarming started", "host": target.url, "run_time": 60}
    running = wait_for_requests(base, 20, users=2)
    assert running["state"] == "running"
    edit = call(base, "/swarm", "POST", {"user_count": 3, "spawn_rate": 3, "host": target.url})
    assert edit["json"] == {"success": True, "message": "Swarming started", "host": target.url}
    wait_for_requests(base, 30, users=3)
    running = call(base, "/stats/requests")["json"]
    assert [row["name"] for row in running["stats"]] == ["failing", "index", "Aggregated"]
    assert running["errors"] and running["errors"][0]["occurrences"] > 0

    assert same_shape(locust_json("stats_requests_ready"), [ready["json"]]) == []
    assert same_shape(locust_json("stats_requests_running", "stats_requests_stopped"), [running]) == []
    assert same_shape(locust_json("swarm"), [swarm["json"]]) == []
    assert same_shape(locust_json("swarm_edit"), [edit["json"]]) == []
    tasks = call(base, "/tasks")["json"]
    assert same_shape(locust_json("tasks"), [tasks], ignore_below=(".per_class.WebUser.tasks.", ".total.WebUser.tasks.")) == []
    assert tasks["per_class"]["WebUser"]["tasks"]["index"]["ratio"] == 0.75
    exceptions = call(base, "/exceptions")["json"]
    assert same_shape(locust_json("exceptions"), [exceptions]) == []

    # Downloads: Locust's first line, an attachment named as Locust names it.
    for route, name in (("/stats/requests/csv", "stats_requests_csv"), ("/stats/failures/csv", "stats_failures_csv"),
                        ("/exceptions/csv", "exceptions_csv")):
        got = call(base, route)
        want = FIXTURE["standalone"][name]
        assert got["status"] == 200
        assert got["text"].splitlines()[0] == want["first_line"]
        prefix = want["content_disposition"].split("_")[0]
        assert got["headers"]["Content-Disposition"].startswith(prefix + "_"), got["headers"]
    history = call(base, "/stats/requests_full_history/csv")
    assert history["status"] == FIXTURE["standalone"]["stats_requests_full_history_csv"]["status"] == 404
    report = call(base, "/stats/report")
    assert report["status"] == 200 and report["text"].lower().startswith("<!doctype html>")
    assert report["headers"]["Content-Type"] == FIXTURE["standalone"]["stats_report"]["content_type"]

    # /stop is GET only (405 as Locust), then stop; /stats/reset answers ok.
    assert call(base, "/stop", "POST", {})["status"] == FIXTURE["standalone"]["stop_post"]["status"] == 405
    stop = call(base, "/stop")
    assert stop["json"] == FIXTURE["standalone"]["stop"]["json"]
    assert wait_until(lambda: call(base, "/stats/requests")["json"]["state"] == "stopped", 20)
    stopped = call(base, "/stats/requests")["json"]
    assert same_shape(locust_json("stats_requests_stopped"), [stopped]) == []
    reset = call(base, "/stats/reset")
    assert reset["status"] == 200 and reset["text"] == FIXTURE["standalone"]["stats_reset"]["first_line"] == "ok"

    # Where Locust 2.12 answers success false with 200, or a 500, Hornet answers a 4xx JSON.
    bad_run_time = call(base, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1, "run_time": "soon"})
    assert bad_run_time["status"] == 400
    assert bad_run_time["json"]["message"] == FIXTURE["standalone"]["swarm_bad_run_time"]["json"]["message"]
    assert FIXTURE["standalone"]["swarm_missing_user_count"]["status"] == 500
    missing = call(base, "/swarm", "POST", {"spawn_rate": 1})
    assert missing["status"] == 400 and missing["json"]["success"] is False
    assert call(base, "/no/such/route")["status"] == 404
    assert h.stop() in (0, 1)  # 1: the /status/500 requests failed (--exit-code-on-error)


def test_a_script_written_for_locusts_api_runs_unchanged(web, target, tmp_path):
    client = os.path.join(HERE, "fixtures", "locust_api_client.py")
    # Against real Locust first: the script is right for Locust.
    cluster = ClusterBase(tmp_path)
    try:
        locustfile = tmp_path / "locustfile.py"
        locustfile.write_text("from locust import FastHttpUser, task, constant\n"
                              "class WebUser(FastHttpUser):\n"
                              "    wait_time = constant(0.1)\n"
                              "    @task\n"
                              "    def index(self):\n"
                              "        self.client.get('/')\n")
        port = free_port()
        locust = cluster.spawn("locust", [*cluster.locust(), "-f", str(locustfile), "--web-host", "127.0.0.1",
                                          "--web-port", str(port), "-H", target.url], cwd=str(tmp_path))
        locust_base = f"http://127.0.0.1:{port}"
        assert wait_until(lambda: call_ok(locust_base), 30), log_of(locust)
        with_locust = json.loads(subprocess.run([PYTHON, client, locust_base, target.url, "2"], capture_output=True,
                                                text=True, timeout=60, check=True).stdout)
    finally:
        cluster.close()

    h = web("-H", target.url)
    with_hornet = json.loads(subprocess.run([PYTHON, client, h.url, target.url, "2"], capture_output=True, text=True,
                                            timeout=60, check=True).stdout)
    for seen in (with_locust, with_hornet):
        assert seen["swarm"]["success"] is True
        assert seen["user_count"] == 2
        assert seen["stop"] == {"success": True, "message": "Test stopped"}
        assert seen["csv_requests"] >= 20
    assert with_hornet["csv_header"] == with_locust["csv_header"]
    assert with_hornet["state"] == with_locust["state"] == "running"
    assert h.stop() == 0


def call_ok(base):
    try:
        return call(base, "/stats/requests")["status"] == 200
    except OSError:
        return False


BAD_REQUESTS = [
    ("POST", "/swarm", b"", {}),
    ("POST", "/swarm", b"user_count=-1&spawn_rate=1", {}),
    ("POST", "/swarm", b"user_count=abc&spawn_rate=1", {}),
    ("POST", "/swarm", b"user_count=1e9&spawn_rate=1", {}),
    ("POST", "/swarm", b"user_count=99999999999999999999999&spawn_rate=1", {}),
    ("POST", "/swarm", b"user_count=1&spawn_rate=-2", {}),
    ("POST", "/swarm", b"user_count=1&spawn_rate=1&run_time=forever", {}),
    ("POST", "/swarm", b"user_count=1&spawn_rate=1&host=not-a-url", {}),
    ("POST", "/swarm", b"user_count=%ZZ", {}),
    ("POST", "/swarm", b"{not json", {"Content-Type": "application/json"}),
    ("POST", "/swarm", b"[1, 2]", {"Content-Type": "application/json"}),
    ("POST", "/swarm", b"x", {"Content-Type": "text/xml"}),
    ("GET", "/swarm", None, {}),
    ("PUT", "/swarm", b"", {}),
    ("POST", "/stop", b"", {}),
    ("DELETE", "/stop", None, {}),
    ("POST", "/stats/reset", b"", {}),
    ("POST", "/stats/requests", b"", {}),
    ("GET", "/stats/requests?broken=%G1", None, {}),
    ("PATCH", "/stats/requests/csv", b"", {}),
    ("POST", "/stats/requests_full_history/csv", b"", {}),
    ("GET", "/stats/requests_full_history/csv", None, {}),
    ("POST", "/stats/failures/csv", b"", {}),
    ("POST", "/exceptions", b"", {}),
    ("POST", "/exceptions/csv", b"", {}),
    ("POST", "/stats/report", b"", {}),
    ("POST", "/tasks", b"", {}),
    ("POST", "/logs", b"", {}),
    ("POST", "/worker-count", b"", {}),
    ("POST", "/metrics", b"", {}),
    ("POST", "/hornet/config", b"", {}),
    ("GET", "/hornet/series?since=abc", None, {}),
    ("GET", "/hornet/series?method=GET&name=%2Fnowhere", None, {}),
    ("GET", "/hornet/series?method=GET", None, {}),
    ("GET", "/hornet/percentiles?method=GET&name=%2Fnowhere", None, {}),
    ("GET", "/hornet/percentiles?name=x", None, {}),
    ("GET", "/no/such/route", None, {}),
    ("GET", "/../../etc/passwd", None, {}),
    ("POST", "/", b"", {}),
]


def test_bad_input_on_every_route_gets_a_4xx_json_reason(web, target):
    h = web("-H", target.url)
    for method, path, body, headers in BAD_REQUESTS:
        r = call(h.url, path, method, body=body, headers=headers)
        assert 400 <= r["status"] < 500, (method, path, r["status"], r["text"][:200])
        assert r["headers"]["Content-Type"] == "application/json", (method, path)
        assert r["json"]["success"] is False and r["json"]["message"], (method, path, r["json"])
    # Nothing was started, and the server goes on serving.
    s = call(h.url, "/stats/requests")
    assert s["status"] == 200 and s["json"]["state"] == "ready" and s["json"]["user_count"] == 0
    assert h.stop() == 0


def test_basic_auth_guards_every_route(web, target):
    h = web("-H", target.url, "--web-auth", "alice:s3cret")
    good = {"Authorization": "Basic " + base64.b64encode(b"alice:s3cret").decode()}
    wrong = {"Authorization": "Basic " + base64.b64encode(b"alice:guess").decode()}
    for path in ("/", "/stats/requests", "/stop", "/metrics", "/hornet/config", "/nowhere"):
        r = call(h.url, path)
        assert r["status"] == 401, path
        assert r["headers"]["WWW-Authenticate"].startswith("Basic")
        assert call(h.url, path, headers=wrong)["status"] == 401
    assert call(h.url, "/stats/requests", headers=good)["status"] == 200
    assert call(h.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1})["status"] == 401
    assert call(h.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1}, headers=good)["status"] == 200
    assert call(h.url, "/stop", headers=good)["status"] == 200
    h.stop()


def test_tls_with_a_self_signed_certificate(web, target, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True, timeout=60)
    h = web("-H", target.url, "--tls-cert", str(cert), "--tls-key", str(key))
    assert h.url.startswith("https://127.0.0.1:")
    trusted = ssl.create_default_context(cafile=str(cert))
    trusted.check_hostname = False
    r = call(h.url, "/stats/requests", context=trusted)
    assert r["status"] == 200 and r["json"]["state"] == "ready"
    # Certificate checks are on: an unknown CA is refused by the client.
    with pytest.raises(urllib.error.URLError):
        call(h.url, "/stats/requests", context=ssl.create_default_context())
    # Plain HTTP on the TLS port gets no HTTP answer, and the server goes on.
    with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
        call(h.url.replace("https://", "http://"), "/stats/requests")
    assert call(h.url, "/worker-count", context=trusted)["json"] == {"worker_count": 0}
    assert h.stop() == 0


def test_web_mode_life_cycle_new_test_after_stop_and_reports_at_sigterm(web, target, tmp_path):
    prefix = str(tmp_path / "run")
    scenario = tmp_path / "web.json"
    scenario.write_text(SCENARIO.replace('"weight": 1, "name": "failing", "get": "/status/500"',
                                         '"weight": 1, "name": "other", "get": "/?other"'))
    h = web("-f", str(scenario), "-H", target.url, "--csv", prefix, "--json", str(tmp_path / "run.json"))
    config = call(h.url, "/hornet/config")["json"]
    assert config["state"] == "ready" and config["host"] == target.url and config["user_classes"] == ["WebUser"]
    logs = call(h.url, "/logs")["json"]
    assert logs["workers"] == {} and any("Starting web interface at " + h.url in line for line in logs["master"])
    assert call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10})["status"] == 200
    wait_for_requests(h.url, 100, users=2)
    call(h.url, "/stop")
    assert wait_until(lambda: call(h.url, "/stats/requests")["json"]["state"] == "stopped", 20)
    after_stop = call(h.url, "/stats/requests")["json"]
    assert after_stop["user_count"] == 0
    stopped_count = after_stop["stats"][-1]["num_requests"]
    assert stopped_count >= 100
    # A new test starts from fresh statistics (one user at 10 requests/s: far below the first count).
    assert call(h.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 10})["status"] == 200
    s = wait_for_requests(h.url, 3, users=1)
    assert s["stats"][-1]["num_requests"] < stopped_count
    series = call(h.url, "/hornet/series?since=0")["json"]["points"]
    assert series and all(set(p) == {"time", "users", "rps", "fail_per_sec", "p50", "p95", "p99"} for p in series)
    percentiles = call(h.url, "/hornet/percentiles?method=GET&name=index")["json"]
    assert percentiles["count"] > 0 and percentiles["points"][-1]["percentile"] == 100
    assert call(h.url, "/hornet/series?method=GET&name=index")["status"] == 200
    # /stats/reset on the stopped test zeroes the counts.
    call(h.url, "/stop")
    assert wait_until(lambda: call(h.url, "/stats/requests")["json"]["state"] == "stopped", 20)
    assert call(h.url, "/stats/reset")["text"] == "ok"
    assert call(h.url, "/stats/requests")["json"]["stats"][-1]["num_requests"] == 0
    # SIGTERM ends the process and writes the report files, as a headless run does.
    assert h.stop() == 0
    assert "Shutting down (exit code 0)" in h.text()
    rows = read_csv(prefix + "_stats.csv")
    assert rows[0][0] == "Type" and rows[-1][1] == "Aggregated"
    assert json.load(open(tmp_path / "run.json"))["parameters"]["users"] == 1


def test_autostart_runs_the_test_and_autoquit_ends_the_process(target, tmp_path):
    prefix = str(tmp_path / "auto")
    proc = subprocess.run([BINARY, "--web-host", "127.0.0.1", "--web-port", "0", "-H", target.url, "--autostart",
                           "--autoquit", "1", "-u", "2", "-r", "2", "-t", "3s", "--csv", prefix],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Starting web interface at http://127.0.0.1:" in proc.stderr
    assert "--run-time limit reached" in proc.stderr
    rows = read_csv(prefix + "_stats.csv")
    assert int(rows[-1][2]) > 0
    # --autoquit without --autostart is Locust's usage error.
    bad = subprocess.run([BINARY, "--autoquit", "1", "-H", target.url], capture_output=True, text=True, timeout=30)
    assert bad.returncode == 1 and "--autostart" in bad.stderr


def test_headless_serves_metrics_when_web_port_is_given(target, tmp_path):
    port = free_port()
    log = open(tmp_path / "headless.log", "w")
    proc = subprocess.Popen([BINARY, "--headless", "-H", target.url, "-u", "2", "-r", "2", "-t", "6s",
                             "--web-host", "127.0.0.1", "--web-port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_until(lambda: "(--headless: /metrics only)" in (tmp_path / "headless.log").read_text(), 20)
        assert wait_until(lambda: "hornet_requests_total" in call(base, "/metrics")["text"], 20)
        r = call(base, "/metrics")
        assert r["headers"]["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
        assert call(base, "/stats/requests")["status"] == 404  # headless: /metrics only
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # The port taken by someone else: a warning, and the run goes on to its verdict.
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        run = subprocess.run([BINARY, "--headless", "-H", target.url, "-u", "1", "-r", "1", "-t", "2s", "--web-host",
                              "127.0.0.1", "--web-port", str(taken)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Not serving /metrics" in run.stderr
    # --no-metrics: nothing is served.
    run = subprocess.run([BINARY, "--headless", "-H", target.url, "-u", "1", "-r", "1", "-t", "1s", "--web-port",
                          str(free_port()), "--no-metrics"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "Starting web interface" not in run.stderr


def test_master_with_the_ui_drives_a_real_locust_worker(web, target, tmp_path):
    cluster = ClusterBase(tmp_path)
    try:
        scenario = tmp_path / "web.json"
        scenario.write_text(SCENARIO)
        locustfile = tmp_path / "locustfile.py"
        locustfile.write_text("from locust import FastHttpUser, task, constant\n"
                              "class WebUser(FastHttpUser):\n"
                              "    wait_time = constant(0.1)\n"
                              "    @task\n"
                              "    def index(self):\n"
                              "        self.client.get('/')\n")
        h = web("--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", str(cluster.port), "-f",
                str(scenario), "-H", target.url, name="master")
        # No worker yet: a swarm is refused with a reason.
        refused = call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 2})
        assert refused["status"] == 409 and "worker" in refused["json"]["message"]
        worker = cluster.spawn("worker", [*cluster.locust(), "-f", str(locustfile), "--worker", "--master-host",
                                          "127.0.0.1", "--master-port", str(cluster.port)], cwd=str(tmp_path))
        assert wait_until(lambda: len(call(h.url, "/stats/requests")["json"].get("workers", [])) == 1, 30), \
            log_of(worker)[-2000:]
        ready = call(h.url, "/stats/requests")["json"]
        assert ready["workers"][0]["state"] == "ready"
        assert call(h.url, "/worker-count")["json"] == {"worker_count": 1}
        assert call(h.url, "/hornet/config")["json"]["master"] is True
        assert call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 2, "host": target.url})["status"] == 200
        running = wait_for_requests(h.url, 10, users=2, timeout=40)
        assert running["workers"][0]["state"] == "running" and running["workers"][0]["user_count"] == 2
        assert same_shape(locust_json("master_stats_requests_ready", "master_stats_requests_running",
                                      "master_stats_requests_stopped", mode="master"), [ready, running]) == []
        call(h.url, "/stop")
        assert wait_until(lambda: call(h.url, "/stats/requests")["json"]["state"] == "stopped", 30)
        assert wait_until(lambda: [w["state"] for w in call(h.url, "/stats/requests")["json"]["workers"]] == ["ready"],
                          30)
        # The worker stays: a second test runs on it.
        assert call(h.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1})["status"] == 200
        wait_for_requests(h.url, 5, users=1, timeout=40)
        assert h.stop() == 0
        assert cluster.wait(worker, timeout=30) == 0
    finally:
        cluster.close()


def test_class_picker_runs_only_the_chosen_classes(web, target, tmp_path):
    scenario = tmp_path / "two.json"
    scenario.write_text("""{"users": [
        {"name": "WebUser", "wait_time": {"constant": 0.1}, "tasks": [{"name": "web", "get": "/"}]},
        {"name": "ApiUser", "wait_time": {"constant": 0.1}, "tasks": [{"name": "api", "get": "/api/users"}]}]}""")
    h = web("-f", str(scenario), "-H", target.url, "--class-picker")
    assert call(h.url, "/hornet/config")["json"]["class_picker"] is True
    # Before a test, /tasks shows the shares the weights will give; during one, the users' shares.
    ratio = lambda: {k: v["ratio"] for k, v in call(h.url, "/tasks")["json"]["per_class"].items()}
    assert ratio() == {"ApiUser": 0.5, "WebUser": 0.5}
    r = call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10, "user_classes": ["ApiUser"]})
    assert r["status"] == 200 and r["json"]["user_classes"] == ["ApiUser"], r
    s = wait_for_requests(h.url, 5, users=2)
    assert [row["name"] for row in s["stats"]] == ["api", "Aggregated"]
    assert ratio() == {"ApiUser": 1.0, "WebUser": 0.0}
    # While it runs the classes stay; after a stop, another choice takes effect.
    assert call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10, "user_classes": ["WebUser"]})["status"] == 409
    call(h.url, "/stop")
    assert wait_until(lambda: call(h.url, "/stats/requests")["json"]["state"] == "stopped", 20)
    r = call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10, "user_classes": ["WebUser"]})
    assert r["status"] == 200
    s = wait_for_requests(h.url, 5, users=2)
    assert [row["name"] for row in s["stats"]] == ["web", "Aggregated"]
    assert call(h.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1, "user_classes": ["Nobody"]})["status"] == 400
    assert h.stop() == 0


def test_a_rate_and_a_load_plan_run_from_the_web_api(web, target, tmp_path):
    """The open model and load plans in web mode: /hornet/config says which drives the load, a
    /swarm without users starts it (with the form's rate), the running plan's stage shows in
    /stats/requests, and the plan ends the test by itself."""
    scenario = tmp_path / "s.json"
    scenario.write_text(SCENARIO)
    report = tmp_path / "open.json"
    h = web("-f", str(scenario), "-H", target.url, "--rate", "10", "--json", str(report), name="open")
    config = call(h.url, "/hornet/config")["json"]
    assert (config["load_model"], config["rate"], config["stages"]) == ("open", 10.0, [])
    for bad in ("0", "-1", "fast"):
        r = call(h.url, "/swarm", "POST", {"rate": bad})
        assert r["status"] == 400 and "rate must be" in r["json"]["message"], r
    r = call(h.url, "/swarm", "POST", {"rate": "40"})
    assert r["status"] == 200 and r["json"]["success"] is True, r
    s = wait_for_requests(h.url, 40)
    assert s["state"] == "running"
    call(h.url, "/stop")
    assert wait_until(lambda: call(h.url, "/stats/requests")["json"]["state"] == "stopped", 20)
    assert h.stop() in (0, 1)
    assert "Starting 40.00 iterations/s" in h.text()
    params = json.loads(report.read_text())["parameters"]
    assert params["rate"] == 40, params

    # A closed-model run refuses a rate, naming the flag that enables it.
    closed = web("-f", str(scenario), "-H", target.url, name="closed")
    assert call(closed.url, "/hornet/config")["json"]["load_model"] == "closed"
    r = call(closed.url, "/swarm", "POST", {"user_count": 1, "spawn_rate": 1, "rate": "5"})
    assert r["status"] == 400 and "--rate" in r["json"]["message"], r
    assert closed.stop() == 0

    shape = tmp_path / "plan.json"
    shape.write_text('[{"duration": "2s", "users": 2, "spawn_rate": 20}, {"duration": "2s", "users": 3, "spawn_rate": 20}]')
    p = web("-f", str(scenario), "-H", target.url, "--shape", str(shape), name="plan")
    config = call(p.url, "/hornet/config")["json"]
    assert config["load_model"] == "plan"
    assert config["stages"] == ["2s: 2 users at 20.00/s", "2s: 3 users at 20.00/s"]
    assert call(p.url, "/swarm", "POST", {"rate": "5"})["status"] == 400
    r = call(p.url, "/swarm", "POST", {})
    assert r["status"] == 200, r
    stages = set()

    def ended():
        s = call(p.url, "/stats/requests")["json"]
        if "stage" in s:
            stages.add(s["stage"].split(":")[0])
        return s["state"] == "stopped"
    assert wait_until(ended, 20), p.text()[-2000:]
    assert stages == {"Stage 1/2", "Stage 2/2"}, stages
    assert "Stopping the test: the load plan has ended" in p.text()
    # While a plan runs, another /swarm is refused (it would be another plan).
    r = call(p.url, "/swarm", "POST", {})
    assert r["status"] == 200
    r2 = call(p.url, "/swarm", "POST", {})
    assert r2["status"] == 409 and "load plan is running" in r2["json"]["message"], r2
    assert p.stop() in (0, 1)


TWO_CLASSES = """{"users": [
    {"name": "WebUser", "wait_time": {"constant": 0.1}, "tasks": [{"name": "web", "get": "/"}]},
    {"name": "ApiUser", "wait_time": {"constant": 0.1}, "tasks": [{"name": "api", "get": "/api/users"}]}]}"""


def test_the_start_forms_host_is_where_the_next_test_goes(web, target, tmp_path):
    """Started against a port where nothing listens, a test whose form names the demo target runs
    against it (the users are rebuilt for it); a running test's host cannot change."""
    scenario = tmp_path / "s.json"
    scenario.write_text(TWO_CLASSES)
    dead = f"http://127.0.0.1:{free_port()}"
    h = web("-f", str(scenario), "-H", dead)
    r = call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10, "host": target.url})
    assert r["status"] == 200 and r["json"]["host"] == target.url, r
    s = wait_for_requests(h.url, 10, users=2)
    assert s["stats"][-1]["num_failures"] == 0, s["errors"]
    assert call(h.url, "/hornet/config")["json"]["host"] == target.url
    r = call(h.url, "/swarm", "POST", {"user_count": 2, "spawn_rate": 10, "host": dead})
    assert r["status"] == 409 and "stop it first" in r["json"]["message"], r
    assert "Host set to " + target.url in h.text()
    assert h.stop() == 0


def test_a_master_with_the_ui_runs_the_chosen_classes_against_the_forms_host(web, target, tmp_path):
    cluster = ClusterBase(tmp_path)
    try:
        scenario = tmp_path / "two.json"
        scenario.write_text(TWO_CLASSES)
        dead = f"http://127.0.0.1:{free_port()}"
        h = web("--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", str(cluster.port), "-f",
                str(scenario), "-H", dead, "--class-picker", name="master")
        worker = cluster.spawn("worker", [BINARY, "-f", str(scenario), "--worker", "--master-host", "127.0.0.1",
                                          "--master-port", str(cluster.port)], cwd=str(tmp_path))
        assert wait_until(lambda: len(call(h.url, "/stats/requests")["json"].get("workers", [])) == 1, 30), \
            log_of(worker)[-2000:]
        r = call(h.url, "/swarm", "POST",
                 {"user_count": 3, "spawn_rate": 10, "host": target.url, "user_classes": ["ApiUser"]})
        assert r["status"] == 200 and r["json"]["user_classes"] == ["ApiUser"], r
        s = wait_for_requests(h.url, 10, users=3, timeout=40)
        assert [row["name"] for row in s["stats"]] == ["api", "Aggregated"]
        assert s["stats"][-1]["num_failures"] == 0, s["errors"]
        # The Hornet worker sends its log lines (every 10 s, the first at once): /logs shows them.
        assert wait_until(lambda: any("Connected to the master" in line for lines in
                                      call(h.url, "/logs")["json"]["workers"].values() for line in lines), 15), \
            call(h.url, "/logs")["json"]
        assert h.stop() == 0
        assert cluster.wait(worker, timeout=30) == 0
    finally:
        cluster.close()
