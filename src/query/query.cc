// The query layer: every filter of the CLI, the API and export checked and
// applied here, once.
#include "mosaic/query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "util/days.h"
#include "util/keys.h"
#include "util/text.h"

namespace mosaic {

const std::vector<std::string>& relation_types() {
  static const std::vector<std::string> kTypes = {"supports", "allied_with", "part_of", "fights", "opposes"};
  return kTypes;
}

namespace query {

namespace {

bool digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_ascii_digit); }

// Whether `needle` (folded) is in `text` once folded as it is.
bool holds(std::string_view text, const std::string& needle) { return fold(text).find(needle) != std::string::npos; }

std::unordered_set<std::string> id_set(const Store& store, const std::string& actor) {
  const auto ids = actors_named(store, actor);
  return {ids.begin(), ids.end()};
}

}  // namespace

std::string check_date(std::string_view field, std::string_view value) {
  if (value.empty()) return "";
  const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-' && digits(value.substr(0, 4)) &&
                      digits(value.substr(5, 2)) && digits(value.substr(8, 2));
  if (!shaped || !parse_iso_day(std::string(value)))
    throw QueryError(std::string(field), fmt::format("{}: '{}' is not a day; write a date as YYYY-MM-DD, e.g. 2016-10-04",
                                                     field, excerpt(value)));
  return std::string(value);
}

void check_window(const std::string& from, const std::string& to) {
  check_date("from", from);
  check_date("to", to);
  if (!from.empty() && !to.empty() && from > to)
    throw QueryError("from", fmt::format("from: {} is after to: {}; the window would hold no day", from, to));
}

void check_relation_type(std::string_view field, const std::string& type) {
  const auto& known = relation_types();
  if (std::find(known.begin(), known.end(), type) == known.end())
    throw QueryError(std::string(field), fmt::format("{}: '{}' is not a relation type ({})", field, excerpt(type),
                                                     fmt::join(known, ", ")));
}

bool names_actor(const Actor& actor, std::string_view text) {
  if (text.empty() || actor.id == text) return true;
  const std::string needle = fold(text);
  if (holds(actor.name, needle)) return true;
  return std::any_of(actor.aliases.begin(), actor.aliases.end(),
                     [&](const std::string& alias) { return holds(alias, needle); });
}

std::vector<std::string> actors_named(const Store& store, const std::string& text) {
  if (text.empty()) return {};
  if (store.actor(text)) return {text};
  std::vector<std::string> out;
  store.for_each_actor([&](const ActorSummary& s) {
    if (names_actor(s.actor, text)) out.push_back(s.actor.id);
  });
  return out;
}

std::vector<DocumentSummary> documents(const Store& store, const DocumentFilter& f) {
  check_window(f.from, f.to);
  return store.find_documents({f.words, f.from, f.to, f.limit, f.offset});
}

std::vector<ActorSummary> actors(const Store& store, const ActorFilter& f) {
  std::vector<ActorSummary> out;
  store.for_each_actor([&](const ActorSummary& s) {
    if (f.limit && out.size() >= f.limit) return;
    if (!f.type.empty() && s.actor.type != f.type) return;
    if (!f.country.empty() && s.actor.country != f.country) return;
    if (!names_actor(s.actor, f.name)) return;
    out.push_back(s);
  });
  return out;
}

void events(const Store& store, const EventFilter& f, const std::function<void(const Store::StoredEvent&)>& fn) {
  check_window(f.from, f.to);
  Store::EventFilter s;
  s.type = f.type;
  s.place = f.place;
  s.from = f.from;
  s.to = f.to;
  if (f.actor.empty()) {
    s.limit = f.limit, s.offset = f.offset;
    return store.for_each_event(s, fn);
  }
  const auto ids = actors_named(store, f.actor);
  if (ids.empty()) return;
  if (ids.size() == 1) {  // the store finds one actor's events from its side, by index
    s.actor_id = ids.front();
    s.limit = f.limit, s.offset = f.offset;
    return store.for_each_event(s, fn);
  }
  const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
  auto has = [&](const std::vector<std::string>& side) {
    return std::any_of(side.begin(), side.end(), [&](const std::string& id) { return wanted.count(id) > 0; });
  };
  std::size_t seen = 0, given = 0;
  store.for_each_event(s, [&](const Store::StoredEvent& e) {
    if (!has(e.event.actor1) && !has(e.event.actor2)) return;
    if (seen++ < f.offset || (f.limit && given >= f.limit)) return;
    ++given;
    fn(e);
  });
}

std::vector<ActorRelation> relations(const Store& store, const RelationFilter& f) {
  check_window(f.from, f.to);
  if (!f.type.empty()) check_relation_type("type", f.type);
  std::vector<ActorRelation> out;
  if (f.actor.empty()) {
    out = aggregate_relations(store, {"", f.from, f.to});
  } else {
    const auto ids = actors_named(store, f.actor);
    if (ids.size() == 1) {
      out = aggregate_relations(store, {ids.front(), f.from, f.to});
    } else if (!ids.empty()) {
      const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
      out = aggregate_relations(store, {"", f.from, f.to});
      std::erase_if(out, [&](const ActorRelation& r) { return !wanted.count(r.source) && !wanted.count(r.target); });
    }
  }
  if (!f.type.empty()) std::erase_if(out, [&](const ActorRelation& r) { return r.type != f.type; });
  return out;
}

std::vector<Store::StoredClaim> claims(const Store& store, const ClaimFilter& f) {
  const auto wanted = id_set(store, f.actor);
  std::vector<Store::StoredClaim> out;
  if (!f.actor.empty() && wanted.empty()) return out;
  store.for_each_claim([&](const Store::StoredClaim& c) {
    if (f.limit && out.size() >= f.limit) return;
    if (!f.actor.empty() && !wanted.count(c.claim.source)) return;
    out.push_back(c);
  });
  return out;
}

std::string Camps::name(const std::string& id) const {
  const auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

namespace {

// The camps of these relations: every actor the store knows, and the ends of
// relations it does not list (no mention left) as "other", which takes no side.
Camps camps_of(const std::vector<ActorRelation>& edges, const std::map<std::string, Actor>& known) {
  Camps c;
  std::map<std::string, Actor> in_graph;
  for (const auto& e : edges)
    for (const auto& id : {e.source, e.target}) {
      const auto it = known.find(id);
      in_graph.emplace(id, it == known.end() ? Actor{id, id, "other", "", {}} : it->second);
    }
  std::vector<Actor> actors;
  for (const auto& [id, a] : in_graph) actors.push_back(a), c.names.emplace(id, a.name);
  c.sides = find_sides(edges, actors);
  return c;
}

std::map<std::string, Actor> known_actors(const Store& store) {
  std::map<std::string, Actor> all;
  store.for_each_actor([&](const ActorSummary& s) { all.emplace(s.actor.id, s.actor); });
  return all;
}

}  // namespace

Camps camps(const Store& store, const std::string& from, const std::string& to) {
  check_window(from, to);
  const Store::Snapshot snapshot(store);  // relations and actors of one state of the store
  return camps_of(aggregate_relations(store, {"", from, to}), known_actors(store));
}

Graph graph(const Store& store, const GraphOptions& o) {
  check_window(o.from, o.to);
  for (const auto& t : o.types) check_relation_type("types", t);
  const Store::Snapshot snapshot(store);
  Graph g;
  std::vector<ActorRelation> edges = aggregate_relations(store, {"", o.from, o.to});
  const std::map<std::string, Actor> all = known_actors(store);
  auto actor = [&](const std::string& id) { return all.count(id) ? all.at(id) : Actor{id, id, "other", "", {}}; };
  // Camps on the whole window's graph, whatever part of it is written.
  g.sides = camps_of(edges, all).sides;
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

}  // namespace query
}  // namespace mosaic
