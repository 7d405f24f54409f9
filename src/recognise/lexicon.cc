// Loading the lexicon: iso-codes for country names and codes, our data files
// for everything else.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "mosaic/problem.h"
#include "util/keys.h"
#include "recognise/lexicon_impl.h"
#include "util/iso_codes.h"
#include "util/text.h"
#include "util/tsv.h"

namespace mosaic {

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

const std::pair<std::string_view, WordClass> kClasses[] = {
    {"force", WordClass::Force},         {"weapon", WordClass::Weapon},       {"government", WordClass::Government},
    {"member", WordClass::Member},       {"armed", WordClass::Armed},         {"rebel", WordClass::Rebel},
    {"civilian", WordClass::Civilian},   {"protester", WordClass::Protester}, {"qualifier", WordClass::Qualifier},
    {"title", WordClass::Title},         {"role", WordClass::Role},           {"media", WordClass::Media},
    {"head", WordClass::Head},           {"prefix", WordClass::Prefix},       {"locative", WordClass::Locative},
    {"direction", WordClass::Direction}, {"generic", WordClass::Generic},     {"determiner", WordClass::Determiner},
    {"stop", WordClass::Stop},           {"function", WordClass::Function},   {"band", WordClass::Band},
    {"count", WordClass::Count},         {"claim", WordClass::Claim},         {"strike", WordClass::Strike},       {"post", WordClass::Post},         {"deploy", WordClass::Deploy},
    {"compound", WordClass::None}};

}  // namespace

bool is_actor_type(std::string_view type) {
  return std::find(std::begin(kActorTypes), std::end(kActorTypes), type) != std::end(kActorTypes);
}

std::string actor_id(std::string_view name) {
  const std::string folded = fold(name);
  std::string id;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (alnum) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

uint32_t Lexicon::Impl::add_actor(Actor actor) {
  actor.id = actor_id(actor.name);
  if (const auto it = actor_by_id.find(actor.id); it != actor_by_id.end()) {
    Actor& known = actors[it->second];
    for (auto& a : actor.aliases) add_unique(known.aliases, a);
    if (!actor.type.empty()) known.type = actor.type;
    if (!actor.country.empty()) known.country = actor.country;
    return it->second;
  }
  const auto index = uint32_t(actors.size());
  actor_by_id.emplace(actor.id, index);
  actors.push_back(std::move(actor));
  return index;
}

const CountryInfo* Lexicon::Impl::stated_country(std::string_view given) const {
  const auto it = country_by_name.find(fold(trim(given)));
  return it == country_by_name.end() ? nullptr : &countries[it->second];
}

std::set<std::string> Lexicon::Impl::unnamed_ids(const std::string& country) const {
  std::set<std::string> out;
  const auto c = country_by_code.find(country);
  for (std::size_t k = 0; k < conventions.size(); ++k) {
    const Convention& cv = conventions[k];
    // (A perpetrator's: the victims ACLED names for an attack that names none, "Civilians (X)",
    // are people the text does count, not an unnamed side that may be anyone.)
    const bool fills_empty = std::any_of(cv.slots.begin(), cv.slots.end(), [](const auto& s) { return s.if_empty && s.side == 1; });
    if (!fills_empty) continue;
    if (!cv.unknown.empty()) out.insert(actor_id(cv.unknown));
    if (c != country_by_code.end()) out.insert(actors[countries[c->second].generic[k]].id);
    out.insert("?" + cv.kind);  // its placeholder, until the story's country is known
  }
  return out;
}

namespace {

void load_countries(Lexicon::Impl& lx, const std::string& iso_path, const std::string& tsv) {
  struct Names {
    std::vector<std::string> iso;  // from iso-codes, best first
    std::string alpha_2;
  };
  std::unordered_map<std::string, Names> iso_names;
  for (const IsoCountry& c : read_iso_countries(iso_path)) {
    Names& n = iso_names[c.alpha_3];
    n.alpha_2 = c.alpha_2;
    if (!c.common_name.empty()) add_unique(n.iso, c.common_name);
    if (c.name.find(", ") == std::string::npos) add_unique(n.iso, c.name);
    if (!c.official_name.empty()) add_unique(n.iso, c.official_name);
  }
  std::unordered_map<std::string, bool> described;
  auto add_country = [&](const std::string& code, std::vector<std::string> names, const std::vector<std::string>& adjectives,
                         const std::vector<std::string>& people, const std::vector<std::string>& capitals) {
    for (const auto& n : iso_names[code].iso) add_unique(names, n);
    if (names.empty()) return;
    CountryInfo info;
    info.code = code;
    // "the United States": ACLED writes the article after "of" ("Military Forces of the United States").
    for (auto& n : names)
      if (n.starts_with("the ")) info.of = n, n = n.substr(4);
    info.name = names.front();
    if (info.of.empty()) info.of = info.name;
    info.adjective = adjectives.empty() ? "" : adjectives.front();
    info.capital = capitals.empty() ? "" : capitals.front();
    const std::string adjective = info.adjective.empty() ? info.name : info.adjective;
    auto fill = [&](std::string t) {
      for (const auto& [key, value] : {std::pair<std::string_view, const std::string&>{"{name}", info.name},
                                       {"{of}", info.of}, {"{adj}", adjective}})
        for (std::size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + value.size()))
          t.replace(at, key.size(), value);
      return t;
    };
    for (const Convention& cv : lx.conventions) {
      Actor a{"", fill(cv.name), cv.type, code, {}};
      for (const auto& alias : cv.aliases)
        if (fill(alias) != a.name) add_unique(a.aliases, fill(alias));
      if (cv.kind == "state") {
        for (const auto& n : names) add_unique(a.aliases, n);
        for (const auto& c : capitals) add_unique(a.aliases, c);
      }
      const std::string name = a.name;
      const uint32_t index = lx.add_actor(std::move(a));
      lx.generated.insert(index);
      info.generic.push_back(index);
      if (cv.kind == "state") info.state = index;
      else if (cv.kind == "forces") info.forces = index;
      // ACLED's own names for them ("Police Forces of Kenya") are recognised when written out.
      if (cv.kind != "state") lx.add_phrase(name, Entry{Kind::Actor, WordClass::None, index, ""});
    }
    const auto index = uint32_t(lx.countries.size());
    lx.country_by_code[code] = index;
    for (const std::string& n : names) lx.country_by_name.emplace(fold(n), index);
    for (const std::string& n : {info.of, code, iso_names[code].alpha_2})
      if (!n.empty()) lx.country_by_name.emplace(fold(n), index);
    lx.countries.push_back(info);
    for (const auto& n : names) lx.add_phrase(n, Entry{Kind::Country, WordClass::None, index, ""});
    for (const auto& c : capitals) lx.add_phrase(c, Entry{Kind::Capital, WordClass::None, index, ""});
    for (const auto& a : adjectives) lx.add_phrase(a, Entry{Kind::Demonym, WordClass::None, index, ""});
    for (const auto& p : people) lx.add_phrase(p, Entry{Kind::People, WordClass::None, index, ""});
  };
  read_tsv(tsv, 5, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[0].size() != 3) throw Error(fmt::format("{}:{}: '{}' is not an ISO alpha-3 code", tsv, line, c[0]));
    std::vector<std::string> names = split_list(c[1]);
    if (names.empty() && iso_names[c[0]].iso.empty())
      throw Error(fmt::format("{}:{}: {} is not in iso-codes; give its name", tsv, line, c[0]));
    add_country(c[0], names, split_list(c[2]), split_list(c[3]), split_list(c[4]));
    described[c[0]] = true;
  });
  // Countries iso-codes knows and the file does not describe: names alone.
  std::vector<std::string> rest;
  for (const auto& [code, n] : iso_names)
    if (!described.count(code)) rest.push_back(code);
  std::sort(rest.begin(), rest.end());
  for (const auto& code : rest) add_country(code, {}, {}, {}, {});
}

void load_conventions(Lexicon::Impl& lx, const std::string& path) {
  read_tsv(path, 6, [&](const std::vector<std::string>& c, std::size_t line) {
    if (!is_actor_type(c[2])) throw Error(fmt::format("{}:{}: unknown actor type '{}'", path, line, c[2]));
    if (lx.convention(c[0]) >= 0) throw Error(fmt::format("{}:{}: '{}' is named twice", path, line, c[0]));
    Convention cv{c[0], c[1], c[2], split_list(c[3]), c[4] == "-" ? "" : c[4], {}};
    for (const auto& slot : split_list(c[5])) {
      const std::size_t colon = slot.rfind(':');
      std::string side = colon == std::string::npos ? "" : slot.substr(colon + 1);
      // "Attack:1?": the slot is filled only where the text names nobody on that side; "IED:2+"
      // only there and where the event killed someone.
      // ("Air/drone strike:1!": in place of a government named there.)
      const bool if_killed = side.ends_with('+');
      const bool if_empty = if_killed || side.ends_with('?');
      const bool for_state = side.ends_with('!');
      if (if_empty || for_state) side.pop_back();
      if (side != "1" && side != "2")
        throw Error(fmt::format("{}:{}: slot '{}' is not 'sub-event type:1', ':2', ':1?', ':2?', ':2+' or ':1!'",
                                path, line, slot));
      cv.slots.push_back({slot.substr(0, colon), side == "1" ? 1 : 2, if_empty, if_killed, for_state});
    }
    lx.conventions.push_back(std::move(cv));
  });
  for (const char* needed : {"state", "forces"})
    if (lx.convention(needed) < 0) throw Error(fmt::format("{}: the '{}' convention is missing", path, needed));
  for (const Convention& cv : lx.conventions) {
    const auto index = uint32_t(lx.actors.size());
    const std::string id = "?" + cv.kind;
    lx.actor_by_id.emplace(id, index);
    lx.actors.push_back(Actor{id, cv.unknown.empty() ? cv.kind : cv.unknown, cv.type, "", {}});
    lx.placeholders.push_back(index);
  }
}

// ACLED's period suffix ("Military Forces of Kenya (2013-)") says when, not who.
std::string without_period(const std::string& name) {
  const std::size_t open = name.rfind(" (");
  if (open == std::string::npos || !name.ends_with(")")) return name;
  const std::string_view inside = std::string_view(name).substr(open + 2, name.size() - open - 3);
  const bool years = inside.size() >= 5 && inside.size() <= 9 && inside[4] == '-' &&
                     std::all_of(inside.begin(), inside.end(), [](char ch) { return ch == '-' || (ch >= '0' && ch <= '9'); });
  return years ? name.substr(0, open) : name;
}

void load_actors(Lexicon::Impl& lx, const std::string& path) {
  read_tsv(path, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    if (!is_actor_type(c[1])) throw Error(fmt::format("{}:{}: unknown actor type '{}'", path, line, c[1]));
    // Several countries: the first is the actor's own, the rest where it also fights.
    const std::vector<std::string> countries = split_list(c[2]);
    for (const auto& country : countries)
      if (!lx.country_by_code.count(country))
        throw Error(fmt::format("{}:{}: unknown country code '{}'", path, line, country));
    const std::string name = without_period(c[0]);
    Actor a{"", name, c[1], countries.empty() ? "" : countries.front(), {}};
    std::vector<int> kinds;  // "@separatists": what the generic word means in its country
    bool local_units = false;  // "+local": its local units are named by their locality
    std::vector<std::string> descriptions;  // "~communist rebels": its name only in its countries
    for (const auto& alias : split_list(c[3])) {
      if (alias == "+local") {
        local_units = true;
        continue;
      }
      if (alias.starts_with('~')) {
        if (countries.empty()) throw Error(fmt::format("{}:{}: '{}' needs a country", path, line, alias));
        const std::string description = alias.substr(1);
        if (description.empty()) throw Error(fmt::format("{}:{}: '~' describes nothing", path, line));
        add_unique(a.aliases, description);
        descriptions.push_back(fold(description));
        continue;
      }
      // (A marker misspelt would otherwise be matched as a name: "+locals" in the text.)
      if (alias.starts_with('+')) throw Error(fmt::format("{}:{}: '{}' is no marker ('+local' is the one)", path, line, alias));
      if (!alias.starts_with('@')) {
        add_unique(a.aliases, without_period(alias));
        continue;
      }
      const int k = lx.convention(std::string_view(alias).substr(1));
      if (k < 0) throw Error(fmt::format("{}:{}: '{}' is no kind of conventions.tsv", path, line, alias));
      if (countries.empty()) throw Error(fmt::format("{}:{}: '{}' needs a country", path, line, alias));
      kinds.push_back(k);
    }
    const auto aliases = a.aliases;
    const uint32_t index = lx.add_actor(std::move(a));
    if (countries.size() > 1) lx.operates_in[index] = countries;
    if (local_units) lx.local_units.insert(index);
    if (!descriptions.empty()) lx.described_by[index] = std::move(descriptions);
    for (const int k : kinds) lx.generic_in[uint64_t(lx.country_by_code.at(countries.front())) << 32 | uint32_t(k)] = index;
    lx.add_phrase(name, Entry{Kind::Actor, WordClass::None, index, ""});
    for (const auto& alias : aliases) lx.add_phrase(alias, Entry{Kind::Actor, WordClass::None, index, ""});
  });
}

void load_peoples(Lexicon::Impl& lx, const std::string& path) {
  read_tsv(path, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[2] != "Ethnic" && c[2] != "Communal" && c[2] != "Clan" && c[2] != "Tribal")
      throw Error(fmt::format("{}:{}: kind '{}' is not Ethnic, Communal, Clan or Tribal", path, line, c[2]));
    People p{c[0], c[2], split_list(c[3])};
    for (const auto& country : p.countries)
      if (!lx.country_by_code.count(country))
        throw Error(fmt::format("{}:{}: unknown country code '{}'", path, line, country));
    const auto index = uint32_t(lx.peoples.size());
    lx.peoples.push_back(std::move(p));
    for (const auto& form : split_list(c[1])) {
      std::string key;
      for (const auto& w : split_list(form, ' ')) {
        if (!key.empty()) key += ' ';
        key += fold(w);
      }
      lx.people_by_key.emplace(key, index);
    }
  });
}

void load_words(Lexicon::Impl& lx, const std::string& path) {
  read_tsv(path, 3, [&](const std::vector<std::string>& c, std::size_t line) {
    const auto cls = std::find_if(std::begin(kClasses), std::end(kClasses), [&](const auto& k) { return k.first == c[1]; });
    if (cls == std::end(kClasses)) throw Error(fmt::format("{}:{}: unknown word class '{}'", path, line, c[1]));
    const auto variants = split_list(c[0]);
    if (c[1] == "compound") {
      if (c[2] != "backing" && c[2] != "leading" && c[2] != "place")
        throw Error(fmt::format("{}:{}: a compound's value is backing, leading or place, not '{}'", path, line, c[2]));
      for (const auto& w : variants) lx.compounds.emplace(fold(w), c[2]);
      return;
    }
    if (cls->second == WordClass::Count) {
      for (const auto& w : variants) lx.count_words.insert(fold(w));
      return;
    }
    for (const auto& w : variants) lx.add_phrase(w, Entry{Kind::Word, cls->second, 0, c[2] == "-" ? "" : c[2]});
    if (cls->second == WordClass::Qualifier && !variants.empty())
      for (const auto& w : variants) lx.qualifier_spelling.emplace(fold(w), variants.front());
  });
}

}  // namespace

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

std::string Lexicon::default_iso_codes() {
  if (const char* env = std::getenv("MOSAIC_ISO_CODES"); env && *env) return env;
  return "/usr/share/iso-codes/json/iso_3166-1.json";
}

Lexicon Lexicon::load(const Paths& paths) {
  Lexicon lexicon;
  Impl& lx = *lexicon.impl_;
  const std::string dir = paths.data_dir + "/lexicon/";
  load_conventions(lx, dir + "conventions.tsv");
  load_countries(lx, paths.iso_codes.empty() ? default_iso_codes() : paths.iso_codes, dir + "countries.tsv");
  load_actors(lx, dir + "actors.tsv");
  load_actors(lx, dir + "groups.tsv");
  load_peoples(lx, dir + "peoples.tsv");
  for (const auto& f : paths.user_files) load_actors(lx, f);
  load_words(lx, dir + "words.tsv");
  return lexicon;
}

std::size_t Lexicon::actor_count() const { return impl_->actors.size(); }

const Actor* Lexicon::find(std::string_view id) const {
  const auto it = impl_->actor_by_id.find(std::string(id));
  return it == impl_->actor_by_id.end() ? nullptr : &impl_->actors[it->second];
}

}  // namespace mosaic
