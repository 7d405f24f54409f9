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

# The ingest as a user runs it, in small batches so that a kill finds several committed.
export_of() { "$mosaic" export --db "$1" --format json -o "$2"; }

start=$(date +%s.%N)
"$mosaic" ingest -q --db "$work/ref.db" --batch 100 "$work/feed.jsonl" 2>"$work/ref.log"
took=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
export_of "$work/ref.db" "$work/ref.json"
echo "uninterrupted ingest of $documents documents: ${took%.*}s"

# Waits until the store holds at least $2 documents while process $3 runs;
# fails if the process ends first.
wait_for() {
  python3 - "$@" <<'PY'
import sqlite3, sys, time
db, target, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def running():
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False
while running():
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        c.close()
        if n >= target:
            sys.exit(0)
    except sqlite3.Error:
        pass
    time.sleep(0.05)
sys.exit(1)
PY
}

equal=0
trial=0
while [ "$trial" -lt "$trials" ]; do
  trial=$((trial + 1))
  db=$work/t$trial.db
  rm -f "$db" "$db-wal" "$db-shm"
  # Once a random number of documents is stored, and a moment more: in the
  # middle of analysing a batch or of writing one.
  target=$(python3 -c "import random,sys; print(random.Random(sys.argv[1]).randint(1, max(1, int(sys.argv[2]) - 200)))" "$trial$RANDOM" "$documents")
  pause=$(python3 -c "import random,sys; print(round(random.Random(sys.argv[1]).uniform(0, 0.5), 2))" "$trial$RANDOM")
  "$mosaic" ingest -q --db "$db" --batch 100 "$work/feed.jsonl" 2>"$work/t$trial.log" &
  pid=$!  # the ingest itself, not a shell around it
  if wait_for "$db" "$target" "$pid"; then sleep "$pause"; fi
  if kill -9 "$pid" 2>/dev/null; then killed=yes; else killed="no: it had ended"; fi
  wait "$pid" 2>/dev/null || true
  # A kill that lands once the run is finished (its last batch committed, the
  # process on its way out) interrupts nothing, and the re-run is then a second
  # ingest of the feed: not what this test is about. Not a kill either.
  if [ "$killed" = yes ] && [ "$(python3 -c "import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('SELECT status FROM runs ORDER BY id DESC LIMIT 1').fetchone()[0])" "$db")" = finished ]; then
    killed="no: its run had finished"
  fi
  if [ "$killed" != yes ] && [ "${retried:-0}" -lt 5 ]; then  # not a kill: the trial again
    retried=$((${retried:-0} + 1)); trial=$((trial - 1))
    echo "trial $trial: the ingest ended before the kill ($killed); trying again"
    continue
  fi
  stored=$("$mosaic" stats --db "$db" 2>/dev/null | awk '$1 == "documents" {gsub(",", "", $2); print $2}' || true)
  "$mosaic" ingest -q --db "$db" --batch 100 "$work/feed.jsonl" 2>>"$work/t$trial.log"
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
    echo "trial $trial: killed once $target documents were stored and ${pause}s more ($killed, ${stored:-0} stored); re-run equals the uninterrupted ingest"
  else
    echo "trial $trial: killed once $target documents were stored and ${pause}s more ($killed, ${stored:-0} stored); re-run DIFFERS"
    cat "$work/t$trial.log"
  fi
done
echo "kill test: $equal of $trials trials equal"
[ "$equal" -eq "$trials" ]
