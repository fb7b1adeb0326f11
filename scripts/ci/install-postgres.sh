#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages for the store's integration suite (test/support/postgres.ts
# starts a throwaway server from /usr/lib/postgresql/*/bin). Idempotent: does nothing when already installed.
set -euo pipefail

root=${EDARAN_PG_ROOT:-/usr/lib/postgresql} # where Debian's packages put each version (tests point it elsewhere)
if compgen -G "$root/*/bin/initdb" >/dev/null; then
  echo "[edaran] PostgreSQL already installed: $(ls -d "$root"/*/bin | head -n1)"
  exit 0
fi
# In CI (EDARAN_REQUIRE_POSTGRES=1, exported by .ci/run) PostgreSQL is required: fail here rather than let the
# store suites run on SQLite alone.
required=0
if [ "${EDARAN_REQUIRE_POSTGRES:-}" = 1 ] || [ "${EDARAN_REQUIRE_POSTGRES:-}" = true ]; then
  required=1
fi
if [ -n "${EDARAN_TEST_PG_URL:-}" ]; then
  echo "[edaran] using the PostgreSQL server at EDARAN_TEST_PG_URL"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  if [ "$required" = 1 ]; then
    echo "[edaran] apt-get not found and PostgreSQL is required (EDARAN_REQUIRE_POSTGRES=1): install PostgreSQL or set EDARAN_TEST_PG_URL" >&2
    exit 1
  fi
  echo "[edaran] apt-get not found: install PostgreSQL yourself or set EDARAN_TEST_PG_URL; the PG suite will be skipped" >&2
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
export DEBIAN_FRONTEND=noninteractive
if [ -n "$SUDO" ] && ! command -v sudo >/dev/null; then
  echo "[edaran] not root and no sudo: cannot install PostgreSQL" >&2
  exit "$required"
fi
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null; }; then
  echo "[edaran] installing PostgreSQL with apt-get failed" >&2
  exit "$required"
fi
if ! compgen -G "$root/*/bin/initdb" >/dev/null; then
  echo "[edaran] the postgresql package installed no initdb under $root" >&2
  exit "$required"
fi
echo "[edaran] PostgreSQL installed: $(ls -d "$root"/*/bin | head -n1)"
