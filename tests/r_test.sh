#!/usr/bin/env bash
# The R example (examples/mosaic.R) on the sample corpus: the CSV export and
# the GraphML graph read into R with igraph. Skipped (77) without R or igraph
# (`bash scripts/setup --tests` installs Debian's r-base-core and r-cran-igraph).
set -euo pipefail
mosaic=$1 root=$2
if ! command -v Rscript >/dev/null; then echo "skipped: no Rscript (install Debian's r-base-core)"; exit 77; fi
if ! Rscript -e 'suppressPackageStartupMessages(library(igraph))' >/dev/null 2>&1; then
  echo "skipped: R has no igraph (install Debian's r-cran-igraph)"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$mosaic" ingest -q --db "$work/s.db" "$root/corpus/sample" 2>/dev/null
"$mosaic" export --db "$work/s.db" --format csv -o "$work/events.csv"
"$mosaic" graph --db "$work/s.db" --format graphml -o "$work/actors.graphml"
Rscript "$root/examples/mosaic.R" "$work/events.csv" "$work/actors.graphml" | tee "$work/out"
grep -Eq "^[0-9]+ events in [0-9]+ countries" "$work/out" || { echo "FAIL: events summary"; exit 1; }
grep -Eq "^[0-9]+ actors, [0-9]+ relations" "$work/out" || { echo "FAIL: graph summary"; exit 1; }
grep -q "most fought:.*Rapid Support Forces" "$work/out" || { echo "FAIL: the RSF is not among the most fought"; exit 1; }
# R reads every ACLED column, in ACLED's order, with numbers as numbers.
Rscript -e '
  e <- read.csv(commandArgs(TRUE)[1], stringsAsFactors = FALSE, na.strings = "")
  stopifnot(identical(names(e)[1:7], c("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                       "event_type", "sub_event_type")), ncol(e) == 31, names(e)[31] == "timestamp",
            is.numeric(e$fatalities), is.numeric(e$latitude), is.numeric(e$iso), all(!is.na(as.Date(na.omit(e$event_date)))))
' "$work/events.csv"
echo "ok"
