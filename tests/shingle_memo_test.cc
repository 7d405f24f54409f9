// The memo of shingles story detection keeps: an answer is always
// shingles(text) of the text asked about, whatever was remembered before.
#include <gtest/gtest.h>

#include "merge/shingle_memo.h"
#include "mosaic/merge.h"

namespace mosaic {
namespace {

const std::string kA = "Rebel fighters shelled the district of Hamdaniyeh on Tuesday, killing nine people.";
const std::string kB = "The army answered with air strikes on rebel positions in the old city, residents said.";

TEST(ShingleMemo, AnswersTheTextAskedAboutNotTheOneRemembered) {
  ShingleMemo memo(4);
  memo.put("d1", kA, shingles(kA));
  EXPECT_EQ(memo.get("d1", kA), shingles(kA));
  // The document was replaced (or the transaction that stored kA rolled back).
  EXPECT_EQ(memo.get("d1", kB), shingles(kB));
  EXPECT_EQ(memo.get("d1", kA), shingles(kA));
}

TEST(ShingleMemo, ForgetsTheLeastRecentlyUsedPastItsCapacity) {
  ShingleMemo memo(2);
  memo.put("d1", kA, {1});  // a wrong answer put on purpose, to see whether it is still remembered
  memo.put("d2", kB, {2});
  EXPECT_EQ(memo.get("d1", kA), std::vector<uint64_t>{1});  // d1 used: d2 is the oldest now
  memo.put("d3", kB, {3});
  EXPECT_EQ(memo.get("d2", kB), shingles(kB));           // forgotten, computed again
  EXPECT_EQ(memo.get("d3", kB), std::vector<uint64_t>{3});  // remembered
  EXPECT_EQ(memo.get("d1", kA), shingles(kA));           // went when d2 came back
}

TEST(ShingleMemo, RemembersNothingAtCapacityZero) {
  ShingleMemo memo(0);
  memo.put("d1", kA, {1});
  EXPECT_EQ(memo.get("d1", kA), shingles(kA));
}

}  // namespace
}  // namespace mosaic
