#include "segment/words.h"

namespace mosaic {

std::vector<Word> read_words(std::string_view text, Span sentence) {
  const std::vector<Token> tokens = tokenise(text, sentence);
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    Word w;
    w.span = t.span;
    w.kind = t.kind;
    w.text = text.substr(t.span.begin, t.span.size());
    if (t.kind == TokenKind::Punct) {
      w.parts.push_back({w.text, std::string(w.text)});
    } else {
      w.parts = split_parts(w.text, &w.possessive);
      if (w.parts.empty()) w.parts.push_back({w.text, std::string(w.text)});
    }
    w.letter_case = case_of(w.text);
    for (Part& p : w.parts) p.id = find_key(p.key);
    const std::string& last = w.parts.back().key;
    if (w.letter_case == Case::Capital && last.size() > 4 && last.back() == 's' && w.parts.back().id == kNoKey)
      w.bare_id = find_key(last.substr(0, last.size() - 1));
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace mosaic
