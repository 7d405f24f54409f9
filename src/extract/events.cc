// Events from trigger words and the actor mentions around them. A shallow
// reading, sentence by sentence: who stands before the trigger (or after
// "by"), who after it (or after "on", "against"), where (a place after a
// preposition or before a place noun), when (a date expression), how many
// died (the counts of the sentence). Then the events a document tells more
// than once are merged, and its main event chosen.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <climits>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/event_lexicon.h"
#include "extract/quantities.h"
#include "extract/sentence.h"
#include "recognise/matcher.h"
#include "extract/dates.h"
#include "util/days.h"
#include "util/text.h"

namespace mosaic {

namespace {

bool civilian(const Actor& a) { return a.type == "civilians"; }
bool armed(const Actor& a) {
  static constexpr std::string_view kArmed[] = {"state", "state_forces", "rebel_group", "political_militia",
                                                "identity_militia", "external_forces"};
  return std::find(std::begin(kArmed), std::end(kArmed), a.type) != std::end(kArmed);
}
// ACLED's "Government regains territory" covers the state, its forces and the militias acting for it.
// What kind of party an actor is, for the decision table (parties.tsv names the same kinds in words).
Party party_of(const Actor& a) {
  if (a.type == "state" || a.type == "state_forces") return Party::State;
  if (a.type == "rebel_group" || a.type == "political_militia" || a.type == "external_forces") return Party::Armed;
  // A named communal militia ("Dozo Communal Militia", "Dan Na Ambassagou") is an organised armed
  // group: men it loses fall in a battle. A community's men named after the community and its
  // country ("Fulani Ethnic Militia (Mali)") may be armed or its civilians: the words decide.
  if (a.type == "identity_militia") return a.name.ends_with(')') ? Party::Communal : Party::Armed;
  if (a.type == "civilians") return Party::People;
  if (a.type == "protesters") return Party::Protester;
  return Party::None;
}

// An organised side: a state, an armed group or a community's named militia. People named by
// one ("members of JNIM", "Kalenjin youths") are it.
bool organised(Party p) { return p == Party::Armed || p == Party::State || p == Party::Communal; }

// Whether `key` (a folded word) is a word of the actor's name or of an alias, singular or plural:
// "army" of "Arakan Army", "rangers" of "Monywa Ranger Group".
bool word_of_name(const Actor& a, std::string_view key) {
  auto in = [&](std::string_view name) {
    std::size_t i = 0;
    while (i < name.size()) {
      while (i < name.size() && !is_ascii_alpha(name[i])) ++i;
      std::size_t j = i;
      while (j < name.size() && is_ascii_alpha(name[j])) ++j;
      const std::string w = lower_ascii(name.substr(i, j - i));
      if (!w.empty() && (w == key || (key.size() == w.size() + 1 && key.ends_with('s') && key.starts_with(w)) ||
                         (w.size() == key.size() + 1 && w.ends_with('s') && w.starts_with(key))))
        return true;
      i = j;
    }
    return false;
  };
  return in(a.name) || std::any_of(a.aliases.begin(), a.aliases.end(), in);
}

// A span of a sentence that names a party: a word of parties.tsv, or a recognised actor.
struct PartySpan {
  uint32_t first, last;
  Party party;
};

struct Place {
  uint32_t first, last;
  std::string name;
  Span span;
  bool country = false;  // a whole country: any more precise place is preferred
  bool dateline = false;
  int list = -1;         // places named in one list ("in Bosra, Atman and al-Yadouda") share a number
  bool coded = false;    // the place the text says its event is coded at: "(coded as Boni)"
  bool origin = false;   // where people come from ("civilians from Mopti"): the event's place only failing others
  bool within = false;   // says where the place before it lies ("Um Sumeima in Bara locality", "Chikun LGA, Kaduna")
  bool site = false;     // named with a site noun after it ("an IDP camp", "Limuko Secondary School")
};

struct Found {
  Event event;
  uint32_t token = 0;  // trigger's first token
  Rule rule = Rule::Fixed;
  bool bare = false;   // an attack word, or a clash noun, with no party named on either side
  bool named = false;  // a party is named on one side or the other
  bool armed_doer = false;  // who acted is named as armed men ("cattle rustlers", "gunmen", "troops")
  bool single_victim = false;  // a killing of one ("killed a teacher", "a man was shot dead")
  bool single_hurt = false;    // a wounding of one named as no party ("a passer-by was injured")
  bool definite = false;       // told as one already told: "wounded in the attack", "the blasts"
  bool search = false;         // a raid that kills no one: what it found, told beside it, is the event
  bool setting = false;        // a raid told as the setting of an act: "arrested 12 during a raid"
  std::vector<std::pair<std::string, Span>> also_at;  // the other places of the list its place is in
};

// What the sentences around one tell: whether a demonstration is among it.
struct Surroundings {
  bool protest = false;
  bool aerial = false;  // the document names aircraft or air strikes
};

class SentenceReader {
 public:
  SentenceReader(const EventLexicon::Impl& ev, const Lexicon::Impl& lexicon, const Vocabulary& vocab, const Document& doc,
                 uint32_t s, const Reading& reading, const ActorIndex& actors)
      : ev_(ev), vocab_(vocab), doc_(doc), s_(s), w_(reading.words[s]), items_(reading.items[s]) {
    if (const auto c = lexicon.country_by_code.find(doc.country); c != lexicon.country_by_code.end())
      capital_ = lexicon.countries[c->second].capital;
    people_by_key_ = &lexicon.people_by_key;
    starts_ = ev_.starts.at(w_);
    item_at_.assign(w_.size(), nullptr);
    for (const Item& it : items_) item_at_[it.first] = &it;
    mentions_ = sentence_mentions(doc, s, w_, actors);
    // "Iran-backed militias", "Turkey-backed fighters", "the al-Qaeda-linked group": the name
    // before a backing compound (words.tsv) backs or is linked to those the words after it name,
    // who act; it is no party to what they did. (Where a name follows that the text gives no actor,
    // "the US-backed Kurdish-Arab alliance seized", it is the only name the side has.)
    {
      std::vector<bool> mention_at(w_.size() + 1, false);
      for (const MentionRef& m : mentions_) mention_at[m.first] = true;
      std::erase_if(mentions_, [&](const MentionRef& m) {
        const Word& last = w_[m.last - 1];
        if (last.parts.size() < 2 || !lexicon.compound_means(last.parts.back().key, "backing")) return false;
        if (m.last >= w_.size() || w_[m.last].kind != TokenKind::Word) return false;
        return w_[m.last].letter_case == Case::Any || mention_at[m.last];
      });
    }
    // A unit's designation after a state's force is part of its name: "the Myanmar military IB 58
    // shelled", "Myanmar military LIB 56 fired" (an abbreviation in capitals, then its number).
    // (The abbreviation may be the force's own: "Myanmar military LIB 56", its "LIB" a mention.)
    for (MentionRef& m : mentions_) {
      if (m.actor->type != "state_forces" || m.last >= w_.size()) continue;
      if (w_[m.last].kind == TokenKind::Number && w_[m.last - 1].letter_case == Case::Upper)
        m.last += 1;
      else if (m.last + 1 < w_.size() && w_[m.last].letter_case == Case::Upper && w_[m.last + 1].kind == TokenKind::Number &&
               covered_by_none(m.last, m.last + 2))
        m.last += 2;
    }
    for (const Hit& h : ev_.triggers.find(w_, starts_))
      if (!h.payloads.empty()) trigger_hits_.push_back(h);
    // A cue written with a capital after a word written small is a name's word: "the No Chair
    // Guerrilla Force hurled grenades" is no denial (a title-case headline's "Army Says No ..." is).
    for (const Hit& h : ev_.modality.find(w_, starts_))
      if (!h.payloads.empty() && !(h.first > 0 && w_[h.first].letter_case == Case::Capital &&
                                   w_[h.first - 1].kind == TokenKind::Word && w_[h.first - 1].letter_case == Case::Any))
        modality_hits_.push_back(h);
    speaks_.assign(w_.size() + 1, false);
    for (const Hit& h : ev_.speech.find(w_, starts_))
      if (!h.payloads.empty()) speaks_[h.first] = true, speech_hits_.push_back(h);
    cover_mentions();
    for (const Hit& h : ev_.numbers.find(w_, starts_))
      if (!h.payloads.empty()) number_hits_.push_back(h);
    find_places();  // (before the parties: a country that only says where a place lies is none)
    cue_at_.assign(w_.size() + 1, 0);
    occasion_ends_.assign(w_.size() + 1, false);
    attempt_at_.assign(w_.size() + 1, {0, 0});
    for (const Hit& h : ev_.cues.find(w_, starts_))
      for (uint32_t c : h.payloads) {
        cue_at_[h.first] |= c;
        if (c & (kAttempt | kDone)) attempt_at_[h.last] = {c, h.first};
        if (c & kOccasion) occasion_ends_[h.last] = true;
        if (c & kPerpetrator) perpetrator_ends_.push_back(h.last);
      }
    // A scraped page's links to other stories ("Related Explosion in Mosque Leaves 25 Dead
    // ..."): from a capitalised link word, the run of title-case words after it names no event;
    // nor do its tags, whose first may be written small.
    link_.assign(w_.size(), false);
    for (uint32_t t = 0; t + 1 < w_.size(); ++t) {
      // (A page's tags begin with any word: "Tags blast Aleppo Nusra Front".)
      const bool tags = (cue_at_[t] & kTags) && w_[t].letter_case != Case::Any;
      if (!tags && (!(cue_at_[t] & kLink) || w_[t].letter_case == Case::Any || w_[t + 1].letter_case == Case::Any)) continue;
      if (tags) link_[t + 1] = true;
      static constexpr std::string_view kSmall[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "as",
                                                    "and", "or", "by", "with", "from", "over", "after", "amid"};
      for (uint32_t k = tags ? t + 2 : t; k < w_.size(); ++k) {
        const Word& w = w_[k];
        if (w.is(".")) break;
        if (w.kind == TokenKind::Word && w.letter_case == Case::Any &&
            std::none_of(std::begin(kSmall), std::end(kSmall), [&](std::string_view x) { return w.is(x); }))
          break;
        link_[k] = true;
      }
    }
    // Party words say more than an actor's type ("BNP activists" are a crowd); an
    // actor stands for its party where no such word is inside it.
    for (const Hit& h : ev_.parties.find(w_, starts_))
      if (!h.payloads.empty()) {
        Party party = Party(h.payloads.front());
        // "the assailants burned motorbikes": those the text cannot name, told again by a definite
        // article, are the armed men whose attack it told ("unknown gunmen attacked the
        // gendarmerie, ... but the assailants burned motorbikes"), no mob of their own.
        if (party == Party::Unknown && h.first > 0 && w_[h.first - 1].is("the")) party = Party::Armed;
        parties_.push_back({h.first, h.last, party});
      }
    // A state's force word that is a word of a group's own name ("the Arakan Army", "the Monywa
    // Rangers Group", "the Army of Conquest") names the group, not a state's force: the group's
    // own kind stands (none for a group of no known kind). A group's people named by a word
    // outside its name stay the party that word says ("BNP activists").
    for (const MentionRef& m : mentions_) {
      const Party own = party_of(*m.actor);
      if (!(own == Party::Armed || own == Party::Communal || (own == Party::None && m.actor->type == "other"))) continue;
      std::erase_if(parties_, [&](const PartySpan& p) {
        // ("the joint forces of the Delta Guerrilla Group and Ayeyar 14", "the combined force of
        // the Pale Guerrilla Force": forces of groups are theirs.)
        if (p.party == Party::State && is(p.last, "of") &&
            (m.first == p.last + 1 || (m.first == p.last + 2 && is(p.last + 1, "the"))) &&
            (w_[p.last - 1].is("force") || w_[p.last - 1].is("forces")) && p.last - p.first <= 2)
          return true;
        if (p.party != Party::State || p.first < m.first || p.last > m.last) return false;
        for (uint32_t t = p.first; t < p.last; ++t)
          if (w_[t].kind == TokenKind::Word && !word_of_name(*m.actor, w_[t].parts.front().key)) return false;
        return true;
      });
    }
    std::vector<bool> worded(w_.size(), false);
    for (const PartySpan& p : parties_)
      for (uint32_t t = p.first; t < p.last; ++t) worded[t] = true;
    for (const MentionRef& m : mentions_) {
      const Party own = party_of(*m.actor);
      bool has_word = false;
      for (uint32_t t = m.first; t < m.last; ++t) has_word |= worded[t];
      if (!has_word && own != Party::None) parties_.push_back({m.first, m.last, own});
      // But people named by an armed group are that group: "Kalenjin youths" (the recogniser's
      // Kalenjin Ethnic Militia), "Mungiki members", "ISGS men" act as the group, where "BNP
      // activists" stay a crowd. ACLED codes their violence on civilians as the group's attack
      // (Kenya dev notes: 37 of 47 attacks coded as mob violence were such groups' or nobody's).
      if (organised(own))
        for (PartySpan& p : parties_)
          if (p.party == Party::People && ((p.first >= m.first && p.last <= m.last) || p.first == m.last)) p.party = own;
    }
    std::sort(parties_.begin(), parties_.end(), [](const PartySpan& a, const PartySpan& b) { return a.first < b.first; });
    // What begins or ends at each token, looked up often by the rules below.
    at_.assign(w_.size() + 1, 0);
    for (const PartySpan& p : parties_) at_[p.first] |= kPartyStarts, at_[p.last] |= kPartyEnds;
    for (const Hit& h : trigger_hits_) {
      if (ev_.trigger_defs[h.payloads.front()].voice != Voice::Noun) at_[h.last] |= kVerbEnds;
      // ("On 20 March, more than 3 soldiers were killed following an ambush": a month is no
      // march, and the ambush no protest's grievance.)
      const bool month = h.last == h.first + 1 && w_[h.first].letter_case == Case::Capital &&
                         calendar_word(w_[h.first].parts.front().key);
      if (demonstration(h) && !month) at_[h.first] |= kDemonstrationStarts;
    }
    // "a roadside bomb struck a military convoy": what an attack noun's verb hit is its object.
    impact_end_.assign(w_.size() + 1, 0);
    const std::vector<Hit> impacts = ev_.impacts.find(w_, starts_);
    const std::vector<Hit> gaps = impacts.empty() ? std::vector<Hit>{} : ev_.agent_gaps.find(w_, starts_);
    // One past "planted by al-Shabaab" after an attack noun ending at `t`: who did it, told between
    // the noun and its verb ("a roadside bomb planted by al-Shabaab hit a convoy"); else t.
    const auto past_agent = [&](uint32_t t) {
      uint32_t k = t;
      for (bool moved = true; moved;) {
        moved = false;
        for (const Hit& g : gaps)
          if (g.first == k && !g.payloads.empty() && g.last > k) k = g.last, moved = true;
      }
      if (k == t || !is(k, "by")) return t;
      return k + 1;
    };
    for (const Hit& g : impacts) {
      if (g.payloads.empty()) continue;
      for (const Hit& h : trigger_hits_) {
        if (ev_.trigger_defs[h.payloads.front()].voice != Voice::Noun) continue;
        // (An adverb may stand between: "a bomb reportedly struck".)
        bool next = h.last == g.first || (h.last + 1 == g.first && w_[h.last].kind == TokenKind::Word &&
                                           (vocab_.pos(w_[h.last].parts.front().key) & Vocabulary::Adverb));
        // (So may who set it: "a bomb planted by suspected JNIM militants struck", a name of up to five words.)
        if (const uint32_t by_end = past_agent(h.last); !next && by_end > h.last && g.first > by_end && g.first <= by_end + 5) {
          next = true;
          for (uint32_t k = by_end; k < g.first && next; ++k) next = w_[k].kind == TokenKind::Word;
        }
        if (!next) continue;
        impact_end_[h.last] = g.last;
        at_[g.last] |= kVerbEnds;
      }
    }
    for (const Hit& c : ev_.counted.find(w_, starts_))
      if (!c.payloads.empty() && ev_.counted_defs[c.payloads.front()].what == "killed") at_[c.first] |= kSaysKilled;
      else if (!c.payloads.empty() && ev_.counted_defs[c.payloads.front()].what == "wounded") at_[c.first] |= kSaysWounded;
      else if (!c.payloads.empty() && ev_.counted_defs[c.payloads.front()].what == "group") at_[c.first] |= kGroup;
  }

  // Whether the sentence tells its violence as an answer to other violence ("later fired", "in
  // retaliation": cues.tsv).
  bool tells_answer() const {
    return std::any_of(cue_at_.begin(), cue_at_.end(), [](uint32_t c) { return c & kAnswer; });
  }
  // Whether the sentence names aircraft, or air strikes (a trigger of a type whose mode is aerial).
  bool tells_aerial() const {
    if (aerial_named()) return true;
    for (const Hit& h : trigger_hits_) {
      const Trigger& t = ev_.trigger_defs[h.payloads.front()];
      if (t.rule == Rule::Fixed && ev_.types[t.type].plover_mode == "aerial" && !qualified(h)) return true;
    }
    return false;
  }

  // Whether the sentence reports a demonstration (a trigger of a PROTEST type, as reported).
  // (Asked by the extractor and by every lone air-strike word's check: read once.)
  bool tells_protest() const {
    if (!protest_told_) {
      protest_told_ = std::any_of(trigger_hits_.begin(), trigger_hits_.end(), [&](const Hit& h) {
        const Trigger& t = ev_.trigger_defs[h.payloads.front()];
        return t.rule == Rule::Fixed && ev_.types[t.type].demonstration && !qualified(h) && !background_at(h.first);
      });
    }
    return *protest_told_;
  }

  const std::vector<Word>& words() const { return w_; }
  // Whether token t is in a protest's grievance or an event's occasion.
  bool in_background(uint32_t t) const { return background_at(t); }
  // Whether "and", "or" or a comma stands in [first, last).
  bool joined_between(uint32_t first, uint32_t last) const {
    for (uint32_t k = first; k < last && k < w_.size(); ++k)
      if (w_[k].is("and") || w_[k].is("or") || w_[k].is(",")) return true;
    return false;
  }
  // Whether no mention covers a token of [first, last).
  bool covered_by_none(uint32_t first, uint32_t last) const {
    return std::none_of(mentions_.begin(), mentions_.end(), [&](const MentionRef& m) { return m.first < last && m.last > first; });
  }
  // Which mention covers each token (-1: none).
  void cover_mentions() {
    covered_.assign(w_.size(), -1);
    for (std::size_t i = 0; i < mentions_.size(); ++i)
      for (uint32_t t = mentions_[i].first; t < mentions_[i].last; ++t) covered_[t] = int(i);
  }
  // Whether a count at t is told of a span of time ("weeks of protests in which nearly 300 people
  // were killed"): an aggregate cue before it in its clause (cues.tsv).
  bool aggregate_at(uint32_t t) const {
    for (uint32_t k = t; k-- > 0;) {
      if (w_[k].is(";") || w_[k].is(".") || w_[k].is(":")) return false;
      if (cue_at_[k] & kAggregate) return true;
    }
    return false;
  }

  // The toll a note's coder states ("Fatalities coded as 0"): the number after a toll cue.
  std::optional<int> stated_toll() const {
    for (uint32_t t = 0; t < w_.size(); ++t)
      if (cue_at_[t] & kToll)
        for (uint32_t k = t + 1; k < w_.size() && k < t + 6; ++k)
          if (w_[k].kind == TokenKind::Number && w_[k].parts.size() == 1) {
            int v = 0;
            const auto [p, ec] = std::from_chars(w_[k].text.data(), w_[k].text.data() + w_[k].text.size(), v);
            if (ec == std::errc() && p == w_[k].text.data() + w_[k].text.size()) return v;
            break;
          }
    return std::nullopt;
  }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<Place>& bare_places() const { return bare_; }

  std::vector<Count> counts() const {
    // Mentions of people a number can count: "400 Iranians and Afghans", "11 civilians".
    std::vector<int> people(w_.size(), -1);
    for (const MentionRef& m : mentions_)
      if (civilian(*m.actor) || m.actor->type == "other") people[m.first] = civilian(*m.actor) ? 1 : 0;
    return find_counts(ev_, w_, s_, doc_.text, people);
  }

  // "X claimed responsibility for the attack": who claims the violence of the document.
  // Whether the sentence begins by telling another incident ("Separately, ...").
  bool separate() const {
    for (uint32_t k = 0; k < w_.size() && k < 2; ++k)
      if (cue_at_[k] & kSeparate) return true;
    return false;
  }
  // Who claimed or is blamed for the document's violence; *accused says the text blames them
  // (another's word) rather than that they claimed it.
  std::vector<const Actor*> claimant(bool* accused = nullptr) const {
    for (uint32_t t = 0; t + 1 < w_.size(); ++t) {
      if (!(w_[t].is("claimed") || w_[t].is("claims") || w_[t].is("claim"))) continue;
      // ("claimed a second IED attack": the claimed noun may follow a few modifiers.)
      // ("No group claimed responsibility; however, sources attributed the attack to Boko Haram":
      // a claim nobody made names no one, and the attribution after it is read on.)
      for (uint32_t k = t + 1; k < w_.size() && k < t + 6; ++k)
        if (w_[k].is("responsibility") || w_[k].is("attack") || w_[k].is("bombing") || w_[k].is("blast") ||
            w_[k].is("attacks") || w_[k].is("killing")) {
          if (auto who = before(t); !who.empty()) return who;
          break;
        }
    }
    // "Sources attributed the attack to Al Shabaab", "the bombing was blamed on the PKK".
    for (uint32_t t = 0; t + 1 < w_.size(); ++t) {
      const bool attributed = w_[t].is("attributed") || w_[t].is("attributes") || w_[t].is("attribute");
      const bool blamed = w_[t].is("blamed") || w_[t].is("blames") || w_[t].is("blame");
      if (!attributed && !blamed) continue;
      for (uint32_t k = t + 1; k < w_.size() && k < t + 6; ++k)
        if (w_[k].is(attributed ? "to" : "on")) {
          if (auto who = after(k + 1, 3); !who.empty()) {
            if (accused) *accused = true;
            return who;
          }
          break;
        }
    }
    // "Al-Shabaab was suspected of carrying out the abduction", "the PKK was blamed for the
    // bombing", "JNIM is believed to be behind the attack": the subject the passive accuses.
    for (uint32_t t = 1; t + 1 < w_.size(); ++t) {
      const bool was = w_[t - 1].is("was") || w_[t - 1].is("were") || w_[t - 1].is("is") || w_[t - 1].is("are");
      if (!was || !((w_[t].is("suspected") && w_[t + 1].is("of")) || (w_[t].is("blamed") && w_[t + 1].is("for")) ||
                    (w_[t].is("believed") && t + 3 < w_.size() && w_[t + 1].is("to") && w_[t + 2].is("be") && w_[t + 3].is("behind"))))
        continue;
      if (auto who = before(t - 1, 6); !who.empty() && armed(*who.front())) {
        if (accused) *accused = true;
        return who;
      }
    }
    // "The perpetrators are believed to be al Shabaab", "police blame Al Shabaab" (cues.tsv).
    for (uint32_t end : perpetrator_ends_)
      if (auto who = after(end, 3); !who.empty()) {
        if (accused) *accused = true;
        return who;
      }
    // "The device was likely planted by JNIM militants", "the ambush was carried out by ...": a
    // launching verb in the passive names who did the violence the document tells.
    if (!launchers_) launchers_ = ev_.launchers.find(w_, starts_);
    for (const Hit& v : *launchers_) {
      if (v.payloads.empty() || v.first < 1) continue;
      uint32_t k = v.last;
      while (k < w_.size() && k < v.last + 2 && hedging(k)) ++k;
      if (k >= w_.size() || !w_[k].is("by")) continue;
      uint32_t a = v.first;
      while (a > 0 && v.first - a < 3 && hedging(a - 1)) --a;
      if (a == 0 || !(w_[a - 1].is("was") || w_[a - 1].is("were") || w_[a - 1].is("been"))) continue;
      if (auto who = after(k + 1, 3); !who.empty()) return who;
    }
    return {};
  }
  // "likely", "reportedly": a word that hedges a verb without changing who did it.
  bool hedging(uint32_t k) const {
    return w_[k].is("likely") || w_[k].is("probably") || w_[k].is("reportedly") || w_[k].is("allegedly") ||
           w_[k].is("most") || w_[k].is("possibly") || w_[k].is("apparently") || w_[k].is("presumably") ||
           w_[k].is("believed") || w_[k].is("suspected") || w_[k].is("also");
  }

  // Attributed statements: "the United Nations says", "officials denied",
  // "according to X", "X, citing a source, said".
  std::vector<Claim> claims() const {
    std::vector<Claim> out;
    for (const Hit& h : speech_hits_) {
      // "the alleged attacks", "a reported strike": after an article a speech word describes a
      // noun; nobody speaks (FA-KES dev: "the alleged attacks AFP news agency reports" made AFP
      // allege the gas attack the Syrian government had just denied).
      if (h.first > 0) {
        const Word& before = w_[h.first - 1];
        if (before.is("the") || before.is("a") || before.is("an") || before.is("these") || before.is("those") ||
            before.is("its") || before.is("their"))
          continue;
      }
      // "the United States": a speech word inside a name is part of the name, not a verb
      // (FA-KES dev: "under the threat of UN sanctions and ... the United States." made the UN assert).
      if (std::any_of(items_.begin(), items_.end(), [&](const Item& it) {
            return !it.entries.empty() && it.first < h.first && h.last <= it.last;
          }))
        continue;
      const bool according = w_[h.first].is("according");
      const MentionRef* source = nullptr;
      // "X said ... and denied ...": a verb joined to the last one shares its speaker.
      if (!out.empty() && h.first > 0 && (w_[h.first - 1].is("and") || w_[h.first - 1].is("but"))) {
        Claim c = out.back();
        c.stance = h.payloads.front() == 1 ? "asserts" : "denies";
        c.span = Span{w_[h.first].span.begin, w_[h.last - 1].span.end};
        out.push_back(std::move(c));
        continue;
      }
      const MentionRef* after = nullptr;  // "said X", "according to X"
      for (const MentionRef& m : mentions_)
        if (m.first >= h.last && m.first <= h.last + 2) {
          after = &m;
          break;
        }
      // "Jets struck the market, said Human Rights Watch.": after a comma or a quote the verb
      // and the name that closes the clause are the attribution; the names before are what it says.
      if (after && h.first > 0 && (w_[h.first - 1].is(",") || w_[h.first - 1].is("\"")) &&
          (after->last >= w_.size() || w_[after->last].kind == TokenKind::Punct))
        source = after;
      if (!according && !source) {
        for (std::size_t i = mentions_.size(); i-- > 0;) {
          const MentionRef& m = mentions_[i];
          if (m.last > h.first) continue;
          // The speaker may stand a parenthesis away: "RBK, citing a source, said".
          bool clause_break = false;
          for (uint32_t k = m.last; k < h.first; ++k) clause_break |= w_[k].is(";") || w_[k].is("\"") || w_[k].is(".");
          if (h.first - m.last <= 12 && !clause_break) source = &m;
          break;
        }
      }
      // "the observatory said Russian strikes killed 23": a speaker the lexicon does not know
      // stands before the verb, and the name after it is what the statement is about.
      const bool unknown_speaker = !according && h.first >= 2 && w_[h.first - 1].letter_case == Case::Any &&
                                   w_[h.first - 1].kind == TokenKind::Word &&
                                   (w_[h.first - 2].is("the") || w_[h.first - 2].is("a") || w_[h.first - 2].is("an") ||
                                    w_[h.first - 2].is("its") || w_[h.first - 2].is("their"));
      if (!source && !unknown_speaker) source = after;
      if (!source || source->actor->type == "civilians") continue;
      // "The government has denied those allegations ... AFP news agency reports.": a speech
      // verb that closes the sentence after its source reports what the sentence says; after a
      // denial it is the denial's reporter, not a voice against it (FA-KES dev: AFP stood as
      // asserting a gas attack the Syrian government denied, in the government's own sentence).
      const bool closes = h.last + 1 >= w_.size() && source->last <= h.first;
      if (closes && h.payloads.front() == 1 &&
          std::any_of(out.begin(), out.end(), [](const Claim& c) { return c.stance == "denies"; }))
        continue;
      Claim c;
      c.sentence = s_;
      c.source = source->actor->id;
      c.stance = h.payloads.front() == 1 ? "asserts" : "denies";
      const uint32_t first = std::min(source->first, h.first), last = std::max(source->last, h.last);
      c.span = Span{w_[first].span.begin, w_[last - 1].span.end};
      out.push_back(std::move(c));
    }
    return out;
  }

  std::vector<Found> events(const std::vector<Count>& counted, const Surroundings& around) const {
    std::vector<Found> out;
    std::vector<const Actor*> subject;  // of the last verb: "X seized the camp, lost it to rebels"
    Party subject_party = Party::None;
    // Who was killed or hurt in the sentence: "militants attacked and killed two
    // herders" attacked the herders.
    Party victims = Party::None;
    for (const Hit& h : trigger_hits_) {
      const Trigger& t = ev_.trigger_defs[h.payloads.front()];
      if (t.rule != Rule::Killing || qualified(h) || grievance(h)) continue;
      victims = t.voice == Voice::Passive || passive(h) || reduced_passive(h) ? party_before(h.first) : party_after(h.last);
      if (victims != Party::None) break;
    }
    for (const Hit& h : trigger_hits_) {
      const Trigger& t = ev_.trigger_defs[h.payloads.front()];
      // (A demonstration that is the occasion is none: "beaten on their way to join a rally".)
      if (qualified(h) || grievance(h) || stoppage(h, around.protest) || (demonstration(h) && occasion_before(h.first)) ||
          resultative(h) || forces_moving(h))
        continue;
      if (auto f = read(h, t, counted, around, victims, subject, subject_party)) out.push_back(std::move(*f));
    }
    // The attack verb whose means a weapon's event names ("attacked Kharkiv with missiles") is that
    // event, told once: the weapon says the type.
    // (What the verb was done to, and its toll, are the weapon event's.)
    // (Not a structured binding: clang 14 cannot capture one in a lambda.)
    for (const std::pair<uint32_t, uint32_t>& pair : means_) {
      const uint32_t verb = pair.first, weapon = pair.second;
      const auto v = std::find_if(out.begin(), out.end(), [&](const Found& f) { return f.token == verb; });
      const auto m = std::find_if(out.begin(), out.end(), [&](const Found& f) { return f.token == weapon; });
      if (v == out.end() || m == out.end()) continue;
      if (m->event.actor2.empty()) m->event.actor2 = v->event.actor2;
      if (!m->event.fatalities) m->event.fatalities = v->event.fatalities;
      if (!m->event.civilian_fatalities) m->event.civilian_fatalities = v->event.civilian_fatalities;
      out.erase(v);
    }
    return out;
  }

 private:
  bool is(uint32_t t, std::string_view key) const { return t < w_.size() && w_[t].is(key); }
  // A cue (cues.tsv) among the `reach` words before token t, in its clause; with `phrase`, not
  // across a preposition either ("a violent skirmish between protesters and police" is the
  // skirmish's).
  bool cue_before(uint32_t t, uint32_t cue, uint32_t reach, bool phrase = false) const {
    for (uint32_t k = t; k-- > 0 && t - k <= reach;) {
      if (clause_edge(k) || (phrase && preposition(k))) return false;
      if (cue_at_[k] & cue) return true;
    }
    return false;
  }
  // A reciprocal cue (cues.tsv) within six words of the hit, in its clause.
  bool reciprocal_near(const Hit& h) const {
    if (cue_before(h.first, kReciprocal, 6)) return true;
    for (uint32_t k = h.first; k < w_.size() && k < h.last + 6 && (k < h.last || !clause_edge(k)); ++k)
      if (cue_at_[k] & kReciprocal) return true;
    return false;
  }
  // "with" or "using" before a weapon: it is the means of a verb before them, its subject's.
  bool means_word(uint32_t t) const { return is(t, "with") || is(t, "using"); }

  bool clause_edge(uint32_t t) const {
    const Word& w = w_[t];
    return w.is(";") || w.is(":") || w.is("\u2014") || w.is("(") || w.is(",") || w.is("but") || w.is("while") ||
           w.is("whereas") || w.is("although") || w.is("though") || w.is("after") || w.is("when") ||
           w.is("before") || w.is("until") || w.is("because");
  }

  // "teachers staged a sit-in and began a 72-hour strike": a lone word for an air strike told
  // with a demonstration (`protest`: in its sentence or near it), no aircraft named, is a work
  // stoppage (ACLED dev notes: 17 protests coded as air strikes, all strikes of workers, pupils
  // or teachers).
  bool stoppage(const Hit& trigger, bool protest) const {
    const Trigger& def = ev_.trigger_defs[trigger.payloads.front()];
    return protest && def.rule == Rule::Fixed && ev_.types[def.type].plover_mode == "aerial" &&
           trigger.last == trigger.first + 1 && !aerial_named();
  }
  // An event noun after "the" (or "this", "that"), with at most common words between: "seven
  // others were wounded in the attack", "the pressure of the blasts". It tells again an event
  // already told.
  bool definite_reference(const Hit& h, const Trigger& t) const {
    // A verb's "-ing" noun after an article is a noun too: "The bombing took place on Hadara Street"
    // (not "the killing of three civilians", which tells whom).
    if (t.voice == Voice::Active && h.last == h.first + 1 && h.first > 0 && w_[h.first].text.ends_with("ing") &&
        (w_[h.first - 1].is("the") || w_[h.first - 1].is("this") || w_[h.first - 1].is("that")) && !is(h.last, "of"))
      return true;
    if (t.voice != Voice::Noun) return false;
    for (uint32_t k = h.first, steps = 0; k-- > 0 && steps < 3; ++steps) {
      if (w_[k].is("the") || w_[k].is("this") || w_[k].is("that") || w_[k].is("these") || w_[k].is("those")) return true;
      if (w_[k].kind != TokenKind::Word || w_[k].letter_case != Case::Any || preposition(k) || covered_[k] >= 0) return false;
    }
    return false;
  }
  // "attempted to assassinate", "tried to storm": violence attempted, whose victim may live.
  // (Not a charge: "accusing a former MP of attempting to kill".)
  // The words before "to" are an attempt or a deed of cues.tsv.
  uint32_t attempt_cue(const Hit& trigger) const {
    if (trigger.first < 2 || !w_[trigger.first - 1].is("to")) return 0;
    const auto [cue, from] = attempt_at_[trigger.first - 1];
    if (cue == 0 || (from >= 1 && w_[from - 1].is("of"))) return 0;
    return cue;
  }
  bool attempted(const Hit& trigger) const { return attempt_cue(trigger) != 0; }
  // An attempt that may have failed ("tried to kill"), not one that succeeded ("managed to kill").
  bool tried(const Hit& trigger) const { return (attempt_cue(trigger) & (kAttempt | kDone)) == kAttempt; }
  // A negated, hypothetical, threatened, future, habitual or denied report:
  // a modality word before the trigger in its clause.
  bool qualified(const Hit& trigger) const {
    if (link_[trigger.first]) return true;
    // "formed to fight": a purpose, not a report; but "gathered to protest" is the protest.
    const Trigger& def = ev_.trigger_defs[trigger.payloads.front()];
    const bool demonstration = def.rule == Rule::Fixed && ev_.types[def.type].plover_type == "PROTEST";
    if (stoppage(trigger, true) && tells_protest()) return true;  // (tells_protest asks this of protest words: last)
    // "riot police", "anti-riot units": a word for a demonstration before a state's noun
    // (parties.tsv) names the force, not a riot.
    // (Not a participle: "mutinying soldiers", "protesting police officers" do demonstrate.)
    if (demonstration && !w_[trigger.last - 1].parts.back().key.ends_with("ing") &&
        std::any_of(parties_.begin(), parties_.end(), [&](const PartySpan& p) {
          return p.party == Party::State && ((p.first == trigger.last) ||
                                             (p.first <= trigger.first && p.last >= trigger.last && p.last > trigger.last));
        }))
      return true;
    // "Hamas released four hostages", "the army freed 20 abductees": captives (cues.tsv captive)
    // set free (release, with at most a number, an article or adjectives between) end a captivity,
    // and report no abduction or arrest.
    for (uint32_t k = trigger.first, between = 0; (cue_at_[trigger.first] & kCaptive) && k-- > 0 && between <= 3; ++between) {
      if (cue_at_[k] & kRelease) return true;
      const uint8_t pos = w_[k].kind == TokenKind::Word ? vocab_.pos(w_[k].parts.front().key) : 0;
      if (!(w_[k].is("the") || w_[k].is("a") || w_[k].is("an") || numbers_at(k) ||
            ((pos & Vocabulary::Adjective) && !(pos & Vocabulary::Verb))))
        break;
    }
    // "residents gathered outside the town hall": a gathering (cues.tsv) is a demonstration only
    // where its sentence then says what it demands or is against ("... to demand clean water",
    // "demanding", "against"): people gather for markets, prayers and funerals too.
    if (demonstration && (cue_at_[trigger.first] & kGathering)) {
      bool purpose = false;
      for (uint32_t k = trigger.first + 1; k < w_.size() && k < trigger.last + 20 && !purpose && !w_[k].is(";"); ++k)
        purpose = cue_at_[k] & kPurpose;
      if (!purpose) return true;
    }
    // "a Muharram procession", "the funeral march": a gathering named by a rite (cues.tsv) is
    // no demonstration. Only a noun: "mourners at the funeral protested" did protest.
    if (demonstration && !w_[trigger.first].parts.back().key.ends_with("ed"))
      if (cue_before(trigger.first, kRite, 3)) return true;
    // "members of the banned Popular Front", "the outlawed Mungiki sect": what a group has
    // undergone, as its adjective, is no change to it reported.
    if (!ev_.types[def.type].violent && !demonstration && trigger.last == trigger.first + 1 && trigger.first > 0 &&
        (w_[trigger.first - 1].is("the") || w_[trigger.first - 1].is("a") || w_[trigger.first - 1].is("an")) &&
        w_[trigger.first].parts.back().key.ends_with("ed") && trigger.last < w_.size() &&
        w_[trigger.last].kind == TokenKind::Word &&
        (w_[trigger.last].letter_case != Case::Any || item_at_[trigger.last] || (vocab_.pos(w_[trigger.last].parts.front().key) & Vocabulary::Noun)))
      return true;
    // "doctors treated the wounded", "the dead were buried": people named by what was done to
    // them, not a report of it.
    if (def.rule == Rule::Killing && trigger.last == trigger.first + 1 && trigger.first > 0 &&
        w_[trigger.first - 1].is("the") &&
        (w_[trigger.first].parts.back().key.ends_with("ed") || w_[trigger.first].parts.back().key == "dead") &&
        (trigger.last == w_.size() || w_[trigger.last].kind != TokenKind::Word || preposition(trigger.last) ||
         w_[trigger.last].is("were") || w_[trigger.last].is("are") || w_[trigger.last].is("and")))
      return true;
    // "the three injured persons arrived at the hospital", "two wounded children": a participle
    // between a number and the people it qualifies names them by what was done to them; the
    // wounding is told elsewhere, if at all (FA-KES dev: such phrases made attacks of their own).
    if (def.rule == Rule::Killing && trigger.last == trigger.first + 1 && trigger.first > 0 &&
        w_[trigger.first].parts.back().key.ends_with("ed") && numbers_at(trigger.first - 1) && party_starts(trigger.last))
      return true;
    // "The government is fighting a number of opposition forces": a war going on, told with no
    // place, is the war, not a battle (FA-KES dev: such sentences coded as clashes).
    if (def.rule == Rule::Clash && trigger.first > 0 &&
        (w_[trigger.first - 1].is("is") || w_[trigger.first - 1].is("are") || w_[trigger.first - 1].is("been")) &&
        std::none_of(places_.begin(), places_.end(), [](const Place& p) { return !p.country; }))
      return true;
    // "Hezbollah, which fights alongside the regime": a relative clause in the present describes
    // what a group does, not an event; "in their fight against Daesh": a campaign, not a battle.
    if (def.rule == Rule::Clash && trigger.first > 0) {
      const Word& prev = w_[trigger.first - 1];
      const std::string_view key = w_[trigger.first].parts.back().key;
      if ((prev.is("which") || prev.is("who") || prev.is("that")) && key.ends_with("s") && !key.ends_with("ss") &&
          !key.ends_with("es"))
        return true;
      if ((prev.is("their") || prev.is("its") || prev.is("his") || prev.is("her") || prev.is("our")) &&
          trigger.last < w_.size() && w_[trigger.last].is("against"))
        return true;
    }
    // ("succeeded to kill", "managed to seize": it happened; so did an attempt, "attempted to
    // assassinate", "tried to storm": ACLED codes attempted violence as the violence.)
    if (trigger.first > 0 && w_[trigger.first - 1].is("to") && !demonstration && !attempted(trigger)) return true;
    // (But ground an attempt may not have won is not taken: "the army had been attempting to seize
    // Mallah for two years".)
    if (def.rule == Rule::Territory && tried(trigger)) return true;
    // "a tribe it has been battling": a relative clause describes the noun before it.
    {
      uint32_t k = trigger.first;
      while (k > 0 && (w_[k - 1].is("has") || w_[k - 1].is("have") || w_[k - 1].is("had") || w_[k - 1].is("been") ||
                       w_[k - 1].is("was") || w_[k - 1].is("were")))
        --k;
      // ("a gang that has been attacking civilians": so does one in the perfect progressive, what
      // the group has done for a while.)
      if (k >= 1 && k + 2 == trigger.first && (w_[k].is("has") || w_[k].is("have")) && w_[k + 1].is("been") &&
          w_[trigger.first].text.ends_with("ing") && (w_[k - 1].is("that") || w_[k - 1].is("which") || w_[k - 1].is("who")))
        return true;
      if (k >= 2 && k < trigger.first && (w_[k - 1].is("it") || w_[k - 1].is("they"))) {
        const Word& noun = w_[k - 2];
        const uint8_t pos = noun.kind == TokenKind::Word ? vocab_.pos(noun.parts.front().key) : 0;
        if ((pos & Vocabulary::Noun) && !(pos & Vocabulary::Verb)) return true;
      }
    }
    // "in March": a month is not a march.
    if (w_[trigger.first].letter_case == Case::Capital && trigger.last == trigger.first + 1 && trigger.first > 0 &&
        calendar_word(w_[trigger.first].parts.front().key))
      return true;
    // "a regime artillery academy": a noun that modifies the next one names no event.
    const Voice voice = ev_.trigger_defs[trigger.payloads.front()].voice;
    if (voice == Voice::Noun && trigger.last - trigger.first == 1 && trigger.last < w_.size()) {
      const Word& next = w_[trigger.last];
      // (Not before a preposition, a number or a direction: "an IED in Kidal", "landmines three times", "an IED south of Gao".)
      // ("north of" is found as one locative phrase, whose item is the one at "north".)
      const bool direction = item_at_[trigger.last] && (item_at_[trigger.last]->has(WordClass::Direction) ||
                                                        item_at_[trigger.last]->has(WordClass::Locative));
      // (Nor before a word that opens a clause, which WordNet lists as a noun too: "an airstrike
      // while ground forces advanced", "an IED as troops passed", "a grenade, then fled".)
      const bool opens_clause = clause_edge(trigger.last) || next.is("as") || next.is("who") || next.is("then");
      if (next.kind == TokenKind::Word && next.letter_case == Case::Any && !preposition(trigger.last) &&
          !numbers_at(trigger.last) && !direction && !opens_clause) {
        const uint8_t pos = vocab_.pos(next.parts.front().key);
        const uint8_t own = vocab_.pos(w_[trigger.first].parts.front().key);
        if ((pos & Vocabulary::Noun) && !(pos & Vocabulary::Verb) && !(own & Vocabulary::Verb) &&
            !(own & Vocabulary::Adjective))
          return true;
      }
    }
    // "the most effective fighting force", "the fighting positions": a verb's -ing form between an
    // article or adjective and a noun modifies the noun.
    if (trigger.last == trigger.first + 1 && trigger.first > 0 && trigger.last < w_.size() &&
        w_[trigger.first].parts.back().key.ends_with("ing")) {
      const Word& prev = w_[trigger.first - 1];
      const Word& next = w_[trigger.last];
      const uint8_t before = prev.kind == TokenKind::Word ? vocab_.pos(prev.parts.front().key) : 0;
      const uint8_t after = next.kind == TokenKind::Word ? vocab_.pos(next.parts.front().key) : 0;
      const bool opens = prev.is("the") || prev.is("a") || prev.is("an") ||
                         ((before & Vocabulary::Adjective) && !(before & (Vocabulary::Noun | Vocabulary::Verb)));
      // (After an adjective a noun that is also a verb is still the noun: "effective fighting force".)
      const bool adjective = !prev.is("the") && !prev.is("a") && !prev.is("an");
      if (opens && next.letter_case == Case::Any && !preposition(trigger.last) && (after & Vocabulary::Noun) &&
          (adjective || !(after & Vocabulary::Verb)))
        return true;
    }
    // "relatives of disappeared persons", "justice for killed journalists": a participle between a
    // preposition and its noun describes who the noun names; it tells of nothing happening here.
    if (trigger.last == trigger.first + 1 && trigger.first > 0 && trigger.last < w_.size() &&
        w_[trigger.first].parts.back().key.ends_with("ed")) {
      const Word& prev = w_[trigger.first - 1];
      const Word& next = w_[trigger.last];
      const uint8_t after = next.kind == TokenKind::Word ? vocab_.pos(next.parts.front().key) : 0;
      if ((prev.is("of") || prev.is("for") || prev.is("about") || prev.is("over") || prev.is("with") ||
           prev.is("against")) &&
          next.letter_case == Case::Any && (after & Vocabulary::Noun) && !(after & Vocabulary::Verb))
        return true;
    }
    // "the funeral of the slain activist", "the murdered journalist's family": a killing's
    // participle between "the" and a noun names who was killed before; it tells no killing here.
    if (def.rule == Rule::Killing && trigger.last == trigger.first + 1 && trigger.first > 0 && trigger.last < w_.size() &&
        (w_[trigger.first].parts.back().key.ends_with("ed") || w_[trigger.first].is("slain")) &&
        (w_[trigger.first - 1].is("the") || w_[trigger.first - 1].is("his") || w_[trigger.first - 1].is("her") ||
         w_[trigger.first - 1].is("their"))) {
      const Word& next = w_[trigger.last];
      const uint8_t after = next.kind == TokenKind::Word ? vocab_.pos(next.parts.front().key) : 0;
      if (next.kind == TokenKind::Word && !preposition(trigger.last) && !next.is("were") && !next.is("was") &&
          !next.is("are") && !next.is("and") && (after & Vocabulary::Noun))
        return true;
    }
    uint32_t start = trigger.first;
    while (start > 0 && !clause_edge(start - 1) && trigger.first - start < 20) --start;
    // A denial reaches across a comma into the clause it governs: "denied reports that X had fallen".
    uint32_t deny_start = trigger.first;
    while (deny_start > 0 && trigger.first - deny_start < 12 && !w_[deny_start - 1].is(";")) --deny_start;
    // "would include a condemnation of an August 21 chemical weapons attack", "Tuesday's attack":
    // violence named by its day happened, whatever the clause says may be done about it.
    bool dated = false;
    if (voice == Voice::Noun)
      for (uint32_t k = trigger.first; k-- > 0 && trigger.first - k <= 4 && !dated;) {
        if (clause_edge(k)) break;
        const Word& x = w_[k];
        const bool day = x.kind == TokenKind::Word && x.letter_case == Case::Capital && calendar_word(x.parts.front().key);
        dated = day && (x.possessive || (k > 0 && w_[k - 1].kind == TokenKind::Number) ||
                        (k + 1 < w_.size() && w_[k + 1].kind == TokenKind::Number));
      }
    for (const Hit& m : modality_hits_) {
      const Modality kind = ev_.modality_defs[m.payloads.front()];
      if (dated && (kind == Modality::Hypothetical || kind == Modality::Future || kind == Modality::Threat ||
                    kind == Modality::Habitual || kind == Modality::Request))
        continue;
      // "9 May 2024", "May 9": the month, not the modal verb.
      if (m.last == m.first + 1 && w_[m.first].letter_case == Case::Capital && calendar_word(w_[m.first].parts.front().key) &&
          ((m.first > 0 && w_[m.first - 1].kind == TokenKind::Number) || (m.last < w_.size() && w_[m.last].kind == TokenKind::Number)))
        continue;
      // "Airstrikes are typically ...", "shelling could ...": a qualifier right after the trigger.
      if (m.first >= trigger.last) {
        // (Not one that qualifies a noun of its own after a preposition or an article: "a protest
        // against the planned relocation" happened.)
        bool own_noun = false;
        for (uint32_t k = trigger.last; k < m.first && !own_noun; ++k)
          own_noun = preposition(k) || w_[k].is("the") || w_[k].is("a") || w_[k].is("an");
        if (m.first <= trigger.last + 2 && !own_noun &&
            (kind == Modality::Habitual || kind == Modality::Hypothetical || kind == Modality::Future))
          return true;
        // "have been killed in Syria since the war began": a toll of the war.
        // (Not a demonstration's: "residents protest against repression in recent days" protest.)
        if (kind == Modality::Aggregate && m.first <= trigger.last + 8 && !demonstration) {
          if (within_sentence(trigger.last, m.first)) return true;
        }
        continue;
      }
      // "Since October, more than 300 fighters have been killed": a period before a toll in the
      // perfect sums it, in the trigger's sentence.
      if (kind == Modality::Aggregate) {
        const auto aux = [&](uint32_t k) { return w_[k].is("has") || w_[k].is("have"); };
        const bool perfect = (trigger.first >= 1 && aux(trigger.first - 1)) ||
                             (trigger.first >= 2 && w_[trigger.first - 1].is("been") && aux(trigger.first - 2));
        if (perfect && within_sentence(m.last, trigger.first)) return true;
        continue;
      }
      // "Syria's civil war, now in its seventh year, has killed 400,000": the war as the subject
      // of a toll in the perfect is its history, not an event.
      if (kind == Modality::Era) {
        const auto aux = [&](uint32_t k) { return w_[k].is("has") || w_[k].is("have") || w_[k].is("had"); };
        const bool perfect = (trigger.first >= 1 && aux(trigger.first - 1)) ||
                             (trigger.first >= 2 && aux(trigger.first - 2) &&
                              (w_[trigger.first - 1].is("also") || w_[trigger.first - 1].is("already") ||
                               w_[trigger.first - 1].is("now") || w_[trigger.first - 1].is("so")));
        // (An apposition or a relative clause may stand between: "the war, now in its tenth year,
        // has killed", "the war between the army and the RSF, which began in April 2023, has killed".)
        const bool near = m.first + 24 >= trigger.first && within_sentence(m.last, trigger.first);
        if (perfect && (m.first >= deny_start || near)) return true;
        continue;
      }
      // "to escape the fighting", "amid intense clashes": the violence is the scene of what is told;
      // "claimed previous bombings": other violence than what is told; when nothing but an article
      // or adjectives stands between; "asked Congress to authorize military strikes": violence
      // asked for or approved, not done.
      if (kind == Modality::Backdrop || kind == Modality::Elsewhere || kind == Modality::Request) {
        bool close = m.last <= trigger.first && trigger.first - m.last <= 3;
        for (uint32_t k = m.last; k < trigger.first && close; ++k) {
          const uint8_t pos = w_[k].kind == TokenKind::Word ? vocab_.pos(w_[k].parts.front().key) : 0;
          // ("fled after clashing": a word that orders two events is no adjective of the second.)
          const bool orders = w_[k].is("after") || w_[k].is("before") || w_[k].is("since") || w_[k].is("until") ||
                              w_[k].is("then") || w_[k].is("following");
          close = w_[k].is("the") || w_[k].is("a") || w_[k].is("an") ||
                  ((pos & Vocabulary::Adjective) && !(pos & Vocabulary::Verb) && !preposition(k) && !orders);
        }
        if (close) return true;
        continue;
      }
      // "The war began in 2011 when troops fired on protesters": a summary of the war
      // reaches every event told after it in the sentence.
      if (kind == Modality::History && m.first < trigger.first) return true;
      // "A vehicle sent to rescue an MP was struck by an IED", "supporters armed with sticks
      // assaulted members": a verb of supply in a participle describing the subject, the trigger a
      // verb of its own; not what was sent. Only a noun is what was supplied ("supplied drones").
      if (kind == Modality::Transfer) {
        if (voice != Voice::Noun) continue;
        bool own_verb = false;
        for (uint32_t k = m.last; k < trigger.first && !own_verb; ++k)
          own_verb = is(k, "was") || is(k, "were") || is(k, "is") || is(k, "are") || is(k, "been");
        if (own_verb) continue;
      }
      // (A qualifier inside the trigger is part of it: "feared dead".)
      if (m.first < trigger.first && (m.first >= start || (kind == Modality::Denial && m.first >= deny_start)))
        return true;
    }
    // "since 2011", "since September 2014": a period, not one event, in the trigger's clause
    // or right after it.
    for (uint32_t k = start; k < w_.size() && k < trigger.last + 8; ++k) {
      if (k >= trigger.first && k < trigger.last) continue;
      if (k > trigger.last && (w_[k].is(";") || w_[k].is("."))) break;
      if (w_[k].is("since") && since_year(k)) return true;
    }
    // "Since October, more than 300 fighters have been killed by Israeli strikes": a period opening
    // the sentence, with a toll in the perfect, sums the violence its clauses name. (Not a report's
    // first sentence: a note that tells nothing else is coded as the event it sums.)
    for (uint32_t k = 0; s_ > 0 && k < trigger.first && k < 4; ++k)
      if (w_[k].is("since") && k + 1 < w_.size() && w_[k + 1].kind == TokenKind::Word &&
          calendar_word(w_[k + 1].parts.front().key)) {
        for (uint32_t j = k + 2; j + 1 < w_.size(); ++j)
          if ((w_[j].is("has") || w_[j].is("have")) && (w_[j + 1].is("been") || w_[j + 1].is("killed"))) return true;
        break;
      }
    return false;
  }
  // "since 2011", "since March 2011": a year within two words after "since".
  // Whether no ';' or '.' stands in tokens [from, to): one sentence's words, however a segmenter
  // split the text.
  bool within_sentence(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k < to; ++k)
      if (w_[k].is(";") || w_[k].is(".")) return false;
    return true;
  }
  bool since_year(uint32_t k) const {
    for (uint32_t j = k + 1; j < w_.size() && j <= k + 2; ++j) {
      const std::string_view x = w_[j].text;
      if (w_[j].kind == TokenKind::Number && x.size() == 4 && (x.starts_with("19") || x.starts_with("20"))) return true;
      if (!(w_[j].kind == TokenKind::Word && calendar_word(w_[j].parts.front().key))) return false;
    }
    return false;
  }

  bool demonstration(const Hit& h) const {
    const Trigger& t = ev_.trigger_defs[h.payloads.front()];
    return t.rule == Rule::Fixed && ev_.types[t.type].plover_type == "PROTEST";
  }
  // "soldiers marched to the village", "military forces marching on foot": a march by a state's
  // forces or an armed group is their movement, no demonstration (cues.tsv's movement).
  bool forces_moving(const Hit& h) const {
    if (!demonstration(h) || !(cue_at_[h.first] & kMovement)) return false;
    // (The party heads the subject: "military wives marched", "opposition groups and associations
    // marched" demonstrate; "troops then marched" move.)
    return std::any_of(parties_.begin(), parties_.end(), [&](const PartySpan& p) {
      return organised(p.party) &&
             (p.last == h.first || (p.last + 1 == h.first && (is(p.last, "then") || is(p.last, "later") ||
                                                              (w_[p.last].letter_case == Case::Any && w_[p.last].text.ends_with("ly")))));
    });
  }
  bool party_starts(uint32_t t) const { return t < w_.size() && (at_[t] & kPartyStarts); }
  // What a protest is about, or the earlier event a report names as its
  // occasion, is not what happened: "protested against the killing of a
  // trader", "following the arrest of their leader" (cues.tsv).
  bool grievance(const Hit& h) const {
    if (demonstration(h)) return false;
    if (main_verb_after_topic(h) && !occasion_before(h.first)) return false;
    return background_at(h.first);
  }
  // "Demonstrators demanding the release of their leader clashed with police", "... attacked a
  // police station": a verb right after a noun, with its object after it (or "with" after a verb
  // of clashing), is the clause's own verb: what the protest was about ended before it. (Not a
  // participle told of a noun: "two cadres assassinated in May", "a man killed by police", "a girl
  // who was raped", "the killing of".)
  bool main_verb_after_topic(const Hit& h) const {
    const Trigger& t = ev_.trigger_defs[h.payloads.front()];
    if (t.voice != Voice::Active || h.first == 0 || h.last >= w_.size()) return false;
    const Word& prev = w_[h.first - 1];
    if (prev.kind != TokenKind::Word || prev.is("the") || prev.is("a") || prev.is("an") || prev.is("to") ||
        prev.is("who") || prev.is("which") || prev.is("that") || prev.is("was") || prev.is("were") ||
        prev.is("been") || prev.is("being") || prev.is("is") || prev.is("are") || prev.is("of") || preposition(h.first - 1))
      return false;
    // (A clause after "after" or "because" tells what came before: "held a demonstration after a
    // police shot killed a driver".)
    for (uint32_t k = h.first; k-- > 0;) {
      if (is(k, "after") || is(k, "following") || is(k, "because") || is(k, "since") || is(k, "when") || is(k, "as"))
        return false;
      if (clause_edge(k)) break;
    }
    const Word& next = w_[h.last];
    if (t.rule == Rule::Clash && next.is("with")) return true;
    return next.kind == TokenKind::Word && !preposition(h.last) && !next.is("by") &&
           (next.is("the") || next.is("a") || next.is("an") || party_starts(h.last) || covered_[h.last] >= 0);
  }
  // "during a raid", "in a night raid": a noun after "during" or "in", with at most an article and
  // two modifiers between.
  bool after_during(uint32_t t) const {
    for (uint32_t k = t, between = 0; k-- > 0 && between <= 3; ++between) {
      if (w_[k].is("during") || w_[k].is("in")) return true;
      if (w_[k].kind != TokenKind::Word || w_[k].letter_case != Case::Any || preposition(k)) return false;
    }
    return false;
  }
  // "a raid by bandits", "an operation conducted by French forces", "raids on the IS bastion",
  // "operations against al-Nusra": who did it or whom it targeted, within three words after token
  // t, in its clause.
  bool by_after(uint32_t t) const {
    for (uint32_t k = t; k < w_.size() && k < t + 3 && !clause_edge(k); ++k)
      if (w_[k].is("by") || w_[k].is("on") || w_[k].is("against") || w_[k].is("targeting")) return true;
    return false;
  }
  // Whether token t is in a protest's grievance or an event's occasion.
  // An occasion begins or ends just before token t: "following the arrest of", "on their way to
  // join (an opposition) rally".
  bool occasion_before(uint32_t t) const {
    for (uint32_t k = t; k-- > 0 && t - k <= 3;)
      if ((cue_at_[k] & kOccasion) || occasion_ends_[k + 1]) return true;
    // "came days after President Gustavo Petro suspended a ceasefire": the occasion's clause, its
    // subject a name, tells the earlier event.
    uint32_t k = t;
    while (k > 0 && t - k < 6 && (covered_[k - 1] >= 0 || (w_[k - 1].kind == TokenKind::Word && w_[k - 1].letter_case != Case::Any)))
      --k;
    return k < t && k > 0 && occasion_ends_[k];
  }
  bool background_at(uint32_t t) const {
    if (occasion_before(t)) return true;
    bool topic = false;
    for (uint32_t k = t; k-- > 0;) {
      const Word& w = w_[k];
      if (w.is(";") || w.is(".") || w.is(":")) return false;
      // A new clause with a subject of its own: "protested over fees, and police dispersed them".
      // (Not a noun of an event joined to the grievance: "against the vandalism and assault by
      // members of BNP", "harassment of two students, and assault on students".)
      const auto event_noun_at = [&](uint32_t x) {
        return std::any_of(trigger_hits_.begin(), trigger_hits_.end(), [&](const Hit& h) {
          return h.first == x && ev_.trigger_defs[h.payloads.front()].voice == Voice::Noun;
        });
      };
      if ((w.is(",") || w.is("and") || w.is("but") || w.is("while") || w.is("when") || w.is("as") ||
           w.is("before") || w.is("then") || w.is("until")) &&
          (party_starts(k + 1) || party_starts(k + 2) || party_starts(k + 3) || (k + 1 < w_.size() && covered_[k + 1] >= 0)) &&
          !((w.is("and") || w.is(",")) && k + 1 < w_.size() &&
            (event_noun_at(k + 1) || (is(k + 1, "and") && event_noun_at(k + 2)))))
        return false;
      if (cue_at_[k] & kTopic) topic = true;
      else if (topic && (at_[k] & kDemonstrationStarts))
        return true;
    }
    return false;
  }

  // The party of who acts, before a verb at t in its clause: the nearest party
  // that is not the object of a preposition ("the supporters of the party"
  // are a crowd, "members of JNIM" JNIM's party).
  Party party_before(uint32_t t, uint32_t reach = 14) const {
    const int i = party_index_before(t, reach);
    return i < 0 ? Party::None : parties_[std::size_t(i)].party;
  }
  // Whether the period at k ends "No." before a number: "the No. 2 police station".
  bool post_number(uint32_t k) const {
    return k > 0 && k + 1 < w_.size() && w_[k].is(".") && w_[k - 1].is("no") && w_[k + 1].kind == TokenKind::Number;
  }
  // The first token of the noun phrase a party span ends: back over articles,
  // numbers, names and adjectives ("the defeated AL candidate").
  uint32_t phrase_start(uint32_t q) const {
    for (uint32_t steps = 0; q > 0 && steps < 4; ++steps) {
      // ("6 to 7 people": a range's upper bound and its "to" are one number.)
      if (q >= 3 && w_[q - 1].kind == TokenKind::Number && (w_[q - 2].is("to") || w_[q - 2].is("or")) &&
          w_[q - 3].kind == TokenKind::Number)
        q -= 2;
      if (q >= 2 && post_number(q - 1)) q -= 1;  // ("the No. 2 police station")
      const Word& w = w_[q - 1];
      const bool modifier =
          w.is("the") || w.is("a") || w.is("an") || w.is("its") || w.is("their") || w.is("his") || w.is("her") ||
          w.kind == TokenKind::Number || (w.kind == TokenKind::Word && w.letter_case != Case::Any && q - 1 > 0) ||
          (w.kind == TokenKind::Word && w.letter_case == Case::Any && (vocab_.pos(w.parts.front().key) & Vocabulary::Adjective) &&
           !preposition(q - 1) && !party_ends(q)) ||
          // "supporters of the upazila chairman candidate": nouns compounded before the head.
          // (A party word right before the head is such a noun too: "a head teacher", "a chairman
          // candidate".)
          (w.kind == TokenKind::Word && w.letter_case == Case::Any && !preposition(q - 1) &&
           (!party_ends(q) || steps == 0) && noun_modifier(w));
      // (A clause's first word is no modifier: "were killed after gunmen attacked".)
      if (!modifier || preposition(q - 1) || (party_ends(q) && !(steps == 0 && modifier)) || verb_ends(q, UINT32_MAX) ||
          clause_edge(q - 1))
        break;
      --q;
    }
    return q;
  }
  // Whether the noun phrase starting at q is the complement of "of" after a party, a few lower-case
  // words before it: "supporters of the ward chairman", "members of a district council".
  bool of_complement(uint32_t q) const {
    for (uint32_t k = q, steps = 0; k >= 2 && steps < 4; --k, ++steps) {
      const Word& w = w_[k - 1];
      if (w.is("of")) return steps > 0 && party_ends(k - 1);
      // (A party word right before is a compound's modifier: "supporters of a chairman candidate".)
      if (w.kind != TokenKind::Word || w.letter_case != Case::Any || (party_ends(k) && steps > 0) || verb_ends(k, UINT32_MAX) ||
          clause_edge(k - 1) || preposition(k - 1))
        return false;
    }
    return false;
  }
  // A word that may modify a noun after it in a compound: a noun that is no verb, or a word the
  // vocabulary does not know ("upazila").
  bool noun_modifier(const Word& w) const {
    const uint8_t pos = vocab_.pos(w.parts.front().key);
    return pos == 0 ? w.parts.front().key.size() > 3 : (pos & Vocabulary::Noun) && !(pos & Vocabulary::Verb);
  }
  // Whether token q lies after a topic word of cues.tsv ("demanding", "against") that is after a
  // demonstration's party or word, in the clause that reaches token t.
  bool in_topic(uint32_t q, uint32_t t) const {
    for (uint32_t k = q; k-- > 0 && q - k <= 8;) {
      if (clause_edge(k)) return false;
      if (!(cue_at_[k] & kTopic)) continue;
      if (k >= t) return false;
      for (uint32_t d = k; d-- > 0 && k - d <= 8 && !clause_edge(d);)
        if ((at_[d] & kDemonstrationStarts) ||
            std::any_of(parties_.begin(), parties_.end(), [&](const PartySpan& p) { return p.first == d && p.party == Party::Protester; }))
          return true;
      return false;
    }
    return false;
  }
  // Whether the noun phrase at q is named after "including" or "among", with only its words
  // between ("including a head teacher"): some of a party named before.
  bool included(uint32_t q) const {
    for (uint32_t k = q, steps = 0; k > 0 && steps < 4; --k, ++steps) {
      const Word& w = w_[k - 1];
      if (w.is("including") || w.is("among")) return true;
      if (w.kind != TokenKind::Word || clause_edge(k - 1) || preposition(k - 1) || verb_ends(k, UINT32_MAX)) return false;
    }
    return false;
  }
  // How far after "members of" the group may be named: "suspected members of the Jalisco New
  // Generation Cartel" (its party word "Cartel" six words on).
  static constexpr uint32_t kOfReach = 7;
  int party_index_before(uint32_t t, uint32_t reach = 14) const {
    uint32_t edge = 0;
    for (uint32_t k = t; k-- > 0;)
      if (subject_edge(k) || (w_[k].is(".") && !post_number(k))) {
        edge = k + 1;
        break;
      }
    for (std::size_t i = parties_.size(); i-- > 0;) {
      const PartySpan& p = parties_[i];
      if (p.last > t) continue;
      if (t - p.last > reach || p.first < edge) break;
      const uint32_t q = phrase_start(p.first);
      // ("at least 20 relatives" is no prepositional phrase.)
      // (Nor "about 100 people", "over 50 villagers": a preposition before a number hedges it.)
      const bool hedge = q > 0 && ((w_[q - 1].is("at") && (w_[q].is("least") || w_[q].is("most"))) ||
                                   (w_[q].kind == TokenKind::Number && (w_[q - 1].is("about") || w_[q - 1].is("over"))));
      if (q > 0 && preposition(q - 1) && !hedge) {
        // "supporters of the candidate": the object of "of" after a party is that party's
        // complement; "members of JNIM": after a word that names no party, it is the party.
        const bool of_head = w_[q - 1].is("of") && q >= 2 && party_ends(q - 1);
        // "a leader along with his accomplices assaulted": a crowd joined to the subject acts
        // with it, and makes its violence a crowd's.
        const bool joined = w_[q - 1].is("with") && q >= 2 && (w_[q - 2].is("along") || w_[q - 2].is("together")) &&
                            p.party == Party::Crowd;
        if ((!w_[q - 1].is("of") || of_head) && !joined) continue;
      }
      // ("supporters of the ward chairman": the compound before the complement's head holds words
      // the vocabulary also knows as verbs.)
      if (of_complement(q)) continue;
      // "at least seven people, including a head teacher, assaulted": some of the party before.
      if (included(q)) continue;
      // "demonstrators demanding the release of their leader clashed": a party of what a protest
      // demands, between its topic word and the verb, is no doer.
      if (in_topic(q, t)) continue;
      // "killed two people and wounded nine": the object of another event word.
      if (verb_ends(q, t) && !prenominal_participle(q)) continue;
      if (speaks_before(p.last, t)) continue;
      // "members of JNIM": people of an armed group are that group (not "members of Jamaat-e-Islami
      // and police forces": a group joined after the object of "of" is another side; nor one past
      // the verb: "members of the party clashed with police" are the party's, not the police).
      if (p.party == Party::People && p.last < w_.size() && w_[p.last].is("of"))
        for (std::size_t k = i + 1; k < parties_.size() && parties_[k].first <= p.last + kOfReach && parties_[k].last <= t; ++k) {
          if (joined_between(p.last + 1, parties_[k].first)) break;
          if (organised(parties_[k].party)) return int(k);
        }
      return int(i);
    }
    return -1;
  }
  // "protesting farmers", "the fleeing residents": an -ing word of an event at the head of a noun
  // phrase is its adjective, not a verb whose object follows.
  bool prenominal_participle(uint32_t q) const {
    if (q == 0 || !w_[q - 1].parts.back().key.ends_with("ing")) return false;
    if (q == 1) return true;
    const Word& before = w_[q - 2];
    return before.is("the") || before.is("a") || before.is("an") || before.is("some") || before.is("many") ||
           before.kind == TokenKind::Number || numbers_at(q - 2);
  }
  // A verb of an event ends right before token p (and before t): what follows is its object.
  bool verb_ends(uint32_t p, uint32_t t) const { return p <= t && p <= w_.size() && (at_[p] & kVerbEnds); }
  bool party_ends(uint32_t t) const { return t <= w_.size() && (at_[t] & kPartyEnds); }
  // The party acted on, after token t: the first within reach in the clause.
  Party party_after(uint32_t t, uint32_t reach = 6) const {
    for (const PartySpan& p : parties_) {
      if (p.first < t) continue;
      if (p.first - t > reach) break;
      for (uint32_t k = t; k < p.first; ++k)
        if (w_[k].is(";") || w_[k].is(".") || w_[k].is(":") || w_[k].is("by")) return Party::None;
      if (speaker(p.first, p.last)) return Party::None;
      // "market traders", "a police union official": the last noun of a compound is its head
      // (a word written small may stand between).
      const PartySpan* head = &p;
      for (const PartySpan& q : parties_)
        if (q.first == head->last ||
            (q.first == head->last + 1 && w_[head->last].kind == TokenKind::Word && w_[head->last].letter_case == Case::Any &&
             !preposition(head->last) && !verb_ends(head->last + 1, UINT32_MAX) && !is(head->last, "and") &&
             !is(head->last, "or") && !party_ends(head->last + 1) && covered_[head->last] < 0))
          head = &q;
      // "five members of al-Shabaab": people of an armed group are that group.
      if (head->party == Party::People && head->last < w_.size() && w_[head->last].is("of"))
        for (const PartySpan& c : parties_)
          if (c.first > head->last && c.first <= head->last + kOfReach && organised(c.party))
            return c.party;
      return fought_in_list(int(head - parties_.data()));
    }
    return Party::None;
  }
  // Whether only the words of a list stand between tokens a and b, one of them a joiner: "and", a
  // comma, numbers, articles, possessives, "of" ("a councillor and 3 of his guards").
  bool list_gap(uint32_t a, uint32_t b) const {
    bool joined = false;
    for (uint32_t k = a; k < b; ++k) {
      const Word& w = w_[k];
      if (w.is("and") || w.is(",")) joined = true;
      else if (!(numbers_at(k) || w.is("of") || w.is("a") || w.is("an") || w.is("the") || w.is("his") ||
                 w.is("her") || w.is("their") || w.is("its") || w.is("other")))
        return false;
    }
    return joined;
  }
  // The party of the span at index i, or of the armed men listed with it: a list of those acted on
  // that holds a state's men or an armed group's ("1 policeman and 2 civilians were shot", "killed
  // a councillor and 3 of his guards") is the side fought (ACLED codes such killings as battles).
  Party fought_in_list(int i) const {
    if (i < 0) return Party::None;
    const Party found = parties_[std::size_t(i)].party;
    if (found != Party::Civilian && found != Party::People) return found;
    const auto armed_side = [](Party p) { return p == Party::State || p == Party::Armed; };
    for (std::size_t k = std::size_t(i); k > 0; --k) {
      const PartySpan& a = parties_[k - 1];
      if (a.last > parties_[k].first) continue;  // (a span inside another: the same phrase)
      if (!list_gap(a.last, parties_[k].first)) break;
      if (armed_side(a.party)) return a.party;
    }
    for (std::size_t k = std::size_t(i) + 1; k < parties_.size(); ++k) {
      const PartySpan& b = parties_[k];
      if (b.first < parties_[k - 1].last) continue;
      if (!list_gap(parties_[k - 1].last, b.first)) break;
      if (armed_side(b.party)) return b.party;
    }
    return found;
  }
  // The "by" that names a passive verb's doer after a short phrase of where or how, "shot [in the
  // shoulder] by", "killed [near the border on Monday] by": a phrase that opens with a preposition,
  // up to seven words with no clause's edge, conjunction or verb between ("an explosion near the
  // junction guarded by the military": the "by" is the participle's); w_.size() if none.
  uint32_t by_after_phrase(uint32_t t) const {
    if (t >= w_.size() || !preposition(t) || w_[t].is("by")) return uint32_t(w_.size());
    for (uint32_t k = t + 1; k < w_.size() && k < t + 7; ++k) {
      if (w_[k].is("by")) return k;
      if (clause_edge(k) || w_[k].is("and") || w_[k].is("or") || w_[k].is(".") || (at_[k] & kVerbEnds)) break;
      const uint8_t pos = w_[k].kind == TokenKind::Word ? vocab_.pos(w_[k].parts.back().key) : 0;
      if ((pos & Vocabulary::Verb) && (!(pos & Vocabulary::Noun) || w_[k].text.ends_with("ed"))) break;
    }
    return uint32_t(w_.size());
  }
  // The party right after one of `words` that follows token t closely: "by X", "on X".
  Party party_after_word(uint32_t t, std::initializer_list<std::string_view> words, uint32_t reach = 3) const {
    for (uint32_t k = t; k < w_.size() && k < t + reach; ++k)
      for (std::string_view key : words)
        if (w_[k].is(key)) {
          const Party p = party_after(k + 1, 3);
          if (p != Party::None) return p;
        }
    return Party::None;
  }
  bool aerial_named() const {
    return std::any_of(parties_.begin(), parties_.end(), [](const PartySpan& p) { return p.party == Party::Aerial || p.party == Party::Drone; });
  }
  bool lethal_named() const {
    return std::any_of(cue_at_.begin(), cue_at_.end(), [](uint32_t c) { return c & kLethal; });
  }

  bool preposition(uint32_t t) const {
    static constexpr std::string_view kWords[] = {"of", "to", "from", "by", "with", "for", "in", "at", "on", "against",
                                                  "into", "near", "among", "about", "over", "under", "between", "like"};
    const Word& w = w_[t];
    return w.parts.size() == 1 && std::find(std::begin(kWords), std::end(kWords), w.parts[0].key) != std::end(kWords);
  }
  bool subject_edge(uint32_t t) const {
    const Word& w = w_[t];
    return w.is(";") || w.is(":") || w.is("but") || w.is("while") || w.is("whereas") || w.is("although") ||
           w.is("though") || w.is("because");
  }
  // "the UN says ...", "residents said clashes broke out": who speaks (ending at token `end`) is
  // the source of the report of the event at t, not its actor, unless the report's subject
  // points back to the speaker ("the army said it had ...").
  bool speaks_before(uint32_t end, uint32_t t) const {
    uint32_t q = end;
    // ("residents of Kidal said": past the place or group the speakers are of.)
    if (q + 1 < t && (w_[q].is("of") || w_[q].is("in") || w_[q].is("from")))
      for (uint32_t k = q + 1; k < t && k < q + 5 && w_[k].kind == TokenKind::Word; ++k) {
        if (w_[k].letter_case == Case::Any && !w_[k].is("the")) break;
        if (k + 1 < t && speaks_[k + 1]) q = k + 1;
      }
    while (q < t && (w_[q].is("has") || w_[q].is("have") || w_[q].is("had") || w_[q].is("also"))) ++q;
    if (q >= t || !speaks_[q]) return false;  // (at t, the speech verb is what is asked about: "X claimed responsibility")
    for (uint32_t k = q + 1; k < t; ++k)
      if (w_[k].is("it") || w_[k].is("they") || w_[k].is("its") || w_[k].is("their") || w_[k].is("we")) return false;
    return true;
  }
  // Whether mention i stands in an apposition set off by commas right after another mention,
  // which it describes: "ISWAP, a splinter faction of Boko Haram, attacked", "JNIM, an al-Qaeda
  // affiliate, attacked" (the subject is ISWAP, JNIM). Not a list's member: "JNIM, the ISGS, and
  // Ansaroul Islam".
  bool in_apposition(std::size_t i) const {
    if (i == 0) return false;
    const MentionRef& m = mentions_[i];
    uint32_t close = m.last;
    while (close < w_.size() && close < m.last + 3 && w_[close].kind == TokenKind::Word && !is(close, "and") &&
           !is(close, "or"))
      ++close;
    if (close + 1 >= w_.size() || !is(close, ",") || is(close + 1, "and") || is(close + 1, "or")) return false;
    if (i + 1 < mentions_.size() && mentions_[i + 1].first < close) return false;
    for (uint32_t k = m.first; k-- > 0 && m.first - k <= 6;) {
      if (is(k, ","))
        return (is(k + 1, "a") || is(k + 1, "an") || is(k + 1, "the")) && mentions_[i - 1].last == k;
      if (w_[k].kind != TokenKind::Word || is(k, "and") || is(k, "or")) return false;
    }
    return false;
  }
  // Whether the "by" at b names who made an operation (cues.tsv's operation) told right before
  // it: "operations by Afghan forces", "a military operation by the army" (then the subject of
  // what the operation did).
  bool operation_by(uint32_t b) const {
    if (b == 0 || b >= w_.size() || !w_[b].is("by")) return false;
    for (uint32_t k = b; k-- > 0 && b - k <= 3;) {
      if (w_[k].kind != TokenKind::Word) return false;
      if (cue_at_[k] & kOperation) return true;
    }
    return false;
  }
  // The subject of a verb at token t: the nearest mention before it in its
  // clause that is not the object of a preposition ("made up of Palestinians",
  // "lost it to rebels"), with the mentions coordinated with it.
  std::vector<const Actor*> before(uint32_t t, uint32_t reach = 14) const {
    uint32_t edge = 0;
    for (uint32_t k = t; k-- > 0;)
      if (subject_edge(k)) {
        edge = k + 1;
        break;
      }
    for (std::size_t i = mentions_.size(); i-- > 0;) {
      const MentionRef& m = mentions_[i];
      if (m.last > t) continue;
      if (t - m.last > reach || m.first < edge) break;
      uint32_t p = m.first;
      // (Back over a post's number too: "attacked the No. 2 police station with bombs" acts on it.)
      while (p > 0 && (w_[p - 1].is("the") || w_[p - 1].is("a") || w_[p - 1].is("an") ||
                       w_[p - 1].kind == TokenKind::Number || w_[p - 1].is("no") || post_number(p - 1)))
        --p;
      // (But "members of the National Guard", "fighters of the Arakan Army": people or armed men
      // of a group, as their party says, are the group; armed men a name goes before already
      // belong to it, the alliance: "JNIM militants of Katiba Macina" are JNIM's.)
      const Party own = party_of(*m.actor);
      const bool members_of = p >= 2 && w_[p - 1].is("of") &&
                              organised(own) &&
                              std::any_of(parties_.begin(), parties_.end(), [&](const PartySpan& x) {
                                return x.last == p - 1 && (x.party == Party::People || x.party == Party::Armed) &&
                                       !(i > 0 && mentions_[i - 1].last + 1 >= x.first && mentions_[i - 1].first < x.first);
                              });
      // (Nor a place's owner: "blew himself up in a mosque inside a police compound, killing 101"
      // is no police killing.)
      const bool within = p > 0 && (is(p - 1, "inside") || is(p - 1, "outside") || is(p - 1, "within"));
      if (p > 0 && (preposition(p - 1) || within) && !members_of && !operation_by(p - 1)) continue;
      // (Nor the last of a list that is a preposition's object: "rebels backed by Turkey and Qatar
      // attacked" are the rebels, not Qatar.)
      {
        std::size_t j = i;
        uint32_t q = p;
        while (j > 0 && mentions_[j - 1].last + 1 == q && joined_between(q - 1, q)) q = mentions_[--j].first;
        // ("fighters from Hezbollah and the army": after "of" or "from" the list is whose men act.)
        if (j < i && q > 0 && preposition(q - 1) && !is(q - 1, "of") && !is(q - 1, "from") && !operation_by(q - 1)) continue;
      }
      if (in_apposition(i)) continue;
      if (speaks_before(m.last, t)) continue;
      // "shooting civilians, looting homes": the object of another event word.
      if (verb_ends(p, t))
        continue;
      return coordinated(i);
    }
    return {};
  }
  std::vector<const Actor*> after(uint32_t t, uint32_t reach = 8) const {
    // "fights alongside the Assad regime", "fought together with the army": a partner, not a side
    // acted on.
    if (is(t, "alongside") || ((is(t, "together") || is(t, "along")) && is(t + 1, "with"))) return {};
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (mentions_[i].first < t) continue;
      if (mentions_[i].first - t > reach) break;
      if (speaker(mentions_[i].first, mentions_[i].last)) return {};
      // ("clashed with demonstrators demanding the resignation of President X": what they demand.)
      if (in_topic(mentions_[i].first, UINT32_MAX) && !in_topic(t, UINT32_MAX)) continue;
      // "killing 20 Masalit civilians": the civilians, of that community (ACLED's associated actor).
      if (i + 1 < mentions_.size() && mentions_[i + 1].first == mentions_[i].last && mentions_[i].actor->type == "other" &&
          mentions_[i + 1].actor->type == "civilians") {
        std::vector<const Actor*> out = coordinated(i + 1);
        out.push_back(mentions_[i].actor);
        return out;
      }
      return coordinated(i);
    }
    return {};
  }
  // Whether the words [first, last) open an attribution after a comma: "opened fire, police
  // spokesman Mohammed Jalige said", "killing two, the army said": the source of the report, not
  // a party to what it tells.
  bool speaker(uint32_t first, uint32_t last) const {
    // (A title of up to three words may stand between the comma and the name: ", Governor Oleh
    // Kiper said", ", the regional governor X said".)
    uint32_t open = first;
    while (open > 0 && first - open < 3 && w_[open - 1].kind == TokenKind::Word && !preposition(open - 1) &&
           !w_[open - 1].is("and") && !w_[open - 1].is("or") && !speaks_[open - 1] && !(at_[open] & kVerbEnds))
      --open;
    // (Or after a quotation closed by a comma: '"... killed 23 villagers," police spokesman X said'.)
    const bool quoted = open >= 2 && w_[open - 1].is("\"") && w_[open - 2].is(",");
    if (open == 0 || !(w_[open - 1].is(",") || quoted)) return false;
    for (uint32_t k = last; k < w_.size() && k < last + 4; ++k) {
      if (speaks_[k]) return true;
      // (Only the speaker's name or title between: "police spokesman Mohammed Jalige".)
      if (w_[k].kind != TokenKind::Word || (w_[k].letter_case == Case::Any && preposition(k))) return false;
    }
    return false;
  }
  // The mention right after one of `words` that follows token t closely: "by X", "on X".
  std::vector<const Actor*> after_word(uint32_t t, std::initializer_list<std::string_view> words, uint32_t reach = 3) const {
    for (uint32_t k = t; k < w_.size() && k < t + reach; ++k) {
      for (std::string_view key : words)
        if (w_[k].is(key)) {
          auto found = after(k + 1, 2);
          if (!found.empty()) return found;
        }
    }
    return {};
  }
  // The verb an attack noun at t is the object of: "fired [7 rounds of 105 mm] mortars", "planted
  // [a] mine" (launchers.tsv), with only the object's own words between; its first token, if any.
  // Its payload is 1 for a verb of answering ("responded with").
  const Hit* launched_by(uint32_t t) const {
    if (!launchers_) launchers_ = ev_.launchers.find(w_, starts_);  // only for an attack noun with no doer beside it
    for (const Hit& v : *launchers_)
      if (!v.payloads.empty() && object_of(v, t)) return &v;
    return nullptr;
  }
  // Whether an attack phrase begins with a verb of launchers.tsv that does it ("fired artillery
  // shells", "launched rockets").
  bool begins_with_launcher(const Hit& h) const {
    if (!launchers_) launchers_ = ev_.launchers.find(w_, starts_);
    return std::any_of(launchers_->begin(), launchers_->end(), [&](const Hit& v) {
      return v.first == h.first && v.last < h.last && !v.payloads.empty() && v.payloads.front() == 0;
    });
  }
  // The verb before the weapon noun at t, as its object, that makes it safe: "cleared 35
  // landmines" (disruptors.tsv); null if none. Its payload is its disruption.
  const Hit* disrupted_by(uint32_t t) const {
    if (!disruptors_) disruptors_ = ev_.disruptors.find(w_, starts_);  // only for a weapon's noun
    for (const Hit& v : *disruptors_)
      if (!v.payloads.empty() && object_of(v, t)) return &v;
    return nullptr;
  }
  // Whether the noun at t is the object of verb v, with only the object's own words between and
  // no actor named there.
  bool object_of(const Hit& v, uint32_t t) const {
    constexpr uint32_t kReach = 7;  // "fired at least 10 rounds of 120 mm" mortars
    if (v.last > t || t - v.last > kReach) return false;
    bool object = true;
    for (uint32_t k = v.last; k < t && object; ++k) {
      // ("about five rounds", "at least 10 rounds": a hedged number is the object's own.)
      const bool hedged_number = k + 2 < t && (numbers_at(k + 1) || numbers_at(k + 2)) &&  // ("about five")
                                 (w_[k].is("about") || w_[k].is("around") || w_[k].is("over") || w_[k].is("at") ||
                                  w_[k].is("least") || w_[k].is("nearly") || w_[k].is("some") || w_[k].is("more") ||
                                  w_[k].is("than") || w_[k].is("approximately") || w_[k].is("almost"));
      // ("three to four rounds", "two or three shells": a range of numbers is one.)
      const bool range = k > v.last && k + 1 < t && (w_[k].is("to") || w_[k].is("or")) && numbers_at(k - 1) && numbers_at(k + 1);
      object = hedged_number || range || w_[k].is("of") ||
               ((w_[k].kind == TokenKind::Number || (w_[k].kind == TokenKind::Word && w_[k].letter_case == Case::Any)) &&
                !preposition(k));
    }
    const bool named = std::any_of(mentions_.begin(), mentions_.end(),
                                   [&](const MentionRef& m) { return m.first >= v.last && m.first < t; });
    return object && !named;
  }
  // Whether the "by" right after t names what came before, after or along with the act, no doer
  // (cues.tsv's company: "a rocket followed by gunfire, the attackers ...").
  bool by_is_company(uint32_t t) const {
    for (uint32_t k = t; k + 1 < w_.size() && k < t + 3; ++k)
      if ((cue_at_[k] & kCompany) && w_[k + 1].is("by")) return true;
    return false;
  }
  // "an attack by X", also past words that hedge or say how: "an attack
  // believed to have been carried out by X" (agents.tsv).
  std::vector<const Actor*> by_agent(uint32_t t) const {
    constexpr uint32_t kReach = 10;  // the longest gap and a "by" after it
    bool by = false;
    for (uint32_t k = t; k < w_.size() && k < t + kReach && !by; ++k) by = w_[k].is("by");
    if (!by) return {};
    if (by_is_company(t)) return {};
    const std::vector<Hit> gaps = ev_.agent_gaps.find(w_, starts_);
    for (bool moved = true; moved;) {
      moved = false;
      for (const Hit& g : gaps)
        if (g.first == t && !g.payloads.empty() && g.last > t) t = g.last, moved = true;
    }
    return after_word(t, {"by"});
  }
  // A mention with those listed with it: "Iran and Hezbollah", "Turkey, Saudi
  // Arabia and Qatar". Commas alone do not make a list ("the rebels, the regime forces ...").
  std::vector<const Actor*> coordinated(std::size_t i) const {
    std::vector<const Actor*> out{mentions_[i].actor};
    bool conjunction = false;
    auto joins = [&](uint32_t a, uint32_t b) {  // tokens between two mentions
      for (uint32_t k = a; k < b; ++k) {
        // "JNIM and/or ISGS": either, as ACLED codes an uncertain attribution.
        if (w_[k].is("and") || w_[k].is("or") || (w_[k].is("/") && k > a && w_[k - 1].is("and"))) conjunction = true;
        // (A name the second's mention leaves out may stand before it: "and Meitei villagers"; so
        // may a word that says how it stands to the first: "RSF fighters and allied Arab militias",
        // "and its allied militias", "and other armed groups".)
        // (Nor does a name's bracketed other name: "ISWAP and Boko Haram (JAS) clashed".)
        else if (!(w_[k].is(",") || w_[k].is("the") || w_[k].is("(") || w_[k].is(")") ||
                   (k + 1 == b && k > a && w_[k].kind == TokenKind::Word && w_[k].letter_case == Case::Capital) ||
                   (k > a && (w_[k - 1].is("and") || w_[k - 1].is("its") || w_[k - 1].is("their")) &&
                    (w_[k].is("allied") || w_[k].is("affiliated") || w_[k].is("other") || w_[k].is("local"))) ||
                   (k > a && w_[k - 1].is("and") && (w_[k].is("its") || w_[k].is("their")))))
          return false;
      }
      return b > a;
    };
    // A bracketed name right after another is that one's other name or its parent ("Katiba Macina
    // (JNIM) and Dan Na Ambassagou militiamen clashed"): on its side, never a side of its own.
    auto bracketed = [&](std::size_t j) {
      return j > 0 && mentions_[j].first > 0 && w_[mentions_[j].first - 1].is("(") &&
             mentions_[j - 1].last + 1 == mentions_[j].first;
    };
    for (std::size_t j = i + 1; j < mentions_.size() && joins(mentions_[j - 1].last, mentions_[j].first); ++j)
      if (!bracketed(j)) out.push_back(mentions_[j].actor);
    for (std::size_t j = i; j-- > 0 && joins(mentions_[j].last, mentions_[j + 1].first);)
      if (!bracketed(j)) out.push_back(mentions_[j].actor);
    if (!conjunction) out.resize(1);
    // In the order the text lists them: the first named is the main actor.
    std::vector<std::pair<uint32_t, const Actor*>> placed;
    for (const MentionRef& m : mentions_)
      if (std::find(out.begin(), out.end(), m.actor) != out.end()) placed.emplace_back(m.first, m.actor);
    std::sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Actor*> unique;
    for (const auto& [pos, a] : placed)
      if (std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(a);
    return unique;
  }
  // Whether a killing's victim is one person named without a number: "killed
  // a farmer", "shot dead the chief", "a man was killed", "the journalist died".
  bool one_victim(const Hit& h, bool passive_voice) const {
    // A noun phrase of up to four words whose last word is not plural, beginning
    // with an article, "one", a name or a singular noun ("Police kill OLF insurgent").
    const auto plural = [&](const Word& w) {
      const std::string_view x = w.parts.back().key;
      static constexpr std::string_view kIrregular[] = {"people", "men", "children", "police", "personnel", "staff", "cattle"};
      return w.letter_case == Case::Any &&
             ((x.size() > 3 && x.ends_with('s') && !x.ends_with("ss")) || (x.size() > 3 && x.ends_with("men")) ||
              std::find(std::begin(kIrregular), std::end(kIrregular), x) != std::end(kIrregular));
    };
    const auto stop = [&](const Word& w) {
      return w.kind != TokenKind::Word || preposition(uint32_t(&w - w_.data())) || w.is("and") || w.is("or") ||
             w.is("as") || w.is("when") || w.is("while") || w.is("after") || w.is("before") ||
             (w.letter_case == Case::Capital && calendar_word(w.parts.front().key));
    };
    static constexpr std::string_view kPronouns[] = {"he", "she", "him", "her"};
    if (passive_voice) {
      uint32_t k = h.first;
      // Back over auxiliaries and verbs joined to this one: "a farmer is attacked and killed".
      const auto joined_verb = [&](uint32_t x) {
        return w_[x].is("and") || std::any_of(trigger_hits_.begin(), trigger_hits_.end(),
                                               [&](const Hit& o) { return o.first <= x && x < o.last; });
      };
      while (k > 0 && (w_[k - 1].is("was") || w_[k - 1].is("is") || w_[k - 1].is("been") || w_[k - 1].is("has") ||
                       w_[k - 1].is("had") || w_[k - 1].is("reportedly") || w_[k - 1].is("allegedly") ||
                       joined_verb(k - 1)))
        --k;
      // ("A soldier died": a death word needs no auxiliary, cues.tsv's death, after a party: not
      // "cows also died", "a leader, who died during treatment".)
      if (k == 0 || (k == h.first && !((cue_at_[h.first] & kDeath) && party_ends(h.first))))
        return k > 0 && std::any_of(std::begin(kPronouns), std::end(kPronouns), [&](std::string_view p) { return w_[k - 1].is(p); });
      const Word& head = w_[k - 1];
      if (std::any_of(std::begin(kPronouns), std::end(kPronouns), [&](std::string_view p) { return head.is(p); }))
        return true;
      return !stop(head) && !plural(head) && !head.is("they") && !head.is("it");
    }
    uint32_t k = h.last;
    if (k >= w_.size() || stop(w_[k]) || numbers_at(k)) return false;
    if (std::any_of(std::begin(kPronouns), std::end(kPronouns), [&](std::string_view p) { return w_[k].is(p); }))
      return true;
    uint32_t end = k;
    while (end < w_.size() && end < k + 4 && !stop(w_[end])) ++end;
    // "killing a family of five", "its crew of three": a group's number counts its members (the
    // count does), where "a mother of four" is one.
    // ("killed a number of terrorists", "a group of militants": the plural after it is who died.)
    if (end + 1 < w_.size() && w_[end].is("of") && (at_[end - 1] & kGroup) &&
        (numbers_at(end + 1) || plural(w_[end + 1]) || (end + 2 < w_.size() && plural(w_[end + 2]))))
      return false;
    return !plural(w_[end - 1]);
  }
  // Whether the trigger's words say those it names were killed ("lynched"; counted.tsv).
  // (Or the verb's result after its object says so: "hacked a trader to death", "shot the chief
  // dead", "beat two men to death".)
  bool kills(const Hit& h) const {
    if (at_[h.first] & kSaysKilled) return true;
    if (!violent_verb(h)) return false;
    for (uint32_t k = h.last; k < w_.size() && k < h.last + 7; ++k) {
      if (w_[k].kind == TokenKind::Punct || clause_edge(k)) break;
      if ((k > h.last && is(k, "dead")) || (is(k, "to") && is(k + 1, "death"))) return true;
    }
    return false;
  }
  // A verb of attack or killing in the active ("shot", "hacked", "killed"), whose object's result
  // may follow it.
  bool violent_verb(const Hit& h) const {
    const Trigger& t = ev_.trigger_defs[h.payloads.front()];
    return t.voice == Voice::Active && (attack_like(t.rule) || t.rule == Rule::Killing);
  }
  // "shot the chief dead", "beat him to death": the result after a violent verb's object is that
  // verb's event (kills() reads its toll), not a second one whose victims stand before it.
  bool resultative(const Hit& h) const {
    if (h.last != h.first + 1 || !(is(h.first, "dead") || (is(h.first, "death") && h.first > 0 && is(h.first - 1, "to"))))
      return false;
    // ("left him for dead": wounded, and told by the verb before.)
    if (h.first > 0 && is(h.first - 1, "for")) return true;
    return std::any_of(trigger_hits_.begin(), trigger_hits_.end(), [&](const Hit& o) {
      if (o.last >= h.first || h.first - o.last > 6 || !violent_verb(o)) return false;
      for (uint32_t k = o.last; k < h.first; ++k)
        if (w_[k].kind == TokenKind::Punct || clause_edge(k)) return false;
      return true;
    });
  }
  // Whether a number word or numeral begins at token k ("two", "dozens", "12").
  bool numbers_at(uint32_t k) const {
    if (w_[k].kind == TokenKind::Number) return true;
    return std::any_of(number_hits_.begin(), number_hits_.end(), [&](const Hit& n) { return n.first == k; });
  }
  // A participle with nothing acted on after it tells what was done to what
  // stands before it: "14 civilians killed in an air strike", "two soldiers
  // wounded when ...", as headlines and notes write.
  bool reduced_passive(const Hit& h) const {
    const Rule rule = ev_.trigger_defs[h.payloads.front()].rule;
    if (rule != Rule::Killing && !attack_like(rule) && rule != Rule::Fixed) return false;
    if (h.first == 0 || !party_ends(h.first)) return false;  // the victims stand right before
    // "an IED planted by suspected JNIM militants exploded": the party a "by" names just before
    // did what was done before the participle; it is no victim of it.
    for (uint32_t k = h.first; k-- > 0 && k + 6 > h.first && w_[k].kind != TokenKind::Punct;)
      if (is(k, "by")) return false;
    auto participle = [](std::string_view x) {
      return x.ends_with("ed") || x == "slain" || x == "shot" || x == "hit" || x == "beaten" || x == "burnt" ||
             x == "taken" || x == "stabbed";
    };
    // The participle's result after it is no object: "hacked to death", "shot dead", "gunned down"
    // ("opened fire" and "seized livestock" have one).
    const std::string_view result = w_[h.last - 1].text;
    const bool resulting = result == "death" || result == "dead" || result == "alive" || result == "down";
    if (!participle(result) && !(resulting && participle(w_[h.first].text))) return false;
    if (h.last == w_.size()) return true;
    const Word& next = w_[h.last];
    static constexpr std::string_view kAfter[] = {"in", "by", "as", "when", "after", "during", "on", "at", "near",
                                                 "while", "following", "amid", "overnight", "yesterday", "today"};
    // "killed at least 39 civilians" counts its object: "at least" and "at most" are no place.
    if ((next.is("at") || next.is("by")) && h.last + 1 < w_.size() && (w_[h.last + 1].is("least") || w_[h.last + 1].is("most") || w_[h.last + 1].is("up")))
      return false;
    return next.kind == TokenKind::Punct ||
           std::any_of(std::begin(kAfter), std::end(kAfter), [&](std::string_view k) { return next.is(k); });
  }
  bool passive(const Hit& h) const {
    // ("troops have been attacking the villages", "were shelling": a progressive is active.)
    if (w_[h.first].text.ends_with("ing")) return false;
    for (uint32_t k = h.first; k-- > 0 && k + 3 > h.first;)
      if (is(k, "was") || is(k, "were") || is(k, "been") || is(k, "being") || is(k, "is") || is(k, "are") ||
          is(k, "be"))
        return true;
    // "a farmer was attacked and killed": a verb joined to a passive one is passive too.
    if (h.first >= 2 && is(h.first - 1, "and"))
      for (const Hit& o : trigger_hits_)
        if (o.last == h.first - 1 && o.first < h.first) return passive(o);
    return false;
  }
  // What a taking took is a place: a place's name or a word for a place ("the
  // town of") after the verb, or before it in a passive ("parts of the front
  // line were taken").
  // The verb's object is one of the goods (goods.tsv): "seized a thousand heads of livestock".
  bool goods_taken(const Hit& h) const {
    constexpr uint32_t kReach = 6;
    if (!goods_at_) {
      goods_at_.emplace(w_.size(), false);
      for (const Hit& g : ev_.goods.find(w_, starts_))
        if (!g.payloads.empty()) (*goods_at_)[g.first] = true;
    }
    for (uint32_t k = h.last; k < w_.size() && k < h.last + kReach; ++k) {
      if ((*goods_at_)[k]) return true;
      if (w_[k].is(";") || w_[k].is(".") || w_[k].is(",") || (k > h.last && preposition(k) && !w_[k].is("of"))) return false;
    }
    return false;
  }

  bool place_taken(const Hit& h, bool passive_voice) const {
    constexpr uint32_t kReach = 8;
    const auto place_at = [&](uint32_t k) {
      return head_at_[k] || std::any_of(places_.begin(), places_.end(), [&](const Place& p) { return p.first == k; });
    };
    const auto stop = [&](uint32_t k) { return w_[k].is(";") || w_[k].is(".") || w_[k].is(","); };
    if (passive_voice) {
      for (uint32_t k = h.first; k-- > 0 && h.first - k <= kReach && !stop(k);)
        if (place_at(k)) return true;
      return false;
    }
    // The place is what was taken, the verb's object ("seized Boni", "took control of the
    // town"), not where things were seized ("seized a vehicle in Nokara": 17 ACLED dev notes of
    // looting coded as territory taken).
    for (uint32_t k = h.last; k < w_.size() && k < h.last + kReach && !stop(k); ++k) {
      if (place_at(k)) return true;
      if (k > h.last && preposition(k) && !w_[k].is("of")) return false;
    }
    return false;
  }


  // A blow struck that another event word tells closely is that event's hit, not an act of its
  // own: "the airstrike hit a vehicle", "the mortar attack that struck the camp", "their vehicle
  // struck an IED" (where the subject is the bomb's victim). ACLED dev notes: 25 of the 47 notes a
  // bare "struck"/"hit" changed were such hits, coded as a second event or with the sides reversed.
  bool hit_of_another(const Hit& h) const {
    constexpr uint32_t kBefore = 8, kAfter = 5;
    for (const Hit& o : trigger_hits_) {
      if (&o == &h || ev_.trigger_defs[o.payloads.front()].rule == Rule::Strike) continue;
      const bool before = o.last <= h.first && h.first - o.last <= kBefore;
      const bool after = o.first >= h.last && o.first - h.last <= kAfter;
      if (!before && !after) continue;
      bool apart = false;
      for (uint32_t k = before ? o.last : h.last; k < (before ? h.first : o.first) && !apart; ++k)
        apart = w_[k].is(";") || w_[k].is(".") || w_[k].is(",") || w_[k].is("and") || w_[k].is("but");
      if (!apart) return true;
    }
    return false;
  }

  // "a drone attack set fire to a refinery", "the shelling burned houses": burning whose subject is
  // an attack's or a strike's noun right before it is that attack's damage, no second event.
  bool damage_of_attack(const Hit& h) const {
    return std::any_of(trigger_hits_.begin(), trigger_hits_.end(), [&](const Hit& o) {
      const Trigger& t = ev_.trigger_defs[o.payloads.front()];
      if (&o == &h || t.voice != Voice::Noun || o.last > h.first || h.first - o.last > 1) return false;
      if (o.last < h.first && (w_[o.last].kind != TokenKind::Word || is(o.last, "and") || is(o.last, "or")))
        return false;  // ("attacks and arson": two)
      return t.rule == Rule::Bomb || attack_like(t.rule) ||
             (t.rule == Rule::Fixed && ev_.types[t.type].armed_violence == ArmedViolence::Remote);
    });
  }

  // `subject`: the last active verb's subject, which a verb joined to it by a
  // comma or "and" shares; updated.
  std::optional<Found> read(const Hit& h, const Trigger& t, const std::vector<Count>& counted,
                            const Surroundings& around, Party victims, std::vector<const Actor*>& subject,
                            Party& subject_party) const {
    if (t.rule == Rule::Strike && hit_of_another(h)) return std::nullopt;
    if (t.rule == Rule::Destroy && damage_of_attack(h)) return std::nullopt;
    std::vector<const Actor*> agent, target;
    // The kinds of party on either side, read from the same places as the actors
    // but also from words no actor was recognised in ("gunmen", "a teacher").
    Party pa = Party::None, pt = Party::None;
    if (t.voice == Voice::Passive || passive(h) || reduced_passive(h)) {
      agent = after_word(h.last, {"by", "to"});
      target = before(h.first);
      pa = party_after_word(h.last, {"by", "to"});
      // "was shot in the shoulder by a police officer": the doer's "by" after a phrase of where.
      if (agent.empty() && pa == Party::None)
        if (const uint32_t by = by_after_phrase(h.last); by < w_.size()) {
          agent = after(by + 1, 2);
          pa = party_after(by + 1, 3);
        }
      pt = fought_in_list(party_index_before(h.first));
    } else if (t.voice == Voice::Noun && !attempted(h)) {
      // ("tried to attack": an attack noun after an attempt is its verb, read as one below.)
      // "Russian airstrikes", "regime barrel bomb attacks", "airstrikes by X", "a bomber from X",
      // "clashes between X and Y", "clashes with X"
      // (Not across punctuation: "Afghanistan: Blasts and clashes ..." names the story's country.)
      // ("Turkish drones struck": the doer's mention may end inside the trigger that begins with its noun.)
      for (std::size_t i = mentions_.size(); i-- > 0;)
        // (Not across a preposition: "Kills 10 Terrorists in Missile Attack" names the attack's targets.
        // Nor across "using", which says the weapon is a means, of a verb whose object the mention
        // may be: "ambushed the soldiers using landmines", read below.)
        if ((mentions_[i].last <= h.first && h.first - mentions_[i].last <= 1 &&
             (mentions_[i].last == h.first ||
              (w_[mentions_[i].last].kind == TokenKind::Word && !preposition(mentions_[i].last) &&
               !speaks_[mentions_[i].last] && !means_word(mentions_[i].last)))) ||
            (mentions_[i].first < h.first && mentions_[i].last > h.first && mentions_[i].last < h.last)) {
          agent = coordinated(i);
          break;
        }
      for (std::size_t i = parties_.size(); i-- > 0;)
        if (parties_[i].last <= h.first && h.first - parties_[i].last <= 1 &&
            (parties_[i].last == h.first ||
             // (not "residents said clashes", nor "arrested 15 Palestinians during raids")
             (!speaks_[parties_[i].last] && !preposition(parties_[i].last) && !w_[parties_[i].last].is("during") &&
              !w_[parties_[i].last].is("amid") && !means_word(parties_[i].last)))) {
          pa = parties_[i].party;
          break;
        }
      // "terrorist mortar attacks by the Jaish al-Islam group": a generic word before the noun
      // ("terrorist", "rebel": a placeholder) is who the "by" after it names.
      const bool placeholder = !agent.empty() && std::all_of(agent.begin(), agent.end(), [](const Actor* a) {
        return a->id.starts_with('?');
      });
      if (agent.empty() || placeholder)
        if (auto by = by_agent(h.last); !by.empty() || agent.empty()) agent = std::move(by);
      if (pa == Party::None && !by_is_company(h.last)) pa = party_after_word(h.last, {"by"}, 6);
      // "Russian forces attacked Kharkiv with missiles", "struck the town with a Shahed drone": a
      // weapon after "with" is the means of the attack verb before it in its clause, whose subject
      // used it.
      if (agent.empty() && pa == Party::None) {
        uint32_t q = h.first;
        while (q > 0 && h.first - q < 4 &&
               (is(q - 1, "a") || is(q - 1, "an") || numbers_at(q - 1) ||
                (w_[q - 1].kind == TokenKind::Word && w_[q - 1].letter_case != Case::Any && !clause_edge(q - 1)) ||
                (w_[q - 1].kind == TokenKind::Word && (vocab_.pos(w_[q - 1].parts.front().key) & Vocabulary::Adjective) &&
                 !(vocab_.pos(w_[q - 1].parts.front().key) & Vocabulary::Verb))))
          --q;
        // ("attacked the detachment by firing a rocket", "attacked the troops using landmines": a
        // gerund of means says the same.)
        const bool means = q > 0 && (means_word(q - 1) ||
                                     (q > 1 && is(q - 2, "by") && w_[q - 1].letter_case == Case::Any &&
                                      w_[q - 1].text.ends_with("ing")));
        if (means)
          for (const Hit& v : trigger_hits_) {
            if (v.last >= q || q - v.last > 8) continue;
            const Trigger& vt = ev_.trigger_defs[v.payloads.front()];
            if (vt.voice != Voice::Active || !attack_like(vt.rule)) continue;
            bool edge = false;
            for (uint32_t k = v.last; k + 1 < q && !edge; ++k) edge = clause_edge(k);
            if (edge) continue;
            // ("police were attacked with landmines": the subject of a passive verb is what was
            // attacked, and who used the weapon is its "by", if any.)
            if (!passive(v) && !reduced_passive(v)) {
              agent = before(v.first);
              pa = party_before(v.first);
            } else {
              agent = by_agent(v.last);
              if (agent.empty()) pa = party_after_word(v.last, {"by"}, 6);
            }
            means_.emplace_back(v.first, h.first);
          }
        // ("Ukrainian forces destroyed a depot with HIMARS rockets": a verb that is no attack word
        // still has its subject, the clause's first actor, an armed side, use the weapon; not
        // what one is "armed" or "equipped" with.)
        const bool told_by_verb = !means_.empty() && means_.back().second == h.first;
        // (Nor where a verb of launchers.tsv has the weapon as its object: "responded with", below.)
        if (q > 1 && is(q - 1, "with") && agent.empty() && pa == Party::None && !told_by_verb && !launched_by(h.first) &&
            !is(q - 2, "armed") &&
            !is(q - 2, "equipped") && !is(q - 2, "laden") && !is(q - 2, "loaded") && !is(q - 2, "packed")) {
          uint32_t edge = 0;
          for (uint32_t k = q - 1; k-- > 0;)
            if (subject_edge(k) || w_[k].is(",")) {
              edge = k + 1;
              break;
            }
          for (const MentionRef& m : mentions_) {
            if (m.first < edge) continue;
            if (m.last >= q) break;
            if (m.first > 0 && preposition(m.first - 1)) continue;
            // (The subject stands before the clause's verb: "the YDF attacked the military convoy
            // with landmines" has an unknown subject, not the convoy.)
            bool verb_before = false;
            for (uint32_t k = edge; k < m.first && !verb_before; ++k)
              verb_before = w_[k].letter_case == Case::Any && w_[k].kind == TokenKind::Word &&
                            (vocab_.pos(w_[k].parts.back().key) & Vocabulary::Verb) && !(vocab_.pos(w_[k].parts.back().key) & Vocabulary::Noun);
            for (const Hit& v : trigger_hits_) verb_before = verb_before || (v.first >= edge && v.first < m.first);
            if (!verb_before && organised(party_of(*m.actor))) agent = {m.actor};
            break;
          }
        }
      }
      // "Police seized 20 rifles in a raid", "soldiers arrested two men during an operation": a raid
      // told as where or when the clause's act was done is its subject's.
      if (t.rule == Rule::Raid && agent.empty() && pa == Party::None) {
        uint32_t q = h.first;
        while (q > 0 && (w_[q - 1].is("a") || w_[q - 1].is("an") || w_[q - 1].is("the") ||
                         (w_[q - 1].kind == TokenKind::Word && w_[q - 1].letter_case == Case::Any &&
                          (vocab_.pos(w_[q - 1].parts.front().key) & Vocabulary::Adjective))) && h.first - q < 3)
          --q;
        if (q < h.first && q > 0 && (w_[q - 1].is("in") || w_[q - 1].is("during")))
          if (const Party doer = party_before(q - 1); organised(doer)) {
            agent = before(q - 1);
            pa = doer;
          }
      }
      // "the military fired two artillery shells at ...": the subject of the verb the attack is the object of.
      bool launched = false;
      const Actor* answered = nullptr;
      // ("the troops stationed there fired artillery shells": a phrase that begins with the verb
      // has that verb's subject as its doer, past the words that describe the subject.)
      if (agent.empty() && pa == Party::None && begins_with_launcher(h)) {
        agent = before(h.first);
        pa = party_before(h.first);
      }
      if (agent.empty() && pa == Party::None)
        if (const Hit* v = launched_by(h.first)) {
          agent = before(v->first);
          pa = party_before(v->first);
          launched = true;
          // "JNIM shelled the base, the soldiers responded with rocket fire": they struck back at the
          // armed actor the sentence names before them, other than themselves.
          if (v->payloads.front() == 1)
            for (std::size_t i = mentions_.size(); i-- > 0;)
              if (const Actor* a = mentions_[i].actor;
                  mentions_[i].last <= v->first && armed(*a) &&
                  std::none_of(agent.begin(), agent.end(), [&](const Actor* x) {
                    const auto state = [](const Actor* y) { return y->type == "state" || y->type == "state_forces"; };
                    return x->id == a->id || (state(x) && state(a));  // (a state's troops answer no troops of theirs)
                  })) {
                answered = a;
                break;
              }
        }
      // "a suicide bomber from X": a noun for the doer names where the doer comes from.
      if (agent.empty() && (w_[h.last - 1].text.ends_with("er") || w_[h.last - 1].text.ends_with("ers")))
        agent = after_word(h.last, {"from"});
      // "clashes between herders and farmers", "clashes erupted between ...": the sides after
      // "between", right after the noun or after the verb it is the subject of.
      uint32_t between_at = h.last;
      while (between_at < w_.size() && between_at < h.last + 3 && !is(between_at, "between") &&
             w_[between_at].kind == TokenKind::Word && w_[between_at].letter_case == Case::Any && !preposition(between_at))
        ++between_at;
      const auto between = is(between_at, "between") ? after_word(between_at, {"between"}, 1) : std::vector<const Actor*>{};
      const auto with = after_word(h.last, {"with"}, 1);
      if (is(between_at, "between")) {
        const auto first = std::find_if(parties_.begin(), parties_.end(), [&](const PartySpan& p) {
          // ("between the Kapkeny and Kabasiran clans": names of the sides may stand before their noun.)
          if (p.first <= between_at || p.first > between_at + 6) return false;
          if (p.first <= between_at + 4) return true;
          for (uint32_t k = between_at + 1; k < p.first; ++k)
            if (!(is(k, "the") || is(k, "and") || is(k, ",") || (w_[k].kind == TokenKind::Word && w_[k].letter_case != Case::Any)))
              return false;
          return true;
        });
        if (first != parties_.end()) {
          pa = first->party;
          const auto second = std::next(first);
          if (second != parties_.end() && second->first <= first->last + 6) pt = second->party;
        }
      }
      if (agent.empty() && !between.empty()) {
        agent = {between[0]};
        target.assign(between.begin() + 1, between.end());
      } else if (agent.empty() && !with.empty()) {
        // "35 fighters killed in clashes with Kurdish forces": those fought with did the killing.
        agent = with;
        target = before(h.first);
      } else {
        target = after_word(h.last, {"on", "against", "targeting", "with"}, 4);
        if (target.empty() && impact_end_[h.last]) target = after(impact_end_[h.last], 3);
        // "warplanes struck an SDF vehicle", "shelled KIA positions": a trigger that ends with its
        // verb has its object after it. (A verb alone, right after it: "a bomb exploded near the
        // party's office" has none.)
        if (target.empty() && (h.last > h.first + 1 || (h.last < w_.size() && !preposition(h.last)))) {
          const uint8_t pos = vocab_.pos(w_[h.last - 1].parts.front().key);
          if ((pos & Vocabulary::Verb) && !(pos & Vocabulary::Noun)) target = after(h.last, 2);
        }
        // "fired shells at|into|towards the KIA's positions": where a launched attack was aimed.
        if (target.empty() && launched) target = after_word(h.last, {"at", "into", "towards", "toward"}, 4);
        if (target.empty() && answered) target = {answered};
      }
      if (pt == Party::None) pt = party_after_word(h.last, {"on", "against", "targeting", "with", "at"}, 4);
      if (pt == Party::None && impact_end_[h.last]) pt = party_after(impact_end_[h.last], 3);
      // "gunmen attack police post": a headline's verb written as the noun.
      if (pt == Party::None && pa != Party::None) pt = party_after(h.last, 2);
      if (pa == Party::None && is(h.last, "with")) pa = party_before(h.first);
      // "Supporters of the party attack rivals": a headline's verb, written as the noun, has no article.
      if (pa == Party::None && h.first > 0) {
        bool article = false;
        for (uint32_t k = h.first; k-- > 0 && h.first - k <= 3 && !article;)
          article = w_[k].is("a") || w_[k].is("an") || w_[k].is("the") || w_[k].is("this") || w_[k].is("that") ||
                    w_[k].is("its") || w_[k].is("their") || w_[k].is("his") || w_[k].is("her") || preposition(k) ||
                    // ("where there have been fierce clashes": a noun after a verb is no headline's verb.)
                    w_[k].is("there") || w_[k].is("been") || w_[k].is("be") || w_[k].is("was") || w_[k].is("were");
        // (Nor into a relative clause: "people fled Kidal, where fierce clashes erupted": the
        // party is the main clause's subject. Verbs and commas between are a headline's series:
        // "Soldiers cross border, attack herders".)
        if (const int i = article ? -1 : party_index_before(h.first, 8); i >= 0) {
          bool clause = false;
          for (uint32_t k = parties_[std::size_t(i)].last; k < h.first && !clause; ++k)
            clause = w_[k].is("where") || w_[k].is("when") || w_[k].is("which") || w_[k].is("who") || w_[k].is("whom");
          if (!clause) pa = parties_[std::size_t(i)].party;
        }
      }
    } else {
      agent = before(h.first);
      pa = party_before(h.first);
      const bool joined = h.first > 0 && (w_[h.first - 1].is(",") || w_[h.first - 1].is("and"));
      if (agent.empty() && joined) agent = subject;
      if (pa == Party::None && joined) pa = subject_party;
      subject = agent;
      subject_party = pa;
      target = after_word(h.last, {"between"}, 1);
      pt = party_after(h.last);
      // "attacked Kharkiv with drones", "using drones": aircraft or drones after "with" are the
      // subject's means, no target: the strike is theirs.
      if (pt == Party::Aerial || pt == Party::Drone)
        for (const PartySpan& p : parties_)
          if (p.first > h.last && p.first - h.last <= 6 && (p.party == Party::Aerial || p.party == Party::Drone)) {
            for (uint32_t k = p.first; k-- > h.last && p.first - k <= 3;)
              if (means_word(k)) {
                pa = pt, pt = Party::None;
                break;
              }
            break;
          }
      // "stormed the church and opened fire": a verb joined to the last one, naming no object of
      // its own, acts on what that one did.
      // (Attack verbs only: "killing many and destroying their cars" are two acts on two objects.)
      if (attack_like(t.rule)) {
        if (pt == Party::None && joined && target.empty()) pt = object_party_;
        object_party_ = pt;
      }
      // "members of the party and police clashed": both sides stand before a clash verb.
      // (The first named acts: "Kuki militants and Meitei villagers exchanged fire" is the militants',
      // with the villagers on the other side.)
      // (Not when a "with" names the other side further on: "members of X, Y and Z clashed with
      // the members of W".)
      // (Nor when their partner is named: "Hezbollah and Iraqi militias fought alongside Syrian
      // government forces" are on one side.)
      const bool partners = is(h.last, "alongside") || ((is(h.last, "together") || is(h.last, "along")) && is(h.last + 1, "with"));
      const bool both_before = t.rule == Rule::Clash && target.empty() && agent.size() >= 2 && after(h.last, 3).empty() &&
                               !is(h.last, "with") && !is(h.last, "against") && !partners;
      if (both_before) {
        target.assign(agent.begin() + 1, agent.end());
        agent.resize(1);
      }
      if (t.rule == Rule::Clash && pt == Party::None)
        if (const int i = party_index_before(h.first); i > 0) {
          const int j = party_index_before(parties_[std::size_t(i)].first);
          if (j >= 0) pt = pa, pa = parties_[std::size_t(j)].party;
        }
      if (!target.empty() && agent.empty()) {  // "clashes between X and Y"
        agent = {target.front()};
        target.erase(target.begin());
      } else if (!both_before) {
        target = after(h.last);
        const auto by = after_word(h.last, {"by"}, 2);  // "an attack by rebel fighters"
        if (!by.empty()) target = agent, agent = by;
      }
      if (const Party by = party_after_word(h.last, {"by"}, 2); by != Party::None) pt = pa, pa = by;
    }
    std::erase_if(target, [&](const Actor* a) { return std::find(agent.begin(), agent.end(), a) != agent.end(); });
    // "villagers fought back", "the village self-defence repelled the attack": people who meet an
    // attack with force fight as their community's militia, whom the text does not name (cues.tsv's
    // response; ACLED dev notes: such responses were coded mob violence by rioters where ACLED
    // codes a battle).
    if (t.rule == Rule::Clash && (cue_at_[h.first] & kResponse) && (pa == Party::People || pa == Party::Crowd) &&
        std::all_of(agent.begin(), agent.end(), [](const Actor* a) { return a->type == "civilians"; })) {
      pa = Party::Communal;
      agent.clear();
    }
    // "clashes between rival clans", "two rival gangs clashed": one party named on both sides
    // (cues.tsv's reciprocal; ACLED dev: 68 notes name one actor as actor1 and actor2, 44 of
    // them had no actor2 here).
    if (t.rule == Rule::Clash && agent.size() == 1 && target.empty() && reciprocal_near(h)) {
      target = agent;
      if (pt == Party::None) pt = pa;
    }

    Found f;
    f.token = h.first;
    f.rule = t.rule;
    f.definite = s_ > 0 && definite_reference(h, t);
    // ("injuring a civilian": the wounded are no deaths.)
    if ((t.rule == Rule::Killing || kills(h)) && !(at_[h.first] & kSaysWounded))
      f.single_victim = !tried(h) && one_victim(h, t.voice == Voice::Passive || passive(h) || reduced_passive(h));
    // ("a soldier was wounded" names a party hurt: the state's; "a cyclist was injured", none.)
    else if (t.rule == Rule::Killing && pt == Party::None && target.empty())
      f.single_hurt = one_victim(h, t.voice == Voice::Passive || passive(h) || reduced_passive(h));
    f.named = pa != Party::None || pt != Party::None || !agent.empty() || !target.empty();
    f.armed_doer = organised(pa) || pa == Party::Unknown || pa == Party::Aerial || pa == Party::Drone;
    f.bare = (attack_like(t.rule) || (t.rule == Rule::Clash && t.voice == Voice::Noun)) && !f.named;
    Event& e = f.event;
    e.sentence = s_;
    e.trigger = Span{w_[h.first].span.begin, w_[h.last - 1].span.end};
    std::string type;
    switch (t.rule) {
      case Rule::Fixed:
        type = ev_.types[t.type].sub_event_type;
        // "violent electoral protests", "rowdy student demonstrations": a demonstration word after
        // an unrest cue (cues.tsv) is its demonstrators' own violence, of the type decisions.tsv
        // gives disorder that demonstrators make.
        if (ev_.types[t.type].demonstration && cue_before(h.first, kUnrest, 3, true))
          if (const int d = ev_.decide(Rule::Disorder, Party::Protester, Party::None, kProtest, false); d >= 0)
            type = ev_.types[uint32_t(d)].sub_event_type;
        break;
      case Rule::Weapon: {
        // Arms are an event only when taken from those who would use them ("police seized 20
        // rifles", "troops recovered an arms cache"): their disrupted use, by the verb's subject.
        const Hit* v = disrupted_by(h.first);
        if (!v) return std::nullopt;
        type = ev_.types[ev_.disruptions[v->payloads.front()].type].sub_event_type;
        agent = before(v->first);
        target.clear();
        break;
      }
      case Rule::Territory:
      case Rule::Loss: {
        // "X lost it to rebels": the rebels took it. What is taken is a place: "seized
        // two soldiers", "captured weapons" tell of no territory.
        if (t.rule == Rule::Territory && !place_taken(h, t.voice == Voice::Passive || passive(h))) {
          // What was taken was carried off: "seized four carts from women" is looting.
          if (t.voice == Voice::Passive || passive(h) || !goods_taken(h) || (agent.empty() && pa == Party::None)) return std::nullopt;
          type = "Looting/property destruction";
          break;
        }
        const auto taker = t.rule == Rule::Loss ? after_word(h.last, {"to"}, 5) : agent;
        if (taker.empty() || !armed(*taker.front())) return std::nullopt;
        if (t.rule == Rule::Loss) target = agent, agent = taker;
        // "recaptured the town of Kidal from rebels": whom it was taken from.
        else if (target.empty() && t.voice == Voice::Active) {
          uint32_t end = h.last;
          while (end < w_.size() && end < h.last + 12 && !is(end, ",") && !is(end, ";") && !is(end, ".") && !is(end, "from"))
            ++end;
          if (is(end, "from")) target = after(end + 1, 2);
        }
        type = ev_.territory_type(*taker.front());
        break;
      }
      default: {
        // ACLED's decision rules (decisions.tsv) on who acted on whom, and in what circumstances.
        const bool killed = std::any_of(counted.begin(), counted.end(), [](const Count& c) { return c.killed; });
        const bool combatants_dead = std::any_of(counted.begin(), counted.end(), [](const Count& c) {
          return c.killed && c.civilian == 0;
        });
        if (attack_like(t.rule) && pt == Party::None) pt = victims;
        // "Pokot raiders attacked Turbi", "bandits raided the village of X": a non-state armed
        // party's attack on a town or village, no force named there, is on its people.
        if (attack_like(t.rule) && pt == Party::None && t.voice == Voice::Active &&
            (pa == Party::Armed || pa == Party::Communal || pa == Party::Unknown))
          for (const Place& p : places_)
            if (p.first >= h.last && p.first <= h.last + 1 && !p.country) pt = Party::Civilian;
        uint8_t context = 0;
        if (around.protest) context |= kProtest;
        if (around.aerial) context |= kAerial;
        if (combatants_dead) context |= kCombatants;
        if (std::any_of(counted.begin(), counted.end(), [](const Count& c) { return c.civilian == 1; })) context |= kCivilians;
        const bool lethal = t.rule == Rule::Killing || killed || lethal_named();
        const int decided = ev_.decide(t.rule, pa, pt, context, lethal);
        if (decided < 0) return std::nullopt;
        // (Only a raid on civilians: armed men storming a post fight a battle, demonstrators storming
        // a town hall riot, and aircraft's raids are air strikes.)
        f.search = t.rule == Rule::Raid && !lethal && ev_.types[uint32_t(decided)].civilian_targets;
        f.setting = t.rule == Rule::Raid && t.voice == Voice::Noun && after_during(h.first) && !by_after(h.last);
        type = ev_.types[uint32_t(decided)].sub_event_type;
        break;
      }
    }
    // "cleared 35 landmines", "defused two bombs": a weapon made safe is no explosion, and who
    // made it safe, the verb's subject, acts; who planted it is acted on.
    if (const Hit* v = disrupted_by(h.first); v && ev_.type(type).event_type == ev_.disruptions[v->payloads.front()].event_type) {
      type = ev_.types[ev_.disruptions[v->payloads.front()].type].sub_event_type;
      if (const auto doer = before(v->first); !doer.empty()) {
        target = agent;
        agent = doer;
      }
    }
    const EventType& et = ev_.type(type);
    e.sub_event_type = et.sub_event_type;
    e.event_type = et.event_type;
    e.plover_type = et.plover_type;
    e.plover_mode = et.plover_mode;
    if (et.civilian_targets && !agent.empty() && civilian(*agent.front())) std::swap(agent, target);
    for (const Actor* a : agent) e.actor1.push_back(a->id);
    for (const Actor* a : target) e.actor2.push_back(a->id);
    // Where: for a change of control, the place taken (after the trigger); else the nearest place.
    const Place* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const Place& p : places_) {
      uint32_t d = p.first >= h.last ? p.first - h.last : (h.first - p.last) + (t.rule == Rule::Territory ? 50 : 2);
      if (p.country) d += 100;
      if (p.origin) d += 50;
      if (p.within) d += 30;
      if (p.dateline) d += 100;  // where the report was filed ("MANILA -"), failing a place the sentence names
      // (A place told past a semicolon is another clause's: "Hezbollah fired rockets at northern Israel;
      // the IDF responded with air strikes on Aita al-Shaab".)
      for (uint32_t k = std::min(p.first, h.last); k < std::max(p.first, h.first) && k < w_.size(); ++k)
        if (is(k, ";")) {
          d += 100;
          break;
        }
      if (p.coded) d = 0;  // the note says where it codes the event
      if (d < best_distance) best = &p, best_distance = d;
    }
    // A country alone ("in northern Syria") says no more than the story does: the
    // document's place is taken below, and reports of the event still merge.
    // An event told again by a definite noun is where its words put it, not where another clause
    // of its sentence is: "The attack came days after talks resumed in Havana".
    if (f.definite && best_distance > 4) best = nullptr;
    if (best && !best->country) e.location = best->name, e.location_span = best->span;
    // ACLED codes an event at each place: "army units targeted terrorists in Bosra, Atman and
    // al-Yadouda" is three events.
    if (best && !best->country && best->list >= 0)
      for (const Place& p : places_)
        if (&p != best && p.list == best->list && !p.country) f.also_at.emplace_back(p.name, p.span);
    return f;
  }

  // Place names: after a preposition of place ("in northern Aleppo"), before
  // a place noun ("the Handarat refugee camp"), or in a dateline ("KHARTOUM —").
  void find_places() {
    auto name_word = [&](uint32_t t) {
      const Word& w = w_[t];
      // "Wad al-Nourah": a particle joined to a capitalised word belongs to the name.
      // "al-Bab", "ez-Zor": the article is written small.
      const bool particle =
          w.parts.size() >= 2 && arabic_article(w.parts[0].key) && case_of(w.parts[1].text) == Case::Capital;
      if (w.kind != TokenKind::Word || (w.letter_case == Case::Any && !particle) || covered_[t] >= 0) return false;
      if (calendar_word(w.parts[0].key)) return false;
      // "in Aleppo Four civilians were ...", "in Aleppo Nearly 30": a headline run into its lead;
      // a number or an adverb written capitalised begins the next sentence, not the name.
      if (numbers_at(t) || (w.letter_case == Case::Capital && (vocab_.pos(w.parts.front().key) & Vocabulary::Adverb) &&
                            !(vocab_.pos(w.parts.front().key) & (Vocabulary::Noun | Vocabulary::Adjective))))
        return false;
      // Of the words the actor lexicon knows, only countries and capitals name places.
      const Item* it = item_at_[t];
      return !it || it->entries.empty() || it->find(Kind::Country) || it->find(Kind::Capital);
    };
    auto direction = [&](uint32_t t) { return item_at_[t] && item_at_[t]->has(WordClass::Direction); };
    // One past "west of", "south-west of" at token t (the lexicon may hold it as one locative); 0 if none.
    auto bearing_end = [&](uint32_t t) -> uint32_t {
      if (t >= w_.size() || w_[t].letter_case != Case::Any) return 0;
      const Item* it = item_at_[t];
      if (it && it->has(WordClass::Locative) && it->last == t + 2 && is(t + 1, "of") && w_[t].parts.back().key != "parts")
        return t + 2;
      return direction(t) && is(t + 1, "of") ? t + 2 : 0;
    };
    // One past a place's name begun at token k, of at most `most` words: "Complexo da Mare" takes
    // its particle where a name word follows it.
    std::vector<uint32_t> particle_end(w_.size(), 0);
    for (const Hit& h : ev_.name_particles.find(w_, starts_))
      if (!h.payloads.empty()) particle_end[h.first] = std::max(particle_end[h.first], h.last);
    auto name_end = [&](uint32_t k, uint32_t most) {
      uint32_t end = k, words = 0;
      while (end < w_.size() && words < most) {
        if (name_word(end)) ++end, ++words;
        else if (end > k && particle_end[end] && particle_end[end] < w_.size() && name_word(particle_end[end])) end = particle_end[end];
        else break;
      }
      return end;
    };
    head_at_.assign(w_.size(), false);
    std::vector<bool> site_at(w_.size() + 1, false), division_at(w_.size() + 1, false), titled_at(w_.size() + 1, false);
    for (const Hit& h : ev_.place_heads.find(w_, starts_))
      if (!h.payloads.empty()) {
        const auto has = [&](uint32_t kind) { return std::find(h.payloads.begin(), h.payloads.end(), kind) != h.payloads.end(); };
        head_at_[h.first] = true;
        site_at[h.first] = site_at[h.first] || has(EventLexicon::Impl::kPlaceSite);
        division_at[h.first] = division_at[h.first] || has(EventLexicon::Impl::kPlaceDivision);
        titled_at[h.first] = titled_at[h.first] || has(EventLexicon::Impl::kPlaceTitled);
      }
    const std::vector<bool>& head_at = head_at_;
    const std::vector<Hit> dwellers = ev_.dweller_nouns.find(w_, starts_);
    std::vector<bool> dweller_at(w_.size(), false);
    for (const Hit& h : dwellers)
      if (!h.payloads.empty()) dweller_at[h.first] = true;
    auto people_key = [&](uint32_t first, uint32_t last) {
      std::string key;
      for (uint32_t k = first; k < last; ++k)
        for (const Part& part : w_[k].parts) key += (key.empty() ? "" : " ") + part.key;
      return key;
    };
    // The text of a name of tokens [first, last), without a possessive's "'s": "Iran's".
    auto name_span = [&](uint32_t first, uint32_t last) {
      Span span{w_[first].span.begin, w_[last - 1].span.end};
      if (w_[last - 1].possessive) span.end -= doc_.slice(span).ends_with("'s") ? 2 : 1;
      return span;
    };
    // Whether a place was added (places_.back()).
    auto add = [&](uint32_t first, uint32_t last) {
      // Without its place noun: "Aleppo Province" is Aleppo (but "Mexico City" is that city's name).
      while (last > first + 1 && head_at[last - 1] && !(titled_at[last - 1] && w_[last - 1].letter_case == Case::Capital))
        --last;
      // "in Nigeria's Plateau state", "Karachi's Lyari area": the country or town that owns the
      // place is not its name; a town is a place of the sentence too, where the place lies.
      // (The owner may be of several words: "Cabo Delgado's Macomia district".)
      uint32_t owner = first;
      while (owner + 1 < last && !w_[owner].possessive) ++owner;
      if (owner + 1 < last) {
        if (!(item_at_[first] && item_at_[first]->find(Kind::Country))) {
          places_.push_back({first, owner + 1, std::string(doc_.slice(name_span(first, owner + 1))), name_span(first, owner + 1)});
          places_.back().within = true;
        }
        first = owner + 1;
      }
      if (last <= first) return false;
      // "at the University of Dhaka", "the Hospital of Aleppo": a place noun alone, written as a
      // name's, is the place after its "of".
      if (last == first + 1 && head_at[first] && is(last, "of") && last + 1 < w_.size() && name_word(last + 1)) return false;
      const bool site = last < w_.size() && site_at[last];
      // A people's name before a noun of its own is the people ("members of the Foulse community",
      // "a Bambara hunter", "two Kikuyu men"), though towns bear some of those names; before a place
      // noun, a comma or nothing it may be the place ("the Turkana county", "in Turkana,").
      // (Not before a verb, nor a noun that says who lives there: "traders in Kisii protest", "the
      // Kisii governor", "Samburu residents".)
      if (last < w_.size() && w_[last].kind == TokenKind::Word && w_[last].letter_case == Case::Any && !head_at[last] &&
          !dweller_at[last] && people_by_key_->count(people_key(first, last))) {
        const uint8_t pos = vocab_.pos(w_[last].parts.front().key);
        if (((pos & Vocabulary::Noun) && !(pos & Vocabulary::Verb)) || w_[last].is("people")) return false;
      }
      // ("a Meitei village", "two Fulani camps": a people's village is no village of that name.)
      if (last < w_.size() && head_at[last] && first > 0 && people_by_key_->count(people_key(first, last)) &&
          (w_[first - 1].is("a") || w_[first - 1].is("an") || w_[first - 1].is("several") || w_[first - 1].is("some") ||
           w_[first - 1].kind == TokenKind::Number || numbers_at(first - 1)))
        return false;
      const Span span = name_span(first, last);
      uint32_t named = first;  // "Northern Syria" is the country
      while (named + 1 < last && direction(named)) ++named;
      const bool country = last == named + 1 && item_at_[named] && item_at_[named]->find(Kind::Country);
      places_.push_back({first, last, std::string(doc_.slice(span)), span, country});
      places_.back().site = site;
      return true;
    };
    std::vector<uint32_t> capital_ends(w_.size(), 0);  // token begins "capital" (or "capital city"): one past its end
    for (const Hit& h : ev_.capital_nouns.find(w_, starts_))
      if (!h.payloads.empty()) capital_ends[h.first] = std::max(capital_ends[h.first], h.last);
    for (const Hit& h : ev_.place_prepositions.find(w_, starts_)) {
      if (h.payloads.empty()) continue;
      uint32_t k = h.last;
      if (is(k, "the")) {
        // "in the capital", "in the Malian capital", "in the country's capital city", with no
        // name after it: the story's country's capital.
        uint32_t c = k + 1;
        if (c < w_.size() && (w_[c].possessive || (item_at_[c] && item_at_[c]->find(Kind::Demonym)))) ++c;
        if (c < w_.size() && capital_ends[c] && !capital_.empty() &&
            (capital_ends[c] >= w_.size() || !name_word(capital_ends[c]))) {
          const uint32_t last = capital_ends[c];
          places_.push_back({k, last, std::string(capital_), Span{w_[k].span.begin, w_[last - 1].span.end}, false});
          continue;
        }
        // "the Syrian capital Damascus": the name after the noun.
        k = c < w_.size() && capital_ends[c] ? capital_ends[c] : k + 1;
      }
      // "struck by an IED", "hit by a Houthi drone": what follows a verb's "by" did it; it is no place.
      if (is(k, "by")) continue;
      auto holder = [&](uint32_t t) {  // "ISIL-controlled", "rebel-held": who holds the place named next
        const std::string_view x = w_[t].text;
        return x.ends_with("-held") || x.ends_with("-controlled") || x.ends_with("-besieged") || x.ends_with("-run");
      };
      for (int skip = 0; skip < 2 && k < w_.size() && w_[k].kind == TokenKind::Word &&
                         ((w_[k].letter_case == Case::Any && !head_at[k] && !(item_at_[k] && item_at_[k]->find(Kind::Actor))) ||
                          holder(k));
           ++skip)
        ++k;  // "in northern Aleppo", "in rural Idlib", "on ISIL-controlled Raqqa"
      // A capitalised direction begins the name: "West Bank", "Eastern Ghouta", or
      // a title-case headline's "Attack on Eastern Homs" (the geocoder falls back to Homs).
      uint32_t end = k;
      while (end < w_.size() && end < k + 2 && w_[end].letter_case != Case::Any && direction(end)) ++end;
      if (end == w_.size() || !name_word(end)) end = k;  // a direction alone names nothing
      end = name_end(end, k + 4 - end);
      // "in Kenya's capital Nairobi" (or "Malis capital"): the city, not the country that owns it.
      if (end > k && (w_[end - 1].possessive || (item_at_[end - 1] && item_at_[end - 1]->find(Kind::Country))) && end < w_.size() && capital_ends[end] && capital_ends[end] < w_.size() &&
          name_word(capital_ends[end]))
        k = capital_ends[end], end = name_end(k, 4);
      // "attacked the Dogon village of Tiguila": the place is the name after "of" (its own preposition);
      // but before a division's noun ("in Bijapur district of Chhattisgarh", "the Tillaberi region of
      // Niger") the name is the place, and the one after "of" says where it lies.
      if (end > k && end + 2 < w_.size() && head_at[end] && is(end + 1, "of") && name_word(end + 2)) {
        uint32_t noun_end = end;
        while (noun_end < w_.size() && head_at[noun_end]) ++noun_end;
        const uint32_t after = name_end(noun_end + 1, 4);
        if (division_at[end] && noun_end + 1 < after && add(k, end)) {
          places_.back().coded = h.payloads.front() == EventLexicon::Impl::kPlaceCoded;
          if (add(noun_end + 1, after)) places_.back().within = true;
        }
        continue;
      }
      if (end > k && add(k, end)) {
        places_.back().coded = h.payloads.front() == EventLexicon::Impl::kPlaceCoded;
        places_.back().origin = h.payloads.front() == EventLexicon::Impl::kPlaceOrigin;
        // A list of places after the preposition, "A, B and C" or "A and B": a conjunction makes
        // it one ("in Aleppo, John Smith said" is none).
        std::vector<std::pair<uint32_t, uint32_t>> more;
        bool conjunction = false;
        uint32_t noun_end = end;  // "in Chikun LGA, Kaduna": past the place noun
        while (noun_end < w_.size() && head_at[noun_end]) ++noun_end;
        for (uint32_t t = noun_end;;) {
          uint32_t u = t;
          bool joined = false;  // (only a conjunction before a name: "in Chikun, Kaduna, and abducted" is no list)
          while (u < w_.size() && (is(u, ",") || is(u, "and") || is(u, "or"))) joined |= !is(u, ","), ++u;
          if (u == t || u >= w_.size()) break;
          // "the town of Saraqeb and the village of Sheikh Mustafa": a place noun may stand before each name.
          if (joined && is(u, "the") && u + 2 < w_.size() && head_at[u + 1] && is(u + 2, "of")) u += 3;
          const uint32_t e2 = name_end(u, 4);
          if (e2 == u) break;
          conjunction |= joined;
          more.emplace_back(u, e2);
          t = e2;
        }
        // "in Korando, Kisumu West, ...": one name set off after another says where the first lies
        // (a village the gazetteer may not know, in a district it does), a place of the sentence but
        // not one more event's; a name followed by words ("in Aleppo, John Smith said") is no place.
        if (!conjunction && more.size() == 1) {
          uint32_t after = more.front().second;
          while (after < w_.size() && w_[after].letter_case != Case::Any && direction(after)) ++after;  // "Kisumu West"
          // (", a village councilman": a person's apposition, the name a person's.)
          const bool apposition = is(after, ",") && (is(after + 1, "a") || is(after + 1, "an") || is(after + 1, "the"));
          if (!apposition && (after >= w_.size() || is(after, ",") || is(after, ".") || is(after, "(") || is(after, ")") || head_at[after]) &&
              add(more.front().first, more.front().second))
            places_.back().within = true;
        }
        // "on the road between Aguelhoc and Kidal": one place by two, the first; the second is still
        // a place of the sentence, where the first is one the gazetteer does not know.
        if (conjunction && more.size() == 1 && h.payloads.front() == EventLexicon::Impl::kPlaceOne)
          add(more.front().first, more.front().second);
        if (conjunction && !more.empty() && h.payloads.front() != EventLexicon::Impl::kPlaceOne &&
            h.payloads.front() != EventLexicon::Impl::kPlaceOrigin) {
          const int list = int(places_.size());
          places_.back().list = list;
          for (const auto& [a, b] : more)
            if (add(a, b)) places_.back().list = list;
        }
      }
    }
    for (uint32_t t = 1; t < w_.size(); ++t) {
      if (!head_at[t]) continue;
      // "the Dogon village of Tiguila": the name after "of" is the place, the one before says whose.
      if (is(t + 1, "of") && t + 2 < w_.size() && name_word(t + 2)) continue;
      uint32_t end = t;
      while (end > 0 && w_[end - 1].kind == TokenKind::Word && item_at_[end - 1] && item_at_[end - 1]->find(Kind::Demonym))
        --end;  // "Handarat Palestinian refugee camp"
      uint32_t begin = end;
      while (begin > 0 && end - begin < 3 && name_word(begin - 1)) --begin;
      if (begin < end && begin > 0) add(begin, end);
    }
    // "Daraya west of Damascus was pounded": a name right before a direction and "of" a place is
    // one too, at the head of a sentence as anywhere (the bearing marks it as found below).
    for (uint32_t t = 1; t + 2 < w_.size(); ++t) {
      if (!bearing_end(t) || !name_word(t + 2)) continue;
      uint32_t end = t;
      if (is(end - 1, ",")) --end;
      uint32_t begin = end;
      while (begin > 0 && end - begin < 3 && name_word(begin - 1)) --begin;
      // (A sentence's first word only if no English word: "Fighting west of Aleppo".)
      if (begin == 0 && w_[0].kind == TokenKind::Word && vocab_.pos(w_[0].parts.front().key) != 0) ++begin;
      const bool known = std::any_of(places_.begin(), places_.end(), [&](const Place& p) { return p.first < end && p.last > begin; });
      if (begin < end && !known) add(begin, end);
    }
    // "Nairobi residents", "Bungoma traders": where they live, a place failing one the sentence
    // names after a preposition (as "from"). A sentence's first word is a name only if no
    // English word ("Angry residents").
    for (const Hit& h : dwellers) {
      if (h.payloads.empty()) continue;
      // (The name may lie inside the mention of the people: "[Nairobi residents]{Civilians}".)
      auto place_word = [&](uint32_t k) {
        if (name_word(k)) return true;
        const Item* it = item_at_[k];
        return w_[k].kind == TokenKind::Word && w_[k].letter_case != Case::Any && covered_[k] >= 0 &&
               covered_[k] == covered_[h.first] && (!it || it->entries.empty() || it->find(Kind::Country) || it->find(Kind::Capital));
      };
      // "Nairobi train workers", "Migori government workers", "Kisumu based journalists": up to
      // two words that say which of them stand between the place and the people.
      uint32_t named_end = h.first;
      while (named_end > 0 && h.first - named_end < 2 && w_[named_end - 1].kind == TokenKind::Word &&
             w_[named_end - 1].letter_case == Case::Any && covered_[named_end - 1] < 0 &&
             (is(named_end - 1, "based") || ((vocab_.pos(w_[named_end - 1].parts.front().key) & Vocabulary::Noun) != 0 &&
                                             !w_[named_end - 1].text.ends_with("ed"))))
        --named_end;
      if (named_end > 0 && !place_word(named_end - 1)) named_end = h.first;
      uint32_t begin = named_end;
      while (begin > 0 && named_end - begin < 3 && place_word(begin - 1)) --begin;
      if (begin == 0 && begin < named_end) {
        const Item* it = item_at_[0];
        const bool named = (it && (it->find(Kind::Country) || it->find(Kind::Capital))) ||
                           (w_[0].kind == TokenKind::Word && vocab_.pos(w_[0].parts.front().key) == 0);
        if (!named) continue;
      }
      if (begin < named_end && add(begin, named_end)) places_.back().origin = true;
    }
    // A dateline: capitals, then a comma or a dash, at the head of the body.
    if (s_ <= 1 && w_.size() > 2 && w_[0].letter_case == Case::Upper && covered_[0] < 0 &&
        (w_[1].is(",") || w_[1].is_dash())) {
      std::string name(w_[0].text);
      for (std::size_t i = 1; i < name.size(); ++i) name[i] = char(std::tolower(static_cast<unsigned char>(name[i])));
      places_.push_back({0, 1, name, w_[0].span, false, true});
    }
    std::sort(places_.begin(), places_.end(), [](const Place& a, const Place& b) { return a.first < b.first; });
    // "the village of Um Sumeima in Bara locality", "Kuriga village in Chikun LGA, Kaduna": a place
    // after "in" right behind another (its place noun between) says where that one lies, as does a
    // name set off by a comma after such a place; the event is at the first, the finest.
    for (std::size_t i = 1; i < places_.size(); ++i) {
      const Place& before = places_[i - 1];
      Place& p = places_[i];
      if (p.list >= 0 && p.list == before.list) continue;
      uint32_t t = before.last;
      while (t < p.first && head_at[t]) ++t;
      const bool in = t + 1 == p.first && (is(t, "in") || is(t, "near"));  // ("al-Mughayyir village near Ramallah")
      const bool set_off = before.within && t + 1 == p.first && is(t, ",");  // "in Chikun LGA, Kaduna"
      // "Daraya west of Damascus", "Maaret al-Numan, a city south of Idlib", "Kidal, 30 km north
      // of Gao": a place after a direction and "of" is where one finds the place before it.
      uint32_t k = t;
      if (is(k, ",")) ++k;
      if (is(k, "a") || is(k, "an") || is(k, "the"))
        for (++k; k < p.first && k < t + 5 && w_[k].kind == TokenKind::Word && w_[k].letter_case == Case::Any &&
                  !direction(k);)
          ++k;
      if (k < p.first && w_[k].kind == TokenKind::Number) {
        ++k;
        if (is(k, "km") || is(k, "kilometres") || is(k, "kilometers") || is(k, "miles")) ++k;
      }
      const bool bearing = k < p.first && bearing_end(k) == p.first;
      if ((in || set_off || bearing) && !p.country && !before.country) p.within = true;
    }
    // "attacked Djibo, Burkina Faso", "in Tillaberi region, Niger.": a state's name set off after
    // a place, closing the phrase, says where the place lies; it is no party to what happened there.
    const auto before_count = mentions_.size();
    std::erase_if(mentions_, [&](const MentionRef& m) {
      if (m.actor->type != "state" || m.first < 2 || !is(m.first - 1, ",")) return false;
      if (m.last < w_.size() && w_[m.last].kind != TokenKind::Punct) return false;
      return std::any_of(places_.begin(), places_.end(), [&](const Place& p) {
        uint32_t t = p.last;
        while (t < m.first && head_at[t]) ++t;
        return !p.country && t + 1 == m.first;
      });
    });
    if (mentions_.size() != before_count) cover_mentions();
    // Names no preposition or noun marks as places ("French troops launch air strikes over
    // Tessalit", "Islamist rebels flee Timbuktu", "during the Nakuru by-election"): the geocoder
    // takes one only where the gazetteer knows it in the story's country, for an event its
    // sentence places nowhere else. (A sentence's first word only if no English word: "Angry".)
    std::vector<bool> placed(w_.size() + 1, false);
    for (const Place& p : places_)
      for (uint32_t t = p.first; t < p.last && t < w_.size(); ++t) placed[t] = true;
    for (uint32_t t = 0; t < w_.size(); ++t) {
      if (placed[t] || !name_word(t) || (t > 0 && name_word(t - 1))) continue;
      if (t == 0 && w_[0].kind == TokenKind::Word && vocab_.pos(w_[0].parts.front().key) != 0) continue;
      const uint32_t end = name_end(t, 4);
      if (end == t || std::any_of(placed.begin() + t, placed.begin() + end, [](bool b) { return b; })) continue;
      // A people's name standing alone is the people ("Pokot raiders kill eleven Turkana"), even
      // where a town bears it (Kikuyu, Turkana): only a preposition or a noun makes it the place.
      if (people_by_key_->count(people_key(t, end))) continue;
      const Span span = name_span(t, end);  // "Gao's 8th district"
      bare_.push_back({t, end, std::string(doc_.slice(span)), span});
      t = end - 1;
    }
  }

  const EventLexicon::Impl& ev_;
  const Vocabulary& vocab_;
  const Document& doc_;
  uint32_t s_;
  const std::vector<Word>& w_;
  const std::vector<Item>& items_;
  std::vector<const Item*> item_at_;
  std::vector<MentionRef> mentions_;
  std::vector<Hit> trigger_hits_, modality_hits_, speech_hits_, number_hits_;
  mutable std::optional<std::vector<Hit>> launchers_;
  mutable std::optional<std::vector<Hit>> disruptors_;
  std::vector<uint32_t> impact_end_;  // after an attack noun ending at token t: one past the verb of what it hit (impacts.tsv)
  std::vector<uint32_t> starts_;  // where the words may begin a phrase of each event lexicon index
  mutable std::optional<std::vector<bool>> goods_at_;  // token begins one of the goods
  mutable std::optional<bool> protest_told_;
  std::vector<bool> speaks_;  // token begins a speech verb
  mutable Party object_party_ = Party::None;  // the party the last active attack verb read acted on
  std::vector<int> covered_;  // token -> mention index, or -1
  std::vector<Place> places_;
  std::vector<Place> bare_;       // names that may be places: see find_places
  const std::unordered_map<std::string, uint32_t>* people_by_key_ = nullptr;  // peoples.tsv's names
  std::string_view capital_;      // the capital of the story's country, when the lexicon gives one
  std::vector<bool> head_at_;     // token begins a word for a place ("town", "camp")
  std::vector<uint32_t> cue_at_;  // token begins cues of cues.tsv: bits of Cue
  // At the token after an attempt or deed cue: its bits and first token.
  std::vector<std::pair<uint32_t, uint32_t>> attempt_at_;
  // Attack verbs whose means a weapon's event names: the verb's and the weapon's first tokens.
  mutable std::vector<std::pair<uint32_t, uint32_t>> means_;
  std::vector<bool> occasion_ends_;  // an occasion cue ends before token t
  std::vector<uint32_t> perpetrator_ends_;  // where a cue naming the perpetrator ends ("believed to be")
  std::vector<bool> link_;        // token is in a link to another story
  std::vector<PartySpan> parties_;  // in text order
  enum : uint8_t { kPartyStarts = 1, kPartyEnds = 2, kVerbEnds = 4, kDemonstrationStarts = 8, kSaysKilled = 16,
                   kSaysWounded = 32, kGroup = 64 };
  std::vector<uint8_t> at_;  // per token (and one past the last): bits of the above
};

bool overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

void add_all(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& x : from)
    if (std::find(into.begin(), into.end(), x) == into.end()) into.push_back(x);
}

// One place named twice, perhaps more narrowly once: "Rural Aleppo" and "Aleppo".
bool same_place(const std::string& a, const std::string& b) {
  const std::string x = fold(a), y = fold(b);
  const std::string& longer = x.size() >= y.size() ? x : y;
  const std::string& shorter = x.size() >= y.size() ? y : x;
  return longer == shorter ||
         (longer.ends_with(shorter) && longer[longer.size() - shorter.size() - 1] == ' ');
}

// Whether two events may have happened on one day: not when each names a different day.
bool days_agree(const Event& a, const Event& b) {
  return !(a.time_precision == 1 && b.time_precision == 1 && a.date != b.date);
}
// Whether two events may have happened at one place: not when each sentence names a different one.
bool places_agree(const Event& a, const Event& b) {
  if (a.location_span.size() == 0 || b.location_span.size() == 0) return true;
  return same_place(a.location, b.location);
}

// Two reports of one event: same type, compatible places, days and actors.
bool same_event(const EventLexicon::Impl& ev, const Event& a, const Event& b) {
  if (a.sub_event_type != b.sub_event_type || !days_agree(a, b)) return false;
  // One sentence naming two places tells two events ("in Bosra and Atman").
  if (a.sentence == b.sentence && a.location_span.size() > 0 && b.location_span.size() > 0 &&
      !same_place(a.location, b.location))
    return false;
  const bool a_actors = !a.actor1.empty() || !a.actor2.empty(), b_actors = !b.actor1.empty() || !b.actor2.empty();
  if (a_actors && b_actors && !a.location.empty() && !b.location.empty() && !same_place(a.location, b.location))
    return false;
  // ("Similar demonstrations were held in Haifa": each sentence naming its own place tells its own.)
  if (!places_agree(a, b)) return false;
  if (!a_actors || !b_actors) return true;  // the same event, told once without its actors
  // One sentence telling one kind of event twice ("a suicide bomber ... blew himself up") tells
  // one, whoever its words name, unless the two are the sides' blows at each other. (Requiring
  // the same actor1 as well kept two events of one blast: FA-KES events F1 0.685 -> 0.679.)
  // (A battle is one event whoever struck first: "the army repelled an RSF assault" is one clash;
  // so is an exchange of fire at one place: "JNIM shelled the base, the soldiers responded with
  // rocket fire" is one shelling, JNIM's on the army.)
  if (a.sentence == b.sentence)
    return overlap(a.actor1, b.actor1) || (!overlap(a.actor1, b.actor2) && !overlap(a.actor2, b.actor1)) ||
           (ev.type(a.sub_event_type).fighting() && !a.location.empty() &&
            same_place(a.location, b.location));
  std::vector<std::string> all_a = a.actor1, all_b = b.actor1;
  add_all(all_a, a.actor2);
  add_all(all_b, b.actor2);
  return overlap(all_a, all_b);
}

// The key counted most often among those `keep` accepts; ties go to the first in order.
template <typename Keep>
std::string most_counted(const std::map<std::string, int>& counts, Keep&& keep) {
  std::string best;
  int most = 0;
  for (const auto& [key, n] : counts)
    if (n > most && keep(key)) best = key, most = n;
  return best;
}

// Adds `ids` to e's targets, but for those already on either side.
void add_targets(Event& e, const std::vector<std::string>& ids) {
  for (const auto& a : ids)
    if (std::find(e.actor1.begin(), e.actor1.end(), a) == e.actor1.end() &&
        std::find(e.actor2.begin(), e.actor2.end(), a) == e.actor2.end())
      e.actor2.push_back(a);
}

void merge_into(Event& keep, const Event& other) {
  // The other report may tell it from the other side: "the RSF attacked the
  // town", then "army troops clashed with the RSF". Sides stay sides. (Not when the two share
  // their first side: a report that named one actor on both sides turns nothing round.)
  const bool reversed =
      (overlap(keep.actor1, other.actor2) || overlap(keep.actor2, other.actor1)) && !overlap(keep.actor1, other.actor1);
  add_all(keep.actor1, reversed ? other.actor2 : other.actor1);
  add_all(keep.actor2, reversed ? other.actor1 : other.actor2);
  std::erase_if(keep.actor2, [&](const std::string& a) {
    return std::find(keep.actor1.begin(), keep.actor1.end(), a) != keep.actor1.end();
  });
  // A place the sentence names says more than one taken from the rest of the document.
  if (keep.location.empty() || (keep.location_span.size() == 0 && other.location_span.size() > 0))
    keep.location = other.location, keep.location_span = other.location_span;
  // The first figure told is kept: later ones are often running totals of a wider war.
  if (!keep.fatalities) keep.fatalities = other.fatalities;
  if (!keep.civilian_fatalities) keep.civilian_fatalities = other.civilian_fatalities;
  if (keep.date.empty() || (other.time_precision && other.time_precision < keep.time_precision))
    keep.date = other.date, keep.time_precision = other.time_precision;
}

}  // namespace

EventExtractor::EventExtractor(const EventLexicon& events, const Lexicon& actors, const Vocabulary& vocabulary)
    : events_(events), actors_(actors), vocabulary_(vocabulary) {}

void EventExtractor::run(Document& doc, const Reading& reading) const {
  doc.events.clear();
  doc.quantities.clear();
  doc.claims.clear();
  doc.places.clear();
  const EventLexicon::Impl& ev = events_.impl();
  const auto violent = [&](const Event& e) { return ev.type(e.sub_event_type).violent; };
  std::vector<Event> events;
  // How generic the word an event was read from is (the main event is the most
  // specific violence the lead tells): 0 a specific kind ("airstrikes"), 1 a
  // clash, 2 an attack, 3 a killing or wounding.
  std::map<std::size_t, int> generic;
  constexpr int kDefinite = 4;  // (generic's value for an event told again by a definite noun)
  std::optional<int> headline_toll;   // the death toll the headline (or else the lead) gives
  std::optional<int> stated_toll;     // the toll the text says it codes ("Fatalities coded as 0")
  bool headline_vague = false;
  bool headline_civilian = false;
  std::map<std::string, int> place_votes;  // the document's place, for events whose sentence names none
  std::string lead_place;  // the first place the lead names: where the headline's events happened
  std::string claimed_by;             // who claimed the document's violence
  bool claim_accused = false;         // blamed for it by others ("activists said, blaming the RSF")
  uint32_t claimed_at = 0;            // the sentence that says so
  // Which incident each sentence tells: one more from each "In a separate incident".
  std::vector<uint32_t> incident(doc.sentences.size(), 0);
  std::vector<std::optional<DateReading>> day_told(doc.sentences.size());  // the day each sentence gives, if any
  const ActorIndex actors = index_actors(doc);
  // Each sentence read once; which of them tell a demonstration decides how
  // the violence told near them is coded (a crowd's violence in a protest is a
  // violent demonstration, elsewhere mob violence).
  std::vector<SentenceReader> readers;
  readers.reserve(doc.sentences.size());
  for (uint32_t s = 0; s < doc.sentences.size(); ++s)
    readers.emplace_back(ev, actors_.impl(), vocabulary_, doc, s, reading, actors);
  // The day the text itself is dated ("Wednesday 26 Oct 2016 ..." at its head) is what its
  // relative days count back from, when it disagrees with the metadata.
  // With no metadata the text's own stamp is the report's day ("03/14/2015: Assailants opened
  // fire ...", an incident summary's head).
  std::string reported = doc.date;
  for (uint32_t s = 0; s < doc.sentences.size() && s < 3; ++s) {
    std::string dateline;
    bool weekday_agrees = false;
    date_in(readers[s].words(), doc.date, &dateline, &weekday_agrees);
    if (dateline.empty()) continue;
    if (doc.date.empty()) {
      reported = dateline;
      break;
    }
    // (Far from the metadata only when its day of the week agrees: "Mon Jul 18 2016" on a page
    // the feed dated 2014.)
    const long apart = days_between(doc.date, dateline);
    if (apart != 0 && ((apart >= -366 && apart <= 366) || weekday_agrees)) reported = dateline;
    break;
  }
  // The placeholders for those the text leaves unnamed ("gunmen", "unidentified assailants").
  const std::set<std::string> unnamed = actors_.impl().unnamed_ids(doc.country);
  // The ids the text names, without those placeholders.
  const auto named = [&](std::vector<std::string> ids) {
    std::erase_if(ids, [&](const std::string& x) { return unnamed.count(x) > 0; });
    return ids;
  };
  const auto all_unnamed = [&](const std::vector<std::string>& ids) {
    return std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return unnamed.count(id) > 0; });
  };
  // The placeholder for the victims ACLED names where an event of `type` hurt people the text does
  // not name (a convention's ":2+" slot: the story's civilians), or none. (Not an attack's ":2?":
  // a wounding told as an attack may be a battle's, once the sentences are combined.)
  const auto victims_of = [&](const std::string& type) -> const Actor* {
    const Lexicon::Impl& lx = actors_.impl();
    for (std::size_t k = 0; k < lx.conventions.size(); ++k)
      for (const Convention::Slot& slot : lx.conventions[k].slots)
        if (slot.sub_event_type == type && slot.side == 2 && slot.if_killed) return &lx.actors[lx.placeholders[k]];
    return nullptr;
  };
  // Those placeholders given to events, added to the document's actors once they are read (the
  // actor index points into them).
  std::vector<const Actor*> victims_named;
  std::vector<bool> protest(doc.sentences.size(), false);
  bool aerial = false;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s)
    protest[s] = readers[s].tells_protest(), aerial = aerial || readers[s].tells_aerial();
  constexpr uint32_t kNear = 2;  // sentences: how far a demonstration's circumstances reach
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceReader& reader = readers[s];
    Surroundings around;
    around.aerial = aerial;
    for (uint32_t o = s > kNear ? s - kNear : 0; o < doc.sentences.size() && o <= s + kNear; ++o)
      around.protest = around.protest || protest[o];
    for (const Place& p : reader.places())
      if (!p.dateline) doc.places.push_back({p.name, s, p.span, false, p.within, p.site});  // where it was filed is not where it happened
    for (const Place& p : reader.bare_places()) doc.places.push_back({p.name, s, p.span, true});
    incident[s] = (s > 0 ? incident[s - 1] : 0) + (reader.separate() ? 1 : 0);
    if (claimed_by.empty()) {
      if (const auto who = reader.claimant(&claim_accused); !who.empty() && armed(*who.front()))
        claimed_by = who.front()->id, claimed_at = s;
      else
        claim_accused = false;
    }
    // (A place the sentence reads twice, "Balochistan province" as a division and its name, once.)
    for (uint32_t last_first = UINT32_MAX; const Place& p : reader.places()) {
      if (p.first == last_first) continue;
      last_first = p.first;
      ++place_votes[p.name];
    }
    if (s >= 1 && s <= 3 && lead_place.empty())
      for (const Place& p : reader.places())
        if (!p.dateline && !p.country && lead_place.empty()) lead_place = p.name;
    const std::vector<Count> counts = reader.counts();
    std::vector<Found> found = reader.events(counts, around);
    // "SDF forces arrested 12 suspected IS members during a raid", "troops killed three militants
    // in a raid": a raid told as the setting of an act told before it, naming no doer of its own, is
    // that act (ACLED codes the arrests, the killing), whose doers and targets its verb names. (Not
    // "killed in a raid by bandits", "in raids on the IS bastion": who raided, or whom, is told.)
    {
      std::vector<bool> setting(found.size(), false);
      for (std::size_t i = 0; i < found.size(); ++i)
        setting[i] = found[i].setting &&
                     std::any_of(found.begin(), found.end(), [&](const Found& g) {
                       return g.token < found[i].token && !g.setting;
                     });
      std::size_t i = 0;
      std::erase_if(found, [&](const Found&) { return setting[i++]; });
    }
    for (Claim& c : reader.claims()) doc.claims.push_back(std::move(c));
    for (const Count& c : counts) doc.quantities.push_back(c.quantity);
    // A killing told alongside a more specific event is that event's toll.
    // (A bare attack or clash word is as generic as the killing unless it names who fought; a
    // beating is not: "assaulted and killed a man" is how the one killed was killed.)
    // (So is force used on demonstrators, for wounds: "five people were injured as police
    // baton-charged the protesters" tells how the intervention went, no attack by anyone beside it.
    // A death is more than an intervention.)
    const bool deaths = std::any_of(counts.begin(), counts.end(), [](const Count& c) { return c.killed; }) ||
                        std::any_of(found.begin(), found.end(), [](const Found& f) { return f.single_victim; });
    const bool specific = std::any_of(found.begin(), found.end(), [&](const Found& f) {
      const bool generic_word = (attack_like(f.rule) && f.rule != Rule::Beat) || f.rule == Rule::Clash;
      const EventType& type = ev.type(f.event.sub_event_type);
      const bool intervention = type.demonstrators_first && !type.one_sided && !deaths;
      return f.rule != Rule::Killing && (violent(f.event) || intervention) &&
             (!generic_word || !f.event.actor1.empty() || !f.event.actor2.empty());
    });
    // (A killing of one told beside it gives that event its one death.)
    std::vector<uint32_t> singles;
    for (const Found& f : found)
      if (f.single_victim) singles.push_back(f.token);
    // (Unless ACLED codes the two as one: an abduction with a killing is an attack; combine.tsv.)
    if (specific) {
      std::vector<bool> drop(found.size(), false);
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i].rule != Rule::Killing) continue;
        const uint32_t mine = ev.type_by_name.at(found[i].event.sub_event_type);
        bool shared = false;
        drop[i] = std::none_of(found.begin(), found.end(), [&](const Found& g) {
          if (g.rule == Rule::Killing) return false;
          const uint32_t other = ev.type_by_name.at(g.event.sub_event_type);
          const int to = ev.combine(mine, other, shared);
          return to >= 0 && uint32_t(to) != other;
        });
      }
      // (A killing told with an explosion or a battle it makes another type of, in one sentence, is
      // that incident, of that type: "launched a drone and missile attack, killing four" is one
      // air strike, not a missile attack and, from the drones named, an air strike beside it.)
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i].rule != Rule::Killing || drop[i]) continue;
        const uint32_t mine = ev.type_by_name.at(found[i].event.sub_event_type);
        for (Found& g : found) {
          if (g.rule == Rule::Killing || !violent(g.event)) continue;
          const uint32_t other = ev.type_by_name.at(g.event.sub_event_type);
          bool shared = false;
          const int to = ev.combine(mine, other, shared);
          if (to < 0 || uint32_t(to) == other || ev.types[uint32_t(to)].event_type != g.event.event_type) continue;
          const EventType& t = ev.types[uint32_t(to)];
          g.event.sub_event_type = t.sub_event_type, g.event.plover_type = t.plover_type, g.event.plover_mode = t.plover_mode;
          drop[i] = true;
          break;
        }
      }
      // The killing's sides stay with the event it is folded into: "a Russian air strike
      // killed 38 civilians" struck the civilians.
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (!drop[i]) continue;
        Found* nearest = nullptr;
        uint32_t distance = UINT32_MAX;
        for (std::size_t j = 0; j < found.size(); ++j) {
          if (drop[j] || !violent(found[j].event)) continue;
          const uint32_t d = found[j].token > found[i].token ? found[j].token - found[i].token : found[i].token - found[j].token;
          if (d < distance) nearest = &found[j], distance = d;
        }
        if (!nearest) continue;
        Event& into = nearest->event;
        const Event& killing = found[i].event;
        // (But no one unarmed, where the event names armed men as its doers: "armed cattle rustlers
        // attack villagers and kill one" is the rustlers' killing, not the villagers'.)
        if (into.actor1.empty())
          for (const auto& a : killing.actor1) {
            const auto doer = actors.find(a);
            if (nearest->armed_doer && !(doer != actors.end() && armed(*doer->second))) continue;
            if (std::find(into.actor2.begin(), into.actor2.end(), a) == into.actor2.end()) into.actor1.push_back(a);
          }
        add_targets(into, killing.actor2);
      }
      std::size_t i = 0;
      std::erase_if(found, [&](const Found&) { return drop[i++]; });
    }
    // "In an ambush, troops killed 35 militants": a bare attack word is the event the sentence tells otherwise.
    const bool told = std::any_of(found.begin(), found.end(), [&](const Found& f) { return f.named && violent(f.event); });
    if (told) std::erase_if(found, [](const Found& f) { return f.bare; });
    // "Three suicide bombers killed two people in an attack claimed by IS": an attack word told
    // beside a more specific kind of violence that ACLED codes it as (combine.tsv) is that
    // event, and whom it names did it, where the other names nobody or the same.
    for (std::size_t i = 0; i < found.size();) {
      const uint32_t mine = ev.type_by_name.at(found[i].event.sub_event_type);
      Found* into = nullptr;
      if (attack_like(found[i].rule))
        for (Found& g : found) {
          bool shared = false;
          const uint32_t other = ev.type_by_name.at(g.event.sub_event_type);
          if (&g == &found[i] || other == mine || g.search) continue;
          // ("Bandits raided the village and abducted 12 women": a raid is told by what it found.)
          if (!found[i].search && ev.combine(mine, other, shared) != int(other)) continue;
          if (all_unnamed(g.event.actor1) || all_unnamed(found[i].event.actor1) || overlap(g.event.actor1, found[i].event.actor1)) {
            into = &g;
            break;
          }
        }
      if (!into) {
        ++i;
        continue;
      }
      const Event& attack = found[i].event;
      if (all_unnamed(into->event.actor1) && !attack.actor1.empty()) into->event.actor1 = attack.actor1;
      add_targets(into->event, attack.actor2);
      found.erase(found.begin() + std::ptrdiff_t(i));
    }
    // Deaths counted in the sentence go to its nearest violent event; those of a
    // protest's grievance or an event's occasion are no one's toll here.
    // No one event kills more than ten million: a larger count ("1e17 killed",
    // a garbled number) is nobody's toll, and tolls added up stay below it.
    constexpr double kMaxToll = 10'000'000;
    auto add_toll = [&](std::optional<int> sum, double n) {
      return int(std::min(double(sum.value_or(0)) + n, kMaxToll));
    };
    std::vector<Count> tolls;
    for (const Count& c : counts)
      if (c.killed && !c.subset && c.quantity.value <= kMaxToll && !reader.in_background(c.first) &&
          !reader.aggregate_at(c.first))
        tolls.push_back(c);
    const std::vector<Word>& sw = reader.words();
    // The violent event of the sentence told nearest the token, if any.
    // (Other than `self`, an event that is itself what is asked about.)
    const auto nearest_violent = [&](uint32_t token, const Found* self = nullptr) {
      Found* nearest = nullptr;
      uint32_t distance = UINT32_MAX;
      for (Found& f : found) {
        if (&f == self || !violent(f.event)) continue;
        const uint32_t d = f.token > token ? f.token - token : token - f.token;
        if (d < distance) nearest = &f, distance = d;
      }
      return nearest;
    };
    for (const Count& c : tolls) {
      Found* nearest = nearest_violent(c.first);
      // "19 more were killed in a double suicide attack": the event the fate word says they
      // died in, whatever was told nearer ("50 troops were summarily executed, 19 more ...").
      if (c.said_at != UINT32_MAX && c.said_at + 1 < sw.size() && (sw[c.said_at + 1].is("in") || sw[c.said_at + 1].is("during")))
        for (Found& f : found)
          if (violent(f.event) && f.token > c.said_at + 1 && f.token <= c.said_at + 5) {
            nearest = &f;
            break;
          }
      if (!nearest) continue;
      Event& e = nearest->event;
      e.fatalities = add_toll(e.fatalities, c.quantity.value);
      if (c.civilian == 1) e.civilian_fatalities = add_toll(e.civilian_fatalities, c.quantity.value);
    }
    // "a bomb exploded in front of a bar, injuring eight people": people hurt whom the text does
    // not call combatants are the victims ACLED names for violence that names none, as the dead
    // are (conventions.tsv's ":2+" slots; ACLED dev notes of explosions that killed no one but
    // hurt someone: actor2 Civilians in 128, none in 46, another actor in 138).
    // The event whose victims are people hurt at `token` (a count, or a wounding of one), the
    // wounding `self` being told apart from the blast: "a bomb exploded at a bank and an employee
    // was injured".
    // (Only where the sentence tells nothing but woundings and deaths, of people it calls
    // civilians or no party: "The attack killed 12 soldiers and injured five others" tells its own.)
    const bool tells_only_harm =
        std::all_of(found.begin(), found.end(), [](const Found& f) { return f.rule == Rule::Killing; });
    const auto hurt_at = [&](uint32_t token, const Found* self, bool civilians) {
      Found* nearest = nearest_violent(token, self);
      Event* hurt = nearest ? &nearest->event : nullptr;
      // "Two explosions occurred near the market. One person was injured.": a wounding told alone
      // in the sentence after a blast is that blast's (ACLED dev notes of explosions whose wounded
      // a second sentence tells: 22 of Myanmar's had no actor2 where ACLED names Civilians).
      if ((!hurt || (nearest->rule == Rule::Killing && !victims_of(hurt->sub_event_type))) && civilians &&
          tells_only_harm && !events.empty() && events.back().sentence + 1 == s &&
          victims_of(events.back().sub_event_type))
        hurt = &events.back();
      if (hurt && hurt->actor2.empty())
        if (const Actor* victims = victims_of(hurt->sub_event_type)) {
          hurt->actor2.push_back(victims->id);
          if (std::find(victims_named.begin(), victims_named.end(), victims) == victims_named.end())
            victims_named.push_back(victims);
        }
    };
    for (const Count& c : counts)
      if (c.wounded && !c.subset && c.civilian != 0 && !reader.in_background(c.first)) hurt_at(c.first, nullptr, c.civilian == 1);
    for (const Found& f : found)
      if (f.single_hurt && !reader.in_background(f.token)) hurt_at(f.token, &f, true);
    // "Gunmen killed a teacher": a killing of one named without a number counts one,
    // for the nearest violent event (the killing's, or the attack it was part of).
    if (tolls.empty())
      for (uint32_t token : singles)
        if (Found* nearest = nearest_violent(token)) nearest->event.fatalities = nearest->event.fatalities.value_or(0) + 1;
    if (!stated_toll)
      if (const auto stated = reader.stated_toll()) stated_toll = stated;
    const auto date = date_in(reader.words(), reported);
    if (date && date->precision == 1) day_told[s] = *date;  // (a day, not "in April")
    // An event the sentence dates more than a year before the report is the war's
    // history, told as background: it was reported when it happened.
    // (But not a demonstration told before the date: what it remembers or protests may be years
    // old, "thousands demonstrated in remembrance of a journalist assassinated in 1998".)
    const auto history_from = [&](uint32_t at) {
      std::erase_if(found, [&](const Found& f) { return !(ev.type(f.event.sub_event_type).demonstration && f.token < at); });
    };
    const bool history = date && days_between(date->date, reported) > 365;
    if (history) {
      uint32_t at = UINT32_MAX;  // the date's year, if written
      for (uint32_t k = 0; k < reader.words().size() && at == UINT32_MAX; ++k)
        if (reader.words()[k].kind == TokenKind::Number && reader.words()[k].text == std::string_view(date->date).substr(0, 4)) at = k;
      history_from(at == UINT32_MAX ? 0 : at);
    }
    // "The group was formed in 2012", "rebels seized the town in 2014", "the 1994 genocide in
    // which 800,000 people were killed", "has killed 500,000 since 2011": a year told alone, two
    // or more before the report's, dates the sentence's events as surely.
    if (!date && !reported.empty() && !found.empty()) {
      const std::vector<Word>& w = reader.words();
      const int report_year = std::stoi(reported.substr(0, 4));
      for (uint32_t k = 1; k < w.size(); ++k) {
        const std::string_view x = w[k].text;
        if (w[k].kind != TokenKind::Number || x.size() != 4 || !(x.starts_with("19") || x.starts_with("20"))) continue;
        if (!(w[k - 1].is("in") || w[k - 1].is("during") || w[k - 1].is("early") || w[k - 1].is("late") || w[k - 1].is("mid") ||
              w[k - 1].is("the") || w[k - 1].is("since") || w[k - 1].is("from") || w[k - 1].is("of")))
          continue;
        if (report_year - std::stoi(std::string(x)) >= 2) {
          history_from(k);
          break;
        }
      }
    }
    // ("Seven others were wounded in the attack": the wounding is a detail of the attack told again.)
    const bool told_again = std::any_of(found.begin(), found.end(), [](const Found& f) { return f.definite; });
    for (Found& f : found) {
      if (told_again && (f.rule == Rule::Killing || attack_like(f.rule))) f.definite = true;
      if (date && !history) f.event.date = date->date, f.event.time_precision = date->precision;
      // A headline's bare death toll ("58 killed in gas attack") belongs to the lead's event.
      // (A beating whose doers are named is told as specifically as any: "his accomplices assaulted
      // four workers" is no detail of what is told after it.)
      const bool generic_attack = attack_like(f.rule) && !(f.rule == Rule::Beat && f.named);
      const int kind = f.definite ? kDefinite : f.rule == Rule::Clash ? 1 : generic_attack ? 2 : f.rule == Rule::Killing ? 3 : 0;
      generic[events.size()] = kind;
      events.push_back(f.event);
      // The same at each other place of its list. A toll not broken down by place is divided
      // evenly among them, the remainder to the first, as ACLED's codebook divides one (FA-KES
      // dev gold: "10 civilians killed ... on the neighborhoods of A and B" is 5 and 5).
      const std::size_t first = events.size() - 1;
      const int places = int(f.also_at.size()) + 1;
      const auto share = [&](std::optional<int>& toll, bool head) {
        if (toll) toll = *toll / places + (head ? *toll % places : 0);
      };
      for (const auto& [name, span] : f.also_at) {
        Event at = f.event;
        at.location = name, at.location_span = span;
        share(at.fatalities, false), share(at.civilian_fatalities, false);
        generic[events.size()] = kind;
        events.push_back(std::move(at));
      }
      if (!f.also_at.empty()) share(events[first].fatalities, true), share(events[first].civilian_fatalities, true);
    }
    // The headline's own figure, else the lead's first; a vague one ("dozens
    // killed") gives way to the number the lead then gives ("at least 58 people").
    if (s <= 3 && (!headline_toll || headline_vague))
      for (const Count& c : tolls)
        if (!headline_toll || (s > 0 && !c.vague)) {  // ("dozens" is 12 only until the lead counts: "at least ten")
          headline_civilian = c.civilian == 1 || (c.civilian == -1 && headline_toll && headline_civilian);
          // "five soldiers and three assailants killed": counts one word says were killed add up.
          std::optional<int> toll;
          for (const Count& o : tolls)
            if (&o == &c || (c.said_at != UINT32_MAX && o.said_at == c.said_at)) toll = add_toll(toll, o.quantity.value);
          headline_toll = toll, headline_vague = c.vague;
          break;
        }
  }
  // Where the sentence names no place: for the headline, the first place the
  // lead names (a lead says where); else the place the document names most.
  // (Of places named as often, the one an event of the document was placed at first: "assailants
  // abducted a teacher in Mogadishu, Banaadir region. ... the abduction" was in Mogadishu.)
  std::string first_placed;
  for (const Event& e : events)
    if (e.location_span.size() > 0) {
      first_placed = e.location;
      break;
    }
  std::string doc_place;
  int most = 0;
  const auto better = [&](const std::string& name, int n) {  // (votes in the alphabet's order)
    if (n != most) return n > most;
    return name == first_placed;  // (else the first in the alphabet: any one)
  };
  for (const auto& [name, n] : place_votes)
    if (better(name, n)) doc_place = name, most = n;
  // (After a sentence whose event names its place, the next sentence's goes on telling it there:
  // "Militants attacked a post in Turbat, Balochistan. Two soldiers were killed.")
  // (And a sentence that gives no day goes on with the day the one before gave: "On 12 March,
  // soldiers raided the camp. They arrested four men." was on the 12th, not the report's day.)
  const Event* told_before = nullptr;
  for (Event& e : events) {
    const bool continues = told_before && told_before->sentence + 1 == e.sentence && told_before->location_span.size() > 0;
    if (e.location.empty())
      e.location = e.sentence == 0 && !lead_place.empty() ? lead_place : continues ? told_before->location : doc_place;
    if (e.location_span.size() > 0) told_before = &e;
    if (e.date.empty() && e.sentence > 0 && day_told[e.sentence - 1] && days_between(day_told[e.sentence - 1]->date, reported) <= 365)
      e.date = day_told[e.sentence - 1]->date, e.time_precision = day_told[e.sentence - 1]->precision;
    if (e.date.empty() && !reported.empty()) e.date = reported, e.time_precision = 2;  // reported that week
  }
  // One event told in several sentences is one event.
  std::vector<int> generic_kept;
  for (std::size_t i = 0; i < events.size(); ++i) {
    Event& e = events[i];
    auto same = std::find_if(doc.events.begin(), doc.events.end(), [&](const Event& k) { return same_event(ev, k, e); });
    if (same == doc.events.end()) {
      doc.events.push_back(std::move(e));
      generic_kept.push_back(generic[i]);
    } else {
      merge_into(*same, e);
    }
  }
  // A state's side, named or its generic placeholder ("?police").
  const auto state_side = [&](const std::string& id) {
    std::string_view type;
    if (id.starts_with('?')) {
      const int k = actors_.impl().convention(id.substr(1));
      if (k >= 0) type = actors_.impl().conventions[std::size_t(k)].type;
    } else {
      for (const Actor& a : doc.actors)
        if (a.id == id) type = a.type;
    }
    return type == "state" || type == "state_forces";
  };
  // One incident told as two kinds of event (a protest, then the tear gas that
  // met it): the type ACLED codes the incident as (combine.tsv). Told near each
  // other, not at two places, not between two sets of actors (the unnamed are
  // nobody's: "a suicide bomber from the Nusra Front", then "the attacker").
  // (An incident told over several sentences is near what follows its last: "police fired tear gas
  // at protesters", "five people were shot dead", then "police arrested dozens of demonstrators".)
  std::vector<uint32_t> last_told(doc.events.size());
  for (std::size_t i = 0; i < doc.events.size(); ++i) last_told[i] = doc.events[i].sentence;
  for (std::size_t i = 0; i < doc.events.size(); ++i)
    for (std::size_t j = i + 1; j < doc.events.size();) {
      Event& a = doc.events[i];
      const Event& b = doc.events[j];
      bool shared = false;
      bool ends = false;
      int to = ev.combine(ev.type_by_name.at(a.sub_event_type), ev.type_by_name.at(b.sub_event_type), shared, &ends);
      // (Told again by a definite noun after it, "The attack was claimed by Lashkar-e-Jhangvi", it
      // is the event told before, whose type stands: no battle made of a claim.)
      if (to >= 0 && generic_kept[j] == kDefinite && generic_kept[i] != kDefinite && a.sentence < b.sentence)
        to = int(ev.type_by_name.at(a.sub_event_type));
      const uint32_t apart = a.sentence > b.sentence   ? a.sentence - b.sentence
                             : b.sentence > last_told[i] ? b.sentence - last_told[i]
                                                         : 0;
      std::vector<std::string> all_a = a.actor1, all_b = b.actor1;
      add_all(all_a, a.actor2);
      add_all(all_b, b.actor2);
      all_a = named(std::move(all_a)), all_b = named(std::move(all_b));
      const bool a_actors = !all_a.empty(), b_actors = !all_b.empty();
      // (The headline tells what its lead tells, often in other words.)
      const bool headline_and_lead = std::min(a.sentence, b.sentence) == 0 && std::max(a.sentence, b.sentence) <= 3;
      // (Unidentified attackers of civilians are nobody named, but never the state: "Police
      // arrested three suspects" after the gunmen's attack is not the attack's arrests.)
      const bool state_and_unnamed =
          to >= 0 && ev.types[uint32_t(to)].civilian_targets &&
          ((all_unnamed(a.actor1) && !a.actor1.empty() && std::any_of(b.actor1.begin(), b.actor1.end(), state_side)) ||
           (all_unnamed(b.actor1) && !b.actor1.empty() && std::any_of(a.actor1.begin(), a.actor1.end(), state_side)));
      // ("the attackers also burned houses": what else was done in the incident told, further on.)
      const auto also = [&](const Event& x) {
        const uint32_t from = x.trigger.begin > 12 ? x.trigger.begin - 12 : 0;
        const std::string_view before = doc.slice(Span{from, x.trigger.begin});
        return before.ends_with("also ") || before.find(" also ") != std::string_view::npos;
      };
      const bool told_as_more = apart <= 2 * kNear + 1 && also(b);
      // (Strikes each side makes on the other are two: "An Israeli drone strike killed two Hezbollah
      // members", then "Hezbollah fired rockets at northern Israel".)
      const bool remote = ev.type(a.sub_event_type).armed_violence == ArmedViolence::Remote &&
                          ev.type(b.sub_event_type).armed_violence == ArmedViolence::Remote;
      const auto answer = [&](const Event& x) { return x.sentence < readers.size() && readers[x.sentence].tells_answer(); };
      const bool answered = remote && overlap(named(a.actor2), named(b.actor1)) && !overlap(a.actor1, b.actor1) && answer(b);
      if (to < 0 || answered || (apart > kNear && !headline_and_lead && !told_as_more) || !places_agree(a, b) || !days_agree(a, b) ||
          (shared && a_actors && b_actors && !overlap(all_a, all_b)) || (shared && state_and_unnamed)) {
        ++j;
        continue;
      }
      const EventType& t = ev.types[uint32_t(to)];
      // (Violence told after what it makes of no event of its own is the incident's evidence:
      // "hundreds of troops withdrew", then "more than 50 troops were summarily executed".)
      // (Not a demonstration's: the demonstration told first stays the incident's evidence.)
      if (!violent(a) && !ev.type(a.sub_event_type).demonstration && violent(b) &&
          uint32_t(to) == ev.type_by_name.at(b.sub_event_type))
        a.sentence = b.sentence, a.trigger = b.trigger;
      a.sub_event_type = t.sub_event_type, a.event_type = t.event_type;
      a.plover_type = t.plover_type, a.plover_mode = t.plover_mode;
      // (Told from the other side, sides stay sides: "the RSF attacked X", "troops clashed with the
      // RSF". The first told keeps its sides first: letting the event of the incident's type lead
      // made the responders actor1 of attacks met with force: ACLED dev actor1 4609 -> 4607.)
      const bool reversed = overlap(a.actor1, b.actor2) || overlap(a.actor2, b.actor1);
      // (Who withdrew after the fighting fought on one side or the other: the fighting's sides stand.)
      if (!ends) {
        add_all(a.actor1, reversed ? b.actor2 : b.actor1);
        add_all(a.actor2, reversed ? b.actor1 : b.actor2);
      } else if (ev.type_by_name.at(b.sub_event_type) == uint32_t(to)) {
        a.actor1 = b.actor1, a.actor2 = b.actor2;
      }
      std::erase_if(a.actor2, [&](const std::string& x) { return std::find(a.actor1.begin(), a.actor1.end(), x) != a.actor1.end(); });
      // Two tolls of one incident: the conservative one (the difference is a contradiction, not a second event).
      if (b.fatalities && (!a.fatalities || *b.fatalities < *a.fatalities)) a.fatalities = b.fatalities;
      if (b.civilian_fatalities && (!a.civilian_fatalities || *b.civilian_fatalities < *a.civilian_fatalities))
        a.civilian_fatalities = b.civilian_fatalities;
      if (a.location_span.size() == 0 && b.location_span.size() > 0) a.location = b.location, a.location_span = b.location_span;
      if (a.date.empty() || (b.time_precision && b.time_precision < a.time_precision))
        a.date = b.date, a.time_precision = b.time_precision;
      generic_kept[i] = std::min(generic_kept[i], generic_kept[j]);
      if (apart <= kNear) last_told[i] = std::max(last_told[i], b.sentence);  // (not through a headline)
      doc.events.erase(doc.events.begin() + std::ptrdiff_t(j));
      generic_kept.erase(generic_kept.begin() + std::ptrdiff_t(j));
      last_told.erase(last_told.begin() + std::ptrdiff_t(j));
    }
  // A killing or an attack told again without who did it ("27 people were killed",
  // "seven others were wounded in the attack") is the toll or a detail of the
  // violence told just before, at that place and on that day; a headline's (told
  // before its lead) is the lead's.
  for (std::size_t j = 0; j < doc.events.size();) {
    const Event& e = doc.events[j];
    std::size_t into = SIZE_MAX;
    const bool definite = generic_kept[j] == kDefinite;
    if ((generic_kept[j] >= 2 && e.actor1.empty() && violent(e)) || (definite && violent(e))) {
      // (An event told again by a definite noun is any kind of violence told before it.)
      // (Told again by a definite noun at a finer place than the one event of its kind told
      // before it, "the bombing took place on Hadara Street", it is still that event.)
      std::size_t kin = 0;
      if (definite)
        for (std::size_t k = 0; k < j; ++k)
          kin += violent(doc.events[k]) && generic_kept[k] < kDefinite && doc.events[k].event_type == e.event_type;
      const auto fits = [&](std::size_t k) {
        const Event& o = doc.events[k];
        return k != j && violent(o) && (definite ? generic_kept[k] < kDefinite && k < j : generic_kept[k] < 2) &&
               o.sentence != e.sentence && days_agree(o, e) &&
               (places_agree(o, e) || (definite && kin == 1 && o.event_type == e.event_type));
      };
      for (std::size_t k = j; k-- > 0 && into == SIZE_MAX;)
        if (fits(k)) into = k;
      if (into == SIZE_MAX && e.sentence == 0)
        for (std::size_t k = j + 1; k < doc.events.size() && doc.events[k].sentence <= 3 && into == SIZE_MAX; ++k)
          if (fits(k)) into = k;
    }
    if (into == SIZE_MAX) {
      ++j;
      continue;
    }
    merge_into(doc.events[into], e);
    doc.events.erase(doc.events.begin() + std::ptrdiff_t(j));
    generic_kept.erase(generic_kept.begin() + std::ptrdiff_t(j));
  }
  // A headline tells, in fewer words, the first event of its kind its lead tells: one event,
  // with the lead's details (its place may be named more narrowly, its day given).
  if (!doc.title.empty())
    for (std::size_t j = 0; j < doc.events.size();) {
      const Event& h = doc.events[j];
      std::size_t into = SIZE_MAX;
      int to = -1;
      if (h.sentence == 0)
        for (std::size_t k = 0; k < doc.events.size() && into == SIZE_MAX; ++k) {
          const Event& l = doc.events[k];
          if (l.sentence == 0 || l.sentence > 3 || l.event_type != h.event_type || !days_agree(h, l)) continue;
          // (Told as two kinds of event, they must also be told at one place.)
          bool shared = false;
          const int c = l.sub_event_type == h.sub_event_type ? int(ev.type_by_name.at(l.sub_event_type))
                        : places_agree(h, l)
                            ? ev.combine(ev.type_by_name.at(h.sub_event_type), ev.type_by_name.at(l.sub_event_type), shared)
                            : -1;
          if (c >= 0) into = k, to = c;
        }
      if (into == SIZE_MAX) {
        ++j;
        continue;
      }
      Event& l = doc.events[into];
      const EventType& t = ev.types[uint32_t(to)];
      l.sub_event_type = t.sub_event_type, l.event_type = t.event_type;
      l.plover_type = t.plover_type, l.plover_mode = t.plover_mode;
      std::optional<int> toll = h.fatalities;
      merge_into(l, h);
      // (The headline's toll is the incident's, read below; the lead's may count a part of it.)
      if (toll) l.fatalities = toll;
      generic_kept[into] = std::min(generic_kept[into], generic_kept[j]);
      doc.events.erase(doc.events.begin() + std::ptrdiff_t(j));
      generic_kept.erase(generic_kept.begin() + std::ptrdiff_t(j));
    }
  // Events the passes above made alike (a killing coded as the strike it was told with) are one.
  for (std::size_t i = 0; i < doc.events.size(); ++i)
    for (std::size_t j = i + 1; j < doc.events.size();) {
      if (!same_event(ev, doc.events[i], doc.events[j])) {
        ++j;
        continue;
      }
      merge_into(doc.events[i], doc.events[j]);
      generic_kept[i] = std::min(generic_kept[i], generic_kept[j]);
      doc.events.erase(doc.events.begin() + std::ptrdiff_t(j));
      generic_kept.erase(generic_kept.begin() + std::ptrdiff_t(j));
    }
  // Who speaks, reports or monitors is the source of a report, never who did the violence;
  // an outlet (a dateline's "(AP)") is no party to any event it reports.
  const auto actor_of = [&](const std::string& id) -> const Actor* {
    for (const Actor& a : doc.actors)
      if (a.id == id) return &a;
    return nullptr;
  };
  const auto type_of = [&](const std::string& id) -> std::string_view {
    const Actor* a = actor_of(id);
    return a ? std::string_view(a->type) : std::string_view();
  };
  for (Event& e : doc.events) {
    const bool harm = violent(e);
    std::erase_if(e.actor1, [&](const std::string& id) { return type_of(id) == "media" || (harm && type_of(id) == "ngo"); });
    std::erase_if(e.actor2, [&](const std::string& id) { return type_of(id) == "media"; });
  }
  // Violence nobody is named for in its sentence: whoever claimed it; else, as
  // its type says (types.tsv, unnamed actor1: shelling, air strikes), the armed
  // actor the document names most often as doing remote violence; else, for
  // air strikes, the state or foreign force the document names most (only they fly).
  std::map<std::string, int> agents, mentions;
  for (const Event& e : doc.events)
    if (!e.actor1.empty() && ev.type(e.sub_event_type).armed_violence == ArmedViolence::Remote)
      if (const Actor* a = actor_of(e.actor1.front()); a && armed(*a)) ++agents[e.actor1.front()];
  for (const Mention& m : doc.mentions) ++mentions[m.actor];
  const std::string usual = most_counted(agents, [](const std::string&) { return true; });
  const auto flies = [&](const std::string& id) {  // only states and foreign forces have air forces
    const Actor* a = actor_of(id);
    return a && (a->type == "state_forces" || a->type == "state" || a->type == "external_forces");
  };
  const std::string flier = most_counted(mentions, flies);
  // (A claim or an attribution names the gunmen the text left unnamed: ACLED codes the group.)
  for (Event& e : doc.events) {
    if (!violent(e)) continue;
    // (None named, or only the unnamed: the claimant; an air strike is a state's, not a claimant's,
    // unless others blame a group for it: "a drone strike ..., activists said, blaming the RSF";
    // violence told past "In a separate incident" or "Meanwhile" is another incident's.)
    const Unnamed stand_in = ev.type(e.sub_event_type).unnamed_actor1;
    const bool claimed = !claimed_by.empty() && (stand_in != Unnamed::Flier || claim_accused) &&
                         incident[e.sentence] == incident[claimed_at];
    if (claimed && all_unnamed(e.actor1)) {
      e.actor1 = {claimed_by};
      continue;
    }
    if (!e.actor1.empty()) continue;
    if (!usual.empty() && ((stand_in == Unnamed::Flier && flies(usual)) || stand_in == Unnamed::Striker))
      e.actor1.push_back(usual);
    else if (!flier.empty() && stand_in == Unnamed::Flier)
      e.actor1.push_back(flier);
  }
  // ACLED codes a demonstration's demonstrators (a riot's rioters) as actor1,
  // whoever acted, and the force that intervened or the people targeted as actor2.
  for (Event& e : doc.events) {
    if (!ev.type(e.sub_event_type).demonstrators_first) continue;
    const auto is_armed = [&](const std::string& id) { const Actor* a = actor_of(id); return a && armed(*a); };
    const auto demonstrates = [&](const std::string& id) {
      const Actor* a = actor_of(id);
      return a && a->type == "protesters";
    };
    std::vector<std::string> first, second;
    // (The unnamed who beat someone, "unidentified assailants", are the rioters themselves, no
    // armed group on the other side.)
    std::erase_if(e.actor1, [&](const std::string& id) { return unnamed.count(id) > 0; });
    for (const auto& id : e.actor1) (is_armed(id) ? second : first).push_back(id);
    for (const auto& id : e.actor2) (demonstrates(id) ? first : second).push_back(id);
    // (An armed force is never a demonstration's actor1, named or not.)
    std::stable_partition(first.begin(), first.end(), demonstrates);
    if (ev.type(e.sub_event_type).one_sided) second.clear();
    e.actor1 = std::move(first), e.actor2 = std::move(second);
  }
  // The main event: what the headline or lead reports, the specific kind
  // ("airstrikes") before a bare killing or attack; else the first event.
  Event* main = nullptr;
  for (int pass = 0; pass < 4 && !main; ++pass)
    for (std::size_t i = 0; i < doc.events.size() && !main; ++i) {
      Event& e = doc.events[i];
      if (violent(e) && e.sentence <= 3 && generic_kept[i] <= pass) main = &e;
    }
  if (!main && !doc.events.empty()) main = &doc.events.front();
  if (main) {
    main->main = true;
    // The headline and lead give the toll of what they report.
    // (Whole, where the main event is one of a list of places: ACLED's notes that tell one
    // toll over several places keep it whole at the first more often than they divide it, 7
    // notes in ACLED dev, and FA-KES dev's headlines count their whole story.)
    if (headline_toll && violent(*main)) {
      main->fatalities = headline_toll;
      main->civilian_fatalities = headline_civilian ? headline_toll : std::nullopt;
    }
    if (stated_toll) main->fatalities = stated_toll;
  }
  for (std::size_t i = 0; i < doc.events.size(); ++i) doc.events[i].id = doc.id + ":" + std::to_string(i + 1);
  // What a statement is about: the event its sentence tells, if any. A denial
  // with no event of its own ("Russia denied any involvement.") answers the
  // violent report told just before it, within kAnswered sentences: the
  // accusation it denies, which another source asserts. (Nobody denies having
  // signed an agreement the sentence before.)
  constexpr uint32_t kAnswered = 2;
  for (Claim& c : doc.claims) {
    const Event* nearest = nullptr;
    for (const Event& e : doc.events) {
      if (e.sentence == c.sentence) {
        nearest = &e;
        break;
      }
      if (c.stance == "denies" && violent(e) && e.sentence < c.sentence && e.sentence + kAnswered >= c.sentence &&
          (!nearest || e.sentence > nearest->sentence))
        nearest = &e;
    }
    if (nearest) c.about = nearest->id;
  }
  for (const Actor* a : victims_named)
    if (std::none_of(doc.actors.begin(), doc.actors.end(), [&](const Actor& b) { return b.id == a->id; }))
      doc.actors.push_back(*a);
}

}  // namespace mosaic
