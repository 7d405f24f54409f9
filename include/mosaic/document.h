// The unit that flows through every stage: one article, its normalised text,
// and the spans that later stages attach to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mosaic {

// A half-open byte range [begin, end) in a document's normalised UTF-8 text.
// Byte offsets keep the hot path free of conversions; export turns them into
// character (code point) offsets where a consumer needs them.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Sentence {
  Span span;
};

// A reference to an actor in the text.
struct Mention {
  uint32_t sentence = 0;  // index into Document::sentences
  Span span;
  std::string actor;      // actor id
};

// An actor record: who it is and the names it goes by.
struct Actor {
  std::string id;       // stable slug of the canonical name: "military-forces-of-syria"
  std::string name;     // canonical name
  std::string type;     // one of the contract's actor types
  std::string country;  // ISO 3166 alpha-3, or empty
  std::vector<std::string> aliases;
};

// Something that happened, in ACLED's terms, with the sentence that says so.
struct Event {
  std::string id;                  // "<document id>:<n>"
  uint32_t sentence = 0;           // evidence: where it is told (first sentence if several)
  Span trigger;                    // the words that report it
  std::string event_type, sub_event_type;   // ACLED's taxonomy
  std::string plover_type, plover_mode;     // PLOVER
  std::vector<std::string> actor1, actor2;  // actor ids: the main one first, then associated actors
  std::string location;            // the place as the text names it
  Span location_span;              // empty when the place came from elsewhere in the document
  std::string admin1, country;     // its first-level division and country (ISO alpha-3), once geocoded
  std::optional<double> latitude, longitude;
  int geo_precision = 0;           // ACLED: 1 town, 2 near a town or part of a region, 3 larger region
  std::string date;                // YYYY-MM-DD, or empty
  int time_precision = 0;          // ACLED: 1 day, 2 week, 3 month; 0 unknown
  std::optional<int> fatalities, civilian_fatalities;
  bool main = false;               // what the headline or lead reports
  std::string group;               // the first report of the same event, in this or another document
};

// How two actors stand to each other, as one sentence states it.
struct Relation {
  std::string type;       // supports, allied_with, part_of, fights, opposes
  std::string source, target;  // actor ids
  uint32_t sentence = 0;  // the evidence
};

// An attributed statement: who says (or denies) what.
struct Claim {
  uint32_t sentence = 0;
  Span span;              // the words that attribute it ("the United Nations says")
  std::string source;     // actor id, or the name given when no actor was recognised
  std::string stance;     // asserts or denies
  std::string about;      // id of the event the statement is about, if any
};

// A number that counts people, places or things in the conflict.
struct Quantity {
  uint32_t sentence = 0;
  Span span;                       // from the number to what it counts
  double value = 0;                // the lower bound of a range
  double value_max = 0;            // equal to value unless a range ("1,000 to 2,500")
  std::string what;                // "people killed", "people besieged", "hospitals", "square kilometers"
};

struct Document {
  std::string id;
  std::string title;
  std::string source;  // outlet, e.g. "reuters"
  std::string date;    // ISO "YYYY-MM-DD", or empty when unknown
  std::string url;
  std::string origin;  // where it was read: "feed.jsonl:12", "sample/a.txt"
  std::string raw;     // the text as received, decoded to UTF-8
  std::string text;    // normalised text; every Span points into it
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Actor> actors;  // every actor a mention refers to, with the names used here
  std::string country;        // the country the document is about (ISO alpha-3), if it can tell
  // The country the record itself says the document is about (a "country"
  // column or field, as event datasets and news feeds carry one), as given: a
  // name or an ISO code. Where the lexicon knows it, the recogniser sets it to
  // the ISO alpha-3 code and it outranks what the text's words vote for; a
  // name it does not know is cleared and the text decides as without one.
  std::string stated_country;
  // Where the groups it names that fight in several countries fight (JNIM: Mali, Burkina Faso,
  // Niger, ...; the lexicon's order, first mentioned first): one of them, not a namesake abroad
  // of a village the gazetteer lacks, is where the story is (not stored).
  std::vector<std::string> group_countries;
  // A name the text gives that several of the lexicon's actors bear ("SNA": the Syrian National
  // Army, the Somali National Army, the Shanni Nationalities Army) and that the text's words did
  // not settle: the actor the recogniser took it for (by the country the words say, else the
  // first listed) and every actor bearing it, in the lexicon's order. Settled once the geocoder
  // has said where the story is (resolve/references.cc); not stored.
  struct SharedName {
    std::string actor;
    std::vector<std::string> bearers;
  };
  std::vector<SharedName> shared_names;
  struct NamedPlace {
    std::string name;  // as written
    uint32_t sentence = 0;
    Span span;
    // A name nothing marks as a place ("flee Timbuktu"): one only where the gazetteer knows it
    // in the story's country, and only for an event its sentence places nowhere else.
    bool bare = false;
    // Says where the place named just before it lies ("Kuriga village in Chikun LGA"): the
    // event is at the first; this one names it when the first is too small to be known.
    bool within = false;
    bool site = false;  // named as a site ("an IDP camp", "X Secondary School"), not a town
  };
  std::vector<NamedPlace> places;  // every place the text names, in order (not stored)
  std::vector<Event> events;
  std::vector<Quantity> quantities;
  std::vector<Relation> relations;
  std::vector<Claim> claims;
  // Story: the documents that are copies or re-edits of one another share it.
  std::string story;                    // the id of the story's first document
  std::string duplicate_of;             // that document, when this is a copy of it; else empty
  std::vector<uint64_t> fingerprints;   // what story detection looks this document up by

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.begin, s.size());
  }
};

}  // namespace mosaic
