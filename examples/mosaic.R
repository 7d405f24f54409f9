#!/usr/bin/env Rscript
# Mosaic's exports in R: the events table (ACLED's export columns, so code
# written for ACLED's own files runs on it) and the actor graph with igraph.
#
#   mosaic export --db news.db --format csv -o events.csv
#   mosaic graph  --db news.db --format graphml -o actors.graphml
#   Rscript examples/mosaic.R events.csv actors.graphml
#
# Needs R and igraph (Debian: r-base-core, r-cran-igraph).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript mosaic.R EVENTS.csv ACTORS.graphml")

# Empty cells are missing values; dates are ISO (YYYY-MM-DD).
events <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = "", encoding = "UTF-8")
events$event_date <- as.Date(events$event_date)
cat(sprintf("%d events in %d countries, %s to %s\n", nrow(events), length(unique(na.omit(events$country))),
            min(events$event_date, na.rm = TRUE), max(events$event_date, na.rm = TRUE)))

# Events and fatalities by event type, and who fights whom by ACLED's actor types.
by_type <- aggregate(fatalities ~ event_type, data = events, FUN = sum)
by_type$events <- as.vector(table(events$event_type)[by_type$event_type])
print(by_type[order(-by_type$events), ], row.names = FALSE)
print(head(sort(table(events$interaction), decreasing = TRUE), 5))

# The actor graph: actors as vertices (name, type, country, camp), relations as
# edges (relation, weight = stories stating it).
suppressPackageStartupMessages(library(igraph))
graph <- read_graph(args[2], format = "graphml")
cat(sprintf("%d actors, %d relations\n", vcount(graph), ecount(graph)))
hostile <- subgraph.edges(graph, E(graph)[relation %in% c("fights", "opposes")])
fought <- sort(degree(hostile), decreasing = TRUE)  # named by the actors' names
cat("most fought:", paste(head(names(fought), 3), collapse = "; "), "\n")
print(table(camp = V(graph)$camp))
