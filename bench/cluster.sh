#!/usr/bin/env bash
# Master cost: one Hornet master (--headless, console tables and CSV files on) with many simulated
# workers (bench/cluster_sim.cpp: heartbeats every 1 s, stats with HDR data for every endpoint
# every 3 s). Prints the master's CPU (percent of one core, over a steady window after the ramp)
# and its memory (RSS at the end of the window, and the peak). Target: < 10 % and < 200 MB with
# 200 workers x 100 endpoints.
#   bench/cluster.sh [workers] [endpoints] [seconds]      (defaults: 200 100 45)
#   BUILD=build-x bench/cluster.sh                         build folder (default: build)
#   SIM_ARGS=--locust bench/cluster.sh                     workers send Python-style stats (no HDR)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workers=${1:-200}
endpoints=${2:-100}
secs=${3:-45}
build=$root/${BUILD:-build}
[[ -d "$build" ]] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
cmake --build "$build" --target hornet hornet_cluster_sim >/dev/null
hornet=$build/hornet
sim=$build/hornet_cluster_sim
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Quick mode names the class QuickUser; the master itself never contacts the host.
"$hornet" --master --master-bind-host 127.0.0.1 --master-bind-port "$port" --headless \
    --expect-workers "$workers" -u $((workers * 10)) -r 1000 -t "${secs}s" -H http://127.0.0.1:9/ \
    --csv "$work/run" 2>"$work/master.log" &
master=$!
"$sim" --port "$port" --workers "$workers" --endpoints "$endpoints" ${SIM_ARGS:-} 2>"$work/sim.log" &
simpid=$!
trap 'kill $master $simpid 2>/dev/null; wait $master $simpid 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 600); do grep -q "All users spawned" "$work/master.log" && break; sleep 0.1; done
grep -q "All users spawned" "$work/master.log" || { echo "the master did not start the test" >&2; tail -20 "$work/master.log" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$master/stat"; }
hz=$(getconf CLK_TCK)
window=$((secs - 15))
sleep 5 # every worker has sent stats a few times: rows, errors and histograms exist
t0=$(ticks); s0=$(date +%s.%N)
sleep "$window"
t1=$(ticks); s1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$master/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$master/status")
wait "$master" || true
wait "$simpid" || true

rows=$(($(wc -l < "$work/run_stats.csv") - 2))
requests=$(python3 -c "import csv; r=list(csv.reader(open('$work/run_stats.csv'))); print(r[-1][2])")
python3 - "$t0" "$t1" "$s0" "$s1" "$hz" "$rss" "$hwm" <<'EOF'
import sys
t0, t1, s0, s1, hz, rss, hwm = map(float, sys.argv[1:])
print(f"master CPU: {100 * (t1 - t0) / hz / (s1 - s0):.1f} % of one core over {s1 - s0:.0f} s")
print(f"master RSS: {rss / 1024:.1f} MB at the end of the window, peak {hwm / 1024:.1f} MB")
EOF
echo "workers: $workers, endpoints: $endpoints, rows in the stats CSV: $rows, requests merged: $requests"
echo "dropped-message log lines: $(grep -c "ropped" "$work/master.log" || true)"
tail -1 "$work/sim.log"
