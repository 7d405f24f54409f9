// Lexicon matches of a sentence as items the actor rules read.
#pragma once

#include <string>
#include <vector>

#include "mosaic/document.h"
#include "recognise/lexicon_impl.h"

namespace mosaic {

// A lexicon match, or a lone token when nothing matched.
struct Item {
  uint32_t first = 0, last = 0;        // tokens [first, last)
  std::vector<const Entry*> entries;   // empty for a lone token
  std::string suffix;                  // rest of a hyphenated token after the match ("backed")
  bool possessive = false;

  const Entry* find(Kind kind) const;
  const Entry* find(WordClass cls) const;
  bool has(WordClass cls) const { return find(cls) != nullptr; }
};

std::vector<Item> match(const Lexicon::Impl& lexicon, const std::vector<Word>& words);

// A document's sentences read once, after segmentation, into words and the
// lexicon's matches, and shared by every stage that follows (reading them
// again in each stage was a third of the work).
struct Reading {
  std::vector<std::vector<Word>> words;  // per sentence
  std::vector<std::vector<Item>> items;  // per sentence
};
Reading read_sentences(const Document& doc, const Lexicon::Impl& lexicon);

}  // namespace mosaic
