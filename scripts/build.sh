#!/usr/bin/env bash
# Configures and builds Hornet. Usage: scripts/build.sh [build-dir] [extra cmake args...]
# The default build leaves the binary at build/hornet.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build}
shift || true
cmake -S "$root" -B "$dir" -G Ninja "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
