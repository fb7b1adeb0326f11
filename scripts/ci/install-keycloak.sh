#!/usr/bin/env bash
# Provisions Keycloak for the sign-in tests (test/browser/keycloak-sign-in.integration.test.ts): the official
# distribution from Maven Central, unpacked once under ~/.cache/edaran/keycloak-<version>/. Needs Java and Maven
# (as the Temporal test server does) and unzip.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v unzip >/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends unzip >/dev/null
fi
npx tsx scripts/keycloak.ts
