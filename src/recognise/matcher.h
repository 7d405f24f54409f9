// Matching a sentence's tokens against the lexicon's phrase index: the
// longest phrase at each token, in one left-to-right pass.
#pragma once

#include <string>
#include <vector>

#include "mosaic/segment.h"
#include "recognise/keys.h"
#include "recognise/lexicon_impl.h"

namespace mosaic {

// A token as the recogniser sees it.
struct Word {
  Span span;
  TokenKind kind;
  std::string_view text;
  std::vector<Part> parts;  // hyphen-separated parts; a punctuation mark is one part
  bool possessive = false;  // "Syria's"
  Case letter_case = Case::Any;
};

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

std::vector<Word> read_words(std::string_view text, Span sentence);
std::vector<Item> match(const Lexicon::Impl& lexicon, const std::vector<Word>& words);

}  // namespace mosaic
