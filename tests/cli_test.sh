#!/usr/bin/env bash
# The CLI end to end on the bundled sample and on bad input: exit codes,
# one-line errors, and exports that parse.
set -euo pipefail
mosaic=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

db=$work/s.db
"$mosaic" ingest -q --db "$db" "$root/corpus/sample" 2>"$work/log"
grep -q "ingested 14 documents" "$work/log" || fail "sample ingest: $(cat "$work/log")"
"$mosaic" stats --db "$db" | grep -qE "documents +14" || fail "stats"
"$mosaic" docs --db "$db" | grep -q "sd-2023-05-20-jeddah" || fail "docs"
"$mosaic" show --db "$db" sd-2023-05-20-jeddah | grep -q "seven-day ceasefire" || fail "show"
"$mosaic" show --db "$db" sd-2023-05-20-jeddah | grep -q "\[Rapid Support Forces\]{RSF: Rapid Support Forces}" || fail "show marks mentions"
"$mosaic" actors --db "$db" | grep -qE "^RSF: Rapid Support Forces +rebel_group +SDN" || fail "actors"
"$mosaic" actors --db "$db" --type igo | grep -q "United Nations" || fail "actors --type"
"$mosaic" events --db "$db" --type "Air/drone strike" | grep -q "sd-2025-05-06-port-sudan" || fail "events --type"
"$mosaic" events --db "$db" --type Battles --from 2024-01-01 --to 2024-12-31 | grep -q "Government regains territory" || fail "events --from/--to"
"$mosaic" events --db "$db" --actor "Rapid Support" --place Fasher | grep -q "Shelling" || fail "events --actor --place"
if "$mosaic" events --db "$db" --from 2024-13-45 2>"$work/err"; then fail "bad date accepted"; fi
grep -qx "mosaic: from: '2024-13-45' is not a day; write a date as YYYY-MM-DD, e.g. 2016-10-04" "$work/err" || fail "bad date message: $(cat "$work/err")"
if "$mosaic" docs --db "$db" --from 2024-06-01 --to 2024-05-01 2>"$work/err"; then fail "a window ending before it begins accepted"; fi
"$mosaic" export --db "$db" --format csv -o "$work/events.csv"
grep -qE "^SDN[0-9]+,2024-06-08,2024,1,Political violence,Explosions/Remote violence,.*,729,Northern Africa,Sudan,North Darfur," \
  "$work/events.csv" || fail "csv event row"
"$mosaic" stories --db "$db" | grep -q "copy: sd-2023-04-16-khartoum-copy" || fail "stories"
"$mosaic" stories --db "$db" --rebuild 2>/dev/null | grep -q "copy: sd-2023-04-16-khartoum-copy" || fail "stories --rebuild"
"$mosaic" bench-stories "$root/corpus/sample" | grep -q "^precision" || fail "bench-stories"
"$mosaic" sides --db "$db" | grep -q "^fit" || fail "sides"
"$mosaic" export --db "$db" --format geojson -o "$work/events.geojson"
python3 -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert g['type']=='FeatureCollection' and g['features'], g
f=g['features'][0]; lon,lat=f['geometry']['coordinates']; assert -180<=lon<=180 and -90<=lat<=90
assert any(x['properties']['location']['name']=='El Fasher' for x in g['features'])
" "$work/events.geojson" || fail "geojson"
"$mosaic" contradictions --db "$db" | grep -q "civilians killed" || fail "contradictions"
if "$mosaic" graph --db "$db" --format dot 2>"$work/err"; then fail "unknown graph format accepted"; fi
if "$mosaic" show --db "$db" no-such-doc 2>"$work/err"; then fail "show of a missing doc succeeded"; fi
grep -q "no document 'no-such-doc'" "$work/err" || fail "show error: $(cat "$work/err")"

# Exports parse, and a file output is complete (written then renamed).
"$mosaic" export --db "$db" --format json -o "$work/out.json"
python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))
assert d['schema']=='mosaic/1' and len(d['documents'])==14
names={a['name'] for a in d['actors']}
assert {'RSF: Rapid Support Forces','Military Forces of Sudan','United Nations'} <= names, names
assert all(a['type'] and a['aliases'] is not None for a in d['actors'])
" "$work/out.json" || fail "json export"
"$mosaic" export --db "$db" --format jsonl | python3 -c "import json,sys; [json.loads(l) for l in sys.stdin]" || fail "jsonl export"
"$mosaic" export --db "$db" --format csv -o "$work/events.csv"
head -1 "$work/events.csv" | grep -q "^event_id_cnty,event_date" || fail "csv export"
[ ! -e "$work/out.json.partial" ] || fail "partial export left behind"

printf 'Valley Lions\tpolitical_militia\tCOL\tLDV\n' >"$work/mine.tsv"
echo "The Valley Lions ambushed a patrol." | "$mosaic" ingest -q --db "$db" --lexicon "$work/mine.tsv" --id lions - 2>/dev/null
"$mosaic" actors --db "$db" --country COL | grep -q "Valley Lions" || fail "--lexicon"

# Re-ingesting replaces rather than duplicates.
"$mosaic" ingest -q --db "$db" "$root/corpus/sample" 2>"$work/log"
"$mosaic" stats --db "$db" | grep -qE "documents +15" || fail "re-ingest duplicated documents"

# Stdin, plain text and JSONL.
echo "Shelling hit the market in Kadugli on Monday." | "$mosaic" ingest -q --db "$db" --id piped - 2>/dev/null
"$mosaic" show --db "$db" piped | grep -q "Kadugli" || fail "stdin text"
echo '{"id": "piped-json", "text": "A convoy reached El Fasher."}' | "$mosaic" ingest -q --db "$db" - 2>/dev/null
"$mosaic" show --db "$db" piped-json | grep -q "convoy" || fail "stdin jsonl"

# Nothing ingestible: non-zero exit and a one-line error naming the input.
: >"$work/empty.txt"
if "$mosaic" ingest --db "$db" "$work/empty.txt" 2>"$work/err"; then fail "empty input exited 0"; fi
grep -q "empty.txt: skipped: empty file" "$work/err" || fail "empty message: $(cat "$work/err")"
printf 'id,text\n1,hello\n' >"$work/m.csv"
if "$mosaic" ingest --db "$db" --csv-map text=body "$work/m.csv" 2>"$work/err"; then fail "bad map exited 0"; fi
grep -q "m.csv: error: --csv-map text=body: no such column" "$work/err" || fail "map message: $(cat "$work/err")"
if "$mosaic" ingest --db "$work/no/such/dir/x.db" "$root/corpus/sample" 2>"$work/err"; then fail "bad db path exited 0"; fi
grep -q "cannot open database" "$work/err" || fail "db path message: $(cat "$work/err")"
sqlite3 "$work/future.db" "PRAGMA user_version=42;" 2>/dev/null || python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=42'); c.commit()" "$work/future.db"
if "$mosaic" stats --db "$work/future.db" 2>"$work/err"; then fail "newer schema opened"; fi
grep -q "schema version 42 is newer" "$work/err" || fail "newer schema message: $(cat "$work/err")"
if "$mosaic" stats --db "$work/none.db" 2>"$work/err"; then fail "missing db opened"; fi

# A mistyped input is said before anything is done: no store is created.
if "$mosaic" ingest --db "$work/never.db" "$work/no-such-feed.jsonl" 2>"$work/err"; then fail "missing input exited 0"; fi
grep -q "no-such-feed.jsonl: no such file or folder" "$work/err" || fail "missing input message: $(cat "$work/err")"
[ ! -e "$work/never.db" ] || fail "a missing input created the store"

# A store that fills up midway (4 MB: a first batch with its write-ahead log
# takes about 1.2 MB of 16 KB pages): exit 3 (partial), the position where it
# stopped, a summary; the same ingest run again resumes it and exits 0.
python3 -c "
import json
for i in range(300):
    print(json.dumps({'id': f'n{i}', 'text': f'Report {i}: shelling hit the market in Kadugli on Monday, killing {i % 20 + 2} '
                      'people, residents said. The army blamed the rebels for the attack on the town.'}))
" >"$work/big.jsonl"
set +e
( trap '' XFSZ; ulimit -f 4000; "$mosaic" ingest -q --batch 5 --db "$work/full.db" "$work/big.jsonl" ) 2>"$work/err"
status=$?
set -e
[ "$status" = 3 ] || fail "full store: exit $status, not 3: $(cat "$work/err")"
grep -qE "big.jsonl:[0-9]+: error: the store refused a batch: .*stopped" "$work/err" || fail "full store message: $(cat "$work/err")"
grep -qE "^ingested [1-9][0-9]* documents" "$work/err" || fail "full store summary: $(cat "$work/err")"
"$mosaic" stats --db "$work/full.db" | grep -q "1 interrupted or stopped early" || fail "stopped run not marked"
"$mosaic" ingest -q --batch 5 --db "$work/full.db" "$work/big.jsonl" 2>"$work/err" || fail "resumed ingest failed: $(cat "$work/err")"
grep -qE "^ingested 300 documents .* [1-9][0-9]* resumed" "$work/err" || fail "resume summary: $(cat "$work/err")"

# Some bad records among good ones: exit 0, each bad one reported.
printf '{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": "cut\n' >"$work/mixed.jsonl"
"$mosaic" ingest --db "$db" "$work/mixed.jsonl" 2>"$work/err" || fail "mixed input exited non-zero"
grep -q "mixed.jsonl:2: skipped: invalid JSON" "$work/err" || fail "mixed message: $(cat "$work/err")"
# Every reference in the store holds (SQLite does not check them on insert).
[ -z "$(sqlite3 "$db" "PRAGMA foreign_key_check")" ] || fail "foreign keys: $(sqlite3 "$db" "PRAGMA foreign_key_check" | head -3)"

# Search, and a server that cannot have its port says so.
"$mosaic" docs --db "$db" --search "fasher" | grep -q "sd-2024-06-09-el-fasher" || fail "docs --search"
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)" >"$work/port" &
holder=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.2; done  # a loaded machine starts python slowly
if "$mosaic" serve --db "$db" --port "$(cat "$work/port")" 2>"$work/err" >/dev/null; then fail "serve on a taken port exited 0"; fi
kill "$holder"
grep -q "cannot listen on 127.0.0.1:" "$work/err" || fail "taken port message: $(cat "$work/err")"
echo "cli: all checks passed"
