#!/usr/bin/env bash
# Creates .venv-lava: a Python 3.10 virtualenv with Lava 0.10.0 and NIR, for
# the Loihi target's tests (tests/test_loihi.py runs the generated Lava code in
# this interpreter through subprocesses; loihi_target.md §11).
#
# lava-nc 0.10.0 (the last release) installs only on Python >= 3.10, < 3.11
# and needs numpy < 2, so it cannot share .venv. The interpreter is found in
# this order: $LAVA_PYTHON, pyenv's 3.10, python3.10 on PATH, then uv (which
# can fetch a 3.10). Idempotent: an existing working .venv-lava is kept.
#
# Without CI (CI unset or not "true") a failure prints one "SKIPPED Lava
# tests: ..." line and exits 0, so the rest of the suite still runs and the
# Lava tests skip; under CI=true it exits 1, because CI must test against
# real Lava.
set -uo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-lava
LAVA_PKGS=("lava-nc==0.10.0" "numpy>=1.24.4,<2" "nir==1.0.8" "h5py")

skip() {
  echo "SKIPPED Lava tests: $1"
  if [ "${CI:-}" = true ]; then exit 1; fi
  exit 0
}

probe() {
  "$VENV/bin/python" - <<'EOF' 2>/dev/null
import sys
assert sys.version_info[:2] == (3, 10), sys.version
import lava, lava.proc.lif.process, nir, h5py, numpy
from importlib.metadata import version
assert version("lava-nc") == "0.10.0", version("lava-nc")
assert numpy.__version__.split(".")[0] == "1", numpy.__version__
print("lava-nc", version("lava-nc"), "nir", version("nir"), "numpy", numpy.__version__)
EOF
}

if [ -x "$VENV/bin/python" ] && probe >/dev/null; then
  echo "[lava] $VENV is ready: $(probe)"
  exit 0
fi

find_py310() {
  local p
  if [ -n "${LAVA_PYTHON:-}" ] && [ -x "$LAVA_PYTHON" ]; then echo "$LAVA_PYTHON"; return 0; fi
  if command -v pyenv >/dev/null 2>&1; then
    p=$(pyenv which python3.10 2>/dev/null) && [ -x "$p" ] && { echo "$p"; return 0; }
  fi
  for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10; do
    [ -x "$p" ] && { echo "$p"; return 0; }
  done
  p=$(command -v python3.10 2>/dev/null) && { echo "$p"; return 0; }
  if command -v uv >/dev/null 2>&1; then
    uv python install 3.10 >/dev/null 2>&1 || true
    p=$(uv python find 3.10 2>/dev/null) && [ -x "$p" ] && { echo "$p"; return 0; }
  fi
  return 1
}

PY310=$(find_py310) || skip "no Python 3.10 interpreter (set LAVA_PYTHON, or install one with pyenv or uv)"
echo "[lava] creating $VENV with $PY310"
rm -rf "$VENV"
"$PY310" -m venv "$VENV" || skip "cannot create $VENV with $PY310"
"$VENV/bin/python" -m pip install -q --upgrade pip || skip "cannot upgrade pip in $VENV"
echo "[lava] installing ${LAVA_PKGS[*]}"
"$VENV/bin/python" -m pip install -q "${LAVA_PKGS[@]}" \
  || skip "cannot install lava-nc/nir from the package index"
probe >/dev/null || skip "$VENV does not import lava, nir and h5py after installation"
echo "[lava] $VENV is ready: $(probe)"
