#!/usr/bin/env bash
# Builds the sdist and the wheel with `python -m build`, installs the wheel
# into a fresh virtualenv (no system site-packages, no source tree on the
# path) and runs the Python API tests against the installed package.
#
#   bash .ci/wheel_test.sh            # from anywhere; uses .venv for `build`
#
# WHEEL_TEST_DIR (default: a new temporary directory) holds dist/, the venv
# and the pytest working directory; it is removed at the end unless
# WHEEL_TEST_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORK=${WHEEL_TEST_DIR:-$(mktemp -d /tmp/nestml_go_wheel.XXXXXX)}
mkdir -p "$WORK"
[ "${WHEEL_TEST_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
t0=$(date +%s)

echo "[wheel] python -m build (sdist, then a wheel built from the sdist)"
rm -rf "$WORK/dist"
"$PY" -m build --outdir "$WORK/dist" "$ROOT" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
version=$(sed -n 's/^const Version = "\([^"]*\)".*/\1/p' pybind/version.go)
sdist=$(ls "$WORK"/dist/*.tar.gz)
wheel=$(ls "$WORK"/dist/*.whl)
echo "[wheel] built $(basename "$sdist") and $(basename "$wheel")"
case "$(basename "$wheel")" in
  "nestml_go-$version-py3-none-linux_"*.whl | "nestml_go-$version-py3-none-manylinux"*.whl) ;;
  *) echo "[wheel] error: expected nestml_go-$version-py3-none-<linux platform>.whl"; exit 1 ;;
esac
# The wheel carries the Go library, the stub and py.typed, and no C header.
"$PY" - "$wheel" <<'PYEOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {"nestml_go/_libnestml.so", "nestml_go/_native.pyi", "nestml_go/py.typed", "nestml_go/__init__.py"}
missing = need - names
bad = [n for n in names if n.endswith((".h", ".go", ".pyc"))]
if missing or bad:
    sys.exit(f"[wheel] bad wheel contents: missing {sorted(missing)}, unexpected {bad}")
print(f"[wheel] contents ok ({len(names)} files)")
PYEOF

echo "[wheel] fresh venv $WORK/venv (no system site-packages)"
rm -rf "$WORK/venv"
"$PY" -m venv "$WORK/venv"
V="$WORK/venv/bin/python"
"$V" -m pip install -q --upgrade pip
"$V" -m pip install -q "$wheel" numpy pytest matplotlib "hypothesis==6.170.15"

# Run from a directory where neither python/ nor the repository is importable.
mkdir -p "$WORK/run"
cd "$WORK/run"
"$V" - "$WORK/venv" "$version" <<'PYEOF'
import os, sys
import nestml_go
venv, version = os.path.realpath(sys.argv[1]), sys.argv[2]
where = os.path.realpath(nestml_go.__file__)
if not where.startswith(venv + os.sep):
    sys.exit(f"[wheel] nestml_go was imported from {where}, not from the venv {venv}")
assert nestml_go.__version__ == version, (nestml_go.__version__, version)
print(f"[wheel] nestml_go {nestml_go.__version__} imported from {where}")
PYEOF
"$WORK/venv/bin/nestml-go" --version
echo "[wheel] pytest against the installed wheel"
HYPOTHESIS_PROFILE=quick \
  "$V" -m pytest -q -p no:cacheprovider -o faulthandler_timeout=300 --rootdir "$WORK/run" \
  "$ROOT/tests/test_python_api.py" \
  "$ROOT/tests/test_plot.py" "$ROOT/tests/test_properties.py"
echo "[wheel] done in $(( $(date +%s) - t0 )) s"
