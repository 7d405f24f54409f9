#!/usr/bin/env bash
# Runs the Python package's tests with pytest; skipped (77) when pytest or
# pandas is missing (`bash scripts/setup --tests` installs them).
set -u
python=$1 tests=$2
if ! "$python" -c "import pytest, pandas" 2>/dev/null; then
  echo "skipped: $python lacks pytest or pandas (install Debian's python3-pytest and python3-pandas)"
  exit 77
fi
exec "$python" -m pytest -q -p no:cacheprovider "$tests"
