// One event, many reports: the reports of an event in several documents are
// grouped so that it counts once.
#include <algorithm>

#include "mosaic/merge.h"
#include "util/keys.h"

namespace mosaic {

namespace {

bool share_actor(const Event& a, const Event& b) {
  for (const auto* side_a : {&a.actor1, &a.actor2})
    for (const auto& x : *side_a)
      for (const auto* side_b : {&b.actor1, &b.actor2})
        if (std::find(side_b->begin(), side_b->end(), x) != side_b->end()) return true;
  return false;
}

bool no_actors(const Event& e) { return e.actor1.empty() && e.actor2.empty(); }

// Within one story a repeat may name fewer actors or no place; across
// stories it must match on type, day and place (the store's lookup has) and
// on an actor.
bool repeats(const Event& mine, const Store::StoredEvent& other, bool same_story) {
  const Event& e = other.event;
  if (same_story) {
    if (!mine.location.empty() && !e.location.empty() && fold(mine.location) != fold(e.location)) return false;
    return no_actors(mine) || no_actors(e) || share_actor(mine, e);
  }
  return share_actor(mine, e);
}

}  // namespace

void group_events(const Store& store, Document& doc, const std::vector<std::string>& copies) {
  const std::string story = doc.story.empty() ? doc.id : doc.story;
  // The reports of the documents it copies are read once, not the whole
  // story's: at 44.5k documents, reading back every event of a story was
  // 85 % of the ingest. Each copied document's events carry the groups its
  // own copies gave them, so the story's groups are reached through them.
  std::vector<Store::StoredEvent> told;
  store.for_each_event_of_documents(copies, [&](const Store::StoredEvent& other) {
    if (other.doc != doc.id) told.push_back(other);
  });
  // Events no report of the story repeats are looked for elsewhere, all in
  // one lookup (what is stored does not change meanwhile).
  std::vector<Event*> open;
  for (Event& e : doc.events) {
    e.group = e.id;
    // The first repeat found names the group.
    const auto same = std::find_if(told.begin(), told.end(), [&](const Store::StoredEvent& other) {
      return other.event.sub_event_type == e.sub_event_type && repeats(e, other, true);
    });
    if (same != told.end()) e.group = same->event.group;
    else open.push_back(&e);
  }
  if (open.empty()) return;
  store.for_each_event_at(doc.id, std::vector<const Event*>(open.begin(), open.end()),
                          [&](std::size_t i, const Store::StoredEvent& other) {
                            Event& e = *open[i];
                            if (!repeats(e, other, other.story == story)) return true;
                            e.group = other.event.group;
                            return false;
                          });
}

}  // namespace mosaic
