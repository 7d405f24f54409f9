#include "mosaic/graph.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

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

struct Graph {
  std::vector<ActorRelation> edges;
  std::map<std::string, Actor> nodes;
  std::map<std::string, int> camp;  // 1, 2, ... heaviest first; 0 for none
};

Graph build(const Store& store, const std::string& from, const std::string& to) {
  Graph g;
  g.edges = aggregate_relations(store, {"", from, to});
  std::map<std::string, Actor> all;
  store.for_each_actor([&](const ActorSummary& s) { all.emplace(s.actor.id, s.actor); });
  for (const auto& e : g.edges)
    for (const auto& id : {e.source, e.target})
      g.nodes.emplace(id, all.count(id) ? all.at(id) : Actor{id, id, "other", "", {}});
  std::vector<Actor> known;
  for (const auto& [id, a] : g.nodes) known.push_back(a);
  const Sides sides = find_sides(g.edges, known);
  for (std::size_t c = 0; c < sides.camps.size(); ++c)
    for (const auto& id : sides.camps[c].actors) g.camp[id] = int(c + 1);
  for (const auto& [id, a] : g.nodes) g.camp.emplace(id, 0);  // no camp
  return g;
}

}  // namespace

GraphFormat parse_graph_format(const std::string& name) {
  if (name == "graphml") return GraphFormat::GraphML;
  if (name == "gexf") return GraphFormat::Gexf;
  if (name == "json") return GraphFormat::Json;
  throw Error(fmt::format("unknown graph format '{}' (graphml, gexf, json)", name));
}

void write_graph(const Store& store, GraphFormat format, std::ostream& out, const std::string& from,
                 const std::string& to) {
  const Graph g = build(store, from, to);
  if (format == GraphFormat::Json) {
    nlohmann::ordered_json j = {{"nodes", nlohmann::ordered_json::array()}, {"edges", nlohmann::ordered_json::array()}};
    for (const auto& [id, a] : g.nodes)
      j["nodes"].push_back({{"id", id}, {"name", a.name}, {"type", a.type}, {"country", a.country}, {"camp", g.camp.at(id)}});
    for (const auto& e : g.edges) {
      nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
      for (const auto& x : e.evidence) evidence.push_back({{"doc", x.doc}, {"text", x.text}});
      j["edges"].push_back({{"source", e.source}, {"target", e.target}, {"type", e.type}, {"weight", e.weight},
                            {"first_date", e.first_date}, {"last_date", e.last_date}, {"evidence", evidence}});
    }
    out << j.dump(1) << '\n';
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
