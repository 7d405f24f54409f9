// Merge: recognise copies and re-edits of one story (wire copies, shortened
// reprints, re-scrapes), so that nothing is counted twice.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"
#include "mosaic/store.h"

namespace mosaic {

// Hashes of a text's word 3-grams (case, accents and punctuation folded away):
// what two copies of one story share even when words were dropped or added.
std::vector<uint64_t> shingles(std::string_view text);  // sorted, unique

// A fixed one-in-eight sample of shingles: the fingerprints stored and
// looked up. Sampling by value rather than by rank (as MinHash does) keeps
// the fingerprints of a passage the same in a short copy and in the whole.
std::vector<uint64_t> fingerprints(const std::vector<uint64_t>& shingles);

// How much of the smaller text the larger one holds, and their Jaccard
// similarity, from sorted shingle sets.
struct Overlap {
  double containment = 0, jaccard = 0;
};
Overlap overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

struct StoryOptions {
  double same_story = 0.7;      // containment from which two documents tell one story
  std::size_t min_shared = 2;   // fingerprints two documents must share to be compared
  double min_estimate = 0.5;    // nor compared below this containment estimated from fingerprints
};

// Stored documents sharing two or more of `fingerprints`, with how many they
// share and how many they hold, most shared first (then by id). A
// fingerprint found held by more documents than copies of one story would be
// (boilerplate, stock phrases) is passed over and recorded common in the
// store, so that it is looked up no more. `holders`, if given, gets how many
// documents hold each fingerprint (common: 0). The document `except` (a
// stored copy of the one being compared) is not counted.
struct Sharing {
  std::string doc;
  std::size_t shared = 0, own = 0;
};
std::vector<Sharing> documents_sharing(Store& store, const std::vector<uint64_t>& fingerprints,
                                       std::vector<uint32_t>* holders = nullptr, const std::string& except = {});

// Assigns a document to a story before it is stored: finds the stored
// documents it copies or is copied in (among the 16 sharing most
// fingerprints), and sets doc.story to the story of the one it copies most
// and doc.duplicate_of; stories are never merged. `copies`, if given, gets
// the documents found, most copied first. Fingerprints go into the store
// with the document.
class ShingleMemo;
class StoryDetector {
 public:
  explicit StoryDetector(StoryOptions options = {});
  void assign(Store& store, Document& doc, std::vector<std::string>* copies = nullptr) const;

 private:
  StoryOptions options_;
  std::shared_ptr<ShingleMemo> memo_;  // candidates' shingles, not recomputed (src/merge/shingle_memo.h)
};

// Gives each event of a document its group: the event it repeats, told by
// one of the stored documents it copies (`copies`, as StoryDetector::assign
// finds them), or by another document on the same day, at the same place,
// of the same type and with a common actor; else itself. What is read is
// bounded by those few documents and that one day and place, whatever the
// size of the story or of the archive.
void group_events(const Store& store, Document& doc, const std::vector<std::string>& copies = {});

// A relation over the whole store: every sentence that states it, weighted by
// the number of distinct stories (copies of one story count once).
struct ActorRelation {
  std::string type, source, target;
  int weight = 0;
  std::string first_date, last_date;
  struct Evidence {
    std::string doc, text, source;
  };
  std::vector<Evidence> evidence;
};
// Relations stated in documents dated within [from, to] (inclusive; empty =
// open), of one actor if the filter names one.
std::vector<ActorRelation> aggregate_relations(const Store& store, const Store::RelationFilter& filter = {});

// Camps in the signed graph of relations (allies, backers and members +,
// enemies -): as many as the graph supports, found by correlation
// clustering, which leaves the least weight frustrated (an enemy inside a
// camp, an ally across camps) without being told how many camps to make;
// with how well they fit and the actors that sit across camps. Media,
// monitors and aid groups (ngo), international bodies, civilians,
// protesters, persons and peoples are actors but never camp members. Given the actors, ACLED's
// definition of a rebel group (it fights its country's government) is added
// as a weak enmity, so that a rebel group the text links to no one still
// finds its camp.
struct Sides {
  struct Camp {
    std::vector<std::string> actors;  // heaviest first
    double weight = 0;                // of its members' relations
  };
  std::vector<Camp> camps;           // heaviest first; an actor alone is one only if it weighs 2 % of the graph
  std::vector<std::string> alone;    // actors in the graph that joined no camp
  double fit = 0;                    // share of edge weight the partition agrees with
  struct Crossing {
    std::string actor;
    double frustrated = 0;  // weight of its relations that disagree with its camp
  };
  std::vector<Crossing> crossing;    // a quarter or more of their relations pull the other way
  // The camp of an actor (0-based), or -1.
  int camp_of(const std::string& actor) const;
};
// Actors of these types take no side, whatever the text relates them to.
bool takes_sides(const std::string& actor_type);
Sides find_sides(const std::vector<ActorRelation>& relations, const std::vector<Actor>& actors = {});

// The same thing reported differently: a count of one story told with other
// numbers, one event's toll, a report asserted and denied.
struct Contradiction {
  std::string what;
  struct Value {
    std::optional<double> value;
    std::string doc, stance, source;
    std::string text;  // the sentence that gives it
  };
  std::vector<Value> values;
};
std::vector<Contradiction> find_contradictions(const Store& store);

}  // namespace mosaic
