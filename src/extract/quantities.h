// Numbers that count people, places or things, read in one pass over a
// sentence's words: "more than 250,000 people are besieged", "killing 11
// civilians", "1,000 to 2,500 employees", "hundreds of civilians".
#pragma once

#include <cstdint>
#include <vector>

#include "extract/event_lexicon.h"

namespace mosaic {

struct Count {
  Quantity quantity;
  uint32_t first = 0, last = 0;  // tokens [first, last)
  bool killed = false;           // a death count
  bool wounded = false;          // a count of the wounded
  int civilian = -1;             // 1 civilians, 0 combatants, -1 unknown
  bool subset = false;           // "including three children": part of a count already made
  bool vague = false;            // "dozens", "scores": ACLED's conservative reading
  uint32_t said_at = UINT32_MAX; // the token of the word saying what happened to them ("killed")
};

// `people` marks the tokens that begin a mention of people: 1 for civilians,
// 0 for others ("400 Iranians and Afghans"), -1 where no such mention begins.
std::vector<Count> find_counts(const EventLexicon::Impl& lx, const std::vector<Word>& words, uint32_t sentence,
                               std::string_view text, const std::vector<int>& people);

}  // namespace mosaic
