// How words are compared: the key of a word part folds case, accents and
// apostrophes, so "Shi'ite", "Shiite" and "SHIITE" meet, as do "Hizbullah"
// and "HIZBULLAH". Case survives separately, for names that need it ("IS").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mosaic {

// Lower case, accents removed, apostrophes dropped; ASCII fast path.
std::string fold(std::string_view word);

enum class Case : uint8_t { Any, Capital, Upper, Mixed };
// Capital: starts with an upper-case letter; Upper: two or more letters, all capitals.
Case case_of(std::string_view word);
// The case a phrase's word asks of the text: case_of(), or Mixed for a word with a capital right
// after a small letter ("LeT", "JeM"), which the text must write so or in capitals: "Let Yet Kone
// village" names no Lashkar-e-Taiba. (Never a word's own case: case_of() gives none.)
Case required_case(std::string_view word);
bool case_fits(Case required, std::string_view word);

// A token split at hyphens ("Iran-backed" -> "Iran", "backed"), with a final
// possessive ("Syria's", "rebels'") cut off and noted.
struct Part {
  std::string_view text;  // as written
  std::string key;        // fold(text)
  uint32_t id = 0;        // intern_key(key) if some phrase uses the key, else kNoKey
};

// Keys are interned once, process-wide, so that every phrase index can walk
// a sentence by integer ids instead of hashing each word again. Interning
// happens while knowledge files load; lookups are safe from any thread.
inline constexpr uint32_t kNoKey = 0xffffffffu;
uint32_t intern_key(const std::string& key);
uint32_t find_key(const std::string& key);  // kNoKey when no phrase uses it
std::vector<Part> split_parts(std::string_view token, bool* possessive);

}  // namespace mosaic
