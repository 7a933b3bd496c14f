#!/usr/bin/env bash
# How exactly --rate holds its rate, and what the corrected latencies show, against the demo target:
#   1. 5, 10 and 20 iterations/s for SECONDS each: every 10-second window (consecutive, from the
#      first whole second; and the worst sliding one) against the target count;
#   2. 10,000/s on one engine thread (--threads 1, pinned to CPU 0, the target on CPU 1) for 60 s:
#      each second against ±1%;
#   3. a master and 3 Hornet workers at 15/s for SECONDS: the windows again;
#   4. coordinated omission: one 1 s stall of the service at 20/s with one user, in the open model
#      (--rate 20 --max-users 1) and in the closed model (-u 1, constant_throughput 20):
#      raw and corrected p99 / p99.9 / max, late iterations, requests sent.
#   bench/rate_accuracy.sh [seconds]          (default 300)
#   BUILD=build-x bench/rate_accuracy.sh      build folder (default: build)
#   HORNET=/path/to/hornet bench/rate_accuracy.sh   a given binary (no build)
#   PARTS=1 RATES=5 bench/rate_accuracy.sh    only some parts (default 1234), only some rates of part 1
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-300}
build=$root/${BUILD:-build}
if [[ -n "${HORNET:-}" ]]; then
  hornet=$HORNET
else
  cmake --build "$build" --target hornet >/dev/null
  hornet=$build/hornet
fi
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

pin() { # CPU, command...: pinned when taskset exists and there are two CPUs
  local cpu=$1
  shift
  if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then taskset -c "$cpu" "$@"; else "$@"; fi
}

pin 1 "$hornet" demo-target --port 0 >"$work/target.out" 2>"$work/target.log" &
pids+=($!)
for _ in $(seq 100); do [[ -s "$work/target.out" ]] && break; sleep 0.1; done
url=$(head -1 "$work/target.out")

windows() { # report.json rate: every 10 s window of the per-second series against rate*10
  python3 - "$1" "$2" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
rate = float(sys.argv[2])
pts = doc["series"][1:-1]  # the first and last seconds are partial
assert all(p["seconds"] == 1 for p in pts), "series was downsampled: use a shorter run"
counts = [p["requests"] for p in pts]
want = rate * 10
fixed = [sum(counts[i:i + 10]) for i in range(0, len(counts) - 9, 10)]
sliding = [sum(counts[i:i + 10]) for i in range(len(counts) - 9)]
off = lambda ws: max(abs(w - want) for w in ws)
print(f"  {rate:g}/s over {len(counts)} s: {doc['total']['requests']} requests; {len(fixed)} windows of 10 s: "
      f"min {min(fixed)} max {max(fixed)} (target {want:g}, worst off by {off(fixed):g}); "
      f"worst sliding window off by {off(sliding):g}; late {doc['iterations']['late']}, "
      f"dropped {doc['iterations']['dropped']}")
PY
}

parts=${PARTS:-1234}
part() { [[ $parts == *"$1"* ]]; }

part 1 && echo "1. rate accuracy, ${secs} s each"
part 1 && for rate in ${RATES:-5 10 20}; do
  pin 0 "$hornet" -H "$url/" --headless --rate "$rate" -t "${secs}s" --only-summary \
    --json "$work/r$rate.json" 2>"$work/r$rate.log"
  windows "$work/r$rate.json" "$rate"
done

part 2 && { echo "2. 10,000/s on one thread, 60 s"
pin 0 "$hornet" -H "$url/" --headless --rate 10000 --threads 1 -t 60s --only-summary \
  --json "$work/r10k.json" 2>"$work/r10k.log"
python3 - "$work/r10k.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
counts = [p["requests"] for p in doc["series"][1:-1]]
worst = max(abs(c - 10000) / 100 for c in counts)
print(f"  {len(counts)} whole seconds: min {min(counts)} max {max(counts)} per second "
      f"(worst {worst:.2f}% off 10,000); late {doc['iterations']['late']}, dropped {doc['iterations']['dropped']}, "
      f"pool {doc['parameters']['max_users']}")
PY
}

part 3 && {
echo "3. a master and 3 workers at 15/s, ${secs} s"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pin 0 "$hornet" --master --master-bind-host 127.0.0.1 --master-bind-port "$port" --expect-workers 3 --headless \
  --rate 15 -t "${secs}s" -H "$url/" --only-summary --json "$work/dist.json" 2>"$work/master.log" &
master=$!
pids+=($master)
for i in 1 2 3; do
  pin 0 "$hornet" --worker --master-host 127.0.0.1 --master-port "$port" -H "$url/" 2>"$work/w$i.log" &
  pids+=($!)
done
wait "$master"
windows "$work/dist.json" 15
}

part 4 || exit 0
echo "4. one 1 s stall at 20/s with one user: open vs closed model"
cat >"$work/closed.json" <<JSON
{"users": [{"name": "Paced", "wait_time": {"constant_throughput": 20}, "tasks": [{"get": "/stall?at=100&ms=1000"}]}]}
JSON
curl -s -X POST "$url/__hornet/reset" >/dev/null
pin 0 "$hornet" -H "$url/stall?at=100&ms=1000" --headless --rate 20 --max-users 1 -t 30s --only-summary \
  --json "$work/open.json" 2>"$work/open.log"
curl -s -X POST "$url/__hornet/reset" >/dev/null
pin 0 "$hornet" -f "$work/closed.json" -H "$url" --headless -u 1 -r 1 -t 30s --only-summary \
  --json "$work/closed.json.out" 2>"$work/closed.log"
python3 - "$work/open.json" "$work/closed.json.out" <<'PY'
import json, sys
def p(row, q, key="percentiles"):
    return next((x["ms"] for x in row.get(key, []) if x["percent"] == q), None)
for label, path in (("open  (--rate 20 --max-users 1)", sys.argv[1]), ("closed (-u 1, constant_throughput 20)", sys.argv[2])):
    doc = json.load(open(path))
    t = doc["total"]
    line = (f"  {label}: {t['requests']} requests; raw p99 {p(t, 99):.0f} ms, p99.9 {p(t, 99.9):.0f} ms, "
            f"max {t['max_ms']:.0f} ms")
    if t.get("corrected_percentiles"):
        line += (f"; corrected p99 {p(t, 99, 'corrected_percentiles'):.0f} ms, "
                 f"p99.9 {p(t, 99.9, 'corrected_percentiles'):.0f} ms; late {doc['iterations']['late']}")
    print(line)
PY
