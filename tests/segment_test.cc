#include <gtest/gtest.h>

#include "mosaic/pipeline.h"
#include "mosaic/segment.h"

namespace mosaic {
namespace {

std::vector<std::string> sentences(const std::string& text, const std::vector<std::string>& abbrev = {}) {
  const SentenceSplitter split(abbrev);
  std::vector<std::string> out;
  for (const auto& s : split.split(text)) out.push_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

TEST(Sentences, SplitsAndKeepsExactOffsets) {
  const std::string text = "Shelling hit Kadugli on Monday.  Two children died. \"We are afraid,\" a nurse said.";
  const SentenceSplitter split;
  const auto s = split.split(text);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].span, (Span{0, 31}));
  EXPECT_EQ(text.substr(s[1].span.begin, s[1].span.size()), "Two children died.");
  EXPECT_EQ(text.substr(s[2].span.begin, s[2].span.size()), "\"We are afraid,\" a nurse said.");
}

TEST(Sentences, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(sentences("Mr. Dagalo met U.S. envoys. They left.").size(), 2u);
  EXPECT_EQ(sentences("Gen. Burhan spoke. Troops cheered.", {"Gen."}).size(), 2u);
}

TEST(Sentences, HeadlineLineIsItsOwnSentence) {
  const auto s = sentences("Army retakes bridge\n\nThe army said on Friday it had retaken the bridge.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Army retakes bridge");
}

TEST(Sentences, MultibyteTextKeepsByteOffsets) {
  const std::string text = "Médecins Sans Frontières said so. Then it left.";
  const SentenceSplitter split;
  const auto s = split.split(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[1].span.begin, s[1].span.size()), "Then it left.");
}

TEST(Sentences, EmptyAndBlankText) {
  EXPECT_TRUE(sentences("").empty());
  EXPECT_TRUE(sentences("  \n ").empty());
}

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : tokenise(text, Span{0, uint32_t(text.size())}))
    out.push_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

TEST(Tokens, WordsNumbersAndPunctuation) {
  EXPECT_EQ(tokens("The U.S.-backed forces killed 1,200 fighters, officials said."),
            (std::vector<std::string>{"The", "U.S.-backed", "forces", "killed", "1,200", "fighters", ",",
                                      "officials", "said", "."}));
  EXPECT_EQ(tokens("Shi'ite pro-government militias; 3.5 km"),
            (std::vector<std::string>{"Shi'ite", "pro-government", "militias", ";", "3.5", "km"}));
  EXPECT_EQ(tokens("Mr. Hemedti's men"), (std::vector<std::string>{"Mr", ".", "Hemedti's", "men"}));
}

TEST(Tokens, KindsAndUnicode) {
  const std::string text = "Médecins hit 275,000 — «al-Fashir»";
  const auto t = tokenise(text, Span{0, uint32_t(text.size())});
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].kind, TokenKind::Word);
  EXPECT_EQ(text.substr(t[0].span.begin, t[0].span.size()), "Médecins");
  EXPECT_EQ(t[2].kind, TokenKind::Number);
  EXPECT_EQ(t[3].kind, TokenKind::Punct);
  EXPECT_EQ(text.substr(t[6].span.begin, t[6].span.size()), "»");
}

TEST(Tokens, RespectsTheSpanGiven) {
  const std::string text = "One two. Three four.";
  const auto t = tokenise(text, Span{9, 20});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].span, (Span{9, 14}));
}

TEST(Pipeline, NormalisesThenSegmentsWithBundledData) {
  const Resources r = Resources::load(MOSAIC_DATA_DIR);
  const Pipeline p(r);
  Document d;
  d.raw = "Col. Idris said 12, 000 people fled.\nNOW WATCH: something";
  p.run(d);
  EXPECT_EQ(d.text, "Col. Idris said 12,000 people fled.");
  ASSERT_EQ(d.sentences.size(), 1u);
}

}  // namespace
}  // namespace mosaic
