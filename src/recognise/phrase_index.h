// A phrase index: maps word sequences, compared by their folded keys, to
// payloads, and finds the longest phrase at each token of a sentence in one
// left-to-right pass. The actor lexicon and the event triggers both use it.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "recognise/edge_table.h"
#include "segment/words.h"
#include "util/keys.h"

namespace mosaic {

// The longest phrase found at a token, or a lone token when none was.
struct Hit {
  uint32_t first = 0, last = 0;     // tokens [first, last)
  std::vector<uint32_t> payloads;   // empty for a lone token
  std::string suffix;               // rest of a hyphenated token after the phrase ("backed")
  bool possessive = false;
};

class PhraseIndex {
  friend class PhraseStarts;

 public:
  PhraseIndex() : nodes_(1) {}
  // Indexes a phrase as written; hyphenated words are also indexed run
  // together ("pro-government" as "progovernment"). Words written with a
  // capital must be capitalised in the text, and words in capitals ("IS")
  // must be in capitals.
  void add(std::string_view phrase, uint32_t payload);
  // Every token: a phrase where one begins, else a lone token.
  std::vector<Hit> match(const std::vector<Word>& words) const;
  // The phrases of match() alone, its hits with payloads, in order. Most
  // tokens begin no phrase, and a lone token's Hit, made and dropped by
  // callers that skip them, cost more than the lookup saying so.
  std::vector<Hit> find(const std::vector<Word>& words) const;
  // find() for an index of a PhraseStarts: `starts_at` is its at() of the same words.
  std::vector<Hit> find(const std::vector<Word>& words, const std::vector<uint32_t>& starts_at) const;

 private:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  struct Ending {
    uint32_t payload;
    std::vector<Case> cases;  // per part: the case the text must have
  };
  uint32_t step(uint32_t node, uint32_t key_id) const;
  // Whether a phrase may begin at the word: its first part, or its bare form, starts one.
  bool starts(const Word& w) const {
    // (A word without parts is walked through, as match() walks it.)
    return w.parts.empty() || rooted(w.parts[0].id) || (w.parts.size() == 1 && rooted(w.bare_id));
  }
  bool rooted(uint32_t key_id) const {
    return key_id != kNoKey && key_id / 64 < rooted_.size() && (rooted_[key_id / 64] >> (key_id % 64) & 1);
  }
  // The longest phrase at token i whose case fits the text, into `best`
  // (its first and last already those of a lone token); false when none.
  // `texts` and `fits` are scratch space.
  bool longest(const std::vector<Word>& words, uint32_t i, Hit& best, std::vector<std::string_view>& texts,
               std::vector<uint32_t>& fits) const;
  // find()'s pass, at the words `may_start` lets through.
  template <class MayStart>
  std::vector<Hit> find_where(const std::vector<Word>& words, MayStart may_start) const;
  void index(const std::vector<Part>& parts, uint32_t payload);

  EdgeTable edges_;                                     // node << 32 | key id -> node, below the root
  std::vector<uint32_t> root_;                          // key id -> node: every token starts here
  // One bit per key id: has it a node in root_? Most tokens start no phrase,
  // and key ids count every index's keys, so root_ is large and its slot is
  // seldom in cache: that load was 42 % of PhraseIndex::step (5.4 % of
  // `mosaic ingest -j1`). The bits are a 32nd of its size.
  std::vector<uint64_t> rooted_;
  std::vector<std::vector<Ending>> nodes_;              // node -> phrases ending there
  uint32_t bit_ = 0;                                    // its bit in the PhraseStarts it is one of
};

// Where each word of a sentence may begin a phrase of each of several indexes
// (at most 32, a bit each), found in one pass over the words. Asked index by
// index, each word's first part and each index's bits were loaded once per
// index: the event lexicon's 15 indexes made PhraseIndex::find 3.6 % of
// `mosaic ingest -j1`'s time, most of it waiting on those loads.
class PhraseStarts {
 public:
  PhraseStarts() = default;
  // Gives each index its bit, in the order given. The indexes are complete: a
  // phrase added later is not seen.
  explicit PhraseStarts(const std::vector<PhraseIndex*>& indexes);
  // One mask a word: the bits of the indexes a phrase of which may begin there.
  std::vector<uint32_t> at(const std::vector<Word>& words) const;

 private:
  uint32_t of(uint32_t key_id) const { return key_id < by_key_.size() ? by_key_[key_id] : 0; }
  std::vector<uint32_t> by_key_;  // key id -> the bits of the indexes it starts a phrase of
};

}  // namespace mosaic
