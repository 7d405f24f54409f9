// The home of a story's generic actors, settled once its events are placed.
// The recogniser names "rebels", "civilians", "an armed group", "pro-government
// militias" and "Kurdish fighters" for the country it takes the story to be
// about, from the words alone; a story of a foreign power's war (Russia's air
// war in Syria, told from Moscow, its apostrophes lost so that "Syrias" and
// "Aleppos" cast no vote) made them Russian: "Russian rebels", 26 mentions in
// three FA-KES articles, an actor that does not exist. Where the story's
// events are, as the gazetteer places them, is the better witness.
#include <algorithm>
#include <map>

#include "mosaic/resolve.h"
#include "recognise/lexicon_impl.h"

namespace mosaic {

namespace {

std::string adjective(const CountryInfo& c) { return c.adjective.empty() ? c.name : c.adjective; }

// The name a generic actor of country `from` would have in country `to`, or
// "" when the actor is not one the recogniser makes for a story's country.
std::string renamed(const Actor& a, const CountryInfo& from, const CountryInfo& to) {
  for (const std::string& kind : {std::string("Civilians ("), std::string("Unidentified Armed Group (")})
    if (a.name == kind + from.name + ")") return kind + to.name + ")";
  const std::string prefix = adjective(from) + " ";
  const bool armed = a.type == "rebel_group" || a.type == "political_militia" || a.type == "identity_militia";
  if (armed && a.name.starts_with(prefix) && a.name.size() > prefix.size()) return adjective(to) + " " + a.name.substr(prefix.size());
  return "";
}

// Where the events are: the country most of them are placed in ("" if none is).
std::string events_country(const Document& doc) {
  std::map<std::string, int> placed;
  std::string where;
  for (const Event& e : doc.events)
    if (!e.country.empty() && ++placed[e.country] > (where.empty() ? 0 : placed[where])) where = e.country;
  return where;
}

// Every reference to an actor `into` has a key for, to the actor it names instead.
void remap_actors(Document& doc, const std::map<std::string, std::string>& into) {
  auto remap = [&](std::string& id) {
    if (const auto it = into.find(id); it != into.end()) id = it->second;
  };
  for (Mention& m : doc.mentions) remap(m.actor);
  for (Event& e : doc.events) {
    for (auto& id : e.actor1) remap(id);
    for (auto& id : e.actor2) remap(id);
  }
  for (Claim& c : doc.claims) remap(c.source);
}

}  // namespace

void rehome_generic_actors(Document& doc, const Lexicon& lexicon) {
  const Lexicon::Impl& lx = lexicon.impl();
  const std::string where = events_country(doc);
  if (where.empty() || where == doc.country || !lx.country_by_code.count(where)) return;
  if (!doc.stated_country.empty()) return;  // the record said whose they are
  const CountryInfo& to = lx.countries[lx.country_by_code.at(where)];
  std::map<std::string, std::string> into;  // old id -> new id
  std::vector<Actor> added;
  for (const Actor& a : doc.actors) {
    if (a.country.empty() || a.country == where || lx.actor_by_id.count(a.id) || !lx.country_by_code.count(a.country)) continue;
    if (a.country != doc.country) continue;  // only what was named for the story's country
    const std::string name = renamed(a, lx.countries[lx.country_by_code.at(a.country)], to);
    if (name.empty()) continue;
    Actor moved{actor_id(name), name, a.type, where, {}};
    for (const auto& alias : a.aliases) moved.aliases.push_back(alias);
    into[a.id] = moved.id;
    added.push_back(std::move(moved));
  }
  if (into.empty()) return;
  remap_actors(doc, into);
  std::erase_if(doc.actors, [&](const Actor& a) { return into.count(a.id) > 0; });
  for (Actor& a : added) {
    const auto same = std::find_if(doc.actors.begin(), doc.actors.end(), [&](const Actor& b) { return b.id == a.id; });
    if (same == doc.actors.end()) doc.actors.push_back(std::move(a));
    else
      for (auto& alias : a.aliases)
        if (std::find(same->aliases.begin(), same->aliases.end(), alias) == same->aliases.end()) same->aliases.push_back(alias);
  }
}

// Two countries one adjective names ("Congolese": the Republic of Congo and the DR Congo):
// the recogniser takes the first the lexicon lists; where the story's events are says which
// ("Congolese soldiers were killed near Beni" are the DR Congo's). Only actors every mention of
// which is written with that adjective move: "the Republic of Congo's army" stays.
void rehome_shared_demonyms(Document& doc, const Lexicon& lexicon) {
  const Lexicon::Impl& lx = lexicon.impl();
  std::string where = events_country(doc);
  if (where.empty()) where = doc.country;
  if (where.empty() || !lx.country_by_code.count(where)) return;
  const CountryInfo& to = lx.countries[lx.country_by_code.at(where)];
  if (to.adjective.empty()) return;
  std::map<std::string, std::string> into;  // old id -> new id
  for (const CountryInfo& from : lx.countries) {
    if (from.code == to.code || from.adjective != to.adjective) continue;
    // The country's own actors and the generic ones named for it, each to its counterpart.
    std::vector<std::pair<uint32_t, uint32_t>> pairs{{from.state, to.state}, {from.forces, to.forces}};
    for (std::size_t k = 0; k < from.generic.size() && k < to.generic.size(); ++k) pairs.emplace_back(from.generic[k], to.generic[k]);
    for (const auto& [a, b] : pairs) {
      const std::string& id = lx.actors[a].id;
      const bool named = std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) { return m.actor == id; });
      const bool by_adjective = std::all_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) {
        return m.actor != id || doc.slice(m.span).find(from.adjective) != std::string_view::npos;
      });
      if (named && by_adjective) into[id] = lx.actors[b].id;
    }
  }
  if (into.empty()) return;
  remap_actors(doc, into);
  // (Not a structured binding: clang 14 cannot capture one in a lambda.)
  for (const auto& moved : into) {
    const std::string& new_id = moved.second;
    if (std::none_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& a) { return a.id == new_id; }))
      doc.actors.push_back(lx.actors[lx.actor_by_id.at(new_id)]);
  }
  std::erase_if(doc.actors, [&](const Actor& a) { return into.count(a.id) > 0; });
}

}  // namespace mosaic
