"""--html FILE: the self-contained HTML report of a real run, next to --json from the same record."""
import html
import json
import re

from conftest import hornet
from test_distributed_master import write

MARKUP = """{"users": [{"name": "Markup", "wait_time": {"constant": 0.01}, "tasks": [
    {"get": "/slow?ms=5", "name": "/slow"},
    {"get": "/status/500", "name": "/x/<img src=x onerror=alert(1)>"}]}]}"""


def cells(table_html):
    """The text of every row's cells in a table's body."""
    body = table_html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def table(doc, table_id):
    start = doc.index(f'<table id="{table_id}">')
    return doc[start:doc.index("</table>", start)]


def test_the_html_report_shows_the_json_records_numbers(target, tmp_path):
    scenario = write(tmp_path, "markup.json", MARKUP)
    out_html = tmp_path / "reports" / "run.html"  # the folder is created
    out_json = tmp_path / "run.json"
    r = hornet("-f", scenario, "-H", target.url, "--headless", "-u", "2", "-r", "2", "-t", "3s", "--only-summary",
               "--html", str(out_html), "--json", str(out_json), "--check", "fail_ratio<1%")
    assert r.returncode == 3, r.stderr[-3000:]
    assert f"Report written to {out_html}" in r.stderr
    doc = out_html.read_text()
    record = json.loads(out_json.read_text())

    # Self-contained, and the endpoint name that is markup stays text.
    assert doc.startswith("<!DOCTYPE html>")
    assert "<img" not in doc and "<script" not in doc and "src=" not in doc.replace("src=x", "")
    assert "/x/&lt;img src=x onerror=alert(1)&gt;" in doc

    # The request table holds the record's endpoints and counts, Aggregated last.
    rows = cells(table(doc, "request-stats"))
    want = [(e["method"], e["name"], e["requests"], e["failures"]) for e in record["endpoints"]]
    want.append(("", "Aggregated", record["total"]["requests"], record["total"]["failures"]))
    assert [(c[0], c[1], int(c[2]), int(c[3].split()[0])) for c in rows] == want
    assert all(n > 0 for _, _, n, _ in want)

    # The verdict and its threshold, the failure with its kind.
    assert 'class="badge fail">FAILED' in doc and "exit code 3" in doc
    assert [c[:3] for c in cells(table(doc, "thresholds"))] == [["FAIL", "Aggregated", "fail_ratio<1%"]]
    failures = cells(table(doc, "failure-stats"))
    assert [(c[1], c[2], c[3]) for c in failures] == [("GET", "/x/<img src=x onerror=alert(1)>", "status")]

    # One polyline per series; the time series has as many points as the record.
    series = len(record["series"])
    assert series >= 2
    for name in ("Requests/s", "Failures/s", "p50", "p95", "p99", "Users"):
        m = re.search(r'<g class="series" data-series="' + re.escape(name) + r'">\n<polyline [^>]*points="([^"]*)"', doc)
        assert m, name
        assert len(m.group(1).split()) == series, name
    assert not re.search(r"\b(nan|inf|infinity)\b", doc, re.I)

    # The saved run draws the same page again.
    again = tmp_path / "again.html"
    r = hornet("report", str(out_json), "--html", str(again))
    assert r.returncode == 0, r.stderr[-3000:]
    assert again.read_text() == doc
