// Contradictions: the same quantity of the same thing given differently by
// different documents. Counts are compared only where two documents of one
// story say the same sentence with another number ("250,000 people are
// besieged" and "275,000 ..."): counts of different things in one story are
// not contradictions (FA-KES gave 152 such, nearly all noise: every toll of a
// story against every other, "people killed: 4, 48, 2011, 129"). Years and
// ages are never counts. One event's toll is compared across the documents
// that report it, and a report asserted by one source and denied by another.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "extract/event_lexicon.h"
#include "merge/hedges.h"
#include "mosaic/merge.h"
#include "util/data_dir.h"
#include "util/keys.h"

namespace mosaic {

namespace {

std::set<std::string> words_of(std::string_view sentence);

// "2011 people killed" was a year read as a toll, "a 10-year-old" an age.
bool is_count(const Quantity& q, std::string_view text) {
  const bool whole = q.value == std::floor(q.value);
  const bool year_like = whole && q.value >= 1900 && q.value <= 2100 && text.size() >= 4 &&
                         std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
                         (text.size() == 4 || !(text[4] >= '0' && text[4] <= '9'));
  const bool age = text.find("year-old") != std::string_view::npos || text.find("years old") != std::string_view::npos ||
                   text.find("aged ") != std::string_view::npos;
  // "06-06-2016 3 Civilians Killed": a date's first part read as a count.
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const bool date = digits > 0 && digits + 1 < text.size() && (text[digits] == '-' || text[digits] == '/') &&
                    text[digits + 1] >= '0' && text[digits + 1] <= '9';
  return !year_like && !age && !date;
}

// What a quantity counts, as written: its words without the number ("people
// are besieged"). Two documents count the same thing when they write it alike.
std::string counted(std::string_view span) {
  std::string out;
  for (const auto& w : words_of(span)) out += w + " ";
  return out;
}

// A denial not yet made ("the regime will deny", "strikes to deny Daesh the
// ability") is none: the word is there but nobody has denied anything.
bool made(std::string_view sentence) {
  const std::string s = fold(sentence);
  for (const char* done : {"denied", "denies", "disputed", "disputes", "rejected", "rejects", "dismissed", "refuted"})
    if (s.find(done) != std::string::npos) return true;
  for (const char* modal : {"will deny", "would deny", "to deny", "may deny", "might deny", "could deny", "can deny"})
    if (s.find(modal) != std::string::npos) return false;
  return true;
}

// The words of a sentence, numbers left out: what two tellings of one fact share.
std::set<std::string> words_of(std::string_view sentence) {
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() > 2 && !std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out.insert(fold(word));
    word.clear();
  };
  for (char c : sentence) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80)) word += c;
    else flush();
  }
  flush();
  return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : a) shared += b.count(w);
  return double(shared) / double(a.size() + b.size() - shared);
}

constexpr double kSameSentence = 0.6;  // word overlap from which two sentences tell one fact

// Values that differ, though not so far (tenfold) that they cannot count one
// thing: "6 killed" beside "100,000 killed" is a strike's toll beside the
// war's, and 32,035 beside 18 a number misread.
bool differ(const std::vector<Contradiction::Value>& values) {
  double low = 0, high = 0;
  for (const auto& v : values) {
    if (!v.value) continue;
    if (low == 0 || *v.value < low) low = *v.value;
    high = std::max(high, *v.value);
  }
  return high > low && high <= 10 * std::max(low, 1.0);
}

}  // namespace

std::vector<Contradiction> find_contradictions(const Store& store) {
  std::vector<Contradiction> out;
  // One disagreement once: the same documents giving the same values (a toll
  // read into two events of one story, and the count it came from).
  std::set<std::vector<std::pair<std::string, double>>> listed;
  auto values_key = [](const std::vector<Contradiction::Value>& values) {
    std::vector<std::pair<std::string, double>> k;
    for (const auto& x : values) k.emplace_back(x.doc, x.value.value_or(0));
    std::sort(k.begin(), k.end());
    return k;
  };
  // Counts: each copy of a story against its first document, sentence by sentence.
  store.for_each_story([&](const Store::StorySummary& s) {
    if (s.documents.size() < 2) return;
    const auto first = store.get(s.documents.front());
    if (!first) return;
    // Copies dated days apart (a daily digest's boilerplate) tell different days.
    auto same_days = [&](const Document& d) {
      if (first->date.empty() || d.date.empty()) return true;
      const auto day = [](const std::string& iso) { return std::stoi(iso.substr(0, 4)) * 372 + std::stoi(iso.substr(5, 2)) * 31 + std::stoi(iso.substr(8, 2)); };
      return std::abs(day(first->date) - day(d.date)) <= 1;
    };
    struct Told {
      const Quantity* q;
      std::set<std::string> words;
      Contradiction found;
    };
    std::vector<Told> told;
    for (const Quantity& q : first->quantities)
      if (is_count(q, first->slice(q.span)))
        told.push_back({&q, words_of(first->slice(first->sentences[q.sentence].span)),
                        {q.what, {{q.value, first->id, "", first->source, std::string(first->slice(first->sentences[q.sentence].span))}}}});
    if (told.empty()) return;
    for (std::size_t i = 1; i < s.documents.size(); ++i) {
      const auto other = store.get(s.documents[i]);
      if (!other || !same_days(*other)) continue;
      for (Told& t : told) {
        // The quantity of the same thing in the sentence that tells the same fact.
        const Quantity* best = nullptr;
        double overlap = kSameSentence;
        for (const Quantity& q : other->quantities) {
          if (q.what != t.q->what || !is_count(q, other->slice(q.span)) ||
              counted(other->slice(q.span)) != counted(first->slice(t.q->span)))
            continue;
          const double o = jaccard(t.words, words_of(other->slice(other->sentences[q.sentence].span)));
          if (o >= overlap) overlap = o, best = &q;
        }
        // The first document giving that number too for the same thing ("10 killed in Aleppo and Deir
        // Ezzor ... 6 in Aleppo") has told both; it does not disagree.
        if (best && std::any_of(first->quantities.begin(), first->quantities.end(),
                                [&](const Quantity& q) { return q.what == best->what && q.value == best->value; }))
          best = nullptr;
        if (best)
          t.found.values.push_back({best->value, other->id, "", other->source,
                                    std::string(other->slice(other->sentences[best->sentence].span))});
      }
    }
    for (Told& t : told) {
      const auto& v = t.found.values;
      if (differ(v) && listed.insert(values_key(v)).second) out.push_back(std::move(t.found));
    }
  });
  // A state, its forces and its people speak with one voice: Putin asserting
  // what Russia denies is no contradiction.
  std::map<std::string, std::string> voice;  // actor id -> its state's country, for states, forces and persons
  std::set<std::string> victims;               // civilians, read into actor1 now and then, are nobody's perpetrator
  store.for_each_actor([&](const ActorSummary& a) {
    const std::string& t = a.actor.type;
    if (!a.actor.country.empty() && (t == "state" || t == "state_forces" || t == "person")) voice[a.actor.id] = a.actor.country;
    if (t == "civilians") victims.insert(a.actor.id);
  });
  auto one_voice = [&](const std::string& a, const std::string& b) {
    if (a == b) return true;
    const auto x = voice.find(a), y = voice.find(b);
    return x != voice.end() && y != voice.end() && x->second == y->second;
  };
  // Allies: two voices the store's relations tie more often by alliance, support or membership
  // than by fighting or opposing (one pass over the relations).
  std::map<std::pair<std::string, std::string>, int> ties;  // (voice, voice), in order -> net ties
  auto voice_of = [&](const std::string& actor) {
    const auto v = voice.find(actor);
    return v == voice.end() ? actor : v->second;
  };
  store.for_each_relation({}, [&](const Store::StoredRelation& r) {
    const std::string a = voice_of(r.relation.source), b = voice_of(r.relation.target);
    if (a == b) return;
    const std::string& t = r.relation.type;
    ties[std::minmax(a, b)] += (t == "allied_with" || t == "supports" || t == "part_of") ? 1 : (t == "fights" || t == "opposes") ? -1 : 0;
  });
  auto one_side = [&](const std::string& a, const std::string& b) {
    if (a == b) return true;
    const auto t = ties.find(std::minmax(a, b));
    return t != ties.end() && t->second > 0;
  };
  // One event's toll, as the documents that report it give it (one value each).
  struct Toll {
    Contradiction::Value value;
    std::optional<int> civilians;
    uint32_t sentence = 0;      // the event's
    std::set<std::string> perpetrators;  // its actor1, as voices
  };
  // An incident is a group of reports event merging made, joined with the other groups of its
  // day and place that strike from afar or attack (outlets name one attack differently: a
  // "barrel bomb" is an air strike to one and an explosion to another, "rocket attacks" shelling
  // to one and "an attack" to another) and share a perpetrator. Merging keeps reports of
  // different types apart, as it must for the event count; a toll compares what happened.
  struct Place {
    bool strike = false;                 // a strike or an attack, as outlets tell one alike (types.tsv)
    std::set<std::string> perpetrators;  // the voices of its fatal reports' actor1
  };
  std::map<std::string, Place> places;                                   // group -> what joins it
  std::map<std::pair<std::string, std::string>, std::set<std::string>> at;  // (day, place) -> groups
  std::map<std::string, std::string> joined;                             // group -> its incident
  std::vector<Store::StoredEvent> fatal;
  std::map<std::string, std::string> described;
  std::map<std::string, std::string> group_of;  // event id -> group
  auto voices_of = [&](const Event& e) {
    std::set<std::string> voices;
    for (const std::string& a : e.actor1) {
      if (a.starts_with("unidentified") || victims.count(a)) continue;
      voices.insert(voice_of(a));
    }
    return voices;
  };
  // What each sub-event type is (types.tsv), read once like the hedges below.
  static const std::map<std::string, EventType> kinds = [] {
    std::map<std::string, EventType> by_name;
    for (EventType& t : load_event_types(default_data_dir())) by_name.insert_or_assign(t.sub_event_type, std::move(t));
    return by_name;
  }();
  std::set<std::string> violent;                // events of armed violence: battles, remote violence, violence against civilians
  store.for_each_event({}, [&](const Store::StoredEvent& e) {
    group_of[e.event.id] = e.event.group;
    const auto kind = kinds.find(e.event.sub_event_type);
    const EventType* type = kind == kinds.end() ? nullptr : &kind->second;
    if (type && type->armed_violence != ArmedViolence::None) violent.insert(e.event.id);
    if (!e.event.fatalities) return;
    fatal.push_back(e);
    fatal.back().event.actor2.clear();
    if (!described.count(e.event.group))
      described[e.event.group] = e.event.sub_event_type + (e.event.location.empty() ? "" : " in " + e.event.location) +
                                 (e.event.date.empty() ? "" : " on " + e.event.date);
    Place& p = places[e.event.group];
    p.strike = type && type->strike;
    for (const std::string& v : voices_of(e.event)) p.perpetrators.insert(v);
    if (e.event.date.empty() || e.event.location.empty()) return;
    char key[64] = "";
    if (e.event.latitude && e.event.longitude) std::snprintf(key, sizeof key, "%.4f,%.4f", *e.event.latitude, *e.event.longitude);
    at[{e.event.date, key[0] ? std::string(key) : fold(e.event.location)}].insert(e.event.group);
  });
  // Each day and place holds a few groups: joining them pairwise is not quadratic in the store.
  std::function<std::string(const std::string&)> incident = [&](const std::string& g) -> std::string {
    const auto j = joined.find(g);
    return j == joined.end() || j->second == g ? g : (j->second = incident(j->second));
  };
  for (const auto& [day_place, groups] : at)
    for (auto a = groups.begin(); a != groups.end(); ++a)
      for (auto b = std::next(a); b != groups.end(); ++b) {
        const Place &x = places[*a], &y = places[*b];
        if (!x.strike || !y.strike || x.perpetrators.empty() ||
            std::none_of(x.perpetrators.begin(), x.perpetrators.end(), [&](const std::string& v) { return y.perpetrators.count(v) > 0; }))
          continue;
        const std::string i = incident(*a), k = incident(*b);
        if (i != k) joined[std::max(i, k)] = std::min(i, k);
      }
  std::map<std::string, std::map<std::string, Toll>> tolls;  // incident -> doc -> toll
  for (const Store::StoredEvent& e : fatal) {
    auto& t = tolls[incident(e.event.group)][e.doc];
    if (!t.value.value || *e.event.fatalities > *t.value.value) {
      t.value = {double(*e.event.fatalities), e.doc, "", e.source, e.evidence};
      t.civilians = e.event.civilian_fatalities;
      t.sentence = e.event.sentence;
      t.perpetrators = voices_of(e.event);
    }
  }
  // Read once: the API asks for contradictions on every request of its page.
  static const Hedges hedges = Hedges::load(default_data_dir());
  for (auto& [group, by_doc] : tolls) {
    if (by_doc.size() < 2) continue;
    std::set<std::string> outlets;
    for (auto& [doc, t] : by_doc) outlets.insert(t.value.source);
    if (outlets.size() < 2) continue;  // one outlet's later toll is an update, not another source's word
    // One event, one perpetrator: the army's shelling of one side of a city and the rebels'
    // rockets on the other, grouped for their day and place, are two events. Reports naming
    // some of a coalition ("Syrian and Russian jets", "Russian jets") name one perpetrator, and
    // so do reports naming two allies, one each ("Russian warplanes" in one, "government
    // warplanes" in the other: who flew the jets is what outlets disagree on).
    bool two_perpetrators = false;
    for (auto a = by_doc.begin(); a != by_doc.end(); ++a)
      for (auto b = std::next(a); b != by_doc.end(); ++b) {
        const auto& x = a->second.perpetrators;
        const auto& y = b->second.perpetrators;
        if (!x.empty() && !y.empty() && std::none_of(x.begin(), x.end(), [&](const std::string& p) {
              return std::any_of(y.begin(), y.end(), [&](const std::string& q) { return one_side(p, q); });
            }))
          two_perpetrators = true;
      }
    if (two_perpetrators) continue;
    // Each report's toll as the range its words allow ("more than 30": 30 or more), told by
    // the sentence that gives the number. A number told far from the event ("13 rebels" four
    // sentences on) was carried to it, and is no report of its toll.
    std::map<std::string, std::shared_ptr<const Document>> docs;
    for (const auto& [doc, t] : by_doc)
      if (auto d = store.get(doc)) docs[doc] = std::make_shared<const Document>(std::move(*d));
    auto stated = [&](const Document& d, double value, uint32_t near) {
      // The number may be told more than once near the event, hedged in one telling and not in
      // another ("kill 16" in the headline, "at least 16" in the lead): the range is all they allow.
      constexpr int kNear = 2;  // sentences between an event and the one that gives its toll
      // A headline's event is told again after the title and the dateline repeating it: its
      // lead may come a sentence later (FA-KES: a gas attack's "1300" in the third sentence after
      // the title, against another outlet's "more than 1400").
      const int near_enough = kNear + (near == 0 ? 1 : 0);
      const Quantity* nearest = nullptr;
      CountRange range{value, value};
      for (const Quantity& q : d.quantities) {
        if (q.value != value || q.sentence >= d.sentences.size()) continue;
        const int gap = std::abs(int(q.sentence) - int(near));
        if (gap > near_enough && q.sentence != 0) continue;
        const Span sentence = d.sentences[q.sentence].span;
        const CountRange r = hedges.range(value, d.slice({sentence.begin, q.span.begin}), d.slice(q.span));
        range = nearest ? CountRange{std::min(range.low, r.low), std::max(range.high, r.high)} : r;
        if (!nearest || gap < std::abs(int(nearest->sentence) - int(near))) nearest = &q;
      }
      return std::pair{nearest, range};
    };
    // Like with like: "11 civilians" against "50 fighters and eight civilians" is 11 against 8
    // civilians, not 11 against 50. When one report counts civilians alone, the civilians of
    // each are compared, and a report that does not say how many were civilians is left out.
    // A toll of "people" names no side: the event reader takes its dead for civilians, but
    // "48 people killed" against "kills 44" is two tolls of all the dead (FA-KES: a bombing's 48
    // and 44, and a car bomb's 26 and 20, were left out as if one outlet counted civilians only).
    auto civilians_alone = [&](const std::string& doc, const Toll& t) {
      if (!t.civilians || double(*t.civilians) != t.value.value.value_or(-1)) return false;
      const auto d = docs.find(doc);
      if (d == docs.end()) return true;
      const Quantity* q = stated(*d->second, *t.value.value, t.sentence).first;
      return !q || !(q->what.starts_with("people") || q->what.starts_with("persons"));
    };
    std::size_t alone = 0;  // reports that count civilians alone (each read once: it finds the stated number)
    for (const auto& [doc, t] : by_doc) alone += civilians_alone(doc, t);
    const bool civilians_only = alone > 0 && alone < by_doc.size();
    std::vector<Contradiction::Value> values;
    std::vector<CountRange> ranges;
    std::set<std::string> still;
    for (auto& [doc, t] : by_doc) {
      Contradiction::Value v = t.value;
      const auto d = docs.find(doc);
      if (d == docs.end()) continue;
      if (civilians_only) {
        // "killed 50 militants and eight civilians": the event's sentence tells its civilians
        // when the event reader kept only the toll (FA-KES: a strike's 8 civilians against
        // another outlet's 11 were left out).
        std::optional<int> civilians = t.civilians;
        for (const Quantity& q : d->second->quantities)
          if (!civilians && q.sentence == t.sentence && (q.what == "civilians" || q.what == "civilians killed"))
            civilians = int(q.value);
        if (!civilians) continue;
        v.value = double(*civilians);
      }
      const auto [nearest, range] = stated(*d->second, *v.value, t.sentence);
      // A toll no sentence states (summed over places or victims: nine in one district and two
      // in another) is Mosaic's reading, not a source's word; only stated numbers disagree.
      if (!nearest) continue;
      v.text = std::string(d->second->slice(d->second->sentences[nearest->sentence].span));
      still.insert(v.source);
      values.push_back(std::move(v));
      ranges.push_back(range);
    }
    if (still.size() < 2) continue;
    // They disagree when two ranges do not meet, and not so far apart (tenfold) that they count other things.
    bool apart = false;
    for (std::size_t i = 0; i < ranges.size(); ++i)
      for (std::size_t j = i + 1; j < ranges.size(); ++j) apart = apart || !ranges[i].meets(ranges[j]);
    if (apart && differ(values) && listed.insert(values_key(values)).second)
      out.push_back({(civilians_only ? "civilian fatalities of " : "fatalities of ") + described[group], values});
  }
  // A report asserted by one source and denied by another, in one sentence or about one event.
  std::map<std::string, std::vector<Contradiction::Value>> said;
  // A denial of involvement or responsibility that names no event ("Russia has denied its
  // aircraft were involved in the incident") answers the incident of violence its document is
  // about (FA-KES: two denials of an aid convoy's bombing, one against another outlet's report).
  // Nobody is involved in a ceasefire signed: a document about anything else has no incident.
  std::map<std::string, std::string> main_of;  // doc -> its main event's group
  for (const auto& [doc, event] : store.main_events()) {
    const auto g = group_of.find(event);
    if (g != group_of.end() && violent.count(event)) main_of[doc] = g->second;
  }
  // One whose sentence reports what it denies ("The observatory said Russian air strikes killed 23
  // ... but Russia denied carrying out raids there that day") answers that report, not the document's.
  auto of_involvement = [](std::string_view evidence) {
    const auto words = words_of(evidence);
    for (const char* w : {"said", "says", "accused", "reported", "according"})
      if (words.count(w)) return false;
    const std::string s = fold(evidence);
    for (const char* w : {"involvement", "involved", "responsibility", "responsible", "carried out", "carrying out"})
      if (s.find(w) != std::string::npos) return true;
    return false;
  };
  store.for_each_claim([&](const Store::StoredClaim& c) {
    const auto group = group_of.find(c.claim.about);
    std::string key = c.claim.about.empty() ? c.doc + "#" + std::to_string(c.claim.sentence)
                                            : (group == group_of.end() ? c.claim.about : group->second);
    if (c.claim.about.empty() && c.claim.stance == "denies" && main_of.count(c.doc) && of_involvement(c.evidence))
      key = main_of[c.doc];
    if (c.claim.stance == "denies" && !made(c.evidence)) return;
    said[key].push_back({std::nullopt, c.doc, c.claim.stance, c.claim.source, c.evidence});
  });
  for (auto& [key, values] : said) {
    std::set<std::string> asserting, denying;
    for (const auto& v : values) (v.stance == "denies" ? denying : asserting).insert(v.source);
    // Two sources, one asserting what the other denies.
    const bool opposed = std::any_of(denying.begin(), denying.end(), [&](const std::string& d) {
      return std::any_of(asserting.begin(), asserting.end(), [&](const std::string& a) { return !one_voice(a, d); });
    });
    if (opposed) out.push_back({"statements about " + key, values});
  }
  return out;
}

}  // namespace mosaic
