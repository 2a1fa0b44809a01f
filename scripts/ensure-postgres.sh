#!/usr/bin/env bash
# Make sure PostgreSQL server binaries (initdb, pg_ctl) exist for the test harness; install them with
# apt-get when they are missing and we may (root, or passwordless sudo).
set -euo pipefail
if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL server binaries not found and apt-get is unavailable: install PostgreSQL 14+ (initdb, pg_ctl) or set TPM_PG_BIN." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "PostgreSQL server binaries not found; run: sudo apt-get install -y postgresql" >&2; exit 1
  fi
fi
echo "Installing PostgreSQL with apt-get…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null
