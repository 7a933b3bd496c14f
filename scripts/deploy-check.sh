#!/usr/bin/env bash
# Offline checks of what deploys Hornet (no cluster, no container engine):
#   yamllint --strict on every manifest of deploy/kubernetes;
#   each overlay rendered with `kubectl kustomize` and every rendered object checked against the
#   Kubernetes schemas (tests/deploy: npm's kubernetes-models, pinned by its lock file);
#   the Dockerfile linted (npm's dockerfile-utils);
#   the ConfigMap's scenario still the same file as scenarios/steady_service.json.
# With HORNET_KUBECTL_OLD=/path/to/kubectl (e.g. Debian's 1.20), each overlay must also render the
# same with it, apart from the generated names' hashes.
# The pods' command lines themselves run in tests/integration/test_deploy_commands.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
k8s=$root/deploy/kubernetes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

yamllint --strict -c "$k8s/.yamllint" "$k8s"
echo "yamllint: deploy/kubernetes clean"

cmp "$k8s/base/scenario.json" "$root/scenarios/steady_service.json" ||
  { echo "deploy/kubernetes/base/scenario.json differs from scenarios/steady_service.json: copy it again" >&2; exit 1; }

cd "$root/tests/deploy"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# kubectl must neither reach for a cluster (localhost:8080) nor prompt: a kubeconfig that points
# at a closed port, and no stdin.
printf 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n' >"$work/kubeconfig"
render() { KUBECONFIG=$work/kubeconfig "$1" kustomize "$2" </dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }; }
# kustomize versions hash generated names differently, and 1.20's adds an empty annotations map.
normalise() { sed -E -e 's/(hornet-(scenario|settings))-[a-z0-9]{10}$/\1/' -e '/^  annotations: \{\}$/d' "$1"; }

for overlay in "$k8s"/overlays/*/; do
  name=$(basename "$overlay")
  render kubectl "$overlay" >"$work/$name.yaml"
  node validate.js manifests "$work/$name.yaml" | sed "s/^/$name: /"
  if [[ -n "${HORNET_KUBECTL_OLD:-}" ]]; then
    render "$HORNET_KUBECTL_OLD" "$overlay" >"$work/$name.old.yaml"
    diff <(normalise "$work/$name.yaml") <(normalise "$work/$name.old.yaml") ||
      { echo "$name: $HORNET_KUBECTL_OLD renders it differently" >&2; exit 1; }
    echo "$name: the same with $HORNET_KUBECTL_OLD"
  fi
done

node validate.js dockerfile "$root/Dockerfile"
