// Structural relation frames. A trigger word is found, then the actors it
// relates are read from the sentence's shape around it rather than from its
// wording: the subject to the left past auxiliaries, adverbs, negation, verbs
// of intent and parentheses, or the antecedent of a relative pronoun; the
// agent after "by" in the passive; the object to the right; for a role noun,
// whose role it is (a possessive, a modifier, "of X") and who holds it (an
// apposition, a copula, the name that follows).
#include "extract/frames.h"

#include <fmt/format.h>

#include <algorithm>

#include "mosaic/problem.h"
#include "util/keys.h"
#include "util/tsv.h"

namespace mosaic {

std::vector<Unit> sentence_units(const std::vector<Word>& w, const std::vector<MentionRef>& mentions,
                                 const PhraseSet& modifiers) {
  struct Listed {
    Unit unit;
    std::vector<Unit> singles;  // its mentions one by one, should it prove no list
    bool conjunction = false;   // "and"/"or" somewhere between them
  };
  std::vector<Listed> out;
  auto modifier = [&](const MentionRef& m) {
    const Word& last = w[m.last - 1];
    if (last.parts.size() < 2) return false;
    const uint32_t suffix = last.parts.back().id;
    return suffix != kNoKey && modifiers.at(std::vector<uint32_t>{suffix}, 0) > 0;
  };
  for (const MentionRef& m : mentions) {
    if (!out.empty() && m.first < out.back().unit.last) continue;  // overlapping: the first one stands
    if (modifier(m)) continue;
    const Unit single{m.first, m.last, {m.actor}, w[m.last - 1].possessive, false};
    if (!out.empty() && !out.back().unit.possessive) {
      Unit& u = out.back().unit;
      // "the Government of Iraq": two mentions of one actor make one phrase.
      if (u.actors.back() == m.actor && m.first == u.last + 1 && w[u.last].is("of")) {
        u.last = m.last;
        u.possessive = single.possessive;
        out.back().singles.back().last = m.last;
        out.back().singles.back().possessive = single.possessive;
        continue;
      }
      // Mentions side by side ("Lebanese Iranian and Iraqi Shiite militias") are a list that
      // lost its commas, as FA-KES's copy did; like commas, they make one only with a conjunction.
      bool joined = m.first >= u.last, conj = false, article = false;
      for (uint32_t k = u.last; k < m.first && joined; ++k) {
        const Word& x = w[k];
        // "JNIM and/or ISGS militants": either group, as ACLED codes an uncertain attribution.
        const bool either = x.is("/") && k > u.last && w[k - 1].is("and");
        // "IS but also the YPG", "IS as well as the YPG": a list, as "and" makes one.
        const auto word_at = [&](uint32_t at, std::string_view key) { return at >= u.last && at < m.first && w[at].is(key); };
        const bool also = (x.is("but") && word_at(k + 1, "also")) || (x.is("also") && k > 0 && word_at(k - 1, "but")) ||
                          (x.is("as") && word_at(k + 1, "well") && word_at(k + 2, "as")) ||
                          (x.is("well") && k > 0 && word_at(k - 1, "as") && word_at(k + 1, "as")) ||
                          (x.is("as") && k > 1 && word_at(k - 1, "well") && word_at(k - 2, "as"));
        conj |= x.is("and") || x.is("or") || also;
        // "the UK, the wider Global Coalition and ...": an article may bring an adjective
        const bool adjective = article && x.kind == TokenKind::Word && x.letter_case == Case::Any && k + 1 == m.first;
        // "the RSF and allied Arab militias", "Hezbollah and other militias"
        const bool kindred = k + 1 == m.first && k > u.last && w[k - 1].is("and") && x.kind == TokenKind::Word &&
                             (x.is("other") || (x.parts.size() == 1 && x.parts[0].id != kNoKey &&
                                                modifiers.at(std::vector<uint32_t>{x.parts[0].id}, 0) > 0));
        article = x.is("the");
        joined = x.is(",") || x.is("and") || x.is("or") || either || also || x.is("the") || x.is("both") || adjective || kindred;
      }
      if (joined) {
        u.actors.push_back(m.actor);
        u.last = m.last;
        u.possessive = single.possessive;
        out.back().singles.push_back(single);
        out.back().conjunction |= conj;
        continue;
      }
    }
    out.push_back({single, {single}, false});
  }
  // Commas make a list only with a conjunction: "Ansar Dine, Al Qaeda's affiliate" is two phrases.
  std::vector<Unit> units;
  for (Listed& l : out) {
    if (l.conjunction || l.singles.size() == 1) units.push_back(std::move(l.unit));
    else units.insert(units.end(), l.singles.begin(), l.singles.end());
  }
  return units;
}

class FrameReader {
 public:
  static void load(RelationFrames& f, const std::string& data_dir) {
    const std::string path = data_dir + "/relations/triggers.tsv";
    WordClasses classes;
    read_rules(path, 4, classes, [&](const std::vector<std::string>& c, std::size_t line) {
      RelationFrames::Trigger t;
      if (c[1] == "verb") t.form = RelationFrames::Form::Verb;
      else if (c[1] == "event") t.form = RelationFrames::Form::Event;
      else if (c[1] == "noun") t.form = RelationFrames::Form::Noun;
      else if (c[1] == "compound") t.form = RelationFrames::Form::Compound;
      else throw Error(fmt::format("{}:{}: form '{}' is not verb, event, noun or compound", path, line, c[1]));
      static constexpr std::string_view kTypes[] = {"supports", "allied_with", "part_of", "fights", "opposes"};
      if (std::find(std::begin(kTypes), std::end(kTypes), c[2]) == std::end(kTypes))
        throw Error(fmt::format("{}:{}: unknown relation '{}'", path, line, c[2]));
      t.type = c[2];
      const std::string& d = c[3];
      if (d != "A>B" && d != "B>A" && d != "A~B")
        throw Error(fmt::format("{}:{}: direction '{}' is not A>B, B>A or A~B", path, line, d));
      t.a_is_source = d != "B>A";
      t.symmetric = d == "A~B";
      for (const auto& phrase : split_list(c[0])) {
        RelationFrames::Trigger one = t;
        one.keys = phrase_keys(phrase);
        if (one.keys.empty()) continue;
        if (one.form == RelationFrames::Form::Compound) {
          if (one.keys.size() != 1) throw Error(fmt::format("{}:{}: a compound's suffix is one word", path, line));
          f.compound_keys_.add(one.keys);
        }
        f.by_first_[one.keys.front()].push_back(uint32_t(f.triggers_.size()));
        f.triggers_.push_back(std::move(one));
      }
    });
    for (auto& [key, list] : f.by_first_)
      std::stable_sort(list.begin(), list.end(),
                       [&](uint32_t a, uint32_t b) { return f.triggers_[a].keys.size() > f.triggers_[b].keys.size(); });
    const std::pair<PhraseSet*, const char*> sets[] = {
        {&f.auxiliary_, "@auxiliary"}, {&f.adverb_, "@adverb"},         {&f.negation_, "@negation"},
        {&f.intent_, "@intent"},       {&f.infinitive_, "@infinitive"}, {&f.light_, "@light"},
        {&f.determiner_, "@determiner"}, {&f.relative_, "@relative"},   {&f.object_lead_, "@object_lead"},
        {&f.enumerate_, "@enumerate"}, {&f.copula_, "@copula"},         {&f.role_lead_, "@role_lead"},
        {&f.close_, "@close"},         {&f.preposition_, "@preposition"}, {&f.member_noun_, "@member_noun"},
        {&f.by_, "@by"},               {&f.head_, "@head"},             {&f.accuse_, "@accuse"},
        {&f.accused_, "@accused"},     {&f.appeal_, "@appeal"},         {&f.act_, "@act"},
        {&f.effort_, "@effort"},       {&f.clause_, "@clause"},         {&f.accompany_, "@accompany"},
        {&f.goods_, "@goods"},
        {&f.designate_, "@designate"}, {&f.designation_, "@designation"},
        {&f.former_, "@former"},       {&f.adverbial_, "@adverbial"},   {&f.take_, "@take"},
        {&f.quantity_, "@quantity"},   {&f.whither_, "@whither"}};
    for (const auto& [set, name] : sets) set->add_class(classes, name, path);
  }
};

RelationFrames RelationFrames::load(const std::string& data_dir) {
  RelationFrames f;
  FrameReader::load(f, data_dir);
  return f;
}

namespace {

constexpr uint32_t kNone = 0xffffffffu;

// A capitalised word shaped like a people's adjective ("Syrian", "Sudanese", "Iraqi", "Turkish").
bool demonym(const Word& w) {
  const std::string_view t = w.text;
  return t.size() > 4 && (t.ends_with("an") || t.ends_with("ese") || t.ends_with("i") || t.ends_with("ish"));
}

bool ly_adverb(const Word& w) {
  return w.kind == TokenKind::Word && w.letter_case == Case::Any && w.parts.size() == 1 && w.text.size() > 4 &&
         w.text.ends_with("ly");
}

}  // namespace

void RelationFrames::find(const std::vector<Word>& w, const std::vector<uint32_t>& keys,
                          const std::vector<MentionRef>& mentions, const std::vector<Unit>& units,
                          const Found& found) const {
  const uint32_t n = uint32_t(w.size());
  std::vector<int> starts(n + 1, -1), ends(n + 1, -1);
  std::vector<uint8_t> inside(n + 1, 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (starts[units[i].first] < 0) starts[units[i].first] = int(i);
    ends[units[i].last] = int(i);
    for (uint32_t t = units[i].first; t < units[i].last; ++t) inside[t] = 1;
  }
  // Triggers, longest at each token, outside actor phrases.
  struct TriggerAt {
    uint32_t first, end;
    const Trigger* trigger;
    int owner;  // a role noun the actor's mention took in ("Hezbollah leader"): that unit, else -1
  };
  std::vector<TriggerAt> hits;
  std::vector<uint32_t> trigger_ending(n + 1, kNone);  // end -> start
  std::vector<const Trigger*> trigger_ended(n + 1, nullptr);  // end -> the trigger
  for (uint32_t t = 0; t < n; ++t) {
    if (keys[t] == kNoKey) continue;
    const int owner = inside[t] && ends[t + 1] >= 0 && units[ends[t + 1]].first < t ? ends[t + 1] : -1;
    if (inside[t] && owner < 0) continue;
    const auto it = by_first_.find(keys[t]);
    if (it == by_first_.end()) continue;
    for (uint32_t i : it->second) {
      const Trigger& tr = triggers_[i];
      if (tr.form == Form::Compound || (owner >= 0 && tr.form != Form::Noun)) continue;
      if (t + tr.keys.size() > n || !std::equal(tr.keys.begin(), tr.keys.end(), keys.begin() + t)) continue;
      hits.push_back({t, uint32_t(t + tr.keys.size()), &tr, owner});
      trigger_ending[t + tr.keys.size()] = t;
      trigger_ended[t + tr.keys.size()] = &tr;
      t += uint32_t(tr.keys.size()) - 1;
      break;
    }
  }

  auto ending = [&](const PhraseSet& set, uint32_t end) { return set.ending(keys, end); };
  // A word like "Iran-backed" or "Turkish-backed": it describes the phrase after it.
  auto compound_word = [&](uint32_t k) {
    if (k >= n || w[k].parts.size() < 2 || w[k].parts.back().id == kNoKey) return false;
    return compound_keys_.at(std::vector<uint32_t>{w[k].parts.back().id}, 0) > 0;
  };
  auto governed = [&](const Unit& u) {
    if (u.possessive || u.first == 0) return false;
    uint32_t p = u.first;
    // "backed by the UAE, Egypt and Russia": mentions leave the article out.
    if (p > 1 && (w[p - 1].is("the") || w[p - 1].is("a") || w[p - 1].is("an"))) --p;
    if (w[p - 1].is("of") || w[p - 1].is("from"))  // "fighters from Hezbollah", "members of the group"
      return !(p >= 2 && ending(member_noun_, p - 1));
    return ending(preposition_, p) > 0;
  };
  // The unit a relative pronoun ending at r refers to: the phrase before it,
  // or before an apposition ("Iran, the Shiite theocracy that is ...").
  auto antecedent = [&](uint32_t r) -> const Unit* {
    uint32_t j = r;
    if (j > 0 && w[j - 1].is(",")) --j;
    if (ends[j] >= 0) return &units[ends[j]];
    for (uint32_t k = j; k > 0 && k + 7 > j; --k) {
      if (w[k - 1].is(",")) {
        if (k < n && (ending(determiner_, k + 1) || ending(role_lead_, k + 1)) && ends[k - 1] >= 0) return &units[ends[k - 1]];
        return nullptr;
      }
    }
    return nullptr;
  };
  // The opening comma of a parenthesis closed by the comma at c (", backed by
  // Turkey,", ", a Kurdish militia,", ", which Russia backs,"), or kNone.
  auto parenthesis = [&](uint32_t c) -> uint32_t {
    for (uint32_t k = c; k > 0 && k + 16 > c; --k) {
      const uint32_t o = k - 1;
      if (w[o].is(";") || w[o].is(":")) return kNone;
      if (!w[o].is(",") || inside[o]) continue;  // the commas of a list ("backed by the UAE, Egypt and Russia,")
      const uint32_t first = o + 1;
      if (first >= c) return kNone;
      const Word& x = w[first];
      const bool participle = x.kind == TokenKind::Word && x.letter_case == Case::Any &&
                              (x.text.ends_with("ed") || x.text.ends_with("ing"));
      if (participle || relative_.at(keys, first) || determiner_.at(keys, first) || role_lead_.at(keys, first) ||
          enumerate_.at(keys, first) || accompany_.at(keys, first) || (starts[first] >= 0 && units[starts[first]].possessive))
        return o;
      return kNone;
    }
    return kNone;
  };
  // The first actor phrase of the clause before t: the subject a participle
  // after a comma shares ("Russian jets bombed the town, killing ...").
  auto clause_subject = [&](uint32_t t) -> const Unit* {
    const Unit* first = nullptr;
    for (const Unit& u : units) {
      if (u.first >= t) break;
      if (w[u.first].is(";") || governed(u)) continue;
      if (!first) first = &u;
    }
    for (uint32_t k = t; k-- > 0;)
      if (w[k].is(";") || w[k].is(":") || w[k].is("but")) return first && first->first > k ? first : nullptr;
    return first;
  };
  // A list of alternatives ("JNIM or ISGS", "JNIM and/or ISGS"): one of them acted.
  auto alternatives = [&](const Unit& u) {
    for (uint32_t k = u.first; k < u.last; ++k)
      if (w[k].is("or") || w[k].is("/")) return true;
    return false;
  };
  // Whether a verb asking another to act stands in [from, to): "the UN urged Rwanda to ...".
  auto asks = [&](uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k)
      if (appeal_.at(keys, k)) return true;
    return false;
  };
  // Whether [from, to) is a short predicate of the clause's subject, with no other actor, clause,
  // participle or appeal in it ("entered Tigray", "have been waging an air campaign"): its purpose
  // or the cause it serves is the subject's. Not "rebels fighting to topple", "urged X to".
  auto plain_predicate = [&](uint32_t from, uint32_t to, bool event) {
    if (to <= from || to - from > 6) return false;
    for (uint32_t k = from; k < to; ++k) {
      const Word& x = w[k];
      if (x.kind != TokenKind::Word || inside[k] || relative_.at(keys, k) || appeal_.at(keys, k) || clause_.at(keys, k) ||
          (!event && x.letter_case == Case::Any && x.text.ends_with("ing")))
        return false;
    }
    return true;
  };
  // Whether [from, to) is one predicate, its objects' actors included, with no clause, list or
  // appeal in it: "stands with the people of Ukraine" (and will continue to ...).
  auto conjunct = [&](uint32_t from, uint32_t to) {
    if (to <= from + 1 || to - from > 12) return false;
    for (uint32_t k = from; k < to; ++k)
      if ((w[k].kind == TokenKind::Punct && !inside[k]) || relative_.at(keys, k) || appeal_.at(keys, k) || clause_.at(keys, k) ||
          w[k].is("and") || w[k].is("or"))
        return false;
    return true;
  };
  // Whether the phrase opens its sentence, after at most an article and an adjective ("The UK",
  // "Australia"): the subject a later predicate may share.
  auto opens = [&](const Unit& u) {
    for (uint32_t k = 0; k < u.first; ++k)
      if (k >= 2 || !(determiner_.at(keys, k) || (w[k].kind == TokenKind::Word && w[k].letter_case != Case::Any))) return false;
    return true;
  };
  // Where those an infinitive's subject sent went, a phrase ending at j ("troops to Somalia", "soldiers
  // in eastern Congo", "to the region"): the end of the phrase that stands before it, where one
  // does, else kNone. (A place is named, or has an article: "pressure on Obama to do more to
  // support rebels" sent no one anywhere.)
  auto place_at = [&](uint32_t k) {
    return k < n && (inside[k] || w[k].letter_case != Case::Any || determiner_.at(keys, k) > 0);
  };
  auto past_whither = [&](uint32_t j) -> uint32_t {
    for (uint32_t k = j, words = 0; k > 1 && words < 5; --k, ++words) {
      if (const uint32_t len = ending(whither_, k); len && k < j)
        return k > len && ends[k - len] >= 0 && (place_at(k) || (k + 1 < j && place_at(k + 1))) ? k - len : kNone;
      if (w[k - 1].kind != TokenKind::Word) return kNone;
    }
    return kNone;
  };
  // The actor phrase acting at t, looking left.
  // `shared` is set to the clause's subject when the actor found is the
  // object before a purpose ("the UK stands by Iraq to defeat Daesh",
  // "allied with Iraqi militias to thwart the Islamic State"): both act.
  auto subject = [&](uint32_t t, bool event, bool& negated, const Unit** shared) -> const Unit* {
    uint32_t j = t;
    bool in = false;  // "support for Iraq in the fight against ISIL": Iraq fights
    bool purpose = false;  // the last word passed was "to"
    for (int steps = 0; j > 0 && steps < 16; ++steps) {
      if (purpose)
        if (const uint32_t p = past_whither(j); p != kNone) {
          j = p;
          continue;
        }
      if (ends[j] >= 0) {
        const Unit& u = units[ends[j]];
        // "urged Turkey to fight the Islamic State": asked to, not done.
        if (purpose) {
          uint32_t v = u.first;
          while (const uint32_t d = determiner_.ending(keys, v)) v -= d;
          if (ending(appeal_, v)) return nullptr;
        }
        if (purpose && shared) {
          const Unit* main = clause_subject(u.first);
          if (main && main != &u && !asks(main->last, u.first)) *shared = main;
          return &u;
        }
        // "hit by the US-led coalition fighting Daesh": an agent right before the verb is its subject.
        const bool agent = j == t && u.first > 1 &&
                           (w[u.first - 1].is("by") || (w[u.first - 2].is("by") && w[u.first - 1].is("the")));
        return governed(u) && !in && !agent ? nullptr : &u;
      }
      purpose = false;
      uint32_t len = 0;
      if ((len = ending(negation_, j))) {
        negated = true;
        j -= len;
        continue;
      }
      // "the People's Protection Units (YPG) killed": an acronym in brackets after a name.
      if (w[j - 1].is(")")) {
        uint32_t o = j - 1;
        while (o > 0 && o + 6 > j && !w[o - 1].is("(")) --o;
        if (o > 1 && w[o - 1].is("(") && ends[o - 1] >= 0) {
          j = o - 1;
          continue;
        }
        return nullptr;
      }
      // A parenthesis closed here is passed over, the phrases inside it with it ("Russia, which backs
      // Assad, bombed": Russia bombed).
      if (w[j - 1].is(",")) {
        if (const uint32_t o = parenthesis(j - 1); o != kNone) {
          j = o;
          continue;
        }
      }
      // "X, Y and Z — all joining the government's battle": the phrase just before a comma or dash.
      if ((w[j - 1].is(",") || w[j - 1].is_dash()) && ends[j - 1] >= 0 && !governed(units[ends[j - 1]]))
        return &units[ends[j - 1]];
      if (w[j - 1].is(",")) return nullptr;
      // "Hezbollah fighters fought alongside", "US aircraft struck": the group's members act for it.
      if (const uint32_t member = ending(member_noun_, j); member && j > member && ends[j - member] >= 0) {
        j -= member;
        continue;
      }
      // "The Malian army and its Russian partners are fighting JNIM": X acts with its allies.
      if (const Trigger* role = trigger_ended[j]; role && role->form == Form::Noun && role->type != "fights" &&
                                                  role->type != "part_of" && trigger_ending[j] != kNone) {
        uint32_t k = trigger_ending[j];
        while (const uint32_t c = ending(close_, k)) k -= c;
        if (k > 0 && w[k - 1].kind == TokenKind::Word && w[k - 1].letter_case == Case::Capital && !inside[k - 1]) --k;
        if (ends[k] >= 0 && units[ends[k]].anaphor && units[ends[k]].possessive) {
          const uint32_t p = units[ends[k]].first;
          if (p >= 2 && w[p - 1].is("and") && ends[p - 1] >= 0) return &units[ends[p - 1]];
        }
      }
      // "The M23, whose fighters are trained by Rwanda,": whose members, the antecedent's.
      if (const uint32_t member = ending(member_noun_, j); member && j > member && w[j - member - 1].is("whose"))
        return antecedent(j - member - 1);
      if ((len = ending(relative_, j))) return antecedent(j - len);
      // "the M23, which Kinshasa and Western governments say is backed by Rwanda": a relative
      // clause's verb behind who says so.
      if (const uint32_t said = ending(clause_, j); said && j > said && !w[j - said].is("that")) {
        uint32_t k = j - said;
        while (k > 0 && (inside[k - 1] || w[k - 1].kind == TokenKind::Word) && !relative_.ending(keys, k) && k + 8 > j - said) --k;
        if (const uint32_t r = relative_.ending(keys, k); r && k < j - said && ends[j - said] >= 0) return antecedent(k - r);
      }
      // "Kinshasa accuses Rwanda of backing the M23": the accused acts.
      if (j >= 3 && (w[j - 1].is("of") || w[j - 1].is("for")) && ends[j - 1] >= 0) {
        const Unit& u = units[ends[j - 1]];
        uint32_t v = u.first;
        if (v > 0 && determiner_.ending(keys, v)) v -= determiner_.ending(keys, v);
        if (ending(accuse_, v) && !u.anaphor) return &u;
      }
      // "has been accused of arming", ", accused of arming": a passive; not "they accused of
      // cooperating" (whom they accused).
      if ((len = ending(accused_, j))) {
        uint32_t k = j - len;
        while (const uint32_t a = ending(adverb_, k)) k -= a;
        if (!(ending(auxiliary_, k) || (k > 0 && w[k - 1].is(",")))) return nullptr;
        j -= len;
        continue;
      }
      if ((len = ending(auxiliary_, j)) || (len = ending(adverb_, j)) || (len = ending(intent_, j)) ||
          (len = ending(infinitive_, j)) ||
          (event && ((len = ending(light_, j)) || (len = ending(determiner_, j)) || w[j - 1].is("in")))) {
        in |= !len;
        purpose = len && ending(infinitive_, j) == len;
        j -= len ? len : 1;
        continue;
      }
      if (w[j - 1].kind == TokenKind::Number || ly_adverb(w[j - 1])) {
        --j;
        continue;
      }
      // "to degrade and defeat": a verb joined to the trigger
      if ((w[j - 1].is("and") || w[j - 1].is("or")) && trigger_ending[j - 1] != kNone) {
        j = trigger_ending[j - 1];
        continue;
      }
      // "The UK stands with Ukraine and will continue to support ...": a predicate joined to the
      // clause's first shares its subject.
      if (!event && w[j - 1].is("and")) {
        const Unit* main = clause_subject(j - 1);
        if (main && opens(*main) && conjunct(main->last, j - 1)) return main;
      }
      return nullptr;
    }
    return nullptr;
  };
  // The phrase ending at t, past a bracketed acronym: "the People's Protection Units (YPG)".
  auto before_comma = [&](uint32_t t) -> const Unit* {
    if (ends[t] >= 0) return &units[ends[t]];
    if (t > 0 && w[t - 1].is(")"))
      for (uint32_t o = t - 1; o > 0 && o + 6 > t; --o)
        if (w[o - 1].is("(")) return ends[o - 1] >= 0 ? &units[ends[o - 1]] : nullptr;
    return nullptr;
  };
  // The phrase a noun phrase ending at t stands in apposition to: "X, a Shiite militia" -> X.
  auto apposed = [&](uint32_t t) -> const Unit* {
    for (uint32_t k = t, words = 0; k > 1 && words < 4; --k, ++words) {
      if (const uint32_t len = ending(determiner_, k); len && k > len && w[k - len - 1].is(",") && ends[k - len - 1] >= 0)
        return &units[ends[k - len - 1]];
      const Word& x = w[k - 1];
      if (x.kind != TokenKind::Word || inside[k - 1] || (x.letter_case != Case::Any && x.parts.size() < 2))
        return nullptr;
    }
    return nullptr;
  };
  auto object = [&](uint32_t e) -> const Unit* {
    // "fights alongside the Assad regime": who is named after it acts with the subject, not on it.
    if (e < n && accompany_.at(keys, e)) return nullptr;
    for (uint32_t k = e, steps = 0; k < n && steps < 8; ++steps) {
      if (starts[k] >= 0) return &units[starts[k]];
      if (compound_word(k) && starts[k + 1] >= 0) return &units[starts[k + 1]];  // "backs the Iran-aligned Houthis"
      // "condemned the attack by JNIM", "supported the re-taking by Iraqi forces", "shelled the
      // positions held by the RSF": who did the act or holds the thing is what is acted on.
      uint32_t act = act_.at(keys, k);
      if (!act && k > e && determiner_.ending(keys, k))
        for (uint32_t m = k; m < k + 2 && m + 1 < n && w[m].kind == TokenKind::Word && w[m].letter_case == Case::Any &&
                             !inside[m] && !preposition_.at(keys, m) && !relative_.at(keys, m);
             ++m)
          if (w[m + 1].is("by")) act = m + 1 - k;
      if (act && k + act < n && w[k + act].is("by")) {
        k += act + 1;
        while (const uint32_t d = determiner_.at(keys, k)) k += d;
        return k < n && starts[k] >= 0 ? &units[starts[k]] : nullptr;
      }
      uint32_t len = 0;
      if ((len = determiner_.at(keys, k)) || (len = adverb_.at(keys, k)) || (len = object_lead_.at(keys, k))) {
        k += len;
        continue;
      }
      // "sheltering members of al-Qaeda", "supports the efforts of the African Union": whose they are.
      // (Not a count: "killed thousands of Masalit" are its victims, not a side.)
      if ((((len = member_noun_.at(keys, k)) && !quantity_.at(keys, k)) || (len = effort_.at(keys, k))) && k + len < n &&
          w[k + len].is("of")) {
        k += len + 1;
        continue;
      }
      if (w[k].kind == TokenKind::Number || ly_adverb(w[k])) {
        ++k;
        continue;
      }
      // "support for the Federal Government of Somalia": a capitalised word the name left out.
      if (w[k].kind == TokenKind::Word && w[k].letter_case == Case::Capital && !inside[k] && starts[k + 1] >= 0 &&
          (k > e || demonym(w[k])))
        return &units[starts[k + 1]];
      return nullptr;
    }
    return nullptr;
  };
  // "... clashed and threw bricks at each other": the clause says they did it to one another.
  auto each_other = [&](uint32_t t) {
    for (uint32_t k = t; k + 1 < n && k < t + 10 && !w[k].is(";") && !w[k].is(","); ++k)
      if ((w[k].is("each") && w[k + 1].is("other")) || (w[k].is("one") && w[k + 1].is("another"))) return true;
    return false;
  };
  auto emit = [&](const Trigger& tr, const std::vector<const Actor*>& a, const std::vector<const Actor*>& b,
                  const std::string& type) {
    // Two sides that share an actor are one side misread: "the terrorist groups which are
    // affiliated to Al-Nusra Front and Ahrar al-Sham", after a sentence naming the two, read
    // "the groups" as those two, and made each a part of the other (FA-KES dev).
    for (const Actor* x : a)
      if (std::find(b.begin(), b.end(), x) != b.end()) return;
    for (const Actor* x : a)
      for (const Actor* y : b) tr.a_is_source ? found(type, x, y) : found(type, y, x);
  };

  for (const TriggerAt& h : hits) {
    const Trigger& tr = *h.trigger;
    if (tr.form == Form::Verb || tr.form == Form::Event) {
      const bool event = tr.form == Form::Event;
      // Past coordinated triggers ("trained and financed by Iran") to a passive's "by".
      uint32_t after = h.end;
      for (;;) {
        uint32_t len = 0;
        if (after < n && ((len = adverb_.at(keys, after)) || ly_adverb(w[after]))) {
          after += len ? len : 1;
        } else if (after + 1 < n && (w[after].is("and") || w[after].is("or"))) {
          const auto next = std::find_if(hits.begin(), hits.end(), [&](const TriggerAt& x) { return x.first == after + 1; });
          if (next == hits.end()) break;
          after = next->end;
        } else {
          break;
        }
      }
      bool negated = false;
      const Unit* subj = nullptr;
      const Unit* shared = nullptr;
      const Unit* obj = nullptr;
      // "was defeated in Baghouz by the SDF": a short phrase of place or time before the agent.
      if (!event && after < n && !w[after].is("by") && !w[after].is("from") && preposition_.at(keys, after) &&
          w[h.end - 1].text.ends_with("ed"))
        for (uint32_t k = after + 1; k < n && k < after + 6; ++k) {
          if (w[k].is("by")) {
            after = k;
            break;
          }
          if (w[k].kind == TokenKind::Punct || inside[k] || relative_.at(keys, k)) break;
        }
      const uint32_t by = after < n && !event ? by_.at(keys, after) : 0;
      if (by && !tr.keys.empty() && !w[h.end - 1].text.ends_with("ing")) {
        // Passive: "X is backed by Y", "X, backed by Y,", "militiamen trained and financed by Iran".
        subj = object(after + by);
        // "made up of militiamen trained by Iran": a participle right after a phrase describes it, whatever governs it.
        obj = ends[h.first] >= 0 ? &units[ends[h.first]] : subject(h.first, false, negated, nullptr);
        if (!obj) obj = apposed(h.first);  // "Kataib Hezbollah, a militia backed by Iran,"
      } else {
        subj = subject(h.first, event, negated, &shared);
        if (!subj && h.first > 0 && w[h.first - 1].is(",") && w[h.end - 1].text.ends_with("ing"))
          subj = clause_subject(h.first);
        if (!subj && !event) subj = apposed(h.first);  // "Al-Shabaab, a jihadist group linked to al-Qaeda,"
        // "carried out air strikes in support of the Somali government", "Eritrean troops entered
        // Tigray to support the army": the clause's subject, unless it asks another to act.
        // A purpose is an infinitive ("to support"), not "to" before a gerund ("commitment to combating").
        const bool infinitive = !event && ending(infinitive_, h.first) && !w[h.first].text.ends_with("ing");
        if (!subj && h.first > 0 && ((event && w[h.first - 1].is("in")) || infinitive)) {
          const Unit* main = clause_subject(h.first);
          if (main && main->last < h.first && plain_predicate(main->last, h.first - (event ? 1 : ending(infinitive_, h.first)), event))
            subj = main;
        }
        obj = object(h.end);
        // "retook the town from al-Shabaab", "the liberation of Tikrit from Daesh": whom it is taken from.
        if (!obj && tr.type == "fights" && take_.at(keys, h.first))
          for (uint32_t k = h.end; k < n && k < h.end + 6; ++k) {
            if (w[k].is("from")) {
              obj = object(k + 1);
              break;
            }
            if (w[k].kind != TokenKind::Word || inside[k]) break;
          }
        // "received missiles from Hezbollah": who it receives from, when what it receives is
        // support (@goods); never what follows the verb ("receiving UN aid").
        if (!tr.a_is_source && tr.type == "supports" && !preposition_.at(keys, h.end - 1)) {
          obj = nullptr;
          bool goods = false;
          for (uint32_t k = h.end; k < n && k < h.end + 6; ++k) {
            if (w[k].is("from")) {
              if (goods) obj = object(k + 1);
              break;
            }
            if (w[k].kind != TokenKind::Word || inside[k] || (w[k].letter_case != Case::Any && !determiner_.at(keys, k))) break;
            goods |= goods_.at(keys, k) > 0;
          }
        }
        // "support for X from Y", "strikes on X by Y"
        if (!subj && obj && obj->last < n) {
          if (const uint32_t b = by_.at(keys, obj->last)) subj = object(obj->last + b);
        }
        // "The forces fighting the regime in Aleppo have been almost exclusively
        // FSA": a participle's subject named after a copula.
        if (!subj && obj && !event && w[h.end - 1].text.ends_with("ing") && h.first > 0 &&
            w[h.first - 1].kind == TokenKind::Word && !inside[h.first - 1])
          for (uint32_t k = obj->last; k < n && k < obj->last + 8; ++k) {
            if (w[k].is(",") || w[k].is(";") || relative_.at(keys, k) || starts[k] >= 0) break;
            if (const uint32_t c = copula_.at(keys, k)) {
              subj = object(k + c);
              break;
            }
          }
      }
      if (negated || !subj) continue;
      // A verb of designation states hostility only as a terrorist: "designated Hezbollah a terrorist
      // group", "is designated as a terrorist organisation by".
      if (tr.keys.size() == 1 && designate_.at(keys, h.first)) {
        const uint32_t from = obj && obj->first > h.end ? obj->last : h.end;
        bool terror = false;
        for (uint32_t k = from; k < n && k < from + 6 && !terror; ++k) terror = designation_.at(keys, k) > 0;
        if (!terror) continue;
      }
      // "lead their archenemy": a possessive pronoun's owner is not what is acted on.
      if (obj && obj->anaphor && obj->possessive) obj = nullptr;
      // "advances allowed them to besiege it": with both sides guessed, a guess that fails
      // turns allies into enemies (FA-KES dev: "it", the besieged city, was read as the Syrian
      // army, "them" as the Iranian and Iraqi militias backing it, and the militias fought it).
      if (obj && subj->anaphor && obj->anaphor) continue;
      // "A senior commander of the FSA defected to IS", "members of X joined Y": some of a group
      // joining or leading another is not the group belonging to it (their attacks are the group's).
      if (tr.type == "part_of") {
        uint32_t k = subj->first;
        if (k > 0 && (w[k - 1].is("the") || w[k - 1].is("a") || w[k - 1].is("an"))) --k;
        if (k >= 2 && (w[k - 1].is("of") || w[k - 1].is("from")) && ending(member_noun_, k - 1)) continue;
        // "25 Afghan soldiers joined the Taliban": a count of a force's men is not the force.
        if (k > 0 && w[k - 1].kind == TokenKind::Number) continue;
      }
      if (obj) {
        // Joining what is someone's ("joining the government's offensive") or
        // joining a state ("join Russia in fighting") is siding with it.
        const bool with_state = obj->actors.size() == 1 && obj->actors.front()->type == "state";
        const std::string type = tr.type == "part_of" && (obj->possessive || with_state) ? "allied_with" : tr.type;
        emit(tr, subj->actors, obj->actors, type);
        // "fought the Islamic State alongside the Iraqi army": who acts with the subject.
        if (!event && obj->last < n && w[obj->last].is("alongside") && obj->last + 1 < n)
          if (const Unit* with = object(obj->last + 1); with && with != subj && with != obj) {
            for (const Actor* x : subj->actors)
              for (const Actor* y : with->actors) found("allied_with", x, y);
            emit(tr, with->actors, obj->actors, type);
          }
        // "to support the Haitian police against armed gangs": who is supported fights the enemy named.
        if (tr.type == "supports" && obj->last < n && w[obj->last].is("against"))
          if (const Unit* enemy = object(obj->last); enemy && enemy != obj)
            for (const Actor* x : obj->actors)
              for (const Actor* y : enemy->actors)
                if (std::find(obj->actors.begin(), obj->actors.end(), y) == obj->actors.end()) found("fights", x, y);
        if (shared) emit(tr, shared->actors, obj->actors, type);
        // Who act together against a third stand together (not against "them": each other).
        // Nor alternatives: "JNIM or ISGS militants" is one of them.
        if ((tr.type == "fights" || tr.type == "opposes") && subj->actors.size() > 1 && !(obj->anaphor && obj->last == obj->first + 1) &&
            !alternatives(*subj))
          for (std::size_t i = 0; i < subj->actors.size(); ++i)
            for (std::size_t j = i + 1; j < subj->actors.size(); ++j) found("allied_with", subj->actors[i], subj->actors[j]);
      } else if (tr.type == "fights" && tr.keys.size() == 1 && !event && subj->actors.size() > 1 &&
                 (h.end >= n || w[h.end].kind != TokenKind::Word || preposition_.at(keys, h.end) || adverb_.at(keys, h.end) ||
                  ly_adverb(w[h.end]) || each_other(h.end))) {
        // "X and Y clashed": they did it to each other; not "X and Y attacked Tripoli".
        for (std::size_t i = 0; i < subj->actors.size(); ++i)
          for (std::size_t j = i + 1; j < subj->actors.size(); ++j) found(tr.type, subj->actors[i], subj->actors[j]);
      }
      continue;
    }
    if (tr.form != Form::Noun) continue;
    // Whose role: "X's closest ally", "Hezbollah leader", "an ally of X", "its allies".
    uint32_t left = h.first;
    while (const uint32_t len = ending(close_, left)) left -= len;
    // "a former ally of France": no longer.
    if (ending(former_, left) || ending(former_, h.first)) continue;
    // "sent troops to fight al-Shabaab as part of the AU mission": a phrase that says what effort
    // the clause's act belongs to; the clause's subject, not the noun before it, holds the role.
    const bool adverbial = ending(adverbial_, h.end) > 0;
    // "the external arm of", "Iran's little-known proxy": adjectives of any kind after an article or owner.
    {
      uint32_t l = left;
      auto adjective = [&](uint32_t k) {
        const Word& x = w[k];
        return x.kind == TokenKind::Word && (x.letter_case == Case::Any || demonym(x)) && !inside[k] && !x.is("and") && !x.is("or") &&
               !determiner_.at(keys, k) && !preposition_.at(keys, k) && !relative_.at(keys, k) && !copula_.at(keys, k) &&
               !auxiliary_.at(keys, k) && trigger_ending[k + 1] == kNone;
      };
      for (int a = 0; a < 2 && l > 0 && adjective(l - 1); ++a) {
        --l;
        while (const uint32_t len = ending(close_, l)) l -= len;
      }
      if (l < left && (ending(role_lead_, l) || ending(determiner_, l) || (ends[l] >= 0 && units[ends[l]].possessive))) left = l;
    }
    const Unit* owner = h.owner >= 0 ? &units[h.owner] : nullptr;
    uint32_t np = owner ? owner->first : left, after = h.end;
    if (!owner && ends[left] >= 0) {
      const Unit& u = units[ends[left]];
      const bool person = u.actors.size() == 1 && u.actors.front()->type == "person";
      if (u.possessive || (left == h.first && !person)) owner = &u, np = u.first;
    }
    if (!owner && after < n && w[after].is("of")) {
      uint32_t k = after + 1;
      while (const uint32_t len = determiner_.at(keys, k)) k += len;
      if (compound_word(k)) ++k;  // "part of the Turkish-backed Syrian National Army"
      if (k < n && starts[k] >= 0) owner = &units[starts[k]], after = owner->last;
    }
    if (!owner) {
      // "Russia and Belarus are close allies", "Iran and Israel, sworn enemies,": a symmetric role
      // that a list holds towards one another.
      if (!tr.symmetric || (h.end < n && w[h.end].is("of"))) continue;
      uint32_t l = h.first;
      while (const uint32_t len = ending(close_, l)) l -= len;
      for (int a = 0; a < 2 && l > 0 && w[l - 1].kind == TokenKind::Word && w[l - 1].letter_case == Case::Any && !inside[l - 1] &&
                      !copula_.ending(keys, l) && !determiner_.ending(keys, l) && !preposition_.ending(keys, l) &&
                      !negation_.ending(keys, l);
           ++a)
        --l;
      bool negated = false;
      const Unit* pair = nullptr;
      if (l > 0 && w[l - 1].is(",") && ends[l - 1] >= 0) pair = &units[ends[l - 1]];
      else if (const uint32_t len = ending(copula_, l)) pair = subject(l - len, false, negated, nullptr);
      if (pair && !negated && pair->actors.size() > 1 && !alternatives(*pair))
        for (std::size_t i = 0; i < pair->actors.size(); ++i)
          for (std::size_t j = i + 1; j < pair->actors.size(); ++j) found(tr.type, pair->actors[i], pair->actors[j]);
      continue;
    }
    // Who holds it: "Y, X's ally", "Y is X's ally", "Y, which is an ally of X", then "X's ally Y".
    uint32_t s = np;
    while (const uint32_t len = ending(role_lead_, s)) s -= len;
    const Unit* holder = nullptr;
    bool negated = false;
    if (adverbial) {
      holder = clause_subject(s);
    } else if (s > 0 && w[s - 1].is(",") && before_comma(s - 1)) {
      holder = before_comma(s - 1);
    } else if (const uint32_t len = ending(copula_, s)) {
      holder = subject(s - len, false, negated, nullptr);
    }
    if (!holder) {
      uint32_t k = after;
      // "its partner forces, the SDF": a noun the role qualifies
      const uint32_t head = starts[k] < 0 ? head_.at(keys, k) : 0;
      k += head;
      // "Iran's proxies in the region, including Hezbollah": a short phrase of place before the list.
      if (k < n && !w[k].is("of") && preposition_.at(keys, k))
        for (uint32_t c = k + 1; c < n && c < k + 5; ++c) {
          if (w[c].is(",")) {
            if (enumerate_.at(keys, c + 1)) k = c;
            break;
          }
          if (w[c].kind == TokenKind::Punct || starts[c] >= 0) break;
        }
      const bool comma = k < n && w[k].is(",");
      if (comma) ++k;
      const uint32_t listed = enumerate_.at(keys, k);
      k += listed;
      // "its backers, notably the UAE": mentions leave the article out.
      if (comma) while (const uint32_t len = determiner_.at(keys, k)) k += len;
      if ((!comma || listed || owner->last == after || owner->possessive) && k < n &&
          starts[k] >= 0)
        holder = &units[starts[k]];
    }
    if (!holder || negated || holder == owner) continue;
    // A list after the role holds it only as far as it is of one kind, persons or bodies: "Burkina
    // Faso President Blaise Compaore and the EU Commissioner" (the EU holds no presidency).
    if (holder->first >= h.end && holder->actors.size() > 1) {
      std::vector<const Actor*> alike;
      for (const Actor* a : holder->actors)
        if ((a->type == "person") == (holder->actors.front()->type == "person")) alike.push_back(a);
      emit(tr, alike, owner->actors, tr.type);
      continue;
    }
    emit(tr, holder->actors, owner->actors, tr.type);
  }
  // "The UK, together with France and Germany, condemned", "Mali alongside Wagner": who act together.
  for (const Unit& u : units) {
    uint32_t k = u.last;
    const bool comma = k < n && w[k].is(",");
    if (comma) ++k;
    const uint32_t len = k < n ? accompany_.at(keys, k) : 0;
    // Without a comma, "alongside" goes with the verb ("fought the Islamic State alongside the army").
    if (!len || (!comma && w[k].is("alongside"))) continue;
    k += len;
    while (const uint32_t d = determiner_.at(keys, k)) k += d;
    if (k < n && starts[k] >= 0 && !units[starts[k]].anaphor && !u.anaphor)
      for (const Actor* x : u.actors)
        for (const Actor* y : units[starts[k]].actors) found("allied_with", x, y);
  }
  // "Iran-backed militias": the first part of the word acts on what it describes.
  for (const MentionRef& m : mentions) {
    const Word& last = w[m.last - 1];
    if (last.parts.size() < 2 || last.parts.back().id == kNoKey) continue;
    const auto it = by_first_.find(last.parts.back().id);
    if (it == by_first_.end()) continue;
    for (uint32_t i : it->second) {
      const Trigger& tr = triggers_[i];
      if (tr.form != Form::Compound) continue;
      // "Egypt-backed units of the Sudanese army": what it describes may be a part of an actor.
      uint32_t k = m.last;
      if (k + 1 < n && member_noun_.at(keys, k) && w[k + member_noun_.at(keys, k)].is("of")) {
        k += member_noun_.at(keys, k) + 1;
        while (const uint32_t len = determiner_.at(keys, k)) k += len;
      }
      if (k < n && starts[k] >= 0) {
        // (only the first of a list: "al-Qaeda-linked Jabhat al-Nusra and other armed groups")
        emit(tr, {m.actor}, {units[starts[k]].actors.front()}, tr.type);
      } else {
        // "Kataib Hezbollah, an Iran-backed militia,", "the group is a Turkish-backed faction": the
        // noun it describes is the phrase in apposition or the copula's subject.
        uint32_t d = m.first;
        while (const uint32_t len = ending(determiner_, d)) d -= len;
        const Unit* described = nullptr;
        bool negated = false;
        if (d < m.first && d > 0 && w[d - 1].is(",") && ends[d - 1] >= 0) described = &units[ends[d - 1]];
        else if (const uint32_t len = d < m.first ? ending(copula_, d) : 0) described = subject(d - len, false, negated, nullptr);
        if (described && !negated) emit(tr, {m.actor}, described->actors, tr.type);
      }
      break;
    }
  }
}

}  // namespace mosaic
