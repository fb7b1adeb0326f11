#!/usr/bin/env bash
# Installs the Python `holidays` package (pinned) into a virtual environment cached under ~/.cache/edaran, keyed
# by its version, for the cross-check of the decree data (test/unit/calendar/python-holidays.unit.test.ts). The
# test finds the venv at the same path (or EDARAN_PYTHON_HOLIDAYS). A warm run only checks the import.
set -euo pipefail
HOLIDAYS_VERSION=0.108
venv="${EDARAN_CACHE_DIR:-$HOME/.cache/edaran}/venv-holidays-${HOLIDAYS_VERSION}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import holidays, sys; sys.exit(holidays.__version__ != '${HOLIDAYS_VERSION}')"; then
  echo "python holidays ${HOLIDAYS_VERSION} already in $venv"
  exit 0
fi
if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
rm -rf "$venv"
# A failed install leaves no half-made venv behind for the next run to trust.
trap 'rm -rf "$venv"' ERR
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "holidays==${HOLIDAYS_VERSION}"
"$venv/bin/python" -c "import holidays; print('python holidays', holidays.__version__, 'in $venv')"
