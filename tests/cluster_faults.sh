#!/usr/bin/env bash
# The cluster's faults, each against a clean single-process ingest: the
# workers' store must export exactly what `mosaic ingest` of the same feed
# gives. One feed is published once (with copies of one story and a poison
# message in it); each case reads the whole stream with a group of its own
# (its own durable consumer and cursor) into a store of its own.
#
#   clean     one worker
#   kill      kill -9 a worker once it has written some batches; two more finish
#   restart   nats-server restarted under two working workers
#   race      two workers in batches of 3 over a feed where one story has 150 copies
#   eight     eight workers at once
#   postgres  two workers into PostgreSQL, one killed
#   pgrestart PostgreSQL stopped for two seconds and started again under two working workers
#
# The PostgreSQL cases run on a private cluster of this script's own
# (scripts/pg in its folder), so that restarting it cuts no other test's
# sessions; they are skipped when scripts/pg finds no server.
#
# Every case also meets the poison message: it must go to the dead letters
# and the rest on.
#
#   cluster_faults.sh MOSAIC SOURCE_DIR [DOCUMENTS=800]
set -euo pipefail
mosaic=$1
root=$2
documents=${3:-800}
work=$(mktemp -d)
chmod 755 "$work"  # PostgreSQL runs as another user when this runs as root
export MOSAIC_NATS_DIR=$work/nats MOSAIC_PG_DIR=$work/pg
cleanup() {
  jobs -p | xargs -r kill -9 2>/dev/null || true
  bash "$root/scripts/nats" stop >/dev/null 2>&1 || true
  bash "$root/scripts/pg" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
url=$(bash "$root/scripts/nats" start) || { rc=$?; [ "$rc" -eq 77 ] && echo "no nats-server: skipped"; exit "$rc"; }

# The feed: invented reports, then 150 copies of one story among them.
python3 "$root/tests/make_feed.py" "$documents" 11 > "$work/base.jsonl"
python3 - "$work/base.jsonl" > "$work/feed.jsonl" <<'PY'
import json, random, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rng = random.Random(5)
story = ("Rebel fighters shelled the district of Kadugli on Monday, killing 12 people, residents said. "
         "The army answered with air strikes on rebel positions near Kadugli. "
         "Witnesses described panic in the market of Kadugli as the first shells landed. "
         "The United Nations said 40 families had fled Kadugli since the fighting began.")
words = story.split()
for k in range(150):
    cut = words[: len(words) - rng.randint(0, 8)]
    text = " ".join(cut) + f" Reported by outlet {k}."
    rows.insert(rng.randrange(len(rows) + 1),
                {"id": f"copy{k:03d}", "title": "Shelling in Kadugli", "text": text,
                 "date": "2024-03-02", "source": f"Wire {k % 9}"})
for r in rows:
    print(json.dumps(r))
PY
total=$(wc -l < "$work/feed.jsonl")
half=$((total / 2))
head -n "$half" "$work/feed.jsonl" > "$work/head.jsonl"
tail -n +"$((half + 1))" "$work/feed.jsonl" > "$work/tail.jsonl"

export_of() { "$mosaic" export --db "$1" --format json -o "$2"; }
# The single ingest reads the two halves published (the origin of each document is kept).
"$mosaic" ingest -q --db "$work/ref.db" "$work/head.jsonl" "$work/tail.jsonl"
export_of "$work/ref.db" "$work/ref.json"

# Published in two halves with a message that is not a document between them.
"$mosaic" ingest -q --to "$url" "$work/head.jsonl"
python3 - "$url" <<'PY'
import socket, sys
host, port = sys.argv[1].removeprefix("nats://").split(":")
s = socket.create_connection((host, int(port)))
s.recv(4096)  # INFO
bad = b'{"id": "poison", "text": '
s.sendall(b'CONNECT {"verbose":false}\r\nPUB mosaic.docs %d\r\n%s\r\nPING\r\n' % (len(bad), bad))
got = b""
while b"PONG" not in got:
    got += s.recv(4096)
PY
"$mosaic" ingest -q --to "$url" "$work/tail.jsonl"
"$mosaic" ingest -q --to "$url" "$work/head.jsonl" "$work/tail.jsonl"  # again: the stream drops every one

# Waits until store $1 holds at least $2 documents while process $3 runs.
wait_for() {
  python3 - "$@" <<'PY'
import sqlite3, sys, time, os
db, target, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
end = time.time() + 600
while time.time() < end:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)
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

# Waits until group $1's cursor is at $2 or past it while process $3 runs.
wait_written() {
  local group=$1 target=$2 pid=$3 written
  for _ in $(seq 6000); do
    kill -0 "$pid" 2>/dev/null || return 1
    written=$("$mosaic" status --from "$url" --group "$group" | awk '$1 == "stream" {print $7}')
    [ "${written:-0}" -ge "$target" ] && return 0
    sleep 0.1
  done
  return 1
}

worker() {  # GROUP DB [options]: a worker in the background, its log kept
  local group=$1 db=$2
  shift 2
  "$mosaic" worker -q --from "$url" --group "$group" --db "$db" --ack-wait 3 "$@" 2>>"$work/$group.log" &
}

failed=0
check() {  # CASE DB: the store equals the single ingest's; one dead letter
  local name=$1 db=$2 dead
  export_of "$db" "$work/$name.json"
  dead=$("$mosaic" status --from "$url" --group "$name" | awk '$1 == "dead" {print $3}')
  if cmp -s "$work/ref.json" "$work/$name.json" && [ "$dead" = 1 ]; then
    echo "$name: export equals the single ingest's; $dead dead letter"
  else
    echo "$name: export DIFFERS from the single ingest's or dead letters $dead, not 1"
    python3 - "$work/ref.json" "$work/$name.json" <<'PY' || true
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for k in a:
    if a[k] != b.get(k):
        print(f"  {k}: {len(a[k]) if isinstance(a[k], list) else a[k]} single, "
              f"{len(b.get(k) or []) if isinstance(b.get(k), list) else b.get(k)} workers")
PY
    tail -n 20 "$work/$name.log" || true
    failed=$((failed + 1))
  fi
}

# clean
worker clean "$work/clean.db" --exit-when-idle --batch 40
wait
check clean "$work/clean.db"

# kill: a worker killed -9 once it has stored a random number of documents
# (in the middle of a later batch's analysis or write), two others finish.
target=$(python3 -c "import random; print(random.randint(50, $total - 300))")
worker kill "$work/kill.db" --batch 20 --name victim
victim=$!
wait_for "$work/kill.db" "$target" "$victim" || true
sleep "0.0$((RANDOM % 10))"
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$work/kill.db")
worker kill "$work/kill.db" --exit-when-idle --batch 40 --name a
worker kill "$work/kill.db" --exit-when-idle --batch 40 --name b
wait
echo "kill: the worker killed -9 once $target documents were stored ($stored by then); two others finished"
check kill "$work/kill.db"

# restart: nats-server stopped and started again under two workers.
worker restart "$work/restart.db" --exit-when-idle --batch 40 --name a
first=$!
worker restart "$work/restart.db" --exit-when-idle --batch 40 --name b
wait_for "$work/restart.db" "$((total / 3))" "$first" || true
bash "$root/scripts/nats" restart >/dev/null
wait
check restart "$work/restart.db"

# race: two workers in small batches over the copies of one story.
worker race "$work/race.db" --exit-when-idle --batch 3 --name a
worker race "$work/race.db" --exit-when-idle --batch 3 --name b
wait
check race "$work/race.db"

# eight workers on whatever cores there are.
for i in 1 2 3 4 5 6 7 8; do worker eight "$work/eight.db" --exit-when-idle --batch 20 --name "w$i"; done
wait
check eight "$work/eight.db"

# postgres: the single ingest and the workers each into a database of their own.
if bash "$root/scripts/pg" start >/dev/null 2>&1 && ref_pg=$(bash "$root/scripts/pg" url cluster_ref) &&
   pg=$(bash "$root/scripts/pg" url cluster_workers) && pg_restart=$(bash "$root/scripts/pg" url cluster_restart); then
  "$mosaic" ingest -q --db "$ref_pg" "$work/head.jsonl" "$work/tail.jsonl"
  export_of "$ref_pg" "$work/ref.json"
  worker postgres "$pg" --batch 40 --name victim
  victim=$!
  sleep 2
  kill -9 "$victim" 2>/dev/null || true
  worker postgres "$pg" --exit-when-idle --batch 40 --name a
  worker postgres "$pg" --exit-when-idle --batch 40 --name b
  wait
  check postgres "$pg"

  # pgrestart: PostgreSQL stopped under two workers once a third is written,
  # down for two seconds (every session cut, connections refused), started
  # again; the same workers go on.
  worker pgrestart "$pg_restart" --exit-when-idle --batch 40 --name a
  first=$!
  worker pgrestart "$pg_restart" --exit-when-idle --batch 40 --name b
  second=$!
  wait_written pgrestart "$((total / 3))" "$first" || true
  written=$("$mosaic" status --from "$url" --group pgrestart | awk '$1 == "stream" {print $7}')
  bash "$root/scripts/pg" restart 2
  rc_a=0 rc_b=0
  wait "$first" || rc_a=$?
  wait "$second" || rc_b=$?
  echo "pgrestart: PostgreSQL restarted once $written of $total were written; the workers exited with $rc_a and $rc_b"
  if [ "$rc_a" != 0 ] || [ "$rc_b" != 0 ]; then
    failed=$((failed + 1))
    sed "s/^/  /" "$work/pgrestart.log" | tail -n 40
  fi
  check pgrestart "$pg_restart"
else
  echo "postgres, pgrestart: no PostgreSQL (scripts/pg): skipped"
fi

[ "$failed" -eq 0 ]
