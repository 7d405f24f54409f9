// Resolve: places to coordinates and divisions (geocoding), with ACLED's
// geo_precision. (Coreference and dates are resolved inside the stages that
// read them: see recognise.h and extract.h.)
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"
#include "mosaic/extract.h"
#include "mosaic/recognise.h"

namespace mosaic {

struct Place {
  std::string name, country, admin1;  // country: ISO alpha-3; admin1: first-level division
  double latitude = 0, longitude = 0;
  long long population = 0;
  std::string kind;    // city, admin2, admin1, country, camp, district, ...
  std::string admin2;  // second-level division (district, province of a region), if known
};

// GeoNames cities and divisions (gazetteer/places.tsv, built at set-up from
// npm packages) with data/places/places.tsv and the spellings of
// data/places/variants.tsv on top.
class Gazetteer {
 public:
  static Gazetteer load(const std::string& places_tsv, const std::string& data_dir);  // throws Error
  static std::string default_path();  // $MOSAIC_GAZETTEER, else the one built in the source tree
  // Places a name can be, as written ("Deir Ezzor", "al-Bab"); empty if none.
  // `loose` also compares consonants only ("Khan Sheikhoun" = "Khan Shaykhun"):
  // for a last try, within a country.
  std::vector<const Place*> lookup(std::string_view name, bool loose = false) const;
  // Whether `name` is one of the place's own names: its name, or a spelling data/places/variants.tsv
  // gives it (not only one of the gazetteer's other names for it, in any language).
  bool own_name(std::string_view name, const Place& place) const;
  // The country of an ISO alpha-3 code, as a place (its centre); null if unknown.
  const Place* country(std::string_view code) const;
  // Whether a lower-case word ("township", "village tract") names a kind of
  // division or settlement (data/places/nouns.tsv).
  bool place_noun(std::string_view word) const;
  // Whether it names only a kind of settlement ("village", "quarter"), never a division's.
  bool settlement_noun(std::string_view word) const;
  // Whether `country` (ISO alpha-3) calls its first-level divisions `noun` ("state", "states"), as
  // ISO 3166-2 (Debian's iso-codes) says: Nigeria's are states, Benin's departments. True where
  // it is not known.
  bool divisions_called(std::string_view country, std::string_view noun) const;
  // The finer division ACLED names where it splits `division` of `country` by the district
  // `district` lies in (data/places/splits.tsv: Muse district of Shan is Shan-North); "" if none.
  std::string finer_division(std::string_view country, std::string_view division, std::string_view district) const;
  // Whether ACLED splits `division` of `country` at all: finer_division is "" for any district
  // of a division it does not split.
  bool splits(std::string_view country, std::string_view division) const;
  std::size_t size() const;

  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Renames the story's generic actors ("rebels", "civilians", "Unidentified
// Armed Group", "Kurdish fighters"), which the recogniser named for the
// country it took the story to be about, for the country where the story's
// geocoded events are, when that differs: Syrian rebels, not Russian ones, in a
// story of Russian air strikes on Aleppo. Run after the geocoder.
void rehome_generic_actors(Document& doc, const Lexicon& lexicon);

// Actors named by an adjective two countries share ("Congolese"), moved to the
// country where the story's events are when that is the other. Run after the
// geocoder, before foreign forces are coded.
void rehome_shared_demonyms(Document& doc, const Lexicon& lexicon);

// Names several actors bear ("SNA": the Syrian National Army, the Somali
// National Army, the Shanni Nationalities Army) that the text's words left
// unsettled (Document::shared_names), named as the actor of the country the
// story is in, and the ground its events say it took re-coded for the side it
// is on. Run after the geocoder, before the references.
void settle_shared_names(Document& doc, const Lexicon& lexicon, const EventLexicon& events);

// Groups the text calls only by a description that is theirs in their own
// countries (groups.tsv's "~" aliases), in a story of another country, dropped:
// "ruling party activists" in Kenya are no Awami League, and the events they
// were a side of get the sides ACLED gives the unnamed (conventions.tsv).
// Run after the geocoder, before the references.
void unbind_descriptions(Document& doc, const Lexicon& lexicon);

// Codes the events whose actor1 is a state's forces acting outside their own
// country as ACLED codes a foreign force (data/events/types.tsv, "abroad"):
// Russian forces taking a Ukrainian village overtake territory; no government
// regains its own there. Run after the geocoder and the references.
void code_foreign_forces(Document& doc, const EventLexicon& events);

// Folds the events of one document that tell one incident: the same
// sub-event type, day and place, with the same perpetrators or one report
// naming none (ACLED's Unidentified Armed Group). Run after the references
// are resolved, when the sides have their names.
void fold_repeated_events(Document& doc, const Lexicon& lexicon);

// Gives each event's place its division, country and coordinates, and
// ACLED's geo_precision: 1 a town, 2 near a town or part of a region, 3 a
// larger region.
class Geocoder {
 public:
  Geocoder(const Gazetteer& gazetteer, const Vocabulary& vocabulary) : gazetteer_(gazetteer), vocabulary_(vocabulary) {}
  void run(Document& doc) const;
  // The place a name as written stands for, in `country` first (`strict`:
  // only there); null when none.
  const Place* find(const std::string& name, const std::string& country, bool strict = true) const;

 private:
  int precision(const Place& p, std::string_view written) const;
  const Place* division_of(const std::string& name, const std::string& country) const;
  const Place* bare(const std::string& name, const std::string& country) const;
  std::string written(const Document& doc, const std::string& name, Span span) const;
  void join_split_names(Document& doc) const;

  const Gazetteer& gazetteer_;
  const Vocabulary& vocabulary_;
};

// Generic references ("police", "gunmen", "the government"), held by
// placeholders until the story's country is known, named as that country's
// actors in ACLED's naming ("Police Forces of Kenya"), or, with no country,
// by ACLED's country-less name. Runs after the geocoder, which decides the
// story's country.
class ReferenceResolver {
 public:
  explicit ReferenceResolver(const Lexicon& lexicon) : lexicon_(lexicon) {}
  void run(Document& doc) const;

 private:
  const Lexicon& lexicon_;
};

}  // namespace mosaic
