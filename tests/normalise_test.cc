#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "mosaic/normalise.h"
#include "mosaic/problem.h"

namespace mosaic {
namespace {

std::string norm(std::string_view raw) { return Normaliser()(raw); }

TEST(Normalise, RejoinsThousandsSplitByAScraper) {
  EXPECT_EQ(norm("some 310, 000 people fled"), "some 310,000 people fled");
  EXPECT_EQ(norm("between 1, 200 to 3, 400 fighters"), "between 1,200 to 3,400 fighters");
  EXPECT_EQ(norm("a toll of 2, 345, 678"), "a toll of 2,345,678");
}

TEST(Normalise, LeavesListsAndYearsAlone) {
  EXPECT_EQ(norm("In 2014, 300 people died"), "In 2014, 300 people died");
  EXPECT_EQ(norm("aged 4, 12 and 15"), "aged 4, 12 and 15");
  EXPECT_EQ(norm("1, 2345 is not a number"), "1, 2345 is not a number");
}

TEST(Normalise, CollapsesGapsLeftByRemovedWords) {
  EXPECT_EQ(norm("the   forces entered"), "the forces entered");
  EXPECT_EQ(norm("led by President Omar  . Then"), "led by President Omar. Then");
  // A gap after a sentence's end before a lower-case word: its first word was lost.
  EXPECT_EQ(norm("fled the town.   militias took it."), "fled the town.\nmilitias took it.");
}

TEST(Normalise, PlainQuotesAndSpaces) {
  EXPECT_EQ(norm("\u201CNo to war,\u201D they said; the group\u2019s leader"),
            "\"No to war,\" they said; the group's leader");
  EXPECT_EQ(norm("a\u00A0b\u200Bc\u00ADd"), "a bcd");
  // The closing quote sticks to its sentence even after a stray space.
  EXPECT_EQ(norm("we will go \u201Cwherever needed. \u201D Then"), "we will go \"wherever needed.\" Then");
}

TEST(Normalise, ComposesToNfc) {
  // "e" + combining acute becomes the single precomposed character.
  EXPECT_EQ(norm("Me\u0301decins"), "M\u00E9decins");
}

TEST(Normalise, StripsMarkupAndDecodesEntities) {
  EXPECT_EQ(norm("<p>Shells hit <b>Kadugli</b> &amp; Dilling.</p><p>Two died.</p>"),
            "Shells hit Kadugli & Dilling.\n\nTwo died.");  // paragraphs stay paragraphs
  EXPECT_EQ(norm("the army&#8217;s base &mdash; &#x201C;gone&#x201D;"), "the army's base \u2014 \"gone\"");
  EXPECT_EQ(norm("<script>var x = '<p>';</script>Text"), "Text");
  // Not markup: comparisons and unknown references stay.
  EXPECT_EQ(norm("if a < b & c &unknown; then"), "if a < b & c &unknown; then");
}

TEST(Normalise, DropsBoilerplateLines) {
  Boilerplate b;
  b.add("NOW WATCH:*");
  b.add("Follow * on Facebook*");
  const Normaliser n(&b);
  EXPECT_EQ(n("Troops entered the town.\n\nNOW WATCH: A video you will like\nFollow Daily on Facebook and X"),
            "Troops entered the town.");
  // Only whole lines match: a sentence that mentions Facebook stays.
  EXPECT_EQ(n("The group posted on Facebook a video."), "The group posted on Facebook a video.");
}

TEST(Normalise, DropsLinkedHeadlinesAndTagsRunIntoAScrapedLine) {
  Boilerplate b;
  b.add_marker("Related", Boilerplate::Marker::Headlines);
  b.add_marker("Related News", Boilerplate::Marker::Headlines);
  b.add_marker("Tags", Boilerplate::Marker::Tags);
  const Normaliser n(&b);
  EXPECT_EQ(n("Militia fighters burned a market in Beni on Sunday. 31 Related News Army Repels Rebel Attack on "
              "Goma Airport UN Envoy Warns of Famine in Ituri Tags militia Beni Congo Comment via Facebook"),
            "Militia fighters burned a market in Beni on Sunday. 31");
  // A headline list ends where prose begins again: at the first word in lower case.
  EXPECT_EQ(n("Views 2494 Related Russian Jets Hit Convoy officials said the convoy was struck."),
            "Views 2494 officials said the convoy was struck.");
  // Prose keeps its words: "Related" before lower case, and tags followed by a sentence.
  EXPECT_EQ(n("Related fighting was reported in Ituri."), "Related fighting was reported in Ituri.");
  EXPECT_EQ(n("Tags were found on the bodies. Police said so."), "Tags were found on the bodies. Police said so.");
}

TEST(Normalise, AFurnitureMarkerWithoutWordsIsAnErrorNamingFileAndLine) {
  const std::string path = (std::filesystem::temp_directory_path() / "mosaic_boilerplate_test.txt").string();
  {
    std::ofstream out(path);
    out << "# patterns\nNOW WATCH:*\nheadlines:   \n";
  }
  Boilerplate b;
  try {
    b.load(path);
    ADD_FAILURE() << "loaded a marker with no words";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3:"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(Normalise, FoldsLineEndsAndBlankRuns) {
  EXPECT_EQ(norm("One.\r\nTwo.\r\n\r\n\r\n\r\nThree.\tFour."), "One.\nTwo.\n\nThree. Four.");
  EXPECT_EQ(norm(""), "");
  EXPECT_EQ(norm("   \n\n  "), "");
}

}  // namespace
}  // namespace mosaic
