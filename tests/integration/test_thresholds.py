"""The CI verdict: --check thresholds on the final merged stats, their table and exit codes, standalone
and on a distributed master (where the percentiles come from the workers' exact histograms)."""
import json
import re
import time
import subprocess

from conftest import BINARY, hornet
from test_distributed_master import cluster, log_of, write  # noqa: F401 (cluster is a fixture)

SLOW = """{"users": [{"name": "Slow", "wait_time": {"constant": 0.01}, "tasks": [
    {"get": "/slow?ms=50", "name": "/slow"},
    {"get": "/status/500", "name": "/broken"}]}]}"""


def verdict_rows(stderr):
    """{(row, threshold): (result, measured)} from the Thresholds table."""
    table = stderr.split("\nThresholds\n", 1)[1].split("\nVerdict:", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        if line.startswith("-") or not line.strip():
            continue
        result, rest = line[:8].strip(), line[8:]
        cells = re.split(r"\s{2,}", rest.strip())
        rows[(cells[0], cells[1])] = (result, cells[2])
    return rows


def test_thresholds_that_pass_and_fail_set_the_exit_code(target, tmp_path):
    scenario = write(tmp_path, "slow.json", SLOW)
    common = ["-f", scenario, "-H", target.url, "--headless", "-u", "4", "-r", "4", "-t", "4s", "--only-summary"]

    # /broken fails every request: Locust's exit code 1 stays when every threshold passes.
    ok = hornet(*common, "--check", "GET /slow: p50>=45ms", "--check", "GET /slow: p99<500ms",
                "--check", "requests>=20")
    assert ok.returncode == 1, ok.stderr[-3000:]
    rows = verdict_rows(ok.stderr)
    assert rows[("GET /slow", "GET /slow: p50>=45ms")][0] == "PASS"
    assert rows[("Aggregated", "requests>=20")][0] == "PASS"
    assert "Verdict: PASS (3 thresholds passed)" in ok.stderr
    assert "Shutting down (exit code 1)" in ok.stderr

    # A failed threshold wins: exit code 3, the table says which and by how much.
    bad = hornet(*common, "--check", "GET /slow: p95<20ms", "--check", "fail_ratio<1%", "--check", "each: max<1s",
                 "--check-rps", "1")
    assert bad.returncode == 3, bad.stderr[-3000:]
    rows = verdict_rows(bad.stderr)
    result, measured = rows[("GET /slow", "GET /slow: p95<20ms")]
    assert result == "FAIL"
    assert 50 <= float(measured.split()[0]) < 100
    assert rows[("Aggregated", "fail_ratio<1%")][0] == "FAIL"
    assert rows[("GET /broken", "each: max<1s")][0] == "PASS"
    assert rows[("GET /slow", "each: max<1s")][0] == "PASS"
    assert rows[("Aggregated", "rps>=1")][0] == "PASS"
    assert "Verdict: FAIL (2 of 5 thresholds failed)" in bad.stderr
    assert "Shutting down (exit code 3)" in bad.stderr


def test_a_bad_expression_names_itself_and_the_position_before_anything_runs(target):
    r = hornet("-H", target.url, "--headless", "-u", "1", "-t", "30s", "--check", "p95<300ms",
               "--check", "GET /a: p95<<300ms")
    assert r.returncode == 2
    assert "invalid threshold 'GET /a: p95<<300ms' at position 13: expected a number" in r.stderr
    assert "Ramping" not in r.stderr  # refused before the test started


def test_a_master_judges_the_merged_exact_histograms(target, cluster, tmp_path):
    scenario = write(tmp_path, "slow.json", """{"users": [{"name": "SlowUser", "wait_time": {"constant": 0.01},
        "tasks": [{"get": "/slow?ms=123", "name": "/slow"}]}]}""")
    # 123 ms sits in Locust's 120 ms bucket: only the workers' HDR data lets "p50>=122ms" pass.
    master = cluster.master("-f", scenario, "--expect-workers", "2", "-u", "6", "-r", "6", "-t", "5s",
                            "-H", target.url, "--check", "GET /slow: p50>=122ms", "--check", "GET /slow: p99<200ms",
                            "--check", "GET /slow: p50<100ms", "--json", str(tmp_path / "master.json"))
    for i in range(2):
        cluster.hornet_worker(f"w{i}", "-f", scenario, "-H", target.url)
    assert cluster.wait(master) == 3, log_of(master)[-3000:]
    rows = verdict_rows(log_of(master))
    assert rows[("GET /slow", "GET /slow: p50>=122ms")][0] == "PASS"
    assert rows[("GET /slow", "GET /slow: p99<200ms")][0] == "PASS"
    assert rows[("GET /slow", "GET /slow: p50<100ms")][0] == "FAIL"
    report = json.loads((tmp_path / "master.json").read_text())
    assert report["parameters"]["mode"] == "master" and report["parameters"]["workers"] == 2
    assert [t["passed"] for t in report["thresholds"]] == [True, True, False]
    assert report["verdict"]["exit_code"] == 3
    assert sum(p["requests"] for p in report["series"]) == report["total"]["requests"] > 0

    # The same thresholds standalone: the same verdict row for row.
    local = subprocess.run([BINARY, "-f", scenario, "--headless", "-u", "6", "-r", "6", "-t", "4s", "-H", target.url,
                            "--check", "GET /slow: p50>=122ms", "--check", "GET /slow: p99<200ms",
                            "--check", "GET /slow: p50<100ms"], capture_output=True, text=True, timeout=60)
    assert local.returncode == 3, local.stderr[-2000:]
    assert {k: v[0] for k, v in verdict_rows(local.stderr).items()} == {k: v[0] for k, v in rows.items()}


def test_a_scenarios_thresholds_join_the_command_lines_and_a_bad_one_is_named_at_its_line(target, tmp_path):
    scenario = write(tmp_path, "t.json", """{
  "thresholds": ["GET /slow: p50>=45ms",
                 "fail_ratio<1%"],
  "users": [{"name": "Slow", "wait_time": {"constant": 0.01}, "tasks": [{"get": "/slow?ms=50", "name": "/slow"}]}]
}""")
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "2", "-t", "3s", "--only-summary",
               "--check", "requests>=1000000")
    assert r.returncode == 3, r.stderr[-3000:]
    rows = verdict_rows(r.stderr)
    assert rows[("GET /slow", "GET /slow: p50>=45ms")][0] == "PASS"
    assert rows[("Aggregated", "fail_ratio<1%")][0] == "PASS"
    assert rows[("Aggregated", "requests>=1000000")][0] == "FAIL"

    bad = write(tmp_path, "bad.json", """{
  "thresholds": ["p95<300ms",
                 "p95 < 3 hours"],
  "users": [{"name": "U", "tasks": [{"get": "/"}]}]
}""")
    r = hornet("-f", bad, "-H", target.url, "--headless", "-u", "1", "-t", "30s")
    assert r.returncode == 1
    assert ("bad.json:3:18: at /thresholds/1: invalid threshold 'p95 < 3 hours' at position 9: "
            "unknown time unit 'hours' (ms or s)") in r.stderr


def test_abort_on_fail_stops_a_broken_run_after_its_warm_up(target, tmp_path):
    scenario = write(tmp_path, "slow.json", SLOW)
    out = tmp_path / "run.json"
    begin = time.monotonic()
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "4", "-r", "4", "-t", "60s", "--only-summary",
               "--check", "GET /slow: p95<1s abort_on_fail after 0s", "--check", "fail_ratio<10% abort_on_fail after 2s",
               "--json", str(out))
    took = time.monotonic() - begin
    assert r.returncode == 3, r.stderr[-3000:]
    assert took < 15, took  # not the 60 s of -t
    assert re.search(r"Threshold 'fail_ratio<10% abort_on_fail after 2s' failed on Aggregated \(\d+\.\d+%\) after "
                     r"[2-5] s: abort_on_fail stops the test", r.stderr), r.stderr[-3000:]
    rows = verdict_rows(r.stderr)
    assert rows[("GET /slow", "GET /slow: p95<1s abort_on_fail after 0s")][0] == "PASS"  # checked, never stopped it
    assert rows[("Aggregated", "fail_ratio<10% abort_on_fail after 2s")][0] == "FAIL"
    report = json.loads(out.read_text())
    assert report["verdict"]["summary"] == ("1 of 2 thresholds failed; stopped early: "
                                            "'fail_ratio<10% abort_on_fail after 2s' failed (abort_on_fail)")
