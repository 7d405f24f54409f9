// One real event, one record, every field right: sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>

#include "helpers.h"

namespace mosaic {
namespace {

std::size_t count_type(const Document& d, const std::string& event_type) {
  return std::size_t(std::count_if(d.events.begin(), d.events.end(),
                                   [&](const Event& e) { return e.event_type == event_type; }));
}
const Event* find(const Document& d, const std::string& sub_event_type) {
  const auto e = std::find_if(d.events.begin(), d.events.end(),
                              [&](const Event& x) { return x.sub_event_type == sub_event_type; });
  return e == d.events.end() ? nullptr : &*e;
}
std::string name(const Document& d, const std::string& id) {
  for (const Actor& a : d.actors)
    if (a.id == id) return a.name;
  return id;
}
bool has_actor(const Document& d, const std::vector<std::string>& ids, const std::string& part) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return name(d, id).find(part) != std::string::npos; });
}

// 1. Each incident once.
TEST(Incidents, AHeadlineAndItsLeadAreOneEvent) {
  const Document d = test::analyse_titled(
      "Car bomb kills seven at market in Kandahar",
      "A car bomb exploded at a crowded market in Kandahar on Tuesday, killing seven people and wounding 20, "
      "police said. The blast destroyed several shops.",
      "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  EXPECT_EQ(count_type(d, "Violence against civilians"), 0u);
  const Event* e = find(d, "Remote explosive/landmine/IED");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-03-12");  // the lead's Tuesday, not the report's day
  EXPECT_EQ(e->fatalities.value_or(-1), 7);
}

TEST(Incidents, ASentenceTellingOneBombingInTwoWaysIsOneEvent) {
  // "a suicide bomber ... blew himself up": two words for one blast, whoever each names.
  const Document d = test::analyse("A suicide bomber from the Islamic State blew himself up at a police checkpoint in Mosul "
                                   "on Monday, killing 12 policemen and wounding dozens of residents.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  const Event* e = find(d, "Suicide bomb");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->fatalities.value_or(-1), 12);
}

TEST(Incidents, EachSidesBlowsInOneSentenceStayTwoEvents) {
  const Document d = test::analyse("The Sudanese army shelled RSF positions in Omdurman on Monday, and the RSF shelled "
                                   "army posts in Khartoum in return.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 2u);
}

// The sentence after an event that names its place goes on telling it there, even where the
// place's province ("Balochistan province") is named as often as the town.
TEST(Incidents, ATollInTheNextSentenceIsTheEventBeforeIt) {
  const Document d = test::analyse("Militants attacked a Levies post in Turbat, Balochistan province. Two soldiers were "
                                   "killed.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Battles"), 1u);
  const Event* e = find(d, "Armed clash");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->fatalities.value_or(-1), 2);
  EXPECT_EQ(e->location, "Turbat");
}

// A sentence that gives no day goes on with the day the sentence before gave.
TEST(Incidents, AnEventInTheNextSentenceIsOnTheDayTheSentenceBeforeGave) {
  const Document d = test::analyse("On 9 March 2024, soldiers searched houses in Mopti. They arrested four men.", "2024-03-14");
  const Event* e = find(d, "Arrests");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-03-09");
}

// The incident told again further on ("the abduction") is at the place the first event was, of
// the places the text names as often, not the division that qualifies it.
TEST(Incidents, AnIncidentToldAgainLaterIsWhereItWasFirstPlaced) {
  const Document d = test::analyse("Assailants abducted a teacher in Mogadishu, Banaadir region, on Monday. The victim's "
                                   "fate is unknown. Al-Shabaab was suspected of carrying out the abduction.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Violence against civilians"), 1u);
}

TEST(Incidents, ASuicideBlastIsASuicideBombing) {
  const Document d = test::analyse_titled("At least 20 killed in suicide blast at army base in Aden",
                                          "A suicide blast struck an army base in Aden on Sunday, killing at least 20 "
                                          "soldiers, officials said.",
                                          "2024-03-14");
  EXPECT_NE(find(d, "Suicide bomb"), nullptr);
  EXPECT_EQ(find(d, "Remote explosive/landmine/IED"), nullptr);
}

TEST(Incidents, ADateWrittenWithDashesIsNoCount) {
  // "01-10-2014" is a day, not one person killed.
  const Document d = test::analyse("01-10-2014 Army repels attack on post in Qalamoun. Soldiers repelled an attack by "
                                   "militants on a post in Qalamoun, killing 10 militants.",
                                   "2014-10-01");
  for (const Quantity& q : d.quantities) EXPECT_NE(q.value, 1) << d.slice(q.span);
}

TEST(Incidents, EstablishingFullControlOfAVillageIsTakingIt) {
  const Document d = test::analyse("The army on Wednesday established full control of the village of Kafr Nabuda after "
                                   "fierce clashes with rebels.",
                                   "2024-03-14");
  EXPECT_NE(find(d, "Government regains territory"), nullptr);
}

TEST(Incidents, PreviousBombingsAreNotTheReportsEvent) {
  const Document d = test::analyse("Gunmen shot dead two traders in Gao on Monday. It was not clear who carried out the "
                                   "attack, but the group has claimed previous bombings in the town.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 0u);
}

TEST(Incidents, TheUnnamedAttackerAndTheBlastAreTheNamedBombersAttack) {
  // The second sentence names only "the attacker", whom the text leaves unnamed: its blast is
  // the suicide bombing told before it.
  const Document d = test::analyse("A suicide bomber from the Islamic State blew himself up at a checkpoint in Mosul on "
                                   "Monday, killing 12 policemen. According to witnesses, the attacker drove a car to "
                                   "the gate and the sound of the blast was heard across the city.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
}

TEST(Incidents, AnAttackClaimedBesideASuicideBombingIsThatBombing) {
  const Document d = test::analyse("On Wednesday three suicide bombers killed at least two people near the police "
                                   "headquarters in Mosul in an attack claimed by the Islamic State group.",
                                   "2024-03-14");
  EXPECT_EQ(count_type(d, "Violence against civilians"), 0u);
  const Event* e = find(d, "Suicide bomb");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Islamic State"));
}

TEST(Incidents, APagesTagsTellNoEvent) {
  const Document d = test::analyse("Police said the market in Kano reopened on Monday. Tags blast Kano Boko Haram "
                                   "Nigeria Community standards",
                                   "2024-03-14");
  EXPECT_TRUE(d.events.empty());
}

TEST(Incidents, ADroneFiredAtAPositionIsADroneStrike) {
  const Document d = test::analyse("Houthi forces fired an explosive-laden drone at a government position in Marib on "
                                   "Tuesday, officials said.",
                                   "2024-03-14");
  EXPECT_NE(find(d, "Air/drone strike"), nullptr);
}

TEST(Incidents, WorkersStagingAStrikeAreAProtestNotAnAirStrike) {
  const Document d = test::analyse("Thousands of workers staged a strike in Colombo on Tuesday demanding higher wages.",
                                   "2024-03-14");
  EXPECT_NE(find(d, "Peaceful protest"), nullptr);
  EXPECT_EQ(find(d, "Air/drone strike"), nullptr);
}

TEST(Incidents, APlacesNameKeepsItsSmallParticles) {
  const Document d = test::analyse("Gunmen shot dead two traders in Santa Cruz de la Sierra on Monday.", "2024-03-14");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().location, "Santa Cruz de la Sierra");
}

TEST(Incidents, ClashesThatEruptedBetweenTwoSidesAreABattleOfTheFirst) {
  const Document d = test::analyse("Clashes erupted between Fulani herders and Tiv farmers in Guma on Monday, leaving 12 "
                                   "people dead.",
                                   "2024-03-14");
  const Event* e = find(d, "Armed clash");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Fulani"));
}

TEST(Incidents, GunmenWhoStormAChurchAndOpenFireAttackCivilians) {
  // The police spokesman who tells it is no party to it; "opened fire" fires on the church stormed.
  const Document d = test::analyse_titled("Gunmen kill 12 in attack on church in northwest Nigeria",
                                          "Gunmen killed 12 worshippers in an attack on a church in Kaduna state on "
                                          "Sunday, police said. The attackers stormed the church in Kajuru during "
                                          "morning service and opened fire, police spokesman Mohammed Jalige said.",
                                          "2023-05-03");
  EXPECT_EQ(count_type(d, "Battles"), 0u);
  EXPECT_EQ(count_type(d, "Violence against civilians"), 1u);
}

TEST(Incidents, TheOutletOfADatelineIsNoPartyToTheFighting) {
  const Document d = test::analyse("KHARTOUM (AP) - Fighting between the Sudanese army and the Rapid Support Forces raged "
                                   "in Khartoum on Tuesday despite a ceasefire agreed by both sides, residents said.",
                                   "2023-05-03");
  const Event* e = find(d, "Armed clash");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(has_actor(d, e->actor2, "Associated Press"));
  EXPECT_EQ(find(d, "Agreement"), nullptr);  // the ceasefire is the fighting's backdrop, not news
}

TEST(Incidents, WhatAPeacefulProtestIsAgainstIsNoPartyToIt) {
  const Document d = test::analyse("Thousands of teachers marched in Nairobi on Monday against the government's plan to "
                                   "cut their pay.",
                                   "2024-03-14");
  const Event* e = find(d, "Peaceful protest");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->actor1.empty());
  EXPECT_TRUE(e->actor2.empty());
}

TEST(Incidents, AClaimReachesNoSeparateIncident) {
  const Document d = test::analyse("KABUL - A bomb blast at a mosque in Kabul killed at least eight worshippers on Friday, "
                                   "police said. Islamic State Khorasan Province claimed responsibility for the attack. "
                                   "In a separate incident on Sunday, unidentified gunmen shot dead a former army "
                                   "officer in Kandahar.",
                                   "2022-08-10");
  const Event* bomb = find(d, "Remote explosive/landmine/IED");
  ASSERT_NE(bomb, nullptr);
  EXPECT_TRUE(has_actor(d, bomb->actor1, "Khorasan"));
  EXPECT_EQ(bomb->location, "Kabul");  // the dateline's dash is no part of the name
  for (const Event& e : d.events)
    if (e.location == "Kandahar") {
      EXPECT_FALSE(has_actor(d, e.actor1, "Khorasan"));
    }
}

TEST(Incidents, WhatHappenedSinceAnEarlierEventIsNotThatEvent) {
  const Document d = test::analyse("Thousands of protesters marched in Yangon on Sunday in the largest rally since the coup.",
                                   "2021-03-29");
  EXPECT_NE(find(d, "Peaceful protest"), nullptr);
  EXPECT_EQ(find(d, "Other"), nullptr);
}

TEST(Incidents, RaidersWhoAttackAVillageAttackItsPeople) {
  const Document d = test::analyse("Cattle raiders attacked Turbi on Tuesday. One person was killed and another abducted.",
                                   "2024-03-14");
  EXPECT_NE(find(d, "Attack"), nullptr);
  EXPECT_EQ(find(d, "Armed clash"), nullptr);
}

TEST(Incidents, TheAttackToldAgainBesideAnotherPlaceIsStillTheAmbush) {
  const Document d = test::analyse_titled("Colombian soldiers killed in ELN ambush",
                                          "Four Colombian soldiers were killed when ELN rebels ambushed their patrol in "
                                          "Norte de Santander on Monday, the army said. The attack came days after the "
                                          "government and the ELN resumed peace talks in Havana.",
                                          "2023-06-12");
  EXPECT_EQ(count_type(d, "Battles") + count_type(d, "Violence against civilians"), 1u);
}

TEST(Incidents, ABombMakingKitRecoveredIsNoBombing) {
  const Document d = test::analyse("MANILA - Army troops killed five militants in a firefight in Patikul on Sunday, the "
                                   "military said. Troops also recovered several firearms and a bomb-making kit from "
                                   "the militants' camp.",
                                   "2023-06-12");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 0u);
  const Event* e = find(d, "Armed clash");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location, "Patikul");  // not the dateline's Manila
}

TEST(Incidents, TurkishDronesThatStruckAVehicleAreTurkeysAndHitWhatTheyStruck) {
  const Document d = test::analyse("On 2 May 2023, Turkish drones struck an SDF vehicle near Qamishli, killing two SDF "
                                   "fighters.",
                                   "2023-05-02");
  const Event* e = find(d, "Air/drone strike");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Turkey"));
  EXPECT_TRUE(has_actor(d, e->actor2, "Syrian Democratic Forces"));
}

TEST(Incidents, TwoSidesNamedBeforeAClashVerbAreTheFirstAgainstTheSecond) {
  const Document d = test::analyse("On 2 May 2023, Kuki militants and Meitei militiamen exchanged fire in Churachandpur "
                                   "district, Manipur, India. Two people were killed.",
                                   "2023-05-02");
  const Event* e = find(d, "Armed clash");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Kuki"));
  EXPECT_FALSE(has_actor(d, e->actor1, "Meitei"));
  EXPECT_TRUE(has_actor(d, e->actor2, "Meitei"));
}

TEST(Incidents, AJournalistDetainedForReportingOnProtestsIsAnArrest) {
  const Document d = test::analyse("On 2 May 2023, Taliban forces detained a journalist in Kabul for reporting on women's "
                                   "protests.",
                                   "2023-05-02");
  EXPECT_NE(find(d, "Arrests"), nullptr);
  EXPECT_EQ(count_type(d, "Protests"), 0u);
}

TEST(Incidents, DemonstrationsHeldElsewhereAreEventsOfTheirOwn) {
  const Document d = test::analyse("Tens of thousands of Israelis rallied in Tel Aviv on Saturday against the judicial "
                                   "overhaul. Organisers said similar demonstrations were held in Haifa and Jerusalem.",
                                   "2023-05-03");
  std::vector<std::string> places;
  for (const Event& e : d.events)
    if (e.event_type == "Protests") places.push_back(e.location);
  EXPECT_EQ(places, (std::vector<std::string>{"Tel Aviv", "Haifa", "Jerusalem"}));
}

TEST(Incidents, AKillingToldWithAnExplosionItMakesAnotherTypeOfIsThatOneIncident) {
  // The drones named make the killing an air strike; the missile attack it killed in is that strike.
  const Document d = test::analyse("Russian forces launched a massive drone and missile attack on energy facilities in "
                                   "Kharkiv overnight, killing at least four people, officials said on Friday.",
                                   "2024-03-15");
  std::size_t explosions = 0;
  for (const Event& e : d.events) explosions += e.event_type == "Explosions/Remote violence";
  EXPECT_EQ(explosions, 1u);
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->fatalities.value_or(0), 4);
}

TEST(Incidents, AProtestAtTheUniversityOfATownIsOneEventInThatTown) {
  const Document d = test::analyse_in("Bangladesh", "On 13 March 2024, students staged a sit-in at the University of "
                                                    "Dhaka to protest against a rise in tuition fees.",
                                      "2024-03-14");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events.front().sub_event_type, "Peaceful protest");
  EXPECT_EQ(d.events.front().location, "Dhaka");
}

TEST(Incidents, ThoseArrestedDuringRaidsAreNoMobOfTheirOwn) {
  const Document d = test::analyse_in("Palestine", "On 11 March 2024, Israeli forces arrested 15 Palestinians during raids "
                                                   "in Jenin.",
                                      "2024-03-14");
  for (const Event& e : d.events) EXPECT_NE(e.sub_event_type, "Mob violence");
}

TEST(Incidents, AnAttackOnAListOfPlacesIsAnEventAtEachPlace) {
  const Document d = test::analyse("Army steps up its campaign in northern Mali\n\n"
                                   "The army said on Tuesday it had stepped up its campaign in the north. "
                                   "The governor thanked the troops. Markets reopened in the region. "
                                   "Army artillery shelled militant positions in Kidal, Tessalit and Gao on "
                                   "Monday, killing nine militants.",
                                   "2024-03-14");
  std::vector<std::string> places;
  for (const Event& e : d.events)
    if (e.sub_event_type == "Shelling/artillery/missile attack") places.push_back(e.location);
  EXPECT_EQ(places, (std::vector<std::string>{"Kidal", "Tessalit", "Gao"}));
  // The toll, not broken down by place, is divided evenly among them, as ACLED divides one (a
  // headline's, a lead's or a note's toll stays whole with the event it reports).
  ASSERT_EQ(d.events.size(), 3u);
  for (const Event& e : d.events) EXPECT_EQ(e.fatalities.value_or(-1), 3) << e.location;
}

TEST(Incidents, ATollOverAListOfPlacesGivesTheRemainderOfItsDivisionToTheFirst) {
  const Document d = test::analyse("Rebels step up their campaign in the north\n\n"
                                   "The governor said on Wednesday the rebels had stepped up their campaign. "
                                   "Schools closed in the province. Aid agencies asked for access. "
                                   "Rebels shelled the villages of Ariha and Kafr Zita on Tuesday, killing five "
                                   "civilians.",
                                   "2024-03-14");
  std::vector<int> tolls;
  for (const Event& e : d.events) tolls.push_back(e.fatalities.value_or(-1));
  EXPECT_EQ(tolls, (std::vector<int>{3, 2}));
}

TEST(Incidents, TheTownOfOneAndTheVillageOfAnotherAreTwoPlaces) {
  const Document d = test::analyse("Government warplanes carried out air strikes on the town of Ariha and the village "
                                   "of Kafr Zita on Tuesday, killing six civilians.",
                                   "2024-03-14");
  std::vector<std::string> places;
  for (const Event& e : d.events)
    if (e.sub_event_type == "Air/drone strike") places.push_back(e.location);
  EXPECT_EQ(places, (std::vector<std::string>{"Ariha", "Kafr Zita"}));
}

TEST(Incidents, AHilltopSeizedIsTerritoryTaken) {
  const Document d = test::analyse("Government forces seized a hilltop overlooking the supply route on Thursday after "
                                   "clashes with rebels.",
                                   "2024-03-14");
  EXPECT_NE(find(d, "Government regains territory"), nullptr);
}

TEST(Incidents, APlaceFollowedByANameIsNoList) {
  const Document d = test::analyse("Gunmen attacked a police post in Kidal, Ahmed Traore said on Monday.", "2024-03-14");
  EXPECT_EQ(count_type(d, "Violence against civilians") + count_type(d, "Battles"), 1u);
}

TEST(Incidents, AnAttackToldOnceByItsPerpetratorAndOnceWithoutIsOneAttack) {
  // The first telling's gunmen are ACLED's Unidentified Armed Group until the second names them.
  const Document d = test::analyse("Gunmen attacked the village of Dalori on Monday, killing five people, residents "
                                   "said. The army said Boko Haram fighters attacked the village of Dalori on Monday.",
                                   "2024-03-14");
  ASSERT_EQ(count_type(d, "Violence against civilians"), 1u);
  const Event* e = find(d, "Attack");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Boko Haram"));
  EXPECT_FALSE(has_actor(d, e->actor1, "Unidentified"));
  EXPECT_EQ(e->fatalities.value_or(-1), 5);
}

TEST(Incidents, AttacksOfOnePlaceAndDayByTwoPerpetratorsAreTwo) {
  const Document d = test::analyse("Boko Haram fighters attacked the village of Dalori on Monday, residents said. "
                                   "ISWAP fighters attacked the village of Dalori on Monday, stealing cattle, police said.",
                                   "2024-03-14");
  EXPECT_GE(count_type(d, "Violence against civilians") + count_type(d, "Battles"), 2u);
}

TEST(Incidents, ABlastToldAgainAsASuicideBombingIsOneSuicideBomb) {
  const Document d = test::analyse_titled(
      "Blast hits army post near Mosul",
      "A suicide bomber blew himself up at an army post near Mosul on Sunday, killing four soldiers.",
      "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  EXPECT_NE(find(d, "Suicide bomb"), nullptr);
}

TEST(Incidents, DeathsToldAgainWithoutTheirKillerAreTheTollOfTheStrikeToldBefore) {
  const Document d = test::analyse(
      "Government warplanes bombed the town of Maarat al-Numan on Friday. "
      "Twelve people were killed and dozens were wounded, rescuers said. "
      "Seven others were hurt in the attack.",
      "2024-03-16");
  EXPECT_EQ(d.events.size(), 1u);
  ASSERT_NE(find(d, "Air/drone strike"), nullptr);
}

TEST(Incidents, TwoTollsOfOneIncidentKeepTheConservativeOne) {
  const Document d = test::analyse(
      "A roadside bomb exploded near a bus in Quetta on Monday, killing nine passengers. "
      "An explosion near the bus in Quetta on Monday killed twelve, a hospital official said.",
      "2024-03-14");
  ASSERT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  EXPECT_EQ(find(d, "Remote explosive/landmine/IED")->fatalities.value_or(-1), 9);
}

TEST(Incidents, StrikesAtTwoPlacesOnTwoDaysStayTwoEvents) {
  const Document d = test::analyse(
      "Airstrikes hit the village of Kafr Nabl on Monday. "
      "On Wednesday, airstrikes hit the town of Saraqib.",
      "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 2u);
}

// 2. Only what happened.
TEST(Incidents, ASummaryOfTheWarsBeginningIsNoProtest) {
  const Document d = test::analyse(
      "The war began in 2012 when soldiers fired on peaceful protesters in the capital.", "2019-05-02");
  EXPECT_TRUE(d.events.empty());
}

TEST(Incidents, ATollSinceAYearIsNoEvent) {
  const Document d = test::analyse("More than 5,000 people have been killed in the region since 2017.", "2023-06-01");
  EXPECT_TRUE(d.events.empty());
}

TEST(Incidents, AnEventDatedYearsBeforeTheReportIsBackground) {
  const Document d = test::analyse("Rebels captured the town of Kidal in March 2012.", "2020-01-10");
  EXPECT_TRUE(d.events.empty());
}

TEST(Incidents, ABreachedCeasefireIsNoAgreement) {
  const Document d = test::analyse(
      "The shelling was the latest violation of a ceasefire between the two sides.", "2024-03-14");
  EXPECT_EQ(count_type(d, "Strategic developments"), 0u);
  const Document signed_one = test::analyse("The two factions signed a ceasefire in Doha on Sunday.", "2024-03-14");
  EXPECT_NE(find(signed_one, "Agreement"), nullptr);
}

TEST(Incidents, ThreatsAndDenialsAreNoEvents) {
  EXPECT_TRUE(test::analyse("The militants threatened to attack the convoy.", "2024-03-14").events.empty());
  EXPECT_TRUE(test::analyse("The army denied that it had shelled the camp.", "2024-03-14").events.empty());
}

TEST(Incidents, ACondemnationOfStrikesIsNoStrike) {
  const Document d = test::analyse("The foreign minister condemned the Russian strikes on Syrian towns.", "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 0u);
}

TEST(Incidents, LinksToOtherStoriesOnAScrapedPageTellNoEvent) {
  const Document d = test::analyse(
      "Related Car Bomb Kills Nine in Baghdad Market Rebels Seize Border Town Gunmen killed two farmers near Jos on "
      "Sunday.",
      "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 0u);
  EXPECT_EQ(count_type(d, "Battles"), 0u);
  EXPECT_EQ(count_type(d, "Violence against civilians"), 1u);
}

// 5. Fatalities.
TEST(Incidents, AWoundedCivilianIsNoDeath) {
  const Document d = test::analyse("Militants fired a rocket at the market in Gao on Sunday, injuring a civilian.", "2024-03-14");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().fatalities.value_or(0), 0);
  const Document killed = test::analyse("Militants fired a rocket at the market in Gao on Sunday, killing a civilian.", "2024-03-14");
  ASSERT_FALSE(killed.events.empty());
  EXPECT_EQ(killed.events.front().fatalities.value_or(0), 1);
}

TEST(Incidents, ADatelinesDayAndYearAreNoToll) {
  const Document d = test::analyse_titled("Shelling hits Aleppo district",
                                          "Thu Feb 26 2015 Rebel shelling hit the Midan district of Aleppo on Wednesday.",
                                          "2015-02-26");
  for (const Event& e : d.events) EXPECT_EQ(e.fatalities.value_or(0), 0);
}

TEST(Incidents, ASpanOfTimeIsNoToll) {
  const Document d = test::analyse("48 hours of shelling on Sirte kill 19 people.", "2024-03-14");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().fatalities.value_or(0), 19);
}

TEST(Incidents, TheCountOfTheAttackersIsNoToll) {
  const Document d = test::analyse("In Maiduguri on Friday three suicide bombers blew themselves up near a mosque, killing "
                                   "worshippers.", "2024-03-14");
  for (const Quantity& q : d.quantities) EXPECT_NE(q.value, 3) << q.what;
}

// 3. Actor slots.
TEST(Incidents, TheVictimsOfAStrikeAreItsActor2) {
  const Document d = test::analyse("A Russian air strike killed 14 civilians in Idlib on Monday.", "2024-03-14");
  const Event* e = find(d, "Air/drone strike");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(has_actor(d, e->actor1, "Russia"));
  EXPECT_TRUE(has_actor(d, e->actor2, "Civilians"));
}

TEST(Incidents, AMonitorThatReportsTheShellingIsNotItsActor1) {
  const Document d = test::analyse(
      "The Syrian Observatory for Human Rights said artillery fire killed three people in Douma.", "2024-03-14");
  const Event* e = find(d, "Shelling/artillery/missile attack");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(has_actor(d, e->actor1, "Observatory"));
}

// 4. Dates.
TEST(Incidents, ADatelineAtTheHeadIsTheReportsDayNotTheEvents) {
  const Document d = test::analyse(
      "Published 9 May 2024 Gunmen killed a teacher in Kidal on Tuesday.", "2024-05-09");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().date, "2024-05-07");
  EXPECT_EQ(d.events.front().time_precision, 1);
}

TEST(Incidents, RelativeDaysCountBackFromTheDatelineWhenTheMetadataDisagrees) {
  const Document d = test::analyse(
      "Reuters Friday 12 April 2024 Rebels shelled the town of Goma on Thursday.", "2024-04-02");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().date, "2024-04-11");
}

TEST(Incidents, ADateThatAPrepositionIntroducesIsTheEventsDay) {
  const Document d = test::analyse("On 5 March 2024, militants attacked a police post in Tillaberi.", "2024-03-09");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().date, "2024-03-05");
}

// "The bombing took place on Hadara Street": told again by a definite noun (a verb's "-ing" form
// too) at a finer place, the one bombing told before is still one event; with two told before,
// which one it is cannot be said, and it stays apart.
TEST(Incidents, ABombingToldAgainAtAFinerPlaceIsTheOneToldBefore) {
  Document d = test::analyse("A car bomb exploded in Homs on Monday, killing three people, state media said. "
                             "The bombing took place on Hadara Street in the Akrama neighbourhood, a police source said.",
                             "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  d = test::analyse("A roadside bomb killed two soldiers near Kandahar on Monday. Another bomb wounded a child in Herat. "
                    "The bombing took place on the main road, police said.",
                    "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 2u);
}

// "An airstrike while ground forces advanced": a word that opens a clause is no noun the
// trigger modifies, though WordNet lists "while" and "as" as nouns.
TEST(Incidents, AnEventNounBeforeWhileOrAsIsStillAnEvent) {
  Document d = test::analyse("The Nigerian air force carried out an airstrike while ground troops advanced on the camp.",
                             "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  d = test::analyse("Insurgents detonated an IED as an army convoy passed near the bridge.", "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  // (A noun the trigger does modify still names no event: "a regime artillery academy".)
  d = test::analyse("He studied at an artillery academy in the capital.", "2024-03-14");
  EXPECT_EQ(d.events.size(), 0u);
}

// A verb of supply in a participle that describes the subject ("a truck sent to help") does not
// make the trigger of the sentence's own verb a weapon supplied; one the trigger is the object of does.
TEST(Incidents, AVehicleSentToHelpThatWasStruckByABombIsAnEvent) {
  Document d = test::analyse("A truck sent to evacuate the wounded was struck by a roadside bomb on Tuesday.", "2024-03-14");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  d = test::analyse("The government sent artillery shells and rockets to the militia last year.", "2024-03-14");
  EXPECT_EQ(d.events.size(), 0u);
  // ("Armed with": only a noun is what they were armed with; a verb after it is what they did.)
  d = test::analyse("On 3 May, a dozen youths armed with machetes assaulted two traders at the market in Sylhet.",
                    "2024-05-04");
  EXPECT_EQ(d.events.size(), 1u);
}

// Fire aimed at a target however the shots are named ("fired shots at the village", "fired two
// rounds of 105 mm howitzer on their positions"); a building set alight is burned.
TEST(Incidents, ShotsAndHowitzerRoundsFiredAtATargetAreEvents) {
  Document d = test::analyse("On 2 May, soldiers fired shots at the village of Kyauk Pyu from a boat.", "2024-05-04");
  EXPECT_EQ(d.events.size(), 1u);
  d = test::analyse("On 2 May, the army fired two rounds of 105 mm howitzer on rebel positions near the river.",
                    "2024-05-04");
  EXPECT_EQ(count_type(d, "Explosions/Remote violence"), 1u);
  d = test::analyse("On 2 May, a mob set alight the offices of the ruling party in Khulna.", "2024-05-04");
  EXPECT_EQ(d.events.size(), 1u);
}

// Soldiers or police in mutiny, firing in the air or blocking roads to press their demands, riot:
// ACLED codes a mutiny as a violent demonstration.
TEST(Incidents, AMutinyIsAViolentDemonstration) {
  const Document d = test::analyse("Mutinying soldiers fired in the air and blocked the roads of Gao overnight.", "2024-05-04");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().sub_event_type, "Violent demonstration");
}

}  // namespace
}  // namespace mosaic
