#include <unicode/normalizer2.h>
#include <unicode/utf8.h>
#include <unicode/bytestream.h>

#include "mosaic/normalise.h"
#include "normalise/html.h"
#include "util/text.h"

namespace mosaic {
namespace {

bool all_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  n->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(s);
}

// What a code point becomes: itself, a plain ASCII stand-in, or nothing.
// Returns nullptr to keep the original bytes.
const char* plain(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2007: case 0x2009: case 0x200A: case 0x202F:
    case 0x205F: case 0x3000: return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return "";
    case 0x2028: case 0x2029: return "\n";
    default: return nullptr;
  }
}

// Maps characters, folds line ends to '\n' and tabs to spaces.
std::string map_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      ++i;
      if (b == '\r') {
        if (i < n && p[i] == '\n') ++i;
        out += '\n';
      } else if (b == '\t' || b == '\f' || b == '\v') {
        out += ' ';
      } else if (b >= 0x20 || b == '\n') {
        out += static_cast<char>(b);
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == 0x201D) {
      // A closing quote belongs to the word before it: scrapers leave
      // "needed. ” The", which would end the sentence before the quote.
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '"';
    } else if (const char* r = plain(c)) {
      out += r;
    } else if (c >= 0) {
      out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// "275, 000" -> "275,000": a scraper's space after a thousands comma. The
// group before must be 1-3 digits not preceded by a digit, the one after
// exactly 3 digits, so "in 2014, 300 people" stays as it is.
bool thousands_gap(std::string_view line, std::size_t comma) {
  if (comma + 5 > line.size() || line[comma + 1] != ' ') return false;
  std::size_t d = 0;
  while (d < comma && is_ascii_digit(line[comma - 1 - d])) ++d;
  if (d < 1 || d > 3) return false;
  if (comma - d > 0 && (is_ascii_digit(line[comma - d - 1]) || line[comma - d - 1] == '.')) return false;
  for (std::size_t k = comma + 2; k < comma + 5; ++k)
    if (!is_ascii_digit(line[k])) return false;
  return comma + 5 == line.size() || !is_ascii_digit(line[comma + 5]);
}

// One line: space runs collapsed, a damaged run before punctuation dropped,
// thousands gaps closed, ends trimmed.
void clean_line(std::string_view line, std::string& out) {
  line = trim(line);
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ') {
      std::size_t j = i;
      while (j < line.size() && line[j] == ' ') ++j;
      const char next = j < line.size() ? line[j] : '\0';
      // Two or more spaces mark a word the scraper removed. Before punctuation
      // the gap goes; after a sentence's end, before a lower-case word, the
      // removed word began a sentence: keep the boundary as a line break.
      const bool damaged = j - i >= 2;
      const char prev = out.empty() ? '\0' : out.back();
      const bool before_punct = next == ',' || next == '.' || next == ';' || next == ':' || next == '?' || next == '!';
      const bool after_end = prev == '.' || prev == '?' || prev == '!' || prev == '"';
      if (damaged && after_end && next >= 'a' && next <= 'z') {
        out += '\n';
      } else if (!(damaged && before_punct)) {
        out += ' ';
      }
      i = j;
      continue;
    }
    out += c;
    if (c == ',' && thousands_gap(line, i)) ++i;  // skip the space
    ++i;
  }
}

}  // namespace

Normaliser::Normaliser(const Boilerplate* boilerplate) : boilerplate_(boilerplate) {}

std::string Normaliser::operator()(std::string_view raw) const {
  std::string text = has_markup(raw) ? strip_markup(raw) : std::string(raw);
  if (!all_ascii(text)) text = map_characters(nfc(text));
  else if (text.find_first_of("\r\t\f\v") != std::string::npos) text = map_characters(text);

  // Line pass: drop boilerplate, clean each line, keep at most one blank line.
  std::string out;
  out.reserve(text.size());
  std::size_t blank = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (trim(line).empty() || (boilerplate_ && boilerplate_->matches(line))) {
      ++blank;
      continue;
    }
    if (!out.empty()) out += blank ? "\n\n" : "\n";
    blank = 0;
    if (boilerplate_ && boilerplate_->has_markers()) clean_line(boilerplate_->strip_furniture(line), out);
    else clean_line(line, out);
  }
  return out;
}

}  // namespace mosaic
