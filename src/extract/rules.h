// The rule files of data/relations: rows of tab-separated columns, and word
// classes written "@name = word|word phrase|...", which rows and code refer to
// by name. A class's entries may be phrases of several words.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "recognise/phrase_index.h"

namespace mosaic {

using WordClasses = std::map<std::string, std::vector<std::string>>;  // "@name" -> lower-case entries

// Calls row(columns, line) for each rule; fills `classes`. Throws Error naming
// the file and line for a malformed line.
void read_rules(const std::string& path, std::size_t columns, WordClasses& classes,
                const std::function<void(const std::vector<std::string>&, std::size_t)>& row);

// The interned keys of a phrase's words ("on the side of").
std::vector<uint32_t> phrase_keys(const std::string& phrase);

// A sentence's words as interned keys: a hyphenated word as a whole
// ("long-time"); kNoKey for a word no rule uses.
std::vector<uint32_t> word_keys(const std::vector<Word>& words);

// Phrases of one or more words, found at or ending at a token.
class PhraseSet {
 public:
  void add(std::vector<uint32_t> keys);
  void add_class(const WordClasses& classes, const std::string& name, const std::string& file);
  // Length of the longest phrase starting at t (0 if none).
  uint32_t at(const std::vector<uint32_t>& keys, uint32_t t) const;
  // Length of the longest phrase ending just before `end` (0 if none).
  uint32_t ending(const std::vector<uint32_t>& keys, uint32_t end) const;
  bool empty() const { return by_first_.empty(); }

 private:
  // Whether a key begins (ends) some phrase, one bit a key id: most words of
  // a sentence begin none, and a bit is cheaper to read than a miss in the
  // map (its lookups were 1.4 % of `mosaic bench -j1`'s CPU time, nearly all misses).
  static bool has(const std::vector<uint64_t>& bits, uint32_t key) {
    return key / 64 < bits.size() && (bits[key / 64] >> (key % 64) & 1);
  }
  static void mark(std::vector<uint64_t>& bits, uint32_t key) {
    if (bits.size() <= key / 64) bits.resize(key / 64 + 1, 0);
    bits[key / 64] |= uint64_t(1) << (key % 64);
  }
  std::unordered_map<uint32_t, std::vector<std::vector<uint32_t>>> by_first_, by_last_;
  std::vector<uint64_t> firsts_, lasts_;
};

}  // namespace mosaic
