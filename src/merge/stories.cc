// Story assignment: candidates by shared fingerprints, then an exact check of
// containment on the full shingle sets.
#include <algorithm>

#include "mosaic/merge.h"

namespace mosaic {

void StoryDetector::assign(Store& store, Document& doc) const {
  const std::vector<uint64_t> own = shingles(doc.text);
  doc.fingerprints = fingerprints(own);
  doc.story = doc.id;
  doc.duplicate_of.clear();
  // The stored documents sharing enough fingerprints to be worth comparing.
  std::vector<uint32_t> holders;
  // A stored copy of this very document (it is being ingested again) is
  // neither a candidate nor a holder.
  std::vector<Sharing> candidates = documents_sharing(store, doc.fingerprints, &holders, doc.id);
  std::erase_if(candidates, [&](const Sharing& c) {
    const double estimate = double(c.shared) / double(std::max<std::size_t>(1, std::min(c.own, doc.fingerprints.size())));
    return c.shared < options_.min_shared || estimate < options_.min_estimate;
  });
  // The exact check is for the few best candidates (sorted by fingerprints shared).
  constexpr std::size_t kChecked = 16;
  if (candidates.size() > kChecked) candidates.resize(kChecked);
  // A fingerprint that enough documents hold already finds all it can: it is not
  // stored again. Otherwise a wire story reprinted by hundreds would make its own
  // fingerprints "common", and its later reprints would be lost.
  constexpr uint32_t kEnough = 8;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < doc.fingerprints.size(); ++k)
    if (holders[k] < kEnough) doc.fingerprints[kept++] = doc.fingerprints[k];
  doc.fingerprints.resize(kept);
  std::string best, best_story;
  double best_containment = 0;
  std::vector<std::string> stories;  // every story this document joins
  for (const Sharing& c : candidates) {
    const std::string& id = c.doc;
    const auto other = store.text_of(id);
    if (!other) continue;
    const Overlap o = overlap(own, shingles(*other));
    if (o.containment < options_.same_story) continue;
    const std::string story = store.story_of(id);
    if (std::find(stories.begin(), stories.end(), story) == stories.end()) stories.push_back(story);
    if (o.containment > best_containment) best_containment = o.containment, best = id, best_story = story;
  }
  if (best.empty()) return;
  // A document that copies several stories joins them into one: the oldest name stays.
  std::sort(stories.begin(), stories.end());
  doc.story = stories.front();
  for (std::size_t i = 1; i < stories.size(); ++i) store.rename_story(stories[i], doc.story);
  // Ingested again, a document may find its story named after itself (its
  // copies joined it the first time): it is that story's original, not a
  // duplicate of itself.
  if (doc.story != doc.id) doc.duplicate_of = doc.story;
}

}  // namespace mosaic
