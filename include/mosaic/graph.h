// The actor graph in the formats network tools read: GraphML (Gephi,
// networkx, igraph), GEXF (Gephi) and JSON (nodes and edges).
#pragma once

#include <ostream>
#include <string>

#include "mosaic/merge.h"
#include "mosaic/store.h"

namespace mosaic {

enum class GraphFormat { GraphML, Gexf, Json };
GraphFormat parse_graph_format(const std::string& name);  // throws Error

// Actors with at least one relation in the window, and the relations, weighted
// by the number of stories that state them; nodes carry their camp.
void write_graph(const Store& store, GraphFormat format, std::ostream& out, const std::string& from = "",
                 const std::string& to = "");

}  // namespace mosaic
