#include "mosaic/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "export/records.h"
#include "mosaic/problem.h"

namespace mosaic {

namespace {

std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

GraphFormat parse_graph_format(const std::string& name) {
  if (name == "graphml") return GraphFormat::GraphML;
  if (name == "gexf") return GraphFormat::Gexf;
  if (name == "json") return GraphFormat::Json;
  throw Error(fmt::format("unknown graph format '{}' (graphml, gexf, json)", name));
}

// The graph as the JSON format writes it and the API sends it: `evidence`
// sentences per edge, each cut at `evidence_bytes` (at a character's start,
// marked with an ellipsis).
nlohmann::ordered_json graph_record(const query::Graph& g, std::size_t evidence, std::size_t evidence_bytes) {
  auto cut = [&](const std::string& text) {
    if (text.size() <= evidence_bytes) return text;
    std::size_t at = evidence_bytes;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return text.substr(0, at) + "\u2026";
  };
  nlohmann::ordered_json j = {{"nodes", nlohmann::ordered_json::array()}, {"edges", nlohmann::ordered_json::array()}};
  for (const auto& [id, a] : g.nodes)
    j["nodes"].push_back({{"id", id}, {"name", a.name}, {"type", a.type}, {"country", a.country}, {"camp", g.camp.at(id)},
                          {"degree", g.degree.count(id) ? g.degree.at(id) : 0.0}});
  for (const auto& e : g.edges) {
    nlohmann::ordered_json shown = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < e.evidence.size() && i < evidence; ++i)
      shown.push_back({{"doc", e.evidence[i].doc}, {"text", cut(e.evidence[i].text)}});
    j["edges"].push_back({{"source", e.source}, {"target", e.target}, {"type", e.type}, {"weight", e.weight},
                          {"first_date", e.first_date}, {"last_date", e.last_date}, {"evidence", shown},
                          {"evidence_count", e.evidence.size()}});
  }
  nlohmann::ordered_json camps = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < g.sides.camps.size(); ++c)
    camps.push_back({{"camp", c + 1}, {"actors", g.sides.camps[c].actors.size()}, {"weight", g.sides.camps[c].weight}});
  j["camps"] = camps;
  j["fit"] = g.sides.fit;
  j["total_nodes"] = g.all_nodes;
  j["total_edges"] = g.all_edges;
  return j;
}

void write_graph(const Store& store, GraphFormat format, std::ostream& out, const GraphOptions& options) {
  const query::Graph g = query::graph(store, options);
  if (format == GraphFormat::Json) {
    out << json_text(graph_record(g, options.evidence), 1) << '\n';
    return;
  }
  if (format == GraphFormat::GraphML) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
           "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
           "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
           "  <key id=\"camp\" for=\"node\" attr.name=\"camp\" attr.type=\"int\"/>\n"
           "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
           "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
           "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
           "  <graph id=\"mosaic\" edgedefault=\"directed\">\n";
    for (const auto& [id, a] : g.nodes)
      out << fmt::format("    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"type\">{}</data>"
                         "<data key=\"country\">{}</data><data key=\"camp\">{}</data></node>\n",
                         xml(id), xml(a.name), xml(a.type), xml(a.country), g.camp.at(id));
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
      const auto& e = g.edges[i];
      out << fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{}</data>"
                         "<data key=\"weight\">{}</data><data key=\"evidence\">{}</data></edge>\n",
                         i, xml(e.source), xml(e.target), xml(e.type), e.weight,
                         xml(e.evidence.empty() ? "" : e.evidence.front().text));
    }
    out << "  </graph>\n</graphml>\n";
    return;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
         "  <graph defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\"><attribute id=\"0\" title=\"type\" type=\"string\"/>"
         "<attribute id=\"1\" title=\"country\" type=\"string\"/><attribute id=\"2\" title=\"camp\" type=\"integer\"/></attributes>\n"
         "    <attributes class=\"edge\"><attribute id=\"0\" title=\"relation\" type=\"string\"/></attributes>\n"
         "    <nodes>\n";
  for (const auto& [id, a] : g.nodes)
    out << fmt::format("      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/>"
                       "<attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/></attvalues></node>\n",
                       xml(id), xml(a.name), xml(a.type), xml(a.country), g.camp.at(id));
  out << "    </nodes>\n    <edges>\n";
  for (std::size_t i = 0; i < g.edges.size(); ++i) {
    const auto& e = g.edges[i];
    out << fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\">"
                       "<attvalues><attvalue for=\"0\" value=\"{}\"/></attvalues></edge>\n",
                       i, xml(e.source), xml(e.target), e.weight, xml(e.type), xml(e.type));
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace mosaic
