#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages for the store's integration suite (test/support/postgres.ts
# starts a throwaway server from /usr/lib/postgresql/*/bin). Idempotent: does nothing when already installed.
set -euo pipefail

if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  echo "[edaran] PostgreSQL already installed: $(ls -d /usr/lib/postgresql/*/bin | head -n1)"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "[edaran] apt-get not found: install PostgreSQL yourself or set EDARAN_TEST_PG_URL; the PG suite will be skipped" >&2
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null
echo "[edaran] PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | head -n1)"
