// The actor graph in the formats network tools read: GraphML (Gephi,
// networkx, igraph), GEXF (Gephi) and JSON (nodes and edges).
#pragma once

#include <ostream>
#include <cstdint>
#include <string>
#include <vector>

#include "mosaic/merge.h"
#include "mosaic/store.h"

namespace mosaic {

enum class GraphFormat { GraphML, Gexf, Json };
GraphFormat parse_graph_format(const std::string& name);  // throws Error

// What of the graph to write. By default, all of it.
struct GraphOptions {
  std::string from, to;              // the window of the relations' dates (inclusive; empty = open)
  std::size_t limit = 0;             // keep the most connected actors (by weight), at most this many; 0 = all
  std::string actor;                 // keep this actor and its neighbourhood (its closest ties first)
  std::vector<std::string> types;    // keep these relation types; empty = all
  std::size_t evidence = SIZE_MAX;   // evidence sentences written per edge (JSON)
};

// Actors with at least one relation in the window, and the relations, weighted
// by the number of stories that state them; nodes carry their camp (1, 2, ...
// heaviest first, 0 for none), found on the whole window's graph. With a
// limit, at most three edges per actor kept, heaviest first, so that the
// answer stays small however large the store.
void write_graph(const Store& store, GraphFormat format, std::ostream& out, const GraphOptions& options);
inline void write_graph(const Store& store, GraphFormat format, std::ostream& out, const std::string& from = "",
                        const std::string& to = "") {
  write_graph(store, format, out, GraphOptions{from, to, 0, "", {}, SIZE_MAX});
}

}  // namespace mosaic
