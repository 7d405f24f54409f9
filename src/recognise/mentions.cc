// Document-level resolution: the story's country for generic references,
// names and surnames introduced earlier or later, mention order.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "util/keys.h"
#include "recognise/mentions.h"

namespace mosaic {

namespace {

bool same_name(std::string_view a, std::string_view b) { return fold(a) == fold(b); }

// Name words of a person that a lone word can stand for: "Bashar al-Assad" ->
// bashar, assad.
std::vector<std::string> name_keys(const std::string& name) {
  std::vector<std::string> keys;
  bool possessive = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == ' ') {
      for (const Part& p : split_parts(std::string_view(name).substr(start, i - start), &possessive)) {
        if (p.key == "al" || p.key == "el" || p.key == "bin" || p.key == "ibn" || p.key == "abu" || p.key.size() < 3)
          continue;
        keys.push_back(p.key);
      }
      start = i + 1;
    }
  }
  return keys;
}

}  // namespace

const Actor* DocumentMentions::actor(const std::string& id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? nullptr : &doc_.actors[it->second];
}

void DocumentMentions::add_alias(const std::string& id, const std::string& name) {
  const auto it = index_.find(id);
  std::string_view alias = name;
  if (alias.ends_with("'s")) alias.remove_suffix(2);
  if (it == index_.end() || alias.empty()) return;
  Actor& a = doc_.actors[it->second];
  if (same_name(a.name, alias)) return;
  for (const auto& known : a.aliases)
    if (same_name(known, alias)) return;
  a.aliases.emplace_back(alias);
}

void DocumentMentions::push(uint32_t sentence, Span span, const std::string& id, bool names) {
  doc_.mentions.push_back(Mention{sentence, span, id});
  if (names) add_alias(id, surface(span));
}

void DocumentMentions::enter(uint32_t actor) {
  const Actor& a = lx_.actors[actor];
  if (index_.count(a.id)) return;
  index_.emplace(a.id, doc_.actors.size());
  doc_.actors.push_back(a);
  if (const auto where = lx_.operates_in.find(actor); where != lx_.operates_in.end())
    for (const std::string& c : where->second)
      if (std::find(doc_.group_countries.begin(), doc_.group_countries.end(), c) == doc_.group_countries.end())
        doc_.group_countries.push_back(c);
}

void DocumentMentions::add(uint32_t sentence, Span span, uint32_t actor, bool names) {
  enter(actor);
  if (names) named_.insert(lx_.actors[actor].id);
  push(sentence, span, lx_.actors[actor].id, names);
}

// A name several actors bear says the story is in one of their countries, as a group fighting
// in several does (the geocoder's group countries), and nothing more until finish().
void DocumentMentions::shared(uint32_t sentence, Span span, const std::vector<uint32_t>& bearers, bool names) {
  auto it = std::find_if(shared_.begin(), shared_.end(), [&](const Shared& s) { return s.bearers == bearers; });
  if (it == shared_.end()) {
    for (const uint32_t b : bearers)
      for (const std::string& c : lx_.countries_of(b))
        if (std::find(doc_.group_countries.begin(), doc_.group_countries.end(), c) == doc_.group_countries.end())
          doc_.group_countries.push_back(c);
    shared_.push_back({bearers, {}});
    it = std::prev(shared_.end());
  }
  enter(bearers.front());
  it->mentions.emplace_back(doc_.mentions.size(), names);
  push(sentence, span, lx_.actors[bearers.front()].id, names);
}

// Which of the actors bearing a name the document's mentions of it are: one the text also names
// by a name of its own ("the Somali National Army ... SNA troops"), settled here; else the one of
// the country the words say the story is in, or whose countries they vote for most, else the
// first listed, until the geocoder has said where the story is (resolve/references.cc).
void DocumentMentions::settle_shared(const CountryInfo* home) {
  auto support = [&](uint32_t, const std::vector<std::string>& where) {
    double n = 0;
    for (const std::string& code : where)
      if (const auto c = lx_.country_by_code.find(code); c != lx_.country_by_code.end())
        if (const auto v = votes_.find(c->second); v != votes_.end()) n += v->second;
    return n;
  };
  for (const Shared& s : shared_) {
    std::vector<uint32_t> pool;
    for (const uint32_t b : s.bearers)
      if (named_.count(lx_.actors[b].id)) pool.push_back(b);
    const bool settled = !pool.empty();
    if (!settled) pool = s.bearers;
    const uint32_t chosen = pool[lx_.bearer_for(pool, home ? home->code : "", support)];
    const std::string was = lx_.actors[s.bearers.front()].id, now = lx_.actors[chosen].id;
    if (now != was) {
      enter(chosen);
      // All that was taken for the first bearer, unless the text names that one too.
      const bool only_shared = !named_.count(was);
      for (std::size_t i = 0; i < doc_.mentions.size(); ++i) {
        Mention& m = doc_.mentions[i];
        if (m.actor != was) continue;
        const auto listed = std::find_if(s.mentions.begin(), s.mentions.end(), [&](const auto& p) { return p.first == i; });
        if (listed == s.mentions.end() && !only_shared) continue;
        m.actor = now;
        if (listed != s.mentions.end() && listed->second) add_alias(now, surface(m.span));
      }
      if (std::none_of(doc_.mentions.begin(), doc_.mentions.end(), [&](const Mention& m) { return m.actor == was; })) {
        std::erase_if(doc_.actors, [&](const Actor& a) { return a.id == was; });
        index_.clear();
        for (std::size_t i = 0; i < doc_.actors.size(); ++i) index_[doc_.actors[i].id] = i;
      }
    }
    if (settled) continue;
    Document::SharedName pending{now, {}};
    for (const uint32_t b : s.bearers) pending.bearers.push_back(lx_.actors[b].id);
    doc_.shared_names.push_back(std::move(pending));
  }
}

void DocumentMentions::add(uint32_t sentence, Span span, const Actor& actor, bool names) {
  if (const auto known = lx_.actor_by_id.find(actor.id); known != lx_.actor_by_id.end())
    return add(sentence, span, known->second, names);
  if (!index_.count(actor.id)) {
    index_.emplace(actor.id, doc_.actors.size());
    doc_.actors.push_back(actor);
  }
  push(sentence, span, actor.id, names);
}

// "Iraqi militias" after "Iraqi Shiite militias": the same group, named
// less fully. A collective whose name is another's with words left out, of
// the same country and type, is merged into it; so is a country's generic
// actor ("Syrian rebels", for "rebels") into the collective the text names
// ("Syrian Sunni rebels"). Named actors are never merged.
std::unordered_map<std::string, std::string> collective_merges(const Document& doc, const Lexicon::Impl& lx) {
  auto words = [](const std::string& s) {
    std::vector<std::string> w;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
      if (i == s.size() || s[i] == ' ') w.push_back(fold(s.substr(start, i - start))), start = i + 1;
    return w;
  };
  auto subsequence = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::size_t j = 0;
    for (const auto& w : b)
      if (j < a.size() && a[j] == w) ++j;
    return j == a.size() && a.size() < b.size() && a.front() == b.front() && a.back() == b.back();
  };
  auto named = [&](const std::string& id) {
    const auto it = lx.actor_by_id.find(id);
    return it != lx.actor_by_id.end() && !lx.generated.count(it->second);
  };
  auto present = [&](const std::string& id) {
    return std::any_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& a) { return a.id == id; });
  };
  std::unordered_map<std::string, std::string> into;
  for (const auto& a : doc.actors) {
    // "Ban Ki-moons": a name with a possessive that lost its apostrophe.
    if (a.type == "person" && a.name.ends_with('s')) {
      const std::string bare = actor_id(a.name.substr(0, a.name.size() - 1));
      if (present(bare)) into[a.id] = bare;
    }
    if (named(a.id) || a.type == "person" || a.country.empty()) continue;
    const auto wa = words(a.name);
    for (const auto& b : doc.actors) {
      if (&a == &b || b.country != a.country || lx.actor_by_id.count(b.id)) continue;
      const bool militias = a.type.ends_with("militia") && b.type.ends_with("militia");
      if ((b.type == a.type || militias) && subsequence(wa, words(b.name))) {
        into[a.id] = b.id;
        break;
      }
    }
  }
  return into;
}

void DocumentMentions::merge_collectives() {
  std::unordered_map<std::string, Actor> into;
  for (const auto& [from, to] : collective_merges(doc_, lx_))
    if (const auto it = index_.find(to); it != index_.end()) into.emplace(from, doc_.actors[it->second]);
  retarget(into);
}

void DocumentMentions::retarget(const std::unordered_map<std::string, Actor>& into) {
  if (into.empty()) return;
  for (const auto& [from, to] : into)
    if (!index_.count(to.id)) {
      index_.emplace(to.id, doc_.actors.size());
      doc_.actors.push_back(to);
    }
  for (auto& m : doc_.mentions) {
    const auto it = into.find(m.actor);
    if (it == into.end()) continue;
    m.actor = it->second.id;
    add_alias(m.actor, surface(m.span));
  }
  std::erase_if(doc_.actors, [&](const Actor& a) { return into.count(a.id) > 0; });
  index_.clear();
  for (std::size_t i = 0; i < doc_.actors.size(); ++i) index_[doc_.actors[i].id] = i;
}

// One actor, one name, whatever form the text gives it:
// - "Bashar al-Assads", a possessive that lost its apostrophe, is the person
//   the lexicon or the document knows as "Bashar al-Assad";
// - "Syrian Sunni rebels", "Syrian Islamist rebels" are the Syrian rebels:
//   a sect or creed describes a country's rebels, it does not make another
//   group of them (the qualified name stays an alias);
// - "Kurdish forces", "Kurdish fighters", "Kurdish militiamen", "Kurdish
//   troops" of one country are one identity militia, named with "militias";
// - and that militia is the named group the text ties the people to, when it
//   names one ("the Kurdish-led SDF", "the Kurdish YPG", "Kurdish People's
//   Protection Units"): the Kurdish forces of a story that names the SDF so
//   are the SDF. FA-KES had 4 Kurdish collectives beside the YPG and the SDF.
void DocumentMentions::one_name_each() {
  std::unordered_map<std::string, Actor> into;
  auto country = [&](const Actor& a) -> const CountryInfo* {
    const auto c = lx_.country_by_code.find(a.country);
    return c == lx_.country_by_code.end() ? nullptr : &lx_.countries[c->second];
  };
  // The words of a collective's name between its country's adjective and its noun.
  auto middle = [&](const Actor& a, const CountryInfo& c) -> std::string {
    const std::string adjective = (c.adjective.empty() ? c.name : c.adjective) + " ";
    const auto last = a.name.rfind(' ');
    if (!a.name.starts_with(adjective) || last == std::string::npos || last < adjective.size()) return "";
    return a.name.substr(adjective.size(), last - adjective.size());
  };
  for (const Actor& a : doc_.actors) {
    if (lx_.actor_by_id.count(a.id)) continue;
    if (a.type == "person" && a.name.ends_with('s')) {
      const std::string bare = actor_id(a.name.substr(0, a.name.size() - 1));
      if (const auto known = lx_.actor_by_id.find(bare); known != lx_.actor_by_id.end()) into[a.id] = lx_.actors[known->second];
      else if (const auto here = index_.find(bare); here != index_.end()) into[a.id] = doc_.actors[here->second];
      continue;
    }
    const CountryInfo* c = country(a);
    if (!c) continue;
    const std::string quals = middle(a, *c);
    const std::string adjective = c->adjective.empty() ? c->name : c->adjective;
    if (a.type == "rebel_group" && !quals.empty() && a.name.ends_with(" rebels")) {
      const std::string name = adjective + " rebels";
      into[a.id] = Actor{actor_id(name), name, a.type, a.country, {}};
    } else if (a.type == "identity_militia" && !quals.empty() && !a.name.ends_with(" militias")) {
      const std::string name = adjective + " " + quals + " militias";
      into[a.id] = Actor{actor_id(name), name, a.type, a.country, {}};
    }
  }
  retarget(into);
  into.clear();
  // The named armed group the text ties a people to ("Kurdish"): its aliases or the word
  // before its mentions name the people; of `country` unless that is empty.
  auto tied_to = [&](const std::string& people, const std::string& of) -> const Actor* {
    const Actor* tied = nullptr;
    int best = 0;
    for (const Actor& b : doc_.actors) {
      if (!lx_.actor_by_id.count(b.id) || (!of.empty() && b.country != of) ||
          (b.type != "rebel_group" && b.type != "political_militia" && b.type != "identity_militia"))
        continue;
      int ties = 0;
      for (const auto& name : b.aliases) ties += fold(name).find(people) != std::string::npos;
      for (const Mention& m : doc_.mentions)
        if (m.actor == b.id) ties += fold(word_before(m.span)).starts_with(people);
      if (ties > best) best = ties, tied = &b;
    }
    return tied;
  };
  // Identity militias the text ties to a named armed group.
  for (const Actor& a : doc_.actors) {
    if (a.type != "identity_militia" || lx_.actor_by_id.count(a.id) || !country(a)) continue;
    const std::string people = fold(middle(a, *country(a)));
    if (people.empty() || people.find(' ') != std::string::npos) continue;
    if (const Actor* tied = tied_to(people, a.country)) into[a.id] = *tied;
  }
  // A community the text makes an actor ("the Kurds advanced", "clashes with Kurds") is, like
  // its "Kurdish forces", the named armed group the text ties its people to (FA-KES dev: "Kurds",
  // 33 mentions, nearly all fighting, beside the YPG and the SDF). Its people's word is the
  // identity qualifier its name begins with ("Kurds" -> "Kurdish"); a community spans borders.
  for (const Actor& a : doc_.actors) {
    if (a.type != "other" || !lx_.actor_by_id.count(a.id)) continue;
    std::string stem = fold(a.name);
    if (stem.ends_with('s')) stem.pop_back();
    if (stem.size() < 4) continue;
    std::string people;
    for (const auto& [q, written] : lx_.qualifier_spelling)
      if (q.starts_with(stem) && q.find(' ') == std::string::npos && (people.empty() || q < people)) people = q;
    if (people.empty()) continue;
    if (const Actor* tied = tied_to(people, "")) into[a.id] = *tied;
  }
  retarget(into);
}

// The word just before a span, hyphenated parts and all ("Kurdish-led").
std::string DocumentMentions::word_before(Span span) const {
  std::size_t end = span.begin;
  while (end > 0 && doc_.text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && (std::isalpha(static_cast<unsigned char>(doc_.text[begin - 1])) || doc_.text[begin - 1] == '-' ||
                       static_cast<unsigned char>(doc_.text[begin - 1]) >= 0x80))
    --begin;
  return doc_.text.substr(begin, end - begin);
}

// Whose "rebels", "civilians" and "Kurdish forces" a story's are: the
// country where it happens, by the story's votes less those its forces and
// weapons cast (armies act abroad) plus once more its places; not the
// country voted for most, which may be a foreign power bombing there (a
// story of Russian air strikes on Aleppo made "opposition fighters" Russian
// rebels, 37 mentions in FA-KES). The story's country when nothing says.
const CountryInfo* DocumentMentions::story_home(const CountryInfo* story) const {
  const CountryInfo* home = nullptr;
  int best = 0;
  for (const auto& [c, votes] : votes_) {
    const auto force = force_votes_.find(c);
    const auto place = place_votes_.find(c);
    const int score = votes - (force == force_votes_.end() ? 0 : force->second) + (place == place_votes_.end() ? 0 : place->second);
    if (score > best) best = score, home = &lx_.countries[c];
  }
  return home ? home : story;
}

void DocumentMentions::finish() {
  doc_.country.clear();
  // The story's country: the one most voted for; ties go to the first seen.
  const CountryInfo* country = nullptr;
  int best = 0;
  for (const auto& [c, votes] : votes_)
    if (votes > best) best = votes, country = &lx_.countries[c];
  const CountryInfo* home = story_home(country);
  // What the record states outranks the words: its country is where the
  // events are and whose unnamed police and gunmen they are.
  if (const CountryInfo* stated = lx_.stated_country(doc_.stated_country)) {
    country = home = stated;
    doc_.stated_country = stated->code;
  } else {
    doc_.stated_country.clear();
  }
  doc_.shared_names.clear();
  settle_shared(home);
  for (const auto& g : generics_) {
    if (!g.kind.starts_with("collective:")) continue;
    const std::string name = home ? (home->adjective.empty() ? home->name : home->adjective) + " " + g.name : g.name;
    add(g.sentence, g.span, Actor{actor_id(name), name, g.kind.substr(11), home ? home->code : "", {}});
  }
  if (country) doc_.country = country->code;
  // "the government", "police", "gunmen": the story's, once its places have
  // told which country that is (resolve/references.cc); until then, a
  // placeholder of the kind. They refer to the actor; they are not its names.
  for (const auto& g : generics_)
    if (const int k = lx_.convention(g.kind); k >= 0) add(g.sentence, g.span, lx_.placeholders[std::size_t(k)], false);
  // Lone names: a word of a person's name met elsewhere in the document.
  std::vector<std::pair<std::string, std::string>> person_keys;  // key -> actor id
  for (const auto& a : doc_.actors) {
    if (a.type != "person") continue;
    for (const auto& k : name_keys(a.name)) person_keys.emplace_back(k, a.id);
    for (const auto& alias : a.aliases)
      for (const auto& k : name_keys(alias)) person_keys.emplace_back(k, a.id);
  }
  for (const auto& n : names_) {
    const auto it = std::find_if(person_keys.begin(), person_keys.end(), [&](const auto& p) { return p.first == n.key; });
    if (it != person_keys.end()) {
      push(n.sentence, n.span, it->second, true);
    } else if (n.titled) {
      // "Mr. Haddad" with no full name anywhere: a person known by surname.
      const std::string name = surface(n.span);
      add(n.sentence, n.span, Actor{actor_id(name), name, "person", "", {}});
    }
  }
  one_name_each();
  merge_collectives();
  std::sort(doc_.mentions.begin(), doc_.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
}

}  // namespace mosaic
