// The compiled lexicon: actor records, countries, and a phrase index that
// maps sequences of word-part keys to what they can mean.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mosaic/recognise.h"
#include "recognise/phrase_index.h"
#include "util/keys.h"

namespace mosaic {

// Word classes of data/lexicon/words.tsv.
enum class WordClass : uint8_t {
  Force, Weapon, Government, Member, Armed, Rebel, Civilian, Protester, Qualifier, Title, Role, Media,
  Head, Prefix, Locative, Direction, Generic, Determiner, Stop, Function, Band, Count, Claim, Strike, Post, Deploy, None
};

enum class Kind : uint8_t {
  Actor,    // a named actor; target = actor index
  Country,  // a country's name; target = country index
  Capital,  // a capital or seat of power standing for the state; target = country index
  Demonym,  // "Syrian"; target = country index
  People,   // "Syrians"; target = country index
  Word,     // a word class of words.tsv; cls and value
};

struct Entry {
  Kind kind = Kind::Word;
  WordClass cls = WordClass::None;
  uint32_t target = 0;
  std::string value;
};

// How ACLED names a country's generic actors (data/lexicon/conventions.tsv):
// "police" -> "Police Forces of {of}". Every country gets one actor of each.
struct Convention {
  std::string kind;                  // what generic words say: police, civilians, unidentified, ...
  std::string name;                  // with {name}, {of} and {adj} for the country's
  std::string type;
  std::vector<std::string> aliases;  // likewise
  std::string unknown;               // the name when the story's country is unknown; empty: none
  // ACLED sub-event types whose actor1 (side 1) or actor2 (side 2) this always is: "Peaceful
  // protest:1"; only where that side names nobody ("Attack:1?"), and then only where the event
  // killed someone or hurt people ("Remote explosive/landmine/IED:2+": the dead here, the wounded
  // in extract/events.cc, which reads them); or in place of a government named on
  // that side, as its country's ("Air/drone strike:1!": "government airstrikes" are its forces').
  struct Slot {
    std::string sub_event_type;
    int side = 1;
    bool if_empty = false, if_killed = false, for_state = false;
  };
  std::vector<Slot> slots;
};

// A people, clan or community (data/lexicon/peoples.tsv) whose armed men
// ACLED names "<name> <kind> Militia (<country>)".
struct People {
  std::string name, kind;              // "Fulani", "Ethnic"
  std::vector<std::string> countries;  // where they live, ISO alpha-3
};

struct CountryInfo {
  std::string code;       // ISO alpha-3
  std::string name;       // display name, as ACLED writes it: "Syria"
  std::string of;         // after "of": "the United States", else the name
  std::string adjective;  // first demonym: "Syrian" (empty if none)
  std::string capital;    // the capital city: "Damascus" (empty if none given)
  uint32_t state = 0;     // actor index of the state
  uint32_t forces = 0;    // actor index of its military forces
  std::vector<uint32_t> generic;  // actor index of each convention, in the conventions' order
};

struct Lexicon::Impl {
  std::vector<Actor> actors;
  std::unordered_map<std::string, uint32_t> actor_by_id;
  std::vector<CountryInfo> countries;
  std::unordered_map<std::string, uint32_t> country_by_code;
  // Every name and code a record may state a country by ("Burkina Faso",
  // "BFA", "BF"), folded: the record's own country field.
  std::unordered_map<std::string, uint32_t> country_by_name;
  const CountryInfo* stated_country(std::string_view given) const;
  // The ids of the names ACLED gives a side the text leaves unnamed ("Unidentified Armed Group
  // (Kenya)", the country-less "Unidentified Armed Group", the placeholder before the country
  // is known), in `country` (ISO alpha-3) or none.
  std::set<std::string> unnamed_ids(const std::string& country) const;
  std::vector<Convention> conventions;
  std::vector<People> peoples;
  // Folded forms of peoples' names ("fulani", "habar gidir") -> index into peoples. Not
  // phrases: many are also places ("Turkana", "Kisii"), which only the noun after them tells.
  std::unordered_map<std::string, uint32_t> people_by_key;
  // A qualifier's spelling in names, by the folded form the text writes: "shia" -> "Shiite" (words.tsv).
  std::unordered_map<std::string, std::string> qualifier_spelling;
  // words.tsv's count words, folded: read before a people's name only, never matched as phrases
  // (as phrases they cut "Homs Two" and "Aleppo Four" out of the places of FA-KES events).
  std::unordered_set<std::string> count_words;
  // words.tsv's compound words, folded, and what a name joined before them is: "backing" ("Iran" of
  // "Iran-backed militias" backs them, and is not the militias), "leading" ("US-led strikes") or
  // "place" ("Gaza-based"). Never matched as phrases: they are read from a hyphenated word's last part.
  std::unordered_map<std::string, std::string> compounds;
  bool compound_means(std::string_view suffix, std::string_view value) const {
    const auto it = compounds.find(std::string(suffix));
    return it != compounds.end() && it->second == value;
  }
  // Per convention, an actor standing for "the country's" one until the
  // story's country is known (resolve/references.cc): id "?" + kind.
  std::vector<uint32_t> placeholders;
  // Actors active in several countries (actors.tsv lists them all): naming
  // one says nothing about which of them a story is in.
  std::unordered_map<uint32_t, std::vector<std::string>> operates_in;
  // Per group, the descriptions it goes by only in a story of one of its countries (groups.tsv's
  // "~" aliases: "communist rebels" are the NPA in the Philippines, not in Colombia), folded.
  std::unordered_map<uint32_t, std::vector<std::string>> described_by;
  // Whether the words of a mention are one of the actor's descriptions, not a name of it.
  bool describes(uint32_t actor, std::string_view said) const {
    const auto d = described_by.find(actor);
    return d != described_by.end() && std::find(d->second.begin(), d->second.end(), fold(said)) != d->second.end();
  }
  // Groups whose local units ACLED names "<name> - <locality>" (groups.tsv's "+local"): "the
  // Ye-U PDF" is "People's Defense Force - Ye-U".
  std::unordered_set<uint32_t> local_units;
  // The countries an actor is of, its own first (ISO alpha-3; none for a country-less one).
  std::vector<std::string> countries_of(uint32_t actor) const {
    if (const auto it = operates_in.find(actor); it != operates_in.end()) return it->second;
    if (actors[actor].country.empty()) return {};
    return {actors[actor].country};
  }
  // Of actors bearing one name ("SNA"), the one the story's country makes it (own country before
  // one it also fights in); with no country, or none of theirs, the one its other evidence names
  // most by `support` (a count per actor, higher first); on a tie, the first listed. Indexes
  // into `bearers`.
  template <class Support>
  std::size_t bearer_for(const std::vector<uint32_t>& bearers, const std::string& country, Support support) const {
    std::size_t best = 0;
    std::pair<int, double> best_score{-1, 0};
    for (std::size_t i = 0; i < bearers.size(); ++i) {
      const std::vector<std::string> where = countries_of(bearers[i]);
      int home = 0;
      if (!country.empty() && !where.empty() && where.front() == country) home = 2;
      else if (!country.empty() && std::find(where.begin(), where.end(), country) != where.end()) home = 1;
      const std::pair<int, double> score{home, support(bearers[i], where)};
      if (score > best_score) best_score = score, best = i;
    }
    return best;
  }
  // What a generic word means in one country when a named group holds that
  // place there ("separatists" in Ukraine): country index << 32 | convention -> actor index.
  std::unordered_map<uint64_t, uint32_t> generic_in;
  // Actors made from conventions.tsv rather than named in a file ("Syrian rebels"):
  // a collective the text names more fully may stand for them.
  std::unordered_set<uint32_t> generated;

  // Index of the convention for a kind of generic reference, or -1.
  int convention(std::string_view kind) const {
    for (std::size_t i = 0; i < conventions.size(); ++i)
      if (conventions[i].kind == kind) return int(i);
    return -1;
  }

  PhraseIndex phrases;  // payload: index into entries
  std::vector<Entry> entries;

  void add_phrase(std::string_view phrase, Entry entry) {
    phrases.add(phrase, uint32_t(entries.size()));
    // Copied and scraped news often loses apostrophes: "Peoples Protection Units" is the
    // "People's Protection Units" of the lexicon.
    if (const std::size_t at = phrase.find("'s "); at != std::string_view::npos && at > 0) {
      std::string bare(phrase);
      for (std::size_t k = bare.find("'s "); k != std::string::npos; k = bare.find("'s ", k)) bare.erase(k, 1);
      phrases.add(bare, uint32_t(entries.size()));
    }
    entries.push_back(std::move(entry));
  }
  uint32_t add_actor(Actor actor);  // merges into an existing actor of the same id
};

}  // namespace mosaic
