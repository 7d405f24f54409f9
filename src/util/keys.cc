#include "util/keys.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace mosaic {

namespace {

bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t* width) {
  if (s[i] == '\'' || s[i] == '`') return *width = 1, true;
  if (s.compare(i, 3, "\u2019") == 0 || s.compare(i, 3, "\u2018") == 0) return *width = 3, true;
  return false;
}

struct KeyTable {
  std::shared_mutex mutex;
  std::unordered_map<std::string, uint32_t> ids;
};

KeyTable& keys() {
  static KeyTable table;
  return table;
}

}  // namespace

uint32_t intern_key(const std::string& key) {
  KeyTable& t = keys();
  std::unique_lock lock(t.mutex);
  return t.ids.try_emplace(key, uint32_t(t.ids.size())).first->second;
}

uint32_t find_key(const std::string& key) {
  KeyTable& t = keys();
  std::shared_lock lock(t.mutex);
  const auto it = t.ids.find(key);
  return it == t.ids.end() ? kNoKey : it->second;
}

std::string fold(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string out;
  out.reserve(word.size());
  if (ascii) {
    for (char c : word)
      if (c != '\'' && c != '`') out += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    return out;
  }
  // Decompose, drop combining marks and apostrophes, lower-case.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), int32_t(word.size())));
  if (U_SUCCESS(status)) u = nfd->normalize(u, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || c == 0x2019 || c == 0x2018 || c == '\'' || c == 0x02BC) continue;
    kept.append(u_tolower(c));
  }
  kept.toUTF8String(out);
  return out;
}

Case case_of(std::string_view w) {
  if (w.empty()) return Case::Any;
  const unsigned char first = static_cast<unsigned char>(w[0]);
  if (!(first >= 'A' && first <= 'Z') && first < 0x80) return Case::Any;
  int letters = 0, upper = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++letters, ++upper;
    else if (c >= 'a' && c <= 'z') ++letters;
  }
  if (letters >= 2 && upper == letters) return Case::Upper;
  return (first >= 'A' && first <= 'Z') ? Case::Capital : Case::Any;
}

namespace {
bool inner_capital(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i - 1] >= 'a' && w[i - 1] <= 'z' && w[i] >= 'A' && w[i] <= 'Z') return true;
  return false;
}
}  // namespace

Case required_case(std::string_view w) {
  const Case c = case_of(w);
  return c == Case::Capital && inner_capital(w) ? Case::Mixed : c;
}

bool case_fits(Case required, std::string_view word) {
  switch (required) {
    case Case::Any: return true;
    case Case::Capital: return case_of(word) != Case::Any;
    case Case::Upper: return case_of(word) == Case::Upper;
    case Case::Mixed: {
      const Case c = case_of(word);
      return c == Case::Upper || (c == Case::Capital && inner_capital(word));
    }
  }
  return true;
}

std::vector<Part> split_parts(std::string_view token, bool* possessive) {
  *possessive = false;
  std::size_t w = 0;
  // "Syria's" / "Syria's" -> "Syria"; "rebels'" -> "rebels".
  if (token.size() > 2 && (token.back() == 's' || token.back() == 'S') &&
      is_apostrophe_at(token, token.size() - 2, &w) && w == 1) {
    token.remove_suffix(2), *possessive = true;
  } else if (token.size() > 4 && (token.back() == 's' || token.back() == 'S') &&
             is_apostrophe_at(token, token.size() - 4, &w) && w == 3) {
    token.remove_suffix(4), *possessive = true;
  } else if (token.size() > 1 && token.back() == '\'') {
    token.remove_suffix(1), *possessive = true;
  }
  std::vector<Part> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    const bool hyphen = i < token.size() && token[i] == '-';
    const bool unicode_hyphen = i + 3 <= token.size() && (token.compare(i, 3, "\u2010") == 0 || token.compare(i, 3, "\u2011") == 0);
    if (i == token.size() || hyphen || unicode_hyphen) {
      if (i > start) {
        const std::string_view text = token.substr(start, i - start);
        parts.push_back({text, fold(text)});
      }
      if (unicode_hyphen) i += 2;
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace mosaic
