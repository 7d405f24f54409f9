// A sentence as the extractors read it: its words and the actor mentions
// among them, as token ranges.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "mosaic/document.h"
#include "recognise/phrase_index.h"

namespace mosaic {

struct MentionRef {
  uint32_t first, last;  // tokens [first, last)
  const Actor* actor;
};

using ActorIndex = std::unordered_map<std::string, const Actor*>;
ActorIndex index_actors(const Document& doc);

// The mentions of sentence s among its words, in text order.
std::vector<MentionRef> sentence_mentions(const Document& doc, uint32_t s, const std::vector<Word>& words,
                                          const ActorIndex& actors);

}  // namespace mosaic
