#!/usr/bin/env bash
# The whole suite N times in a row (default 10) with one core kept busy by a spin loop:
# a test that depends on timing or on the machine's load shows up here. One summary line
# per run; each run's full output stays in the log folder it names. Exit code: the number
# of runs that failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
logs="$(mktemp -d "${TMPDIR:-/tmp}/soak-XXXXXX")"
( while :; do :; done ) &
spin=$!
trap 'kill "$spin" 2>/dev/null' EXIT
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  npx vitest run >"$logs/run-$i.log" 2>&1
  rc=$?
  [ "$rc" -eq 0 ] || failed=$((failed + 1))
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/run-$i.log" | grep -E '^ +Tests ' | tr -s ' ')
  echo "run $i: exit $rc, $(($(date +%s) - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg),${tests}"
done
echo "$failed of $runs runs failed; logs in $logs"
exit "$failed"
