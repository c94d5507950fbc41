#!/usr/bin/env bash
# Run every test of the project: the Rust workspace (unit, integration, golden,
# property, doc tests, examples, benchmarks once in test mode, and the
# evaluation floors when ../shared/eval is present) and the Python suite
# (built into .venv by scripts/test-python.sh: stubtest, mypy --strict, pytest).
#
# Needs only Rust and Python >= 3.10 with pip; installs the Python tools into .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "==> cargo test (workspace, all targets)"
cargo test --workspace --all-targets
echo "==> cargo test (doc tests)"
cargo test --workspace --doc

echo "==> python"
scripts/test-python.sh "$@"
