#!/usr/bin/env bash
# The cost of think times: many users waiting between(1, 2) on one engine thread (pinned to CPU 0,
# nginx to CPU 1). After the ramp and a settling time it reads the generator's CPU seconds from
# /proc/PID/stat and nginx's served-request count at the start and end of a window, and prints
# CPU microseconds per request and the rate held against the schedule (users / 1.5 s).
# Half the users go to 127.0.0.1 and half to ::1: connect() takes even ephemeral ports first,
# ~14,000 of them towards one address and port here, and past that each connect scans the whole
# range (perf: __inet_hash_connect) and the ramp stalls.
#   bench/waits.sh [window-seconds] [users] [repeats] BINARY...   (defaults 20 19000 2; binaries
#   default to build/hornet). Several binaries are alternated in each repeat, so the machine's
#   drift hits them alike.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
window=${1:-20}
users=${2:-19000}
repeats=${3:-2}
shift 3 || shift $#
binaries=("$@")
[[ ${#binaries[@]} -gt 0 ]] || binaries=("$root/build/hornet")
ulimit -n "$(ulimit -Hn)"   # a socket per user
# nginx holds every user's connection too, and starts closing idle kept-alive connections once
# fewer than 1/16 of its connections are free (users would then reconnect all the time).
nginx_connections=$((users + users / 8 + 512))

# nginx's stub_status: "accepts handled requests" on its third line
served() { curl -sf "$url/nginx_status" | awk 'NR == 3 {print $3}'; }
accepted() { curl -sf "$url/nginx_status" | awk 'NR == 3 {print $1}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }


one() {  # $1 binary -> prints "us_per_request requests_per_s connections_opened cpu_percent"
  # A fresh nginx on a fresh port for each run: the previous run's connections linger in
  # TIME_WAIT and would take the loopback's ephemeral ports towards the same port.
  work=$(mktemp -d)
  source "$root/bench/nginx.sh"
  local ramp=$(( users / 2000 + 1 ))
  local port=${url##*:}
  printf '{"users": [%s, %s]}\n' \
      "{\"name\": \"V4\", \"host\": \"http://127.0.0.1:$port\", \"wait_time\": {\"between\": [1, 2]}, \"tasks\": [{\"get\": \"/\"}]}" \
      "{\"name\": \"V6\", \"host\": \"http://[::1]:$port\", \"wait_time\": {\"between\": [1, 2]}, \"tasks\": [{\"get\": \"/\"}]}" \
      > "$work/waits.json"
  taskset -c 0 "$1" -f "$work/waits.json" --headless -u "$users" -r 2000 \
      -t "$(( ramp + 8 + window + 3 ))s" --threads 1 --only-summary 2>"$work/err" >/dev/null &
  local pid=$!
  sleep $(( ramp + 8 ))   # ramp, then let the waits spread out
  local c0 n0 t0 a0 c1 n1 t1 a1
  c0=$(cpu_ticks $pid); n0=$(served); a0=$(accepted); t0=$(date +%s.%N)
  sleep "$window"
  c1=$(cpu_ticks $pid); n1=$(served); a1=$(accepted); t1=$(date +%s.%N)
  wait $pid || true; grep -i "error\|warn" "$work/err" | head -3 >&2 || true
  kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; rm -rf "$work"   # not left to the trap
  trap - EXIT
  python3 -c "
hz = $(getconf CLK_TCK); n = $n1 - $n0; s = $t1 - $t0
print(f'{($c1 - $c0) / hz * 1e6 / max(n, 1):.1f} {n / s:.0f} {$a1 - $a0 - 2} {100 * ($c1 - $c0) / hz / s:.0f}')"
}

echo "## Waits: $users users between(1, 2), one thread, ${window}s windows; schedule $(( users * 2 / 3 ))/s"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$repeats"); do
  for b in "${binaries[@]}"; do
    read -r us rps opened cpu < <(one "$b")
    # Connections opened in the window should be 0: the ramp is over and users keep theirs.
    printf '%-32s %6s us CPU/request  %6s requests/s  %3s%% of a core  %5s connects  (load %s)\n' \
        "$b" "$us" "$rps" "$cpu" "$opened" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
