"""--junit and --summary-md on real runs: the XML validated against a JUnit schema (junit.xsd beside
this file) and read back by junitparser, a JUnit consumer; the markdown summary written to its file
and appended to $GITHUB_STEP_SUMMARY without losing what earlier steps wrote there."""
import os
import subprocess

from junitparser import Failure, JUnitXml

from conftest import BINARY, hornet

SCENARIO = """{"users": [{"name": "Mixed", "wait_time": {"constant": 0.01}, "tasks": [
    {"get": "/slow?ms=20", "name": "/slow"},
    {"get": "/status/500", "name": "/broken"}]}]}"""

PASSING = """{"users": [{"name": "Fine", "wait_time": {"constant": 0.01}, "tasks": [
    {"get": "/slow?ms=5", "name": "/fine"}]}]}"""

XSD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "junit.xsd")


def validate(path):
    r = subprocess.run(["xmllint", "--noout", "--schema", XSD, str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def cases(path):
    """{(classname, name): (case, failure or None)} and the one suite, read by junitparser."""
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert [s.name for s in suites] == ["hornet"]
    found = {}
    for case in suites[0]:
        key = (case.classname, case.name)
        assert key not in found, f"duplicate testcase {key}"
        failures = [r for r in case.result if isinstance(r, Failure)]
        found[key] = (case, failures[0] if failures else None)
    return xml, suites[0], found


def run(target, tmp_path, scenario, *checks, summary_file):
    path = tmp_path / "scenario.json"
    path.write_text(scenario)
    junit, md = tmp_path / "TEST-hornet.xml", tmp_path / "summary.md"
    args = ["-f", str(path), "-H", target.url, "--headless", "-u", "2", "-r", "2", "-t", "3s", "--only-summary",
            "--junit", str(junit), "--summary-md", str(md), "--json", str(tmp_path / "run.json")]
    for c in checks:
        args += ["--check", c]
    r = hornet(*args, env={"GITHUB_STEP_SUMMARY": str(summary_file)})
    return r, junit, md


def test_a_failing_run_as_junit_and_markdown(target, tmp_path):
    step_summary = tmp_path / "step_summary.md"
    step_summary.write_text("## Build\n\nearlier step's summary\n")
    r, junit, md = run(target, tmp_path, SCENARIO, "GET /slow: p50>=15ms", "fail_ratio<1%", "each: max<5s",
                       summary_file=step_summary)
    assert r.returncode == 3, r.stderr[-3000:]

    validate(junit)
    xml, suite, found = cases(junit)
    # 4 threshold outcomes ("each" on two rows) and 2 endpoints; fail_ratio and /broken fail.
    assert sorted(found) == [("endpoints", "GET /broken"), ("endpoints", "GET /slow"),
                             ("thresholds", "Aggregated: fail_ratio<1%"),
                             ("thresholds", "GET /broken: each: max<5s"),
                             ("thresholds", "GET /slow: each: max<5s"),
                             ("thresholds", "GET /slow: p50>=15ms")]
    assert (suite.tests, suite.failures, suite.errors) == (6, 2, 0)
    assert (xml.tests, xml.failures) == (6, 2)
    assert 2.5 <= suite.time <= 10
    failed = sorted(key for key, (_, failure) in found.items() if failure is not None)
    assert failed == [("endpoints", "GET /broken"), ("thresholds", "Aggregated: fail_ratio<1%")]

    ratio = found[("thresholds", "Aggregated: fail_ratio<1%")][1]
    assert ratio.type == "threshold"
    assert ratio.message.startswith("measured ") and ratio.message.endswith("%, expected fail_ratio<1%")
    assert "measured " in ratio.text  # GitLab shows only the text

    broken_case, broken = found[("endpoints", "GET /broken")]
    assert broken.type == "request_failures"
    requests = int(broken.message.split(" of ")[1].split()[0])
    assert requests > 10 and broken.message == f"{requests} of {requests} requests failed (100.00%)"
    assert f"by kind: status {requests}\n" in broken.text
    assert f"{requests} x [status] HTTPError('500 Server Error" in broken.text
    assert "/slow" not in broken.text
    slow_case, slow_failure = found[("endpoints", "GET /slow")]
    assert slow_failure is None
    assert 0.015 <= slow_case.time < 1  # the mean response time of /slow?ms=20

    markdown = md.read_text()
    assert len(markdown.encode()) < 1024 * 1024
    assert markdown.startswith("## ❌ Hornet: failed — 1 of 4 thresholds failed (exit code 3)\n")
    assert "| ❌ | Aggregated | fail\\_ratio\\<1% |" in markdown
    assert "| ✅ | GET /slow | GET /slow: p50\\>=15ms |" in markdown
    assert f"| GET | /broken | {requests} | {requests} (100.00%) |" in markdown
    assert "| GET | /broken | HTTPError('500 Server Error" in markdown.split("### Failures", 1)[1]

    # Appended after what the earlier step wrote, which is kept.
    assert step_summary.read_text() == "## Build\n\nearlier step's summary\n" + markdown

    # The same reports from the saved run; without the variable nothing is appended.
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    again = subprocess.run([BINARY, "report", str(tmp_path / "run.json"), "--junit", str(tmp_path / "again.xml"),
                            "--summary-md", str(tmp_path / "again.md")], capture_output=True, text=True, env=env,
                           timeout=60)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again.xml").read_text() == junit.read_text()
    assert (tmp_path / "again.md").read_text() == markdown

    # A second step appends again, this time a passing run.
    r2, junit2, md2 = run(target, tmp_path, PASSING, "p95<2s", summary_file=step_summary)
    assert r2.returncode == 0, r2.stderr[-3000:]
    validate(junit2)
    _, suite2, found2 = cases(junit2)
    assert (suite2.tests, suite2.failures) == (2, 0)
    assert sorted(found2) == [("endpoints", "GET /fine"), ("thresholds", "Aggregated: p95<2s")]
    passed = md2.read_text()
    assert passed.startswith("## ✅ Hornet: passed, 1 thresholds met\n")
    assert step_summary.read_text() == "## Build\n\nearlier step's summary\n" + markdown + passed


def test_without_the_variable_only_the_named_files_are_written(target, tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(PASSING)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    r = subprocess.run([BINARY, "-f", str(path), "-H", target.url,
                        "--headless", "-u", "1", "-t", "1s", "--only-summary", "--junit", str(tmp_path / "j.xml")],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    validate(tmp_path / "j.xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.xml", "scenario.json"]
