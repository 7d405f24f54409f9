#include "extract/quantities.h"

#include <algorithm>
#include <charconv>

#include "extract/dates.h"
#include "util/text.h"

namespace mosaic {

namespace {

// Words between a number and what it counts, or before a number, that do not
// change what is counted.
bool hedge(const Word& w) {
  static constexpr std::string_view kWords[] = {"at", "least", "more", "than", "some", "about", "around", "nearly",
                                                "almost", "over", "up", "to", "as", "many", "an", "estimated",
                                                "approximately", "roughly", "least", "another", "additional", "other",
                                                "further", "the", "of"};
  return w.parts.size() == 1 && std::find(std::begin(kWords), std::end(kWords), w.parts[0].key) != std::end(kWords);
}

bool parse_number(std::string_view s, double& v) {
  std::string digits;
  for (char c : s)
    if (c != ',') digits += c;
  const char* end = digits.data() + digits.size();
  // (v untouched unless all of s is the number: "1/2" of "2-1/2 years" is no maximum of 1.)
  double x = 0;
  auto [p, ec] = std::from_chars(digits.data(), end, x);
  if (ec != std::errc() || p != end) return false;
  v = x;
  return true;
}

class Reader {
 public:
  Reader(const EventLexicon::Impl& lx, const std::vector<Word>& words)
      : lx_(lx), w_(words), numbers_(hits(lx.numbers)), counted_(hits(lx.counted)) {}

  // The number at token i: its value and one past its last token, and whether
  // it is a vague amount's reading; false if none.
  bool number(uint32_t i, double& value, uint32_t& end, bool* vague = nullptr) const {
    if (vague) *vague = false;
    if (i >= w_.size()) return false;
    if (w_[i].kind == TokenKind::Number) {
      if (w_[i].parts.size() == 1) {
        if (!parse_number(w_[i].text, value)) return false;
        end = i + 1;
      } else if (w_[i].parts.size() > 2) {  // "01-10-2014" is a date, no count
        return false;
      } else {  // "10-15": the lower bound here, the upper one read by range()
        if (!parse_number(w_[i].parts[0].text, value)) return false;
        end = i + 1;
      }
    } else if (const Hit* h = numbers_[i]) {
      value = lx_.number_values[h->payloads.front()];
      if (vague) *vague = lx_.number_vague[h->payloads.front()];
      end = h->last;
    } else {
      return false;
    }
    // "2.5 million", "hundreds of thousands"
    for (;;) {
      uint32_t j = end;
      if (j < w_.size() && w_[j].is("of")) ++j;
      const Hit* m = j < w_.size() ? numbers_[j] : nullptr;
      if (!m || lx_.number_values[m->payloads.front()] < 100) break;
      // "21 hundreds flee" is 21, then hundreds: a plural multiplies only a vague amount.
      if (lx_.number_vague[m->payloads.front()] && w_[i].kind == TokenKind::Number) break;
      value *= lx_.number_values[m->payloads.front()];
      if (vague && lx_.number_vague[m->payloads.front()]) *vague = true;
      end = m->last;
    }
    return true;
  }
  const Hit* counted(uint32_t i) const { return i < w_.size() ? counted_[i] : nullptr; }
  const Counted& def(const Hit* h) const { return lx_.counted_defs[h->payloads.front()]; }
  // Whether a deed cue of cues.tsv ends right before token i ("managed", "claimed"). The cues are
  // looked up only for a sentence that asks: one with a fate told by an infinitive.
  bool done_before(uint32_t i) const {
    if (done_before_.empty()) {
      done_before_.assign(w_.size() + 1, false);
      for (const Hit& h : lx_.cues.find(w_))
        for (uint32_t c : h.payloads)
          if (c & kDone) done_before_[h.last] = true;
    }
    return done_before_[i];
  }

 private:
  std::vector<const Hit*> hits(const PhraseIndex& index) {
    owned_.push_back(index.find(w_));
    std::vector<const Hit*> at(w_.size(), nullptr);
    for (const Hit& h : owned_.back())
      if (!h.payloads.empty()) at[h.first] = &h;
    return at;
  }
  const EventLexicon::Impl& lx_;
  const std::vector<Word>& w_;
  std::vector<std::vector<Hit>> owned_;
  std::vector<const Hit*> numbers_, counted_;
  mutable std::vector<bool> done_before_;  // filled by the first done_before()
};

}  // namespace

std::vector<Count> find_counts(const EventLexicon::Impl& lx, const std::vector<Word>& w, uint32_t sentence,
                               std::string_view text, const std::vector<int>& people) {
  std::vector<Count> out;
  std::vector<bool> told;  // whether each count's own words say what befell those counted
  Reader r(lx, w);
  const auto n = uint32_t(w.size());
  // Whether a fate word ending at `end` has an object counted after it ("killed at least two
  // people"): then those counted before it did it. Not a count telling its own fate: "one
  // soldier killed one wounded".
  auto acts_on = [&](uint32_t end) {
    uint32_t o = end;
    while (o < n && o < end + 3 && hedge(w[o])) ++o;
    double object = 0;
    uint32_t object_end = 0;
    if (o >= n || !r.number(o, object, object_end) || object_end <= o) return false;
    for (uint32_t x = object_end; x < n && x < object_end + 2 && !w[x].is("and") && !w[x].is(","); ++x)
      if (r.counted(x) && r.def(r.counted(x)).state) return false;
    return true;
  };
  // Whether a fate word ending at `end` has an object named by an article or a possessive right
  // after it ("about 100 people assaulted and killed a youth"): then those counted did it, whoever
  // they are. (Not "the": "20 people killed the day before".)
  auto acts_on_one = [&](uint32_t end) {
    return end + 1 < n && (w[end].is("a") || w[end].is("an") || w[end].is("his") || w[end].is("her") || w[end].is("their")) &&
           w[end + 1].kind == TokenKind::Word;
  };
  for (uint32_t i = 0; i < n; ++i) {
    double value = 0;
    uint32_t j = 0;
    bool vague = false;
    if (!r.number(i, value, j, &vague)) continue;
    double max = value;
    // Ranges: "1,000 to 2,500", "between 10 and 15", "10-15".
    if (w[i].kind == TokenKind::Number && w[i].parts.size() == 2) parse_number(w[i].parts[1].text, max);
    if (j + 1 < n && (w[j].is("to") || w[j].is("-") || w[j].is("and") || w[j].is("or"))) {
      double upper = 0;
      uint32_t k = 0;
      if (w[j + 1].kind == TokenKind::Number && r.number(j + 1, upper, k) && upper > value) max = upper, j = k;
    }
    // "a father of two", "a mother of four": a person's children, not a count of the dead.
    if (i >= 2 && w[i - 1].is("of") && r.counted(i - 2) && r.counted(i - 2)->last == i - 1 &&
        r.def(r.counted(i - 2)).what == "people" && !w[i - 2].parts.back().key.ends_with('s')) {
      i = j - 1;
      continue;
    }
    // "No one was killed", "not one soldier": nobody is counted.
    if (i > 0 && (w[i - 1].is("no") || w[i - 1].is("not"))) {
      i = j - 1;
      continue;
    }
    // The year of a date ("August 12 2016 Terrorists executed ...", "23 October 2016") is no
    // count, whatever noun follows it.
    if (value >= 1900 && value <= 2100 && value == double(int(value)) && w[i].kind == TokenKind::Number &&
        w[i].text.find(',') == std::string_view::npos && i > 0) {
      const auto month = [&](uint32_t t) { return w[t].letter_case == Case::Capital && calendar_word(w[t].parts[0].key); };
      if (month(i - 1) || (i > 1 && w[i - 1].kind == TokenKind::Number && month(i - 2))) {
        i = j - 1;
        continue;
      }
    }
    // A number right before a capitalised "At least", "More than" ("Share 312 At least six people
    // were killed": a page's counter run into the sentence its full stop was lost from) ends its
    // own sentence: it counts nothing of the next.
    if (j < n && i > 0 && hedge(w[j]) && w[j].letter_case == Case::Capital) {
      i = j - 1;
      continue;
    }
    // What is counted: a counted noun within a few words, or people named by a mention.
    uint32_t k = j;
    while (k < n && k < j + 4 && !r.counted(k) && !(people[k] >= 0) && w[k].kind == TokenKind::Word &&
           (hedge(w[k]) || w[k].letter_case == Case::Any))
      ++k;
    Count c;
    std::string noun;
    uint32_t last = j;
    // "three suicide bombers killed at least two people": nouns no list knows, then a fate word
    // with an object: the doers, no count of the dead.
    const auto joined = [&] {  // ("killing at least 10 and injuring 1": two fates)
      for (uint32_t x = j; x < k; ++x)
        if (w[x].is("and") || w[x].is("or") || w[x].is("then") || w[x].is("but")) return true;
      return false;
    };
    if (const Hit* h = r.counted(k);
        h && r.def(h).state && k > j && !hedge(w[k - 1]) && !joined() && acts_on(h->last)) {
      i = j - 1;
      continue;
    }
    if (const Hit* h = r.counted(k)) {
      const Counted& d = r.def(h);
      noun = lower_ascii(text.substr(w[h->first].span.begin, w[h->last - 1].span.end - w[h->first].span.begin));
      c.civilian = d.civilian;
      c.killed = d.what == "killed";
      c.wounded = d.what == "wounded";
      if (d.state) c.said_at = h->first;
      if (d.state) noun = "people " + noun;  // "11 killed", "25 dead"
      last = h->last;
    } else if (k < n && people[k] >= 0) {
      noun = "people";
      c.civilian = people[k] == 1 ? 1 : -1;
      last = k + 1;
    }
    // What happened to them: a state word after ("are besieged"), or before ("killing 11").
    std::string state;
    // Things, areas and spans of time are never what a toll counts: "24 hours of bombardment".
    const std::string& kind = r.counted(k) ? r.def(r.counted(k)).what : noun;
    const bool animate = noun.empty() || !(kind == "things" || kind == "area" || kind == "time");
    // ("two others wounded": the count says its own fate; an earlier verb is another count's. Not
    // across a conjunction: "killing at least 10 and injuring 1".)
    bool fate_told = r.counted(k) && r.def(r.counted(k)).state;
    for (uint32_t t = j; t < k && fate_told; ++t) fate_told = !(w[t].is("and") || w[t].is("or") || w[t].is(","));
    if (!c.killed && animate && !fate_told) {
      // "killed one soldier and wounded three others": the verb just before the number
      // governs it, whatever a later clause says of others; but not a word that already told
      // an earlier count's fate ("20 people killed 30 others injured"), nor against a state
      // word right after what is counted ("30 others injured").
      uint32_t b = i;
      while (b > 0 && i - b < 4 && hedge(w[b - 1])) --b;
      // "killing a family of five", "its crew of three": the group counted is what the verb governs.
      if (b >= 2 && w[b].is("of") && r.counted(b - 1) && r.def(r.counted(b - 1)).what == "group") {
        if (c.civilian < 0) c.civilian = r.def(r.counted(b - 1)).civilian;
        --b;
        if (b > 0 && (hedge(w[b - 1]) || w[b - 1].is("a") || w[b - 1].is("its") || w[b - 1].is("their") ||
                      w[b - 1].is("his") || w[b - 1].is("her") || w[b - 1].is("entire") || w[b - 1].is("whole")))
          --b;
      }
      const uint32_t earlier = out.empty() ? UINT32_MAX : out.back().said_at;
      uint32_t governs = UINT32_MAX;
      // (The verb may be a phrase: "hacked to death 12 villagers".)
      for (uint32_t f = b; f-- > 0 && b - f <= 4 && governs == UINT32_MAX;)
        if (const Hit* h = r.counted(f); h && r.def(h).state && h->last == b && h->first != earlier) governs = h->first;
      for (uint32_t s = last; s < n && s < last + 8 && !w[s].is(";") && !w[s].is("."); ++s) {
        const Hit* h = r.counted(s);
        // "two suicide bombers blew themselves up, killing civilians": a participle after
        // the count tells what those counted did, not what befell them.
        if (h && r.def(h).state && s > last && w[s].parts.size() == 1 && w[s].parts[0].key.ends_with("ing")) break;
        if (h && r.def(h).state) {
          // (A fate after "to" completes the verb before the count, and that verb, where it tells a
          // fate, says it: "sentenced three militiamen to death" are held, not dead.)
          if (governs != UINT32_MAX && (s > last || w[s].is("to"))) break;
          // "three suicide bombers killed at least two people": a fate word with a count after it
          // is what those counted did (not said of people the text calls civilians: "20 people
          // killed 30 others injured" is a headline's two counts).
          bool passive = false;  // ("50 troops were summarily executed": their fate, whatever follows)
          for (uint32_t x = last; x < s && !passive; ++x)
            passive = w[x].is("were") || w[x].is("was") || w[x].is("are") || w[x].is("is") || w[x].is("been") ||
                      w[x].is("be");
          if (!passive && ((c.civilian != 1 && acts_on(h->last)) || acts_on_one(h->last))) break;
          state = r.def(h).what;
          c.said_at = s;
          break;
        }
      }
      if (state.empty() && governs != UINT32_MAX) {
        state = r.def(r.counted(governs)).what;
        c.said_at = governs;
      }
      if (state.empty() && b > 0) {
        // ("lynched and burned 13 suspected gang members": two verbs joined share their object.)
        uint32_t reach = 3;
        for (uint32_t s = b; s-- > 0 && s + reach > b;) {
          if (w[s].is("by")) break;  // "killed by two gunmen": those after "by" did it
          if (w[s].is("and") && s + 1 < b && reach == 3) reach = 5;
          const Hit* h = r.counted(s);
          if (h && r.def(h).state) {
            state = r.def(h).what;
            break;
          }
        }
      }
      if (noun.empty() && state.empty()) continue;  // a year, an ordinal, a page number
      // A bare year or a day of the month is no count: "killed in 2015", "5 August".
      const bool year_like = value >= 1900 && value <= 2100 && value == double(int(value));
      const bool day_of_month = (j < n && w[j].letter_case == Case::Capital && calendar_word(w[j].parts[0].key)) ||
                                (i > 0 && w[i - 1].letter_case == Case::Capital && calendar_word(w[i - 1].parts[0].key));
      if (noun.empty() && (year_like || day_of_month)) continue;
      if (noun.empty()) noun = "people";
      // ("tried to kill five children", "plans to kill": a fate told by an infinitive did not
      // befall them, unless it was carried out or is claimed: "managed to kill", "claim to kill",
      // deeds of cues.tsv.)
      const bool infinitive = c.said_at != UINT32_MAX && c.said_at >= 1 && w[c.said_at - 1].is("to") &&
                              !r.done_before(c.said_at - 1);
      c.killed = state == "killed" && !infinitive;
      c.wounded = state == "wounded" && !infinitive;
    }
    // "including three children", "among them two women": a part of a count already made.
    for (uint32_t s = i; s-- > 0 && s + 3 > i;)
      if (w[s].is("including") || w[s].is("among") || w[s].is("whom")) c.subset = true;
    // "Five children were among those killed": a part of a toll, told after what is counted
    // (FA-KES dev: that 5 stood for an Idlib strike's civilian toll against another
    // source's 35, a contradiction that was none).
    if (last + 1 < n && (w[last].is("were") || w[last].is("was") || w[last].is("are") || w[last].is("is")) &&
        w[last + 1].is("among"))
      c.subset = true;
    // "11 children among 18 dead": the count before "among" is the part, the one after the whole.
    if (i > 0 && w[i - 1].is("among") && !out.empty() && out.back().last + 1 == i) {
      out.back().subset = true;
      c.subset = false;
    }
    c.vague = vague;
    c.first = i;
    c.last = std::max(last, j);
    c.quantity.sentence = sentence;
    c.quantity.span = Span{w[i].span.begin, w[c.last - 1].span.end};
    c.quantity.value = value;
    c.quantity.value_max = max;
    c.quantity.what = state.empty() ? noun : noun + " " + state;
    i = c.last - 1;
    told.push_back(c.killed || !state.empty() || (r.counted(k) && r.def(r.counted(k)).state));
    out.push_back(std::move(c));
  }
  // Lists: "killing two gendarmes, a customs agent, and four civilians" were all killed. A
  // count joined to a death count by commas and "and" alone shares its fate, and a member
  // named in the singular ("a customs agent", "an assailant") is one more.
  std::vector<Count> members;
  // A noun that counts people or combatants, saying nothing of what happened to them.
  const auto person = [&](const Hit* h) {
    return h && !r.def(h).state && (r.def(h).what == "people" || r.def(h).what == "combatants");
  };
  // One person killed, named in the singular: tokens [first, last), the noun `h`.
  const auto one_killed = [&](uint32_t first, uint32_t last, const Hit* h, uint32_t said_at, bool subset) {
    Count one;
    one.first = first;
    one.last = last;
    one.killed = true;
    one.said_at = said_at;
    one.civilian = r.def(h).civilian;
    one.subset = subset;
    one.quantity.sentence = sentence;
    one.quantity.span = Span{w[first].span.begin, w[last - 1].span.end};
    one.quantity.value = one.quantity.value_max = 1;
    one.quantity.what = lower_ascii(text.substr(w[h->first].span.begin, w[h->last - 1].span.end - w[h->first].span.begin)) + " killed";
    members.push_back(std::move(one));
  };
  // Words that may follow the noun of a list member and end its phrase.
  const auto phrase_ends = [&](uint32_t k) {
    static constexpr std::string_view kWords[] = {"and", "or",  "in",  "on",     "at",   "near", "who", "from",
                                                  "of",  "were", "was", "during", "when", "as"};
    return k >= n || w[k].kind != TokenKind::Word ||
           std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view x) { return w[k].is(x); });
  };
  for (std::size_t x = 0; x < out.size(); ++x) {
    if (!out[x].killed) continue;
    uint32_t t = out[x].last;
    std::size_t next = x + 1;
    for (;;) {
      uint32_t u = t;
      while (u < n && (w[u].is(",") || w[u].is("and"))) ++u;
      if (u == t || u >= n) break;
      if (next < out.size() && out[next].first == u) {
        Count& joined = out[next];
        if (!told[next]) {
          joined.killed = true;
          joined.said_at = out[x].said_at;  // one word tells the fate of the whole list
          joined.subset = joined.subset || out[x].subset;
          joined.quantity.what += " killed";
          told[next] = true;
        }
        if (!joined.killed) break;
        t = joined.last;
        ++next;
        continue;
      }
      // "a customs agent": an article, up to two words, and a noun counting people.
      if (!(w[u].is("a") || w[u].is("an") || w[u].is("another"))) break;
      uint32_t k = u + 1;
      while (k < n && k < u + 4 && !r.counted(k) && w[k].kind == TokenKind::Word && w[k].letter_case == Case::Any) ++k;
      const Hit* h = r.counted(k);
      if (!person(h)) break;
      // ("a civilian driver": a noun of people may qualify the next.)
      while (person(r.counted(h->last))) h = r.counted(h->last);
      // (The noun must end its phrase: in "killing five people, a doctors' committee said" the
      // committee speaks.)
      if (w[h->last - 1].possessive || (h->last < n && (w[h->last].is("'") || w[h->last].is("'s")))) break;
      if (!phrase_ends(h->last)) break;
      one_killed(u, h->last, h, out[x].said_at, out[x].subset);
      t = h->last;
    }
  }
  // "leaving a farmer dead", "left an elderly woman killed": the result of an attack told of one
  // person named in the singular is a death, as "leaving two dead" is two.
  for (uint32_t k = 0; k + 2 < n; ++k) {
    if (!(w[k].is("leaving") || w[k].is("left")) || !(w[k + 1].is("a") || w[k + 1].is("an"))) continue;
    uint32_t m = k + 2;
    while (m < n && m < k + 5 && !r.counted(m) && w[m].kind == TokenKind::Word && w[m].letter_case == Case::Any) ++m;
    const Hit* h = r.counted(m);
    if (!person(h)) continue;
    const Hit* fate = r.counted(h->last);
    if (!fate || r.def(fate).what != "killed") continue;
    one_killed(k + 1, fate->last, h, h->last, false);
  }
  if (!members.empty()) {
    out.insert(out.end(), std::make_move_iterator(members.begin()), std::make_move_iterator(members.end()));
    std::sort(out.begin(), out.end(), [](const Count& a, const Count& b) { return a.first < b.first; });
  }
  return out;
}

}  // namespace mosaic
