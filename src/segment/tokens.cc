// Tokens in one pass over UTF-8, classified by ICU character properties.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "mosaic/segment.h"

namespace mosaic {
namespace {

struct Cursor {
  const uint8_t* p;
  int32_t n;

  // Code point at byte i, and the offset after it.
  UChar32 at(int32_t i, int32_t* next = nullptr) const {
    if (i >= n) {
      if (next) *next = n;
      return -1;
    }
    if (p[i] < 0x80) {  // U8_NEXT's answer, without its branches
      if (next) *next = i + 1;
      return p[i];
    }
    UChar32 c;
    int32_t j = i;
    U8_NEXT(p, j, n, c);
    if (next) *next = j;
    return c;
  }
};

bool icu_word_char(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK; }

// ICU's answers for ASCII, asked once: most text is ASCII, and the calls into
// ICU for every character (u_isalnum, u_isdigit, u_isspace) were about 3.5 %
// of `mosaic ingest -j1` (tokenise itself 6 %).
struct Ascii {
  bool space[128], word[128], digit[128];
  Ascii() {
    for (UChar32 c = 0; c < 128; ++c) space[c] = u_isspace(c), word[c] = icu_word_char(c), digit[c] = u_isdigit(c);
  }
};
const Ascii kAscii;

bool is_space(UChar32 c) { return c >= 0 && c < 128 ? kAscii.space[c] : u_isspace(c); }
bool is_digit(UChar32 c) { return c >= 0 && c < 128 ? kAscii.digit[c] : u_isdigit(c); }
bool word_char(UChar32 c) { return c >= 0 && (c < 128 ? kAscii.word[c] : icu_word_char(c)); }
bool apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

}  // namespace

std::vector<Token> tokenise(std::string_view text, Span within) {
  std::vector<Token> out;
  const Cursor cur{reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(within.end)};
  int32_t i = static_cast<int32_t>(within.begin);
  while (i < cur.n) {
    int32_t next;
    const UChar32 c = cur.at(i, &next);
    if (c < 0 || is_space(c)) {
      i = next;
      continue;
    }
    if (!word_char(c)) {
      out.push_back({Span{uint32_t(i), uint32_t(next)}, TokenKind::Punct});
      i = next;
      continue;
    }
    // A word or number: alphanumerics joined by inner apostrophes, hyphens,
    // digit separators ("275,000", "3.5", and the slashes of "03/14/2015", one date)
    // and abbreviation periods ("U.S.").
    const int32_t start = i;
    bool letters = false, single_letters = true;
    int32_t run = 0;  // letters since the last joiner
    int32_t j = i;
    for (;;) {
      int32_t after;
      const UChar32 d = cur.at(j, &after);
      if (word_char(d)) {
        letters |= !is_digit(d);
        ++run;
        j = after;
        continue;
      }
      const UChar32 e = cur.at(after);
      const UChar32 prev = cur.at(j - 1);  // ASCII-safe: joiners follow a word char
      const bool joins = word_char(e) && (apostrophe(d) || hyphen(d) ||
                                          ((d == ',' || d == '.' || d == '/') && is_digit(prev) && is_digit(e)) ||
                                          (d == '.' && run == 1 && single_letters && !is_digit(e)));
      if (joins) {
        single_letters &= run == 1 && d == '.';
        run = 0;
        j = after;
        continue;
      }
      // Closing period of a dotted abbreviation: "U.S." but not "Mr.";
      // a hyphen after it carries on the word: "U.S.-backed".
      if (d == '.' && run == 1 && single_letters && j - start > 1) {
        j = after;
        int32_t past_hyphen;
        if (hyphen(cur.at(j, &past_hyphen)) && word_char(cur.at(past_hyphen))) {
          j = past_hyphen;
          single_letters = false;
          run = 0;
          continue;
        }
      }
      break;
    }
    out.push_back({Span{uint32_t(start), uint32_t(j)}, letters ? TokenKind::Word : TokenKind::Number});
    i = j;
  }
  return out;
}

}  // namespace mosaic
