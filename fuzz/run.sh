#!/usr/bin/env bash
# Runs each fuzz target for FUZZ_SECONDS (default 60) over its seed corpus
# (fuzz/corpus/<target>, never written) and a working corpus it grows in the
# build folder; prints executions per target and fails on any crash, leak,
# timeout or broken invariant, keeping the input under <build>/fuzz/artifacts/.
#
#   fuzz/run.sh BUILD_DIR [TARGET...]     (FUZZ_SECONDS=N, FUZZ_RUNS=N instead of a time;
#                                          FUZZ_OUT=DIR for the working corpora and logs)
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [TARGET...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl csv text date pipeline)
seconds=${FUZZ_SECONDS:-60}
limit=(-max_total_time="$seconds")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
failed=0
total=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz: $bin is not built"; exit 2; }
  out=${FUZZ_OUT:-$build/fuzz}
  work="$out/work/$t"
  artifacts="$build/fuzz/artifacts/$t"
  log="$out/logs/$t.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  # The whole pipeline is slow per input: longer inputs and a longer timeout.
  max_len=4096; timeout=20
  [ "$t" = pipeline ] && { max_len=8192; timeout=60; }
  start=$(date +%s)
  "$bin" "${limit[@]}" -max_len=$max_len -timeout=$timeout -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work" "$here/corpus/$t" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  runs=$(grep -a -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  runs=${runs:-0}
  total=$((total + elapsed))
  if [ $rc -ne 0 ]; then
    failed=1
    echo "fuzz_$t: FAILED after $runs executions in ${elapsed}s (exit $rc); see $log and $artifacts/"
    grep -a -m3 -E 'invariant broken|ERROR: |SUMMARY: ' "$log" | sed 's/^/  /'
  else
    echo "fuzz_$t: $runs executions in ${elapsed}s, no crash ($(wc -l < <(ls "$work")) inputs in the working corpus)"
  fi
done
echo "fuzz: ${total}s in all"
exit $failed
