// Relations from patterns over a sentence's words and actor mentions. A
// pattern is a short sequence of slots, words, word classes and gaps; it is
// matched by backtracking from each token, which stays cheap because a
// pattern is tried only where its words occur in the sentence.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/anaphora.h"
#include "extract/event_lexicon.h"
#include "extract/frames.h"
#include "extract/rules.h"
#include "extract/sentence.h"
#include "recognise/matcher.h"
#include "mosaic/extract.h"
#include "mosaic/problem.h"
#include "util/text.h"
#include "util/tsv.h"

namespace mosaic {

namespace {

struct Element {
  enum Kind { Slot, Words, Gap, WideGap } kind = Words;
  char slot = 0;             // 'A' or 'B'
  bool possessive = false;   // {A}'s
  bool pronoun = false;      // {B?}: a pronoun standing for the previous sentence's subject
  std::string suffix;        // {A}-backed: the mention is the first part of a hyphenated word
  std::vector<uint32_t> keys;  // for Words: interned keys, sorted
};

struct Pattern {
  std::vector<Element> elements;
  std::string type;
  char source = 'A', target = 'B';  // direction
  std::vector<std::vector<uint32_t>> required;  // word sets that must all occur in the sentence
  std::size_t line = 0;
};

constexpr std::string_view kTypes[] = {"supports", "allied_with", "part_of", "fights", "opposes"};

}  // namespace

struct RelationPatterns::Impl {
  std::vector<Pattern> patterns;
  RelationFrames frames;
  Anaphora anaphora;
  // Which patterns' required word sets a key belongs to, as (pattern, bit):
  // a sentence's words tick bits, and a pattern is tried only when all of
  // its bits are ticked.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, uint64_t>>> required_by;
  // The relation types an actor type cannot stand in, and the types that do not fight as an
  // event's side (relations/parties.tsv).
  std::set<std::pair<std::string, std::string>> barred;  // (actor type, relation type)
  std::set<std::string, std::less<>> unarmed;
  std::set<std::string, std::less<>> stateless;  // types never part of a state
};

RelationPatterns::RelationPatterns() : impl_(std::make_unique<Impl>()) {}
RelationPatterns::~RelationPatterns() = default;
RelationPatterns::RelationPatterns(RelationPatterns&&) noexcept = default;
RelationPatterns& RelationPatterns::operator=(RelationPatterns&&) noexcept = default;
std::size_t RelationPatterns::size() const { return impl_->patterns.size(); }

RelationPatterns RelationPatterns::load(const std::string& data_dir) {
  RelationPatterns out;
  const std::string path = data_dir + "/relations/patterns.tsv";
  WordClasses words;
  read_rules(path, 3, words, [&](const std::vector<std::string>& cols, std::size_t n) {
    Pattern p;
    p.line = n;
    p.type = cols[1];
    if (std::find(std::begin(kTypes), std::end(kTypes), p.type) == std::end(kTypes))
      throw Error(fmt::format("{}:{}: unknown relation '{}'", path, n, p.type));
    const std::string& d = cols[2];
    if (d.size() != 3 || (d[1] != '>' && d[1] != '~') || (d[0] != 'A' && d[0] != 'B') || (d[2] != 'A' && d[2] != 'B') || d[0] == d[2])
      throw Error(fmt::format("{}:{}: direction '{}' is not A>B, B>A or A~B", path, n, d));
    p.source = d[0];
    p.target = d[2];
    // Elements: split on spaces, with "," and "'s" as elements of their own.
    std::string spaced;
    for (std::size_t i = 0; i < cols[0].size(); ++i) {
      const char c = cols[0][i];
      if (c == ',') spaced += " , ";
      else spaced += c;
    }
    for (const auto& item : split_list(spaced, ' ')) {
      Element e;
      if (item == "...") {
        e.kind = Element::Gap;
      } else if (item == "...*") {
        e.kind = Element::WideGap;
      } else if (item.size() >= 3 && item[0] == '{') {
        const auto close = item.find('}');
        if (close == std::string::npos) throw Error(fmt::format("{}:{}: unclosed slot in '{}'", path, n, item));
        const std::string inner = item.substr(1, close - 1);
        if (inner != "A" && inner != "B" && inner != "A?" && inner != "B?")
          throw Error(fmt::format("{}:{}: slot '{{{}}}' is not {{A}} or {{B}}", path, n, inner));
        e.kind = Element::Slot;
        e.slot = inner[0];
        e.pronoun = inner.size() == 2;
        const std::string rest = item.substr(close + 1);
        if (rest == "'s") e.possessive = true;
        else if (rest.starts_with("-")) e.suffix = lower_ascii(rest.substr(1));
        else if (!rest.empty()) throw Error(fmt::format("{}:{}: '{}' after a slot", path, n, rest));
      } else if (item.starts_with('@')) {
        const auto c = words.find(item);
        if (c == words.end()) throw Error(fmt::format("{}:{}: class {} is not defined above", path, n, item));
        for (const auto& w : c->second) e.keys.push_back(intern_key(fold(w)));
      } else {
        for (const auto& w : split_list(item)) e.keys.push_back(intern_key(fold(w)));
      }
      std::sort(e.keys.begin(), e.keys.end());
      e.keys.erase(std::unique(e.keys.begin(), e.keys.end()), e.keys.end());
      if (e.kind == Element::Words) p.required.push_back(e.keys);
      p.elements.push_back(std::move(e));
    }
    if (p.required.size() > 64) throw Error(fmt::format("{}:{}: more than 64 word elements", path, n));
    for (std::size_t r = 0; r < p.required.size(); ++r)
      for (uint32_t key : p.required[r])
        out.impl_->required_by[key].emplace_back(uint32_t(out.impl_->patterns.size()), uint64_t(1) << r);
    out.impl_->patterns.push_back(std::move(p));
  });
  const std::string parties = data_dir + "/relations/parties.tsv";
  read_tsv(parties, 4, [&](const std::vector<std::string>& cols, std::size_t n) {
    auto yes = [&](const std::string& v) { return yes_no(v, parties, n); };
    if (cols[1] != "all") {
      const auto allowed = split_list(cols[1]);
      for (const auto& r : allowed)
        if (std::find(std::begin(kTypes), std::end(kTypes), r) == std::end(kTypes))
          throw Error(fmt::format("{}:{}: unknown relation '{}'", parties, n, r));
      for (const auto type : kTypes)
        if (std::find(allowed.begin(), allowed.end(), type) == allowed.end()) out.impl_->barred.emplace(cols[0], type);
    }
    if (!yes(cols[2])) out.impl_->unarmed.insert(cols[0]);
    if (!yes(cols[3])) out.impl_->stateless.insert(cols[0]);
  });
  out.impl_->frames = RelationFrames::load(data_dir);
  out.impl_->anaphora = Anaphora::load(data_dir);
  return out;
}

namespace {

class SentenceMatcher {
 public:
  SentenceMatcher(const std::vector<Word>& words, const std::vector<uint32_t>& keys,
                  const std::vector<MentionRef>& mentions, const Actor* antecedent)
      : w_(words), m_(mentions), antecedent_(antecedent), key_(keys) {
    start_at_.assign(w_.size() + 1, -1);
    for (std::size_t i = 0; i < m_.size(); ++i)
      if (start_at_[m_[i].first] < 0) start_at_[m_[i].first] = int(i);
  }

  // Whether every word element of pattern i has a word in the sentence.
  std::vector<bool> candidates(const RelationPatterns::Impl& patterns) const {
    std::vector<uint64_t> ticked(patterns.patterns.size(), 0);
    for (uint32_t key : key_) {
      if (key == kNoKey) continue;
      const auto it = patterns.required_by.find(key);
      if (it == patterns.required_by.end()) continue;
      for (const auto& [pattern, bit] : it->second) ticked[pattern] |= bit;
    }
    std::vector<bool> out(patterns.patterns.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      const std::size_t n = patterns.patterns[i].required.size();
      out[i] = ticked[i] == (n == 64 ? ~uint64_t(0) : (uint64_t(1) << n) - 1);
    }
    return out;
  }

  // Every way the pattern matches: the actors bound to A and to B.
  void match(const Pattern& p, const std::function<void(const std::vector<const Actor*>&, const std::vector<const Actor*>&)>& fn) const {
    for (uint32_t start = 0; start < w_.size(); ++start) {
      Binding b;
      if (step(p, 0, start, b)) fn(b.a, b.b);
    }
  }

 private:
  struct Binding {
    std::vector<const Actor*> a, b;
    uint32_t end = 0;
  };

  bool word_is(uint32_t t, const std::vector<uint32_t>& keys) const {
    return t < w_.size() && key_[t] != kNoKey && std::binary_search(keys.begin(), keys.end(), key_[t]);
  }

  // The ways a slot can be filled at t: the mention there alone, or with the
  // mentions listed after it ("Turkey, Saudi Arabia, and Qatar"), longest first.
  struct Fill {
    std::vector<const Actor*> actors;
    uint32_t end;
  };
  std::vector<Fill> slot_at(uint32_t t, const Element& e) const {
    if (t < w_.size() && e.pronoun && antecedent_) {
      const Word& w = w_[t];
      if (w.is("it") || w.is("they")) return {{{antecedent_}, t + 1}};
      if (w.is("the") && t + 1 < w_.size() && (w_[t + 1].is("group") || w_[t + 1].is("movement") || w_[t + 1].is("militia")))
        return {{{antecedent_}, t + 2}};
    }
    while (t < w_.size() && (w_[t].is("the") || w_[t].is("a") || w_[t].is("an"))) ++t;  // mentions leave articles out
    if (t >= w_.size() || start_at_[t] < 0) return {};
    std::size_t i = std::size_t(start_at_[t]);
    // "the Russian-backed government": the backer is named in passing; the slot is the government.
    if (e.suffix.empty() && i + 1 < m_.size() && m_[i + 1].first == m_[i].last && w_[m_[i].last - 1].parts.size() > 1 &&
        m_[i].actor->type != "person")
      ++i;
    const MentionRef& m = m_[i];
    // "the Government of Iraq": two mentions of one actor make one phrase.
    uint32_t end = m.last;
    if (i + 1 < m_.size() && m_[i + 1].actor == m.actor && m_[i + 1].first == end + 1 && w_[end].is("of")) {
      end = m_[i + 1].last;
      ++i;
    }
    const Word& last = w_[end - 1];
    if (e.possessive && !last.possessive) return {};
    if (!e.suffix.empty() && !lower_ascii(last.text).ends_with("-" + e.suffix)) return {};
    // "the People's Protection Units (YPG), which ...": the bracketed acronym goes with the name.
    if (end + 2 < w_.size() && w_[end].is("(") && w_[end + 2].is(")")) end += 3;
    std::vector<Fill> fills{{{m.actor}, end}};
    if (e.possessive || !e.suffix.empty()) return fills;
    // Lists: commas make one only with a conjunction ("Ansar Dine, Al Qaeda's affiliate" is none).
    bool conjunction = false;
    std::vector<Fill> longer;
    for (std::size_t j = i; j + 1 < m_.size();) {
      uint32_t k = fills.back().end;
      if (!longer.empty()) k = longer.back().end;
      bool joined = false;
      while (k < m_[j + 1].first) {
        // "X but also Y", "X as well as Y", "X and/or Y" join as "X and Y" does.
        uint32_t wide = 0;
        if (w_[k].is("but") && k + 1 < w_.size() && w_[k + 1].is("also")) wide = 2;
        else if (w_[k].is("as") && k + 2 < w_.size() && w_[k + 1].is("well") && w_[k + 2].is("as")) wide = 3;
        else if (w_[k].is("/") && k > 0 && w_[k - 1].is("and")) wide = 1;
        if (wide) {
          joined = conjunction = true;
          k += wide;
          continue;
        }
        if (!(w_[k].is(",") || w_[k].is("and") || w_[k].is("or") || w_[k].is("the"))) break;
        joined |= !w_[k].is("the");
        conjunction |= w_[k].is("and") || w_[k].is("or");
        ++k;
      }
      if (!joined || k != m_[j + 1].first) break;
      ++j;
      Fill f = longer.empty() ? fills.front() : longer.back();
      f.actors.push_back(m_[j].actor);
      f.end = m_[j].last;
      longer.push_back(f);
    }
    if (!conjunction) longer.clear();
    std::reverse(longer.begin(), longer.end());
    longer.insert(longer.end(), fills.begin(), fills.end());
    return longer;
  }

  bool step(const Pattern& p, std::size_t e, uint32_t t, Binding& b) const {
    if (e == p.elements.size()) {
      b.end = t;
      return true;
    }
    const Element& el = p.elements[e];
    switch (el.kind) {
      case Element::Words:
        return word_is(t, el.keys) && step(p, e + 1, t + 1, b);
      case Element::Slot: {
        auto& bound = el.slot == 'A' ? b.a : b.b;
        const auto saved = bound;
        for (Fill& f : slot_at(t, el)) {
          bound = f.actors;
          if (step(p, e + 1, f.end, b)) return true;
        }
        bound = saved;
        return false;
      }
      case Element::Gap:
      case Element::WideGap:
        // A gap skips up to ten words, but no actor (the nearest one binds),
        // unless it is a wide gap: "aided by an alliance of rebel brigades known as X".
        for (uint32_t k = t; k <= t + 10 && k <= w_.size(); ++k) {
          if (k > t && (w_[k - 1].is(";") || (el.kind == Element::Gap && start_at_[k - 1] >= 0))) break;
          if (step(p, e + 1, k, b)) return true;
        }
        return false;
    }
    return false;
  }

  const std::vector<Word>& w_;
  const std::vector<MentionRef>& m_;
  const Actor* antecedent_;
  std::vector<int> start_at_;
  const std::vector<uint32_t>& key_;  // per word: a hyphenated word as a whole ("long-time")
};

bool symmetric(const std::string& type) { return type == "allied_with" || type == "fights"; }

}  // namespace


void RelationExtractor::run(Document& doc, const Reading& reading) const {
  doc.relations.clear();
  std::set<std::tuple<std::string, std::string, std::string, uint32_t>> seen;
  const RelationPatterns::Impl& impl = patterns_.impl();
  auto add = [&](const std::string& type, const Actor* from, const Actor* to, uint32_t sentence) {
    if (!from || !to || from->id == to->id) return;
    if (impl.barred.count({from->type, type}) || impl.barred.count({to->type, type})) return;
    if (type == "part_of" && to->type == "state" && impl.stateless.count(from->type)) return;
    // A state and its own forces are one side ("Niger's junta expelled French forces" with the junta
    // read as the story's country).
    if (type == "fights" && !from->country.empty() && from->country == to->country &&
        ((from->type == "state" && to->type == "state_forces") || (from->type == "state_forces" && to->type == "state")))
      return;
    std::string s = from->id, t = to->id;
    if (symmetric(type) && t < s) std::swap(s, t);
    if (seen.emplace(type, s, t, sentence).second) doc.relations.push_back({type, s, t, sentence});
  };
  const ActorIndex actors = index_actors(doc);
  const Actor* antecedent = nullptr;  // the previous sentence's first actor, for "It is backed by ..."
  Anaphora::Recent recent;            // the last sentences' actor phrases
  std::set<std::pair<uint32_t, std::string>> in_passing;  // (sentence, actor) named only as X's
  std::set<std::pair<uint32_t, std::string>> modifying;   // (sentence, actor) named only as "X-backed"
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const std::vector<Word>& words = reading.words[s];
    const std::vector<uint32_t> keys = word_keys(words);
    std::vector<MentionRef> mentions = sentence_mentions(doc, s, words, actors);
    std::vector<Unit> units = sentence_units(words, mentions, impl.frames.compound_suffixes());
    impl.anaphora.resolve(words, keys, units, recent);
    // Patterns read a word standing for one actor as a mention of it.
    for (const Unit& u : units)
      if (u.anaphor && u.actors.size() == 1) mentions.push_back({u.first, u.last, u.actors.front()});
    std::stable_sort(mentions.begin(), mentions.end(), [](const MentionRef& a, const MentionRef& b) { return a.first < b.first; });
    // A relation binds two actors: two mentions, or one and a pronoun for the last sentence's.
    if (mentions.size() >= 2 || (!mentions.empty() && antecedent)) {
      const SentenceMatcher matcher(words, keys, mentions, antecedent);
      const auto& patterns = impl.patterns;
      const std::vector<bool> candidate = matcher.candidates(impl);
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (!candidate[i]) continue;
        const Pattern& p = patterns[i];
        matcher.match(p, [&](const std::vector<const Actor*>& a, const std::vector<const Actor*>& b) {
          const auto& sources = p.source == 'A' ? a : b;
          const auto& targets = p.source == 'A' ? b : a;
          for (const Actor* x : sources)
            for (const Actor* y : targets) add(p.type, x, y, s);
        });
      }
      impl.frames.find(words, keys, mentions, units,
                       [&](const std::string& type, const Actor* from, const Actor* to) { add(type, from, to, s); });
    }
    // Actors the sentence names only in the possessive ("Iran's proxy") or as the first part of
    // a compound ("Iranian-backed militias"): named in passing.
    {
      std::map<std::string, std::pair<bool, bool>> only;  // actor -> (possessive only, modifier only)
      for (const MentionRef& m : mentions) {
        const Word& last = words[m.last - 1];
        const bool modifier = last.parts.size() > 1 && last.parts.back().id != kNoKey &&
                              impl.frames.compound_suffixes().at(std::vector<uint32_t>{last.parts.back().id}, 0) > 0;
        auto [it, fresh] = only.emplace(m.actor->id, std::pair{last.possessive, modifier});
        if (!fresh) it->second = {it->second.first && last.possessive, it->second.second && modifier};
      }
      for (const auto& [id, o] : only) {
        if (o.first) in_passing.emplace(s, id);
        if (o.second) modifying.emplace(s, id);
      }
    }
    if (!mentions.empty()) antecedent = mentions.front().actor;
    recent.push_back(std::move(units));
    if (recent.size() > Anaphora::kKept) recent.pop_front();
  }
  // Events: two armed sides of a battle or a strike fight each other; a
  // militia that regains ground for the state stands with it. The sentence
  // that tells the event is the evidence, so it must name both sides: an
  // event's side taken from the rest of the story ("in Anbar, Iraq" read as
  // Iraq's) is no evidence of hostility (re3d: three of four such were wrong).
  std::set<std::pair<uint32_t, std::string>> named;  // (sentence, actor)
  for (const Mention& m : doc.mentions) named.emplace(m.sentence, m.actor);
  // Outlets, monitors and agencies named as an event's side are its sources.
  auto armed = [&](const Actor& a) { return !impl.unarmed.count(a.type); };
  // What the sentence's structure said outranks the sides an event was given: no fight between
  // two it links ("X fought alongside Y", "Eritrean troops entered Tigray to support the Ethiopian
  // army"), none besides the fights it states ("Russia, which backs Assad, bombed JNIM"), and none
  // for a backer it names only in passing ("Hezbollah, Iran's proxy, exchanged fire with Israel").
  using Pair = std::tuple<uint32_t, std::string, std::string>;  // (sentence, actor, actor), both ways
  std::set<Pair> fought, linked;
  std::set<std::pair<uint32_t, std::string>> backer;  // (sentence, actor) named as X's and linked to another there
  for (const auto& [type, from, to, sentence] : seen) {
    if (type == "opposes") continue;
    auto& pairs = type == "fights" ? fought : linked;
    pairs.emplace(sentence, from, to);
    pairs.emplace(sentence, to, from);
    // named only as X's and linked to another there: "Iran's proxy", "al-Qaeda's branch"
    if (type != "fights") {
      if (in_passing.count({sentence, from})) backer.emplace(sentence, from);
      if (in_passing.count({sentence, to})) backer.emplace(sentence, to);
    }
  }
  // a's partner in the sentence is who fights b there.
  auto partner_fights = [&](uint32_t sentence, const std::string& a, const std::string& b) {
    for (auto it = linked.lower_bound({sentence, a, ""}); it != linked.end() && std::get<0>(*it) == sentence && std::get<1>(*it) == a; ++it)
      if (fought.count({sentence, std::get<2>(*it), b})) return true;
    return false;
  };
  auto stated_otherwise = [&](uint32_t sentence, const std::string& a, const std::string& b) {
    return linked.count({sentence, a, b}) || backer.count({sentence, a}) || backer.count({sentence, b}) ||
           modifying.count({sentence, a}) || modifying.count({sentence, b}) ||
           partner_fights(sentence, a, b) || partner_fights(sentence, b, a);
  };
  // A side named as its country's forces where the sentence named the government ("UK support
  // for Iraq in the fight against ISIL": ACLED's side is the UK's forces, the mosaic's the UK):
  // the government the sentence named.
  auto as_named = [&](uint32_t sentence, const std::string& id) -> std::string {
    if (named.count({sentence, id})) return id;
    const auto a = actors.find(id);
    if (a == actors.end() || a->second->type != "state_forces" || a->second->country.empty()) return "";
    for (auto it = named.lower_bound({sentence, ""}); it != named.end() && it->first == sentence; ++it)
      if (const auto s = actors.find(it->second);
          s != actors.end() && s->second->type == "state" && s->second->country == a->second->country)
        return it->second;
    return "";
  };
  const EventLexicon::Impl& ev = events_.impl();
  for (const Event& e : doc.events) {
    const EventType* t = ev.find_type(e.sub_event_type);
    const bool fighting = t && t->fighting();
    for (const auto& a : e.actor1) {
      const auto from = actors.find(a);
      if (from == actors.end()) continue;
      if (const std::string x = fighting ? as_named(e.sentence, a) : ""; !x.empty() && armed(*actors.at(x)))
        for (const auto& b : e.actor2) {
          const std::string y = as_named(e.sentence, b);
          if (!y.empty() && armed(*actors.at(y)) && !stated_otherwise(e.sentence, x, y))
            add("fights", actors.at(x), actors.at(y), e.sentence);
        }
      if (t && t->for_government && from->second->type != "state" &&
          from->second->type != "state_forces" && !from->second->country.empty())
        for (const Actor& state : doc.actors)
          if (state.type == "state" && state.country == from->second->country)
            add("allied_with", from->second, &state, e.sentence);
    }
  }
}

}  // namespace mosaic
