// Relations, claims, contradictions and sides, with sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "mosaic/merge.h"
#include "mosaic/pipeline.h"

namespace mosaic {
namespace {

Document read(const std::string& text) { return test::analyse(text); }

std::string name(const Document& d, const std::string& id) {
  for (const Actor& a : d.actors)
    if (a.id == id) return a.name;
  return id;
}

// "type source -> target" for each relation the text states.
std::vector<std::string> relations(const std::string& text) {
  const Document d = read(text);
  std::vector<std::string> out;
  for (const Relation& r : d.relations) out.push_back(r.type + " " + name(d, r.source) + " -> " + name(d, r.target));
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

TEST(Relations, SupportInItsForms) {
  auto r = relations("The Joint Forces were trained and financed by Chad.");
  EXPECT_TRUE(has(r, "supports Chad -> Joint Darfur Force")) << ::testing::PrintToString(r);
  r = relations("Egypt-backed units of the Sudanese army advanced.");
  EXPECT_TRUE(has(r, "supports Egypt -> Military Forces of Sudan")) << ::testing::PrintToString(r);
  r = relations("The Houthis are a movement in Yemen. It is backed by Iran and Hezbollah.");
  EXPECT_TRUE(has(r, "supports Iran -> Houthi Movement")) << ::testing::PrintToString(r);
  EXPECT_TRUE(has(r, "supports Hezbollah -> Houthi Movement")) << ::testing::PrintToString(r);
  r = relations("The army needs the drones provided by Turkey and Iran, which in turn need Russian air power.");
  EXPECT_TRUE(has(r, "supports Military Forces of Russia -> Turkey")) << ::testing::PrintToString(r);
}

TEST(Relations, AlliancesInTheirForms) {
  auto r = relations("Eritrea, a one-party state that is the Ethiopian government's closest ally, sent troops.");
  EXPECT_TRUE(has(r, "allied_with Eritrea -> Ethiopia") || has(r, "allied_with Ethiopia -> Eritrea")) << ::testing::PrintToString(r);
  r = relations("Wagner fighters and Chadian troops, all joining the Malian government's offensive, moved north.");
  EXPECT_TRUE(has(r, "allied_with Mali -> Wagner Group") || has(r, "allied_with Wagner Group -> Mali")) << ::testing::PrintToString(r);
  r = relations("Some of the Fano units are fighting on the side of the TPLF.");
  EXPECT_TRUE(has(r, "allied_with Fano Militia -> TPLF: Tigray People's Liberation Front")) << ::testing::PrintToString(r);
}

TEST(Relations, MembershipAndHostility) {
  auto r = relations("Ansar Dine, Al Qaeda's affiliate in Mali, attacked the town.");
  EXPECT_TRUE(has(r, "part_of Ansar Dine -> Al Qaeda") || has(r, "part_of Ansar Dine Front -> Al Qaeda"))
      << ::testing::PrintToString(r);
  r = relations("The war between the RSF and the Sudanese army entered its second year.");
  EXPECT_TRUE(has(r, "fights Military Forces of Sudan -> RSF: Rapid Support Forces") ||
              has(r, "fights RSF: Rapid Support Forces -> Military Forces of Sudan")) << ::testing::PrintToString(r);
  r = relations("The United States condemned the junta in Niger, which Russia supports.");
  r = relations("Hamas, which the European Union opposes, rejected the plan.");
  EXPECT_TRUE(has(r, "opposes European Union -> Hamas")) << ::testing::PrintToString(r);
  r = relations("Al-Shabaab is designated by the United States as a terrorist organisation.");
  EXPECT_TRUE(has(r, "opposes United States -> Al Shabaab")) << ::testing::PrintToString(r);
}

TEST(Relations, EventsContribute) {
  const auto r = relations("M23 rebels clashed with the Congolese army near Goma on Monday.");
  EXPECT_TRUE(std::any_of(r.begin(), r.end(), [](const std::string& x) { return x.starts_with("fights "); }))
      << ::testing::PrintToString(r);
}

TEST(Claims, SourcesAndStances) {
  const Document d = read("The United Nations says 20,000 people are trapped in the city. The RSF denied that its "
                          "fighters shelled the camp, but Medecins Sans Frontieres, citing its staff, said the shells "
                          "came from RSF positions.");
  std::vector<std::string> got;
  for (const Claim& c : d.claims) got.push_back(name(d, c.source) + " " + c.stance);
  EXPECT_TRUE(has(got, "United Nations asserts")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "RSF: Rapid Support Forces denies")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Medecins Sans Frontieres asserts")) << ::testing::PrintToString(got);
  // A second verb joined to the first keeps its speaker.
  const Document e = read("The army said it was shelling RSF positions and denied hitting the camp.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(name(e, e.claims[1].source), "Military Forces of Sudan");
  EXPECT_EQ(e.claims[1].stance, "denies");
}

TEST(Contradictions, CountsOfOneStoryToldDifferently) {
  test::TempDir dir;
  const std::string base =
      "The siege of the eastern districts tightened on Sunday as aid convoys were turned back at the last "
      "checkpoint, the United Nations said. Food prices have tripled in a month and the last bakery closed.";
  const auto feed = dir.write("f.jsonl",
                              nlohmann::json{{"id", "a"}, {"text", base + " About 120,000 people are besieged."}}.dump() + "\n" +
                                  nlohmann::json{{"id", "b"}, {"text", base + " About 140,000 people are besieged."}}.dump() + "\n");
  Store store(dir.file("s.db"));
  const Pipeline p(test::bundled());
  ingest(store, p, {feed}, {});
  const auto found = find_contradictions(store);
  const auto c = std::find_if(found.begin(), found.end(), [](const Contradiction& x) { return x.what == "people besieged"; });
  ASSERT_NE(c, found.end());
  ASSERT_EQ(c->values.size(), 2u);
  EXPECT_EQ(*c->values[0].value, 120000);
  EXPECT_EQ(*c->values[1].value, 140000);
}

TEST(Sides, CampsFitAndActorsAcrossThem) {
  // Two camps, A with B against C with D; E is allied with A and with C.
  std::vector<ActorRelation> r = {{"allied_with", "a", "b", 3, "", "", {}}, {"allied_with", "c", "d", 3, "", "", {}},
                                  {"fights", "a", "c", 2, "", "", {}},      {"fights", "b", "d", 2, "", "", {}},
                                  {"allied_with", "e", "a", 1, "", "", {}}, {"allied_with", "e", "c", 1, "", "", {}}};
  const Sides s = find_sides(r);
  auto camp_of = [&](const std::string& id) {
    for (int c = 0; c < 2; ++c)
      if (std::find(s.camp[c].begin(), s.camp[c].end(), id) != s.camp[c].end()) return c;
    return -1;
  };
  EXPECT_EQ(camp_of("a"), camp_of("b"));
  EXPECT_EQ(camp_of("c"), camp_of("d"));
  EXPECT_NE(camp_of("a"), camp_of("c"));
  EXPECT_GT(s.fit, 0.9);
  ASSERT_FALSE(s.crossing.empty());
  EXPECT_EQ(s.crossing.front().actor, "e");
  // A rebel group linked to no one joins the camp against its country's state.
  r.push_back({"supports", "x", "lonely", 1, "", "", {}});
  const std::vector<Actor> actors = {{"a", "State A", "state", "AAA", {}}, {"lonely", "Lonely Front", "rebel_group", "AAA", {}},
                                     {"x", "Backer", "state", "XXX", {}}};
  const Sides with_prior = find_sides(r, actors);
  auto camp2 = [&](const std::string& id) {
    for (int c = 0; c < 2; ++c)
      if (std::find(with_prior.camp[c].begin(), with_prior.camp[c].end(), id) != with_prior.camp[c].end()) return c;
    return -1;
  };
  EXPECT_NE(camp2("lonely"), camp2("a"));
}

}  // namespace
}  // namespace mosaic
