#!/usr/bin/env bash
# Master cost: one Hornet master (--headless, console tables and CSV files on) with many simulated
# workers (bench/cluster_sim.cpp: heartbeats every 1 s, stats with HDR data for every endpoint
# every 3 s). Prints the master's CPU (percent of one core, over a steady window after the ramp)
# and its memory (RSS at the end of the window, and the peak), then Locust 2.12's own master under
# the same simulated workers as the anchor. Targets with 200 workers x 100 endpoints: at most 1/3
# of Locust's master CPU, < 200 MB.
#   bench/cluster.sh [workers] [endpoints] [seconds]      (defaults: 200 100 45)
#   BUILD=build-x bench/cluster.sh                         build folder (default: build)
#   HORNET=path SIM=path bench/cluster.sh                  given binaries, nothing built
#   MASTERS=hornet bench/cluster.sh                        masters to measure (default: "hornet locust")
#   SIM_ARGS= bench/cluster.sh                             workers send Hornet's HDR data too (the
#                                                          default, --locust, sends Python-style stats,
#                                                          which both masters read)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workers=${1:-200}
endpoints=${2:-100}
secs=${3:-45}
build=$root/${BUILD:-build}
if [[ -z "${HORNET:-}" || -z "${SIM:-}" ]]; then
  [[ -d "$build" ]] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
  cmake --build "$build" --target hornet hornet_cluster_sim >/dev/null
fi
hornet=${HORNET:-$build/hornet}
sim=${SIM:-$build/hornet_cluster_sim}
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"
masters=${MASTERS:-hornet locust}
sim_args=${SIM_ARGS---locust}

hz=$(getconf CLK_TCK)
window=$((secs - 15))
locust_master=(/usr/bin/python3 "$root/bench/locust_versioned.py" -f "$root/bench/locustfiles/fast_zero_wait.py")

measure() {  # $1 hornet|locust: the master's CPU and memory under the same simulated workers
  local kind=$1 port master simpid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local cmd=("$hornet")
  [[ $kind == locust ]] && cmd=("${locust_master[@]}")
  # The master itself never contacts the host (Hornet's quick mode names the class QuickUser).
  "${cmd[@]}" --master --master-bind-host 127.0.0.1 --master-bind-port "$port" --headless \
      --expect-workers "$workers" -u $((workers * 10)) -r 1000 -t "${secs}s" -H http://127.0.0.1:9/ \
      --csv "$work/$kind" 2>"$work/$kind.log" >/dev/null &
  master=$!
  "$sim" --port "$port" --workers "$workers" --endpoints "$endpoints" ${sim_args} 2>"$work/$kind.sim.log" &
  simpid=$!
  pids="$master $simpid"
  for _ in $(seq 900); do grep -qE "All users spawned|Spawning is complete" "$work/$kind.log" && break; sleep 0.1; done
  grep -qE "All users spawned|Spawning is complete" "$work/$kind.log" || { echo "the $kind master did not start the test" >&2; tail -20 "$work/$kind.log" >&2; exit 1; }
  ticks() { awk '{print $14 + $15}' "/proc/$master/stat"; }
  sleep 5 # every worker has sent stats a few times: rows, errors and histograms exist
  local t0 t1 s0 s1 rss hwm
  t0=$(ticks); s0=$(date +%s.%N)
  sleep "$window"
  t1=$(ticks); s1=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$master/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$master/status")
  wait "$master" || true
  wait "$simpid" || true
  pids=""
  local rows requests
  rows=$(($(wc -l < "$work/${kind}_stats.csv") - 2))
  requests=$(python3 -c "import csv; r=list(csv.reader(open('$work/${kind}_stats.csv'))); print(r[-1][2])")
  python3 - "$kind" "$t0" "$t1" "$s0" "$s1" "$hz" "$rss" "$hwm" "$rows" "$requests" <<'EOF2' | tee -a "$work/summary"
import sys
kind = sys.argv[1]
t0, t1, s0, s1, hz, rss, hwm = map(float, sys.argv[2:9])
cpu = 100 * (t1 - t0) / hz / (s1 - s0)
print(f"{kind:7} master CPU: {cpu:5.1f} % of one core over {s1 - s0:.0f} s;  RSS {rss / 1024:6.1f} MB at the end, "
      f"peak {hwm / 1024:6.1f} MB;  stats rows {sys.argv[9]}, requests merged {sys.argv[10]}")
EOF2
  echo "        dropped-message log lines: $(grep -c "ropped" "$work/$kind.log" || true); $(tail -1 "$work/$kind.sim.log")"
}
pids=""
trap 'kill $pids 2>/dev/null; rm -rf "$work"' EXIT
echo "## Master: $workers simulated workers x $endpoints endpoints, ${window}s window, sim args: ${sim_args:-(none)}; load $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in $masters; do measure "$kind"; done
if [[ $masters == *hornet* && $masters == *locust* ]]; then
  python3 - "$work/summary" <<'EOF2'
import re, sys
cpu = {l.split()[0]: float(re.search(r"CPU:\s+([\d.]+)", l).group(1)) for l in open(sys.argv[1])}
print(f"Hornet / Locust master CPU = {cpu['hornet'] / max(cpu['locust'], 1e-9):.2f} (target <= 0.33)")
EOF2
fi
