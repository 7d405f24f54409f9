#!/usr/bin/env bash
# Optional evaluation against ../shared (the development set). Exit 77 (skip)
# when it is not there; fails only if the pipeline itself fails.
set -euo pipefail
mosaic=$1
root=$2
shared=$root/../shared
[ -f "$shared/eval/score.py" ] || { echo "no ../shared: evaluation skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$mosaic" ingest -q --db "$work/s.db" "$shared/corpus/seeds"
"$mosaic" export --db "$work/s.db" --format json -o "$work/s.json"
python3 "$shared/eval/score.py" seeds "$work/s.json"
"$mosaic" ingest -q --db "$work/f.db" "$shared/corpus/fakes_dev.csv" \
  --csv-map id=unit_id,title=article_title,text=article_content,date=date,source=source
"$mosaic" export --db "$work/f.db" --format json -o "$work/f.json"
python3 "$shared/eval/score.py" fakes "$work/f.json" "$shared/corpus/fakes_dev.csv"
