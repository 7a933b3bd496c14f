#!/usr/bin/env bash
# Memory of a long run: Hornet holds RATE requests/s over ENDPOINTS endpoints for SECONDS against
# the demo target, with --csv --csv-full-history and --json on, and samples its RSS every 10 s.
# The report's time series is downsampled (at most 1,024 points), the histograms are fixed-size
# and the history CSV goes to disk, so the RSS should stay flat after the first minute.
#   bench/report_memory.sh [seconds] [rate] [endpoints]      (defaults: 3600 5000 20)
#   BUILD=build-x bench/report_memory.sh                      build folder (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-3600}
rate=${2:-5000}
endpoints=${3:-20}
build=$root/${BUILD:-build}
cmake --build "$build" --target hornet >/dev/null
hornet=$build/hornet
work=$(mktemp -d)

"$hornet" demo-target --port 0 >"$work/target.out" 2>"$work/target.log" &
target=$!
trap 'kill $target ${runner:-} 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s "$work/target.out" ]] && break; sleep 0.1; done
url=$(head -1 "$work/target.out")

# 50 users, each one request per 10 ms (constant_pacing), spread over the endpoints by name.
users=50
pacing=$(python3 -c "print($users / $rate)")
python3 - "$work/scenario.json" "$endpoints" "$pacing" <<'PY'
import json, sys
path, n, pacing = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
tasks = [{"get": "/status/200", "name": f"/endpoint/{i}"} for i in range(n)]
json.dump({"users": [{"name": "Steady", "wait_time": {"constant_pacing": pacing}, "tasks": tasks}]},
          open(path, "w"))
PY

"$hornet" -f "$work/scenario.json" -H "$url" --headless -u "$users" -r "$users" -t "${secs}s" --only-summary \
    --csv "$work/run" --csv-full-history --json "$work/run.json" --threads 1 2>"$work/run.log" &
runner=$!
echo "seconds,rss_kib" >"$work/rss.csv"
start=$(date +%s)
while kill -0 "$runner" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$runner/status" 2>/dev/null || true)
  [[ -n "$rss" ]] && echo "$(( $(date +%s) - start )),$rss" >>"$work/rss.csv"
  sleep 10
done
wait "$runner" || true
runner=

python3 - "$work" "$secs" "$rate" <<'PY'
import csv, json, os, sys
work, secs, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [(int(r["seconds"]), int(r["rss_kib"])) for r in csv.DictReader(open(f"{work}/rss.csv"))]
doc = json.load(open(f"{work}/run.json"))
total = doc["total"]
steady = sorted(p["requests"] / p["seconds"] for p in doc["series"][1:-1] if p["seconds"] > 0) or [0]
print(f"run: {secs} s, target {rate} req/s; measured {total['rps']:.0f} req/s over the run "
      f"(median of the series {steady[len(steady) // 2]:.0f} req/s), {total['requests']} requests, "
      f"{total['failures']} failures")
marks = [m for m in (60, 300, 900, 1800, 2700, 3600) if m <= secs] or [secs]
for m in marks:
    at = min(rows, key=lambda r: abs(r[0] - m))
    print(f"RSS at {at[0]:>5} s: {at[1] / 1024:7.1f} MiB")
after = [kib for s, kib in rows if s >= 60] or [kib for _, kib in rows]
print(f"RSS after the first minute: min {min(after) / 1024:.1f} MiB, max {max(after) / 1024:.1f} MiB")
print(f"JSON report: {os.path.getsize(f'{work}/run.json') / 1024:.0f} KiB, {len(doc['series'])} series points "
      f"of {doc['series'][0]['seconds']:.0f} s; history CSV on disk: "
      f"{os.path.getsize(f'{work}/run_stats_history.csv') / 1048576:.1f} MiB")
PY
