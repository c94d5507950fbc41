#!/usr/bin/env sh
# Run nutgraf's criterion benchmarks (crates/nutgraf/benches/parse.rs).
#
#   benches/run.sh                 # every group, full measurement
#   benches/run.sh quick           # every group, 1 s warm-up + 3 s per benchmark
#   benches/run.sh quick parse/    # groups whose name contains "parse/"
#   benches/run.sh test            # each benchmark once, answers checked (like CI)
#
# Reports land in target/criterion/ (HTML if gnuplot or plotters is available).
set -eu
cd "$(dirname "$0")/.."
mode="${1:-full}"
[ $# -gt 0 ] && shift
case "$mode" in
  full)  exec cargo bench -p nutgraf --bench parse -- "$@" ;;
  quick) exec cargo bench -p nutgraf --bench parse -- --warm-up-time 1 --measurement-time 3 "$@" ;;
  test)  exec cargo bench -p nutgraf --bench parse -- --test "$@" ;;
  *)     echo "usage: $0 [full|quick|test] [FILTER]" >&2; exit 64 ;;
esac
