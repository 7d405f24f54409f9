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

Sides find_sides(const std::vector<ActorRelation>& relations, const std::vector<Actor>& actors) {
  // Signed, weighted adjacency; several relations of a pair add up.
  std::map<std::string, std::map<std::string, double>> adj;
  for (const ActorRelation& r : relations) {
    const double w = sign(r.type) * r.weight;
    adj[r.source][r.target] += w;
    adj[r.target][r.source] += w;
  }
  // A rebel group in the graph opposes its country's state, if that is in the graph too.
  constexpr double kPrior = 0.5;
  for (const Actor& a : actors) {
    if (a.type != "rebel_group" || a.country.empty() || !adj.count(a.id)) continue;
    for (const Actor& s : actors)
      if (s.type == "state" && s.country == a.country && adj.count(s.id)) {
        adj[a.id][s.id] -= kPrior;
        adj[s.id][a.id] -= kPrior;
      }
  }
  std::vector<std::string> nodes;
  for (const auto& [n, _] : adj) nodes.push_back(n);
  std::map<std::string, int> camp;
  // Start: grow camps breadth-first from the most connected actor, putting
  // allies with and enemies against; then move single actors while it helps.
  std::vector<std::string> order = nodes;
  auto degree = [&](const std::string& n) {
    double d = 0;
    for (const auto& [m, w] : adj[n]) d += std::abs(w);
    return d;
  };
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) { return degree(a) > degree(b) || (degree(a) == degree(b) && a < b); });
  for (const auto& seed : order) {
    if (camp.count(seed)) continue;
    camp[seed] = 0;
    std::vector<std::string> queue{seed};
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (const auto& [m, w] : adj[queue[i]])
        if (!camp.count(m) && w != 0) camp[m] = w > 0 ? camp[queue[i]] : 1 - camp[queue[i]], queue.push_back(m);
  }
  auto pull = [&](const std::string& n, int side) {  // agreement of n's relations with n in `side`
    double agree = 0;
    for (const auto& [m, w] : adj[n]) agree += (camp[m] == side) == (w > 0) ? std::abs(w) : -std::abs(w);
    return agree;
  };
  for (int round = 0; round < 50; ++round) {
    bool moved = false;
    for (const auto& n : order)
      if (pull(n, 1 - camp[n]) > pull(n, camp[n])) camp[n] = 1 - camp[n], moved = true;
    if (!moved) break;
  }
  Sides sides;
  double total = 0, agreed = 0;
  for (const auto& [n, edges] : adj)
    for (const auto& [m, w] : edges) {
      if (n >= m) continue;
      total += std::abs(w);
      if ((camp[n] == camp[m]) == (w > 0)) agreed += std::abs(w);
    }
  sides.fit = total > 0 ? agreed / total : 1;
  // Camp 0 is the larger by weight; actors heaviest first.
  std::vector<std::pair<double, std::string>> members[2];
  for (const auto& n : nodes) members[camp[n]].emplace_back(degree(n), n);
  double weight[2] = {0, 0};
  for (int c = 0; c < 2; ++c) {
    std::sort(members[c].begin(), members[c].end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (const auto& [d, n] : members[c]) weight[c] += d;
  }
  const int big = weight[0] >= weight[1] ? 0 : 1;
  for (int c = 0; c < 2; ++c)
    for (const auto& [d, n] : members[c == 0 ? big : 1 - big]) sides.camp[c].push_back(n);
  // Across camps: actors a quarter or more of whose relations pull the other way.
  std::vector<std::pair<double, Sides::Crossing>> shares;
  for (const auto& n : nodes) {
    double frustrated = 0;
    for (const auto& [m, w] : adj[n])
      if ((camp[n] == camp[m]) != (w > 0)) frustrated += std::abs(w);
    const double share = frustrated / degree(n);
    if (share >= 0.25) shares.push_back({share, {n, frustrated}});
  }
  std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second.actor < b.second.actor);
  });
  for (auto& [share, c] : shares) sides.crossing.push_back(std::move(c));
  return sides;
}

}  // namespace mosaic
