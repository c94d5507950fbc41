#!/usr/bin/env bash
# Build the Python bindings into .venv and check them: stubtest, mypy --strict, pytest.
#
# Needs only Python >= 3.10 with pip and a Rust toolchain. Creates .venv when it is
# missing, so it works on a fresh clone and when re-run. Extra arguments go to pytest:
#
#     scripts/test-python.sh                # everything
#     scripts/test-python.sh -k batch -x    # a subset
#
# Environment: PYTHON (interpreter that creates the venv, default python3),
# NUTGRAF_CORPUS (sample corpus directory, see python/tests/seeds.py).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
VENV="$PWD/.venv"
started=$SECONDS

step() { printf '\n==> %s  [%ss]\n' "$*" "$((SECONDS - started))"; }

if [ ! -x "$VENV/bin/python" ]; then
    step "create .venv with $PYTHON"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
        || { echo "error: $PYTHON is older than 3.10" >&2; exit 1; }
    "$PYTHON" -m venv "$VENV"
fi
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"
unset CONDA_PREFIX PYTHONHOME

step "install tools (requirements-dev.txt)"
python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# `maturin develop` reuses target/ between runs (incremental) and installs the
# package in editable mode: the extension lands in python/nutgraf/ (git-ignored).
step "build and install nutgraf (maturin develop --release)"
maturin develop --release

step "stubtest"
python -m mypy.stubtest nutgraf --mypy-config-file pyproject.toml

step "mypy --strict (package and typing test)"
python -m mypy --strict python/nutgraf python/tests/test_typing.py

step "pytest"
python -m pytest "$@"

step "all checks passed"
