"""deploy/kubernetes run for real, minus Kubernetes: each overlay is rendered with `kubectl
kustomize` and its containers' command lines (the image's ENTRYPOINT `hornet` + args + env, the
ConfigMaps' variables included) are run as the pods would run them, against the demo target.
Only what the cluster provides is substituted: the target URL (LOCUST_HOST), the mounts (the
scenario ConfigMap's files -> a folder, the reports volume -> a folder), the Service's address
(hornet-master -> 127.0.0.1) and the fixed ports (8089, 5557 -> free ones, since tests run side by
side), and the run time is shortened through the manifests' own LOCUST_RUN_TIME. Rates are
checked by counting iterations in the JSON report, not by timing."""
import json
import os
import shutil
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest
import yaml

from cluster import free_port, wait_until
from conftest import BINARY, SOURCE_DIR

OVERLAYS = os.path.join(SOURCE_DIR, "deploy", "kubernetes", "overlays")
RUN_SECONDS = 12


def render(overlay, tmp_path):
    kubectl = shutil.which("kubectl")
    assert kubectl, "kubectl is needed (scripts/install-deps.sh --tests installs Debian's kubernetes-client)"
    # A kubeconfig that points nowhere and a closed stdin: rendering must stay offline.
    config = tmp_path / "kubeconfig"
    config.write_text("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n")
    r = subprocess.run([kubectl, "kustomize", os.path.join(OVERLAYS, overlay)], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=60, env={**os.environ, "KUBECONFIG": str(config)})
    assert r.returncode == 0, r.stderr
    return [d for d in yaml.safe_load_all(r.stdout) if d]


def pod_of(objects, kind, name):
    obj = next((o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name), None)
    assert obj, f"{kind}/{name} not rendered"
    return obj["spec"]["template"]["spec"]


class Pod:
    """One container's command line, as the kubelet would start it, in a folder of its own."""

    def __init__(self, objects, spec, tmp_path, name):
        (container,) = spec["containers"]
        assert "command" not in container, "the image's ENTRYPOINT (hornet) is the command"
        self.root = tmp_path / name
        self.root.mkdir()
        # Volumes: a ConfigMap's keys become files; anything else is an empty folder.
        mounts = {}
        for m in container.get("volumeMounts", []):
            volume = next(v for v in spec["volumes"] if v["name"] == m["name"])
            local = self.root / m["name"]
            local.mkdir()
            if "configMap" in volume:
                for key, text in config_map(objects, volume["configMap"]["name"]).items():
                    (local / key).write_text(text)
            mounts[m["mountPath"]] = str(local)
        self.mounts = mounts
        self.args = [self.local(a) for a in container.get("args", [])]
        # envFrom first, then env: Kubernetes lets `env` win.
        env = {}
        for source in container.get("envFrom", []):
            env.update(config_map(objects, source["configMapRef"]["name"]))
        for e in container.get("env", []):
            env[e["name"]] = e["value"]
        self.env = env
        self.ports = {p["containerPort"] for p in container.get("ports", [])}

    def local(self, arg):
        for path, local in self.mounts.items():
            arg = arg.replace(path + "/", local + "/")
        return arg

    def start(self, log_name):
        env = {"PATH": os.environ["PATH"], "HOME": str(self.root), **self.env}
        self.log = self.root / log_name
        with open(self.log, "w") as log:
            return subprocess.Popen([BINARY, *self.args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, cwd=self.root)


def config_map(objects, name):
    obj = next((o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"] == name), None)
    assert obj, f"ConfigMap {name} not rendered"
    return obj["data"]


def replace_arg(args, flag, value):
    hits = [i for i, a in enumerate(args) if a.startswith(flag + "=")]
    assert len(hits) == 1, f"{flag} expected once in {args}"
    args[hits[0]] = f"{flag}={value}"


def wait(proc, timeout):
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


def healthy(port):
    return subprocess.run([BINARY, "healthcheck", f"http://127.0.0.1:{port}/metrics"], capture_output=True,
                          timeout=15).returncode == 0


def check_reports(reports):
    for name in ("run.json", "run_stats.csv", "report.html", "junit.xml"):
        assert (reports / name).is_file(), f"{name} not written"
    with open(reports / "run.json") as f:
        return json.load(f)


def test_the_job_holds_its_rate_and_exits_with_the_verdict(target, tmp_path):
    objects = render("job", tmp_path)
    spec = pod_of(objects, "Job", "hornet")
    assert spec["restartPolicy"] == "Never"
    pod = Pod(objects, spec, tmp_path, "job")
    assert pod.env["LOCUST_HOST"] and pod.env["LOCUST_RUN_TIME"]
    pod.env["LOCUST_HOST"] = target.url
    pod.env["LOCUST_RUN_TIME"] = f"{RUN_SECONDS}s"
    web = free_port()
    assert 8089 in pod.ports
    replace_arg(pod.args, "--web-port", web)
    rate = float(pod.env["HORNET_RATE"])

    proc = pod.start("job.log")
    # The image's HEALTHCHECK command answers while the Job runs (its /metrics port).
    assert wait_until(lambda: healthy(web), 20), pod.log.read_text()[-3000:]
    code = wait(proc, 90)
    log = pod.log.read_text()
    assert code == 0, log[-3000:]
    assert "Thresholds" in log and "Response time percentiles" in log
    assert not healthy(web)
    report = check_reports(Path(pod.mounts["/reports"]))
    started = report["iterations"]["started"]
    # RUN_SECONDS at the manifest's rate; a start or two at either edge of the run.
    assert abs(started - rate * RUN_SECONDS) <= rate * 0.1 + 2, started
    assert report["iterations"]["dropped"] == 0
    assert target.counts()["total"] >= started


def test_the_master_and_workers_share_the_rate_and_the_workers_complete(target, tmp_path):
    objects = render("distributed", tmp_path)
    master = Pod(objects, pod_of(objects, "Job", "hornet-master"), tmp_path, "master")
    worker_spec = pod_of(objects, "Job", "hornet-worker")
    assert worker_spec["restartPolicy"] == "OnFailure"
    worker_job = next(o for o in objects if o["kind"] == "Job" and o["metadata"]["name"] == "hornet-worker")
    workers = int(master.env["LOCUST_EXPECT_WORKERS"])
    assert worker_job["spec"]["parallelism"] == workers == worker_job["spec"]["completions"]
    service = next(o for o in objects if o["kind"] == "Service")
    assert {p["port"] for p in service["spec"]["ports"]} == {8089, 5557}
    assert master.ports == {8089, 5557}

    master.env["LOCUST_HOST"] = target.url
    master.env["LOCUST_RUN_TIME"] = f"{RUN_SECONDS}s"
    bind = free_port()
    replace_arg(master.args, "--web-port", free_port())
    master.args.append(f"--master-bind-port={bind}")  # the Service's 5557
    rate = float(master.env["HORNET_RATE"])
    master_proc = master.start("master.log")
    pods = []
    for i in range(workers):
        w = Pod(objects, worker_spec, tmp_path, f"worker{i}")
        assert w.env["LOCUST_MASTER_NODE_HOST"] == service["metadata"]["name"]
        assert w.env["LOCUST_MASTER_NODE_PORT"] == "5557"
        w.env["LOCUST_MASTER_NODE_HOST"] = "127.0.0.1"
        w.env["LOCUST_MASTER_NODE_PORT"] = str(bind)
        assert "LOCUST_HOST" not in w.env  # the master sends it
        pods.append((w, w.start("worker.log")))

    code = wait(master_proc, 120)
    log = master.log.read_text()
    assert code == 0, log[-3000:]
    for w, proc in pods:
        # The master's quit ends each worker with 0: the worker Job completes.
        assert wait(proc, 30) == 0, w.log.read_text()[-3000:]
    report = check_reports(Path(master.mounts["/reports"]))
    started = report["iterations"]["started"]
    assert abs(started - rate * RUN_SECONDS) <= rate * 0.1 + 2 * workers, started
    assert report["iterations"]["dropped"] == 0


def test_the_ui_master_answers_its_probes_gathers_the_workers_and_stops_on_sigterm(target, tmp_path):
    objects = render("ui", tmp_path)
    master_spec = pod_of(objects, "Deployment", "hornet-master")
    master = Pod(objects, master_spec, tmp_path, "master")
    workers_deployment = next(o for o in objects if o["kind"] == "Deployment" and o["metadata"]["name"] == "hornet-worker")
    replicas = workers_deployment["spec"]["replicas"]
    probe = master_spec["containers"][0]["readinessProbe"]["httpGet"]
    assert probe["port"] == "web" and master_spec["containers"][0]["livenessProbe"]["httpGet"]["path"] == probe["path"]

    master.env["LOCUST_HOST"] = target.url
    web, bind = free_port(), free_port()
    replace_arg(master.args, "--web-port", web)
    master.args.append(f"--master-bind-port={bind}")
    master_proc = master.start("master.log")
    pods = []
    try:
        for i in range(replicas):
            w = Pod(objects, pod_of(objects, "Deployment", "hornet-worker"), tmp_path, f"worker{i}")
            w.env["LOCUST_MASTER_NODE_HOST"] = "127.0.0.1"
            w.env["LOCUST_MASTER_NODE_PORT"] = str(bind)
            pods.append((w, w.start("worker.log")))
        url = f"http://127.0.0.1:{web}"

        def workers_ready():
            try:
                with urllib.request.urlopen(url + "/stats/requests", timeout=5) as r:
                    return json.loads(r.read())["worker_count"] == replicas
            except OSError:
                return False

        assert wait_until(workers_ready, 30), master.log.read_text()[-3000:]
        # The readiness and liveness probes' GET.
        with urllib.request.urlopen(url + probe["path"], timeout=5) as r:
            assert r.status == 200
        master_proc.send_signal(signal.SIGTERM)  # kubectl delete -k …
        assert wait(master_proc, 30) == 0, master.log.read_text()[-3000:]
        for w, proc in pods:
            assert wait(proc, 30) == 0, w.log.read_text()[-3000:]
    finally:
        for proc in [master_proc] + [p for _, p in pods]:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_the_image_healthcheck_needs_an_http_answer(target):
    def healthcheck(*args):
        return subprocess.run([BINARY, "healthcheck", *args], capture_output=True, text=True, timeout=15)

    # Any answer below 500 is a live server (the demo target's 404 too); nothing listening is not.
    assert healthcheck(target.url + "/health").returncode == 0
    assert healthcheck(target.url + "/no-such-page").returncode == 0
    failing = healthcheck(target.url + "/status/503")
    assert failing.returncode == 1 and "answered 503" in failing.stderr
    refused = healthcheck(f"http://127.0.0.1:{free_port()}/metrics")
    assert refused.returncode == 1 and "cannot connect" in refused.stderr
    bad = healthcheck("ftp://127.0.0.1/")
    assert bad.returncode == 2 and "invalid URL" in bad.stderr
