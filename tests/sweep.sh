#!/usr/bin/env bash
# Optional: every corpus in ../shared/corpus (each file, and each folder as a
# whole) ingested and exported by the sanitizer build; fails on any sanitizer
# report or crash. Skips (77) when ../shared/corpus is absent.
#
#   sweep.sh MOSAIC SOURCE_DIR
set -uo pipefail
mosaic=$1
root=$2
corpus=$root/../shared/corpus
[ -d "$corpus" ] || { echo "no ../shared/corpus: sanitizer sweep skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# A CSV's columns for id, title and text, when they are not named so: the
# first whose name holds "id", "title", "text" or "content".
csv_map() {
  python3 - "$1" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig", errors="replace") as f:
    header = [h.strip() for h in next(csv.reader(f), [])]
lower = [h.lower() for h in header]
def pick(*words):
    for w in words:
        for h, l in zip(header, lower):
            if l == w: return h
    for w in words:
        for h, l in zip(header, lower):
            if w in l: return h
    return None
parts = []
for field, words in (("id", ("id",)), ("title", ("title",)), ("text", ("text", "content", "body", "summary", "notes"))):
    col = pick(*words)
    if col and col != field: parts.append(f"{field}={col}")
print(",".join(parts))
PY
}

failed=0
inputs=0
documents=0
for input in "$corpus"/*; do
  name=$(basename "$input")
  args=()
  case "$input" in
    *.csv) map=$(csv_map "$input"); [ -n "$map" ] && args=(--csv-map "$map") ;;
    *.jsonl|*.txt) ;;
    *) [ -d "$input" ] || continue ;;
  esac
  inputs=$((inputs + 1))
  db=$work/$name.db
  log=$work/$name.log
  rc=0
  "$mosaic" ingest -q --db "$db" "${args[@]}" "$input" >"$log" 2>&1 || rc=$?
  for format in json jsonl csv geojson; do
    "$mosaic" export --db "$db" --format "$format" -o "$work/$name.$format" >>"$log" 2>&1 || rc=$((rc ? rc : 100))
  done
  n=$("$mosaic" stats --db "$db" 2>/dev/null | awk '$1 == "documents" {gsub(",", "", $2); print $2}')
  documents=$((documents + ${n:-0}))
  if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Undefined|Leak)' "$log" || [ $rc -gt 3 ]; then
    failed=1
    echo "sweep: $name: FAILED (exit $rc)"
    grep -m5 -E 'ERROR:|runtime error:|SUMMARY:|#[0-9] ' "$log" | sed 's/^/  /'
  else
    echo "sweep: $name: ${n:-0} documents, no sanitizer report (ingest exit $rc)"
  fi
done
echo "sweep: $inputs inputs, $documents documents"
exit $failed
