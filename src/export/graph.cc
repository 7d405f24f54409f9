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

struct Graph {
  std::vector<ActorRelation> edges;
  std::map<std::string, Actor> nodes;
  std::map<std::string, int> camp;  // 1, 2, ... heaviest first; 0 for none
  std::map<std::string, double> degree;
  Sides sides;
  std::size_t all_nodes = 0, all_edges = 0;  // before the limit
};

Graph build(const Store& store, const GraphOptions& o) {
  Graph g;
  std::vector<ActorRelation> edges = aggregate_relations(store, {"", o.from, o.to});
  std::map<std::string, Actor> all;
  store.for_each_actor([&](const ActorSummary& s) { all.emplace(s.actor.id, s.actor); });
  auto actor = [&](const std::string& id) { return all.count(id) ? all.at(id) : Actor{id, id, "other", "", {}}; };
  // Camps on the whole window's graph, whatever part of it is written.
  {
    std::map<std::string, Actor> in_graph;
    for (const auto& e : edges)
      for (const auto& id : {e.source, e.target}) in_graph.emplace(id, actor(id));
    std::vector<Actor> known;
    for (const auto& [id, a] : in_graph) known.push_back(a);
    g.sides = find_sides(edges, known);
  }
  if (!o.types.empty())
    std::erase_if(edges, [&](const ActorRelation& e) { return std::find(o.types.begin(), o.types.end(), e.type) == o.types.end(); });
  for (const auto& e : edges) g.degree[e.source] += e.weight, g.degree[e.target] += e.weight;
  g.all_nodes = g.degree.size();
  g.all_edges = edges.size();
  // Which actors: the most connected, or one actor and its closest ties.
  std::vector<std::pair<double, std::string>> ranked;
  if (!o.actor.empty()) {
    std::map<std::string, double> ties;
    for (const auto& e : edges) {
      if (e.source == o.actor) ties[e.target] += e.weight;
      if (e.target == o.actor) ties[e.source] += e.weight;
    }
    ranked.emplace_back(1e18, o.actor);
    for (const auto& [id, w] : ties) ranked.emplace_back(w, id);
  } else {
    for (const auto& [id, d] : g.degree) ranked.emplace_back(d, id);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  if (o.limit && ranked.size() > o.limit) ranked.resize(o.limit);
  if (!o.actor.empty() && !g.degree.count(o.actor)) ranked.clear();
  for (const auto& [d, id] : ranked) g.nodes.emplace(id, actor(id));
  for (auto& e : edges)
    if (g.nodes.count(e.source) && g.nodes.count(e.target)) g.edges.push_back(std::move(e));
  if (o.limit && g.edges.size() > 3 * o.limit) {
    std::stable_sort(g.edges.begin(), g.edges.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    g.edges.resize(3 * o.limit);
  }
  for (std::size_t c = 0; c < g.sides.camps.size(); ++c)
    for (const auto& id : g.sides.camps[c].actors)
      if (g.nodes.count(id)) g.camp[id] = int(c + 1);
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

void write_graph(const Store& store, GraphFormat format, std::ostream& out, const GraphOptions& options) {
  const Graph g = [&] {
    const Store::Snapshot snapshot(store);  // relations and actors of one state of the store
    return build(store, options);
  }();
  if (format == GraphFormat::Json) {
    nlohmann::ordered_json j = {{"nodes", nlohmann::ordered_json::array()}, {"edges", nlohmann::ordered_json::array()}};
    for (const auto& [id, a] : g.nodes)
      j["nodes"].push_back({{"id", id}, {"name", a.name}, {"type", a.type}, {"country", a.country}, {"camp", g.camp.at(id)},
                            {"degree", g.degree.count(id) ? g.degree.at(id) : 0.0}});
    for (const auto& e : g.edges) {
      nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < e.evidence.size() && i < options.evidence; ++i)
        evidence.push_back({{"doc", e.evidence[i].doc}, {"text", e.evidence[i].text}});
      j["edges"].push_back({{"source", e.source}, {"target", e.target}, {"type", e.type}, {"weight", e.weight},
                            {"first_date", e.first_date}, {"last_date", e.last_date}, {"evidence", evidence},
                            {"evidence_count", e.evidence.size()}});
    }
    nlohmann::ordered_json camps = nlohmann::ordered_json::array();
    for (std::size_t c = 0; c < g.sides.camps.size(); ++c)
      camps.push_back({{"camp", c + 1}, {"actors", g.sides.camps[c].actors.size()}, {"weight", g.sides.camps[c].weight}});
    j["camps"] = camps;
    j["fit"] = g.sides.fit;
    j["total_nodes"] = g.all_nodes;
    j["total_edges"] = g.all_edges;
    out << json_text(j, 1) << '\n';
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
