#include "recognise/phrase_index.h"

#include <algorithm>
#include <stdexcept>

namespace mosaic {

void PhraseIndex::index(const std::vector<Part>& parts, uint32_t payload) {
  if (parts.empty()) return;
  uint32_t node = 0;
  Ending ending{payload, {}};
  for (const Part& p : parts) {
    const uint32_t id = intern_key(p.key);
    if (node == 0) {
      if (root_.size() <= id) root_.resize(id + 1, kNone);
      if (root_[id] == kNone) root_[id] = uint32_t(nodes_.size()), nodes_.emplace_back();
      if (rooted_.size() <= id / 64) rooted_.resize(id / 64 + 1, 0);
      rooted_[id / 64] |= uint64_t(1) << (id % 64);
      node = root_[id];
    } else {
      const auto [edge, added] = edges_.try_emplace(uint64_t(node) << 32 | id, uint32_t(nodes_.size()));
      if (added) nodes_.emplace_back();
      node = edge;
    }
    ending.cases.push_back(required_case(p.text));
  }
  nodes_[node].push_back(std::move(ending));
}

void PhraseIndex::add(std::string_view phrase, uint32_t payload) {
  // The phrase is read as the text will be: same tokens, same parts.
  const std::vector<Word> words = read_words(phrase, Span{0, uint32_t(phrase.size())});
  std::vector<Part> parts, joined;
  bool hyphenated = false;
  for (const Word& w : words) {
    parts.insert(parts.end(), w.parts.begin(), w.parts.end());
    if (w.parts.size() == 1) {
      joined.push_back(w.parts[0]);
      continue;
    }
    hyphenated = true;
    std::string key;
    for (const Part& p : w.parts) key += p.key;
    joined.push_back({w.parts[0].text, key});  // case as the first part's
  }
  index(parts, payload);
  if (hyphenated) index(joined, payload);  // "pro-government" as scrapers leave it, "progovernment"
}

uint32_t PhraseIndex::step(uint32_t node, uint32_t key_id) const {
  if (key_id == kNoKey) return kNone;
  if (node == 0) {
    if (key_id / 64 >= rooted_.size() || !(rooted_[key_id / 64] >> (key_id % 64) & 1)) return kNone;
    return root_[key_id];
  }
  return edges_.find(uint64_t(node) << 32 | key_id);
}

bool PhraseIndex::longest(const std::vector<Word>& words, uint32_t i, Hit& best, std::vector<std::string_view>& texts,
                          std::vector<uint32_t>& fits) const {
  // Walk from token i part by part, remembering the longest prefix whose
  // phrases fit the text's case.
  const auto n = uint32_t(words.size());
  std::size_t best_parts = 0;
  uint32_t node = 0;
  texts.clear();
  bool walking = true;
  for (uint32_t t = i; t < n && walking; ++t) {
    const Word& w = words[t];
    for (std::size_t p = 0; p < w.parts.size(); ++p) {
      uint32_t next = step(node, w.parts[p].id);
      bool bare_possessive = false;
      if (next == kNone && p + 1 == w.parts.size()) {
        // Scraped copy often loses the apostrophe: "Syrias army", "Assads forces".
        next = step(node, w.bare_id);
        bare_possessive = next != kNone;
      }
      node = next;
      if (node == kNone) {
        walking = false;
        break;
      }
      texts.push_back(w.parts[p].text);
      fits.clear();
      for (const Ending& e : nodes_[node]) {
        bool ok = true;
        for (std::size_t k = 0; k < e.cases.size() && ok; ++k) ok = case_fits(e.cases[k], texts[k]);
        if (ok) fits.push_back(e.payload);
      }
      if (!fits.empty() && texts.size() > best_parts) {
        best_parts = texts.size();
        best.payloads = fits;
        best.last = t + 1;
        best.possessive = (w.possessive || bare_possessive) && p + 1 == w.parts.size();
        best.suffix.clear();
        for (std::size_t q = p + 1; q < w.parts.size(); ++q)
          best.suffix += (best.suffix.empty() ? "" : "-") + w.parts[q].key;
      }
    }
  }
  return best_parts > 0;
}

std::vector<Hit> PhraseIndex::match(const std::vector<Word>& words) const {
  std::vector<Hit> hits;
  hits.reserve(words.size());
  const auto n = uint32_t(words.size());
  std::vector<std::string_view> texts;  // the parts walked, as written
  std::vector<uint32_t> fits;           // payloads whose case fits, at the current part
  uint32_t i = 0;
  while (i < n) {
    Hit best;
    best.first = i;
    best.last = i + 1;
    if (!starts(words[i]) || !longest(words, i, best, texts, fits)) best.possessive = words[i].possessive;
    i = best.last;
    hits.push_back(std::move(best));
  }
  return hits;
}

template <class MayStart>
std::vector<Hit> PhraseIndex::find_where(const std::vector<Word>& words, MayStart may_start) const {
  std::vector<Hit> hits;
  const auto n = uint32_t(words.size());
  std::vector<std::string_view> texts;
  std::vector<uint32_t> fits;
  for (uint32_t i = 0; i < n; ++i) {
    if (!may_start(i)) continue;
    Hit best;
    best.first = i;
    best.last = i + 1;
    if (!longest(words, i, best, texts, fits)) continue;
    i = best.last - 1;
    hits.push_back(std::move(best));
  }
  return hits;
}

std::vector<Hit> PhraseIndex::find(const std::vector<Word>& words) const {
  return find_where(words, [&](uint32_t i) { return starts(words[i]); });
}

std::vector<Hit> PhraseIndex::find(const std::vector<Word>& words, const std::vector<uint32_t>& starts_at) const {
  if (bit_ == 0) return find(words);  // one of no PhraseStarts
  return find_where(words, [&](uint32_t i) { return (starts_at[i] & bit_) != 0; });
}

PhraseStarts::PhraseStarts(const std::vector<PhraseIndex*>& indexes) {
  if (indexes.size() > 32) throw std::length_error("PhraseStarts: more than 32 indexes");
  std::size_t keys = 0;
  for (const PhraseIndex* index : indexes) keys = std::max(keys, index->rooted_.size() * 64);
  by_key_.assign(keys, 0);
  for (std::size_t k = 0; k < indexes.size(); ++k) {
    PhraseIndex& index = *indexes[k];
    index.bit_ = uint32_t(1) << k;
    for (std::size_t id = 0; id < index.rooted_.size() * 64; ++id)
      if (index.rooted(uint32_t(id))) by_key_[id] |= index.bit_;
  }
}

std::vector<uint32_t> PhraseStarts::at(const std::vector<Word>& words) const {
  std::vector<uint32_t> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    // As PhraseIndex::starts: a word without parts is walked through.
    out[i] = w.parts.empty() ? ~uint32_t(0) : of(w.parts[0].id) | (w.parts.size() == 1 ? of(w.bare_id) : 0);
  }
  return out;
}

}  // namespace mosaic
