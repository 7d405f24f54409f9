// Words as the stages after segmentation read them: tokens with their
// folded parts and letter case (util/keys.h), shared by the recognisers, the
// extractors and the date reader.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "mosaic/segment.h"
#include "util/keys.h"

namespace mosaic {

// A token as the recognisers see it.
struct Word {
  Span span;
  TokenKind kind;
  std::string_view text;
  std::vector<Part> parts;  // hyphen-separated parts; a punctuation mark is one part
  bool possessive = false;  // "Syria's"
  Case letter_case = Case::Any;
  uint32_t bare_id = kNoKey;  // a capitalised word without its final "s" ("Syrias" -> "syria")

  bool is(std::string_view key) const { return parts.size() == 1 && parts[0].key == key; }
  // A dash between words: an em or en dash, or what scrapers and typists
  // leave for one ("--", a hyphen standing alone).
  bool is_dash() const { return is("\u2014") || is("\u2013") || is("--") || is("-"); }
};

std::vector<Word> read_words(std::string_view text, Span sentence);

}  // namespace mosaic
