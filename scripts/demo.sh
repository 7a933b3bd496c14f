#!/usr/bin/env bash
# Installs what is missing, builds, starts the built-in demo target on 127.0.0.1 and runs a
# short real headless load test against it, printing Locust's report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
hornet=$root/build/hornet

coproc target { exec "$hornet" demo-target --port 0; }
target_pid=$target_PID
trap 'kill "$target_pid" 2>/dev/null || true' EXIT
read -r url <&"${target[0]}"
echo "demo target: $url" >&2

"$hornet" -f "$root/scenarios/service.json" -H "$url" --headless -u 50 -r 25 -t 15s --csv "$root/out/demo" "$@"
echo "CSV files: $root/out/demo_*.csv" >&2
