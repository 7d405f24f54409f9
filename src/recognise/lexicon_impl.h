// The compiled lexicon: actor records, countries, and a phrase index that
// maps sequences of word-part keys to what they can mean.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "mosaic/recognise.h"
#include "recognise/phrase_index.h"

namespace mosaic {

// Word classes of data/lexicon/words.tsv.
enum class WordClass : uint8_t {
  Force, Weapon, Government, Member, Armed, Rebel, Civilian, Protester, Qualifier, Title, Role, Media,
  Head, Prefix, Locative, Direction, Generic, Determiner, Stop, Function, None
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

struct CountryInfo {
  std::string code;       // ISO alpha-3
  std::string name;       // display name: "Syria"
  std::string adjective;  // first demonym: "Syrian" (empty if none)
  uint32_t state = 0;     // actor index of the state
  uint32_t forces = 0;    // actor index of its military forces
};

struct Lexicon::Impl {
  std::vector<Actor> actors;
  std::unordered_map<std::string, uint32_t> actor_by_id;
  std::vector<CountryInfo> countries;
  std::unordered_map<std::string, uint32_t> country_by_code;

  PhraseIndex phrases;  // payload: index into entries
  std::vector<Entry> entries;

  void add_phrase(std::string_view phrase, Entry entry) {
    phrases.add(phrase, uint32_t(entries.size()));
    entries.push_back(std::move(entry));
  }
  uint32_t add_actor(Actor actor);  // merges into an existing actor of the same id
};

}  // namespace mosaic
