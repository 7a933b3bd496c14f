#!/usr/bin/env bash
# Web server under pollers: a Hornet web-mode test against the demo target (loopback, bounded),
# run twice — alone, then with N keep-alive connections polling /stats/requests every 2 s (the
# UI's rate). Prints every poller's answers (all must be 200) and the test's requests/s both times.
# The pollers (Python asyncio) run on the same machine: on few cores they take CPU from the test,
# so the drop measures the machine as much as the server.
#   bench/web_pollers.sh [pollers=1000] [seconds=20] [users=20]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pollers=${1:-1000}
secs=${2:-20}
users=${3:-20}
build=$root/${BUILD:-build}
hornet=$build/hornet
work=$(mktemp -d)
ulimit -n "$(ulimit -Hn)"

"$hornet" demo-target --port 0 >"$work/target.out" 2>/dev/null &
target=$!
trap 'kill $target 2>/dev/null; wait $target 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s "$work/target.out" ]] && break; sleep 0.1; done
url=$(head -1 "$work/target.out")

run() { # $1: name, $2: pollers (0 = none)
  "$hornet" --web-host 127.0.0.1 --web-port 0 -H "$url" --autostart --autoquit 0 -u "$users" -r "$users" \
      -t "$((secs + 10))s" --csv "$work/$1" 2>"$work/$1.log" &
  local pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/.*Starting web interface at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$1.log")
    [[ -n "$port" ]] && break; sleep 0.1
  done
  if [[ "$2" -gt 0 ]]; then
    sleep 2 # the ramp is over
    python3 "$root/bench/web_pollers.py" "$port" "$2" "$secs" 2 >"$work/$1.pollers"
  fi
  wait $pid || true
  local rps
  rps=$(awk -F, '$2=="Aggregated" {print $10}' "$work/$1_stats.csv")
  echo "$1: requests/s $rps${2:+ pollers $(cat "$work/$1.pollers" 2>/dev/null)}"
}

run alone 0
run polled "$pollers"
