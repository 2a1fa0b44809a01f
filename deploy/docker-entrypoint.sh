#!/bin/sh
# Entry point of every TPM Hub image. TPM_SERVICE (set at build time) names the service, e.g. risk-svc.
#   serve [--no-migrate] ...    run the HTTP service (the image's default: serve --no-migrate)
#   migrate                     apply pending migrations and exit (one-shot Compose service, Kubernetes Job)
#   healthcheck                 exit 0 when GET /healthz on this container answers 200
#   token ROLE PROJECT SUB      print a JWT signed with TPM_JWT_SECRET (role on PROJECT, or '*')
#   anything else               passed to `python -m <module>` (e.g. openapi)
set -eu
: "${TPM_SERVICE:?TPM_SERVICE is not set (requirements-svc, risk-svc or release-svc)}"
module="$(printf '%s' "$TPM_SERVICE" | tr '-' '_')"

case "${1:-serve}" in
  healthcheck)
    exec python -c '
import importlib, sys, urllib.request
settings = importlib.import_module(sys.argv[1] + ".settings").Settings()
with urllib.request.urlopen(f"http://127.0.0.1:{settings.port}/healthz", timeout=4) as response:
    sys.exit(0 if response.status == 200 else 1)
' "$module"
    ;;
  token)
    [ "$#" -eq 4 ] || { echo "usage: token ROLE PROJECT SUB   (e.g. token admin '*' alice)" >&2; exit 64; }
    exec python -c '
import sys
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
role, project, sub = sys.argv[1:4]
print(issue_token(CommonSettings(), sub=sub, roles={project: role}))
' "$2" "$3" "$4"
    ;;
  *)
    exec python -m "$module" "$@"
    ;;
esac
