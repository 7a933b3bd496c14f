#!/usr/bin/env bash
# Browser tests (tests/e2e, node:test + playwright-core driving Debian's /usr/bin/chromium):
# the HTML report opened from disk, and the web UI served by the binary.
# Installs playwright-core from the lock file when node_modules is missing or older than it.
# Needs HORNET_BINARY (ctest sets it); scripts/install-deps.sh installs node and chromium.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/tests/e2e"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Screenshots of the web UI test, kept as CI artefacts.
export HORNET_E2E_ARTIFACTS=${HORNET_E2E_ARTIFACTS:-$root/build/e2e-artifacts}
# Files, not a folder: newer Node reads --test arguments as globs.
exec node --test html_report.test.js web_ui.test.js
