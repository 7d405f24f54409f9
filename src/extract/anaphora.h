// Words that stand for an actor named before: pronouns ("it", "their") and
// nouns after a determiner ("the group", "those same militias"), resolved to
// the nearest earlier actor phrase they can refer to (data/relations/anaphora.tsv).
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "extract/frames.h"

namespace mosaic {

class Anaphora {
 public:
  static Anaphora load(const std::string& data_dir);  // throws Error naming file and line
  std::size_t size() const { return words_.size(); }

  // The units of the sentences read before, newest last; a few are kept.
  using Recent = std::deque<std::vector<Unit>>;
  static constexpr std::size_t kSentences = 3;  // a pronoun or "the group" looks this far back
  static constexpr std::size_t kKept = 40;      // a bare plural ("militiamen") this far

  // Adds to `units` (kept in text order) the anaphors of the sentence with
  // what they stand for, from its earlier units and the recent sentences'.
  void resolve(const std::vector<Word>& words, const std::vector<uint32_t>& keys, std::vector<Unit>& units,
               const Recent& recent) const;

 private:
  enum class Kind { Pronoun, Possessive, Noun, Bare };
  struct Entry {
    Kind kind = Kind::Noun;
    std::vector<std::string> types;  // actor types it may stand for
    bool one = false;                // it stands for one actor, not a list
    bool many = false;               // a plural pronoun: one actor of a @singular type only in a list
  };
  bool fits(const Entry& e, const Actor& a) const;

  std::unordered_map<uint32_t, Entry> words_;
  PhraseSet determiner_, same_, modifier_, boundary_, speech_, stance_;
  std::vector<std::string> singular_;  // types a plural pronoun stands for only within a list
};

}  // namespace mosaic
