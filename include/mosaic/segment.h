// Segment: sentences (ICU rules plus abbreviation exceptions) and tokens,
// both as byte spans into the normalised text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"

namespace mosaic {

class SentenceSplitter {
 public:
  // `abbreviations` are words such as "Gen." after which a period does not end
  // a sentence, on top of ICU's English list.
  explicit SentenceSplitter(const std::vector<std::string>& abbreviations = {});
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentences of `text`, trimmed of surrounding space; empty ones dropped.
  std::vector<Sentence> split(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

enum class TokenKind : unsigned char { Word, Number, Punct };

struct Token {
  Span span;
  TokenKind kind;
};

// Words (with inner apostrophes, hyphens and dotted abbreviations such as
// "U.S."), numbers (with thousands separators and decimals) and single
// punctuation marks, in one pass over the UTF-8 text.
std::vector<Token> tokenise(std::string_view text, Span within);

// Reads a word list (one per line, '#' comments) such as data/abbreviations.txt.
std::vector<std::string> load_word_list(const std::string& path);

}  // namespace mosaic
