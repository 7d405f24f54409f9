// One actor, one node: the forms a text gives one actor resolved to one
// record, and actors that do not exist found and fixed by rule. Sentences
// written for these tests.
#include <gtest/gtest.h>

#include <algorithm>

#include "helpers.h"

namespace mosaic {
namespace {

std::vector<std::string> actor_names(const std::string& text) {
  const Document d = test::analyse(text);
  std::vector<std::string> out;
  for (const Actor& a : d.actors) out.push_back(a.name);
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

TEST(OneActor, AStoryOfForeignAirStrikesHasTheRebelsOfWhereItHappens) {
  const auto a = actor_names("Russian warplanes bombed a hospital in Aleppo on Monday, the Russian military said. "
                             "Russian forces also struck rebels in Idlib, killing civilians, Russian officials said "
                             "in Moscow. The rebels denied losses.");
  EXPECT_TRUE(has(a, "Syrian rebels")) << ::testing::PrintToString(a);
  EXPECT_FALSE(has(a, "Russian rebels")) << ::testing::PrintToString(a);
  EXPECT_FALSE(has(a, "Civilians (Russia)")) << ::testing::PrintToString(a);
}

TEST(OneActor, APossessiveThatLostItsApostropheIsTheSamePerson) {
  const auto a = actor_names("Vladimir Putins envoy arrived in Damascus on Monday.");
  EXPECT_TRUE(has(a, "Vladimir Putin")) << ::testing::PrintToString(a);
  EXPECT_FALSE(has(a, "Vladimir Putins")) << ::testing::PrintToString(a);
}

TEST(OneActor, ASectOrCreedDescribesACountrysRebelsWithoutMakingOthers) {
  const Document d = test::analyse("Malian Islamist rebels attacked the town. Malian rebels said they held it.");
  ASSERT_EQ(d.actors.size(), 1u);
  EXPECT_EQ(d.actors[0].name, "Malian rebels");
  EXPECT_TRUE(std::find(d.actors[0].aliases.begin(), d.actors[0].aliases.end(), "Malian Islamist rebels") !=
              d.actors[0].aliases.end());
}

TEST(OneActor, APeoplesForcesFightersAndTroopsAreOneMilitia) {
  const auto a = actor_names("Iraqi Kurdish forces held the pass. Iraqi Kurdish fighters shelled the town.");
  EXPECT_EQ(a, std::vector<std::string>{"Iraqi Kurdish militias"});
}

TEST(OneActor, APeoplesFightersAreTheGroupTheTextTiesThePeopleTo) {
  const auto a = actor_names("The Kurdish-led Syrian Democratic Forces advanced on Raqqa. Kurdish fighters captured a "
                             "dam near Tabqa.");
  EXPECT_EQ(a, std::vector<std::string>{"Syrian Democratic Forces"});
}

// "The Kurds" of a story that ties the Kurdish people to one named group are that group, as its
// "Kurdish fighters" are; with no group so tied they stay the people.
TEST(OneActor, ACommunityNamedAsAnActorIsTheGroupTheTextTiesItsPeopleTo) {
  const auto a = actor_names("The Kurdish-led Syrian Democratic Forces pushed east along the river. By Friday the Kurds "
                             "held four oil fields.");
  EXPECT_EQ(a, std::vector<std::string>{"Syrian Democratic Forces"});
  const auto b = actor_names("Kurds in the old quarter voted on Sunday, officials said.");
  EXPECT_TRUE(has(b, "Kurds")) << ::testing::PrintToString(b);
}

}  // namespace
}  // namespace mosaic
