#!/usr/bin/env bash
# Gate, deploy, record — for any CI (Jenkins, Buildkite, Drone, a cron job…):
#
#   TPM_TOKEN=… TPM_RELEASE_URL=https://release.tpmhub.example.com TPM_PROJECT=PAY \
#   TPM_VERSION=v1.4.0 TPM_COMMIT=$(git rev-parse HEAD) \
#     ./any-ci.sh ./deploy.sh production 1.4.0
#
# 1. asks the release gate for release $TPM_VERSION of $TPM_PROJECT in $TPM_ENVIRONMENT (default
#    production) and stops with the gate's exit code when it does not answer "allowed" (1 denied, with
#    every failing check printed; 2 usage error; 3 could not ask),
# 2. runs the deployment command given as arguments,
# 3. records the deployment as succeeded or failed (DORA) and exits with the deployment's status.
#
# Needs the `tpm` CLI: `pip install ./clients/python ./clients/cli` from a checkout of TPM Hub.
# TPM_VERSION defaults to the tag of the pipeline when the CI names it (CI_COMMIT_TAG, GITHUB_REF_NAME,
# TAG_NAME, BUILDKITE_TAG, DRONE_TAG); TPM_COMMIT to `git rev-parse HEAD`; TPM_RUN_URL (optional) links
# the deployment to the run (Jenkins: $BUILD_URL).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 DEPLOY_COMMAND [ARGS...]" >&2
  exit 2
fi

: "${TPM_PROJECT:?set TPM_PROJECT to the project key, e.g. PAY}"
: "${TPM_TOKEN:?set TPM_TOKEN to a token with role ci on the project}"
TPM_ENVIRONMENT="${TPM_ENVIRONMENT:-production}"
TPM_VERSION="${TPM_VERSION:-${CI_COMMIT_TAG:-${GITHUB_REF_NAME:-${TAG_NAME:-${BUILDKITE_TAG:-${DRONE_TAG:-}}}}}}"
: "${TPM_VERSION:?set TPM_VERSION (or run on a tag) to the release version, e.g. 1.4.0}"
TPM_VERSION="${TPM_VERSION#v}"
TPM_COMMIT="${TPM_COMMIT:-$(git rev-parse HEAD)}"
COMMITTED_AT="$(git log -1 --format=%cI "$TPM_COMMIT" 2>/dev/null || true)"

tpm release gate --project "$TPM_PROJECT" --version "$TPM_VERSION" --environment "$TPM_ENVIRONMENT"

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
status=succeeded
"$@" || status=failed

tpm deployment record --project "$TPM_PROJECT" --environment "$TPM_ENVIRONMENT" \
  --version "$TPM_VERSION" --commit "$TPM_COMMIT" --status "$status" \
  --started-at "$started_at" --committed-at "$COMMITTED_AT" --url "${TPM_RUN_URL:-}"

[ "$status" = succeeded ]
