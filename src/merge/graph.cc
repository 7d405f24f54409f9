// The actor graph over the whole store, and its camps.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "mosaic/merge.h"

namespace mosaic {

std::vector<ActorRelation> aggregate_relations(const Store& store, const Store::RelationFilter& filter) {
  std::vector<ActorRelation> out;
  std::set<std::string> stories;
  store.for_each_relation(filter, [&](const Store::StoredRelation& r) {
    if (out.empty() || out.back().type != r.relation.type || out.back().source != r.relation.source ||
        out.back().target != r.relation.target) {
      out.push_back({r.relation.type, r.relation.source, r.relation.target, 0, "", "", {}});
      stories.clear();
    }
    ActorRelation& a = out.back();
    if (stories.insert(r.story).second) ++a.weight;
    if (!r.date.empty()) {
      if (a.first_date.empty() || r.date < a.first_date) a.first_date = r.date;
      if (r.date > a.last_date) a.last_date = r.date;
    }
    const bool told = std::any_of(a.evidence.begin(), a.evidence.end(), [&](const ActorRelation::Evidence& e) {
      return e.doc == r.doc && e.text == r.evidence;
    });
    if (!told) a.evidence.push_back({r.doc, r.evidence, r.source});
  });
  return out;
}

namespace {

double sign(const std::string& type) { return type == "fights" || type == "opposes" ? -1 : 1; }

}  // namespace

bool takes_sides(const std::string& type) {
  // Persons stand with the group or state they lead or speak for (FA-KES put
  // four US spokesmen and a French minister in camps); "other" is peoples
  // ("Kurds", "Britons") and bodies the lexicon does not know.
  return type != "media" && type != "ngo" && type != "igo" && type != "civilians" && type != "protesters" &&
         type != "person" && type != "other";
}

int Sides::camp_of(const std::string& actor) const {
  for (std::size_t c = 0; c < camps.size(); ++c)
    if (std::find(camps[c].actors.begin(), camps[c].actors.end(), actor) != camps[c].actors.end()) return int(c);
  return -1;
}

Sides find_sides(const std::vector<ActorRelation>& relations, const std::vector<Actor>& actors) {
  std::map<std::string, const Actor*> known;
  for (const Actor& a : actors) known.emplace(a.id, &a);
  // ACLED's "Unidentified Armed Group (Country)" is every group the text
  // could not name: many groups, no side.
  auto sides_with = [&](const std::string& id) {
    const auto it = known.find(id);
    return it == known.end() || (takes_sides(it->second->type) && !it->second->name.starts_with("Unidentified Armed Group"));
  };
  // Signed, weighted adjacency over node indices; several relations of a pair add up.
  std::vector<std::string> names;
  std::map<std::string, int> index;
  std::vector<std::map<int, double>> adj;
  auto node = [&](const std::string& id) {
    const auto [it, fresh] = index.emplace(id, int(names.size()));
    if (fresh) names.push_back(id), adj.emplace_back();
    return it->second;
  };
  auto link = [&](const std::string& a, const std::string& b, double w) {
    const int x = node(a), y = node(b);
    if (x == y) return;
    adj[x][y] += w;
    adj[y][x] += w;
  };
  // A state's forces take its side: what "Military Forces of Turkey" does, Turkey does (FA-KES
  // dev + seeds: Turkey's support of the rebels was split between the two and Turkey fell into
  // Russia's camp on two stories of their talks).
  std::map<std::string, std::string> state_of_country;
  for (const Actor& a : actors)
    if (a.type == "state" && !a.country.empty()) state_of_country.emplace(a.country, a.id);
  auto side_of = [&](const std::string& id) {
    const auto it = known.find(id);
    if (it == known.end() || it->second->type != "state_forces" || it->second->country.empty()) return id;
    const auto state = state_of_country.find(it->second->country);
    return state == state_of_country.end() ? id : state->second;
  };
  for (const ActorRelation& r : relations)
    if (sides_with(r.source) && sides_with(r.target)) link(side_of(r.source), side_of(r.target), sign(r.type) * r.weight);
  // A rebel group in the graph opposes its country's state, if that is in the graph too.
  constexpr double kPrior = 0.5;
  for (const Actor& a : actors) {
    if (a.type != "rebel_group" || a.country.empty() || !index.count(a.id)) continue;
    for (const Actor& s : actors)
      if (s.type == "state" && s.country == a.country && index.count(s.id)) link(a.id, s.id, -kPrior);
  }
  const int n = int(names.size());
  auto degree = [&](int v) {
    double d = 0;
    for (const auto& [u, w] : adj[v]) d += std::abs(w);
    return d;
  };
  // Correlation clustering: start from every actor alone, join the two camps
  // most strongly tied while their net tie is positive, then move single
  // actors to the camp (or a camp of their own) where more of their weight
  // agrees, until none moves. The number of camps is what the graph makes.
  std::vector<int> camp(static_cast<std::size_t>(n));
  for (int v = 0; v < n; ++v) camp[std::size_t(v)] = v;
  // Join the two camps most strongly tied while their net tie is positive.
  auto agglomerate = [&] {
    bool joined = false;
    std::map<int, std::map<int, double>> between;  // camp -> camp -> net weight
    for (int v = 0; v < n; ++v)
      for (const auto& [u, w] : adj[std::size_t(v)])
        if (camp[std::size_t(v)] != camp[std::size_t(u)]) between[camp[std::size_t(v)]][camp[std::size_t(u)]] += w;
    for (;;) {
      int x = -1, y = -1;
      double best = 1e-9;
      for (const auto& [c, row] : between)
        for (const auto& [d, w] : row)
          if (c < d && w > best) best = w, x = c, y = d;
      if (x < 0) break;
      joined = true;
      for (int v = 0; v < n; ++v)
        if (camp[std::size_t(v)] == y) camp[std::size_t(v)] = x;
      for (const auto& [d, w] : between[y]) {
        if (d == x) continue;
        between[x][d] += w;
        between[d][x] += w;
        between[d].erase(y);
      }
      between[x].erase(y);
      between.erase(y);
    }
    return joined;
  };
  // Move single actors to the camp (or a camp of their own) where more of their weight agrees.
  auto move_actors = [&] {
    for (int round = 0; round < 50; ++round) {
      bool moved = false;
      for (int v = 0; v < n; ++v) {
        std::map<int, double> pull;  // camp -> net weight of v's ties into it
        for (const auto& [u, w] : adj[std::size_t(v)]) pull[camp[std::size_t(u)]] += w;
        const int here = camp[std::size_t(v)];
        const double stay = pull.count(here) ? pull[here] : 0;
        int to = here;
        double best = stay;
        for (const auto& [c, w] : pull)
          if (w > best + 1e-9) best = w, to = c;
        if (to == here && stay < -1e-9) {  // better alone
          std::vector<bool> used(static_cast<std::size_t>(n), false);
          for (int u = 0; u < n; ++u) used[std::size_t(camp[std::size_t(u)])] = true;
          to = int(std::find(used.begin(), used.end(), false) - used.begin());
          if (to == n) to = here;
        }
        if (to != here) camp[std::size_t(v)] = to, moved = true;
      }
      if (!moved) break;
    }
  };
  // Correlation clustering: start from every actor alone, join camps while their net tie is
  // positive, then move single actors. A move can leave two camps whose net tie is positive
  // though no one actor gains by crossing ({Free Syrian Army, Jaysh al-Fateh} beside the
  // rebels and Turkey that back them): join those too, and move again, until neither changes.
  // The number of camps is what the graph makes.
  agglomerate();
  move_actors();
  for (int round = 0; round < 10 && agglomerate(); ++round) move_actors();
  Sides sides;
  double total = 0, agreed = 0;
  for (int v = 0; v < n; ++v)
    for (const auto& [u, w] : adj[std::size_t(v)]) {
      if (v >= u) continue;
      total += std::abs(w);
      if ((camp[std::size_t(v)] == camp[std::size_t(u)]) == (w > 0)) agreed += std::abs(w);
    }
  sides.fit = total > 0 ? agreed / total : 1;
  // Camps heaviest first, actors heaviest first; an actor alone is no camp.
  std::map<int, std::vector<std::pair<double, std::string>>> members;
  for (int v = 0; v < n; ++v) members[camp[std::size_t(v)]].emplace_back(degree(v), names[std::size_t(v)]);
  // An actor alone is a camp of its own when it weighs as much as one: the
  // Islamic State, which every other side fights.
  constexpr double kCampShare = 0.02;
  for (auto& [c, list] : members) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    if (list.size() == 1 && list.front().first < kCampShare * 2 * total) {
      sides.alone.push_back(list.front().second);
      continue;
    }
    Sides::Camp out;
    for (const auto& [d, id] : list) out.actors.push_back(id), out.weight += d;
    sides.camps.push_back(std::move(out));
  }
  // The forces counted with their state are listed in its camp, after it.
  std::set<std::string> forces;
  for (const ActorRelation& r : relations)
    for (const std::string* id : {&r.source, &r.target})
      if (side_of(*id) != *id) forces.insert(*id);
  for (Sides::Camp& c : sides.camps)
    for (std::size_t i = 0, size = c.actors.size(); i < size; ++i)
      for (const std::string& f : forces)
        if (side_of(f) == c.actors[i]) c.actors.push_back(f);
  std::sort(sides.camps.begin(), sides.camps.end(), [](const Sides::Camp& a, const Sides::Camp& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.actors < b.actors);
  });
  std::sort(sides.alone.begin(), sides.alone.end());
  // Across camps: actors a quarter or more of whose relations pull the other way.
  std::vector<std::pair<double, Sides::Crossing>> shares;
  for (int v = 0; v < n; ++v) {
    double frustrated = 0;
    for (const auto& [u, w] : adj[std::size_t(v)])
      if ((camp[std::size_t(v)] == camp[std::size_t(u)]) != (w > 0)) frustrated += std::abs(w);
    const double d = degree(v);
    if (d > 0 && frustrated / d >= 0.25) shares.push_back({frustrated / d, {names[std::size_t(v)], frustrated}});
  }
  std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second.actor < b.second.actor);
  });
  for (auto& [share, c] : shares) sides.crossing.push_back(std::move(c));
  return sides;
}

}  // namespace mosaic
