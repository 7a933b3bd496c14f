#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp) with clang and runs each for a bounded time.
#   scripts/fuzz.sh [seconds-per-target]   (default 60)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
"$root/scripts/install-deps.sh" --fuzz
dir=$root/build-fuzz
CC=clang CXX=clang++ "$root/scripts/build.sh" "$dir" -DHORNET_FUZZ=ON -DHORNET_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug
status=0
for target in "$dir"/fuzz/*_fuzz; do
  name=$(basename "$target")
  corpus=$dir/corpus/$name
  mkdir -p "$corpus"
  seeds=$root/tests/fuzz/corpus/$name
  echo "fuzz: $name for ${seconds}s"
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$dir/$name-" \
       "$corpus" $( [[ -d "$seeds" ]] && echo "$seeds" ) 2>"$dir/$name.log"; then
    echo "fuzz: $name FAILED"; tail -50 "$dir/$name.log"; status=1
  else
    grep -E 'stat::number_of_executed_units' "$dir/$name.log" || true
  fi
done
exit $status
