// ACLED's decision rules (data/events/decisions.tsv, combine.tsv, cues.tsv),
// each with sentences written for these tests: which sub-event type a report
// is coded as, who is actor1 and actor2, and how many died.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <tuple>

#include "helpers.h"

namespace mosaic {
namespace {

Document read(const std::string& text) { return test::analyse(text, "2024-03-14"); }

// The sub-event type of the document's main event, or "none".
std::string coded(const std::string& text) {
  const Document d = read(text);
  const Event* e = test::main_event(d);
  return e ? e->sub_event_type : "none";
}

std::optional<int> toll(const std::string& text) {
  const Document d = read(text);
  const Event* e = test::main_event(d);
  return e ? e->fatalities : std::nullopt;
}

std::vector<std::string> names(const Document& d, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids)
    for (const Actor& a : d.actors)
      if (a.id == id) out.push_back(a.name);
  return out;
}

// Demonstrations: how they were met, and what their demonstrators did.
TEST(AcledRules, MarchersLeftAloneMadeAPeacefulProtest) {
  EXPECT_EQ(coded("Hundreds of nurses marched to the health ministry in Lilongwe on Monday."), "Peaceful protest");
  EXPECT_EQ(coded("Teachers staged a sit-in outside the education office in Cotonou, demanding unpaid wages."),
            "Peaceful protest");
  EXPECT_EQ(coded("Shopkeepers went on strike in Quetta to denounce new taxes."), "Peaceful protest");
}

// "Demonstrate" is a protest only with what a protest is over or against: figures that
// "demonstrate how badly the economy is doing" are no demonstration.
TEST(AcledRules, ToDemonstrateOverOrAgainstIsAProtest) {
  EXPECT_EQ(coded("Elders demonstrate over unpaid allowances in Nyeri."), "Peaceful protest");
  EXPECT_EQ(coded("Nurses demonstrate against the closure of a clinic in Kisumu."), "Peaceful protest");
  EXPECT_EQ(coded("The figures demonstrate how badly the economy is doing, the minister said in Nairobi."), "none");
}

TEST(AcledRules, TearGasOnMarchersIsProtestWithIntervention) {
  EXPECT_EQ(coded("Police fired tear gas to disperse students marching in Lusaka."), "Protest with intervention");
  // Told in two sentences, it is one event.
  const Document d = read("Farmers rallied in front of the governor's office in Cuzco on Friday. "
                          "Police dispersed them with batons.");
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Protest with intervention");
  EXPECT_EQ(std::count_if(d.events.begin(), d.events.end(),
                          [](const Event& e) { return e.event_type == "Protests"; }),
            1);
}

TEST(AcledRules, ArrestingDemonstratorsIsAnIntervention) {
  EXPECT_EQ(coded("Opposition supporters held a rally in Harare. Officers arrested twelve of the marchers."),
            "Protest with intervention");
}

TEST(AcledRules, LethalForceOnPeacefulProtestersIsExcessiveForce) {
  EXPECT_EQ(coded("Soldiers opened fire on demonstrators in Khartoum, killing three."),
            "Excessive force against protesters");
  EXPECT_EQ(coded("Security forces shot dead two protesters in Conakry."), "Excessive force against protesters");
}

TEST(AcledRules, DemonstratorsWhoThrowStonesOrBurnRiot) {
  EXPECT_EQ(coded("Protesters pelted police with stones in Kinshasa."), "Violent demonstration");
  EXPECT_EQ(coded("Youths protesting fuel prices burned tyres and vandalised a bank in Abuja."),
            "Violent demonstration");
  // Their violence decides it, whatever the police did.
  EXPECT_EQ(coded("Demonstrators clashed with police in Nairobi, and police fired tear gas."),
            "Violent demonstration");
}

// ACLED's codebook: demonstrators blocking roads or putting up barricades are violent.
TEST(AcledRules, DemonstratorsWhoBlockRoadsOrBarricadeRiot) {
  EXPECT_EQ(coded("Traders in Lusaka protested new market levies by blocking roads with stones."),
            "Violent demonstration");
  EXPECT_EQ(coded("Farmers protesting low maize prices erected barricades outside the district office in Gulu."),
            "Violent demonstration");
  EXPECT_EQ(coded("Teachers marched peacefully through Lusaka to demand unpaid wages."), "Peaceful protest");
}

// Present tense, as notes and headlines write it, and tyres set alight or a rampage.
// A word of the future qualifies the noun it stands before: the protest against a planned
// relocation happened; a protest planned for Friday did not yet.
TEST(AcledRules, AProtestAgainstSomethingPlannedHappened) {
  EXPECT_EQ(coded("Pupils staged a protest against the planned closure of their school in Gitega."), "Peaceful protest");
  EXPECT_EQ(coded("Unions said a protest will be held in Gitega next week."), "none");
}

TEST(AcledRules, DemonstratorsWhoBarricadeOrBurnTyresInThePresentTenseRiot) {
  EXPECT_EQ(coded("Market vendors barricade a road in Blantyre to protest the demolition of their stalls."),
            "Violent demonstration");
  EXPECT_EQ(coded("A crowd sets tyres on fire in Conakry to protest fuel prices."), "Violent demonstration");
  EXPECT_EQ(coded("Pupils went on the rampage at a school in Kumasi, smashing windows to protest new exam fees."),
            "Violent demonstration");
}

// A strike beside a demonstration is a work stoppage, not an air strike; a strike from the air
// stays one.
TEST(AcledRules, AStrikeOfWorkersToldWithADemonstrationIsNoAirStrike) {
  EXPECT_EQ(coded("Nurses marched to the health ministry in Harare and began observing a 72-hour strike."),
            "Peaceful protest");
  EXPECT_EQ(coded("Dock workers protested in Dakar on Monday. They also began an indefinite strike over pay."),
            "Peaceful protest");
  EXPECT_EQ(coded("A drone strike killed four militants in a compound near Jilib on Monday."), "Air/drone strike");
}

TEST(AcledRules, ACrowdsViolenceOutsideADemonstrationIsMobViolence) {
  EXPECT_EQ(coded("A mob lynched a suspected cattle thief in Oyo."), "Mob violence");
  EXPECT_EQ(coded("Villagers beat to death a man accused of witchcraft near Kisii."), "Mob violence");
  EXPECT_EQ(coded("Supporters of two rival candidates clashed in Comilla, injuring ten people."), "Mob violence");
  EXPECT_EQ(coded("Unidentified persons vandalised the office of a mayor in Jessore."), "Mob violence");
}

// People by their trade or role (operators, vendors, miners, voters) turning violent are a mob,
// and a lynching is mob violence however it is written.
TEST(AcledRules, TradesmenTurningViolentAndLynchingsAreMobViolence) {
  EXPECT_EQ(coded("Angry motorbike taxi operators attacked a bus driver in Kisumu."), "Mob violence");
  EXPECT_EQ(coded("A crowd lynches a suspected thief in Mbale."), "Mob violence");
}

TEST(AcledRules, AProtestsGrievanceAndAnEventsOccasionAreNoEvents) {
  // The killing is what they protest, not what happened.
  const Document d = read("Residents protested in Kisumu against the killing of a trader by police.");
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Peaceful protest");
  EXPECT_EQ(test::main_event(d)->fatalities.value_or(0), 0);
  EXPECT_EQ(coded("Students rallied in Sylhet following the arrest of their leader."), "Peaceful protest");
  // What they demanded ends at the clause's own verb: demonstrators who then clashed with police.
  EXPECT_EQ(coded("Demonstrators demanding the release of their leader clashed with police in Lahore."),
            "Violent demonstration");
  EXPECT_EQ(coded("Residents of Embu held a demonstration after a police officer shot dead a driver."), "Peaceful protest");
  // Whom they demand something of is no side of the clash.
  const Document l = test::analyse_in("Peru", "Police clashed with demonstrators demanding the resignation of President "
                                              "Dina Boluarte in Lima.");
  ASSERT_NE(test::main_event(l), nullptr);
  EXPECT_EQ(names(l, test::main_event(l)->actor2), std::vector<std::string>{"Police Forces of Peru"});
  // So is the clause after "days after", its subject named: what the reported attack came after.
  const Document c = read("Rebels killed two soldiers in an ambush near Arauca on Sunday. The attack came days after "
                          "President Gustavo Petro suspended a ceasefire with the group.");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events.front().sub_event_type, "Armed clash");
  // Men beaten on their way to a demonstration were beaten by a mob, not in a demonstration.
  EXPECT_EQ(coded("Ruling party supporters beat six opposition activists in Kumasi when they were on their way to join "
                  "an opposition rally."),
            "Mob violence");
}

// Violence between armed men, and against civilians.
TEST(AcledRules, ArmedMenOnEachOtherClashOnCiviliansAttack) {
  EXPECT_EQ(coded("Gunmen attacked a police checkpoint near Tillaberi."), "Armed clash");
  EXPECT_EQ(coded("Gunmen attacked the village of Sona and killed three herders."), "Attack");
  EXPECT_EQ(coded("Bandits shot dead a teacher near Gusau."), "Attack");
  EXPECT_EQ(coded("Fighters of two rival clans clashed over grazing land near Moyale."), "Armed clash");
}

// A named communal militia is an organised armed group: killing its men is a battle.
// Men of a community or a group, named by it ("Toubou youths", "Mungiki members"), act as the
// group: their violence on people is the group's attack, not a mob's.
TEST(AcledRules, YouthsOrMembersNamedByTheirGroupAttackAsTheGroup) {
  Document d = test::analyse_in("Kenya", "Turkana youths attack and kill three Pokot herders near a water point.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Turkana Ethnic Militia (Kenya)"});
  d = test::analyse_in("Kenya", "Two traders killed by suspected Mungiki members in a market.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Mungiki Militia"});
}

// Of other wars' wording: a lone drone that struck, a national guard's members against a
// cartel's, bodies showing "signs" of torture (no agreement signed).
TEST(AcledRules, DronesGuardsmenCartelsAndSignsOfTorture) {
  Document d = test::analyse_in("Ukraine", "On 5 May, a Russian drone struck an energy facility in Odesa. No casualties were reported.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Air/drone strike");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Russia"});
  d = test::analyse_in("Mexico", "Members of the National Guard clashed with suspected members of the Jalisco New Generation "
                                 "Cartel in Aguililla.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Armed clash");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Mexico"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"CJNG: Jalisco New Generation Cartel"});
  d = test::analyse_in("Mexico", "The bodies of three men with signs of torture were found on a road near Zamora.");
  for (const Event& x : d.events) EXPECT_NE(x.sub_event_type, "Agreement");
}

// An attack on people the text counts but does not name ("shot dead two men") is on the
// country's Civilians, ACLED's actor2 of every attack, abduction and looting; a victim the text
// names stays.
TEST(AcledRules, AnAttacksUnnamedVictimsAreTheCountrysCivilians) {
  Document d = test::analyse_in("Burkina Faso", "On 5 May, unknown gunmen shot dead two men near Kaya.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Burkina Faso)"});
  d = test::analyse_in("Nigeria", "On 5 May, gunmen abducted 12 people from a village near Kaduna.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Abduction/forced disappearance");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Nigeria)"});
  // Property looted or destroyed is civilians' unless the text names whose (ACLED dev: 80 %).
  d = test::analyse_in("Burkina Faso", "On 5 May, suspected JNIM militants looted shops and torched a health centre in Djibo.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Looting/property destruction");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Burkina Faso)"});
}

// A gendarmerie is named as ACLED names it, the country's police forces' gendarmerie, in every
// country that has one.
TEST(AcledRules, GendarmesAreTheCountrysPoliceGendarmerie) {
  Document d = test::analyse_in("Burkina Faso", "On 5 May, gunmen attacked a gendarmerie post in Djibo, killing two gendarmes.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Police Forces of Burkina Faso Gendarmerie"});
  d = test::analyse_in("Cameroon", "On 5 May, gendarmes arrested four separatist fighters in Bamenda.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Police Forces of Cameroon Gendarmerie"});
}

// Afghanistan's local militias ("Arbakis") are ACLED's pro-government militia.
TEST(AcledRules, ArbakisAreAProGovernmentMilitia) {
  const Document d = test::analyse_in("Afghanistan", "On 9 March, Taliban fighters ambushed and killed two Arbakis in Ghazni.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  ASSERT_EQ(e->actor2.size(), 1u);
  const Actor* a = nullptr;
  for (const Actor& x : d.actors)
    if (x.id == e->actor2.front()) a = &x;
  ASSERT_TRUE(a);
  EXPECT_NE(std::find(a->aliases.begin(), a->aliases.end(), "Militia (Pro-Government)"), a->aliases.end()) << a->name;
}

// "The wounded", "the dead": people named by what befell them, not a report of it.
TEST(AcledRules, TheWoundedAndTheDeadAreNoEvent) {
  EXPECT_EQ(coded("At a field clinic in Douma, doctors treated the wounded and the dead were laid out in a corridor."), "none");
  // Nor are people counted and named so: "the three injured men", "two wounded children".
  EXPECT_EQ(coded("A nurse said the three injured men reached the clinic in Douma by car."), "none");
  EXPECT_EQ(coded("Two wounded children were carried into the clinic in Douma."), "none");
  // A count of the wounded is still told: "wounding 12 people", "left 12 wounded civilians".
  EXPECT_NE(coded("A car bomb exploded in Douma, leaving 12 wounded civilians."), "none");
}

// A people's bandits or gunmen are its ethnic militia, as ACLED names them.
TEST(AcledRules, APeoplesBanditsAndGunmenAreItsMilitia) {
  Document d = test::analyse_in("Kenya", "Armed Turkana bandits attacked a village near Lokichar, killing two herders.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Turkana Ethnic Militia (Kenya)"});
}

// "After", "when", "before" begin a clause: what follows is its subject, not a modifier of it.
TEST(AcledRules, TheSubjectOfAClauseAfterAKillingDidIt) {
  const Document d = test::analyse_in("Kenya", "Twenty people were killed after gunmen attacked a bus near Mandera.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Kenya)"});
}

// Who the text says is believed to be behind unnamed gunmen did it.
TEST(AcledRules, TheGroupBelievedToBeBehindAnAttackIsItsPerpetrator) {
  const Document d = test::analyse_in("Kenya", "Gunmen shot dead three teachers in Mandera on Sunday. The attackers are "
                                               "believed to be al Shabaab militants.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
  // So is the group sources suspect, or the attack is attributed to, where none claimed it.
  for (const char* text : {"A bomb exploded at a bus station in Maiduguri, killing nine people. No group claimed "
                           "responsibility, but officials suspected Boko Haram.",
                           "A bomb exploded at a bus station in Maiduguri, killing nine people. Police attributed the "
                           "attack to Boko Haram."}) {
    const Document n = test::analyse_in("Nigeria", text);
    ASSERT_TRUE(test::main_event(n)) << text;
    EXPECT_EQ(names(n, test::main_event(n)->actor1),
              std::vector<std::string>{"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"})
        << text;
  }
}

// "Protesting farmers", "the fleeing residents": an -ing word before its noun describes who acts.
TEST(AcledRules, ProtestingFarmersWhoClashAreADemonstrationsViolence) {
  const Document d = test::analyse_in("India", "Protesting farmers broke through barricades and clashed with police in Delhi.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Violent demonstration");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Rioters (India)"});
}

// Property seized is looting; enemies "neutralised" are killed; "artilleries" fired are shelling.
TEST(AcledRules, SeizedPropertyNeutralisedFightersAndArtilleries) {
  EXPECT_EQ(coded("Gunmen seized a truck of the health ministry near Ngouri."), "Looting/property destruction");
  EXPECT_EQ(coded("Soldiers neutralised four insurgents near Mocimboa da Praia."), "Armed clash");
  EXPECT_EQ(coded("Army units fired around 12 artilleries towards villages near Hpa-an."),
            "Shelling/artillery/missile attack");
}

// "The attack", "the blasts": an event told again, not another one.
TEST(AcledRules, AnEventToldAgainByADefiniteNounIsOneEvent) {
  const Document d = read("Militants shelled the market in Maiduguri on Monday, killing four civilians. Seven others "
                          "were wounded in the attack, a hospital source said. Survivors described the pressure of the blasts.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events.front().sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(d.events.front().fatalities.value_or(-1), 4);
}

// A war going on, told with no place ("the government is fighting ..."), and the fighting people
// flee from, are the scene, not battles.
TEST(AcledRules, AWarGoingOnAndTheFightingFledAreNoBattles) {
  EXPECT_EQ(coded("The government is fighting a number of rebel groups as well as jihadist organisations."), "none");
  EXPECT_EQ(coded("The camp has swelled with families fleeing from the fighting elsewhere in the north."), "none");
  EXPECT_EQ(coded("Soldiers are fighting rebels in Kidal, residents said."), "Armed clash");
}

// Jihadists or Islamists the text does not name are ACLED's Islamist Militia of the country; named
// Islamist rebels stay rebels.
TEST(AcledRules, UnnamedJihadistsAreTheCountrysIslamistMilitia) {
  const Document d = test::analyse_in("Niger", "On 2 May, suspected jihadists killed eleven villagers near Tillaberi.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Islamist Militia (Niger)"});
}

// A place taken after those holding it left is a transfer, one event.
TEST(AcledRules, APlaceTakenOverAfterItsHoldersLeftIsATransfer) {
  const Document d = test::analyse_in("Mali", "On 12 November, the Malian army took over the UN camp in Kidal after the "
                                              "peacekeepers withdrew.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events.front().sub_event_type, "Non-violent transfer of territory");
}

// Headline and note style: a participle with its result and no subject is done to what stands
// before it ("One man hacked to death"); "killed at least 39" still counts its object.
TEST(AcledRules, AParticipleWithItsResultIsPassiveButAtLeastCountsTheObject) {
  Document d = test::analyse_in("Nigeria", "One farmer hacked to death in Agatu.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Nigeria)"});
  d = test::analyse_in("Niger", "On 2 May, ISGS militants killed at least 12 civilians from the Zarma and Fulani communities at a market in Tera.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Islamic State (Greater Sahara)"});
  EXPECT_EQ(e->location, "Tera");  // where they were killed, not where they came from
  EXPECT_EQ(d.events.size(), 1u);   // "from the Zarma and Fulani communities" is no list of places
}

TEST(AcledRules, MenOfANamedCommunalMilitiaKilledFallInABattle) {
  EXPECT_EQ(coded("On 4 June, militants killed three Dozos near Djenne."), "Armed clash");
  EXPECT_EQ(coded("On 4 June, militants shot dead four Koglweogo near Kaya."), "Armed clash");
  EXPECT_EQ(coded("On 4 June, militants shot dead two traders near Kaya."), "Attack");
}

// Rangers, forest guards and commandos are armed agents of the state: an attack on them is a battle.
TEST(AcledRules, ArmedMenOnRangersOrCommandosFightABattle) {
  EXPECT_EQ(coded("On 2 May, gunmen killed two forest guards near Kandi."), "Armed clash");
  EXPECT_EQ(coded("On 2 May, a commando was killed by insurgents in Ghazni."), "Armed clash");
  EXPECT_EQ(coded("On 2 May, gunmen killed two herders near Kandi."), "Attack");
}

TEST(AcledRules, AnAttackMetWithForceIsABattle) {
  EXPECT_EQ(coded("Militants attacked the village of Sona. Volunteer fighters repelled the attack."), "Armed clash");
}

TEST(AcledRules, TakingATownIsTerritoryTakingMenIsNot) {
  EXPECT_EQ(coded("M23 rebels captured the town of Rubaya."), "Non-state actor overtakes territory");
  EXPECT_EQ(coded("M23 rebels captured two soldiers."), "none");
  // What was seized in a place is no place taken.
  EXPECT_NE(coded("Al-Shabaab fighters seized a truck of food aid in Baidoa."), "Non-state actor overtakes territory");
  EXPECT_EQ(coded("Al-Shabaab fighters seized control of Baidoa."), "Non-state actor overtakes territory");
}

TEST(AcledRules, TheGravestHarmNamesAnAttackOnCivilians) {
  EXPECT_EQ(coded("Gunmen robbed traders near Menaka and abducted two of them."), "Abduction/forced disappearance");
  EXPECT_EQ(coded("Gunmen abducted a farmer near Kaduna and killed him."), "Attack");
  EXPECT_EQ(coded("Militants killed two villagers and raped three women near Madagali."), "Sexual violence");
}

// Remote violence: how it was delivered.
TEST(AcledRules, BombsFromAircraftAreAirStrikesPlantedOnesExplosives) {
  EXPECT_EQ(coded("Warplanes bombed the market in Ariha."), "Air/drone strike");
  EXPECT_EQ(coded("Rebels bombed a telecom tower in Monywa."), "Remote explosive/landmine/IED");
  EXPECT_EQ(coded("A roadside bomb struck an army truck near Mandera."), "Remote explosive/landmine/IED");
  EXPECT_EQ(coded("Unknown men hurled a grenade at a police station in Mandalay."), "Grenade");
  EXPECT_EQ(coded("The army fired artillery shells into the village of Kani."), "Shelling/artillery/missile attack");
  EXPECT_EQ(coded("A suicide bomber blew himself up at a checkpoint in Gao."), "Suicide bomb");
  // An explosive beats the attack it was the means of.
  EXPECT_EQ(coded("Rebels attacked a convoy with landmines near Saw."), "Remote explosive/landmine/IED");
}

TEST(AcledRules, AircraftAttackingAnythingIsAnAirStrike) {
  // Coded by the means, not by who was hit: a post, a crowd, a town.
  EXPECT_EQ(coded("Government helicopters attacked a rebel outpost near Kutkai."), "Air/drone strike");
  EXPECT_EQ(coded("Military jets killed 12 people at a market in Tangaza."), "Air/drone strike");
  EXPECT_EQ(coded("Gunmen attacked a rebel outpost near Kutkai."), "Armed clash");
}

TEST(AcledRules, AWeaponFoundOrMadeSafeIsDisruptedUse) {
  EXPECT_EQ(coded("Soldiers discovered an IED on the road to Gao and defused it."), "Disrupted weapons use");
  EXPECT_EQ(coded("Air defences shot down two drones over Odesa."), "Disrupted weapons use");
}

TEST(AcledRules, AMannedAircraftBroughtDownIsABattleItsCrewCombatants) {
  // A drone stopped is its disrupted use; a helicopter or jet brought down, a battle with the
  // force flying it, and its pilots died as combatants, in that battle.
  EXPECT_EQ(coded("Insurgents shot down an army helicopter near Kidal."), "Armed clash");
  EXPECT_EQ(coded("A fighter jet was downed by rebel fire over the Shan hills; the two pilots were killed."), "Armed clash");
  EXPECT_EQ(toll("A fighter jet was downed by rebel fire over the Shan hills; the two pilots were killed."), 2);
  EXPECT_EQ(coded("The navy intercepted three drones off the coast of Hodeidah."), "Disrupted weapons use");
  const Document d = read("A fighter jet was downed by rebel fire over the Shan hills; the two pilots were killed.");
  EXPECT_EQ(d.events.size(), 1u);
}

TEST(AcledRules, AStatesRaidThatHarmsNoOneIsWhatItFound) {
  // Forces entering a place to detain people: the arrests are the event, not an attack.
  EXPECT_EQ(coded("Soldiers raided the town of Tubas before dawn and arrested nine men."), "Arrests");
  EXPECT_EQ(coded("Police stormed a hostel in Lahore and detained 40 students."), "Arrests");
  // So is a raid told as the setting of arrests, whoever holds the ground: de facto authorities
  // arrest too.
  EXPECT_EQ(coded("SDF forces arrested 12 suspected Islamic State members during a raid in Hajin."), "Arrests");
  // (And a killing in a raid is the killing, by those its verb names.)
  const Document k = test::analyse_in("Afghanistan", "On 5 March 2024, troops killed three militants during a raid in Kunduz.");
  ASSERT_NE(test::main_event(k), nullptr);
  EXPECT_EQ(names(k, test::main_event(k)->actor1), std::vector<std::string>{"Military Forces of Afghanistan"});
  // A raid that kills, or a raid by armed men, is the violence.
  EXPECT_EQ(coded("Soldiers raided the town of Tubas before dawn, killing two men."), "Attack");
  EXPECT_EQ(coded("Bandits raided the village of Gidan Dawa and abducted 12 women."), "Abduction/forced disappearance");
  // Armed men who take weapons from a post they stormed fought one battle; from a herders' camp
  // they carried off livestock.
  EXPECT_EQ(read("Gunmen raided a police station in Gusau and seized weapons.").events.size(), 1u);
  EXPECT_EQ(coded("Gunmen raided a police station in Gusau and seized weapons."), "Armed clash");
  EXPECT_EQ(coded("Unknown gunmen raided a nomad camp near Anderamboukane and seized the livestock."),
            "Looting/property destruction");
  // Police breaking into a demonstration's camp intervene in it.
  EXPECT_EQ(coded("Police raided the protest camp outside parliament in Accra and dispersed the demonstrators."),
            "Protest with intervention");
}

TEST(AcledRules, AGroupsNumberCountsItsMembersAPersonsCountsTheirChildren) {
  EXPECT_EQ(toll("Soldiers killed a family of five in a night raid on Nad Ali."), 5);
  EXPECT_EQ(toll("Rebels shot down a helicopter near Tsafe, killing its crew of three."), 3);
  EXPECT_EQ(toll("Troops killed a group of 20 militants near Tillaberi."), 20);
  EXPECT_EQ(toll("A father of two was shot dead by police in Kisumu."), 1);
  EXPECT_EQ(toll("Gunmen killed a mother of four in Kajuru."), 1);
}

TEST(AcledRules, ABombThatWentOffOutsideAPostHitIt) {
  // What a blast went off outside was hit, not the doer of the wounding told after the comma.
  const Document d = read("A car bomb exploded outside a police station in Diyarbakir, wounding 10 officers.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Police Forces of Turkey"});
}

TEST(AcledRules, AGovernmentsViolenceIsItsForces) {
  // ACLED names a state's violence by its forces, of the government's own country.
  for (const char* text : {"The junta's jets bombed a village in Sagaing Region, killing 17 civilians.",
                           "Myanmar government airstrikes killed 17 civilians in Sagaing Region."}) {
    const Document d = read(text);
    const Event* e = test::main_event(d);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Myanmar"}) << text;
  }
  const Document d = read("Russian government warplanes bombed a market in Idlib, killing nine people.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Russia"});
  // Its agreements stay the government's.
  const Document a = read("The government and the rebels signed a ceasefire in Addis Ababa.");
  ASSERT_NE(test::main_event(a), nullptr);
  EXPECT_EQ(test::main_event(a)->sub_event_type, "Agreement");
}

TEST(AcledRules, BurningByArmedMenIsPropertyDestruction) {
  EXPECT_EQ(coded("Gunmen burned a school in Tapoa."), "Looting/property destruction");
  EXPECT_EQ(coded("Militiamen looted shops in the market of Djibo."), "Looting/property destruction");
}

TEST(AcledRules, StrategicDevelopmentsByTheirWords) {
  EXPECT_EQ(coded("The army and the rebels signed a ceasefire in Addis Ababa."), "Agreement");
  EXPECT_EQ(coded("Forty militants surrendered to the army in Laghman."), "Agreement");
  EXPECT_EQ(coded("Police arrested five suspects in Garissa."), "Arrests");
  EXPECT_EQ(coded("A faction of the rebels split from the movement and formed a new group."),
            "Change to group/activity");
  EXPECT_EQ(coded("The gendarmerie established a base in Diallassagou."), "Headquarters or base established");
  EXPECT_EQ(coded("The rebels withdrew from Menaka without a fight."), "Non-violent transfer of territory");
}

TEST(AcledRules, TextWithoutViolenceOrDemonstrationHasNoEvent) {
  for (const char* text : {"The minister opened a new school in Nairobi on Monday.",
                           "Rainfall this year was above average in the north, the weather office said.",
                           "The finance ministry published its budget for the coming year."})
    EXPECT_TRUE(read(text).events.empty()) << text;
  // A war's toll since it began is no event of its own.
  EXPECT_TRUE(read("More than 300,000 people have been killed since the war began.").events.empty());
  // Nor is what a group has done for years: its war, told as background.
  EXPECT_TRUE(read("The group has fought for years to overthrow the federal government.").events.empty());
  const Document d = read("Al-Shabaab militants stormed a hotel in Mogadishu on Friday, killing nine people. The "
                          "group has fought for decades to overthrow the federal government.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events.front().sub_event_type, "Attack");
}

// Who is actor1 and actor2.
TEST(AcledRules, DemonstratorsAreActor1AndTheForceThatMetThemActor2) {
  const Document d = read("Resistance committees marched in Khartoum on Thursday. Sudanese police fired tear gas "
                          "at them.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Protest with intervention");
  // ACLED's coding: the protesters of the country first, the named organisers associated.
  EXPECT_EQ(names(d, e->actor1), (std::vector<std::string>{"Protesters (Sudan)", "Resistance Committees"}));
  ASSERT_FALSE(e->actor2.empty());
  EXPECT_NE(names(d, e->actor2).front().find("Sudan"), std::string::npos);
}

TEST(AcledRules, AForceIsNeverADemonstrationsActor1) {
  const Document d = read("Kenyan police fired tear gas at protesters in Kisumu.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Protesters (Kenya)"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Police Forces of Kenya"});
}

TEST(AcledRules, TheArrestingForceIsActor1) {
  const Document d = read("Kenyan police arrested five Al-Shabaab suspects in Garissa.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Arrests");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Al Shabaab"});  // ACLED's spelling
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Police Forces of Kenya"});
}

TEST(AcledRules, TheSideThatClashedFirstNamedIsActor1) {
  const Document d = read("Ukrainian forces clashed with Russian troops near Bakhmut.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Ukraine"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Russia"});
}

TEST(AcledRules, AnUncertainAttributionNamesEitherGroupAsActor1) {
  const Document d = read("On 3 March, suspected Boko Haram and/or ISWAP fighters attacked the village of Kukawa, "
                          "killing four farmers.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), (std::vector<std::string>{"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                                                           "Islamic State West Africa Province"}));
}

TEST(AcledRules, AGroupsGenericNounAfterItsNameIsThatGroup) {
  // "militants" after "Ansaroul Islam (JNIM)" is the group named, not an unidentified one.
  const Document d = read("On 3 March, presumed Ansaroul Islam (JNIM) militants attacked a gendarmerie post in Djibo.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  const auto a1 = names(d, e->actor1);
  EXPECT_NE(std::find(a1.begin(), a1.end(), "JNIM: Group for Support of Islam and Muslims"), a1.end());
  for (const auto& n : a1) EXPECT_EQ(n.find("Unidentified"), std::string::npos) << n;
}

TEST(AcledRules, WhoFiredTheShellsIsActor1AndWhereTheyWereAimedActor2) {
  const Document d = read("On 3 March, the Ethiopian army fired four artillery shells at Fano positions near Lalibela.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Ethiopia"});
  // A mine is planted by whoever the verb's subject is.
  const Document m = read("On 3 March, Al Shabaab militants planted a landmine on the road near Mandera.");
  const Event* f = test::main_event(m);
  ASSERT_TRUE(f);
  EXPECT_EQ(names(m, f->actor1), std::vector<std::string>{"Al Shabaab"});
}

TEST(AcledRules, AnExecutionOfCaptivesIsAnAttackWhoeverTheyWere) {
  EXPECT_EQ(coded("Al Shabaab militants executed four captured soldiers in Jilib on Monday."), "Attack");
  EXPECT_EQ(coded("Islamic State fighters beheaded two men accused of spying near Palmyra."), "Attack");
  EXPECT_EQ(coded("More than 50 soldiers were summarily executed after the base fell, the monitor said."), "Attack");
}

TEST(AcledRules, WhatABombStruckIsItsTargetAndNoKillersOfThoseItKilled) {
  const Document d = test::analyse_in("Pakistan", "A roadside bomb struck a military convoy in North Waziristan on Sunday, "
                                                  "killing three soldiers, the army said.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Pakistan)"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Pakistan"});
  EXPECT_EQ(e->fatalities.value_or(0), 3);
}

TEST(AcledRules, WhoeverSteppedOnAMineOrDroveOverABombIsItsVictimAndWhoLaidItActor1) {
  const Document d = test::analyse_in("Colombia", "On 3 March, two villagers stepped on a landmine near Tumaco and were "
                                                  "badly hurt.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Colombia)"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Colombia)"});
  const Document m = test::analyse_in("Niger", "On 3 March, an army truck hit an IED planted by ISWAP fighters near "
                                               "Diffa.");
  const Event* f = test::main_event(m);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(m, f->actor1), std::vector<std::string>{"Islamic State West Africa Province"});
  EXPECT_EQ(names(m, f->actor2), std::vector<std::string>{"Military Forces of Niger"});
}

TEST(AcledRules, PeopleABlastHurtAreItsCiviliansAsThoseItKilledAre) {
  const Document d = test::analyse_in("Uganda", "On 3 March, a bomb exploded outside a bar in Kampala, injuring eight "
                                                "people.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Uganda)"});
  EXPECT_FALSE(e->fatalities.value_or(0));
  // Soldiers hurt are the soldiers' side, no civilians.
  const Document s = test::analyse_in("Uganda", "On 3 March, a bomb exploded near an army truck in Kasese, injuring "
                                                "eight soldiers.");
  const Event* f = test::main_event(s);
  ASSERT_TRUE(f);
  EXPECT_EQ(names(s, f->actor2), std::vector<std::string>{"Military Forces of Uganda"});
}

// The wounded a second sentence tells, alone, are the blast's: "One person was injured", "A
// Who shelled or fired the shells is the verb's subject, past the words that say where it stood:
// Local defence forces and groups are a community's militia, never the state's forces ("forces")
// nor "a local" civilian; what a state owns or runs ("military-owned") names no side.
TEST(AcledRules, LocalDefenceForcesAreACommunitysMilitiaAndAMilitaryOwnedTowerNoSide) {
  for (const char* text : {"On 3 March, local defense forces attacked an army convoy with mines near Mopti.",
                           "On 3 March, a local defense group attacked an army convoy with mines near Mopti."}) {
    const Document d = test::analyse_in("Mali", text);
    const Event* e = test::main_event(d);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Communal Militia (Mali)"}) << text;
    EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Mali"}) << text;
  }
  const Document t = test::analyse_in("Mali", "On 3 March, militants bombed a military-owned telecom tower near Mopti.");
  const Event* f = test::main_event(t);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->actor2.empty());
}

// A bomb is a noun: who is named before it across "was killed when" is its victim, not its
// planter ("a policeman was killed when a bomb exploded"); and a post's number ("the No. 2 police
// station") keeps the post the object of the attack.
TEST(AcledRules, ABombsVictimNamedBeforeItIsNoBomberNorAPostsNumberItsDoer) {
  const Document d = test::analyse_in("Pakistan", "On 3 March, a policeman was killed when a bomb attached to a "
                                                  "motorcycle exploded in Quetta.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Pakistan)"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Police Forces of Pakistan"});
  const Document n = test::analyse_in("Pakistan", "On 3 March, BLA fighters attacked the No. 2 police station in "
                                                  "Turbat with bombs.");
  const Event* f = test::main_event(n);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(n, f->actor2), std::vector<std::string>{"Police Forces of Pakistan"});
}

// Villagers or a village self-defence who meet an attack with force fight it: one battle with the
// attackers, no riot beside the attack.
TEST(AcledRules, VillagersWhoRepelAnAttackFightABattleNoRiot) {
  for (const char* text : {"On 3 March, Fulani gunmen attacked the village of Kolo. The village self-defence "
                           "repelled the attack.",
                           "On 3 March, Fulani gunmen attacked the village of Kolo, and villagers fought back."}) {
    const Document d = test::analyse_in("Niger", text);
    const Event* e = test::main_event(d);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(e->sub_event_type, "Armed clash") << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Fulani Ethnic Militia (Niger)"}) << text;
    for (const Event& x : d.events) EXPECT_NE(x.sub_event_type, "Mob violence") << text;
  }
}

// Two peoples' groups that clash, or clans named before their noun after "between", fight a
// battle of their militias, no riot.
TEST(AcledRules, PeoplesGroupsAndNamedClansThatClashFightABattle) {
  EXPECT_EQ(coded("On 3 March, Pokot and Turkana groups clashed near Kainuk, leaving two dead."), "Armed clash");
  const Document d = test::analyse_in("Kenya", "On 3 March, Pokot and Turkana groups clashed near Kainuk, leaving "
                                               "two dead.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Pokot Ethnic Militia (Kenya)"});
  EXPECT_EQ(coded("On 3 March, clashes between the Abgaal and Habar Gidir clans broke out in Mogadishu."),
            "Armed clash");
}

// Who "made" an incursion or an attack did it: "made" is a verb whose object is the attack.
TEST(AcledRules, WhoMadeAnIncursionDidIt) {
  const Document d = test::analyse_in("Niger", "On 3 March, presumed ISWAP militants made an incursion into "
                                               "Bosso.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Islamic State West Africa Province"});
}

// One person who "died" is one death, as one "killed" is; cattle that died are none.
TEST(AcledRules, APersonWhoDiedIsOneDeathCattleNone) {
  EXPECT_EQ(toll("On 3 March, a bomb exploded near the market in Jowhar. A soldier died."), 1);
  EXPECT_EQ(toll("On 3 March, soldiers shelled the village of Jowhar. Some houses burned and cows also died.").value_or(0), 0);
}

// Troops marching move; people marching demonstrate, whoever's wives or associations they are.
TEST(AcledRules, SoldiersMarchingMoveAndNoDemonstration) {
  EXPECT_EQ(coded("On 3 March, rebels ambushed soldiers marching towards Kidal."), "Armed clash");
  const Document d = test::analyse_in("Mali", "On 3 March, rebels ambushed soldiers marching towards Kidal.");
  for (const Event& e : d.events) EXPECT_NE(e.event_type, "Protests") << e.sub_event_type;
  EXPECT_EQ(coded("On 3 March, soldiers' wives marched in Bamako to demand the release of their husbands."),
            "Peaceful protest");
}

// An operation told as the subject of a killing is its maker's: "operations by the army killed".
// And what a report names as the act's reason ("in reaction to the killing of a guard") is
// background, not its event.
TEST(AcledRules, AnOperationByForcesThatKilledIsTheirsAndWhatItReactedToIsBackground) {
  const Document d = test::analyse_in("Somalia", "On 3 March, an operation by Somali forces killed 12 al Shabaab "
                                                 "militants near Jilib.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Armed clash");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Somalia"});
  const Document r = test::analyse_in("Somalia", "On 3 March, soldiers burned shops in Jilib in reaction to the "
                                                 "killing of a soldier the day before.");
  const Event* f = test::main_event(r);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sub_event_type, "Looting/property destruction");
  EXPECT_EQ(r.events.size(), 1u);
}

// "troops stationed in the hills shelled", "the army based in the town fired artillery shells".
TEST(AcledRules, TheSubjectOfShelledOrFiredShellsIsItsDoerPastWhereItStood) {
  for (const char* text : {"On 3 March, Ethiopian troops stationed in the hills above Dessie shelled the town.",
                           "On 3 March, the Ethiopian army based in Kombolcha fired artillery shells at Dessie.",
                           "On 3 March, Ethiopian troops stationed there fired mortars at the village."}) {
    const Document d = test::analyse_in("Ethiopia", text);
    const Event* e = test::main_event(d);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(e->sub_event_type, "Shelling/artillery/missile attack") << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Ethiopia"}) << text;
  }
}

// passer-by was hurt". Not when that sentence tells its own attack, nor soldiers hurt.
TEST(AcledRules, TheWoundedTheSentenceAfterABlastTellsAreItsCivilians) {
  for (const char* text : {"On 3 March, two explosions occurred near the bus park in Gulu. One person was injured.",
                           "On 3 March, a bomb went off outside a tea shop in Gulu. A passer-by was injured."}) {
    const Document d = test::analyse_in("Uganda", text);
    const Event* e = test::main_event(d);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED") << text;
    EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Uganda)"}) << text;
  }
  const Document s = test::analyse_in("Uganda", "On 3 March, a bomb exploded near an army truck in Kasese. Three "
                                                "soldiers were injured.");
  const Event* f = test::main_event(s);
  ASSERT_TRUE(f);
  EXPECT_EQ(names(s, f->actor2), std::vector<std::string>{"Military Forces of Uganda"});
  // Who "installed" or "buried" a bomb laid it.
  const Document b = test::analyse_in("Uganda", "On 3 March, a bomb installed by ADF rebels exploded near Kasese.");
  const Event* g = test::main_event(b);
  ASSERT_TRUE(g);
  EXPECT_EQ(names(b, g->actor1), std::vector<std::string>{"ADF: Allied Democratic Forces"});
}

TEST(AcledRules, AWeaponUsedByFiringItIsTheMeansOfTheAttackAndAWithdrawalEndsIt) {
  const Document d = test::analyse("On 3 March, ADF rebels attacked an army post near Beni by firing rockets followed "
                                   "by gunfire, and the assailants later withdrew.",
                                   "2024-03-14");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"ADF: Allied Democratic Forces"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of the Democratic Republic of Congo"});
  for (const Event& x : d.events) EXPECT_NE(x.sub_event_type, "Non-violent transfer of territory") << x.id;
  // Drones used are the attackers' means, not what they attacked.
  const Document u = read("On 3 March, Houthi forces attacked a cargo ship off Hodeidah using drones.");
  const Event* f = test::main_event(u);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sub_event_type, "Air/drone strike");
}

TEST(AcledRules, PeopleFoundKilledByHandsUnknownWereAttackedNotRioting) {
  // "Three men found killed": a reduced passive; the men are the victims, no mob.
  const Document d = test::analyse_in("Kenya", "Three men found killed near Garissa; the perpetrators are unknown.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(e->fatalities.value_or(0), 3);
  // Uniformed men are a state's forces; a clan's men who attack are its militia, no mob.
  EXPECT_EQ(coded("On 3 March, several herders were killed by uniformed men near Menaka."), "Attack");
  const Document u = test::analyse_in("Mali", "On 3 March, several herders were killed by uniformed men near Menaka.");
  const Event* f = test::main_event(u);
  ASSERT_TRUE(f);
  EXPECT_EQ(names(u, f->actor1), std::vector<std::string>{"Military Forces of Mali"});
  EXPECT_EQ(coded("On 3 March, members of the Rer Ali clan attacked villagers near Mandera and killed two."), "Attack");
  // Batons a crowd carries are its weapons, no police intervention.
  const Document b = read("On 3 March, members of the Soninke community equipped with batons and knives attacked two "
                          "families in Diandioume.");
  for (const Event& x : b.events) EXPECT_NE(x.sub_event_type, "Protest with intervention") << x.id;
}

TEST(AcledRules, APassiveVerbsDoerMayBeNamedAfterAPhraseOfWhereAndAWarshipIsItsNavys) {
  const Document d = test::analyse_in("Kenya", "On 3 March, a charcoal trader was shot in the leg by a police officer "
                                               "in Malindi.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Police Forces of Kenya"});
  // (Not a participle's "by": "a junction guarded by the military" names no doer of the blast.)
  const Document j = test::analyse_in("Myanmar", "On 3 March, a bomb exploded near a junction guarded by the military "
                                                 "in Bhamo.");
  const Event* b = test::main_event(j);
  ASSERT_TRUE(b);
  EXPECT_EQ(names(j, b->actor1), std::vector<std::string>{"Unidentified Armed Group (Myanmar)"});
  const Document w = test::analyse_in("Kenya", "On 3 March, a Kenyan naval vessel sank a fishing boat near Kiunga, "
                                               "killing seven fishermen.");
  const Event* v = test::main_event(w);
  ASSERT_TRUE(v);
  EXPECT_EQ(names(w, v->actor1), std::vector<std::string>{"Military Forces of Kenya"});
}

TEST(AcledRules, ADemonstrationAboutSomethingYearsOldHappenedNow) {
  const Document d = read("Thousands marched in Ouagadougou in memory of a journalist assassinated in 1998.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Peaceful protest");
  EXPECT_EQ(e->date.substr(0, 4), "2024");  // (the march's, not the grievance's)
  const Document m = read("Activists protested in Bamako against the release of officers accused of killings in "
                          "October 2019.");
  const Event* f = test::main_event(m);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sub_event_type, "Peaceful protest");
  EXPECT_EQ(f->date.substr(0, 4), "2024");
  // Violence dated years back is still the war's history, no event now.
  EXPECT_EQ(coded("Rebels seized the town in 2014, and protesters marched there in 2015."), "none");
}

TEST(AcledRules, PeopleWhoCrowdOrCampSomewhereToDemandSomethingDemonstrate) {
  EXPECT_EQ(coded("Nurses crowded the hospital gate in Lilongwe demanding unpaid allowances."), "Peaceful protest");
  EXPECT_EQ(coded("Hundreds of traders thronged the town hall in Kisumu chanting slogans against new levies."),
            "Peaceful protest");
  // (Gathered for no stated purpose, they only gathered.)
  EXPECT_EQ(coded("Displaced families camped in schools in Goma after the floods."), "none");
}

TEST(AcledRules, AnOfficialNamedWithATitleAfterACommaIsTheSourceNotTheVictim) {
  const Document d = test::analyse_in("Ukraine", "In the southern city of Odesa, a missile hit a residential building on "
                                                 "Monday, wounding 12 people, Governor Oleh Kiper said.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  for (const std::string& n : names(d, e->actor2)) EXPECT_EQ(n.find("Kiper"), std::string::npos) << n;
}

TEST(AcledRules, SuchAttacksAndEarlierOnesAreNoEvent) {
  EXPECT_EQ(coded("No group claimed responsibility, but the Pakistani Taliban have carried out such attacks."), "none");
  EXPECT_EQ(coded("The group also claimed an earlier bombing of a checkpoint."), "none");
}

TEST(AcledRules, AWeaponMadeSafeIsADisruptedUseByWhoeverMadeItSafe) {
  EXPECT_EQ(coded("Engineers cleared 35 landmines planted by militants along the road to Kidal on Monday."),
            "Disrupted weapons use");
  const Document d = test::analyse_in("Nigeria", "Police defused two bombs planted near a church in Kaduna on Sunday.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events.front().sub_event_type, "Disrupted weapons use");
  EXPECT_EQ(names(d, d.events.front().actor1), std::vector<std::string>{"Police Forces of Nigeria"});
  // A bomb that went off is an explosion.
  EXPECT_EQ(coded("Militants planted a bomb near the market in Gao, which exploded on Monday, killing two people."),
            "Remote explosive/landmine/IED");
}

TEST(AcledRules, WhoSaysATollIsNoOneMoreOfIt) {
  EXPECT_EQ(toll("Security forces opened fire on protesters in Khartoum on Thursday, killing five people, a doctors' "
                 "committee said."),
            5);
  // A noun of people may qualify the one killed: "a civilian driver" is one more.
  EXPECT_EQ(toll("Seven soldiers and a civilian driver were killed by the explosion of an IED near Douentza on Monday."), 8);
}

TEST(AcledRules, ViolenceAskedForOrApprovedIsNoEvent) {
  EXPECT_EQ(coded("The president asked parliament to authorize military strikes against the rebels."), "none");
  EXPECT_EQ(coded("Opposition leaders called for protests in Nairobi next week."), "none");
  // Riots that a leader called for happened.
  EXPECT_EQ(coded("Rioters burned tyres in Kisumu on Monday in riots called for by opposition leaders."), "Violent demonstration");
}

TEST(AcledRules, ViolenceNamedByItsDayHappenedWhateverIsPlannedAboutIt) {
  EXPECT_EQ(coded("The resolution would include a condemnation of the March 2 car bomb attack on a market in Mogadishu."),
            "Remote explosive/landmine/IED");
}

TEST(AcledRules, WeaponsHandedOverAreNoAttack) {
  EXPECT_EQ(coded("The plan requires the government to hand over its chemical weapons within a year."), "none");
}

TEST(AcledRules, FightingThatIsTheSceneOfAFlightIsNoEventHere) {
  EXPECT_EQ(coded("Thousands of families fled to escape the fighting near Marib on Monday."), "none");
  EXPECT_EQ(coded("Residents left their homes amid heavy clashes in the north, aid workers said."), "none");
  // Fleeing after a clash told as such is no backdrop: the clash happened.
  EXPECT_EQ(coded("Al Shabaab fighters fled after clashing with Kenyan troops near Mandera on Monday."), "Armed clash");
}

TEST(AcledRules, TheWarsHistoryAndItsDescriptionsAreNoEvents) {
  // (Reported 2024-03-14.)
  EXPECT_EQ(coded("The militia was formed in 2019 during the civil war in Libya."), "none");
  EXPECT_EQ(coded("Rebels seized the town of Kafr Nabl in 2014 after weeks of fighting."), "none");
  EXPECT_EQ(coded("Yemen's civil war, now in its tenth year, has killed more than 150,000 people."), "none");
  EXPECT_EQ(coded("The RSF is regarded as the most effective fighting force in Darfur."), "none");
  // Last year's events may still be reported now.
  EXPECT_EQ(coded("Rebels seized the town of Kafr Nabl in 2023 after weeks of fighting."), "Non-state actor overtakes territory");
}

TEST(AcledRules, WhoPlantedTheDeviceToldAfterwardsIsActor1) {
  const Document d = read("On 3 March, a truck struck an IED near Mandera, killing two people. The device was likely "
                          "planted by Al Shabaab militants.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
}

TEST(AcledRules, WhoTheAttackIsAttributedToIsActor1) {
  const Document d = read("On 3 March, a bomb exploded at a bus station in Mogadishu, killing four people. Police "
                          "attributed the attack to Al Shabaab.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
}

TEST(AcledRules, AMonthIsNoMarchWhoseGrievanceHidesTheAttack) {
  // "March" opens the note; the ambush after "following" is the soldiers' killers, not a protest's topic.
  const Document d = read("On 2 March, more than 3 soldiers were killed following an ambush by Al Shabaab militants "
                          "near Mandera.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Armed clash");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
}

TEST(AcledRules, WhoSpeaksIsASourceNotAnActor) {
  const Document d = read("A Malian army spokesman said gunmen killed two farmers near Mopti.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  for (const std::string& name : names(d, e->actor1)) EXPECT_EQ(name.find("Military Forces"), std::string::npos);
}

// Fatalities as ACLED counts them.
TEST(AcledRules, NoCasualtiesIsZeroAndInjuriesAreNotDeaths) {
  EXPECT_EQ(toll("No casualties were reported after gunmen attacked a police post in Kidal.").value_or(0), 0);
  // One person named in the singular as what an attack left dead is one death.
  EXPECT_EQ(toll("Gunmen stormed a village in Zamfara on Tuesday, leaving a farmer dead and two others wounded."), 1);
  EXPECT_EQ(toll("Rockets hit a district of Homs on Friday, leaving an elderly woman killed and nine people injured."), 1);
  EXPECT_EQ(toll("Five people were injured when gunmen opened fire on a bus near Isiolo.").value_or(0), 0);
}

// Headline verbs of killing count their victims as the dead: "guns down", "murdered".
TEST(AcledRules, HeadlineVerbsOfKillingCountTheirVictims) {
  EXPECT_EQ(toll("Bandits gun down three traders near Gusau"), 3);
  EXPECT_EQ(toll("Unknown assailants murdered two farmers in Kajuru on Sunday."), 2);
}

// State media call the dead martyrs: "martyred" is killed.
TEST(AcledRules, TheMartyredAreTheDead) {
  EXPECT_EQ(toll("Four citizens were martyred when a car bomb exploded in a market in Homs."), 4);
  EXPECT_EQ(toll("The shelling of a school in Homs resulted in the martyrdom of 2 children."), 2);
}

TEST(AcledRules, VagueTollsTakeAcledsConservativeReadings) {
  EXPECT_EQ(toll("Several people were killed when militants attacked the village of Tin."), 3);
  EXPECT_EQ(toll("Dozens of villagers were killed when gunmen raided Koro."), 12);
}

TEST(AcledRules, OneVictimNamedWithoutANumberCountsOne) {
  EXPECT_EQ(toll("Bandits shot dead a teacher near Gusau."), 1);
  EXPECT_EQ(toll("A farmer was attacked and killed near Naivasha."), 1);
  EXPECT_EQ(toll("Gunmen killed herders near Baringo.").value_or(0), 0);  // how many, the text does not say
}

TEST(AcledRules, BothSidesTollsAddUp) {
  EXPECT_EQ(toll("Three soldiers and five militants were killed in clashes near Kunduz."), 8);
}

TEST(AcledRules, TheVerbBeforeACountGovernsItNotALaterClause) {
  EXPECT_EQ(toll("Gunmen ambushed a convoy near Gao and killed one soldier and wounded three others."), 1);
  EXPECT_EQ(toll("Troops raided a camp near Tillaberi and killed nine suspected militants and arrested their leader."), 9);
  // A state word already telling an earlier count's fate governs no later count.
  EXPECT_EQ(toll("12 people killed 40 others injured in car bomb in Mogadishu"), 12);
}

TEST(AcledRules, EveryMemberOfAListOfVictimsCounts) {
  EXPECT_EQ(toll("Militants attacked a checkpoint near Mopti, killing two gendarmes, a customs officer, and four "
                 "civilians."),
            7);
  EXPECT_EQ(toll("Militants ambushed a patrol near Dori; three policemen and an attacker were killed."), 4);
  // A list after "including" is part of the count already made.
  EXPECT_EQ(toll("An air strike killed ten people near Idlib, including two women and a child."), 10);
}

TEST(AcledRules, TheYearOfADateIsNoCountWhateverFollowsIt) {
  EXPECT_EQ(toll("March 4 2024 Terrorists executed two shepherds near Tillaberi."), 2);
  EXPECT_EQ(toll("On 23 October 2023 Gunmen killed a trader in Gusau."), 1);
}

TEST(AcledRules, TheTollANoteSaysItCodesIsTheToll) {
  EXPECT_EQ(toll("Two policemen were killed in an attack by militants on a checkpoint in Ghazni. "
                 "Fatalities coded as 0 (two reported by one source)."),
            0);
}

TEST(AcledRules, NeverATollFromDatesTimesAgesOrKillers) {
  EXPECT_EQ(toll("On 12 March, gunmen shot dead a teacher in Djibo."), 1);
  EXPECT_EQ(toll("On March 11, militiamen burned three huts and killed two sheep in Madougou.").value_or(0), 0);
  EXPECT_EQ(toll("A police officer was killed by two gunmen in Mombasa at 0930."), 1);
}

// What a raid carried off is looting, not territory changing hands: the verbs of taking are
// the same ("seized the town" is territory).
TEST(AcledRules, GoodsSeizedAreLootingNotTerritory) {
  EXPECT_EQ(coded("On 4 March, gunmen seized about two hundred heads of cattle from herders near Kajuru."),
            "Looting/property destruction");
  EXPECT_EQ(coded("On 9 June, suspected militants seized three motorbikes and mobile phones from traders on the Dori road."),
            "Looting/property destruction");
  EXPECT_EQ(coded("On 9 June, jihadist militants seized the town of Tillaberi."),
            "Non-state actor overtakes territory");
}

// Blowing something up is an explosive's work; overtaking a place is taking it.
TEST(AcledRules, BlowingUpIsAnExplosiveAndOvertakingIsTakingAPlace) {
  EXPECT_EQ(coded("On 2 May, ethnic rebels blew up a railway bridge near Kyaukme."), "Remote explosive/landmine/IED");
  EXPECT_EQ(coded("Militants blasted a mine against a police truck near Bannu, wounding four officers."),
            "Remote explosive/landmine/IED");
  EXPECT_EQ(coded("On 7 July, al Shabaab fighters overtook the village of Bula Haji."),
            "Non-state actor overtakes territory");
}

// A negation cue written with a capital after a small word is a name's: "the No Surrender Brigade".
TEST(AcledRules, ANegationWordInsideAGroupsNameDeniesNothing) {
  EXPECT_EQ(coded("On 3 May, the No Surrender Brigade and local militiamen hurled grenades at a police post in Ahmadabad."),
            "Grenade");
  EXPECT_EQ(coded("No grenades were thrown at the police post, officials said."), "none");
}

// Only the state, its forces and the militias that fight as its auxiliaries (sides.tsv) regain
// territory: an unidentified armed group or an Islamist militia taking a town overtakes it.
TEST(AcledRules, OnlyTheStateAndItsAuxiliariesRegainTerritory) {
  EXPECT_EQ(coded("On 9 June, jihadist militants seized the town of Tillaberi."), "Non-state actor overtakes territory");
  EXPECT_EQ(coded("On 9 June, unknown gunmen took control of the village of Tamou."), "Non-state actor overtakes territory");
  EXPECT_EQ(coded("On 9 June, the army recaptured the town of Tillaberi."), "Government regains territory");
  EXPECT_EQ(coded("On 9 June, pro-government militias recaptured the town of Tillaberi."), "Government regains territory");
}

// An armed group's lethal attack with no target named killed people, not combatants: an attack;
// without a death, or with combatants among the dead, a battle.
TEST(AcledRules, ALethalAttackWithNoTargetNamedIsOnCivilians) {
  EXPECT_EQ(coded("On 3 May, unknown gunmen carried out an attack in Wajir town, killing three."), "Attack");
  EXPECT_EQ(coded("On 3 May, bandits attacked and killed two near Marigat."), "Attack");
  EXPECT_EQ(coded("On 3 May, militants attacked near Ghazni, killing five soldiers."), "Armed clash");
}

// Barricades and burning tyres are a demonstration's means; stones thrown are a demonstration's
// violence at a demonstration, else a mob's; the state's barricades are no disorder.
TEST(AcledRules, BarricadesAreAViolentDemonstrationAndStonesAMobsOutsideOne) {
  EXPECT_EQ(coded("On 4 May, residents of Tabligbo barricaded the main road with burning tyres, demanding electricity."),
            "Violent demonstration");
  EXPECT_EQ(coded("On 4 May, villagers threw stones at a bus carrying football fans near Mbale."), "Mob violence");
  EXPECT_EQ(coded("On 4 May, students protesting fee increases threw stones at the university gate in Zomba."),
            "Violent demonstration");
  EXPECT_EQ(coded("On 4 May, soldiers pelted the market in Goma with stones."), "none");
}

// The dead of a blast, a shell or an air strike the text does not name are ACLED's Civilians of
// the country; a blast that killed nobody has no victims to name, and named victims stay.
TEST(AcledRules, TheUnnamedDeadOfABlastAreCivilians) {
  const Document d = read("On 3 May, a bomb exploded at a market in Maiduguri, killing seven people.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Nigeria)"});
  const Document none = read("On 3 May, a bomb exploded near a market in Maiduguri. No casualties were reported.");
  ASSERT_TRUE(test::main_event(none));
  EXPECT_TRUE(test::main_event(none)->actor2.empty());
  const Document soldiers = read("On 3 May, a roadside bomb struck a police vehicle near Kismayo, killing four police officers.");
  ASSERT_TRUE(test::main_event(soldiers));
  EXPECT_EQ(names(soldiers, test::main_event(soldiers)->actor2), std::vector<std::string>{"Police Forces of Somalia"});
}

// "attacked Djibo, Burkina Faso": the country set off after the town says where it lies; it is no
// party, and the attack on the town's people no battle with the state.
TEST(AcledRules, ACountrySetOffAfterATownIsNoParty) {
  const Document d = read("On 21 July, JNIM militants attacked Djibo, Burkina Faso, killing 12 civilians.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Burkina Faso)"});
}

// Whom others blame is actor1, an air strike's too: the state's air force is only the default.
TEST(AcledRules, WhomTheSourcesBlameDidIt) {
  const Document d = read("A drone strike on a wedding party in El Obeid killed nine people on Tuesday, local activists "
                          "said, blaming the paramilitary Rapid Support Forces.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"RSF: Rapid Support Forces"});
}

// A battle is one event whoever struck first: the army repelling an assault is one clash.
TEST(AcledRules, ABattleToldFromBothSidesIsOneClash) {
  const Document d = read("On 10 June, the army said it had repelled an RSF assault on El Obeid.");
  std::size_t clashes = 0;
  for (const Event& e : d.events) clashes += e.sub_event_type == "Armed clash";
  EXPECT_EQ(clashes, 1u);
}

// A toll of weeks or months of violence is no one event's ("after weeks of protests in which
// nearly 300 people were killed"); a day's is.
TEST(AcledRules, ATollOfWeeksIsNoOneEventsToll) {
  EXPECT_EQ(toll("On 5 August, protesters stormed the prime minister's residence in Dhaka after weeks of protests in "
                 "which nearly 300 people were killed."),
            std::nullopt);
  EXPECT_EQ(toll("On 4 August, police fired on protesters in Dhaka, killing at least 90 people."), 90);
}

// "No one was killed" counts nobody; "two others wounded" after a death are wounded, not dead;
// "killing at least 10 and injuring 1" still has its ten dead.
TEST(AcledRules, TheWoundedAndNobodyAreNoDead) {
  EXPECT_EQ(toll("On 6 May, a bomb exploded outside a bank in Quetta. No one was killed."), std::nullopt);
  EXPECT_EQ(toll("On 6 May, a soldier was killed and two others wounded when their vehicle hit a mine near Mopti."), 1);
  EXPECT_EQ(toll("On 6 May, gunmen attacked a checkpoint near Gao, killing at least 10 and injuring 1."), 10);
}

// What people fear or urge has not happened.
TEST(AcledRules, AFearedAttackIsNoEvent) {
  EXPECT_EQ(coded("Residents fear a new attack by Al-Shabaab on the town of Garissa."), "none");
  EXPECT_EQ(coded("The UN urged the army to end air strikes on Idlib."), "none");
}

// One sentence telling a riot's looting and its burning tells one violent demonstration.
TEST(AcledRules, LootingAndBurningToldTogetherAreOneRiot) {
  const Document d = read("On 2 May, protesters in Port Moresby looted shops and set fire to buildings after police went "
                          "on strike.");
  std::size_t riots = 0;
  for (const Event& e : d.events) riots += e.sub_event_type == "Violent demonstration";
  EXPECT_EQ(riots, 1u);
}

// "attacked a military convoy with landmines": one event, the explosion, not a clash beside it.
TEST(AcledRules, AnAttackMadeWithMinesIsTheExplosion) {
  const Document d = read("On 3 May, PDF fighters attacked a military convoy with landmines in Sagaing region, killing 12 "
                          "soldiers.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Remote explosive/landmine/IED");
}

// "Violent anti-government protests": an unrest word before a demonstration word, with words
// between, is the demonstrators' own violence; not across a preposition, nor "non-violent".
TEST(AcledRules, ViolentProtestsWithWordsBetweenAreViolentDemonstrations) {
  EXPECT_EQ(coded("Violent anti-government protests broke out in Mombasa on Monday."), "Violent demonstration");
  EXPECT_EQ(coded("Rowdy student demonstrations paralysed Eldoret on Monday."), "Violent demonstration");
  EXPECT_EQ(coded("Thousands joined a non-violent protest in Mombasa on Monday."), "Peaceful protest");
}

// "Members of the party clashed with police during their rally": the members are the party's
// people, not the police named after the verb; in a demonstration they riot.
TEST(AcledRules, PartyMembersWhoClashWithPoliceAtTheirRallyRiot) {
  const Document d = read("Members of the Democratic Union clashed with police in Lilongwe during their rally against "
                          "fuel prices.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->sub_event_type, "Violent demonstration");
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Police Forces of Malawi"});
  EXPECT_EQ(coded("Members of the Democratic Union clashed with members of the Labour Front in Lilongwe."),
            "Mob violence");
}

// "fired three to four rounds of artillery": a range of numbers is the object's own, and the
// subject before the verb fired them.
TEST(AcledRules, ARangeOfRoundsFiredIsTheSubjectsShelling) {
  const Document d = test::analyse_in("Myanmar", "The Myanmar military fired three to four rounds of artillery around "
                                      "the village of Nam Hpat.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Myanmar"});
}

// "Afghan commando forces", "French commandos": a state's commandos are its military, the
// demonym's, not the story's country's.
TEST(AcledRules, CommandoForcesAreTheirStatesMilitary) {
  Document d = test::analyse_in("Afghanistan", "Afghan commando forces raided a Taliban hideout in Herat, killing "
                                               "four militants.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Afghanistan"});
  d = test::analyse_in("Mali", "French commandos killed three militants near Mopti.");
  e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of France"});
}

// "opened indiscriminate fire", "opened random fire", "opened gunfire": the words between do not
// make the opening of fire any less an attack.
TEST(AcledRules, FireOpenedIndiscriminatelyIsAnAttack) {
  const Document d = test::analyse_in("Myanmar", "Soldiers opened indiscriminate fire on villagers in Kani, killing two.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->sub_event_type, "Attack");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Myanmar"});
  EXPECT_EQ(coded("Gunmen opened random fire at a bus station in Garissa."), "Attack");
}

// "Strikes carried out by Washington": a capital after "by" is its state acting, as its
// subject would be; a list after "by" ("rebels backed by Ankara and Doha attacked") is the
// preposition's object to its last name, and who acted stands before it.
TEST(AcledRules, ACapitalAfterByActsAndAListAfterByIsNoSubject) {
  Document d = test::analyse_in("Syria", "Strikes carried out by Washington and its allies killed 31 civilians in Idlib.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of the United States"});
  d = test::analyse_in("Syria", "Rebels backed by Ankara and Doha attacked the town of Saraqeb.");
  e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Syrian rebels"});
  // (After "of" or "from" the list is whose men act: "fighters from Hezbollah and the army".)
  d = test::analyse_in("Syria", "Fighters from Hezbollah and the army attacked the town of Saraqeb.");
  e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(names(d, e->actor1), (std::vector<std::string>{"Hezbollah", "Military Forces of Syria"}));
}

// Headlines and notes tell a capture in the present: "Army recaptures Kidal", "Rebels seize
// Menaka"; the name after the verb is the place taken. Ground an attempt may not have won is not
// taken.
TEST(AcledRules, CapturesToldInThePresentTakeGround) {
  EXPECT_EQ(coded("Malian troops recapture Kidal"), "Government regains territory");
  EXPECT_EQ(coded("Tuareg rebels seize Menaka"), "Non-state actor overtakes territory");
  EXPECT_EQ(coded("The army has been attempting to seize Menaka for two years."), "none");
}

// Prison warders and customs officers are the state's police, as ACLED names them, not an
// unidentified armed group.
TEST(AcledRules, PrisonWardersAndCustomsOfficersAreThePolice) {
  for (const char* text : {"Prison warders beat three relatives of an inmate outside the prison in Kisumu.",
                           "Customs officers shot dead a smuggler near Busia."}) {
    const Document d = test::analyse_in("Kenya", text);
    const Event* e = test::main_event(d);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Police Forces of Kenya"}) << text;
  }
}

// Petrol and crude bombs are a crowd's weapons, thrown as stones are: a mob's violence, not a
// planted explosive; an armed group that throws them attacks.
TEST(AcledRules, ThrownPetrolBombsAreACrowdsViolence) {
  EXPECT_EQ(coded("Youths threw petrol bombs at a police station in Kisumu on Sunday night."), "Mob violence");
  EXPECT_EQ(coded("Supporters of the two candidates hurled crude bombs at each other's homes in Kisumu."),
            "Mob violence");
  EXPECT_EQ(coded("A car bomb exploded outside a police station in Kisumu on Sunday."), "Remote explosive/landmine/IED");
  // "exploded crude bombs", as South Asian outlets write the throwing: the crowd's bombs still.
  EXPECT_EQ(coded("Unknown men exploded crude bombs in front of a councillor's house in Rajshahi."), "Mob violence");
}

// Forces that enter a village and kill its people attacked them; they captured nothing from an
// armed side (combine.tsv).
TEST(AcledRules, EnteringAVillageAndKillingItsPeopleIsAnAttack) {
  const Document d = read("Soldiers entered the village of Kalama on Tuesday and killed 14 civilians.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_EQ(d.events[0].fatalities, 14);
}

// "a number of militants", "a group of fighters": a noun for several people before "of" and a
// plural is no single victim, so no toll of one (counted.tsv's group nouns).
TEST(AcledRules, ANumberOfThemIsNoOneDeath) {
  EXPECT_EQ(toll("Troops killed a number of militants near Kalama on Tuesday."), std::nullopt);
  EXPECT_EQ(toll("Troops killed a group of armed men near Kalama on Tuesday."), std::nullopt);
  EXPECT_EQ(toll("Gunmen killed a family of five near Kalama on Tuesday."), 5);
}

// "Rival gangs clashed": one kind of party fought itself, ACLED's actor1 and actor2 alike.
TEST(AcledRules, RivalsOfOneKindAreBothSidesOfTheirClash) {
  for (const auto& [country, text, name] :
       {std::tuple{"Haiti", "Rival gangs clashed in Cite Soleil on Sunday.", "Unidentified Gang (Haiti)"},
        std::tuple{"Somalia", "Clashes between rival clans left six people dead near Galkayo.",
                   "Unidentified Clan Militia (Somalia)"}}) {
    const Document d = test::analyse_in(country, text);
    const Event* e = test::main_event(d);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->sub_event_type, "Armed clash") << text;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{name}) << text;
    EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{name}) << text;
  }
}

// Shooting told in the progressive ("began firing at", "were firing on") is the attack that
// "fired at" is.
TEST(AcledRules, FiringAtSomeoneIsAnAttackAsFiredAtIs) {
  EXPECT_EQ(coded("Armed men stopped a police vehicle near Eldoret and began firing at the officers."), "Armed clash");
  EXPECT_EQ(coded("Soldiers were firing on a rebel camp near Eldoret on Sunday."), "Armed clash");
}

// "Nobody was injured", as "no one was injured", says a wounding did not happen: no attack beside
// the march (modality.tsv's negation words).
TEST(AcledRules, NobodyHurtIsNoAttack) {
  for (const std::string text : {"Teachers marched through Gulu on Monday. Nobody was injured.",
                                 "Teachers marched through Gulu on Monday; none were injured."}) {
    const Document d = read(text);
    ASSERT_EQ(d.events.size(), 1u) << text;
    EXPECT_EQ(d.events[0].sub_event_type, "Peaceful protest") << text;
  }
}

// "ambushed the soldiers using landmines": the weapon is the means of the verb, used by its
// subject; the soldiers just before "using" are what was attacked, not who laid the mines.
TEST(AcledRules, AWeaponUsedInAnAttackIsTheVerbsSubjects) {
  const Document d = test::analyse_in("Myanmar", "On 3 May, an unknown armed group ambushed the soldiers using landmines "
                                                 "near Kale.");
  const Event* e = test::main_event(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Myanmar)"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Myanmar"});
}

// "resistance forces" are the People's Defense Force in a story from Myanmar, and no group of
// Myanmar's elsewhere: a generic word (conventions.tsv's kind "resistance") names the group of the
// story's country.
TEST(AcledRules, ResistanceForcesAreTheResistanceOfTheStorysCountry) {
  auto actor1 = [](const std::string& country, const std::string& text) {
    const Document d = test::analyse_in(country, text);
    const Event* e = test::main_event(d);
    return e ? names(d, e->actor1) : std::vector<std::string>{};
  };
  EXPECT_EQ(actor1("Myanmar", "On 3 May, a local resistance force attacked a police station in Kale."),
            std::vector<std::string>{"People's Defense Force"});
  EXPECT_EQ(actor1("Ukraine", "On 3 May, resistance fighters attacked a police station in Melitopol."),
            std::vector<std::string>{"Ukrainian resistance forces"});
}

// Actor slots: a generic word is a placeholder the text may name ("terrorist mortar attacks by
// the X group"; "X (a gloss) terrorists"), "terrorists" who are killed are ACLED's Unidentified
// Armed Group, and who speaks of a clash ("residents said clashes broke out") is no party to it.
TEST(AcledRules, TheGroupTheTextNamesFillsAGenericWordsSlot) {
  auto actor1 = [](const std::string& text) {
    const Document d = read(text);
    const Event* e = test::main_event(d);
    return e ? names(d, e->actor1) : std::vector<std::string>{};
  };
  EXPECT_EQ(actor1("Two people were killed on Monday in terrorist mortar attacks by the Jaish al-Islam group on "
                   "Damascus."),
            std::vector<std::string>{"Jaysh al-Islam"});
  EXPECT_EQ(actor1("Boko Haram (JAS) fighters attacked Gwoza on Monday, killing five soldiers."),
            std::vector<std::string>{"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"});
  EXPECT_EQ(actor1("Al-Shabaab (an al-Qaeda affiliate) militants stormed a hotel in Mogadishu on Monday, killing nine "
                   "people."),
            std::vector<std::string>{"Al Shabaab"});
  const Document d = read("Nigerian troops killed 12 terrorists in Gwoza on Monday, the army said.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Nigeria"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Unidentified Armed Group (Nigeria)"});
  EXPECT_EQ(e->fatalities, 12);
}

TEST(AcledRules, WhoSpeaksOfAClashIsNoPartyToIt) {
  EXPECT_EQ(coded("Residents said clashes broke out in Kidal on Monday."), "Armed clash");
  EXPECT_EQ(coded("Residents of Kidal said there were fierce clashes on Monday."), "Armed clash");
  EXPECT_EQ(coded("Hundreds of people fled Kidal, where fierce clashes erupted on Monday."), "Armed clash");
  EXPECT_EQ(coded("In early November the group started expanding into the countryside around Kidal after clashing "
                  "with other rebel factions."),
            "Armed clash");
}

// A people's village ("a Meitei village") is no village named Meitei: the attack and the houses
// torched in it are one incident at the place the note names. A participle between a preposition
// and its noun ("relatives of disappeared persons") tells of nothing happening.
TEST(AcledRules, APeoplesVillageAndAProtestsGrievanceAreNoPlaceNorEvent) {
  Document d = read("On 2 June 2023, Kuki militants attacked a Meitei village in Bishnupur district (Manipur), torching "
                    "several houses.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_EQ(d.events[0].location, "Bishnupur");
  d = read("On 11 May 2023, relatives of disappeared persons protested in front of the state prosecutor's office in "
           "Culiacan (Sinaloa), demanding progress in investigations.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Peaceful protest");
  EXPECT_EQ(coded("Families demanded justice for killed journalists in a march through Tegucigalpa."), "Peaceful protest");
}

// Sides as notes write them: "RSF fighters and allied Arab militias" are both actor1; "Masalit
// civilians" are the civilians, of that community; two states' forces that "exchanged artillery
// fire" fought a battle; "lynched and burned 13" and "shot and killed 5" are tolls.
TEST(AcledRules, SidesAndTollsAsNotesWriteThem) {
  Document d = test::analyse_in("Sudan", "On 15 June 2023, RSF fighters and allied Arab militias attacked El Geneina "
                                         "(West Darfur), killing 20 Masalit civilians.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  ASSERT_EQ(e->actor1.size(), 2u);
  EXPECT_EQ(names(d, {e->actor1[0]}), std::vector<std::string>{"RSF: Rapid Support Forces"});
  ASSERT_FALSE(e->actor2.empty());
  EXPECT_EQ(names(d, {e->actor2[0]}), std::vector<std::string>{"Civilians (Sudan)"});
  d = read("On 13 March 2024, Armenian and Azerbaijani forces exchanged artillery fire along the border near "
           "Kalbajar.");
  e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Armed clash");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Armenia"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Azerbaijan"});
  EXPECT_EQ(toll("On 12 March 2024, a crowd lynched and burned 13 suspected gang members in Port-au-Prince."), 13);
  EXPECT_EQ(toll("On 11 March 2024, Taliban militants shot and killed 5 policemen in Garmsir district, Helmand."), 5);
  EXPECT_EQ(toll("On 10 March, unknown individuals entered a church in Dissin, beheading several statues."),
            std::nullopt);
}

// Who set a bomb, told between the bomb and what it did ("an IED planted by X exploded", "a bomb
// laid by X struck a convoy"), did the bombing: they are actor1 and never its victims, the soldiers
// it killed are actor2, and the bomb told again ("the device was planted by X") is the same event.
// What follows a verb's "by" ("struck by an IED") is no place.
TEST(AcledRules, WhoPlantedABombIsItsPerpetratorNotItsVictim) {
  Document d = read("On 9 March 2024, an IED planted by suspected JNIM militants exploded on a road near Kona "
                    "(Mopti), killing two soldiers.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims"});
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Military Forces of Mali"});
  d = test::analyse_in("Somalia", "On 9 March 2024, a roadside bomb laid by al-Shabaab struck an army truck in Afgoye, "
                                  "killing three soldiers.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Somalia"});
  d = test::analyse_in("Mali", "On 9 March 2024, a minibus was struck by an IED near Kona, killing three passengers; the "
                               "device was probably planted by JNIM militants.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].location, "Kona");
}

// A state's forces taking ground outside their own country from its forces, or from no one named,
// overtake territory, as ACLED codes a foreign force; a government taking back its own regains it,
// and so does a foreign force fighting beside it against others.
TEST(AcledRules, AForeignStatesForcesTakingGroundOvertakeTerritory) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  EXPECT_EQ(coded("On 9 March 2024, Russian forces captured the village of Krasnohorivka (Donetsk) after weeks of "
                  "fighting."),
            "Non-state actor overtakes territory");
  EXPECT_EQ(coded("On 9 March 2024, Ukrainian forces recaptured the village of Krynky (Kherson) from Russian troops."),
            "Government regains territory");
  EXPECT_EQ(coded("On 9 March 2024, Russian forces seized the town of Avdiivka (Donetsk) from Ukrainian troops."),
            "Non-state actor overtakes territory");
  EXPECT_EQ(coded("On 9 March 2024, Rwandan troops recaptured the town of Mocimboa da Praia (Cabo Delgado) from "
                  "insurgents."),
            "Government regains territory");
}

// A name several actors bear ("SNA") is the one of the story's country, which the places alone may
// tell; the ground it took is the government's regained where that one is the state's forces.
TEST(AcledRules, ANameSeveralActorsBearTakesGroundForTheStorysOne) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse("On 9 March 2024, SNA forces recaptured the town of Bulo Marer (Lower Shabelle) from "
                             "al-Shabaab.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Government regains territory");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Military Forces of Somalia"});
  d = test::analyse("On 9 March 2024, SNA fighters captured the village of Tal Rifaat (Aleppo) from the SDF.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Non-state actor overtakes territory");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Free Syrian Army"});
}

// Who "responded with", "retaliated with" an attack struck back at the armed actor the sentence
// names as striking first: an exchange of fire at one place is one event, the first striker's on
// the responders; a response at another place is another event, on the first striker.
TEST(AcledRules, ThoseWhoRespondWithFireStrikeBackAtWhoStruckFirst) {
  Document d = test::analyse_in("Burkina Faso", "On 9 March 2024, JNIM militants shelled an army base in Djibo, and the "
                                                "soldiers responded with mortar fire; no casualties were reported.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims"});
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Military Forces of Burkina Faso"});
  d = test::analyse_in("Somalia", "On 9 March 2024, al-Shabaab militants ambushed a convoy near Afgoye, and Somali troops "
                                  "retaliated with artillery fire on Bariire.");
  const auto response = std::find_if(d.events.begin(), d.events.end(), [](const Event& e) {
    return e.sub_event_type == "Shelling/artillery/missile attack";
  });
  ASSERT_NE(response, d.events.end());
  EXPECT_EQ(names(d, response->actor1), std::vector<std::string>{"Military Forces of Somalia"});
  EXPECT_EQ(names(d, response->actor2), std::vector<std::string>{"Al Shabaab"});
}

// A country's air defence is its military forces.
TEST(AcledRules, ACountrysAirDefenceIsItsMilitaryForces) {
  const Document d = read("On 3 February 2024, Ukrainian air defence shot down 12 Russian drones over Kyiv.");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Disrupted weapons use");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Ukraine"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Russia"});
}

// Aircraft named by whose they are strike from the air, whatever verb tells it and whatever
// stands between ("Russian aircraft struck", "Israeli jets later struck"); their country's
// military is actor1, the state's own when the text says only "military aircraft".
TEST(AcledRules, AircraftThatStrikeAPlaceMakeAnAirStrikeByTheirForces) {
  Document d = test::analyse_in("Syria", "On 9 March 2024, Russian aircraft struck a market in Idlib, killing 12 civilians.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Military Forces of Russia"});
  d = test::analyse_in("Myanmar", "On 9 March 2024, military aircraft bombed a village in Sagaing region, killing 12 civilians.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Military Forces of Myanmar"});
  d = test::analyse_in("Lebanon", "On 9 March 2024, Israeli jets later struck Hezbollah positions in Bint Jbeil.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Hezbollah"});
}

// "struck", "hit", "pounded" tell violence only when an armed party, a state or aircraft strike:
// "floods hit the region" is none; and a vehicle that "struck an IED" is the bomb's victim, one
// event, not the striker of a second.
TEST(AcledRules, ABlowStruckIsViolenceOnlyWhenAnArmedPartyStrikesIt) {
  Document d = test::analyse_in("Mali", "On 9 March 2024, JNIM militants pounded a military camp in Boni.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims"});
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Military Forces of Mali"});
  d = test::analyse_in("Mali", "On 9 March 2024, heavy floods hit the Mopti region, and a storm struck Sevare.");
  EXPECT_TRUE(d.events.empty());
  d = test::analyse_in("Mali", "On 9 March 2024, three soldiers were killed when their vehicle struck an IED near "
                               "Boni. The device was likely planted by JNIM militants.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Military Forces of Mali"});
}

// A part of a country by its compass point is a place, not the country's state: "air strikes on
// southern Lebanon" have no Lebanese target and happen in Lebanon.
TEST(AcledRules, ACountryAfterACompassPointIsAPlaceNotItsState) {
  Document d = test::analyse_in("Israel", "On 9 March 2024, the Israeli army responded with air strikes on southern Lebanon.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(d.events[0].actor2.empty());
  EXPECT_EQ(d.events[0].country, "LBN");
}

// Arms taken from those who would use them are their disrupted use, by whoever took them, and a
// raid told as where it was done is that subject's search, no attack on anyone; arms merely named
// are no event.
TEST(AcledRules, ArmsSeizedAreTheirDisruptedUseAndTheRaidTheSeizersSearch) {
  Document d = test::analyse_in("Kenya", "On 9 March 2024, police seized 20 rifles and 1,000 rounds of ammunition in "
                                         "a raid in Mandera.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Disrupted weapons use");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Police Forces of Kenya"});
  d = test::analyse_in("Kenya", "On 9 March 2024, soldiers recovered weapons during a raid on a militant hideout in Mandera.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Disrupted weapons use");
  d = test::analyse_in("Kenya", "On 9 March 2024, the government announced new rules on firearms and ammunition in Nairobi.");
  EXPECT_TRUE(d.events.empty());
}

// Clan militias and rival clans named without their clan are ACLED's Unidentified Clan Militia of
// the story's country (conventions.tsv "clan").
TEST(AcledRules, ClanMilitiasUnnamedAreTheCountrysUnidentifiedClanMilitia) {
  const Document d = test::analyse_in("Somalia", "On 9 March 2024, clan militias fought in Beledweyne, Hiraan region, "
                                                 "killing four people.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Armed clash");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Unidentified Clan Militia (Somalia)"});
}

// Bodies found are the dead of an attack by whoever killed them, an unidentified group where the
// text names none, counted by the words after "bodies of"; who found them is no party to it.
TEST(AcledRules, BodiesFoundAreTheDeadOfAnAttackNotOfTheirFinders) {
  const Document d = test::analyse_in("Mexico", "On 9 March 2024, police found the bodies of three women in Tijuana, "
                                                "Baja California.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Unidentified Armed Group (Mexico)"});
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Civilians (Mexico)"});
  EXPECT_EQ(d.events[0].fatalities, 3);
}

// History told as background is no event: a year two or more before the report's, after "the",
// "since", "from" or "of", dates the sentence's killings ("the 1994 genocide", "since 2011").
TEST(AcledRules, AYearYearsBeforeTheReportMakesItsKillingsHistory) {
  // (The report's date is the ingested record's: the rule weighs the year against it.)
  Document d = test::analyse_in("Rwanda", "On 9 March 2024, a film was shown in Kigali. It depicts the 1994 genocide "
                                          "in which 800,000 people were killed.", "2024-03-09");
  EXPECT_TRUE(d.events.empty());
  d = test::analyse_in("Syria", "On 9 March 2024, officials said the war has killed 500,000 people since 2011.",
                       "2024-03-09");
  EXPECT_TRUE(d.events.empty());
}

// A bare noun that repeats the head of one country's forces named before it is those forces: the
// soldiers killed in a clash with a foreign army on a host's soil are that army's, not the host's.
TEST(AcledRules, BareSoldiersAfterAForeignArmysSoldiersAreThatArmy) {
  const Document d = test::analyse_in("Iraq", "On 9 March 2024, PKK fighters clashed with Turkish soldiers near "
                                              "Amedi, Duhok. Three soldiers were killed.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Military Forces of Turkey"});
  // Another noun keeps the story's own: the troops on the ground are no foreign jets.
  const Document e = test::analyse_in("Syria", "On 9 March 2024, Russian jets struck Saraqib. Later soldiers "
                                               "clashed with rebels in the town.");
  bool syrian = false;
  for (const Event& ev : e.events)
    for (const std::string& n : names(e, ev.actor1)) syrian = syrian || n == "Military Forces of Syria";
  EXPECT_TRUE(syrian);
}

// A gathering named by its rite or feast is no demonstration, though the word would be one.
TEST(AcledRules, ARitesProcessionIsNoDemonstration) {
  EXPECT_EQ(coded("On 9 March 2024, a Muharram procession passed through Hyderabad without incident."), "none");
  EXPECT_EQ(coded("On 9 March 2024, a funeral procession for the late chief wound through Bo."), "none");
  EXPECT_EQ(coded("On 9 March 2024, traders took out a procession in Sylhet demanding lower rents."),
            "Peaceful protest");
  // Mourners who protest do demonstrate.
  EXPECT_EQ(coded("On 9 March 2024, mourners at the funeral protested against the police in Garissa."),
            "Peaceful protest");
}

// Two sides named before a clash verb stay two sides when one bears a bracketed other name; a
// bracketed parent is on its unit's side; and a "with" after the verb names the other side.
TEST(AcledRules, ABracketedNameInAListOfSidesIsItsSideNotAThird) {
  Document d = test::analyse_in("Nigeria", "On 9 March 2024, ISWAP and Boko Haram (JAS) clashed near Gajiram, Borno.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Islamic State West Africa Province"});
  EXPECT_EQ(names(d, test::main_event(d)->actor2).size(), 1u);
  d = test::analyse_in("Mali", "On 9 March 2024, Katiba Macina (JNIM) and Dan Na Ambassagou militiamen clashed near Bankass.");
  ASSERT_FALSE(d.events.empty());
  for (const std::string& n : names(d, test::main_event(d)->actor2)) EXPECT_EQ(n.find("JNIM"), std::string::npos) << n;
  d = test::analyse_in("Mali", "On 9 March 2024, MSA and GATIA fighters clashed with the members of a gang near Menaka.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->actor1.size(), 2u);
}

// A lake named by a country is water, not that country's state: "in Lake Chad" names no party.
TEST(AcledRules, ALakeNamedByACountryIsNoParty) {
  const Document d = test::analyse_in("Nigeria", "On 9 March 2024, ISWAP fighters attacked fishermen on an island in "
                                                 "Lake Chad, Borno, killing five.");
  ASSERT_FALSE(d.events.empty());
  for (const std::string& n : names(d, test::main_event(d)->actor2)) EXPECT_EQ(n.find("Chad"), std::string::npos) << n;
}

// Rival militias, armed groups or gangs that fight are a battle of armed men, not a riot.
TEST(AcledRules, RivalMilitiasClashingAreABattle) {
  EXPECT_EQ(coded("On 9 March 2024, clashes between rival militias in Misrata killed six people."), "Armed clash");
  EXPECT_EQ(coded("On 9 March 2024, rival gangs clashed in Cap-Haitien, leaving four dead."), "Armed clash");
}

// A place owned by a division of several words is the place, within that division.
TEST(AcledRules, APlaceOwnedByADivisionOfSeveralWordsIsItsOwnName) {
  const Document d = test::analyse_in("Pakistan", "On 9 March 2024, two policemen were shot dead in Khyber "
                                                  "Pakhtunkhwa's Bannu district by gunmen.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->location, "Bannu");
}

// Settlers who attack are ACLED's Settlers, and a government that says its air defences stopped
// drones names its forces as the interceptor.
TEST(AcledRules, SettlersAndAStatesAirDefencesAreNamedAsAcledNamesThem) {
  Document d = test::analyse("On 9 March 2024, Israeli settlers set fire to Palestinian homes near Ramallah.", "2024-03-09");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Settlers (Israel)"});
  d = read("On 9 March 2024, Russia said its air defences shot down 12 Ukrainian drones over the Kursk region.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Disrupted weapons use");
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Russia"});
}

// A group the lexicon does not know is named by its claim: the name before "claimed
// responsibility" is the perpetrator; not a person's two names, nor a ministry of dictionary words.
TEST(AcledRules, AnUnknownGroupThatClaimsAnAttackIsItsPerpetrator) {
  Document d = read("On 9 March 2024, a bomb exploded at a bus stop in Quetta, killing five people. "
                    "Jaish al-Zulm later claimed responsibility.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Jaish al-Zulm"});
  d = read("On 9 March 2024, a bomb exploded at a bus stop in Quetta, killing five people. Karim Zafar claimed "
           "responsibility.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Unidentified Armed Group (Pakistan)"});
  // The claim tells the attack again: its type stands (no battle made of the claim).
  d = read("On 9 March 2024, assailants opened fire on a bus in Hyderabad, Sindh, killing nine passengers. "
           "The attack was claimed by Jundallah.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Attack");
}

// An incident summary's head date ("03/14/2015:") is the report's day when no record date is given.
TEST(AcledRules, ASlashedDateAtTheHeadDatesAReportWithoutMetadata) {
  const Document d = test::analyse("03/14/2015: Assailants opened fire on a bus in Karachi, Sindh, Pakistan. At "
                                   "least 43 people were killed.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->date, "2015-03-14");
}

// What else the attackers did, told further on with "also", is part of the incident told: one event.
TEST(AcledRules, WhatTheAttackersAlsoDidIsPartOfTheAttack) {
  const Document d = read("On 9 March 2024, gunmen killed 12 farmers in Kwashe village near Gwoza, Borno. They came on "
                          "motorcycles. Some of the victims were beheaded. A resident said the attackers also burned "
                          "houses and stole livestock.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
}

// A toll summed since a day or month, told in a report after its lead, is no event: neither its
// killing nor the strikes it names.
TEST(AcledRules, ATollSummedSinceADayIsNoEvent) {
  const Document d = read("On 9 March 2024, an Israeli drone strike killed two men near Nabatieh, Lebanon. Since "
                          "October, more than 300 fighters have been killed in Lebanon by Israeli strikes.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].fatalities, 2);
}

// Strikes each side makes on the other, the second told as the answer, are two events.
TEST(AcledRules, AStrikeAnsweredByTheOtherSideIsTwoEvents) {
  const Document d = read("On 9 March 2024, an Israeli drone strike on a car near Nabatieh killed two Hezbollah members. "
                          "Hezbollah later fired a barrage of rockets at northern Israel.");
  bool israeli = false, hezbollah = false;
  for (const Event& e : d.events) {
    const auto a1 = names(d, e.actor1);
    israeli = israeli || (!a1.empty() && a1.front() == "Military Forces of Israel");
    hezbollah = hezbollah || (!a1.empty() && a1.front() == "Hezbollah");
  }
  EXPECT_TRUE(israeli);
  EXPECT_TRUE(hezbollah);
}

// "Riot police" are police, no riot; "mutinying soldiers" do demonstrate.
TEST(AcledRules, RiotPoliceAreNoRiot) {
  EXPECT_EQ(coded("On 9 March 2024, riot police fired tear gas at students marching in Cali."), "Protest with intervention");
  EXPECT_EQ(coded("On 9 March 2024, mutinying soldiers fired in the air and blocked roads in Po."), "Violent demonstration");
}

// What happened "last year", or protests "similar" to the ones told, is background, no event.
TEST(AcledRules, LastYearsAndSimilarViolenceIsBackground) {
  const Document d = read("On 9 March 2024, thousands marched peacefully in Bogota against a tax reform. Last year, "
                          "similar protests left 20 people dead.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Peaceful protest");
  EXPECT_FALSE(d.events[0].fatalities.value_or(0) > 0);
}

// South Asia's forms of protest are protests; a funeral of one slain before tells no killing.
TEST(AcledRules, ADharnaIsAProtestAndTheSlainAreNoToll) {
  EXPECT_EQ(coded("On 9 March 2024, hundreds of party workers staged a dharna outside the collectorate in Bhopal."),
            "Peaceful protest");
  EXPECT_EQ(coded("On 9 March 2024, thousands of people took part in the funeral of the slain activist in Kisumu."), "none");
  EXPECT_EQ(coded("On 9 March 2024, the wounded sat in the shade of a clinic in Bo."), "none");
}

// An attack made with a weapon is that weapon's event, by who attacked, on what was attacked.
TEST(AcledRules, AnAttackWithAWeaponIsTheWeaponsEventByTheAttacker) {
  const Document d = read("On 9 March 2024, Russian forces attacked Kharkiv with missiles. No casualties were reported.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Military Forces of Russia"});
  // A verb that is no attack word still has its subject use the weapon; what one is armed with is
  // no weapon used.
  const Document depot = read("On 9 March 2024, Ukrainian forces destroyed an ammunition depot in Tokmak with HIMARS rockets.");
  ASSERT_FALSE(depot.events.empty());
  EXPECT_EQ(names(depot, test::main_event(depot)->actor1), std::vector<std::string>{"Military Forces of Ukraine"});
  // Drones the attackers used are their means, not a target: an air strike.
  EXPECT_EQ(coded("On 9 March 2024, Russian forces attacked Sumy city with a Shahed drone."), "Air/drone strike");
}

// What kills without anyone's violence (floods, disease, crashes) makes no event; nor does a
// killing a commemoration or a trial names as its occasion.
TEST(AcledRules, HazardsAndTheOccasionsOfCommemorationsAndTrialsAreNoEvents) {
  EXPECT_EQ(coded("On 9 March 2024, floods killed 12 people in Garissa county."), "none");
  EXPECT_EQ(coded("On 9 March 2024, a bus crash killed 20 passengers near Mombasa."), "none");
  EXPECT_EQ(coded("On 9 March 2024, a cholera outbreak killed 15 people in Maiduguri."), "none");
  EXPECT_EQ(coded("On 9 March 2024, gunmen storm a police post in Mandera and kill two officers."), "Armed clash");
  EXPECT_EQ(coded("On 9 March 2024, a court in Nairobi sentenced three men for their role in the 2019 attack on a "
                  "hotel."),
            "none");
  const Document d = read("On 9 March 2024, students marched in Koudougou to commemorate the anniversary of the "
                          "assassination of a journalist.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Peaceful protest");
}

// Those killed in a force's military operation were killed by that force; "eliminates" kills.
TEST(AcledRules, TheKilledOfAForcesOperationAreItsToll) {
  Document d = read("On 9 March 2024, one militant was killed during a Malian military operation near Dialloube.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Mali"});
  d = read("On 9 March 2024, the Nigerian army eliminates 12 bandits in Zamfara.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->fatalities, 12);
}

// Who left a mine behind is the perpetrator of its blast.
TEST(AcledRules, WhoLeftAMineBehindIsItsPerpetrator) {
  const Document d = read("On 9 March 2024, a boy was killed when a mine left behind by the Islamic State exploded near "
                          "Raqqa.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Islamic State"});
}

// A war as the subject of a toll in the perfect is history, whatever clause stands between; a
// country's named group is the group, not the country's state.
TEST(AcledRules, AWarsTollIsHistoryAndACountrysGroupIsTheGroup) {
  EXPECT_EQ(coded("On 9 March 2024, officials said the war between the army and the rebels, which began in April "
                  "2023, has killed more than 14,000 people."),
            "none");
  const Document d = read("On 9 March 2024, Nigeria's Boko Haram attacked a village near Bama, killing six farmers.");
  ASSERT_FALSE(d.events.empty());
  const auto a1 = names(d, test::main_event(d)->actor1);
  EXPECT_TRUE(std::find(a1.begin(), a1.end(), "Military Forces of Nigeria") == a1.end());
  EXPECT_FALSE(a1.empty());
}

// Violence summed over recent days or weeks is no one event; a protest so told still is one.
TEST(AcledRules, ViolenceOfRecentWeeksIsNoEventButAProtestIs) {
  EXPECT_EQ(coded("On 9 March 2024, hundreds of people fled a district of Gao where there have been fierce clashes "
                  "in recent days."),
            "none");
  EXPECT_EQ(coded("On 9 March 2024, residents of Kidal protested against repression by armed groups in recent days."),
            "Peaceful protest");
}

// The police or the army named before their checkpoint, convoy or vehicle are what was attacked;
// a weapon after a passive verb was used by its "by" or by no one named, never by the attacked.
TEST(AcledRules, ForcesNamedByTheirPostsAreTheTargetOfAPassiveAttackWithAWeapon) {
  Document d = read("On 9 March 2024, unknown gunmen attacked a police checkpoint near Beledweyne.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Police Forces of Somalia"});
  d = read("On 9 March 2024, in Kalay township (Sagaing region), an army truck was attacked with a landmine.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Military Forces of Myanmar"});
  EXPECT_EQ(names(d, d.events[0].actor1), std::vector<std::string>{"Unidentified Armed Group (Myanmar)"});
  // A government's vehicles are no party to a riot.
  d = read("On 9 March 2024, rioters damaged government vehicles in Bobo-Dioulasso.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_TRUE(names(d, test::main_event(d)->actor2).empty());
}

// "have been attacking" is active, and a relative clause in the perfect progressive tells what a
// group has been doing, not an event.
TEST(AcledRules, AProgressiveIsActiveAndWhatAGroupHasBeenDoingIsNoEvent) {
  EXPECT_EQ(coded("On 9 March 2024, police in Eldoret said they were hunting a gang that has been attacking "
                  "travellers on the highway."),
            "none");
  Document d = read("On 9 March 2024, in Kalay (Sagaing region), troops have been attacking nearby villages with artillery.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Myanmar"});
  d = read("On 9 March 2024, insurgents in Idlib have been bombarding government-held areas.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Syrian rebels"});
  // A government's stronghold is its forces'.
  d = read("On 9 March 2024, a government stronghold near Hama was captured by rebel fighters.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Military Forces of Syria"});
}

// Fighters of a named group are the group; armed men a name goes before are that name's.
TEST(AcledRules, FightersOfAGroupAreTheGroupAndTheNameBeforeThemComesFirst) {
  Document d = read("On 9 March 2024, fighters of the Arakan Army captured a police outpost in Maungdaw township.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Non-state actor overtakes territory");
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"AA: Arakan Army"});
  d = read("On 9 March 2024, JNIM militants of Katiba Macina attacked a gendarmerie post near Djenne.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims"});
}

// "shot the chief dead", "hacked a trader to death": the result after the verb's object is the
// verb's toll, not a second killing whose victims would be the attackers before it; "left for
// dead" is wounded.
TEST(AcledRules, DeadAfterTheObjectIsTheVerbsTollAndLeftForDeadIsNone) {
  Document d = read("On 9 March 2024, gunmen shot the village chief dead in Gusau, Zamfara state.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Civilians (Nigeria)"});
  EXPECT_EQ(d.events[0].fatalities.value_or(-1), 1);
  d = read("On 9 March 2024, unidentified assailants hacked a cattle trader to death in Alwar, Rajasthan.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->fatalities.value_or(-1), 1);
  d = read("On 9 March 2024, gunmen shot a trader in Gusau, Zamfara state, and left him for dead.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_FALSE(d.events[0].fatalities.has_value());
}

// What a group has undergone, as its adjective, is no change to it: "the banned Popular Front".
TEST(AcledRules, ABannedGroupIsNoBan) {
  const Document d = read("On 9 March 2024, police arrested 12 members of the banned Popular Front of India in Kozhikode.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Arrests");
}

// People gathering demonstrate only where the sentence says what for.
TEST(AcledRules, AGatheringIsAProtestOnlyWithWhatItDemands) {
  EXPECT_EQ(coded("On 9 March 2024, residents gathered in front of the municipal building in Lima to demand clean "
                  "water."),
            "Peaceful protest");
  EXPECT_EQ(coded("On 9 March 2024, hundreds of people assembled outside the court in Harare, chanting slogans."),
            "Peaceful protest");
  EXPECT_EQ(coded("On 9 March 2024, thousands of worshippers gathered at the central mosque in Kano for prayers."), "none");
  EXPECT_EQ(coded("On 9 March 2024, mourners gathered in Kisumu for the funeral of a local leader."), "none");
}

// Children, passengers, worshippers or refugees hurt are civilians, though the blast killed no one.
TEST(AcledRules, ThoseWhoseCallingSaysTheyAreCiviliansAreCiviliansWhenHurt) {
  const Document d = read("On 9 March 2024, three bombs exploded in front of the police station in Hpa-An, Kayin State. "
                          "Two children were injured.");
  ASSERT_FALSE(d.events.empty());
  const auto a2 = names(d, test::main_event(d)->actor2);
  EXPECT_NE(std::find(a2.begin(), a2.end(), "Civilians (Myanmar)"), a2.end());
}

// A claim nobody made names no one, and the attribution after it is read on; a group the passive
// suspects or blames did the violence.
TEST(AcledRules, AnAttributionAfterNoClaimAndASuspectedGroupNameThePerpetrator) {
  Document d = read("On 9 March 2024, assailants detonated an explosive device at a market in Maiduguri, Borno state. "
                    "At least 10 people were killed. No group claimed responsibility; however, sources attributed the "
                    "attack to Boko Haram.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1),
            std::vector<std::string>{"Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"});
  d = read("On 9 March 2024, assailants abducted a teacher in Mogadishu. Al-Shabaab was suspected of carrying out the "
           "abduction.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Al Shabaab"});
}

// What a gathering or a raid comes ahead of has not happened.
TEST(AcledRules, WhatSomethingComesAheadOfIsNoEvent) {
  EXPECT_EQ(coded("On 9 March 2024, fighters massed near the town of Kidal ahead of an offensive."), "none");
  EXPECT_EQ(coded("On 9 March 2024, police arrested 40 opposition activists in Kampala ahead of a planned rally."), "Arrests");
}

// A drone's model in capitals is the drone's ("a Russian FPV drone": Russia's); the fire an
// attack's noun set is its damage, no second event.
TEST(AcledRules, AModelInCapitalsIsTheDronesAndTheFireAnAttackSetIsItsDamage) {
  Document d = read("On 9 March 2024, a Russian FPV drone hit a civilian car in Beryslav, Kherson oblast, injuring the "
                    "driver.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Russia"});
  d = read("On 9 March 2024, a Ukrainian drone attack set fire to an oil refinery in Ryazan, the governor said.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Air/drone strike");
}

// Subjects that fight alongside a partner are on one side; an armed group's factions are the
// group, armed, not a crowd.
TEST(AcledRules, PartnersAreOneSideAndAnArmedGroupsFactionsAreArmed) {
  Document d = read("On 9 March 2024, Hezbollah and Iraqi militias fought alongside Syrian government forces near Aleppo.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_TRUE(names(d, test::main_event(d)->actor2).empty());
  d = read("On 9 March 2024, Turkey-backed Syrian National Army factions clashed with the SDF near Manbij.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Armed clash");
}

// Captives set free end a captivity: no abduction; a release of gas is no release of captives.
TEST(AcledRules, CaptivesReleasedAreNoAbduction) {
  EXPECT_EQ(coded("On 9 March 2024, Hamas released four Israeli hostages in Rafah as part of the truce deal."), "none");
  EXPECT_EQ(coded("On 9 March 2024, gunmen kidnapped four traders near Gusau, Zamfara state."),
            "Abduction/forced disappearance");
  EXPECT_EQ(coded("On 9 March 2024, warplanes releasing toxic gas struck Khan Sheikhoun, killing 20 people."),
            "Chemical weapon");
}

// A state's force word that is a word of a group's own name ("Army", "Rangers") names the group,
// which plants its bombs; a sentence dense with place names but its nouns written small is no
// title-case headline, so the group's name is still read.
TEST(AcledRules, AForceWordInAGroupsNameIsTheGroupsAndPlaceNamesMakeNoHeadline) {
  Document d = read("On 9 March 2024, the Arakan Army bombed a police car near Sittwe.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Remote explosive/landmine/IED");
  d = read("On 9 March 2024, in Kyauk Taw Gyi ward in Shwebo town (Shwebo Township, Shwebo District, Sagaing "
           "Region), the Shwebo Tiger Rangers Group bombed an administration office.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Shwebo Tiger Rangers Group"});
}

TEST(AcledRules, HandsTheTextCannotNameThatBeatSomeoneAreAMobAndTheirNumberNoToll) {
  // A beating by unnamed hands, or by a crowd named through its complement, is mob violence.
  for (const char* text : {"On 5 March 2024, assailants assaulted and injured a journalist in Rangpur city.",
                           "On 5 March 2024, supporters of the ward chairman assaulted two traders in Rangpur city.",
                           "On 5 March 2024, supporters of a mayor candidate assaulted two traders in Rangpur city.",
                           // (Those named after "including" are some of the crowd, not who beat.)
                           "On 5 March 2024, seven people, including a head teacher, assaulted a man in Rangpur city.",
                           "On 5 March 2024, 6 to 7 people assaulted a man in Rangpur city.",
                           "On 5 March 2024, a union leader along with his accomplices assaulted a teacher in Rangpur city."}) {
    Document d = read(text);
    ASSERT_FALSE(d.events.empty()) << text;
    EXPECT_EQ(test::main_event(d)->sub_event_type, "Mob violence") << text;
    EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Rioters (Bangladesh)"}) << text;
  }
  // Those who beat and killed are no count of the dead: one was killed.
  Document d = read("On 5 March 2024, about 100 villagers assaulted and killed a youth in Rangpur city.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Mob violence");
  EXPECT_EQ(test::main_event(d)->fatalities, 1);
  // Armed men who beat are still armed men; the unnamed told again are the attackers told before.
  d = read("On 5 March 2024, gunmen beat a farmer in Rangpur city.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Attack");
  d = read("On 16 March 2024, unknown gunmen attacked the gendarmerie in Sideradougou, no casualties but the "
           "assailants burned motorbikes.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Armed clash");
}

TEST(AcledRules, AMobDispersedIsStillAMobAndARallyItWasForIsNoDemonstration) {
  EXPECT_EQ(coded("On 6 March 2024, two groups of villagers clashed with sticks in Rangpur city over a land dispute. "
                  "Police fired tear gas to disperse the clashing villagers."),
            "Mob violence");
  EXPECT_EQ(coded("On 6 March 2024, members of a student league assaulted two students of a rival league at Rangpur "
                  "university for joining an opposition rally."),
            "Mob violence");
  // (A demonstration dispersed is still one.)
  EXPECT_EQ(coded("On 6 March 2024, students protested in Rangpur city over fees. Police fired tear gas to disperse them."),
            "Protest with intervention");
}

TEST(AcledRules, AStatesManAmongThoseKilledAndMenOfACommunityWhoFightMakeABattle) {
  // A list of those killed that holds a policeman is a fight with the police.
  EXPECT_EQ(coded("On 2 March 2024, 1 policeman and 2 civilians were shot and killed by Taliban militants in Qalat "
                  "city, Zabul."),
            "Armed clash");
  EXPECT_EQ(coded("On 2 March 2024, Taliban militants shot and killed 2 civilians in Qalat city, Zabul."), "Attack");
  // Farmers who fight herders fight as a community's militia; villagers among themselves are a mob.
  EXPECT_EQ(coded("On 2 March 2024, farmers and herders clashed near Djibo."), "Armed clash");
  EXPECT_EQ(coded("On 2 March 2024, two groups of villagers clashed with sticks near Djibo."), "Mob violence");
  // Two villages or communities at war with each other are communities' militias.
  EXPECT_EQ(coded("On 2 March 2024, clashes between the two villages left four people dead near Djibo."), "Armed clash");
  EXPECT_EQ(coded("On 2 March 2024, two communities clashed over grazing land near Djibo, leaving three dead."),
            "Armed clash");
  // Armed men who attack villagers and kill one are who killed, not the villagers.
  const Document d = read("On 2 March 2024, armed cattle rustlers attacked villagers and killed one near Isiolo.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Attack");
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Civilians (Kenya)"});
}

TEST(AcledRules, WoundsTheInterventionDealtAreItsAndACaseIsNoEvent) {
  EXPECT_EQ(coded("On 1 March 2024, hundreds of workers staged a protest in Rangpur city against a price hike. Five "
                  "people were injured as police baton charged the protestors."),
            "Protest with intervention");
  // (A death is more than an intervention.)
  EXPECT_NE(coded("On 1 March 2024, a schoolboy was killed when police broke up a demonstration by pupils in Rangpur "
                  "city."),
            "Protest with intervention");
  EXPECT_EQ(coded("On 1 March 2024, relatives staged a protest in Rangpur city. All accused in the murder case were "
                  "recently released on bail."),
            "Peaceful protest");
}

TEST(AcledRules, TheJointForcesOfGroupsAreTheGroups) {
  EXPECT_EQ(coded("On 12 March 2024, in Monywa town (Monywa township, Sagaing region), the combined forces of the Red "
                  "Code Revolution Team and the Monywa Young People Group bombed a police station."),
            "Remote explosive/landmine/IED");
  // (A state's forces are still a state's, and bomb from the air.)
  EXPECT_EQ(coded("On 12 March 2024, in Monywa town (Monywa township, Sagaing region), government forces bombed a "
                  "village."),
            "Air/drone strike");
}

TEST(AcledRules, AUnitsDesignationAfterAForceIsTheForces) {
  for (const char* text : {"On 12 March 2024, the Myanmar military IB 58 shelled KIA positions in Nang Zaw village.",
                           "On 12 March 2024, Myanmar military LIB 56 fired artillery shells towards KIA positions in "
                           "Nang Zaw village."}) {
    const Document d = read(text);
    ASSERT_FALSE(d.events.empty()) << text;
    EXPECT_EQ(test::main_event(d)->sub_event_type, "Shelling/artillery/missile attack") << text;
    EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Myanmar"}) << text;
  }
}

// A word for an attack right before a bearing ("an airstrike north of Homs") is the attack,
// not a noun modifying the next word ("an airstrike campaign").
TEST(AcledRules, AnAttackNounBeforeABearingIsTheAttack) {
  EXPECT_EQ(coded("On 5 March 2024, an airstrike north of Homs killed 12 civilians."), "Air/drone strike");
  EXPECT_EQ(coded("On 5 March 2024, 12 civilians were killed in an airstrike west of Homs."), "Air/drone strike");
  EXPECT_EQ(coded("On 5 March 2024, a military truck was struck by an IED south of Menaka, wounding two soldiers."),
            "Remote explosive/landmine/IED");
}

// "Iran-backed militias": the backer is no party to what those it backs did (words.tsv, compound).
TEST(AcledRules, ABackerNamedInACompoundIsNoPartyToWhatItsProxiesDid) {
  Document d = test::analyse_in("Syria", "On 5 March 2024, Iran-backed militiamen shelled the village of Tal Rifaat, killing two civilians.");
  ASSERT_NE(test::main_event(d), nullptr);
  for (const auto& name : names(d, test::main_event(d)->actor1)) EXPECT_NE(name, "Military Forces of Iran");
  EXPECT_FALSE(test::main_event(d)->actor1.empty());
  d = test::analyse_in("Syria", "On 5 March 2024, Syrian troops clashed with al-Qaeda-affiliated Hayat Tahrir al-Sham "
                                "fighters near Saraqeb.");
  ASSERT_NE(test::main_event(d), nullptr);
  for (const auto& name : names(d, test::main_event(d)->actor2)) EXPECT_NE(name, "Al Qaeda");
  d = test::analyse_in("Somalia", "On 5 March 2024, gunmen stormed a hotel in Kismayo, killing nine people. The "
                                  "al-Qaeda-linked group claimed responsibility.");
  ASSERT_NE(test::main_event(d), nullptr);
  for (const auto& name : names(d, test::main_event(d)->actor1)) EXPECT_NE(name, "Al Qaeda");
  // (A leader or holder is a party: "US-led air strikes" are the US's.)
  d = test::analyse_in("Syria", "On 5 March 2024, US-led air strikes hit the town of Hajin, killing four civilians.");
  ASSERT_NE(test::main_event(d), nullptr);
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Air/drone strike");
  EXPECT_FALSE(test::main_event(d)->actor1.empty());
}

// A group named in an apposition describes the one before it, which did what the verb tells.
TEST(AcledRules, AGroupInAnAppositionIsNotTheDoer) {
  for (const char* text : {"On 5 March 2024, ISWAP, a splinter faction of Boko Haram, attacked a military base in Malam Fatori.",
                           "On 5 March 2024, ISWAP, an Islamic State affiliate, attacked a military base in Malam Fatori."}) {
    const Document d = read(text);
    ASSERT_NE(test::main_event(d), nullptr) << text;
    EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Islamic State West Africa Province"}) << text;
  }
  // (A list is no apposition: "ISWAP, the ISGS, and JNIM" are all doers.)
  const Document d = read("On 5 March 2024, JNIM, the ISGS, and Ansaroul Islam attacked army posts in Djibo.");
  ASSERT_NE(test::main_event(d), nullptr);
  EXPECT_EQ(test::main_event(d)->actor1.size(), 3u);
}

TEST(AcledRules, AttemptedViolenceIsViolenceWhoseVictimsMayLive) {
  // ACLED codes an attempt as the violence attempted; who was only aimed at is no death.
  Document d = read("On 5 March 2024, unknown gunmen attempted to assassinate a police union official at his home in "
                    "Ouagadougou.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Attack");
  EXPECT_FALSE(test::main_event(d)->fatalities.value_or(0) > 0);
  EXPECT_EQ(coded("On 5 March 2024, youths tried to attack an MP at a funeral in Kisumu."), "Mob violence");
  d = read("On 5 March 2024, gunmen tried to kill five children in Noakhali.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_FALSE(test::main_event(d)->fatalities.value_or(0) > 0);
  d = read("On 5 March 2024, gunmen managed to kill five children in Noakhali.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->fatalities, 5);
  // What its doers claim to have done is told as done: the soldiers who claim it did it.
  d = read("On 5 March 2024, Malian soldiers claim to kill four jihadists after an ambush near Boni.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Military Forces of Mali"});
  EXPECT_EQ(test::main_event(d)->fatalities, 4);
  // (A charge is no attempt told: "accusing a former MP of attempting to kill".)
  EXPECT_EQ(coded("On 5 March 2024, locals staged a human chain protest in Noakhali, accusing a former MP of "
                  "attempting to kill five children over a land dispute."),
            "Peaceful protest");
  // Militia who rout militants fight them.
  EXPECT_EQ(coded("On 5 March 2024, Koglweogo militiamen routed a group of suspected ISGS militants in Pobe Mengao."),
            "Armed clash");
}

TEST(AcledRules, AnEventNounJoinedToAGrievanceIsPartOfIt) {
  EXPECT_EQ(coded("On 19 February 2024, students staged a human chain protest on campus in Sylhet, against the "
                  "harassment of two students, and assault on students by outsiders."),
            "Peaceful protest");
  EXPECT_EQ(coded("On 19 February 2024, members of the student league staged a protest in Dhaka, against the "
                  "vandalism and assault by members of BNP on their offices."),
            "Peaceful protest");
  // (A clause of its own after it is no grievance.)
  EXPECT_EQ(coded("On 19 February 2024, students protested over fees in Dhaka, and police dispersed them."),
            "Protest with intervention");
}

TEST(AcledRules, ADemonstrationStoppedOrRemovedWasIntervenedIn) {
  EXPECT_EQ(coded("On 4 May 2024, garment workers staged a protest on a road in Dhaka city against the closure of a "
                  "factory. Police forces removed the protesters from the road."),
            "Protest with intervention");
  EXPECT_EQ(coded("On 4 May 2024, members of a party staged a protest in Dhaka city against the election commission. "
                  "Police forces stopped the procession."),
            "Protest with intervention");
  EXPECT_EQ(coded("On 5 March 2024, around 200 members of the teachers' union demonstrated in Lima demanding higher "
                  "wages. Police blocked their march to Congress."),
            "Protest with intervention");
}

TEST(AcledRules, PartyMembersWhoEngageInAFactionalClashAreAMob) {
  // "engaged in" launches the clash noun after it: its subject fought.
  EXPECT_EQ(coded("On 5 March 2024, members of the student league engaged in a factional clash at Dhaka university, "
                  "following an altercation."),
            "Mob violence");
  EXPECT_EQ(coded("On 5 March 2024, two groups of the ruling party engaged in a factional clash in Narsingdi."),
            "Mob violence");
  // (Armed men who engage in a clash fight a battle.)
  EXPECT_EQ(coded("On 5 March 2024, soldiers engaged in a fierce gun battle with militants near Djibo."), "Armed clash");
}

TEST(AcledRules, AGroupJoinedAfterTheObjectOfOfIsAnotherSide) {
  // "members of X and police forces": the police are not X's members, but the other side.
  const Document d = read("On 15 March 2024, members of a student league and police forces clashed in Rangpur city.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Mob violence");
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Police Forces of Bangladesh"});
}

TEST(AcledRules, WhatAStrikeVerbHitIsItsTarget) {
  // "shelled" is a strike word of its own: the side right after it is struck.
  Document d = read("On 11 March 2024, Russian forces shelled Ukrainian positions near Kherson.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Military Forces of Ukraine"});
  // What only an armed side has, its people's word before it, is that side's.
  d = read("On 11 March 2024, Ukrainian drones struck a Russian air base near Yeysk.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Military Forces of Russia"});
  d = read("On 2 March 2024, Ukrainian forces attacked a Russian command post in Tokmak.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Military Forces of Russia"});
  // (A bomb that exploded struck nothing named after it: the office is where.)
  d = read("On 11 March 2024, a bomb planted by an unknown armed group exploded near the NLD office in Mandalay.");
  ASSERT_FALSE(d.events.empty());
  for (const std::string& name : names(d, test::main_event(d)->actor1)) EXPECT_EQ(name.find("NLD"), std::string::npos) << name;
}

TEST(AcledRules, ASuicideBomberWhoAttacksAPostIsOneSuicideBombing) {
  // The attack verb and the bomber are one incident (combine.tsv), on the post's owners.
  Document d = read("On 11 March 2024, a suicide bomber attacked a police compound in Peshawar, killing 3 policemen.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Suicide bomb");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Police Forces of Pakistan"});
  // Where a place lies names no one who acted: the police did not kill those in their mosque.
  d = read("On 11 March 2024, a suicide bomber blew himself up in a mosque inside a police compound in Peshawar, "
           "killing 101 people.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(names(d, test::main_event(d)->actor1), std::vector<std::string>{"Unidentified Armed Group (Pakistan)"});
}

TEST(AcledRules, WhoSaysSoAfterAQuotationIsNoSide) {
  // The police spokesman quoted is the source, not a second side: no battle with the police.
  const Document d = read("\"The bandits killed 23 villagers and injured several others,\" police spokesman Mohammed "
                          "Shehu said in Gusau on 11 March 2024.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Attack");
  EXPECT_EQ(names(d, d.events[0].actor2), std::vector<std::string>{"Civilians (Nigeria)"});
}

TEST(AcledRules, PoliceWhoKillRiotersAreTheRiotsOtherSide) {
  // Deaths told after a riot the police met are the riot's, not an attack by the police beside it;
  // so are the arrests told after them (the incident is told over three sentences), which make no
  // intervention in the peaceful marches told next.
  const Document d = read(
      "Protesters clash with police in Nairobi over tax rises\n"
      "Kenyan police fired tear gas and water cannon at thousands of protesters in Nairobi on Tuesday as demonstrations "
      "against proposed tax increases turned violent.\nProtesters threw stones and set fire to part of the parliament "
      "building, witnesses said. At least five people were shot dead, according to the Kenya Medical Association.\n"
      "Police arrested dozens of demonstrators. Similar protests took place in Mombasa and Kisumu, where hundreds marched "
      "peacefully.");
  ASSERT_NE(test::main_event(d), nullptr);
  EXPECT_EQ(test::main_event(d)->sub_event_type, "Violent demonstration");
  EXPECT_EQ(test::main_event(d)->fatalities, 5);
  EXPECT_EQ(names(d, test::main_event(d)->actor2), std::vector<std::string>{"Police Forces of Kenya"});
  for (const Event& e : d.events) {
    if (&e == test::main_event(d)) continue;
    EXPECT_EQ(e.sub_event_type, "Peaceful protest") << d.slice(e.trigger);
  }
}

TEST(AcledRules, WhatATakerCarriesOffIsPartOfTheTaking) {
  // The weapons looted are the spoils of the town overrun: one event (combine.tsv).
  const Document d = read("On 5 March 2024, ISWAP fighters overran the town of Marte in Borno and looted weapons.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].sub_event_type, "Non-state actor overtakes territory");
}

TEST(AcledRules, PeopleHackedOrBeatenToDeathAreItsToll) {
  // "to death" says the fate of those counted before it, and a fate told in a phrase governs the
  // count right after it.
  EXPECT_EQ(toll("On 7 March 2024, suspected ADF militants hacked 12 people to death with machetes in Lubero."), 12);
  EXPECT_EQ(toll("On 7 March 2024, gunmen hacked to death 12 villagers in Lubero."), 12);
  EXPECT_EQ(toll("On 7 March 2024, militiamen beat two men to death in Djugu."), 2);
  // (Those sentenced to death are held: the verb before them tells their fate.)
  EXPECT_EQ(toll("On 7 March 2024, gunmen killed a farmer in Djugu. Separately, a court in Bunia sentenced three "
                 "militiamen to death."),
            1);
}

}  // namespace
}  // namespace mosaic
