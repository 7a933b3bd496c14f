#!/usr/bin/env bash
# Web server under pollers: a Hornet web-mode test against the demo target (loopback, bounded),
# run twice — alone, then with N keep-alive connections polling /stats/requests every 2 s (the
# UI's rate). Prints every poller's answers (all must be 200), the test's requests/s both times,
# and its requests per CPU-second of the Hornet process (engine + web server, user + system).
# The pollers run on the same machine, so on few cores they take CPU from the test and the
# requests/s drop measures the machine as much as the server; the requests per CPU-second drop
# is what serving the pollers costs Hornet itself. POLLERS=hornet (the default) makes them a
# second Hornet process (users on constant_pacing(2) holding a keep-alive connection each: ~1 %
# of a core for 1,000); POLLERS=python, Python asyncio (bench/web_pollers.py: ~10 times that).
# A third run measures that cost alone: the same pollers against a web-mode Hornet whose test has
# ended (its statistics stay to be served), as CPU-seconds of the Hornet process per poll and as a
# share of one core.
#   bench/web_pollers.sh [pollers=1000] [seconds=20] [users=20]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pollers=${1:-1000}
secs=${2:-20}
users=${3:-20}
build=$root/${BUILD:-build}
poller_kind=${POLLERS:-hornet}
hornet=$build/hornet
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"
cat >"$work/pollers.json" <<'JSON'
{"users": [{"name": "Poller", "wait_time": {"constant_pacing": 2}, "tasks": [{"get": "/stats/requests"}]}]}
JSON

# N pollers on $1 (a web port) for $2 seconds, run under the command in $3... (a CPU pin, or
# none); prints one JSON line like web_pollers.py's.
poll() {
  local port=$1 seconds=$2
  shift 2
  if [[ $poller_kind == python ]]; then
    "$@" python3 "$root/bench/web_pollers.py" "$port" "$pollers" "$seconds" 2
    return
  fi
  # Spread over one period as browsers opened at different moments: pollers/2 start per second.
  "$@" "$hornet" -f "$work/pollers.json" -H "http://127.0.0.1:$port" --headless -u "$pollers" -r "$((pollers / 2))" \
      -t "$((seconds + 2))s" --threads 1 --only-summary --csv "$work/poll" >/dev/null 2>"$work/poll.log" || true
  awk -F, '$2=="Aggregated" {printf "{\"sent\": %d, \"ok\": %d, \"failed\": %d}\n", $3, $3 - $4, $4}' "$work/poll_stats.csv"
}

# Hornet (its engine thread and its web server) on CPU 0; the demo target and the pollers on
# CPU 1: whatever serving the pollers costs comes out of the test's own core, and nothing else
# competes for it.
taskset -c 1 "$hornet" demo-target --port 0 >"$work/target.out" 2>/dev/null &
target=$!
trap 'kill $target 2>/dev/null; wait $target 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s "$work/target.out" ]] && break; sleep 0.1; done
url=$(head -1 "$work/target.out")

run() { # $1: name, $2: pollers (0 = none)
  python3 "$root/bench/cpu_time.py" "$work/$1.cpu" \
    taskset -c 0 "$hornet" --threads 1 --web-host 127.0.0.1 --web-port 0 -H "$url" --autostart --autoquit 0 -u "$users" -r "$users" \
      -t "$((secs + 10))s" --csv "$work/$1" 2>"$work/$1.log" &
  local pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/.*Starting web interface at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$1.log" 2>/dev/null || true)
    [[ -n "$port" ]] && break; sleep 0.1
  done
  if [[ "$2" -gt 0 ]]; then
    sleep 2 # the ramp is over
    poll "$port" "$secs" taskset -c 1 >"$work/$1.pollers"
  fi
  wait $pid || true
  local rps count cpu
  rps=$(awk -F, '$2=="Aggregated" {print $10}' "$work/$1_stats.csv")
  count=$(awk -F, '$2=="Aggregated" {print $3}' "$work/$1_stats.csv")
  cpu=$(cat "$work/$1.cpu")
  echo "$1: requests/s $rps, $count requests on $cpu CPU-s of hornet = $(awk -v n="$count" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}') per CPU-s$( (($2 > 0)) && echo ", pollers $(cat "$work/$1.pollers")")"
}

run alone 0
run polled "$pollers"

# The server alone: a 2-second test, stopped, then the pollers; CPU ticks of hornet from /proc.
"$hornet" --web-host 127.0.0.1 --web-port 0 -H "$url" --autostart -u "$users" -r "$users" -t 2s 2>"$work/idle.log" &
idle=$!
trap 'kill $target $idle 2>/dev/null; wait $target $idle 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  port=$(sed -n 's/.*Starting web interface at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/idle.log" 2>/dev/null || true)
  [[ -n "$port" ]] && break; sleep 0.1
done
for _ in $(seq 100); do grep -q "Stopping the test" "$work/idle.log" 2>/dev/null && break; sleep 0.1; done
sleep 1
ticks() { awk '{print $14 + $15}' "/proc/$idle/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks); t0=$(date +%s.%N)
poll "$port" "$secs" >"$work/idle.pollers"
after=$(ticks); t1=$(date +%s.%N)
awk -v d="$((after - before))" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v f="$(cat "$work/idle.pollers")" 'BEGIN {
  match(f, /"ok": [0-9]+/); ok = substr(f, RSTART + 6, RLENGTH - 6)
  printf "server alone: %d polls answered in %.1f s on %.2f CPU-s of hornet = %.0f us per poll, %.1f%% of one core\n",
    ok, t1 - t0, d / hz, (ok ? d / hz / ok * 1e6 : 0), d / hz / (t1 - t0) * 100 }'
kill "$idle" 2>/dev/null || true
