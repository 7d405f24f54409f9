// Recognise: find the actors a document mentions and resolve each mention to
// an actor record (canonical name, type, country), keeping its span.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"

namespace mosaic {

// Actor types of the mosaic/1 contract: ACLED's, plus state, igo, ngo, media, person.
inline constexpr std::string_view kActorTypes[] = {
    "state",     "state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces",
    "igo",       "ngo",          "media",       "person",            "civilians",        "protesters", "other"};
bool is_actor_type(std::string_view type);

// A document's sentences read into words: the pipeline reads them once and
// every stage after segmentation shares them.
struct Reading;

// Parts of speech from WordNet, for telling "the military said" from
// "a military alliance".
class Vocabulary {
 public:
  enum Pos : uint8_t { Noun = 1, Verb = 2, Adjective = 4, Adverb = 8 };
  // Reads WordNet's index.* and *.exc files from `dir`; throws Error when absent.
  static Vocabulary load(const std::string& dir);
  static std::string default_dir();  // $MOSAIC_WORDNET or /usr/share/wordnet
  // Parts of speech of a lower-case word or any of its inflections; 0 if unknown.
  uint8_t pos(std::string_view word) const;
  std::size_t size() const;

  Vocabulary();
  ~Vocabulary();
  Vocabulary(Vocabulary&&) noexcept;
  Vocabulary& operator=(Vocabulary&&) noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Everything the recogniser knows: countries (from iso-codes and
// data/lexicon/countries.tsv), named actors (actors.tsv and user files) and
// word classes (words.tsv), compiled into one phrase index.
class Lexicon {
 public:
  struct Paths {
    std::string data_dir;                // holds lexicon/countries.tsv, actors.tsv, words.tsv
    std::string iso_codes;               // iso_3166-1.json
    std::vector<std::string> user_files; // extra actor files, same format as actors.tsv
  };
  static std::string default_iso_codes();  // $MOSAIC_ISO_CODES or Debian's path
  static Lexicon load(const Paths& paths); // throws Error naming the file and line

  std::size_t actor_count() const;
  const Actor* find(std::string_view id) const;

  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Finds and resolves actor mentions in a segmented document, filling
// doc.mentions and doc.actors. Stateless: one instance serves many threads.
class ActorRecogniser {
 public:
  ActorRecogniser(const Lexicon& lexicon, const Vocabulary& vocabulary);
  void run(Document& doc, const Reading& reading) const;

 private:
  const Lexicon& lexicon_;
  const Vocabulary& vocabulary_;
};

// "Military Forces of Syria" -> "military-forces-of-syria".
std::string actor_id(std::string_view name);

}  // namespace mosaic
