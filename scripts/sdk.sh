#!/usr/bin/env bash
# Regenerate the Python SDK from clients/openapi/*.json into clients/python/src/tpmhub_sdk/<service>/.
# With an output directory argument, generates there instead (used by the freshness test).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-clients/python/src/tpmhub_sdk}"
export PATH="$PWD/.venv/bin:$PATH"
for svc in requirements risk release; do
  rm -rf "$out/$svc"
  openapi-python-client generate --path "clients/openapi/$svc.json" --meta none \
    --output-path "$out/$svc" --config clients/python/config.yaml --overwrite >/dev/null
done
