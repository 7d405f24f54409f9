// Generic references, and names several actors bear, named as the story's
// country's actors once the geocoder has decided which country the story is in.
#include <algorithm>
#include <unordered_map>

#include "extract/event_lexicon.h"
#include "mosaic/resolve.h"
#include "util/keys.h"
#include "util/text.h"
#include "recognise/lexicon_impl.h"
#include "recognise/mentions.h"

namespace mosaic {

namespace {

bool is_state(const Actor* a) { return a && (a->type == "state" || a->type == "state_forces"); }

// The document's actor of an id; null if it has none.
const Actor* actor_of(const Document& doc, const std::string& id) {
  for (const Actor& a : doc.actors)
    if (a.id == id) return &a;
  return nullptr;
}

// The last word of a mention, lower case: its head noun ("Turkish soldiers" -> "soldiers"), and
// whether words stand before it.
std::pair<std::string, bool> head_word(const Document& doc, const Mention& m) {
  if (m.span.end > doc.text.size() || m.span.begin >= m.span.end) return {};
  const std::string_view t = std::string_view(doc.text).substr(m.span.begin, m.span.size());
  const std::size_t space = t.find_last_of(' ');
  if (space == std::string_view::npos) return {lower_ascii(t), false};
  return {lower_ascii(t.substr(space + 1)), true};
}

// "PKK militants clashed with Turkish soldiers in Duhok. Two soldiers were killed": a bare noun
// repeating the head of one state force named before it is that force, not the story country's
// (which would make Iraq's army a side of a Turkish-PKK clash). Only the same noun: in "Russian
// jets struck the town as soldiers advanced" the soldiers are no Russian jets. None when several
// forces were named with that noun, and only a country's actor of the placeholder's own kind
// ("opposition forces" are no "government forces"). (Single-word mentions name no country.)
const Actor* named_by_head(const Document& doc, const std::string& placeholder, const Lexicon::Impl& lx, int kind) {
  const Mention* first = nullptr;
  std::vector<std::string> heads;
  for (const Mention& m : doc.mentions) {
    if (m.actor != placeholder) continue;
    if (!first) first = &m;
    heads.push_back(head_word(doc, m).first);
  }
  if (!first) return nullptr;
  const Actor* found = nullptr;
  for (const Mention& m : doc.mentions) {
    if (m.actor.starts_with('?') || m.sentence > first->sentence ||
        (m.sentence == first->sentence && m.span.begin >= first->span.begin))
      continue;
    const Actor* a = actor_of(doc, m.actor);
    if (!a || a->type != "state_forces") continue;
    const auto c = lx.country_by_code.find(a->country);
    if (c == lx.country_by_code.end() || lx.actors[lx.countries[c->second].generic[std::size_t(kind)]].id != a->id) continue;
    const auto [head, qualified] = head_word(doc, m);
    if (!qualified || std::find(heads.begin(), heads.end(), head) == heads.end()) continue;
    if (found && found != a) return nullptr;
    found = a;
  }
  return found;
}

// ACLED's fixed slots: a protest's actor1 is the country's Protesters, a
// riot's its Rioters, whoever the text says took part (they stay, as
// associated actors); the crowd named generically is that actor, and a
// state's forces on that side are on the other (police intervening).
void fill_slots(Document& doc, const Lexicon::Impl& lx) {
  const auto country = lx.country_by_code.find(doc.country);
  for (std::size_t k = 0; k < lx.conventions.size(); ++k) {
    const Convention& cv = lx.conventions[k];
    for (Event& e : doc.events)
      for (auto slot = cv.slots.begin(); slot != cv.slots.end(); ++slot) {
        if (slot->sub_event_type != e.sub_event_type) continue;
        if (slot->for_state) {
          // A government named as a side of its violence is its forces there, of its own country
          // ("Russian government airstrikes" in Syria are Russia's).
          for (std::string& id : slot->side == 1 ? e.actor1 : e.actor2) {
            const Actor* a = actor_of(doc, id);
            const auto c = a && a->type == "state" ? lx.country_by_code.find(a->country) : lx.country_by_code.end();
            if (c == lx.country_by_code.end()) continue;
            const Actor& forces = lx.actors[lx.countries[c->second].generic[k]];
            if (!actor_of(doc, forces.id)) doc.actors.push_back(forces);
            id = forces.id;
          }
          auto& side = slot->side == 1 ? e.actor1 : e.actor2;  // ("the government and its army": one)
          for (std::size_t i = 0; i < side.size(); ++i)
            side.erase(std::remove(side.begin() + std::ptrdiff_t(i) + 1, side.end(), side[i]), side.end());
          continue;
        }
        // A side filled only if empty: ACLED's name for a perpetrator the text leaves unnamed
        // ("gunmen killed...", "a roadside bomb hit..."), only where that side names nobody and the
        // story's country is known: "Unidentified Armed Group" alone would name no one. (Victims of
        // a blast only if it killed: "a bomb exploded at a market, killing seven people".)
        const bool if_empty = slot->if_empty;
        auto& side = slot->side == 1 ? e.actor1 : e.actor2;
        auto& other = slot->side == 1 ? e.actor2 : e.actor1;
        if (if_empty && (!side.empty() || country == lx.country_by_code.end())) continue;
        if (slot->if_killed && !e.fatalities.value_or(0)) continue;
        Actor who;
        if (country != lx.country_by_code.end()) who = lx.actors[lx.countries[country->second].generic[k]];
        else if (!cv.unknown.empty()) who = Actor{actor_id(cv.unknown), cv.unknown, cv.type, "", {}};
        else continue;
        if (if_empty && std::find(other.begin(), other.end(), who.id) != other.end()) continue;
        if (!actor_of(doc, who.id)) doc.actors.push_back(who);
        std::vector<std::string> keep{who.id}, moved;
        for (const std::string& id : side) {
          const Actor* a = actor_of(doc, id);
          if (id == who.id || (a && (a->type == "civilians" || a->type == "protesters"))) continue;
          (is_state(a) ? moved : keep).push_back(id);
        }
        std::erase(other, who.id);
        for (auto it = moved.rbegin(); it != moved.rend(); ++it)
          if (std::find(other.begin(), other.end(), *it) == other.end()) other.insert(other.begin(), *it);
        side = std::move(keep);
      }
  }
}

// Every reference to an actor in `into` (id -> id; "" : none) made to the other.
void rename(Document& doc, const std::unordered_map<std::string, std::string>& into, bool names) {
  auto to = [&](std::string& id) {
    const auto it = into.find(id);
    if (it == into.end()) return false;
    id = it->second;
    return id.empty();
  };
  std::erase_if(doc.actors, [&](const Actor& a) { return into.count(a.id) > 0; });
  std::erase_if(doc.mentions, [&](Mention& m) {
    const std::string was = m.actor;
    if (to(m.actor)) return true;
    // "rebels" merged into "Syrian Sunni rebels": the words that named it are its names.
    if (names && was != m.actor)
      for (Actor& a : doc.actors)
        if (a.id == m.actor) {
          const std::string alias(doc.slice(m.span));
          if (fold(alias) != fold(a.name) && std::none_of(a.aliases.begin(), a.aliases.end(), [&](const std::string& x) {
                return fold(x) == fold(alias);
              }))
            a.aliases.push_back(alias);
        }
    return false;
  });
  for (Event& e : doc.events)
    for (auto* side : {&e.actor1, &e.actor2}) {
      std::erase_if(*side, [&](std::string& id) { return to(id); });
      // "police ... the Kenyan police": the same actor listed once.
      for (std::size_t i = 0; i < side->size(); ++i)
        side->erase(std::remove(side->begin() + std::ptrdiff_t(i) + 1, side->end(), (*side)[i]), side->end());
    }
  for (Claim& c : doc.claims) to(c.source);
  for (Relation& r : doc.relations) to(r.source), to(r.target);
  std::erase_if(doc.relations, [](const Relation& r) { return r.source.empty() || r.target.empty() || r.source == r.target; });
}

}  // namespace

// A name several actors bear ("SNA") the words left unsettled is the one of the country the
// geocoder has put the story in (its own before one it also fights in: the Somali National Army
// in Somalia, the Syrian National Army in Syria); of none of theirs, the one whose countries the
// story's events and other actors are in most (a Kenyan story of al-Shabaab's); else the one the
// recogniser took it for. The ground its events say it took was coded for the side that one is
// on (extract/events.cc): the government's side regains it, another overtakes it.
void settle_shared_names(Document& doc, const Lexicon& lexicon, const EventLexicon& events) {
  const Lexicon::Impl& lx = lexicon.impl();
  const EventLexicon::Impl& ev = events.impl();
  for (const Document::SharedName& s : doc.shared_names) {
    if (std::none_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& a) { return a.id == s.actor; })) continue;
    std::vector<uint32_t> bearers;  // the one taken first, to keep it on a tie
    for (const std::string& id : s.bearers)
      if (const auto it = lx.actor_by_id.find(id); it != lx.actor_by_id.end())
        id == s.actor ? (void)bearers.insert(bearers.begin(), it->second) : bearers.push_back(it->second);
    if (bearers.size() < 2) continue;
    auto support = [&](uint32_t, const std::vector<std::string>& where) {
      auto in = [&](const std::string& c) { return !c.empty() && std::find(where.begin(), where.end(), c) != where.end(); };
      double n = 0;
      for (const Event& e : doc.events) n += in(e.country);
      for (const Actor& a : doc.actors)
        if (!a.id.starts_with('?') && std::none_of(doc.shared_names.begin(), doc.shared_names.end(),
                                                   [&](const auto& t) { return t.actor == a.id; }))
          n += in(a.country);
      return n;
    };
    const Actor& chosen = lx.actors[bearers[lx.bearer_for(bearers, doc.country, support)]];
    if (chosen.id == s.actor) continue;
    std::vector<Event*> taken;  // what it took, as actor1
    for (Event& e : doc.events)
      if (!e.actor1.empty() && e.actor1.front() == s.actor &&
          (e.sub_event_type == ev.kRegains || e.sub_event_type == ev.kOvertakes))
        taken.push_back(&e);
    if (std::none_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& a) { return a.id == chosen.id; }))
      doc.actors.push_back(chosen);
    rename(doc, {{s.actor, chosen.id}}, true);
    for (Event* e : taken) {
      const EventType& t = ev.type(std::string(ev.territory_type(chosen)));
      e->sub_event_type = t.sub_event_type, e->event_type = t.event_type;
      e->plover_type = t.plover_type, e->plover_mode = t.plover_mode;
    }
  }
}

// (Before the references: the sides left empty are filled as the unnamed's, fill_slots.)
void unbind_descriptions(Document& doc, const Lexicon& lexicon) {
  if (doc.country.empty()) return;
  const Lexicon::Impl& lx = lexicon.impl();
  std::unordered_map<std::string, std::string> into;  // actor id -> "" (dropped)
  for (const Actor& a : doc.actors) {
    const auto known = lx.actor_by_id.find(a.id);
    if (known == lx.actor_by_id.end()) continue;
    if (!lx.described_by.count(known->second)) continue;
    const std::vector<std::string> where = lx.countries_of(known->second);
    if (std::find(where.begin(), where.end(), doc.country) != where.end()) continue;
    // (Named once by a name of its own, it is the group wherever the story is: "NPA rebels ...
    // the communist rebels".)
    const bool named = std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) {
      return m.actor == a.id && !lx.describes(known->second, doc.slice(m.span));
    });
    if (!named) into[a.id] = "";
  }
  if (!into.empty()) rename(doc, into, false);
}

void ReferenceResolver::run(Document& doc) const {
  const Lexicon::Impl& lx = lexicon_.impl();
  const auto country = lx.country_by_code.find(doc.country);
  std::unordered_map<std::string, std::string> into;  // placeholder id -> actor id ("" : dropped)
  std::vector<Actor> named;
  for (const Actor& a : doc.actors) {
    if (!a.id.starts_with('?')) continue;
    if (a.id.starts_with("?people:")) {
      // "Fulani Ethnic Militia (Mali)": of the story's country where they live there, else of their own.
      const People& p = lx.peoples[std::stoul(a.id.substr(8))];
      std::string code = doc.country;
      if (!p.countries.empty() && std::find(p.countries.begin(), p.countries.end(), code) == p.countries.end())
        code = p.countries.front();
      const auto c = lx.country_by_code.find(code);
      const std::string name = c == lx.country_by_code.end() ? a.name : a.name + " (" + lx.countries[c->second].name + ")";
      named.push_back(Actor{actor_id(name), name, a.type, c == lx.country_by_code.end() ? "" : code, {}});
      into[a.id] = named.back().id;
      continue;
    }
    const int k = lx.convention(std::string_view(a.id).substr(1));
    if (k < 0) continue;
    if (const Actor* same = named_by_head(doc, a.id, lx, k)) {
      into[a.id] = same->id;
      continue;
    }
    const Convention& cv = lx.conventions[std::size_t(k)];
    if (country != lx.country_by_code.end()) {
      const auto held = lx.generic_in.find(uint64_t(country->second) << 32 | uint32_t(k));
      named.push_back(lx.actors[held != lx.generic_in.end() ? held->second : lx.countries[country->second].generic[std::size_t(k)]]);
    } else if (!cv.unknown.empty()) {
      named.push_back(Actor{actor_id(cv.unknown), cv.unknown, cv.type, "", {}});
    } else {
      into[a.id] = "";
      continue;
    }
    into[a.id] = named.back().id;
  }
  if (!into.empty()) {
    // The country's actor may be named outright too ("Kenyan police"): one record.
    for (Actor& a : named)
      if (std::none_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& b) { return b.id == a.id; }))
        doc.actors.push_back(std::move(a));
    rename(doc, into, false);
    if (const auto merges = collective_merges(doc, lx); !merges.empty()) rename(doc, merges, true);
  }
  fill_slots(doc, lx);
}

}  // namespace mosaic
