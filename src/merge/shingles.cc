#include <xxhash.h>

#include <algorithm>

#include "mosaic/merge.h"
#include "util/keys.h"
#include "mosaic/segment.h"

namespace mosaic {

std::vector<uint64_t> shingles(std::string_view text) {
  // Each word hashed once, as a key: folded, so "Shi'ite" and "Shiite",
  // "U.S." and "US" meet; an n-gram's hash combines its words' hashes.
  std::vector<uint64_t> words;
  std::string key;
  for (const Token& t : tokenise(text, Span{0, uint32_t(text.size())})) {
    if (t.kind == TokenKind::Punct) continue;
    key.clear();
    const std::string_view w = text.substr(t.span.begin, t.span.size());
    const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    const std::string folded = ascii ? std::string() : fold(w);
    for (char c : ascii ? w : std::string_view(folded)) {
      if (c == '.' || c == '-' || c == '\'') continue;
      key += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    }
    if (!key.empty()) words.push_back(XXH3_64bits(key.data(), key.size()));
  }
  constexpr std::size_t kWidth = 3;
  std::vector<uint64_t> out;
  if (words.size() < kWidth) return out;
  out.reserve(words.size());
  for (std::size_t i = 0; i + kWidth <= words.size(); ++i)
    out.push_back(XXH3_64bits(&words[i], kWidth * sizeof(uint64_t)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint64_t> fingerprints(const std::vector<uint64_t>& shingles) {
  std::vector<uint64_t> out;
  for (uint64_t h : shingles)
    if ((h & 7) == 0) out.push_back(h);
  return out;
}

Overlap overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return {};
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return {double(common) / double(std::min(a.size(), b.size())),
          double(common) / double(a.size() + b.size() - common)};
}

}  // namespace mosaic
