#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit + integration) with ctest.
#   scripts/test.sh             regular build in build/
#   scripts/test.sh --sanitize  AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
"$root/scripts/install-deps.sh" "${mode:---tests}"

if [[ "$mode" == "--sanitize" ]]; then
  dir=$root/build-asan
  "$root/scripts/build.sh" "$dir" -DHORNET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  dir=$root/build
  "$root/scripts/build.sh" "$dir"
fi
cd "$dir"
ctest --output-on-failure --timeout 1200 -j 2
