#!/usr/bin/env bash
# kill -9 at a random moment of an ingest, then the same ingest run again:
# the store's export (documents, events, stories, duplicate groups, actors,
# relations, claims) must equal that of an uninterrupted ingest of the feed.
#
#   kill_test.sh MOSAIC SOURCE_DIR [TRIALS=2] [DOCUMENTS=2000]
set -euo pipefail
mosaic=$1
root=$2
trials=${3:-2}
documents=${4:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tests/make_feed.py" "$documents" 7 > "$work/feed.jsonl"

# The ingest as a user runs it: small batches, so a kill finds several committed.
run_ingest() { "$mosaic" ingest -q --db "$1" --batch 100 "$work/feed.jsonl"; }
export_of() { "$mosaic" export --db "$1" --format json -o "$2"; }

start=$(date +%s.%N)
run_ingest "$work/ref.db" 2>"$work/ref.log"
took=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
export_of "$work/ref.db" "$work/ref.json"
# What the run spends before it stores anything (loading its knowledge files):
# the time an ingest of one document takes.
head -1 "$work/feed.jsonl" > "$work/one.jsonl"
start=$(date +%s.%N)
"$mosaic" ingest -q --db "$work/one.db" "$work/one.jsonl" 2>/dev/null
load=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
echo "uninterrupted ingest of $documents documents: ${took%.*}s (${load%.*}s of it before the first document)"

equal=0
for trial in $(seq 1 "$trials"); do
  db=$work/t$trial.db
  rm -f "$db" "$db-wal" "$db-shm"
  # Somewhere in the part of the run that stores documents.
  delay=$(python3 -c "import random,sys; l,t=float(sys.argv[1]),float(sys.argv[2]); r=random.Random(int(sys.argv[3]));
print(round(l + (t-l)*r.uniform(0.05,0.95),2))" "$load" "$took" "$trial$RANDOM")
  "$mosaic" ingest -q --db "$db" --batch 100 "$work/feed.jsonl" 2>"$work/t$trial.log" &
  pid=$!  # the ingest itself, not a shell around it
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=yes; else killed="no (it had ended)"; fi
  wait "$pid" 2>/dev/null || true
  stored=$("$mosaic" stats --db "$db" 2>/dev/null | awk '$1 == "documents" {gsub(",", "", $2); print $2}' || true)
  run_ingest "$db" 2>>"$work/t$trial.log"
  export_of "$db" "$work/t$trial.json"
  if python3 - "$work/ref.json" "$work/t$trial.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
bad = [k for k in a if a[k] != b.get(k)]
for k in bad:
    print(f"  {k}: {len(a[k]) if isinstance(a[k], list) else a[k]} uninterrupted, "
          f"{len(b.get(k) or []) if isinstance(b.get(k), list) else b.get(k)} after the kill and re-run")
    if isinstance(a[k], list):
        only = [r for r in b.get(k) or [] if r not in a[k]][:2]
        for r in only: print("    e.g.", json.dumps(r)[:300])
sys.exit(1 if bad else 0)
PY
  then
    equal=$((equal + 1))
    echo "trial $trial: killed at ${delay}s ($killed, ${stored:-0} documents stored); re-run equals the uninterrupted ingest"
  else
    echo "trial $trial: killed at ${delay}s ($killed, ${stored:-0} documents stored); re-run DIFFERS"
    cat "$work/t$trial.log"
  fi
done
echo "kill test: $equal of $trials trials equal"
[ "$equal" -eq "$trials" ]
