#!/usr/bin/env bash
# Two Hornet binaries side by side (a change against the commit before it): quick mode against the
# same nginx on 127.0.0.1 (nginx pinned to CPU 1, each run to CPU 0), runs alternated so the
# machine's drift hits both alike; then the resident memory of 10,000 users waiting between(1, 2).
#   bench/compare.sh OLD_BINARY NEW_BINARY [seconds-per-run] [repeats]     (defaults: 10 s, 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$1 new=$2 secs=${3:-10} repeats=${4:-5}
"$root/scripts/install-deps.sh" --bench
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"
source "$root/bench/nginx.sh"

run() {  # $1 old|new -> appends requests/s and requests per CPU-second
  local bin=$old; [[ $1 == new ]] && bin=$new
  : > "$work/$1.cpu.last"
  "$root/bench/cpu_time.py" "$work/$1.cpu.last" taskset -c 0 "$bin" -H "$url/" --headless -u 50 -r 50 -t "${secs}s" \
      --threads 1 --only-summary --csv "$work/$1" 2>"$work/$1.log" || true
  local rps
  rps=$(python3 -c "import csv; r=list(csv.reader(open('$work/$1_stats.csv'))); print(r[-1][9])")
  echo "$rps" >> "$work/$1.rps"
  python3 -c "print($rps * $secs / max(float(open('$work/$1.cpu.last').read().split()[0]), 1e-9))" >> "$work/$1.rpc"
}
for i in $(seq "$repeats"); do run old; run new; done

rss() {  # $1 binary -> RSS in KiB of 10,000 waiting users after the ramp
  taskset -c 0 "$1" -f "$root/bench/between.json" -H "$url" --headless -u 10000 -r 2000 -t 25s --threads 1 \
      --only-summary 2>/dev/null &
  local pid=$!
  sleep 18
  awk '/VmRSS/ {print $2}' /proc/$pid/status
  wait $pid || true
}
rss_old=$(rss "$old"); rss_new=$(rss "$new")

python3 - "$work" "$rss_old" "$rss_new" <<'PY'
import statistics, sys
work, rss_old, rss_new = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def load(name): return [float(x) for x in open(f"{work}/{name}").read().split()]
for what, suffix in (("requests/s", "rps"), ("requests per CPU-second", "rpc")):
    o, n = load(f"old.{suffix}"), load(f"new.{suffix}")
    print(f"{what:24} old {statistics.median(o):9.0f}  new {statistics.median(n):9.0f}  "
          f"new/old {statistics.median(n) / statistics.median(o):.3f}   runs old {[round(x) for x in o]} new {[round(x) for x in n]}")
print(f"{'RSS, 10,000 users':24} old {rss_old / 1024:7.1f} MiB  new {rss_new / 1024:7.1f} MiB  new/old {rss_new / rss_old:.3f}")
PY
