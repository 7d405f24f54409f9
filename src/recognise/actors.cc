// The actor recogniser: lexicon matches combined by a few phrase rules that
// hold for news in general (demonym + noun, possessives, titles, roles,
// organisation names, acronyms), then resolved over the whole document.
#include <fmt/format.h>

#include <algorithm>

#include "mosaic/recognise.h"
#include "recognise/matcher.h"
#include "recognise/mentions.h"
#include "util/text.h"

namespace mosaic {

namespace {

// Small words that may sit inside a name: "Syrian Observatory for Human Rights", "Jaysh al-Fateh".
bool name_connector(std::string_view key) {
  static constexpr std::string_view kWords[] = {"of", "for", "al", "el", "ad", "as", "ash",
                                                "bin", "ibn", "abu", "de", "du", "des", "la", "le", "wal"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

// Whether an acronym spells a name: its first letter starts the name and its
// letters follow in the name's order ("MQM": "Muttahida Qaumi Movement",
// "FDLR": "Forces Democratiques de Liberation du Rwanda"; "JNIM" does not spell
// "Katiba Serma").
bool spells(std::string_view acronym, std::string_view name) {
  auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  if (acronym.empty() || name.empty() || up(acronym[0]) != up(name[0])) return false;
  std::size_t at = 0;
  for (const char c : acronym) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) continue;
    while (at < name.size() && up(name[at]) != up(c)) ++at;
    if (at == name.size()) return false;
    ++at;
  }
  return true;
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 32);
  return s;
}

// Armed groups outside a state's forces, the kinds a group's generic noun ("militants") can head.
bool nonstate_armed(const std::string& type) {
  return type == "rebel_group" || type == "political_militia" || type == "identity_militia";
}

class SentenceRules {
 public:
  SentenceRules(const Lexicon::Impl& lx, const Vocabulary& vocab, DocumentMentions& out, const Document& doc,
                uint32_t sentence, const Reading& reading)
      : lx_(lx), vocab_(vocab), out_(out), doc_(doc), sentence_(sentence), words_(reading.words[sentence]),
        items_(reading.items[sentence]) {
    // In a headline written in title case, capitals say nothing about names.
    // (A sentence dense with place names is no headline: "in Nat Lu Hteik Pan ward in Monywa town
    // (Monywa Township, Monywa District, Sagaing Region), the Monywa Rangers Group bombed a police
    // car" is mostly capitals, but its nouns and verbs are written small, as no title-case
    // headline writes more than one of them.)
    static constexpr std::string_view kSmall[] = {"with", "from", "into", "onto", "over", "near", "after", "amid",
                                                  "upon", "than", "that", "this", "about", "against", "between",
                                                  "during", "under", "without", "before", "across", "says", "said"};
    std::size_t long_words = 0, capitals = 0, small_content = 0;
    for (const Word& w : words_) {
      if (w.kind != TokenKind::Word || w.text.size() < 3) continue;
      ++long_words;
      capitals += w.letter_case != Case::Any;
      if (w.letter_case == Case::Any && w.text.size() >= 4 && w.parts.size() == 1 &&
          std::find(std::begin(kSmall), std::end(kSmall), w.parts[0].key) == std::end(kSmall))
        ++small_content;
    }
    title_case_ = long_words >= 4 && capitals * 10 >= long_words * 7 && small_content <= 1;
  }

  void run() {
    std::size_t k = 0;
    while (k < items_.size()) k = step(k);
  }

 private:
  // --- views of the items
  const Item* at(std::size_t k) const { return k < items_.size() ? &items_[k] : nullptr; }
  Span span(std::size_t from, std::size_t to) const {  // items [from, to]
    return Span{words_[items_[from].first].span.begin, words_[items_[to].last - 1].span.end};
  }
  const Word& word(const Item& it) const { return words_[it.first]; }
  bool lone(std::size_t k) const { return at(k) && at(k)->entries.empty(); }
  // Whether a number or a count word says how many of item k there are: "40 Syrians", "four
  // million Syrians", "thousands of Syrians", "900000 displaced Syrians".
  bool counted(std::size_t k) const {
    auto count = [&](std::size_t j) {
      if (!at(j)) return false;
      const Word& w = word(*at(j));
      return w.kind == TokenKind::Number ||
             (at(j)->last - at(j)->first == 1 && w.parts.size() == 1 && lx_.count_words.count(std::string(w.parts[0].key)));
    };
    if (k == 0) return false;
    const std::size_t j = k - 1;
    if (is_key(j, "of")) return j > 0 && count(j - 1);
    if (count(j)) return true;
    return j > 0 && word(*at(j)).kind == TokenKind::Word && word(*at(j)).letter_case == Case::Any && count(j - 1);
  }
  bool is_key(std::size_t k, std::string_view key) const {
    return at(k) && at(k)->last - at(k)->first == 1 && word(*at(k)).parts.size() == 1 && word(*at(k)).parts[0].key == key;
  }
  // "al-Zulm" of "Jaish al-Zulm": an Arabic article joined to a capitalised word, a word of a name.
  bool article_name(std::size_t k) const {
    if (!at(k)) return false;
    const Word& w = word(*at(k));
    return w.kind == TokenKind::Word && w.parts.size() > 1 && arabic_article(w.parts.front().key) &&
           !w.parts[1].text.empty() && w.parts[1].text.front() >= 'A' && w.parts[1].text.front() <= 'Z';
  }
  bool capitalised(std::size_t k) const {
    return at(k) && word(*at(k)).kind == TokenKind::Word && word(*at(k)).letter_case != Case::Any;
  }
  // Whether what the lexicon says of an item still lets it be part of a name:
  // "Northern" (a direction) in "Northern Hawks Brigade", "Brigade" (a head).
  bool may_be_in_name(std::size_t k) const {
    for (const Entry* e : items_[k].entries) {
      if (e->kind != Kind::Word) return false;
      if (e->cls != WordClass::Direction && e->cls != WordClass::Head && e->cls != WordClass::Prefix &&
          e->cls != WordClass::Qualifier && e->cls != WordClass::Function && e->cls != WordClass::Determiner)
        return false;
    }
    return true;
  }
  // A word of a personal or organisation name: capitalised, or a particle
  // joined to a capitalised word ("al-Hilu").
  bool name_word(std::size_t k) const {
    if (!may_be_in_name(k)) return false;
    if (capitalised(k)) return true;
    const Word& w = word(*at(k));
    return w.parts.size() >= 2 && name_connector(w.parts[0].key) && case_of(w.parts[1].text) == Case::Capital;
  }
  // A word that starts a noun phrase of its own after a generic noun makes
  // that noun a modifier: "a military alliance", "the regime's artillery academy".
  bool modifies_next(std::size_t k) const {
    const Item* next = at(k + 1);
    if (!next || items_[k].possessive || word(*next).kind != TokenKind::Word || word(*next).letter_case != Case::Any)
      return false;
    if (next->has(WordClass::Member) || next->has(WordClass::Force) || next->has(WordClass::Government) ||
        next->has(WordClass::Weapon) || next->has(WordClass::Post) || next->has(WordClass::Function))
      return false;
    // (A compound is what its last part is: "police baton-charged them" is a verb's subject.)
    const Word& w = word(*next);
    if (w.parts.size() > 1 && (vocab_.pos(w.parts.back().key) & Vocabulary::Verb) && w.parts.back().key.ends_with("ed"))
      return false;
    const uint8_t pos = vocab_.pos(w.parts.front().key);
    return (pos & Vocabulary::Noun) && !(pos & Vocabulary::Verb);
  }
  bool locative_before(std::size_t k) const {
    std::size_t j = k;
    for (int skip = 0; skip < 6 && j > 0; ++skip) {
      const Item& prev = items_[--j];
      if (prev.has(WordClass::Locative)) return true;
      // "in northern Syria", "from Chad, Niger and Libya"
      const bool listed_place = prev.find(Kind::Country) || prev.find(Kind::Capital);
      if (!(prev.has(WordClass::Direction) || prev.has(WordClass::Determiner) || is_key(j, "and") || is_key(j, ",") ||
            listed_place))
        return false;
    }
    return false;
  }
  // "BEIRUT, Lebanon —" at the head of an article (after its headline).
  bool dateline(std::size_t k) const {
    if (sentence_ > 2 || k > 4 || words_.empty() || words_[0].letter_case != Case::Upper) return false;
    for (std::size_t j = k + 1; j < items_.size() && j < 7; ++j)
      if (word(items_[j]).is_dash()) return true;
    return false;
  }

  // How a qualifier is written in a name: one spelling for its variants ("Shia" -> "Shiite").
  std::string spelling(const std::string& folded) const {
    const auto it = lx_.qualifier_spelling.find(folded);
    return capitalise(it == lx_.qualifier_spelling.end() ? folded : fold(it->second));
  }
  // --- emitting
  void mention(std::size_t from, std::size_t to, uint32_t actor, bool names = true) {
    out_.add(sentence_, span(from, to), actor, names);
    last_ = {to, lx_.actors[actor].id};
  }
  void mention(std::size_t from, std::size_t to, const Actor& actor, bool names = true) {
    // "Hezbollah, the Lebanese Shi'ite militia,": an apposition describes the
    // actor just named rather than naming another.
    if (!lx_.actor_by_id.count(actor.id) && from >= 3 && !last_.second.empty() && last_.first == from - 3 &&
        is_key(from - 2, ",") && (is_key(from - 1, "the") || is_key(from - 1, "a") || is_key(from - 1, "an"))) {
      out_.add(sentence_, span(from, to), *out_.actor(last_.second), false);
      return;
    }
    out_.add(sentence_, span(from, to), actor, names);
    last_ = {to, actor.id};
  }
  // The actors an item's words name, in the lexicon's order: several where they share the name
  // ("SNA": the Syrian National Army, the Somali National Army, the Shanni Nationalities Army).
  std::vector<uint32_t> bearers(const Item& it) const {
    std::vector<uint32_t> out;
    for (const Entry* e : it.entries)
      if (e->kind == Kind::Actor && std::find(out.begin(), out.end(), e->target) == out.end()) out.push_back(e->target);
    return out;
  }
  // A mention of the actor an item names, or of the actors sharing its name until the document
  // tells which (mentions.cc); `names`: the words [from, to] are its name.
  void mention_named(std::size_t from, std::size_t to, const Item& it, bool names = true) {
    const std::vector<uint32_t> who = bearers(it);
    if (who.size() < 2) return mention(from, to, who.front(), names);
    out_.shared(sentence_, span(from, to), who, names);
    last_ = {to, lx_.actors[who.front()].id};
  }
  const CountryInfo& country(const Entry* e) const { return lx_.countries[e->target]; }
  // The state whose name sends the forces at item k: "Kenya sent troops", "Burundi has deployed
  // 1,000 more soldiers" (a verb of words.tsv's deploy class, numbers and function words between);
  // else null. Its forces, not the story's country's: they go abroad.
  const CountryInfo* sent_by(std::size_t k) const {
    std::size_t j = k;
    while (j > 0 && k - j < 3 && (word(*at(j - 1)).kind == TokenKind::Number || at(j - 1)->has(WordClass::Function)) &&
           !at(j - 1)->has(WordClass::Deploy))
      --j;
    if (j == 0 || !at(j - 1)->has(WordClass::Deploy)) return nullptr;
    --j;
    while (j > 0 && k - j < 6 && at(j - 1)->has(WordClass::Function)) --j;
    if (j == 0 || last_.second.empty() || last_.first != j - 1) return nullptr;
    const auto a = lx_.actor_by_id.find(last_.second);
    if (a == lx_.actor_by_id.end()) return nullptr;
    const Actor& who = lx_.actors[a->second];
    const auto c = lx_.country_by_code.find(who.country);
    if (who.type != "state" || c == lx_.country_by_code.end() || lx_.countries[c->second].state != a->second) return nullptr;
    return &lx_.countries[c->second];
  }
  // A country's actor of a kind of conventions.tsv ("civilians"): its state when the kind is unknown.
  uint32_t generic_of(const CountryInfo& c, std::string_view kind) const {
    const int k = lx_.convention(kind);
    return k < 0 ? c.state : c.generic[std::size_t(k)];
  }
  // Whose forces a force noun names: the police ("Kenyan police") or the military.
  uint32_t forces_of(const CountryInfo& c, const Entry* force) const {
    return force && !force->value.empty() ? generic_of(c, force->value) : c.forces;
  }
  std::string adjective(const CountryInfo& c) const { return c.adjective.empty() ? c.name : c.adjective; }

  // Capitalised words from k on that can form a name: "Tobias Schneider",
  // "Hadi Alabdallah"; returns one past the last, or k when none.
  std::size_t name_run(std::size_t k, std::size_t max_words = 4) const {
    if (title_case_) return k;
    std::size_t j = k;
    while (j < items_.size() && j - k < max_words && name_word(j)) {
      ++j;
      if (items_[j - 1].possessive) break;
    }
    return j;
  }
  std::string text_of(std::size_t from, std::size_t to_exclusive) const {
    const Span s = span(from, to_exclusive - 1);
    return std::string(doc_.slice(s));
  }

  // After a named mention: "Free Syrian Army (FSA)" defines FSA. The
  // acronym names `a` itself, which its mention registers: the name before it
  // may have gone to another actor ("Hezbollah, the Popular Resistance Front
  // (PRF)", an apposition), and an acronym must never point at an actor the
  // document does not hold.
  std::size_t acronym_after(std::size_t k, const Actor& a) {
    if (!(is_key(k, "(") || is_key(k, "[")) || !at(k + 1) || !(is_key(k + 2, ")") || is_key(k + 2, "]"))) return k;
    const Word& w = word(*at(k + 1));
    if (w.letter_case != Case::Upper || w.text.size() > 8) return k;
    // "Katiba Serma (JNIM)": a known group in brackets is the one this belongs to, not its acronym,
    // unless the letters spell the name before it: "the Popular Resistance Front (PRF)" defines PRF
    // for this document whatever the lexicon's PRF is.
    if (at(k + 1)->find(Kind::Actor) && !spells(w.text, a.name)) return k;
    out_.add(sentence_, w.span, a);
    out_.acronym(std::string(w.text), a.id);
    return k + 3;
  }

  std::size_t person(std::size_t name_begin, std::size_t name_end, const std::string& country) {
    Actor a{"", text_of(name_begin, name_end), "person", country, {}};
    // "Ban Ki-moons spokesman": copy that lost its apostrophes writes a possessive as a plural;
    // a name in that form before a noun is the name without its "s".
    if (name_end > name_begin + 1 && a.name.size() > 4 && a.name.ends_with('s') && !a.name.ends_with("ss") &&
        at(name_end) && word(*at(name_end)).kind == TokenKind::Word && word(*at(name_end)).letter_case == Case::Any) {
      const uint8_t pos = vocab_.pos(word(*at(name_end)).parts.front().key);
      if ((pos & (Vocabulary::Noun | Vocabulary::Adjective)) && !(pos & Vocabulary::Verb)) a.name.pop_back();
    }
    a.id = actor_id(a.name);
    mention(name_begin, name_end - 1, a);
    return name_end;
  }

  // ", an Iraqi militia" after a name: what the apposition says of it.
  void describe(std::size_t k, Actor& a) const {
    if (!is_key(k, ",") || !(is_key(k + 1, "a") || is_key(k + 1, "an"))) return;
    for (std::size_t j = k + 2; j < items_.size() && j < k + 7; ++j) {
      const Item& x = items_[j];
      if (const Entry* d = x.find(Kind::Demonym)) {
        a.country = lx_.countries[d->target].code;
      } else if (x.has(WordClass::Armed)) {
        a.type = "political_militia";
        return;
      } else if (x.has(WordClass::Rebel)) {
        a.type = "rebel_group";
        return;
      } else if (x.has(WordClass::Media)) {
        a.type = "media";
        return;
      } else if (const Entry* h = x.find(WordClass::Head)) {
        a.type = h->value;
        return;
      } else if (word(x).kind != TokenKind::Word) {
        return;
      }
    }
  }

  std::size_t step(std::size_t k);
  std::size_t known_as(std::size_t k);
  std::size_t demonym_phrase(std::size_t k);
  std::size_t people_phrase(std::size_t k);
  std::size_t named_actor(std::size_t k, const Entry* e);
  std::size_t locality_before(std::size_t k) const;
  std::size_t country_or_capital(std::size_t k, const Entry* e);
  std::size_t titled_name(std::size_t k);
  std::size_t organisation(std::size_t k);
  bool claim_gap(std::size_t k) const;

  const Lexicon::Impl& lx_;
  const Vocabulary& vocab_;
  DocumentMentions& out_;
  const Document& doc_;
  uint32_t sentence_;
  const std::vector<Word>& words_;
  const std::vector<Item>& items_;
  std::pair<std::size_t, std::string> last_;  // last item of the latest mention, and its actor
  std::pair<std::size_t, std::string> before_bracket_;  // the same for the mention a "(" follows
  bool title_case_ = false;
};

std::size_t SentenceRules::step(std::size_t k) {
  const Item& it = items_[k];
  // The name a bracket opens right after, for the noun after the bracket closes.
  if (is_key(k, "(")) before_bracket_ = !last_.second.empty() && last_.first + 1 == k ? last_ : decltype(last_){};
  if (lx_.compound_means(it.suffix, "place")) return k + 1;
  if (it.find(Kind::Demonym)) {
    const std::size_t next = demonym_phrase(k);
    if (next != k) return next;
  }
  // An acronym the document defined wins over the lexicon's reading of the same letters.
  if (it.last - it.first == 1 && word(it).letter_case == Case::Upper) {
    if (const Actor* a = out_.acronym(std::string(word(it).text))) {
      out_.add(sentence_, word(it).span, *a);
      return k + 1;
    }
  }
  if (const Entry* e = it.find(Kind::Actor)) return named_actor(k, e);
  // "the Saudi Hospital", "Syria Trade Centre": a country's word inside a longer name.
  if ((it.find(Kind::Country) || it.find(Kind::Demonym)) && !title_case_ && lone(k + 1) && capitalised(k + 1) &&
      !word(*at(k + 1)).possessive) {
    if (const Entry* e = it.find(Kind::Country) ? it.find(Kind::Country) : it.find(Kind::Demonym)) out_.vote(e->target, 1);
    return k + 1;
  }
  if (const Entry* e = it.find(Kind::Country)) return country_or_capital(k, e);
  if (const Entry* e = it.find(Kind::Capital)) return country_or_capital(k, e);
  if (const Entry* e = it.find(Kind::Demonym)) {  // an adjective that named nothing
    out_.vote(e->target, 1);
    return k + 1;
  }
  if (const Entry* e = it.find(Kind::People)) {
    out_.vote(e->target, 1);
    // "40 Syrians", "thousands of Syrians": a people counted are so many of its civilians, as
    // "40 Syrian civilians" are; a node of their own beside them was one group twice (FA-KES
    // dev: "Syrians", 39 mentions, 27 of them counted, beside "Civilians (Syria)"). Uncounted,
    // "the Syrians", "the Iranians" are the people or, in a war, its fighters: the people.
    if (counted(k)) {
      mention(k, k, generic_of(country(e), "civilians"));
      return k + 1;
    }
    const std::string name(word(it).text);
    mention(k, k, Actor{actor_id(name), capitalise(name), "other", country(e).code, {}});
    return k + 1;
  }
  if (it.has(WordClass::Title)) return titled_name(k);
  if (is_key(k, "known") && is_key(k + 1, "as")) return known_as(k);
  if (it.has(WordClass::Role)) {
    // "one analyst, Tobias Schneider" / "journalist Hadi Alabdallah"
    const std::size_t start = is_key(k + 1, ",") ? k + 2 : k + 1;
    const std::size_t end = name_run(start);
    if (end - start >= 2 && !at(start)->find(Kind::Actor)) return person(start, end, "");
  }
  if (const Entry* g = it.find(WordClass::Generic)) {
    if (g->value == "forces")
      if (const CountryInfo* sender = sent_by(k)) {
        mention(k, k, sender->forces);
        return k + 1;
      }
    const bool single = it.last - it.first == 1 && word(it).parts.size() == 1;
    // (A government's vehicles and offices are no forces of it: "rioters damaged government
    // vehicles" names no party to the riot; "a government stronghold" names its forces.)
    const Entry* post = at(k + 1) ? at(k + 1)->find(WordClass::Post) : nullptr;
    const bool owns_post = g->value != "state" || !post || post->value == "armed";
    if (!(single && modifies_next(k)) && owns_post) {
      // "the government of President Bashar Assad": the person's state.
      if (g->value == "state" && is_key(k + 1, "of")) {
        std::size_t j = k + 2;
        if (at(j) && at(j)->has(WordClass::Title)) ++j;
        if (const Entry* p = at(j) ? at(j)->find(Kind::Actor) : nullptr) {
          const Actor& who = lx_.actors[p->target];
          if (who.type == "person" && lx_.country_by_code.count(who.country)) {
            mention(k, k, lx_.countries[lx_.country_by_code.at(who.country)].state);
            return k + 1;
          }
        }
      }
      // "Katiba Macina (JNIM) militants", "Boko Haram fighters": an armed group's generic noun
      // right after a non-state armed group's name, or the bracket closing it, is that group's
      // head noun, not another, unnamed group.
      // ("Al-Nusra Front (al-Qaeda's branch in the Levant) terrorists": a bracket that glosses the
      // name stands between them.)
      std::string named_id;
      if (!last_.second.empty() && (last_.first + 1 == k || (last_.first + 2 == k && is_key(k - 1, ")"))))
        named_id = last_.second;
      else if (k > 0 && is_key(k - 1, ")") && before_bracket_.first + 1 < k && k - before_bracket_.first <= 16)
        named_id = before_bracket_.second;
      if (const int kind = lx_.convention(g->value); !named_id.empty() && kind >= 0 && nonstate_armed(lx_.conventions[std::size_t(kind)].type))
        if (const Actor* named = out_.actor(named_id); named && nonstate_armed(named->type)) {
          mention(k, k, *named, false);
          return k + 1;
        }
      // "gunmen of the CJNG", "militants from al-Shabaab": likewise the group named after them.
      if (const int kind = lx_.convention(g->value); kind >= 0 && nonstate_armed(lx_.conventions[std::size_t(kind)].type) &&
                                                     (is_key(k + 1, "of") || is_key(k + 1, "from"))) {
        const std::size_t j = is_key(k + 2, "the") ? k + 3 : k + 2;
        if (const Entry* p = at(j) ? at(j)->find(Kind::Actor) : nullptr; p && nonstate_armed(lx_.actors[p->target].type)) {
          mention_named(k, k, *at(j), false);
          return k + 1;
        }
      }
      out_.generic(sentence_, span(k, k), g->value);
      return k + 1;
    }
  }
  if (const std::size_t next = people_phrase(k); next != k) return next;
  if (may_be_in_name(k) || is_key(k, "the")) {
    const std::size_t next = organisation(k);
    if (next != k) return next;
  }
  if (it.entries.empty() && word(it).kind == TokenKind::Word) {
    const Word& w = word(it);
    if (w.letter_case == Case::Upper) {
      if (const Actor* a = out_.acronym(std::string(w.text))) {
        out_.add(sentence_, w.span, *a);
        return k + 1;
      }
    }
    // A capitalised word inside a sentence may be a surname met elsewhere.
    if (w.letter_case == Case::Capital && k > 0 && w.parts.size() == 1 && !title_case_)
      out_.name(sentence_, w.span, w.parts[0].key, false);
  }
  return k + 1;
}

// "Syrian troops", "Iraqi Shiite militias", "Syrian or Russian airstrikes",
// "Russian-backed", "the Russian newspaper RBK". Returns k if nothing fits.
std::size_t SentenceRules::demonym_phrase(std::size_t k) {
  std::vector<std::size_t> demonyms{k};
  std::size_t j = k + 1;
  // "Lebanese Iranian and Iraqi Shiite militias": copy that lost its commas (FA-KES) writes a
  // list of demonyms with spaces alone; a run of them whose last two "and" or "or" joins is
  // such a list (alone, "Lebanese Iranian" could be one thing, so the conjunction must follow).
  {
    std::size_t r = k + 1;
    while (at(r) && at(r)->find(Kind::Demonym) && items_[r - 1].suffix.empty()) ++r;
    if (r > k + 1 && (is_key(r, "and") || is_key(r, "or")) && at(r + 1) && at(r + 1)->find(Kind::Demonym) &&
        items_[r - 1].suffix.empty()) {
      for (std::size_t d = k + 1; d < r; ++d) demonyms.push_back(d);
      j = r;
    }
  }
  while ((is_key(j, "and") || is_key(j, "or") || is_key(j, ",")) && at(j + 1) && at(j + 1)->find(Kind::Demonym) &&
         items_[demonyms.back()].suffix.empty()) {
    demonyms.push_back(j + 1);
    j += 2;
  }
  const Item& first = items_[k];
  if (lx_.compound_means(first.suffix, "backing") || lx_.compound_means(first.suffix, "leading")) {
    // "Iran-backed militias", "Russian-backed government": the backer acts.
    const CountryInfo& c = country(first.find(Kind::Demonym));
    mention(k, k, c.state, false);
    return k + 1;
  }
  std::vector<std::string> qualifiers;
  bool identity = false;
  while (at(j) && at(j)->has(WordClass::Qualifier) && !at(j)->find(Kind::Actor) &&
         !(at(j)->has(WordClass::Armed) || at(j)->has(WordClass::Rebel))) {
    identity |= at(j)->find(WordClass::Qualifier)->value == "identity";
    qualifiers.push_back(spelling(fold(word(*at(j)).text)));
    if (word(*at(j)).text.find('-') != std::string_view::npos) qualifiers.back() = std::string(word(*at(j)).text);
    ++j;
  }
  // "Russian Su-34 aircraft", "Israeli F-16 jets", "Turkish TB2 drones", "a Russian FPV drone": a
  // model's designation (letters and digits, or capitals) between the demonym and the force noun
  // is the noun's.
  for (int models = 0; models < 2 && at(j) && at(j)->entries.empty(); ++models) {
    const std::string_view w = word(*at(j)).text;
    const bool digit = std::any_of(w.begin(), w.end(), [](char c) { return is_ascii_digit(c); });
    const bool letter = std::any_of(w.begin(), w.end(), [](char c) { return is_ascii_alpha(c); });
    const bool capitals = w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const Item* after = at(j + 1);
    if (!((digit && letter) || capitals) || w.size() > 8 || !after ||
        !(after->has(WordClass::Force) || after->has(WordClass::Weapon)))
      break;
    ++j;
  }
  const Item* head = at(j);
  if (!head) return k;
  auto each_country = [&](auto&& fn) {
    for (std::size_t d : demonyms) fn(d, country(items_[d].find(Kind::Demonym)));
  };
  const bool whole = demonyms.size() == 1;  // one demonym: the mention spans the phrase
  // "Lebanese Hezbollah", "Iraqi Harakat al-Nujabaa": the demonym describes the actor; of actors
  // sharing a name it says which ("the Somali SNA").
  if (const Entry* a = head->find(Kind::Actor)) {
    if (bearers(*head).size() > 1)
      each_country([&](std::size_t, const CountryInfo& c) { out_.vote(uint32_t(&c - lx_.countries.data()), 1); });
    return named_actor(j, a);
  }
  // A state's own army or government named outright is the best sign of
  // whose "the army" and "the government" the story speaks of.
  auto vote = [&](const CountryInfo& c, int weight) { out_.vote(uint32_t(&c - lx_.countries.data()), weight); };
  if (const Entry* force = head->find(WordClass::Force); force && qualifiers.empty()) {
    each_country([&](std::size_t d, const CountryInfo& c) {
      vote(c, 3);
      out_.vote_force(uint32_t(&c - lx_.countries.data()), 3);
      const uint32_t who = forces_of(c, force);  // "Kenyan police": its police
      whole ? mention(d, j, who) : mention(d, d, who, false);
    });
    return j + 1;
  }
  if (head->has(WordClass::Weapon)) {
    each_country([&](std::size_t d, const CountryInfo& c) {
      vote(c, 1);
      out_.vote_force(uint32_t(&c - lx_.countries.data()), 1);
      mention(d, d, c.forces, false);
    });
    return j + 1;
  }
  if (head->has(WordClass::Government) && qualifiers.empty()) {
    each_country([&](std::size_t d, const CountryInfo& c) {
      vote(c, 3);
      whole ? mention(d, j, c.state) : mention(d, d, c.state, false);
    });
    return j + 1;
  }
  // "a Russian command post", "an Israeli checkpoint": what only an armed side has, its people's
  // word before it, is its forces' (the post itself is no actor: the mention is the word alone).
  if (const Entry* post = head->find(WordClass::Post); post && post->value == "armed" && qualifiers.empty()) {
    each_country([&](std::size_t d, const CountryInfo& c) {
      vote(c, 1);
      mention(d, d, c.forces, false);
    });
    return j + 1;
  }
  auto collective = [&](const std::string& noun, const std::string& type) {
    each_country([&](std::size_t d, const CountryInfo& c) {
      std::string name = adjective(c);
      for (const auto& q : qualifiers) name += " " + q;
      name += " " + noun;
      vote(c, 1);
      const Actor a{actor_id(name), name, type, c.code, {}};
      whole ? mention(d, j, a) : mention(d, d, a, false);
    });
    return j + 1;
  };
  if (const Entry* armed = head->find(WordClass::Armed))
    return collective(armed->value, identity ? "identity_militia" : "political_militia");
  if (const Entry* rebel = head->find(WordClass::Rebel)) return collective(rebel->value, "rebel_group");
  if (head->has(WordClass::Civilian) || head->has(WordClass::Protester)) {
    const std::string_view kind = head->has(WordClass::Civilian) ? "civilians" : "protesters";
    each_country([&](std::size_t d, const CountryInfo& c) {
      const uint32_t who = generic_of(c, kind);
      whole ? mention(d, j, who) : mention(d, d, who, false);
    });
    return j + 1;
  }
  if (head->has(WordClass::Role) && whole) {
    // "Syrian journalist Hadi Alabdallah"
    const std::size_t end = name_run(j + 1);
    if (end - (j + 1) >= 2) return person(j + 1, end, country(first.find(Kind::Demonym)).code);
  }
  if (head->has(WordClass::Media) && whole) {
    // "the Russian newspaper RBK"
    if (const Entry* a = at(j + 1) ? at(j + 1)->find(Kind::Actor) : nullptr) return named_actor(j + 1, a);
    const std::size_t end = name_run(j + 1, 3);
    if (end > j + 1) {
      const std::string name = text_of(j + 1, end);
      mention(j + 1, end - 1, Actor{actor_id(name), name, "media", country(first.find(Kind::Demonym)).code, {}});
      return end;
    }
  }
  return k;
}

// "Kurdish forces", "Kurdish-led fighters", "Shiite militias": a people's
// armed group with no country named; the story's is taken when it is known,
// unless they are "foreign" (of a country the text does not say). Returns k if
// nothing fits.
std::size_t SentenceRules::people_phrase(std::size_t k) {
  // "Fulani militiamen", "Kikuyu youths", "Pokot raiders": a people of
  // peoples.tsv (one word or two) and its armed men, named once the story's
  // country is known.
  for (std::size_t words = 1; words <= 2 && capitalised(k); ++words) {
    const std::size_t head = k + words;
    if (!at(head) || at(head)->find(Kind::Actor) || items_[head - 1].suffix.size() || !capitalised(head - 1)) break;
    std::string key;
    bool phrase = false;  // a lexicon phrase of several tokens is no people's name
    for (std::size_t w = k; w < head; ++w) {
      phrase |= at(w)->last - at(w)->first != 1;
      for (const Part& part : word(*at(w)).parts) {
        if (!key.empty()) key += ' ';
        key += part.key;
      }
    }
    const auto people = phrase ? lx_.people_by_key.end() : lx_.people_by_key.find(key);
    if (people == lx_.people_by_key.end()) continue;
    auto armed_head = [&](const Item* h) {
      return h && (h->has(WordClass::Armed) || h->has(WordClass::Rebel) || h->has(WordClass::Force) || h->has(WordClass::Band));
    };
    // "Dinka and Nuer youths", "Hema or Lendu militiamen": two peoples sharing one noun are two
    // militias; this one ends here, the next is read next.
    if (!armed_head(at(head)) && (is_key(head, "and") || is_key(head, "or")) && capitalised(head + 1)) {
      for (std::size_t w2 = 1; w2 <= 2; ++w2) {
        std::string other;
        for (std::size_t w = head + 1; w < head + 1 + w2 && at(w); ++w)
          for (const Part& part : word(*at(w)).parts) other += (other.empty() ? "" : " ") + part.key;
        if (lx_.people_by_key.count(other) && armed_head(at(head + 1 + w2))) {
          const People& p = lx_.peoples[people->second];
          mention(k, head - 1, Actor{"?people:" + std::to_string(people->second), p.name + " " + p.kind + " Militia",
                                     "identity_militia", "", {}}, false);
          return head;
        }
      }
    }
    if (!armed_head(at(head))) break;
    const People& p = lx_.peoples[people->second];
    mention(k, head, Actor{"?people:" + std::to_string(people->second), p.name + " " + p.kind + " Militia",
                           "identity_militia", "", {}}, false);
    return head + 1;
  }
  std::vector<std::string> people;
  const bool foreign = is_key(k, "foreign");
  std::size_t j = foreign ? k + 1 : k;
  for (; at(j) && !at(j)->find(Kind::Actor) && (at(j)->suffix.empty() || at(j)->suffix == "led"); ++j) {
    const Entry* q = at(j)->find(WordClass::Qualifier);
    if (!q || q->value != "identity") break;
    people.push_back(spelling(fold(at(j)->suffix.empty() ? word(*at(j)).text : word(*at(j)).parts[0].text)));
  }
  const Item* head = at(j);
  if (people.empty() || !head || head->find(Kind::Actor)) return k;
  std::string noun, type = "identity_militia";
  if (const Entry* armed = head->find(WordClass::Armed)) noun = armed->value;
  else if (const Entry* rebel = head->find(WordClass::Rebel)) noun = rebel->value, type = "rebel_group";
  else if (head->has(WordClass::Force)) noun = lower_ascii(word(*head).text);
  else return k;
  std::string name;
  for (const auto& p : people) name += p + " ";
  name += noun;
  if (foreign) mention(k, j, Actor{actor_id(name), name, type, "", {}});
  else out_.collective(sentence_, span(k, j), name, type);
  return j + 1;
}

std::size_t SentenceRules::named_actor(std::size_t k, const Entry* e) {
  const Actor& a = lx_.actors[e->target];
  // A group of one country (not a state, an outlet or an agency) places the story there.
  const bool local = a.type != "state" && a.type != "media" && a.type != "igo" && a.type != "ngo";
  // One that fights in several countries (JNIM, al-Shabaab) does not say which; nor does a name
  // several actors bear ("SNA"), which the story's country is to settle.
  const bool shared = bearers(items_[k]).size() > 1;
  // Nor does a description of it ("communist rebels": groups.tsv's "~"), the group's only where
  // the story is in its country (resolve's unbind_descriptions).
  if (lx_.country_by_code.count(a.country) && !lx_.operates_in.count(e->target) && !shared &&
      !lx_.describes(e->target, doc_.slice(span(k, k))))
    out_.vote(lx_.country_by_code.at(a.country), local ? 2 : 1);
  std::size_t end = k;
  const Item* next = at(k + 1);
  if (a.type == "person") {
    // "the Assad government", "the Obama administration": the person's state.
    if (next && next->find(WordClass::Generic) && next->find(WordClass::Generic)->value == "state" &&
        lx_.country_by_code.count(a.country)) {
      const CountryInfo& c = lx_.countries[lx_.country_by_code.at(a.country)];
      out_.vote(uint32_t(&c - lx_.countries.data()), 1);
      mention(k, k + 1, c.state);
      return k + 2;
    }
    // "Assad's forces", "Assad air strikes": a leader's state's forces (his
    // name is a name for them in the first, not in the second).
    if (next && (next->has(WordClass::Force) || next->has(WordClass::Weapon)) && lx_.country_by_code.count(a.country)) {
      const CountryInfo& c = lx_.countries[lx_.country_by_code.at(a.country)];
      out_.vote(uint32_t(&c - lx_.countries.data()), 1);
      if (next->has(WordClass::Force)) mention(k, k + 1, c.forces);
      else mention(k, k, c.forces, false);
      return k + 2;
    }
  } else if (next && !items_[k].possessive && (next->has(WordClass::Member) || next->has(WordClass::Force))) {
    end = k + 1;  // "Hezbollah militants", "the Nujabaa fighters"
  } else if (next && !items_[k].possessive && next->entries.empty() && at(k + 2) &&
             (at(k + 2)->has(WordClass::Member) || at(k + 2)->has(WordClass::Force))) {
    // "CJNG cartel gunmen", "Hamas armed fighters": a word that says what kind of group, between
    // the name and its men (a noun or an adjective, not a verb: "ISWAP killed fighters" is two).
    const Word& w = word(*next);
    const uint8_t pos = w.kind == TokenKind::Word && w.letter_case == Case::Any ? vocab_.pos(w.parts.front().key) : 0;
    if ((pos & (Vocabulary::Noun | Vocabulary::Adjective)) && !(pos & Vocabulary::Verb)) end = k + 2;
  }
  if (shared) {
    mention_named(k, end, items_[k]);
    return end + 1;
  }
  if (lx_.local_units.count(e->target))
    if (const std::size_t from = locality_before(k); from < k) {
      // "the Ye-U PDF", "the Gangaw People's Defense Force": ACLED's "People's Defense Force - Ye-U".
      const std::string name = a.name + " - " + text_of(from, k);
      const Actor unit{actor_id(name), name, a.type, a.country, {}};
      mention(from, end, unit);
      return acronym_after(end + 1, unit);
    }
  mention(k, end, e->target);
  return acronym_after(end + 1, a);
}

// The locality that names a group's local unit right before its name, after "the": one to three
// capitalised words no other mention holds and the lexicon knows as nothing but a capital, if
// anything ("the Ye-U PDF", "the Nay Pyi Taw PDF"); k itself if none.
std::size_t SentenceRules::locality_before(std::size_t k) const {
  std::size_t from = k;
  while (from > 0 && k - from < 3 && capitalised(from - 1) && !items_[from - 1].possessive &&
         std::all_of(items_[from - 1].entries.begin(), items_[from - 1].entries.end(),
                     [](const Entry* x) { return x->kind == Kind::Capital; }))
    --from;
  if (from == k || from == 0 || !is_key(from - 1, "the")) return k;
  if (!last_.second.empty() && last_.first >= from) return k;  // (a mention holds them)
  return from;
}

std::size_t SentenceRules::country_or_capital(std::size_t k, const Entry* e) {
  const Item& it = items_[k];
  const CountryInfo& c = country(e);
  // "support from Egypt, which backs the army": the relative clause makes it act.
  // ("strikes carried out by Washington and its allies", "backed by Tehran": so does the agent
  // after "by".)
  const bool acts = (is_key(k + 1, ",") && (is_key(k + 2, "which") || is_key(k + 2, "who"))) || (k > 0 && is_key(k - 1, "by"));
  // "residents of Khartoum", "the outskirts of Damascus": a city after "of" is a place.
  const bool city_of = e->kind == Kind::Capital && k > 0 && is_key(k - 1, "of");
  // A capital stands for its state only as the subject of a verb ("Moscow said", "Ankara has
  // warned") or a possessive ("Washington's support"); elsewhere it is the city ("outside the
  // National Museum, Dhaka", "Nairobi residents"): ACLED dev notes coded the state as the
  // adversary of demonstrations held in capitals.
  auto verb_after = [&] {
    for (std::size_t j = k + 1; j < items_.size() && j <= k + 2; ++j) {
      const Word& w = word(items_[j]);
      if (w.kind != TokenKind::Word) return false;
      const uint8_t pos = vocab_.pos(w.parts.front().key);
      if (pos & Vocabulary::Verb) return !(pos & Vocabulary::Noun) || w.parts.front().key.ends_with("s") || w.parts.front().key.ends_with("ed");
      if (!(pos & Vocabulary::Adverb)) return false;  // "Moscow also said"
    }
    return false;
  };
  const Item* after = at(k + 1);
  const bool city = e->kind == Kind::Capital && !acts && !it.possessive && !verb_after() &&
                    !(after && after->has(WordClass::Civilian));  // ("Damascus residents": below)
  // "southern Lebanon", "eastern Ukraine": a part of a country by its compass point is a place
  // whatever precedes it ("air strikes on southern Lebanon", where "on" alone would make the
  // country the strikes' target: its state).
  const Entry* compass = k > 0 ? items_[k - 1].find(WordClass::Direction) : nullptr;
  // ("Lake Chad": a lake named by a country, a place too.)
  const bool part = compass && (compass->value == "compass" || (compass->value == "feature" && word(items_[k - 1]).letter_case != Case::Any)) &&
                    e->kind == Kind::Country;
  if ((locative_before(k) && !acts) || city_of || dateline(k) || city || part) {
    // Where things happen says more about the story than who acts in it.
    out_.vote(e->target, dateline(k) ? 1 : 2);
    if (!dateline(k)) out_.vote_place(e->target, 1);  // not the dateline: reporters of Syria write from Beirut
    return k + 1;
  }
  const Item* next = at(k + 1);
  if (e->kind == Kind::Capital && next && next->has(WordClass::Civilian)) {
    mention(k, k + 1, generic_of(c, "civilians"));
    return k + 2;
  }
  if (it.possessive) {
    // "Russia's air force", "Syria's formal military", "Iran's government"
    for (std::size_t j = k + 1; j < items_.size() && j <= k + 3; ++j) {
      const Item& h = items_[j];
      if (h.has(WordClass::Force) || h.has(WordClass::Government)) {
        out_.vote(e->target, 3);
        if (h.has(WordClass::Force)) out_.vote_force(e->target, 3);
        mention(k, j, h.has(WordClass::Force) ? forces_of(c, h.find(WordClass::Force)) : c.state);
        return j + 1;
      }
      if (!h.entries.empty() || word(h).letter_case != Case::Any || word(h).kind != TokenKind::Word) break;
    }
    // "Sudan's RSF", "Nigeria's Boko Haram": a country's named group is the group, of that country;
    // the state is no party to what it does.
    // (Its own forces are its part: "Iran's Revolutionary Guards" still name Iran.)
    if (next && next->find(Kind::Actor)) {
      const std::string& type = lx_.actors[next->find(Kind::Actor)->target].type;
      if (type != "state" && type != "state_forces") {
        out_.vote(e->target, 2);
        return k + 1;
      }
    }
  }
  out_.vote(e->target, 1);
  mention(k, k, c.state);
  return k + 1;
}

// "President Bashar Assad", "Mr. Assad", "Gen. Khalid Idris".
std::size_t SentenceRules::titled_name(std::size_t k) {
  std::size_t j = k + 1;
  if (is_key(j, ".")) ++j;  // "Mr ." when the title was split from its period
  if (!at(j)) return k + 1;
  if (const Entry* a = at(j)->find(Kind::Actor); a && lx_.actors[a->target].type == "person") return named_actor(j, a);
  const std::size_t end = name_run(j, 4);
  if (end - j >= 2) return person(j, end, "");
  if (end - j == 1) {
    const Word& w = word(*at(j));
    const std::string key = w.parts.back().key;
    const bool honorific = word(items_[k]).parts[0].key == "mr" || word(items_[k]).parts[0].key == "mrs" ||
                           word(items_[k]).parts[0].key == "ms" || word(items_[k]).parts[0].key == "dr";
    out_.name(sentence_, w.span, key, honorific);
    return j + 1;
  }
  return k + 1;
}

// Words that may stand between a group's name and its claim: "Jundallah has claimed", "the
// group later claimed".
bool SentenceRules::claim_gap(std::size_t k) const {
  return is_key(k, "has") || is_key(k, "have") || is_key(k, "had") || is_key(k, "later") || is_key(k, "also") ||
         is_key(k, "reportedly") || is_key(k, "quickly") || is_key(k, "swiftly") || is_key(k, "subsequently");
}

// An organisation the lexicon does not know, from its form: capitalised words
// ending in a head noun ("Quds Brigade") or led by a prefix ("Liwa al-Quds").
std::size_t SentenceRules::organisation(std::size_t k) {
  if (title_case_) return k;
  std::size_t j = k;
  if (is_key(j, "the")) ++j;
  if (!capitalised(j)) return k;
  const std::size_t start = j;
  std::size_t end = start;
  bool capital_word = false;
  const Entry* head = nullptr;
  const Entry* head_of = nullptr;
  while (end < items_.size()) {
    const Item& x = items_[end];
    const Word& w = word(x);
    // (A country's name may end one: "the Popular Front of India".)
    if (!may_be_in_name(end) && !(head_of && is_key(end - 1, "of") && x.find(Kind::Country))) break;
    if ((capitalised(end) && (w.letter_case == Case::Capital || x.has(WordClass::Head))) || (article_name(end) && end > start)) {
      head = x.find(WordClass::Head);
      capital_word |= !head && !x.find(WordClass::Prefix);
      ++end;
      if (x.possessive) break;
    } else if (w.kind == TokenKind::Word && name_connector(w.parts[0].key) && capitalised(end + 1)) {
      // ("the Popular Front of India", "the National Democratic Front of Bodoland": an armed
      // group's head before "of" heads the name, whatever land or people it is of; not a
      // union's or an institute's, whose "of" runs on into places: "Kiambu Institute of Science".)
      if (head && capital_word && is_key(end, "of") && !head_of && (head->value == "rebel_group" || head->value == "political_militia"))
        head_of = head;
      ++end;
    } else if ((is_key(end, "of") || is_key(end, "for")) && is_key(end + 1, "the") && capitalised(end + 2)) {
      end += 2;  // "Sons of the River Brigade"
    } else {
      break;
    }
  }
  while (end > start && !capitalised(end - 1) && !article_name(end - 1)) --end;  // "Front and" ends at "Front"
  // (A word in capitals no lexicon knows is a name of its own where a group's act follows it: "the
  // ARA attacked"; not after "a" or "an", a title's: "an MCA raided the hospital", "an MP".)
  if (end == start && word(items_[start]).kind == TokenKind::Word && word(items_[start]).letter_case == Case::Upper &&
      items_[start].entries.empty() && start + 1 < items_.size() && items_[start + 1].find(WordClass::Strike) &&
      !(start > 0 && (is_key(start - 1, "a") || is_key(start - 1, "an"))))
    end = start + 1;
  if (end == start) return k;
  // A capitalised word the dictionary knows only as a verb begins no name: a headline run into
  // the text ("Syrian Army Repels Ex-Nusra Front Attacks") names the Front, not "Repels Ex-Nusra
  // Front".
  if (const uint8_t pos = vocab_.pos(word(items_[start]).parts.front().key);
      word(items_[start]).kind == TokenKind::Word && pos == Vocabulary::Verb)
    return k;
  if (!head) head = head_of;
  const Entry* prefix = items_[start].find(WordClass::Prefix);
  const bool headed = head && capital_word && end - start >= 2;
  const bool prefixed = prefix && end - start >= 2;
  // "Jundallah claimed responsibility", "Ansar Bayt al-Maqdis has claimed the bombing": a name
  // before a group's claim, one of whose words no dictionary lists (not "The Interior Ministry"),
  // is a group (words.tsv, claim).
  // So is one that does an armed attack (words.tsv, strike: "the ARA attacked a convoy", "Dawei
  // Tiger Force (DTF) carried out a mine attack"), if of two words or more, or in capitals: a
  // single capitalised word is as often a person's name.
  const Entry* claim = nullptr;
  if (!(headed || prefixed)) {
    std::size_t c = end;
    if (c + 2 < items_.size() && word(items_[c]).text == "(" && word(items_[c + 1]).letter_case == Case::Upper &&
        word(items_[c + 2]).text == ")")
      c += 3;  // (its acronym)
    const std::size_t gap = c;
    while (c < items_.size() && c < gap + 2 && claim_gap(c)) ++c;
    claim = c < items_.size() ? items_[c].find(WordClass::Claim) : nullptr;
    if (!claim && c < items_.size() && (end - start >= 2 || word(items_[start]).letter_case == Case::Upper))
      claim = items_[c].find(WordClass::Strike);
    bool foreign = false;
    for (std::size_t w = start; w < end && !foreign; ++w)
      foreign = word(items_[w]).kind == TokenKind::Word && items_[w].entries.empty() &&
                (vocab_.pos(word(items_[w]).parts.front().key) == 0 || word(items_[w]).letter_case == Case::Upper);
    // (Two plain capitalised words are more often a person: "Ahmed Khan claimed responsibility".)
    const bool two_plain = end - start == 2 && word(items_[start]).parts.size() == 1 && word(items_[start + 1]).parts.size() == 1;
    // (Nor the rest of a name begun before: "The PDF South Monywa claimed", "Special Force Paung",
    // "Karim Zafar".)
    const bool rest = start > 0 && !is_key(start - 1, "the") && capitalised(start - 1);
    if (!foreign || two_plain || rest) claim = nullptr;
  }
  // A sentence's first word is capitalised anyway: it alone does not make a name.
  if (!(headed || prefixed || claim) || (start == 0 && end - start < 2 && !claim)) return k;
  const std::string name = text_of(start, end);
  Actor a{actor_id(name), name, headed ? head->value : prefixed ? prefix->value : claim->value, "", {}};
  describe(end, a);
  mention(start, end - 1, a);
  return acronym_after(end, a);
}

// "a coalition of rebel brigades known as the Northern Shield": the name that
// follows is an organisation of the kind just described. After "formerly",
// it is an earlier name of the actor just mentioned.
std::size_t SentenceRules::known_as(std::size_t k) {
  std::size_t start = k + 2;
  if (is_key(start, "the")) ++start;
  const bool formerly = k > 0 && is_key(k - 1, "formerly");
  if (at(start) && at(start)->find(Kind::Actor)) {
    if (formerly && !last_.second.empty() && out_.actor(last_.second))
      out_.add_alias(last_.second, text_of(start, start + 1));
    return start;  // the named actor is handled as usual
  }
  const std::size_t end = name_run(start, 5);
  if (end == start) return k + 2;
  const std::string name = text_of(start, end);
  if (formerly && !last_.second.empty() && out_.actor(last_.second)) {
    out_.add_alias(last_.second, name);
    mention(start, end - 1, *out_.actor(last_.second));
    return end;
  }
  std::string type = "other";
  for (std::size_t j = k; j-- > 0 && j + 6 > k;) {
    const Entry* generic = items_[j].find(WordClass::Generic);
    if (items_[j].has(WordClass::Armed) || (generic && generic->value == "progov")) type = "political_militia";
    else if (items_[j].has(WordClass::Rebel) || (generic && generic->value == "rebels")) type = "rebel_group";
    else continue;
    break;
  }
  Actor a{actor_id(name), name, type, "", {}};
  mention(start, end - 1, a);
  return acronym_after(end, a);
}

}  // namespace

ActorRecogniser::ActorRecogniser(const Lexicon& lexicon, const Vocabulary& vocabulary)
    : lexicon_(lexicon), vocabulary_(vocabulary) {}

void ActorRecogniser::run(Document& doc, const Reading& reading) const {
  doc.mentions.clear();
  doc.actors.clear();
  DocumentMentions out(lexicon_.impl(), doc);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s)
    SentenceRules(lexicon_.impl(), vocabulary_, out, doc, s, reading).run();
  out.finish();
}

}  // namespace mosaic
