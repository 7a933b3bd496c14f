#!/usr/bin/env bash
# --threads N scaling: quick mode (no wait) against nginx, whose one worker is pinned to CPU 1;
# Hornet is not pinned, so with N = 2 its second thread shares CPU 1 with the target. Prints
# requests/s and CPU microseconds per request (user + system of the whole process) for each N,
# runs alternated.
#   bench/threads.sh [seconds] [repeats] [users] [N...]    (defaults: 10 2 100, N = 1 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-10}
repeats=${2:-2}
users=${3:-100}
shift 3 || shift $#
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(1 2)
hornet=${HORNET:-$root/build/hornet}
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"
source "$root/bench/nginx.sh"

echo "## --threads N: $users users, no wait, ${secs}s runs; nginx on CPU 1, Hornet unpinned; load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$repeats"); do
  for n in "${counts[@]}"; do
    : > "$work/cpu"
    "$root/bench/cpu_time.py" "$work/cpu" "$hornet" -H "$url/" --headless -u "$users" -r "$users" -t "${secs}s" \
        --threads "$n" --only-summary --csv "$work/run" 2>/dev/null || true
    python3 - "$n" "$work/run_stats.csv" "$(cat "$work/cpu")" "$secs" <<'PY'
import csv, sys
n, path, cpu, secs = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
row = list(csv.reader(open(path)))[-1]
requests, rps = int(row[2]), float(row[9])
print(f"--threads {n}: {rps:9.0f} requests/s  {cpu * 1e6 / max(requests, 1):6.2f} us CPU/request  "
      f"{100 * cpu / secs:4.0f}% of a core")
PY
  done
done
