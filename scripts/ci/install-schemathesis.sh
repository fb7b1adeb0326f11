#!/usr/bin/env bash
# Installs Schemathesis (the OpenAPI property-based tester, from PyPI) at a pinned version into a virtual
# environment cached outside the clone, keyed by that version and the Python version:
# ~/.cache/edaran/schemathesis/<version>-py<X.Y>/bin/st. The API contract test
# (test/integration/api/schemathesis.integration.test.ts) runs it from there.
set -euo pipefail
VERSION=4.32.5
PYTHON=${EDARAN_PYTHON:-python3}
py_version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
cache_dir="${EDARAN_CACHE_DIR:-$HOME/.cache/edaran}/schemathesis"
venv="$cache_dir/$VERSION-py$py_version"
# The marker is written last: an environment without it is a broken install and is built again.
if [ -f "$venv/.installed" ]; then
  echo "schemathesis $VERSION already installed in $venv"
  exit 0
fi
rm -rf "$venv"
mkdir -p "$cache_dir"
# Debian's own Python keeps venv's pip bootstrap in a package of its own.
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "python${py_version}-venv" >/dev/null
fi
"$PYTHON" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input "schemathesis==$VERSION"
"$venv/bin/st" --version
touch "$venv/.installed"
# Keep the two newest environments.
ls -1dt "$cache_dir"/*/ 2>/dev/null | tail -n +3 | xargs -r rm -rf
