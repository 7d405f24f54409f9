// Merge: recognise copies and re-edits of one story (wire copies, shortened
// reprints, re-scrapes), so that nothing is counted twice.
#pragma once

#include <cstdint>
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

// Assigns a document to a story before it is stored: finds the stored
// documents it copies or is copied in, and sets doc.story and
// doc.duplicate_of. Fingerprints go into the store with the document.
class StoryDetector {
 public:
  explicit StoryDetector(StoryOptions options = {}) : options_(options) {}
  void assign(Store& store, Document& doc) const;

 private:
  StoryOptions options_;
};

// Gives each event of a document its group: the event it repeats, told by
// another document of the same story, or by another story on the same day,
// at the same place, of the same type and with a common actor; else itself.
void group_events(const Store& store, Document& doc);

}  // namespace mosaic
