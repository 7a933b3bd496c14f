#!/usr/bin/env bash
# /metrics' text of a realistic run, checked by Prometheus' own tool (Debian's prometheus package):
# `promtool check metrics` parses the exposition and lints names, types, units and HELP texts.
#   promtool_check.sh PATH/TO/hornet_metrics_sample
set -euo pipefail
sample=$1
if ! command -v promtool >/dev/null; then
  echo "promtool not found: scripts/install-deps.sh --tests installs Debian's prometheus package" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# locust_exporter's names break three lint rules; they stay as they are, since the dashboards made for
# the exporter query exactly these names. Nothing else may be reported.
exporter_names=$'locust_requests_current_fail_per_sec metric names should not contain abbreviated units
locust_workers_count non-histogram and non-summary metrics should not have "_count" suffix
locust_workers_missing_count non-histogram and non-summary metrics should not have "_count" suffix'
for mode in "" --locust-names; do
  out=$dir/metrics${mode:+-locust}.txt
  "$sample" $mode >"$out"
  lines=$(grep -vc '^#' "$out")
  # Exit 0 and no output: the text parses and no lint rule objects; 3: lint problems only.
  status=0
  report=$(promtool check metrics <"$out" 2>&1) || status=$?
  allowed=""
  [[ -n $mode ]] && allowed=$exporter_names
  unexpected=$(grep -vxF -f <(printf '%s\n' "$allowed") <<<"$report" | grep -v '^$' || true)
  if [[ $status -ne 0 && ( $status -ne 3 || -z $mode ) ]] || [[ -n $unexpected ]]; then
    echo "promtool check metrics failed (${mode:-hornet names}, exit $status):" >&2
    echo "$report" >&2
    exit 1
  fi
  echo "promtool: ${mode:-hornet names}: $lines samples, parsed; lint: ${report:-no problems}"
done
