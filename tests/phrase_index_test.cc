// A phrase index's sparse reading (find) gives the phrases its full reading
// (match) gives, and a PhraseStarts' one pass changes nothing of them.
#include <gtest/gtest.h>

#include "recognise/phrase_index.h"

namespace mosaic {
namespace {

std::vector<Hit> phrases(const std::vector<Hit>& hits) {
  std::vector<Hit> out;
  for (const Hit& h : hits)
    if (!h.payloads.empty()) out.push_back(h);
  return out;
}

void expect_same(const std::vector<Hit>& a, const std::vector<Hit>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, b[i].first);
    EXPECT_EQ(a[i].last, b[i].last);
    EXPECT_EQ(a[i].payloads, b[i].payloads);
    EXPECT_EQ(a[i].suffix, b[i].suffix);
    EXPECT_EQ(a[i].possessive, b[i].possessive);
  }
}

TEST(PhraseIndex, FindGivesThePhrasesMatchGivesAndNothingElse) {
  PhraseIndex parties, places;
  parties.add("rebels", 1);
  parties.add("Syrian army", 2);
  parties.add("Syria", 3);
  parties.add("pro-government militia", 4);
  parties.add("IS", 5);
  places.add("in", 1);
  places.add("in the town of", 2);
  places.add("Aleppo", 3);
  const PhraseStarts starts({&parties, &places});
  for (const std::string text :
       {"The Syrian army and pro-government militia fought rebels in the town of Aleppo.",
        "Syrias army shelled IS positions; Syria's rebels and the progovernment militia withdrew in Aleppo-based units.",
        "is it in the town? Nothing here.", ""}) {
    const std::vector<Word> words = read_words(text, Span{0, uint32_t(text.size())});
    const std::vector<uint32_t> at = starts.at(words);
    for (const PhraseIndex* index : {&parties, &places}) {
      const std::vector<Hit> found = index->find(words);
      expect_same(found, phrases(index->match(words)));
      expect_same(index->find(words, at), found);
    }
  }
  const std::string text = "The Syrian army and pro-government militia fought rebels in the town of Aleppo.";
  const std::vector<Word> words = read_words(text, Span{0, uint32_t(text.size())});
  EXPECT_EQ(parties.find(words).size(), 3u);  // Syrian army, pro-government militia, rebels
  EXPECT_EQ(places.find(words).size(), 2u);   // in the town of, Aleppo
}

}  // namespace
}  // namespace mosaic
