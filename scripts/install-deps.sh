#!/usr/bin/env bash
# Installs the Debian 12 packages Hornet builds, tests and benchmarks with, when any is missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

# What builds Hornet and runs a load test (scripts/demo.sh).
packages=(
  # toolchain
  g++ cmake ninja-build make ccache pkg-config python3
  # libraries (design.md: Debian packages only)
  libboost1.81-dev libboost-url1.81-dev libssl-dev libzmq3-dev cppzmq-dev
  nlohmann-json3-dev libcli11-dev doctest-dev
  # the allocator hornet links (CMakeLists.txt: why)
  libmimalloc-dev
)
# Node and npm: the build bundles the web UI (web-ui/, esbuild from npm) and tests/e2e drives
# Chromium with them. From Debian only where no node is installed: Debian's npm conflicts with a
# NodeSource nodejs that bundles its own.
if ! command -v node >/dev/null; then
  packages+=(nodejs npm)
elif ! command -v npm >/dev/null; then
  packages+=(npm)
fi
# What the tests need (scripts/test.sh passes --tests, or --sanitize for the sanitizer build).
if [[ "${1:-}" == "--tests" || "${1:-}" == "--sanitize" ]]; then
  packages+=(
    # integration tests and the real Locust as a peer
    python3-pytest python3-locust python3-jsonschema curl
    # a rogue ZeroMQ peer for the master (tests/integration/test_distributed_master.py)
    python3-zmq python3-msgpack
    # --junit checked against an XSD (xmllint) and read back by a real JUnit consumer
    libxml2-utils python3-junitparser
    # the web server's TLS test makes a self-signed certificate (tests/integration/test_web_api.py)
    openssl
    # reports opened in a headless browser (tests/e2e)
    chromium fonts-dejavu-core
    # /metrics checked by promtool and scraped by a real Prometheus server (tests/integration)
    prometheus
    # deploy/kubernetes: yamllint, and the rendered manifests read back (scripts/deploy-check.sh,
    # tests/integration/test_deploy_commands.py)
    yamllint python3-yaml
  )
  # kubectl renders the kustomize overlays offline. Debian's (1.20) only where none is installed:
  # a newer one from elsewhere renders them the same.
  if ! command -v kubectl >/dev/null; then
    packages+=(kubernetes-client)
  fi
fi
# The sanitizer build uses GCC's runtimes (installed with g++); libFuzzer needs clang.
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light util-linux procps python3-locust)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "hornet: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q >&2
  # Packages such as prometheus start a daemon on install (its port 9090 would then be taken
  # and a stray process left running): a policy-rc.d that refuses every start keeps the
  # install inert. One already present (containers ship one) is left as it is.
  policy=/usr/sbin/policy-rc.d
  added_policy=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod 755 "$policy"
    added_policy=true
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || status=$?
  if $added_policy; then "${sudo_cmd[@]}" rm -f "$policy"; fi
  # Where systemd runs, policy-rc.d does not stop it enabling the unit for the next boot.
  if [[ " ${missing[*]} " == *" prometheus "* ]] && command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    "${sudo_cmd[@]}" systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
  exit $status
fi
