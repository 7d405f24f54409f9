// The actor graph in the formats network tools read: GraphML (Gephi,
// networkx, igraph), GEXF (Gephi) and JSON (nodes and edges), written from
// the query layer's graph (query.h: GraphOptions, query::graph).
#pragma once

#include <ostream>
#include <cstdint>
#include <string>
#include <vector>

#include "mosaic/query.h"
#include "mosaic/store.h"

namespace mosaic {

enum class GraphFormat { GraphML, Gexf, Json };
GraphFormat parse_graph_format(const std::string& name);  // throws Error

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
