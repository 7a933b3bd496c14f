#!/usr/bin/env bash
# Side-by-side benchmark: Hornet, wrk and Locust FastHttpUser against the same nginx on 127.0.0.1,
# the target pinned to CPU 1 and each load generator to CPU 0, in one run; prints requests/s and
# ratios, then Hornet's memory per user with 10,000 users waiting between(1, 2).
#   bench/run.sh [seconds-per-run] [repeats]     (defaults: 10 s, 3 repeats, medians reported)
#   BENCH_ONLY=throughput|scenario|memory bench/run.sh    runs one part
#   HORNET=path bench/run.sh                               measures that binary
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-10}
repeats=${2:-3}
"$root/scripts/install-deps.sh" --bench
hornet=${HORNET:-$root/build/hornet}   # HORNET=path: another binary
[[ -x "$hornet" ]] || "$root/scripts/build.sh"
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"   # 10,000 users need 10,000 sockets

source "$root/bench/nginx.sh"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Each run also appends the CPU seconds the generator used to $work/<tool>.cpu: with the target
# saturated, requests per CPU-second is the load a generator can make per core.
cpu() { local tool=$1; shift; "$root/bench/cpu_time.py" "$work/$tool.cpu.last" "$@"; }
run_wrk() {
  cpu wrk taskset -c 0 wrk -t1 -c50 -d"${secs}s" "$url/" | awk '/Requests\/sec/ {print $2}'
}
run_hornet() {
  cpu hornet taskset -c 0 "$hornet" -H "$url/" --headless -u 50 -r 50 -t "${secs}s" --threads 1 --only-summary \
      --csv "$work/hornet" 2>"$work/hornet.log" || true
  # Hornet's own total requests/s (Locust's definition), as for Locust below
  python3 -c "import csv; r=list(csv.reader(open('$work/hornet_stats.csv'))); print(r[-1][9])"
}
run_locust() {
  cpu locust taskset -c 0 /usr/bin/python3 -m locust -f "$root/bench/locustfiles/fast_zero_wait.py" --headless -u 50 -r 50 \
      -t "${secs}s" -H "$url" --csv "$work/locust" --only-summary >/dev/null 2>&1 || true
  python3 -c "import csv; r=list(csv.reader(open('$work/locust_stats.csv'))); print(r[-1][9])"
}

if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY}" == throughput ]]; then
declare -A results per_cpu
for tool in wrk hornet locust; do
  : > "$work/$tool.rps"; : > "$work/$tool.rpc"
  for i in $(seq "$repeats"); do
    : > "$work/$tool.cpu.last"
    rps=$("run_$tool")
    echo "$rps" >> "$work/$tool.rps"
    # requests per CPU-second = rps * run seconds / CPU seconds used
    python3 -c "print($rps * $secs / max(float(open('$work/$tool.cpu.last').read().split()[0]), 1e-9))" >> "$work/$tool.rpc"
  done
  results[$tool]=$(median < "$work/$tool.rps")
  per_cpu[$tool]=$(median < "$work/$tool.rpc")
done

echo
echo "## Throughput: 50 users/connections, no wait, one core each, ${secs}s runs, median of $repeats"
echo
printf '| generator | requests/s | requests per CPU-second | runs (requests/s) |\n|---|---|---|---|\n'
for tool in wrk hornet locust; do
  printf '| %s | %.0f | %.0f | %s |\n' "$tool" "${results[$tool]}" "${per_cpu[$tool]}" "$(tr '\n' ' ' < "$work/$tool.rps")"
done
python3 - "${results[hornet]}" "${results[wrk]}" "${results[locust]}" "${per_cpu[hornet]}" "${per_cpu[wrk]}" "${per_cpu[locust]}" <<'PY'
import sys
h, w, l, hc, wc, lc = map(float, sys.argv[1:])
print(f"\nrequests/s:          Hornet / wrk = {h / w:.2f} (target >= 0.90)   Hornet / Locust = {h / l:.1f} (target >= 15)")
print(f"per CPU-second:      Hornet / wrk = {hc / wc:.2f}                   Hornet / Locust = {hc / lc:.1f}")
PY
fi

if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY}" == scenario ]]; then
# The cost of the JSON interpreter: the simplest GET (quick mode) against a JSON task rendering
# a template and checking the status, alternated so drift on a noisy machine hits both alike.
run_scenario() {  # $1: quick|templated -> appends requests/s and requests per CPU-second
  local args=(-H "$url/")
  [[ $1 == templated ]] && args=(-f "$root/bench/templated.json" -H "$url")
  : > "$work/$1.cpu.last"
  cpu "$1" taskset -c 0 "$hornet" "${args[@]}" --headless -u 50 -r 50 -t "${secs}s" --threads 1 --only-summary \
      --csv "$work/$1" 2>"$work/$1.log" || true
  local rps
  rps=$(python3 -c "import csv; r=list(csv.reader(open('$work/$1_stats.csv'))); print(r[-1][9])")
  echo "$rps" >> "$work/$1.rps"
  python3 -c "print($rps * $secs / max(float(open('$work/$1.cpu.last').read().split()[0]), 1e-9))" >> "$work/$1.rpc"
}
for kind in quick templated; do : > "$work/$kind.rps"; : > "$work/$kind.rpc"; done
for i in $(seq "$repeats"); do
  run_scenario quick
  run_scenario templated
done
echo
echo "## JSON scenario cost: 50 users, no wait, one thread, ${secs}s runs, median of $repeats"
echo
printf '| scenario | requests/s | requests per CPU-second | runs (requests/s) |\n|---|---|---|---|\n'
for kind in quick templated; do
  printf '| %s | %.0f | %.0f | %s |\n' "$kind" "$(median < "$work/$kind.rps")" "$(median < "$work/$kind.rpc")" \
      "$(tr '\n' ' ' < "$work/$kind.rps")"
done
python3 - "$(median < "$work/templated.rps")" "$(median < "$work/quick.rps")" \
    "$(median < "$work/templated.rpc")" "$(median < "$work/quick.rpc")" <<'PY'
import sys
t, q, tc, qc = map(float, sys.argv[1:])
print(f"\ntemplated / plain: requests/s {t / q:.2f}, per CPU-second {tc / qc:.2f} (target >= 0.80)")
PY
fi
[[ -n "${BENCH_ONLY:-}" && "${BENCH_ONLY}" != memory ]] && exit 0

echo
echo "## Memory and schedule: users waiting between(1, 2), one thread"
mem_run() {  # $1 users -> prints "rss_kb rps"
  local users=$1 log=$work/mem_$1
  taskset -c 0 "$hornet" -f "$root/bench/between.json" -H "$url" --headless -u "$users" -r 2000 -t 40s --threads 1 \
      --only-summary --csv "$log" 2>"$log.err" &
  local pid=$!
  sleep 32   # ramp (<= 5 s) plus time to settle
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  wait $pid || true
  # requests/s over the last 20 s of history (after the ramp)
  python3 - "$log"_stats_history.csv "$rss" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1]))][1:]
rows = [(int(r[0]), int(r[17])) for r in rows if r[3] == "Aggregated"]
end_t, end_n = rows[-1]
start = [r for r in rows if r[0] <= end_t - 20][-1]
print(sys.argv[2], (end_n - start[1]) / (end_t - start[0]))
PY
}
read -r rss_small rps_small < <(mem_run 100)
read -r rss_big rps_big < <(mem_run 10000)
python3 - "$rss_small" "$rss_big" "$rps_big" <<'PY'
import sys
small, big, rps = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"\nRSS with 100 users: {small/1024:.1f} MiB; with 10,000 users: {big/1024:.1f} MiB")
print(f"marginal RSS per user: {(big - small) * 1024 / 9900:.0f} bytes   (target <= 4096)")
print(f"requests/s with 10,000 users: {rps:.0f}   (schedule: 10000 / 1.5 s = 6667)")
PY
