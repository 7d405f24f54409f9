// Actor recognition, one group of tests per kind of evidence. Every text here
// is written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "helpers.h"
#include "mosaic/pipeline.h"

namespace mosaic {
namespace {

class Actors : public ::testing::Test {
 protected:
  static Document read(const std::string& text, const Resources& r = test::bundled()) {
    return test::analyse(text, "", r);
  }
  // The actor names the text mentions, in order of first mention.
  static std::vector<std::string> names(const Document& d) {
    std::vector<std::string> out;
    for (const Mention& m : d.mentions) {
      const auto a = std::find_if(d.actors.begin(), d.actors.end(), [&](const Actor& x) { return x.id == m.actor; });
      if (std::find(out.begin(), out.end(), a->name) == out.end()) out.push_back(a->name);
    }
    return out;
  }
  static const Actor* actor(const Document& d, const std::string& name) {
    const auto a = std::find_if(d.actors.begin(), d.actors.end(), [&](const Actor& x) { return x.name == name; });
    return a == d.actors.end() ? nullptr : &*a;
  }
  // What the text at a mention refers to.
  static std::string who(const Document& d, const std::string& surface) {
    for (const Mention& m : d.mentions)
      if (d.slice(m.span) == surface)
        return std::find_if(d.actors.begin(), d.actors.end(), [&](const Actor& x) { return x.id == m.actor; })->name;
    return "";
  }
  static bool has(const Document& d, const std::string& name) { return actor(d, name) != nullptr; }
  static std::string actor_named(const Document& d, const std::string& id) {
    const auto a = std::find_if(d.actors.begin(), d.actors.end(), [&](const Actor& x) { return x.id == id; });
    return a == d.actors.end() ? "" : a->name;
  }
};

// --- the bundled lexicon: countries, their governments, forces, capitals, demonyms

TEST_F(Actors, CountriesGovernmentsForcesCapitalsAndDemonyms) {
  const auto d = read(
      "Moscow said on Tuesday that Russian pilots had struck depots near Idlib. The Kenyan government "
      "condemned the raid, and Kenyan troops were put on alert. Nairobi recalled its envoy.");
  EXPECT_EQ(who(d, "Moscow"), "Russia");
  EXPECT_EQ(who(d, "Russian pilots"), "Military Forces of Russia");
  EXPECT_EQ(who(d, "Kenyan government"), "Kenya");
  EXPECT_EQ(who(d, "Kenyan troops"), "Military Forces of Kenya");
  EXPECT_EQ(who(d, "Nairobi"), "Kenya");
  const Actor* kenya = actor(d, "Kenya");
  ASSERT_TRUE(kenya);
  EXPECT_EQ(kenya->type, "state");
  EXPECT_EQ(kenya->country, "KEN");
  EXPECT_EQ(actor(d, "Military Forces of Kenya")->type, "state_forces");
}

// A generic noun before a hyphenated verb is that verb's subject, not a modifier of a noun:
// "police baton-charged them" names the police; "Israeli aircraft" are Israel's forces.
TEST_F(Actors, AGenericNounBeforeAHyphenatedVerbAndAircraftByTheirCountry) {
  const auto d = read("Workers protested over unpaid wages in Gazipur, Bangladesh; police baton-charged them. "
                      "Israeli aircraft struck a house in Rafah.");
  EXPECT_EQ(who(d, "police"), "Police Forces of Bangladesh");
  EXPECT_EQ(who(d, "Israeli aircraft"), "Military Forces of Israel");
}

// A demonym before a weapon, an attack or a force's positions names that state's forces, with a
// model's designation between ("Russian Su-34 aircraft", "a Russian missile", "a Russian
// assault", "Ukrainian positions").
TEST_F(Actors, ADemonymBeforeAWeaponAnAssaultOrPositionsNamesItsForces) {
  const auto d = read("Russian Su-34 aircraft dropped glide bombs on Ukrainian positions near Vovchansk. A Russian "
                      "missile hit Dnipro. Ukrainian forces repelled a Russian assault near Avdiivka.");
  EXPECT_EQ(who(d, "Russian Su-34 aircraft"), "Military Forces of Russia");
  EXPECT_EQ(who(d, "Ukrainian positions"), "Military Forces of Ukraine");
  EXPECT_EQ(who(d, "Russian"), "Military Forces of Russia");
}

// A name's capital inside a word ("LeT", "JeM") must be written: a village's "Let" is no acronym.
TEST_F(Actors, AnAcronymWithASmallLetterInsideIsWrittenSo) {
  EXPECT_FALSE(has(read("Fighter jets bombed Let Yet Kone village in Sagaing on Tuesday."), "Lashkar-e-Taiba"));
  EXPECT_TRUE(has(read("Police said LeT militants attacked the camp."), "Lashkar-e-Taiba"));
  EXPECT_TRUE(has(read("POLICE SAY LET MILITANTS ATTACKED THE CAMP"), "Lashkar-e-Taiba"));
}

// A group whose local units ACLED names by their locality (groups.tsv's "+local") is named so
// where the text names the locality before it: "the Kale PDF" is "People's Defense Force - Kale",
// its bracketed acronym the same unit; the group named alone stays the group.
TEST_F(Actors, ALocalUnitOfAGroupNamedByItsLocalityIsThatUnit) {
  const Document d = read("The Kale PDF (KPDF) ambushed a junta convoy near Kalemyo. KPDF fighters later withdrew.");
  EXPECT_EQ(who(d, "Kale PDF"), "People's Defense Force - Kale");
  EXPECT_EQ(who(d, "KPDF"), "People's Defense Force - Kale");
  EXPECT_EQ(who(read("The PDF attacked a police station in Monywa."), "PDF"), "People's Defense Force");
  // (A capitalised word that begins the sentence with no article is no locality.)
  EXPECT_EQ(who(read("Yesterday PDF fighters attacked a police station in Monywa."), "PDF fighters"), "People's Defense Force");
}

// A group's men are the group, whether a word says what kind of group it is ("CJNG cartel
// gunmen") or the group is named after them ("gunmen of the CJNG"); a verb between is no such word.
TEST_F(Actors, AGroupsMenAreTheGroupWithAWordBetweenOrNamedAfter) {
  EXPECT_EQ(who(read("CJNG cartel gunmen clashed with police in Culiacan."), "CJNG cartel gunmen"),
            "CJNG: Jalisco New Generation Cartel");
  EXPECT_EQ(who(read("Gunmen of the CJNG clashed with police in Culiacan."), "Gunmen"), "CJNG: Jalisco New Generation Cartel");
  const auto d = read("ISWAP killed fighters of a rival faction near Lake Chad.");
  EXPECT_EQ(who(d, "ISWAP"), "Islamic State West Africa Province");
}

// Two peoples sharing one noun ("Dinka and Nuer youths") are two militias, each its own.
TEST_F(Actors, TwoPeoplesSharingOneNounAreTwoMilitias) {
  const auto d = read("Hema and Lendu militiamen clashed near Bunia in Ituri province on Monday.");
  EXPECT_EQ(who(d, "Hema"), "Hema Ethnic Militia (Democratic Republic of Congo)");
  EXPECT_EQ(who(d, "Lendu militiamen"), "Lendu Ethnic Militia (Democratic Republic of Congo)");
}

// A country's people counted ("40 Yemenis", "thousands of Yemenis") are so many of its
// civilians, the same node as "Yemeni civilians", not a second one; uncounted ("the Yemenis
// will not accept") they are the people.
TEST_F(Actors, ACountedPeopleAreItsCivilians) {
  const auto d = read(
      "Thousands of Yemenis fled Hodeidah after the shelling, aid workers said. Yemeni civilians "
      "queued for water. Two Afghans were hurt, and 40 displaced Yemenis slept in a school. "
      "The Yemenis will not accept a divided country, an official said.");
  EXPECT_EQ(who(d, "Yemenis"), "Civilians (Yemen)");  // the first, "Thousands of Yemenis"
  EXPECT_EQ(who(d, "Yemeni civilians"), "Civilians (Yemen)");
  EXPECT_EQ(who(d, "Afghans"), "Civilians (Afghanistan)");
  const auto people = std::count_if(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) {
    return d.slice(m.span) == "Yemenis" &&
           std::find_if(d.actors.begin(), d.actors.end(), [&](const Actor& a) { return a.id == m.actor; })->type == "other";
  });
  EXPECT_EQ(people, 1);  // only "The Yemenis will not accept"
}

// "The opposition" is a country's political opposition: its rally, its activists. Only its armed
// forms are rebels.
TEST_F(Actors, TheOppositionAloneIsPoliticalItsFightersAreRebels) {
  Document d = read("Police in Accra dispersed an opposition rally with tear gas.");
  EXPECT_EQ(who(d, "opposition"), "");
  d = read("Opposition fighters shelled government positions near Idlib.");
  EXPECT_EQ(who(d, "Opposition fighters"), "Syrian rebels");
}

// A capital is its state as the subject of a verb or a possessive ("Moscow said",
// "Washington's support"); elsewhere the city: a protest outside a museum in Dhaka is against
// nobody.
TEST_F(Actors, ACapitalIsTheStateOnlyWhenItActs) {
  Document d = read("Moscow said the talks would resume, and Washington's envoy agreed.");
  EXPECT_EQ(who(d, "Moscow"), "Russia");
  EXPECT_EQ(who(d, "Washington's envoy"), "United States");
  d = read("Teachers staged a protest in front of the National Museum, Dhaka, demanding higher pay.");
  EXPECT_EQ(who(d, "Dhaka"), "");
  const Event* e = test::main_event(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->sub_event_type, "Peaceful protest");
  EXPECT_TRUE(e->actor2.empty());
}

TEST_F(Actors, OneSpellingForASectsVariants) {
  const auto d = read("Lebanese Shia militias crossed into Qusayr. Later, Lebanese Shiite militias held the town.");
  EXPECT_TRUE(has(d, "Lebanese Shiite militias"));
  EXPECT_FALSE(has(d, "Lebanese Shia militias"));
}

TEST_F(Actors, APossessiveThatLostItsApostropheIsTheName) {
  // Scraped copy: "Secretary-General Kofi Annans office" is Kofi Annan's office.
  const auto d = read("A statement from Secretary-General Kofi Annans office condemned the attack.");
  EXPECT_TRUE(has(d, "Kofi Annan"));
  EXPECT_FALSE(has(d, "Kofi Annans"));
}

TEST_F(Actors, PossessivesNameForcesAndGovernments) {
  const auto d = read("Ethiopia's army shelled the town while Eritrea's government stayed silent.");
  EXPECT_EQ(who(d, "Ethiopia's army"), "Military Forces of Ethiopia");
  EXPECT_EQ(who(d, "Eritrea's government"), "Eritrea");
}

TEST_F(Actors, ArmedGroupsIgosNgosAndMediaOfManyConflicts) {
  const auto d = read(
      "Al-Shabaab fighters attacked a base in Somalia. In Yemen, the Houthis fired drones at shipping. "
      "M23 rebels advanced near Goma, the UN refugee agency said. Boko Haram raided a village, Amnesty "
      "International reported, and Hamas rejected the plan, Reuters said. The Tatmadaw bombed a school.");
  for (const char* name : {"Al Shabaab", "Houthi Movement", "M23: March 23 Movement", "UN refugee agency",
                           "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                           "Amnesty International", "Hamas", "Reuters", "Military Forces of Myanmar"})
    EXPECT_TRUE(has(d, name)) << name;
  EXPECT_EQ(actor(d, "UN refugee agency")->type, "igo");
  EXPECT_EQ(actor(d, "Amnesty International")->type, "ngo");
  EXPECT_EQ(actor(d, "Reuters")->type, "media");
  EXPECT_EQ(actor(d, "Al Shabaab")->country, "SOM");
}

TEST_F(Actors, UserLexiconAddsActorsAtRunTime) {
  test::TempDir dir;
  const auto file = dir.write("mine.tsv",
                              "# my additions\n"
                              "Lions of the Valley\tpolitical_militia\tCOL\tValley Lions|LDV\n"
                              "Hezbollah\tpolitical_militia\tLBN\tParty of God\n");
  const Resources mine = Resources::load(MOSAIC_DATA_DIR, {file});
  const auto d = read("The Valley Lions clashed with soldiers. The Party of God denied it.", mine);
  EXPECT_EQ(who(d, "Valley Lions"), "Lions of the Valley");
  EXPECT_EQ(actor(d, "Lions of the Valley")->country, "COL");
  EXPECT_EQ(who(d, "Party of God"), "Hezbollah");  // an alias added to a bundled actor
}

// A description after "~" names the group only in a story of its own country: elsewhere the
// group's events get the sides ACLED gives the unnamed, and the description places no story.
TEST_F(Actors, ADescriptionNamesAGroupOnlyInAStoryOfItsCountry) {
  test::TempDir dir;
  const auto file = dir.write("mine.tsv", "Lions of the Valley\trebel_group\tCOL\tValley Lions|~mountain rebels\n");
  const Resources mine = Resources::load(MOSAIC_DATA_DIR, {file});
  const Document home = test::analyse_in("Colombia", "Mountain rebels attacked a police post in Medellin.", "", mine);
  EXPECT_EQ(who(home, "Mountain rebels"), "Lions of the Valley");
  const Document abroad = test::analyse_in("Kenya", "Mountain rebels attacked a police post in Nakuru.", "", mine);
  EXPECT_FALSE(has(abroad, "Lions of the Valley"));
  const Event* e = test::main_event(abroad);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->actor1.size(), 1u);
  EXPECT_EQ(actor_named(abroad, e->actor1.front()), "Unidentified Armed Group (Kenya)");
  // Named by a name of its own as well, it is the group wherever the story is.
  const Document named = test::analyse_in("Kenya", "The Valley Lions attacked a police post in Nakuru. The mountain "
                                          "rebels then withdrew.", "", mine);
  EXPECT_EQ(who(named, "mountain rebels"), "Lions of the Valley");
  // With no country told, the places say where the story is, not the description.
  const Document placed = read("Mountain rebels attacked a police post in Nakuru, Kenya.", mine);
  EXPECT_EQ(placed.country, "KEN");
  EXPECT_FALSE(has(placed, "Lions of the Valley"));
}

TEST_F(Actors, MalformedUserLexiconIsRefusedWithItsLine) {
  test::TempDir dir;
  const auto bad_type = dir.write("a.tsv", "Some Group\twarlords\tCOL\t-\n");
  const auto bad_cols = dir.write("b.tsv", "# ok\nSome Group\trebel_group\n");
  const auto bad_country = dir.write("c.tsv", "Some Group\trebel_group\tXYZ\t-\n");
  const auto description_nowhere = dir.write("d.tsv", "Some Group\trebel_group\t-\t~hill fighters\n");
  const auto empty_description = dir.write("e.tsv", "Some Group\trebel_group\tCOL\tSG|~\n");
  for (const auto& [file, what] : {std::pair{bad_type, "a.tsv:1: unknown actor type 'warlords'"},
                                   std::pair{description_nowhere, "d.tsv:1: '~hill fighters' needs a country"},
                                   std::pair{empty_description, "e.tsv:1: '~' describes nothing"},
                                   std::pair{bad_cols, "b.tsv:2: 2 tab-separated columns, expected 4"},
                                   std::pair{bad_country, "c.tsv:1: unknown country code 'XYZ'"}}) {
    try {
      Resources::load(MOSAIC_DATA_DIR, {file});
      ADD_FAILURE() << "loaded " << file;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  }
}

// --- actors in no lexicon, from their form and context

TEST_F(Actors, OrganisationsFromTheirHeadWords) {
  const auto d = read("Gunmen of the Northern Hawks Brigade stormed the checkpoint, and the Free Valley Front "
                      "claimed the attack.");
  ASSERT_TRUE(has(d, "Northern Hawks Brigade"));
  EXPECT_EQ(actor(d, "Northern Hawks Brigade")->type, "political_militia");
  ASSERT_TRUE(has(d, "Free Valley Front"));
  EXPECT_EQ(actor(d, "Free Valley Front")->type, "rebel_group");
}

TEST_F(Actors, OrganisationsFromKnownAsAndApposition) {
  const auto d = read(
      "Several rebel brigades formed an alliance known as the Southern Shield. The Sons of the River Brigade, an "
      "Iraqi militia, joined the offensive.");
  ASSERT_TRUE(has(d, "Southern Shield"));
  EXPECT_EQ(actor(d, "Southern Shield")->type, "rebel_group");
  const Actor* sons = actor(d, "Sons of the River Brigade");
  ASSERT_TRUE(sons);
  EXPECT_EQ(sons->country, "IRQ");
  EXPECT_EQ(sons->type, "political_militia");
}

TEST_F(Actors, PeopleFromTitlesAndRoles) {
  const auto d = read("One analyst, Miriam Okafor, said the talks had failed. Local journalist Yusuf Demir "
                      "agreed. Gen. Tomas Vidal ordered a retreat, and Okafor called it wise.");
  for (const char* name : {"Miriam Okafor", "Yusuf Demir", "Tomas Vidal"}) {
    ASSERT_TRUE(has(d, name)) << name;
    EXPECT_EQ(actor(d, name)->type, "person");
  }
  EXPECT_EQ(who(d, "Okafor"), "Miriam Okafor");
}

// --- aliases within and across documents

TEST_F(Actors, AcronymsDefinedInTheText) {
  const auto d = read("The Coastal Defence Brigade (CDB) shelled the port. Later, CDB fighters withdrew.");
  EXPECT_EQ(who(d, "CDB"), "Coastal Defence Brigade");
  EXPECT_EQ(std::count_if(d.mentions.begin(), d.mentions.end(),
                          [](const Mention& m) { return m.actor == "coastal-defence-brigade"; }),
            3);
}

// "X, a NAME (ACR)": the apposition's name goes to X, and its acronym to the
// organisation the apposition names, which the document then holds; the
// acronym alone later finds it. (It used to point at an actor never
// registered, and the ingest died on it.)
TEST_F(Actors, AnAppositionsAcronymNamesAnActorTheDocumentHolds) {
  const char* texts[] = {
      // the two sentences the reliability probe reported (the first in a sentence of ours)
      "In Karachi, Sindh, Pakistan, a Muttahida Qaumi Movement (MQM) activist was shot and killed by unknown "
      "assailants on his way home. MQM called a strike.",
      "Hezbollah, the Popular Resistance Front (PRF) said on Monday, attacked the post. The PRF later denied it.",
      // and others of the same form
      "Gunmen stormed the market in Gao, Mali, a Northern Valley Brigade (NVB) official said on the radio late on "
      "Sunday. NVB fighters later withdrew.",
      "The army shelled the port of Tobruk, an Eastern Coast Front (ECF) stronghold, for a third day. The ECF "
      "denied losses, and its commanders vowed to return.",
      "Fighting spread across Yemen, the Southern Resistance Movement (SRM) said, as its men moved on the port; "
      "SRM fighters hold the airport.",
      "The rebels, a Hill Tribes Brigade [HTB] statement said, retook the pass on the northern road. HTB and the "
      "army traded fire until dawn.",
  };
  for (const char* text : texts) {
    const auto d = read(text);
    for (const Mention& m : d.mentions)
      EXPECT_TRUE(std::any_of(d.actors.begin(), d.actors.end(), [&](const Actor& a) { return a.id == m.actor; }))
          << text << ": " << m.actor;
  }
  EXPECT_EQ(who(read(texts[0]), "MQM"), "MQM: Muttahida Qaumi Movement");  // ACLED's form for a known group
  EXPECT_EQ(who(read(texts[1]), "PRF"), "Popular Resistance Front");
  const auto gao = read(texts[2]);
  EXPECT_EQ(std::count_if(gao.mentions.begin(), gao.mentions.end(),
                          [](const Mention& m) { return m.actor == "northern-valley-brigade"; }),
            2);
  EXPECT_EQ(who(read(texts[3]), "ECF"), "Eastern Coast Front");
}

TEST_F(Actors, FormerNamesBecomeAliases) {
  const auto d = read("The group led the assault on the airport, and the Eastern Lions Brigade, formerly known "
                      "as the Desert Falcons, claimed it.");
  const Actor* lions = actor(d, "Eastern Lions Brigade");
  ASSERT_TRUE(lions);
  EXPECT_NE(std::find(lions->aliases.begin(), lions->aliases.end(), "Desert Falcons"), lions->aliases.end());
  EXPECT_EQ(who(d, "Desert Falcons"), "Eastern Lions Brigade");
}

TEST_F(Actors, TitlesAndPartialNames) {
  const auto d = read("President Bashar Assad spoke on Sunday. Mr. Assad said the war was over, and Assad's "
                      "allies agreed. The Assad government then closed the border.");
  EXPECT_EQ(who(d, "Bashar Assad"), "Bashar al-Assad");
  EXPECT_EQ(who(d, "Assad"), "Bashar al-Assad");
  EXPECT_EQ(who(d, "Assad government"), "Syria");
}

TEST_F(Actors, SpellingVariantsAndTransliterations) {
  const auto d = read("Hizbullah and Hezbollah are one group. Jaysh al Fateh and Jaish al-Fatah too. "
                      "Iraqi Shi'ite militiamen and Iraqi Shiite militias are one collective.");
  EXPECT_EQ(who(d, "Hizbullah"), "Hezbollah");
  EXPECT_EQ(who(d, "Jaysh al Fateh"), "Jaysh al-Fateh");
  EXPECT_EQ(who(d, "Jaish al-Fatah"), "Jaysh al-Fateh");
  EXPECT_EQ(who(d, "Iraqi Shi'ite militiamen"), "Iraqi Shiite militias");
  EXPECT_EQ(who(d, "Iraqi Shiite militias"), "Iraqi Shiite militias");
  EXPECT_EQ(actor(d, "Iraqi Shiite militias")->type, "identity_militia");
}

TEST_F(Actors, CollectivesAndLessSpecificRepeats) {
  const auto d = read("Afghan fighters and Pakistani Shiite militiamen held the ridge. Later the Pakistani "
                      "militias pulled back.");
  EXPECT_EQ(who(d, "Afghan fighters"), "Afghan fighters");
  EXPECT_EQ(who(d, "Pakistani militias"), "Pakistani Shiite militias");
}

TEST_F(Actors, HyphensLostInScraping) {
  const auto d = read("In Syria, progovernment militias and pro-government militias moved north.");
  EXPECT_EQ(who(d, "progovernment militias"), "Syrian pro-government militias");
  EXPECT_EQ(who(d, "pro-government militias"), "Syrian pro-government militias");
}

TEST_F(Actors, ApostrophesLostInScraping) {
  EXPECT_EQ(who(read("Fighting in Yemen went on. Yemens army said it held the port."), "Yemens army"),
            "Military Forces of Yemen");
}

// --- generic references resolved by the story's country

TEST_F(Actors, GenericWordsTakeTheCountryTheirPlacesSay) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built";
  // No country named: the towns say Kenya, then Nepal, then Bolivia.
  auto d = read("On 3 May, police fired tear gas at demonstrators in Garissa town, and gunmen shot a man near Wajir.");
  EXPECT_EQ(who(d, "police"), "Police Forces of Kenya");
  EXPECT_EQ(who(d, "demonstrators"), "Protesters (Kenya)");
  EXPECT_EQ(who(d, "gunmen"), "Unidentified Armed Group (Kenya)");
  EXPECT_EQ(who(d, "a man"), "Civilians (Kenya)");
  d = read("A mob set fire to a police post in Biratnagar after soldiers detained two villagers.");
  EXPECT_EQ(who(d, "A mob"), "Rioters (Nepal)");
  EXPECT_EQ(who(d, "soldiers"), "Military Forces of Nepal");
  EXPECT_EQ(who(d, "villagers"), "Civilians (Nepal)");
  d = read("Armed gang members robbed traders on the road out of Cochabamba.");
  EXPECT_EQ(who(d, "Armed gang"), "Unidentified Gang (Bolivia)");
}

TEST_F(Actors, WithNoCountryKnownGenericActorsKeepAcledsCountrylessNames) {
  const auto d = read("Unknown gunmen killed two residents overnight.");
  EXPECT_EQ(who(d, "Unknown gunmen"), "Unidentified Armed Group");
  EXPECT_EQ(who(d, "residents"), "Civilians");
}

TEST_F(Actors, StateForcesGoByAcledsNamesWithTheArticleWhereAcledWritesIt) {
  auto d = read("Central African troops and Kenyan police were deployed; the Military Forces of Mali (2021-) withdrew.");
  EXPECT_EQ(who(d, "Central African troops"), "Military Forces of the Central African Republic");
  EXPECT_EQ(who(d, "Kenyan police"), "Police Forces of Kenya");
  EXPECT_EQ(who(d, "Military Forces of Mali"), "Military Forces of Mali");  // the period is read and dropped
  d = read("The Tatmadaw shelled the village, and FAMa soldiers later entered Gao.");
  EXPECT_EQ(who(d, "Tatmadaw"), "Military Forces of Myanmar");
  EXPECT_EQ(who(d, "FAMa soldiers"), "Military Forces of Mali");
}

TEST_F(Actors, NamedGroupsGoByAcledsAbbreviationAndFullName) {
  const auto d = read("JNIM fighters ambushed a convoy. ISWAP claimed a raid. Houthi forces fired a missile. "
                      "CJNG gunmen clashed with the Sinaloa Cartel, and ELN guerrillas bombed a pipeline.");
  EXPECT_EQ(who(d, "JNIM fighters"), "JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(who(d, "ISWAP"), "Islamic State West Africa Province");
  EXPECT_EQ(who(d, "Houthi forces"), "Houthi Movement");
  EXPECT_EQ(who(d, "CJNG gunmen"), "CJNG: Jalisco New Generation Cartel");
  EXPECT_EQ(who(d, "ELN guerrillas"), "ELN: National Liberation Army");
}

TEST_F(Actors, APeoplesArmedMenAreItsEthnicOrClanMilitiaOfTheStorysCountry) {
  auto d = read("Fulani militiamen burned a granary in Mali; Dogon hunters fled.");
  EXPECT_EQ(who(d, "Fulani militiamen"), "Fulani Ethnic Militia (Mali)");
  d = read("Habar Gidir clansmen clashed with soldiers near Galkayo in Somalia.");
  EXPECT_EQ(who(d, "Habar Gidir clansmen"), "Habar Gidir Clan Militia (Somalia)");
  // Abroad, the militia is of the country its people live in.
  d = read("Toposa raiders stole cattle in Kenya.");
  EXPECT_EQ(who(d, "Toposa raiders"), "Toposa Ethnic Militia (South Sudan)");
  // A people's name alone names no militia, and its town stays a town.
  d = read("Pokot elders met in Kenya.");
  EXPECT_FALSE(has(d, "Pokot Ethnic Militia (Kenya)"));
}

TEST_F(Actors, AGroupInBracketsIsTheOneAFactionBelongsTo) {
  const auto d = read("On 2 March, suspected Katiba Serma (JNIM) militants burned a school in Boni.");
  EXPECT_EQ(who(d, "JNIM"), "JNIM: Group for Support of Islam and Muslims");
}

TEST_F(Actors, SeparatistsAreTheGroupThatHoldsThatNameInItsCountry) {
  const auto d = read("Separatists shelled Horlivka in Donetsk Oblast, Ukrainian officials said.");
  EXPECT_EQ(who(d, "Separatists"), "NAF: United Armed Forces of Novorossiya");
}


// --- a name several actors bear is the one of the story's country

TEST_F(Actors, SnaIsTheSomaliNationalArmyInASomaliStory) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built";
  // Only the places say Somalia: al-Shabaab fights in Kenya too.
  auto d = read("On 4 June, al-Shabaab fighters stormed an SNA outpost near Jowhar in Middle Shabelle.");
  EXPECT_EQ(who(d, "SNA"), "Military Forces of Somalia");
  EXPECT_FALSE(has(d, "Free Syrian Army"));
  // The words alone: the government the story names is Somalia's.
  d = read("The Somali government said SNA troops had retaken the town from the militants.");
  EXPECT_EQ(who(d, "SNA troops"), "Military Forces of Somalia");
  // A Kenyan story of a raid from Somalia: Somalia's army, not Syria's or Myanmar's groups.
  d = read("Kenyan police said gunmen crossed from Somalia overnight and fired on SNA and KDF positions near Mandera.");
  EXPECT_EQ(who(d, "SNA"), "Military Forces of Somalia");
  // Spelt out once: the text names which bearer its SNA is.
  d = read("The Somali National Army (SNA) said its soldiers had repelled the attack; SNA units pursued them.");
  EXPECT_EQ(who(d, "SNA"), "Military Forces of Somalia");
  EXPECT_FALSE(has(d, "Free Syrian Army"));
}

TEST_F(Actors, SnaStaysTheSyrianNationalArmyInASyrianStory) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built";
  auto d = read("Turkish-backed SNA fighters shelled villages held by the SDF north of Manbij.");
  EXPECT_EQ(who(d, "SNA fighters"), "Free Syrian Army");
  EXPECT_EQ(who(d, "SDF"), "Syrian Democratic Forces");  // not Japan's Self-Defense Forces
  // In Myanmar, the Shanni Nationalities Army.
  d = read("The SNA and the KIA clashed near Hpakant in Kachin State on Sunday.");
  EXPECT_EQ(who(d, "SNA"), "SNA: Shanni Nationalities Army");
  // Nothing says where: the first listed.
  d = read("The SNA said it would not negotiate.");
  EXPECT_EQ(who(d, "SNA"), "Free Syrian Army");
}

TEST_F(Actors, OtherSharedAcronymsTakeTheStorysCountry) {
  if (!std::filesystem::exists(Gazetteer::default_path())) GTEST_SKIP() << "gazetteer not built";
  auto d = read("The ADF ambushed a gendarmerie patrol outside Bamenda in the North-West region of Cameroon.");
  EXPECT_EQ(who(d, "ADF"), "Ambazonian Separatists");
  d = read("The ADF killed nine villagers near Beni in North Kivu, local officials said.");
  EXPECT_EQ(who(d, "ADF"), "ADF: Allied Democratic Forces");
  d = read("UPDF activists clashed with PCJSS supporters in Khagrachhari on Friday.");
  EXPECT_EQ(who(d, "UPDF"), "UPDF: United People's Democratic Front");
  d = read("UPDF soldiers killed two cattle raiders in Kotido district, Uganda.");
  EXPECT_EQ(who(d, "UPDF soldiers"), "Military Forces of Uganda");
  d = read("JEM militants attacked a CRPF camp in Pulwama district of Jammu and Kashmir.");
  EXPECT_EQ(who(d, "JEM militants"), "Jaish-e-Mohammed");
  d = read("JEM fighters attacked an army garrison in North Darfur, Sudan.");
  EXPECT_EQ(who(d, "JEM fighters"), "JEM: Justice and Equality Movement");
  d = read("In Tokyo, protesters marched against a new SDF missile base.");
  EXPECT_EQ(who(d, "SDF"), "Military Forces of Japan");
  d = read("APC supporters and SLPP youths clashed in Freetown, Sierra Leone, after the vote.");
  EXPECT_EQ(who(d, "APC"), "APC: All People's Congress");
  d = read("APC supporters and PDP youths clashed in Kano after the vote.");
  EXPECT_EQ(who(d, "APC"), "APC: All Progressives Congress");
}

TEST_F(Actors, GenericReferencesTakeTheStorysCountry) {
  const auto d = read("Fighting spread across Myanmar. The Myanmar military said rebels had attacked; the "
                      "government denied reports of losses, and residents fled.");
  EXPECT_EQ(who(d, "rebels"), "Myanmar rebels");
  EXPECT_EQ(who(d, "government"), "Myanmar");
  EXPECT_EQ(who(d, "residents"), "Civilians (Myanmar)");
}

TEST_F(Actors, ALeadersForcesAndWeaponsAreHisStates) {
  const auto d = read("Putin's troops advanced overnight, and Putin air strikes hit the town of Kupiansk.");
  EXPECT_EQ(who(d, "Putin's troops"), "Military Forces of Russia");
  EXPECT_EQ(who(d, "Putin"), "Military Forces of Russia");  // the air strikes'
  EXPECT_FALSE(has(d, "Vladimir Putin"));
}

TEST_F(Actors, APeoplesArmedGroupTakesTheStorysCountry) {
  // No country named: the story's, as for "the rebels"; "foreign" ones have none we know.
  const auto d = read("The Iraqi army said Kurdish fighters and Yazidi militiamen retook the town. Kurdish-led "
                      "forces later held the bridge, while foreign Sunni fighters fled west.");
  // A people's fighters and forces of one story are one militia (identity_test.cc).
  EXPECT_EQ(who(d, "Kurdish fighters"), "Iraqi Kurdish militias");
  EXPECT_EQ(who(d, "Yazidi militiamen"), "Iraqi Yazidi militias");
  EXPECT_EQ(who(d, "Kurdish-led forces"), "Iraqi Kurdish militias");
  EXPECT_EQ(who(d, "foreign Sunni fighters"), "Sunni fighters");
  ASSERT_TRUE(actor(d, "Iraqi Kurdish militias"));
  EXPECT_EQ(actor(d, "Iraqi Kurdish militias")->type, "identity_militia");
  EXPECT_EQ(actor(d, "Iraqi Kurdish militias")->country, "IRQ");
  EXPECT_EQ(actor(d, "Sunni fighters")->country, "");
  // A people named alone is not an armed group.
  EXPECT_FALSE(has(read("Kurdish families returned to the village."), "Kurdish families"));
}

TEST_F(Actors, GenericNounsUsedAsModifiersAreNotActors) {
  const auto d = read("In Mali, a military alliance was formed and the army said it was ready.");
  EXPECT_EQ(who(d, "military"), "");
  EXPECT_EQ(who(d, "army"), "Military Forces of Mali");
}

// --- no false actors

TEST_F(Actors, PlacesDatesAndBoilerplateAreNotActors) {
  const auto d = read(
      "KHARTOUM, Sudan — Shelling hit a market in Khartoum on Monday. Aid reached northern Syria and "
      "the Gaza Strip in March. They ate roast turkey. The Cold War ended long ago.");
  EXPECT_TRUE(d.mentions.empty()) << ::testing::PrintToString(names(d));
  // A news site's furniture copied into the text with its line breaks lost: "Category News",
  // "Related News" name no one.
  const auto site = read("Floods cut the road to Dilling monitor Category News Related News Shelling hit a market.");
  EXPECT_FALSE(std::any_of(site.actors.begin(), site.actors.end(), [](const Actor& a) { return a.name.find("News") != std::string::npos; }))
      << ::testing::PrintToString(names(site));
}

TEST_F(Actors, TitleCaseHeadlinesDoNotMakePeople) {
  const auto d = read("Chief Of Staff Warns Against New Offensive Near Border\n\nThe offensive began.");
  EXPECT_TRUE(d.mentions.empty()) << ::testing::PrintToString(names(d));
}

TEST_F(Actors, CountriesInAListAfterAPrepositionArePlaces) {
  const auto d = read("The group recruited fighters from Chad, Niger and Libya, and from Egypt, which backs the army.");
  EXPECT_FALSE(has(d, "Chad"));
  EXPECT_FALSE(has(d, "Niger"));
  EXPECT_FALSE(has(d, "Libya"));
  EXPECT_TRUE(has(d, "Egypt"));
}

TEST_F(Actors, SpansPointAtTheText) {
  const auto d = read("The United Nations said Hezbollah militants crossed the border.");
  ASSERT_EQ(d.mentions.size(), 2u);
  EXPECT_EQ(d.slice(d.mentions[0].span), "United Nations");
  EXPECT_EQ(d.slice(d.mentions[1].span), "Hezbollah militants");
  EXPECT_EQ(d.mentions[1].sentence, 0u);
}

// An armed group's name runs on over "of" and the land or people it is of; a union's or an
// institute's does not swallow the place after it.
TEST_F(Actors, AnArmedGroupsNameRunsOnOverOfItsLand) {
  Document d = read("Police arrested 12 members of the Popular Front of India in Kozhikode.");
  EXPECT_TRUE(has(d, "Popular Front of India"));
  EXPECT_FALSE(has(d, "Popular Front"));
  d = read("Militants of the National Democratic Front of Bodoland ambushed an army patrol near Kokrajhar.");
  EXPECT_TRUE(has(d, "National Democratic Front of Bodoland"));
  d = read("Students of the Kiambu Institute of Science and Technology marched to Kiambu town.");
  EXPECT_FALSE(has(d, "Kiambu Institute of Science and Technology"));
}

// A name the lexicon does not know, right before what an armed group does in an attack, is a
// group: an acronym ("the ZRF ambushed"), a name with a word no dictionary lists and its acronym
// ("Nkomazi Rangers Brigade (NRB) carried out"). Not an acronym after "an", a title's: "an MCA".
TEST_F(Actors, AnUnknownNameThatAttackedIsAGroup) {
  Document d = read("On 3 March, the ZRF ambushed a police patrol near Tete.");
  EXPECT_TRUE(has(d, "ZRF"));
  d = read("On 3 March, the Kwazulu Lion Rangers (KLR) carried out a bomb attack on a police post.");
  EXPECT_TRUE(has(d, "Kwazulu Lion Rangers"));
  d = read("On 3 March, an MCA raided the county hospital and chased out patients.");
  EXPECT_FALSE(has(d, "MCA"));
  d = read("On 3 March, Rosa attacked her neighbour with a knife.");
  EXPECT_FALSE(has(d, "Rosa"));
}

// A headline run into the text begins no name with its verb: "Repels" is no part of the Front.
TEST_F(Actors, AVerbOfAHeadlineBeginsNoName) {
  const Document d = read("Kenyan Army Repels Liberation Front Attacks in Lamu and other stories.");
  for (const Actor& a : d.actors) EXPECT_EQ(a.name.find("Repels"), std::string::npos) << a.name;
}

// The error loading the lexicon gives once `row` is added as the last line of `file` (a path
// under the data directory), and that line's "file:line"; "" if it loads.
std::pair<std::string, std::string> load_error_with(const std::string& file, const std::string& row) {
  test::TempDir dir;
  std::filesystem::copy(MOSAIC_DATA_DIR, dir.file("data"), std::filesystem::copy_options::recursive);
  std::ofstream(dir.file("data/" + file), std::ios::app) << row << "\n";
  std::ifstream in(dir.file("data/" + file));
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string where = std::filesystem::path(file).filename().string() + ":" +
                            std::to_string(std::count(all.begin(), all.end(), '\n'));
  try {
    Lexicon::load({dir.file("data"), Lexicon::default_iso_codes(), {}});
  } catch (const Error& e) {
    return {e.what(), where};
  }
  return {"", where};
}

// An alias of groups.tsv that begins with "+" and is no marker ("+locals" for "+local") fails to
// load, naming file and line.
TEST(Lexicon, AnUnknownMarkerOfAGroupIsAnErrorNamingFileAndLine) {
  const auto [error, where] = load_error_with("lexicon/groups.tsv", "Kolo Defence Force\trebel_group\tMLI\tKDF|+locals");
  EXPECT_NE(error.find(where), std::string::npos) << error;
  EXPECT_NE(error.find("+locals"), std::string::npos) << error;
}

// A compound word of words.tsv whose value is none the recogniser reads fails to load, naming file
// and line.
TEST(Lexicon, ACompoundThatNeitherBacksLeadsNorPlacesIsAnErrorNamingFileAndLine) {
  const auto [error, where] = load_error_with("lexicon/words.tsv", "inspired\tcompound\tfollowing");
  EXPECT_NE(error.find(where), std::string::npos) << error;
  EXPECT_NE(error.find("not 'following'"), std::string::npos) << error;
}

}  // namespace
}  // namespace mosaic
