// Places of events: the gazetteer's best reading of each, in the document's
// country, with ACLED's geo_precision.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "mosaic/resolve.h"
#include "util/keys.h"
#include "resolve/place_hints.h"
#include "util/text.h"

namespace mosaic {

namespace {

// Among the places a name can be: the document's country first, then the
// more populous (a division counts as its centre).
// `strict`: only places in `country` (or countries themselves); else the
// country is only preferred.
// A place the name is the own name of counts as a hundred times as many people as one that
// has it among its other names: Mali's Koro, not Venezuela's Coro (246,657 people), one of whose
// other names is "Koro".
const Place* best(const std::vector<const Place*>& candidates, const std::string& country, bool strict = true,
                  std::string_view said = {}, const Gazetteer* gazetteer = nullptr) {
  const Place* choice = nullptr;
  double score = -1;
  for (const Place* p : candidates) {
    // In a story about one country, a place abroad is a dateline or a false friend:
    // a story about Syria is not in Madaya, Saudi Arabia, nor in Moscow, where it was filed.
    if (strict && !country.empty() && p->country != country && p->kind != "country") continue;
    double s = std::log10(double(p->population) + 10);
    if (!country.empty() && p->country == country) s += strict ? 100 : 3;
    if (p->kind == "city") s += 0.5;     // a town is more precise than the division of the same name
    if (p->kind == "country") s += 10;   // "Georgia" in a story is the country
    if (gazetteer && !said.empty() && p->kind == "city" && candidates.size() > 1 && gazetteer->own_name(said, *p)) s += 2;
    if (s > score) choice = p, score = s;
  }
  return choice;
}

// A single word that is an English verb or adjective ("Silly", "Bush") names no place on its
// own: WordNet lists many towns too, as nouns only ("Timbuktu").
bool common_word(const Vocabulary& vocabulary, const std::string& words) {
  return words.find(' ') == std::string::npos &&
         (vocabulary.pos(lower_ascii(words)) & (Vocabulary::Verb | Vocabulary::Adjective)) != 0;
}

}  // namespace

// The place a written name stands for; failing the whole name, its last words
// ("Syrias Idlib" -> Idlib), then its first ("Damascus Opera House" -> Damascus).
// A part that is an ordinary English word ("Attacks" of "Rocket Attacks",
// "Three" of "Least Three"), or of one or two letters, is no place on its own.
const Place* Geocoder::find(const std::string& name, const std::string& wanted, bool strict) const {
  const Gazetteer& g = gazetteer_;
  std::string country = wanted;
  // "Syrias Madaya", "Syria's Idlib": a country named first says where to look.
  if (const auto space = name.find(' '); space != std::string::npos) {
    std::string first = name.substr(0, space);
    if (first.ends_with("'s")) first.resize(first.size() - 2);
    for (const std::string& candidate : {first, first.ends_with('s') ? first.substr(0, first.size() - 1) : first})
      for (const Place* p : g.lookup(candidate))
        if (p->kind == "country") country = p->country;
  }
  auto part = [&](const std::string& words, bool loose) -> const Place* {
    // "Al" of "Al Tabqah" is an article, not the Norwegian town of Ål.
    if (words.size() < 3) return nullptr;
    if (common_word(vocabulary_, words)) return nullptr;
    // "Kisumu's Kondele": the town whose quarter it is.
    if (words.ends_with("'s")) {
      const std::string_view owner = std::string_view(words).substr(0, words.size() - 2);
      return best(g.lookup(owner, loose), country, strict, owner, &g);
    }
    return best(g.lookup(words, loose), country, strict, words, &g);
  };
  // Spellings first, then (within a known country) consonants.
  for (const bool loose : {false, true}) {
    if (loose && (country.empty() || !strict)) break;
    if (const Place* p = best(g.lookup(name, loose), country, strict, name, &g)) return p;
    for (std::size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', space + 1))
      if (const Place* p = part(name.substr(space + 1), loose)) return p;
    for (std::size_t space = name.rfind(' '); space != std::string::npos && space > 0; space = name.rfind(' ', space - 1))
      if (const Place* p = part(name.substr(0, space), loose)) return p;
    // A road, a border or an axis between two towns ("the Kericho-Nakuru highway", "the
    // Solle-Titao axis"): the first, where the text names it first; failing it, the second.
    // Only among the story's country's places: elsewhere "Tin-Hamma" is one village's name, not
    // a town called Tin.
    if (country.empty() || !strict) continue;
    if (const std::size_t dash = name.find('-'); dash != std::string::npos && name.find('-', dash + 1) == std::string::npos &&
                                                 dash + 1 < name.size() && std::isupper(static_cast<unsigned char>(name[dash + 1])))
      for (const std::string& side : {name.substr(0, dash), name.substr(dash + 1)})
        if (const Place* p = part(side, loose)) return p;
  }
  return nullptr;
}

namespace {

// Words before a place that make it "near" or "part of" it: ACLED's precision 2.
bool relative(std::string_view before) {
  static constexpr std::string_view kCues[] = {"south of", "north of", "east of", "west of", "near", "outskirts of",
                                               "outside", "countryside", "around", "close to", "northern", "southern",
                                               "eastern", "western", "rural", "suburbs of", "vicinity of"};
  const std::string lower = lower_ascii(before);
  for (std::string_view c : kCues)
    if (lower.find(c) != std::string::npos) return true;
  return false;
}

// Every word of the name is an English word: "Car Bomb", "Rocket Attack".
bool english(const Vocabulary& vocabulary, std::string_view name) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
    if (i > start && vocabulary.pos(lower_ascii(name.substr(start, i - start))) == 0) return false;
    start = i + 1;
  }
  return true;
}

void place(Event& e, const Place& p, int precision) {
  e.admin1 = p.admin1;
  e.country = p.country;
  e.latitude = p.latitude;
  e.longitude = p.longitude;
  e.geo_precision = precision;
}

}  // namespace

// 1 for a town, 3 for a division; 2 for part of a town's area, as a headline's
// "Southern Idlib" says with a direction that the place's own name does not have.
int Geocoder::precision(const Place& p, std::string_view written) const {
  if (p.kind == "admin1") return 3;
  if (p.kind == "admin2") return 2;
  const std::size_t space = written.find(' ');
  if (space != std::string_view::npos && relative(written.substr(0, space)) && gazetteer_.lookup(written).empty())
    return 2;
  return 1;
}

// A name the extractor cut short at a word written small: "Syria's Deir ezzor".
std::string Geocoder::written(const Document& doc, const std::string& name, Span span) const {
  if (span.size() == 0) return name;
  const std::string_view text = doc.text;
  std::size_t begin = span.end;
  if (begin >= text.size() || text[begin] != ' ') return name;
  std::size_t end = ++begin;
  while (end < text.size() && (std::islower(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
  if (end == begin || (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])))) return name;
  // Not an English word: "Zamzam camp" is Zamzam.
  const std::string_view word = text.substr(begin, end - begin);
  // (A dash is no word: "KABUL - A bomb" is Kabul.)
  // (Nor a word of grammar, which the vocabulary leaves out: "in Hama the troops".)
  static constexpr std::string_view kGrammar[] = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at",
                                                  "by", "for", "as", "with", "from", "where", "which", "who"};
  if (word.find_first_not_of('-') == std::string_view::npos || vocabulary_.pos(word) != 0 ||
      std::find(std::begin(kGrammar), std::end(kGrammar), word) != std::end(kGrammar))
    return name;
  const std::string last = name.substr(name.rfind(' ') + 1);
  const auto longer = gazetteer_.lookup(last + " " + std::string(word));
  // (A word the lookup drops finds what the name alone finds: "in Hama the troops" is Hama.)
  if (longer.empty() || longer == gazetteer_.lookup(last)) return name;
  return name + " " + std::string(word);
}

// The first-level division a name of a division stands for in `country`
// ("Gazipur", a district: Dhaka division); null when it names none there.
const Place* Geocoder::division_of(const std::string& name, const std::string& country) const {
  if (country.empty()) return nullptr;
  const Place* below = nullptr;
  for (const Place* p : gazetteer_.lookup(name)) {
    if (p->country != country) continue;
    if (p->kind == "admin1") return p;
    if (p->kind == "admin2" && !below) below = p;
  }
  if (!below) return nullptr;
  for (const Place* p : gazetteer_.lookup(below->admin1))
    if (p->country == country && p->kind == "admin1") return p;
  return nullptr;
}

// The place a name nothing marks as one stands for ("flee Timbuktu"): the whole name, as the
// gazetteer spells it, in the story's country, and no common word.
const Place* Geocoder::bare(const std::string& name, const std::string& country) const {
  if (country.empty() || name.size() < 3 || common_word(vocabulary_, name)) return nullptr;
  const Place* p = best(gazetteer_.lookup(name), country, true);
  return p && p->country == country && p->kind != "country" ? p : nullptr;
}

// Where the text writes the division as the gazetteer's joined to a compass point ("Shan-North
// state", "Bago-West Region"), a finer first-level division that GeoNames does not split: that one
// (ACLED's own first-level divisions; a district so named is no such division).
static void split_divisions(Document& doc) {
  auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string text = lower(doc.text);
  auto word_end = [&](std::size_t at) { return at >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at])); };
  // "Yangon-East District" is a district of Yangon, not a division beside it.
  auto second_level = [&](std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    for (const char* noun : {"district", "township", "county", "sub-district", "city", "town"}) {
      const std::string_view n(noun);
      if (text.compare(at, n.size(), n) == 0 && word_end(at + n.size())) return true;
    }
    return false;
  };
  for (Event& e : doc.events) {
    if (e.admin1.empty()) continue;
    const std::string base = lower(e.admin1);
    // Each compass point's search starts with this: most texts never join a
    // division to anything, and four searches of the whole text per event
    // were 0.6 % of `mosaic ingest -j1`.
    if (text.find(base + "-") == std::string::npos) continue;
    std::string written;
    int kinds = 0;
    for (const char* point : {"North", "South", "East", "West"}) {
      const std::string want = base + "-" + lower(point);
      for (std::size_t at = text.find(want); at != std::string::npos; at = text.find(want, at + 1))
        if ((at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]))) && word_end(at + want.size()) &&
            std::isupper(static_cast<unsigned char>(doc.text[at])) && !second_level(at + want.size())) {
          written = e.admin1 + "-" + point;
          ++kinds;
          break;
        }
    }
    if (kinds == 1) e.admin1 = written;
  }
}

// "in Kupwara, Jammu and Kashmir": the reading took "Jammu" and "Kashmir" for the last two of a
// list of places, an event at each (extract/events.cc: ACLED codes an event at each place of a
// list), where the gazetteer knows "Jammu and Kashmir" as one place, the division the first lies
// in. The two copies go; the first's toll is the report's (the copies' are shares of it, or,
// where another word of the sentence told the event too, the whole again).
void Geocoder::join_split_names(Document& doc) const {
  std::vector<bool> gone(doc.events.size(), false);
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    const Event& b = doc.events[i];
    if (gone[i] || b.location_span.size() == 0) continue;
    for (std::size_t j = 0; j < doc.events.size(); ++j) {
      const Event& c = doc.events[j];
      if (j == i || gone[j] || c.sentence != b.sentence || c.trigger.begin != b.trigger.begin ||
          c.location_span.begin <= b.location_span.end ||
          doc.slice(Span{b.location_span.end, c.location_span.begin}) != " and ")
        continue;
      const std::string joined = b.location + " and " + c.location;
      const auto all = gazetteer_.lookup(joined);
      if (std::none_of(all.begin(), all.end(), [&](const Place* p) { return fold(p->name) == fold(joined); })) continue;
      // A copy of the same report at an earlier place of the sentence is the list's first; with
      // none, the joined name is the place.
      const bool first = std::none_of(doc.events.begin(), doc.events.end(), [&](const Event& e) {
        return !gone[std::size_t(&e - doc.events.data())] && e.sentence == b.sentence &&
               e.trigger.begin == b.trigger.begin && e.location_span.size() > 0 &&
               e.location_span.begin < b.location_span.begin;
      });
      if (first) {
        doc.events[i].location = joined;
        doc.events[i].location_span.end = c.location_span.end;
      } else {
        gone[i] = true;
      }
      gone[j] = true;
      break;
    }
  }
  std::size_t k = 0;
  std::erase_if(doc.events, [&](const Event&) { return gone[k++]; });
}

void Geocoder::run(Document& doc) const {
  join_split_names(doc);
  for (auto& named : doc.places) named.name = written(doc, named.name, named.span);
  for (Event& e : doc.events)
    if (const std::string longer = written(doc, e.location, e.location_span); longer != e.location)
      e.location = longer, e.location_span.end += uint32_t(longer.size() - e.location.size());
  // Where the story happens: the country its actors and country names say,
  // unless more of the places it names (countries among them: "in northern
  // Syria") lie in another; among as many, the more populous places win (a
  // village of that name abroad is a false friend). A dateline abroad is not
  // among the places, and a name that is a town only somewhere else
  // ("Castello" in Italy) does not outvote the actors alone.
  // Whether `said` writes the place's name: its own name (Gazetteer::own_name), spelt within it
  // or it within `said`, or spelt with the same consonants ("Khan Younis", "Khan Yunis"; "Kiev",
  // "Kyiv"); not another language's name for it ("Ber" for Veroia).
  auto consonants = [](const std::string& folded) {
    std::string out;
    for (const char c : folded)
      if (is_ascii_alpha(c) && std::string_view("aeiouyhw").find(c) == std::string_view::npos) out += c;
    return out;
  };
  auto writes_name = [&](const Place& p, const std::string& said) {
    const std::string own = fold(p.name), folded = fold(said);
    return folded.find(own) != std::string::npos || own.find(folded) != std::string::npos ||
           consonants(own) == consonants(folded) || gazetteer_.own_name(said, p);
  };
  constexpr double kActorsSay = 1;  // as much as one place: a foreign air force names its country too
  constexpr double kVerdict = 0.05;  // the actors' own country, among as many: more than any population says
  auto says = [](const Place& p) { return 1 + 0.004 * std::log10(double(p.population) + 10); };
  std::map<std::string, double> countries;
  if (!doc.country.empty()) countries[doc.country] = kActorsSay + kVerdict;
  // (Not one taken for a name several actors bear, "SNA": where the story is says which it is.)
  auto shared = [&](const Actor& a) {
    return std::any_of(doc.shared_names.begin(), doc.shared_names.end(), [&](const auto& s) { return s.actor == a.id; });
  };
  for (const Actor& a : doc.actors)  // "Hezbollah and Iraqi militias fought Syrian rebels south of Aleppo"
    if (!a.country.empty() && a.country != doc.country && !shared(a)) countries[a.country] = kActorsSay;
  // Where no actor says a country, a group fighting in several says the story is in one of them
  // (the first it is listed in, if nothing else tells), so that a village the gazetteer lacks there
  // is not its namesake abroad: JNIM's "Boni" is not Germany's.
  if (doc.country.empty())
    for (std::size_t k = 0; k < doc.group_countries.size(); ++k) {
      double& vote = countries[doc.group_countries[k]];
      vote = std::max(vote, kActorsSay) + (k == 0 ? kVerdict : 0);
    }
  const auto actors_say = countries;
  // A place named again says half as much again, once: a false friend
  // repeated ("Castello road", five times) is still one place.
  const std::vector<PlaceHint> hints =
      place_hints(doc, [&](std::string_view w) { return gazetteer_.place_noun(w); },
                  [&](std::string_view w) { return gazetteer_.settlement_noun(w); });
  // A name the text calls a settlement ("Al-Zahra quarter") that the gazetteer knows only as a
  // division (Kuwait's Az Zahra) is another place of that name, and says no country.
  std::set<std::string> settlements;
  for (const PlaceHint& h : hints)
    if (h.settlement) settlements.insert(h.name);
  // A place said to lie in another ("the Salah al-Din district of Aleppo") that the gazetteer knows
  // only as a division of another country is a local name it does not know (Iraq's Salahuddin
  // province is not Aleppo's quarter): it says no country, and its events are placed at the place
  // it lies in. (A village abroad of the name is left to the division hints below.)
  std::map<std::string, std::string> astray;
  for (std::size_t k = 0; k + 1 < doc.places.size(); ++k)
    if (const auto& in = doc.places[k + 1]; in.within && in.sentence == doc.places[k].sentence)
      if (const Place *p = find(doc.places[k].name, doc.country, false), *q = find(in.name, doc.country, false);
          p && q && (p->kind == "admin1" || p->kind == "admin2") && p->country != q->country)
        astray.emplace(doc.places[k].name, in.name);
  auto another = [&](const std::string& name, const Place& p) {
    return astray.count(name) > 0 || ((p.kind == "admin1" || p.kind == "admin2") && settlements.count(name) > 0);
  };
  // A division the text names with its noun is one of a country whose divisions are so called:
  // "Plateau state" is Nigeria's, not Benin's Plateau department (ISO 3166-2's kinds).
  std::map<std::string, std::string> division_noun;
  for (const PlaceHint& h : hints)
    if (h.marked && !h.settlement && !h.noun.empty()) division_noun.emplace(h.name, h.noun);
  auto called = [&](const std::string& name, const Place* p) {
    const auto n = division_noun.find(name);
    if (!p || p->kind != "admin1" || n == division_noun.end() || gazetteer_.divisions_called(p->country, n->second)) return p;
    for (const Place* q : gazetteer_.lookup(name))
      if (q->kind == "admin1" && gazetteer_.divisions_called(q->country, n->second)) return q;
    return p;
  };
  std::map<std::string, int> named_times;
  for (const auto& named : doc.places)
    if (const Place* p = named.bare ? nullptr : called(named.name, find(named.name, doc.country, false)); p && !another(named.name, *p)) {  // "Tole" of "Aduwa Tole": half as sure
      const int times = ++named_times[named.name];
      if (times <= 2)
        countries[p->country] += says(*p) * (gazetteer_.lookup(named.name).empty() ? 0.5 : 1) * (times == 1 ? 1 : 0.5);
    }
  // Actors travel and places do not: where an event is said to happen ("Russian
  // missile strikes on Kharkiv", "Israeli air strikes on Khan Younis") says
  // where the story is, more than the attacker's nationality does, when the
  // place is a town of some size or a division of one country (a hamlet's name abroad is a
  // false friend: "Castello", 1,885 people, in Italy). A city of an actor's own
  // country is more often that state speaking ("Moscow's strikes", seeds: three
  // events in Aleppo placed in Moscow) and its country has the actors' vote already.
  constexpr double kEventPlaceSays = kActorsSay;
  constexpr long long kTown = 10000;
  std::set<std::string> event_places;
  for (const Event& e : doc.events) {
    if (e.location.empty() || !event_places.insert(e.location).second) continue;
    if (const Place* p = find(e.location, doc.country, false);
        p && !actors_say.count(p->country) && p->kind != "country" && !another(e.location, *p) &&
        (p->kind != "city" || writes_name(*p, e.location)) &&  // (not "Ber", Turkish for Greece's Veroia)
        (p->population >= kTown || p->kind == "admin1" || p->kind == "admin2")) {
      // A name of towns in several countries ("Adra": Spain, India, and a Syrian town the
      // gazetteer lacks) says no country (FA-KES dev: the Syrian army became Spain's).
      // (Nor a name the gazetteer knows only in part: "Complexo da Mare", Rio de Janeiro, is no vote
      // for New Caledonia's Mare.)
      // (Unless the others are hamlets beside it: Ukraine's Nikopol, 105,160 people, is the one
      // "Russian forces shelled Nikopol" means, not Bulgaria's, 4,137; Spain's Adra, 24,373, and
      // India's, 22,159, stay a name of towns in two countries.)
      const auto all = gazetteer_.lookup(e.location);
      if (!all.empty() && std::all_of(all.begin(), all.end(), [&](const Place* q) {
            return q->country == p->country || q->population * 10 <= p->population;
          }))
        countries[p->country] += kEventPlaceSays;
    }
  }
  // A division the text names as such ("Nakuru County", "(Gazipur, Dhaka)")
  // is where the story is, unless the name is a division in several countries.
  constexpr double kDivisionSays = 2;
  std::map<std::string, bool> hinted;
  for (const PlaceHint& h : hints) {
    if (hinted[h.name] || astray.count(h.name)) continue;
    hinted[h.name] = true;
    std::string only;
    bool one = true;
    // A name marked as a settlement ("Aleppo city", "Al-Zahra quarter") says the country of the
    // towns so named, not of a division: Aleppo's Al-Zahra quarter is no vote for Kuwait's
    // Az Zahra district.
    // A country's name in a division's place ("near Boni, Mali") is that country, not a division
    // abroad bearing its name (Guinea's Mali prefecture).
    const auto named = gazetteer_.lookup(h.name);
    const auto state = std::find_if(named.begin(), named.end(), [](const Place* p) { return p->kind == "country"; });
    if (state != named.end()) continue;  // (its name votes as a place: "banned in Russia" is no division)
    // (A first-level division's name first: "(Donetsk)" is Ukraine's oblast, not a Russian district.)
    // ("Plateau state" is Nigeria's, whose first-level divisions are states, not Benin's
    // Plateau department: where the noun tells one country's divisions, only that one's.)
    const bool told = !h.noun.empty() && std::any_of(named.begin(), named.end(), [&](const Place* p) {
      return p->kind == "admin1" && gazetteer_.divisions_called(p->country, h.noun);
    }) && std::any_of(named.begin(), named.end(), [&](const Place* p) {
      return p->kind == "admin1" && !gazetteer_.divisions_called(p->country, h.noun);
    });
    for (const bool first_level : {true, false}) {
      one = true, only.clear();
      for (const Place* p : named)
        if (h.settlement ? p->kind == "city" : (p->kind == "admin1" || (!first_level && p->kind == "admin2")))
          if (!(told && first_level && !gazetteer_.divisions_called(p->country, h.noun)))
            one = one && (only.empty() || only == p->country), only = p->country;
      if (!only.empty()) break;
    }
    if (one && !only.empty()) countries[only] += kDivisionSays;
  }
  std::string country = doc.country;
  double votes = 0;
  for (const auto& [c, n] : countries)
    if (n > votes || (n == votes && c == doc.country)) country = c, votes = n;
  if (!doc.stated_country.empty()) country = doc.stated_country;  // the record says: no vote overrules it
  doc.country = country;
  // The first-level divisions the hints name, in the story's country, by sentence.
  std::vector<std::pair<uint32_t, const Place*>> hinted_divisions;
  // (A name the text calls a town only where a town of the name lies in the division: "Aleppo
  // city" says Aleppo governorate, "Mexico City" no México state.)
  auto town_in = [&](const std::string& name, const Place& d) {
    const auto all = gazetteer_.lookup(name);
    return std::any_of(all.begin(), all.end(), [&](const Place* p) {
      return p->kind == "city" && p->country == d.country && p->admin1 == d.name;
    });
  };
  for (const PlaceHint& h : hints)
    if (const Place* d = division_of(h.name, country); d && (!h.settlement || town_in(h.name, *d)))
      hinted_divisions.emplace_back(h.sentence, d);
  // So does a division the reading found the place lies in ("Chhattisgarh's Bijapur district",
  // "Bijapur in Chhattisgarh"): Bijapur of Chhattisgarh, not of Karnataka.
  for (const auto& named : doc.places)
    if (named.within)
      if (const Place* d = division_of(named.name, country)) hinted_divisions.emplace_back(named.sentence, d);
  // The division a hint of the sentence names, else the document's first.
  auto hinted_division = [&](uint32_t sentence) -> const Place* {
    for (const auto& [s, d] : hinted_divisions)
      if (s == sentence) return d;
    return hinted_divisions.empty() ? nullptr : hinted_divisions.front().second;
  };
  // Only the sentence's own hints overrule the gazetteer: a story's other
  // sentences may name other divisions ("fighting also raged in Idlib province").
  auto hinted_here = [&](uint32_t sentence) {
    return std::any_of(hinted_divisions.begin(), hinted_divisions.end(), [&](const auto& h) { return h.first == sentence; });
  };
  auto in_hinted = [&](const Place& p, uint32_t sentence) {
    return std::any_of(hinted_divisions.begin(), hinted_divisions.end(), [&](const auto& h) {
      return h.first == sentence && (h.second->name == p.admin1 || h.second == &p);
    });
  };
  // The main event is what the headline reports: where the headline says, if it says.
  const Place* headline = nullptr;
  int headline_precision = 0;
  for (std::size_t i = 0; i < doc.places.size() && doc.places[i].sentence == 0 && !headline; ++i)
    if (const Place* p = doc.places[i].bare ? nullptr : find(doc.places[i].name, country); p && p->kind != "country")
      headline = p, headline_precision = precision(*p, doc.places[i].name);
  // A name the gazetteer knows only abroad, and only as a small town, is more likely the story's
  // own village too small for it ("attacked the village of Sabere"); one it knows as a city, a
  // division or a country is named in passing ("talks in Geneva") and gives way to the region.
  constexpr long long kFamous = 50000;
  // (A city by a name its own spells within, or spelt within it: "Fallujah" of Al Fallujah, "Aziz
  // Istanbul"; not by another language's name for it: "Boni", a village of Mali's, is a Latvian
  // name of Bonn. ACLED dev notes: 16 Sahel and Kenyan villages had given way to the country.)
  auto named_in_passing = [&](const std::string& name) {
    const Place* p = find(name, "", false);
    if (!p || p->kind != "city") return p != nullptr;
    return p->population >= kFamous && writes_name(*p, name);
  };
  std::map<std::string, int> divisions;  // admin1 -> events placed in it
  std::vector<const Place*> found(doc.events.size(), nullptr);
  std::vector<const Place*> land(doc.events.size(), nullptr);  // an event placed only by a country it names
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    Event& e = doc.events[i];
    if (e.main && headline && e.sentence > 0) {
      found[i] = headline;
      e.location = headline->name;
      e.location_span = Span{};
      place(e, *headline, headline_precision);
      continue;
    }
    if (e.location.empty()) {
      // Placed nowhere by its words: a name of its sentence the gazetteer knows in the country.
      for (const auto& named : doc.places)
        if (named.bare && named.sentence == e.sentence)
          if (const Place* p = bare(named.name, country)) {
            e.location = named.name, e.location_span = named.span;
            found[i] = p;
            place(e, *p, precision(*p, named.name));
            if (!p->admin1.empty()) ++divisions[p->admin1];
            break;
          }
      continue;
    }
    if (const auto a = astray.find(e.location); a != astray.end()) e.location = a->second, e.location_span = Span{};
    const Place* p = find(e.location, country);
    // "FAMa withdrew from Ber": a town abroad that the text names by another language's name for
    // it (Greece's Veroia is "Ber" in Turkish) is not where a story of another country happened,
    // but a village of the story's too small for the gazetteer.
    if (p && p->kind == "city" && !country.empty() && p->country != country && !writes_name(*p, e.location)) p = nullptr;
    if (!p) {
      // Not a place we know ("Rocket Attack" in "Killed in Rocket Attack on Eastern
      // Homs"): another place its sentence names. (Not a bare name: "in Magarini (Kilifi)" is a
      // village too small for the gazetteer, in Kilifi, placed by the hint below.)
      for (const auto& other : doc.places)
        if (other.sentence == e.sentence && other.name != e.location)
          if (p = other.bare ? nullptr : find(other.name, country); p && p->kind != "country") {
            e.location = other.name, e.location_span = Span{};
            break;
          }
      // A site known nowhere, nor the town it lies in: the town is the place ACLED codes ("an IDP
      // camp in X", "Y Secondary School in X"; a village in X keeps its own name).
      if (!p)
        for (std::size_t k = 0; k + 1 < doc.places.size(); ++k)
          if (doc.places[k].sentence == e.sentence && doc.places[k].name == e.location && doc.places[k].site &&
              doc.places[k + 1].within &&
              doc.places[k + 1].sentence == e.sentence) {
            e.location = doc.places[k + 1].name, e.location_span = doc.places[k + 1].span;
            break;
          }
    }
    // A town of that name in a division the text does not say: one in a division it says.
    if (p && p->kind != "country" && hinted_here(e.sentence) && !in_hinted(*p, e.sentence))
      for (const Place* q : gazetteer_.lookup(e.location))
        if (q->country == country && q->kind != "country" && in_hinted(*q, e.sentence)) {
          p = q;
          break;
        }
    if (p && p->kind != "country" && hinted_here(e.sentence) && !in_hinted(*p, e.sentence)) {
      // Still elsewhere: the text knows better than the gazetteer's namesake.
      if (const Place* d = hinted_division(e.sentence); d && p->country == country) {
        found[i] = d;
        place(e, *d, 2);
        continue;
      }
    }
    if (p && p->kind == "country" && fold(p->name) == fold(e.location)) land[i] = p;  // named outright, not "Schools" ~ Seychelles
    if (!p || p->kind == "country") continue;  // a whole country: placed below, by the document's division
    found[i] = p;
    const uint32_t from = e.location_span.begin > 24 ? e.location_span.begin - 24 : 0;
    const bool near = e.location_span.size() > 0 && relative(doc.slice(Span{from, e.location_span.begin}));
    place(e, *p, near && p->kind != "admin1" ? 2 : precision(*p, e.location));
    if (!p->admin1.empty()) ++divisions[p->admin1];
  }
  // An event placed only by country, or not at all: the division the
  // document names most (a headline's place counts five times), at precision 3.
  for (const auto& named : doc.places)
    if (const Place* p = named.bare ? bare(named.name, country) : find(named.name, country); p && !p->admin1.empty())
      divisions[p->admin1] += named.sentence == 0 ? 5 : 1;
  std::string usual;
  int most = 0;
  for (const auto& [d, n] : divisions)
    if (n > most) usual = d, most = n;
  const Place* region = nullptr;
  for (const Place* p : gazetteer_.lookup(usual))  // none for an empty name
    if (p->kind == "admin1" && (country.empty() || p->country == country)) region = p;
  // Failing a division, the country itself: a story with no place we know
  // still happened in its country, not in "Car Bomb" of a title-case headline.
  if (!region && usual.empty() && !country.empty()) region = gazetteer_.country(country);
  // Unless the story's events are placed in the region's country by name (a
  // story of Daraa mentioning Saudi Arabia stays in Daraa).
  std::set<std::string> placed_in;
  for (const Place* p : found)
    if (p) placed_in.insert(p->country);
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    if (found[i]) continue;
    Event& e = doc.events[i];
    // A village too small for the gazetteer, in a division the text names: that division.
    if (const Place* d = hinted_division(e.sentence)) {
      if (e.location.empty() || named_in_passing(e.location) || english(vocabulary_, e.location))
        e.location = d->name, e.location_span = Span{};
      place(e, *d, 2);
      continue;
    }
    // "Strikes against Syria" in a story told from Washington: in Syria, not in
    // the division the story's other places lie in ("Geneva", Alabama).
    if (land[i] && (!region || (region->country != land[i]->country && !placed_in.count(region->country)))) {
      place(e, *land[i], 3);
      continue;
    }
    if (region) {
      // A name found nowhere, not even as English words, is a place too small for
      // the gazetteer ("Wad al-Nourah"): it keeps its name. Any other (a country
      // named in passing, a capital where it was announced, "Car Bomb" in a
      // title-case headline) gives way to the region's.
      if (e.location.empty() || named_in_passing(e.location) || english(vocabulary_, e.location))
        e.location = region->name, e.location_span = Span{};
      place(e, *region, 3);
    } else if (!usual.empty()) {
      e.admin1 = usual;
      e.geo_precision = 3;
    }
  }
  split_divisions(doc);
  // A division ACLED splits by district (Shan: Shan-North, -South, -East): the district the
  // event's sentence names, else one the document names. (Only for a division that is split:
  // asking each event's division of every place the document names, a key of each made each
  // time, was 4.6 % of `mosaic ingest -j1`'s instructions, and few divisions are split.)
  for (Event& e : doc.events) {
    if (e.admin1.empty() || e.country.empty() || !gazetteer_.splits(e.country, e.admin1)) continue;
    std::string finer;
    auto consider = [&](const std::string& name, bool here) {
      if (const std::string f = gazetteer_.finer_division(e.country, e.admin1, name); !f.empty() && (here || finer.empty()))
        finer = f;
    };
    for (const PlaceHint& h : hints) consider(h.name, h.sentence == e.sentence);
    for (const auto& named : doc.places) consider(named.name, named.sentence == e.sentence);
    if (!finer.empty()) e.admin1 = finer;
  }
}


}  // namespace mosaic
