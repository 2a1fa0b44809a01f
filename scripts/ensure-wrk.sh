#!/usr/bin/env bash
# `make bench` drives the services with wrk (a C load generator: one Python client process could not keep
# up with the floor). Install it with apt-get when missing and we may; otherwise the bench says so and
# falls back to its Python (httpx) driver.
set -uo pipefail
command -v wrk >/dev/null 2>&1 && exit 0
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "wrk not found (sudo apt-get install -y wrk); the bench falls back to its Python driver." >&2; exit 0
  fi
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Installing wrk with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
fi
command -v wrk >/dev/null 2>&1 || echo "wrk could not be installed; the bench falls back to its Python driver." >&2
exit 0
