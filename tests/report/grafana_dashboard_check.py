"""deploy/grafana/hornet-dashboard.json against the renderer: the JSON parses, has a Prometheus data
source variable, and every PromQL expression in it names only metric families that /metrics has
(read from the TYPE lines the real renderer writes).
    python3 grafana_dashboard_check.py PATH/TO/hornet_metrics_sample PATH/TO/hornet-dashboard.json"""
import json
import re
import subprocess
import sys

KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless",
            "inf", "nan", "Inf", "NaN"}
GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
WORD = re.compile(r"[A-Za-z_:][A-Za-z0-9_:]*")


def metric_names(expr):
    """The metric names an expression selects: words that are not functions, keywords, label names
    in groupings, nor inside strings, label matchers or ranges."""
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    e = re.sub(r"\{[^}]*\}", " ", e)
    e = re.sub(r"\[[^\]]*\]", " ", e)
    e = GROUPING.sub(" ", e)
    names = set()
    for m in WORD.finditer(e):
        before = e[m.start() - 1] if m.start() else " "
        if before.isdigit() or before in ".$":  # 1e3, 0.95, a Grafana variable
            continue
        if e[m.end():].lstrip().startswith("(") or m.group(0) in KEYWORDS:
            continue
        names.add(m.group(0))
    return names


def families(sample_program):
    """Every series name the renderer can write: the TYPE lines, with a histogram's three series."""
    text = subprocess.run([sample_program, "--locust-names"], capture_output=True, check=True, text=True).stdout
    names = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            names.update({name + s for s in ("_bucket", "_sum", "_count")} if kind == "histogram" else {name})
    return names


def expressions(dashboard):
    """(where, expr) for every panel target (rows' nested panels too) and every query variable."""
    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                yield f"panel {p.get('title')!r} {t.get('refId')}", t["expr"]
            yield from walk(p.get("panels", []))
    yield from walk(dashboard["panels"])
    for v in dashboard["templating"]["list"]:
        if v["type"] == "query":
            q = v["query"]["query"] if isinstance(v["query"], dict) else v["query"]
            inner = re.fullmatch(r"label_values\((.*),\s*\w+\)", q)
            yield f"variable {v['name']}", inner.group(1) if inner else q


def main(sample_program, path):
    # The extractor itself, on shapes the dashboard uses.
    assert metric_names('rate(a_total{job=~"$job",name="x{y}"}[$__rate_interval])') == {"a_total"}
    assert metric_names("histogram_quantile(0.95, sum by (le, name) (rate(b_bucket[5m])))") == {"b_bucket"}
    assert metric_names("sum(c) / sum by (kind) (d) * 1e3 > bool 0") == {"c", "d"}
    assert metric_names("max by (state) (e) == 1 and on(instance) f offset 5m") == {"e", "f"}

    with open(path, encoding="utf-8") as f:
        dashboard = json.load(f)
    problems = []
    if not 36 <= dashboard.get("schemaVersion", 0) <= 39:
        problems.append(f"schemaVersion {dashboard.get('schemaVersion')}")
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    ds = variables.get("datasource")
    if not ds or ds["type"] != "datasource" or ds["query"] != "prometheus":
        problems.append("no `datasource` variable of type prometheus")

    known = families(sample_program)
    used = set()
    count = 0
    for where, expr in expressions(dashboard):
        count += 1
        names = metric_names(expr)
        if not names:
            problems.append(f"{where}: no metric in {expr!r}")
        for name in sorted(names - known):
            problems.append(f"{where}: {name} is not a family /metrics has ({expr!r})")
        used |= names
    for p in dashboard["panels"]:
        if p["type"] != "row" and p.get("datasource", {}).get("uid") != "${datasource}":
            problems.append(f"panel {p['title']!r} does not use the datasource variable")

    wanted = {"hornet_requests_total", "hornet_request_failures_total", "hornet_request_duration_seconds_bucket",
              "hornet_users", "hornet_workers", "hornet_workers_missing", "hornet_state",
              "hornet_event_loop_lag_seconds", "hornet_process_cpu_seconds_total"}
    problems += [f"no panel shows {name}" for name in sorted(wanted - used)]
    all_exprs = " ".join(e for _, e in expressions(dashboard))
    for q in ("0.5", "0.95", "0.99"):
        if f"histogram_quantile({q}," not in all_exprs:
            problems.append(f"no p{q} from the histogram")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{path}: {count} expressions over {len(used)} families, all rendered by /metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
