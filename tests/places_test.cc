// Geocoding, with sentences written for these tests. The GeoNames gazetteer
// is built by scripts/setup; without it, only the bundled places are known
// and the tests that need more skip.
#include <gtest/gtest.h>

#include <filesystem>

#include "helpers.h"
#include "util/keys.h"
#include "resolve/place_hints.h"

namespace mosaic {
namespace {


bool full_gazetteer() { return std::filesystem::exists(Gazetteer::default_path()); }

Document read(const std::string& text, const std::string& date = "2016-10-06") { return test::analyse(text, date); }

const Event& first(const Document& d) {
  EXPECT_FALSE(d.events.empty());
  return d.events.front();
}

TEST(Gazetteer, BundledPlacesAndVariantSpellings) {
  const Gazetteer& g = test::bundled().gazetteer;
  ASSERT_FALSE(g.lookup("Handarat camp").empty());
  EXPECT_EQ(g.lookup("Handarat").front()->admin1, "Aleppo");
  EXPECT_NEAR(g.lookup("Zamzam").front()->latitude, 13.49, 0.01);
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  EXPECT_GT(g.size(), 100000u);
  ASSERT_TRUE(g.country("SYR"));
  EXPECT_EQ(g.country("SYR")->name, "Syria");
  EXPECT_EQ(g.country("XXX"), nullptr);
  // One place, many spellings.
  for (const char* name : {"Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az Zawr"}) {
    const auto found = g.lookup(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Place* p) { return p->admin1 == "Deir ez-Zor"; })) << name;
  }
  for (const char* name : {"Hasakah", "Hassakeh", "Al-Hasakah"}) EXPECT_FALSE(g.lookup(name).empty()) << name;
  for (const char* name : {"Latakia", "Lattakia"}) EXPECT_FALSE(g.lookup(name).empty()) << name;
  for (const char* name : {"Idlib", "Idleb"}) EXPECT_FALSE(g.lookup(name).empty()) << name;
  // Names the news uses where GeoNames has another: Tabqa is Ath Thawrah, Azaz is I'zaz.
  for (const char* name : {"Tabqa", "Al Tabqah"}) {
    const auto found = g.lookup(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found.front()->name, "Ath Thawrah") << name;
  }
  EXPECT_FALSE(g.lookup("Azaz").empty());
  // Transliterations compared by consonants, only when asked.
  EXPECT_FALSE(g.lookup("Khan Sheikhoun", true).empty());
  // Divisions under the names news uses.
  bool raqqa = false;
  for (const Place* p : g.lookup("Raqqa")) raqqa |= p->kind == "admin1" && p->name == "Raqqa";
  EXPECT_TRUE(raqqa);
}

TEST(Geocoder, TownsGetCoordinatesAndTheirDivision) {
  const Document doc_e = read("In Sudan, RSF shelling hit the Zamzam camp on Monday.");
  const Event& e = first(doc_e);
  EXPECT_EQ(e.location, "Zamzam");
  EXPECT_EQ(e.admin1, "North Darfur");
  EXPECT_EQ(e.country, "SDN");
  ASSERT_TRUE(e.latitude);
  EXPECT_NEAR(*e.latitude, 13.49, 0.01);
  EXPECT_EQ(e.geo_precision, 1);
  EXPECT_EQ(e.time_precision, 1);
}

TEST(Geocoder, RelativePlacesArePrecisionTwo) {
  const Document doc_e = read("Syrian airstrikes hit villages south of Handarat, a monitor said.");
  const Event& e = first(doc_e);
  EXPECT_EQ(e.admin1, "Aleppo");
  EXPECT_EQ(e.geo_precision, 2);
}

TEST(Geocoder, DisambiguationByTheStorysCountry) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // Tripoli is a city in Libya and in Lebanon: the story says which.
  const Document doc_libya = read("Libyan National Army jets bombed Tripoli on Sunday.");
  const Event& libya = first(doc_libya);
  EXPECT_EQ(libya.country, "LBY");
  const Document doc_lebanon = read("Hezbollah fighters clashed with Lebanese soldiers in Tripoli, the Lebanese army said.");
  const Event& lebanon = first(doc_lebanon);
  EXPECT_EQ(lebanon.country, "LBN");
}

TEST(Geocoder, ATownOnlyAbroadDoesNotMoveTheStory) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // Castello is a town in Italy, not in Sudan: the actors say where this story is.
  const Document doc = read("Sudanese army troops repelled an RSF raid on Castello on Monday, the Sudanese army said.");
  const Event& e = first(doc);
  EXPECT_NE(e.country, "ITA");
  EXPECT_EQ(doc.country, "SDN");
}

// A town whose own name the text writes outranks a larger one that bears it among other
// languages' names for it: Mali's Koro, not Venezuela's Coro ("Koro" among its other names); and
// such another language's name does not take a story abroad: "Ber" is Turkish for Greece's
// Veroia, but FAMa's Ber is a Malian village.
TEST(Geocoder, AnotherLanguagesNameForATownAbroadIsNoFalseFriend) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document koro = read("Gunmen looted shops in Koro on Monday.");
  EXPECT_EQ(first(koro).country, "MLI");
  const Document ber = read("FAMa withdrew from Ber on Monday.");
  EXPECT_EQ(first(ber).country, "MLI");
  // (A spelling of the same name is the town's own: "Khan Younis" is Khan Yunis.)
  const Document gaza = read("Israeli warplanes bombed Khan Younis on Monday, killing 12 people.");
  EXPECT_EQ(first(gaza).country, "PSE");
  // A spelling data/places/variants.tsv gives a place is its own: Syria's Palmyra (Tadmur) before
  // the United States' Palmyras.
  const Document palmyra = read("Syrian army troops shelled Islamic State positions near Palmyra on Monday.");
  EXPECT_EQ(first(palmyra).country, "SYR");
}

TEST(Geocoder, AnArticleIsNoPlaceOnItsOwn) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "Al" of an unknown "Al Qarnabiya" is not the town of Ål in Norway.
  const Geocoder geocoder(test::bundled().gazetteer, test::bundled().vocabulary);
  EXPECT_EQ(geocoder.find("Al Qarnabiya", "", false), nullptr);
  EXPECT_NE(geocoder.find("Al Tabqah", "SYR"), nullptr);
}

TEST(Geocoder, AStoryPlacedOnlyByCountryTakesItsDivision) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("Strikes on Idlib kill 12\n\nAirstrikes in Syria killed 12 people on Tuesday. "
                          "Residents of Idlib said the strikes hit a market.");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->admin1, "Idlib");
  EXPECT_LE(main->geo_precision, 3);
}

TEST(Geocoder, DatelinesAbroadDoNotPlaceTheEvent) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document doc_e = read("MOSCOW — Russian jets bombed Saraqeb in Idlib on Monday, killing four people.");
  const Event& e = first(doc_e);
  EXPECT_EQ(e.country, "SYR");
  EXPECT_EQ(e.admin1, "Idlib");
}

TEST(Geocoder, ATitleCaseDirectionBeginsThePlacesName) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // A headline's "Eastern Homs" is Homs; "Eastern Ghouta" is a name of its own.
  const Document homs = read("Five Killed in Mortar Attack on Eastern Homs\n\n"
                             "Mortar shells fired by armed groups killed five people on Monday, state media said.");
  const Event* main = test::main_event(homs);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->admin1, "Homs");
  EXPECT_EQ(main->geo_precision, 2);  // part of Homs
  const Document ghouta = read("Government shelling in Eastern Ghouta killed nine people on Sunday.");
  EXPECT_EQ(first(ghouta).location, "Eastern Ghouta");
  EXPECT_EQ(first(ghouta).admin1, "Rif Dimashq");
  EXPECT_EQ(first(ghouta).geo_precision, 1);  // the place itself
}

TEST(Geocoder, APlaceTheTextLocatesByABearingFromAnotherIsTheEventsPlace) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "X west of Y": the event is at X; Y only says where X lies, at a sentence's head as anywhere.
  const Document town = read("The town of Kidal north of Gao was shelled by militants on Monday.");
  EXPECT_EQ(first(town).location, "Kidal");
  const Document head = read("Kidal north of Gao was shelled by militants on Monday.");
  EXPECT_EQ(first(head).location, "Kidal");
  const Document apposed = read("Militants shelled Kidal, a town 30 km north of Gao, on Monday.");
  EXPECT_EQ(first(apposed).location, "Kidal");
  // A bearing alone places the event by its reference point.
  const Document alone = read("Militants shelled army positions 30 km north of Gao on Monday.");
  EXPECT_EQ(first(alone).location, "Gao");
}

TEST(Geocoder, AHeadlineRunIntoItsLeadEndsThePlaceNameAtTheLeadsFirstWord) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // Scraped pages join the headline to the lead: "... in Gao Four soldiers were ...".
  const Document number = read("Mortar attack in Gao Four soldiers were wounded when militants fired mortars at the base on Monday.");
  EXPECT_EQ(first(number).location, "Gao");
  const Document adverb = read("Clashes in Gao Nearly 30 militants were killed when troops repelled an attack on Monday.");
  EXPECT_EQ(first(adverb).location, "Gao");
  // A word of grammar after the name is no part of it.
  const Document article = read("In a separate raid in Gao the troops killed two militants on Monday.");
  EXPECT_EQ(first(article).location, "Gao");
}

TEST(Geocoder, AnEventPlacedOnlyByItsCountryIsAtItsCommonName) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = test::analyse_in("Somalia", "Al Shabaab fighters withdrew from a small town on Sunday.", "2024-03-14");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().location, "Somalia");
}

TEST(Geocoder, ANameTheGazetteerKnowsOnlyInPartVotesForNoCountry) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "Complexo da Mare" is no vote for New Caledonia's Mare; Rio de Janeiro places the story.
  const Document d = read("On 6 March 2024, police clashed with drug traffickers in Complexo da Mare, Rio de Janeiro, "
                          "killing three suspects.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().country, "BRA");
}

TEST(Geocoder, AnEventNamedOnlyByItsCountryTakesTheLeadsPlace) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // The headline says "northern Syria", the lead says the town: one event, in the town.
  const Document d = read("Kurdish Fighters Kill 12 Turkish Soldiers in North Syria\n\n"
                          "Kurdish YPG fighters killed 12 Turkish soldiers near Afrin on Thursday, a Kurdish agency said.");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->location, "Afrin");
  EXPECT_EQ(main->admin1, "Aleppo");
  EXPECT_EQ(std::count_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.sub_event_type == main->sub_event_type; }), 1);
}

TEST(Geocoder, AnAbbreviatedMonthIsNoPlace) {
  const Document d = read("Updated at Nov 02 2017. Shelling killed three people in Douma on Tuesday.");
  for (const auto& place : d.places) EXPECT_NE(place.name, "Nov");
}

TEST(Geocoder, APlaceAbroadGivesWayToTheStorysDivision) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // Announced in Moscow, the strike happened where the story is: no event
  // carries the name of one place and the coordinates of another.
  const Document d = read("Syrian army shells rebels near Idlib\n\n"
                          "Syrian army artillery shelled rebel positions near Idlib on Monday, killing six fighters, a "
                          "monitor said. In a separate incident, Syrian jets bombed a village, the ministry said in Moscow.");
  ASSERT_EQ(d.events.size(), 2u);
  for (const Event& e : d.events) {
    EXPECT_EQ(e.location, "Idlib");
    EXPECT_EQ(e.admin1, "Idlib");
  }
}

TEST(Geocoder, WordsTakenForAPlaceGiveWayToTheCountry) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "in Car Bomb" of a title-case headline is no place; the story is in Syria.
  const Document d = read("Six Killed in Car Bomb Near Old Mosque\n\n"
                          "A car bomb killed six people outside a mosque on Friday, Syrian state television said.");
  const Event& e = first(d);
  EXPECT_EQ(e.location, "Syria");
  EXPECT_EQ(e.country, "SYR");
  EXPECT_TRUE(e.latitude);
  EXPECT_EQ(e.geo_precision, 3);
  // A village the gazetteer does not know keeps its name.
  const Document village = read("In Sudan, RSF fighters killed dozens of civilians in the village of Um Kadada Janub.");
  EXPECT_EQ(first(village).location, "Um Kadada Janub");
  EXPECT_EQ(first(village).country, "SDN");
}

TEST(Geocoder, EveryCountryTheActorsNameIsACandidate) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // American actors, a Syrian town: the town says where the story is.
  const Document d = read("Car bomb kills four in Syrian city of Qamishli\n\n"
                          "A car bomb killed four people in Qamishli on Monday, Syrian state media said. Separately, US "
                          "jets bombed an oil depot held by the Islamic State group, the Pentagon said in Washington.");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->location, "Qamishli");
  EXPECT_EQ(main->country, "SYR");
}

TEST(Geocoder, TheEventsPlaceOutweighsTheAttackersNationality) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // Actors travel, places do not: a strike by a foreign force happens where it lands.
  const std::pair<const char*, const char*> told[] = {
      {"Russian missile strikes on Kharkiv killed five civilians on Tuesday.", "UKR"},
      {"Israeli warplanes bombed Khan Younis on Monday, killing 12 people.", "PSE"},
      {"Turkish drones struck a car near Qamishli on Monday, killing three fighters.", "SYR"},
      // (A town's namesakes abroad a tenth its size or less do not make its name ambiguous:
      // Bulgaria's Nikopol is a village beside Ukraine's city.)
      {"Russian forces shelled Nikopol with heavy artillery on Monday, wounding two women.", "UKR"}};
  for (const auto& [text, country] : told) {
    const Document d = read(text);
    ASSERT_FALSE(d.events.empty()) << text;
    EXPECT_EQ(first(d).country, country) << text;
  }
  const Document d = read("Russian missile strikes on Kharkiv killed five civilians on Tuesday.");
  EXPECT_EQ(first(d).actor1, std::vector<std::string>{"military-forces-of-russia"});
  // A foreign state's own capital is the state speaking, and a name of towns in several
  // countries says no country: neither moves a story away from its own.
  const Document moscow = read("Syrian and Russian jets struck rebel districts of Aleppo on Monday, and Moscow said "
                               "strikes on Aleppo would go on.");
  EXPECT_EQ(first(moscow).country, "SYR");
}

TEST(Geocoder, AVillageInADivisionIsOneEventAtTheVillage) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "X village in Y LGA, Z, and abducted ...": Y and Z say where X lies (no list of places, the
  // "and" joins two verbs), so the attack and the abduction are told at one place: one event.
  const Document d = read("On 4 April 2024, bandits attacked Kuriga village in Chikun LGA, Kaduna, and abducted more "
                          "than 100 pupils.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(first(d).admin1, "Kaduna");
}

// "X district of Y": before a division's noun the name is the place and Y says where it lies,
// which decides between namesakes (India has a Bijapur in Karnataka and one in Chhattisgarh);
// before a settlement's noun the name after "of" is the place ("the Dogon village of Tiguila").
TEST(Geocoder, ANameBeforeADivisionsNounOfAnotherLiesInTheOther) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  for (const char* text : {"Maoists killed two policemen in Bijapur district of Chhattisgarh on Sunday.",
                           "Maoists killed two policemen in Chhattisgarh's Bijapur district on Sunday."}) {
    const Document d = read(text);
    ASSERT_FALSE(d.events.empty()) << text;
    EXPECT_EQ(first(d).location, "Bijapur") << text;
    EXPECT_EQ(first(d).admin1, "Chhattisgarh") << text;
  }
  const Document niger = read("Gunmen killed 12 villagers in the Tillaberi region of Niger on Monday.");
  ASSERT_FALSE(niger.events.empty());
  EXPECT_EQ(first(niger).country, "NER");
  const Document mali = read("Militants attacked the Dogon village of Tiguila on Monday, killing four.");
  ASSERT_FALSE(mali.events.empty());
  EXPECT_EQ(first(mali).location, "Tiguila");
}

// A quarter the gazetteer does not know, named like a division abroad, is no reason to move the
// story abroad: "the Salah al-Din district of Aleppo" is Aleppo's, not Iraq's province.
TEST(Geocoder, AQuarterOfACityNamedLikeADivisionAbroadStaysInTheCity) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("A bomb killed six people in the Salah al-Din district of Aleppo on Monday.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).country, "SYR");
  EXPECT_EQ(first(d).location, "Aleppo");
}

// A country named where a division would be ("near Boni, Mali") is that country, not a division
// abroad of its name (Guinea has a Mali prefecture); and a group that fights in several countries
// keeps a village the gazetteer lacks in one of them, not at a namesake abroad.
TEST(Geocoder, ACountryNamedAfterAVillageAndAGroupsCountriesKeepTheStoryAtHome) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  EXPECT_EQ(first(read("On 2 June 2024, gunmen killed two soldiers near Boni, Mali.")).country, "MLI");
  EXPECT_EQ(first(read("On 2 June 2024, an IED planted by JNIM exploded near Boni, killing two soldiers.")).country, "MLI");
}

// "over Kyiv" places what was shot down; a name in brackets that is one country's first-level
// division and another's district ("(Donetsk)": Ukraine's oblast, a district of Russia's Rostov
// region) is the division, so the village beside it is that division's namesake.
TEST(Geocoder, OverACityAndAFirstLevelDivisionBeforeADistrictOfItsName) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document kyiv = read("On 3 February 2024, Ukrainian air defence shot down 12 Russian drones over Kyiv.");
  ASSERT_FALSE(kyiv.events.empty());
  EXPECT_EQ(first(kyiv).location, "Kyiv");
  EXPECT_EQ(first(kyiv).country, "UKR");
  const Document marinka = read("On 3 February 2024, Ukrainian forces shot down a Russian fighter jet near Marinka (Donetsk).");
  ASSERT_FALSE(marinka.events.empty());
  EXPECT_EQ(first(marinka).country, "UKR");
  EXPECT_EQ(first(marinka).admin1, "Donetsk");
}

// A capitalised "City" is part of the name ("Mexico City"); a favela is a place noun, so the city
// set off after it says where it lies; "X village near Y" is one place, X, lying by Y.
TEST(Geocoder, ACityNamedSoAFavelaOfACityAndAVillageNearATown) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document mexico = read("On 15 April 2024, gunmen shot dead four people at a bar in Mexico City.");
  ASSERT_FALSE(mexico.events.empty());
  EXPECT_EQ(first(mexico).location, "Mexico City");
  // (Its division is its own: "Mexico" before "City" is no hint of México state.)
  EXPECT_EQ(first(mexico).admin1, "Mexico City");
  const Document rio = read("On 15 April 2024, police killed three suspected drug traffickers during an operation in "
                            "the Complexo da Mare favela, Rio de Janeiro.");
  ASSERT_FALSE(rio.events.empty());
  EXPECT_EQ(first(rio).country, "BRA");
  const Document village = read("On 15 April 2024, settlers attacked homes in Qaryut village near Nablus, killing one man.");
  EXPECT_EQ(village.events.size(), 1u);
}

// A village the gazetteer lacks keeps its name though a famous city abroad bears it in another
// language ("Boni" is a Latvian name of Bonn); a famous city by its own name is named in passing.
TEST(Geocoder, AVillageKeepsItsNameThoughACityAbroadBearsItInAnotherLanguage) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("On 11 March 2024, JNIM fighters attacked an army post in Boni, Mali, killing four soldiers.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Boni");
  EXPECT_EQ(first(d).country, "MLI");
}

// "Kupwara, Jammu and Kashmir" is a town and its division, not a list of three places: one event.
TEST(Geocoder, ADivisionWhoseNameJoinsTwoWordsIsNoListOfPlaces) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("On 11 March 2024, security forces killed three militants in Kupwara, Jammu and Kashmir.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(first(d).location, "Kupwara");
  EXPECT_EQ(first(d).admin1, "Jammu and Kashmir");
  EXPECT_EQ(first(d).fatalities, 3);
}

TEST(Geocoder, ASiteNobodyKnowsIsPlacedAtItsTown) {
  // An unknown camp in an unknown town: ACLED codes the town, not the camp.
  const Document d = read("On 3 May 2021, gunmen attacked an IDP camp in Nabasgo, killing 12 civilians.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Nabasgo");
  // A village keeps its own name.
  const Document v = read("On 3 May 2021, gunmen attacked Tindabo village in Nabasgo, killing 12 civilians.");
  ASSERT_FALSE(v.events.empty());
  EXPECT_EQ(first(v).location, "Tindabo");
}

TEST(Geocoder, TheCountryThatOwnsAPlaceIsNotItsName) {
  const Document d = read("Gunmen attacked a village in Nigeria's Plateau state on Friday, killing 20 people.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Plateau");
}

TEST(Geocoder, ATownsPossessiveSaysWhereThePlaceLies) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "Karachi's Lyari area": Lyari, in Karachi; where the gazetteer lacks Lyari, Karachi.
  const Document d = read("On 14 March 2024, a man was stabbed to death by unknown assailants in Karachi's Lyari area.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_NE(first(d).location, "Karachi's Lyari");
  EXPECT_EQ(first(d).admin1, "Sindh");
}

TEST(Geocoder, ANameGoesOnInSmallLetters) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  // "Deir ezzor": the second word written small is still the name's.
  const Document d = read("Air strikes kill nine civilians in Syria's Deir ezzor\n\n"
                          "Nine civilians were killed on Tuesday, a monitoring group said.");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->admin1, "Deir ez-Zor");
}

// --- where notes and local news say a place lies
TEST(PlaceHints, NamesMarkedBracketedOrAfterACommaAreHints) {
  Document d;
  d.text = "On 2 May, in Pa Lae village (Kani township, Monywa district, Sagaing region), troops burned houses. "
           "Two policemen were shot in Nawa-e Barakzayi district, Helmand.";
  d.sentences = {{Span{0, 101}}, {Span{102, uint32_t(d.text.size())}}};
  const Gazetteer& g = test::bundled().gazetteer;
  std::vector<std::string> names;
  for (const PlaceHint& h : place_hints(d, [&](std::string_view w) { return g.place_noun(w); })) names.push_back(h.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Pa Lae", "Kani", "Monywa", "Sagaing", "Nawa-e Barakzayi", "Helmand"}));
}

TEST(Geocoder, TheDivisionTheTextGivesPlacesAVillageInTenCountries) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  struct Case {
    const char* text;
    const char* country;
    const char* admin1;
  };
  // None names its country: the division given beside the village says where it is.
  for (const Case& c : {
           Case{"On 4 June, gunmen killed a trader in Kiwanja Ndogo village, Bungoma County.", "KEN", "Bungoma"},
           Case{"On 9 July, soldiers burned houses in Ywa Thit Kone village (Kani township, Sagaing region).", "MMR", "Sagaing"},
           Case{"On 2 March, unknown gunmen abducted a herder in Tin Akof Nord (Oudalan, Sahel).", "BFA", "Sahel"},
           Case{"On 8 May, a mob beat a thief to death in Char Kukri village, Bhola Sadar upazila (Bhola, Barisal).", "BGD", "Barisal"},
           Case{"On 3 April, police fired tear gas at protesters in Aduwa Tole, Bara district (Madhesh).", "NPL", "Madhesh"},
           Case{"On 5 August, bandits killed four farmers in Unguwan Gwaza, Kajuru LGA, Kaduna State.", "NGA", "Kaduna"},
           Case{"On 6 October, a drone hit a farm near Novoselivka Persha in Pokrovsk raion, Donetsk Oblast.", "UKR", "Donetsk"},
           Case{"On 1 February, gunmen killed two men in Rancho El Tule, in the municipality of Apatzingan, Michoacan state.", "MEX", "Michoacán"},
           Case{"On 7 January, Taliban fighters attacked a checkpoint in Qala-e Naw district, Badghis province.", "AFG", "Badghis"},
           Case{"On 11 November, the army shelled Wad Ashana village in Um Rawaba locality, North Kordofan state.", "SDN", "North Kordofan"},
       }) {
    const Document d = read(c.text);
    ASSERT_FALSE(d.events.empty()) << c.text;
    EXPECT_EQ(d.country, c.country) << c.text;
    EXPECT_EQ(first(d).admin1, c.admin1) << c.text;
  }
}

// GeoNames writes many French-speaking countries' districts with their kind before the name
// ("Province du Yagha", "Cercle de Bourem"); news writes the name alone.
TEST(Geocoder, ADistrictNamedWithoutItsFrenchKindStillPlacesTheVillage) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Gazetteer& g = test::bundled().gazetteer;
  for (const char* name : {"Yagha", "Seno", "Bourem"}) EXPECT_FALSE(g.lookup(name).empty()) << name;
  const Document d = read("On 3 May, gunmen looted shops in Wuro Naaba Keelo village, Yagha province.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.country, "BFA");
  EXPECT_EQ(first(d).admin1, "Sahel");
}

// ACLED splits some first-level divisions GeoNames keeps whole ("Shan-North", "Bago-West"): the
// text's finer name wins; a district named so ("Yangon-West District") stays in its division.
TEST(Geocoder, ADivisionWrittenWithACompassPointIsTheFinerDivision) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = read("On 3 June, soldiers burned houses in Lashio (Lashio township, Shan-North state).");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Shan-North");
  d = read("On 3 June, soldiers burned houses in Yangon (Hlaing township, Yangon-West District).");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Yangon");
}

// What the record states is where the events are: a town two countries share is the stated
// one's, and the unnamed police are that country's; a name Mosaic does not know is no country.
TEST(Geocoder, TheRecordsStatedCountryDecidesTheTownAndWhoseThePoliceAre) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  for (const char* chad : {"Chad", "TCD", "td", " chad "}) {
    const Document d = test::analyse_in(chad, "On 4 March, police shot dead two herders near Kaya.");
    EXPECT_EQ(d.country, "TCD") << chad;
    ASSERT_FALSE(d.events.empty()) << chad;
    EXPECT_EQ(first(d).country, "TCD") << chad;
    EXPECT_EQ(first(d).admin1, "Lac") << chad;
    ASSERT_FALSE(first(d).actor1.empty());
    EXPECT_EQ(first(d).actor1.front(), "police-forces-of-chad") << chad;
  }
  const Document bf = test::analyse_in("Burkina Faso", "On 4 March, police shot dead two herders near Kaya.");
  ASSERT_FALSE(bf.events.empty());
  EXPECT_EQ(first(bf).admin1, "Centre-Nord");
  // Kenyan fishermen harassed by another country's police, told from Kenya: still Kenya's story.
  const Document ke = test::analyse_in("KE", "Fishermen protested in Kisumu against harassment by Ugandan police on the lake.");
  EXPECT_EQ(ke.country, "KEN");
  const Document unknown = test::analyse_in("Atlantis", "On 4 March, gunmen killed two herders near Maiduguri.");
  EXPECT_EQ(unknown.country, "NGA");
  EXPECT_EQ(unknown.stated_country, "");
}

// "In the capital" with no name after it is the story's country's capital.
TEST(Geocoder, TheCapitalUnnamedIsTheCapitalOfTheStorysCountry) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Chad", "Hundreds of students marched in the capital to demand their unpaid grants.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(fold(first(d).location), fold("N'Djamena"));
  d = read("Riot police fired tear gas at traders protesting in the Ethiopian capital on Tuesday.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Addis Ababa");
  EXPECT_EQ(first(d).admin1, "Addis Ababa");
  // A name after it is the place: "the capital Abuja" is Abuja, not the capital looked up.
  d = test::analyse_in("Nigeria", "Doctors went on strike in the capital city Abuja over unpaid salaries.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Abuja");
}

// "Between Maiduguri and Damboa" is one place on a road, not two events; a coder's "(coded as X)"
// is where the note codes its event, whatever place the sentence names nearer the verb.
TEST(Geocoder, OnePlaceBetweenTwoAndTheOneANoteSaysItIsCodedAt) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = read("On 2 May, insurgents ambushed a convoy between Maiduguri and Damboa, killing three soldiers.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(first(d).location, "Maiduguri");
  EXPECT_EQ(first(d).admin1, "Borno");
  d = read("On 2 May, bandits killed four farmers near Gusau in a hamlet of the forest (coded as Tsafe at geoprecision 2).");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Tsafe");
}

// ACLED splits Shan and Bago by district: the district the text names tells which part.
TEST(Geocoder, ADistrictTellsWhichPartOfASplitDivision) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = read("On 3 June, soldiers burned houses in Namhkan (Namhkan township, Muse district, Shan state).");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Shan-North");
  d = read("On 3 June, troops shelled a village in Kyaukkyi township (Taungoo district, Bago region).");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Bago-East");
}

// "Kano traders", "Nairobi residents": where they live is their protest's place, failing a place
// the sentence names after a preposition.
TEST(Geocoder, APlaceNamedBeforeItsResidentsPlacesTheirEvent) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Nigeria", "Kano traders protested against new market levies on Monday.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Kano");
  d = test::analyse_in("Nigeria", "Kano traders protested in Abuja against new market levies.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Abuja");
  // A sentence's first word that is an English word is no place: "Angry residents".
  d = test::analyse_in("Nigeria", "Angry residents protested against power cuts.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_NE(first(d).location, "Angry");
}

// Words between the place and its people say which of them: "Kano market traders", "Lahore based
// lawyers"; an office holder is of a place too ("the Mombasa governor").
TEST(Geocoder, APlaceNamedBeforeItsWorkersOrOfficialsPlacesTheirEvent) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Nigeria", "Kano government workers protested over unpaid salaries.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Kano");
  d = test::analyse_in("Pakistan", "On 4 May, over 200 Lahore based journalists marched against censorship.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Punjab");
  d = test::analyse_in("Kenya", "Youths heckled the Mombasa governor and threw stones at his car.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Mombasa");
}

// A road or a border named by the towns it joins is placed at the first of them.
TEST(Geocoder, ARoadBetweenTwoTownsIsPlacedAtTheFirst) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Ghana", "Drivers blocked the Kumasi-Accra highway to protest the poor state of the road.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Ashanti");
  d = test::analyse_in("Cameroon", "Separatist fighters ambushed a bus on the Bamenda-Bafoussam road, killing two passengers.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "North-West");
}

// "in Uganda's capital Kampala": the city; "Gulu's Pece quarter": the town whose quarter it is.
TEST(Geocoder, ACapitalNamedAfterItsCountryAndAQuarterAfterItsTown) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Uganda", "Hundreds of traders marched in Uganda's capital Kampala on Monday against new taxes.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Kampala");
  d = test::analyse_in("Uganda", "Police fired tear gas at protesters in Gulu's Pece quarter on Friday.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Northern");
}

// "in Ngomeni, Kilifi North, ...": the village the gazetteer does not know lies in the district
// named after its comma; a person's name set off by commas is not a place.
TEST(Geocoder, AVillageIsPlacedByTheDistrictNamedAfterItsComma) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Kenya", "Angry residents in Mwanzugu Ndogo, Kilifi North, burned a suspected witch to death.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Kilifi");
  d = test::analyse_in("Mali", "In Tounkalao, 40 kilometres from Koro, Bara Guindo, a village chief, was shot dead by gunmen.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_NE(first(d).location, "Bara Guindo");
  EXPECT_EQ(first(d).admin1, "Mopti");
}

// "the Dogon village of X": X is the place, the name before the noun says whose it is; a village
// the gazetteer knows only abroad, and as a small one, keeps its name.
TEST(Geocoder, TheVillageOfANameIsThatName) {
  Document d = test::analyse_in("Mali", "On 3 May, Fulani militiamen attacked the Bambara village of Kouroumakolo, killing three men.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Kouroumakolo");
}

// "on the road between X and Tillaberi", "along the Dosso-Niamey axis", "marched through Kisumu":
// a village the gazetteer does not know is placed by the other end of its road.
TEST(Geocoder, ARoadsOtherEndOrItsAxisPlacesAnUnknownVillage) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Niger", "Two soldiers were killed when their truck hit a mine on the road between Kwarbakoye and Tillaberi.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Tillabéri");
  d = test::analyse_in("Kenya", "Hundreds of traders marched through Eldoret demanding lower fees.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Uasin Gishu");
  d = test::analyse_in("Uganda", "Hundreds of teachers marched in Ugandas capital Kampala on Monday to demand higher pay.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Kampala");
}

// Burkina Faso's provinces under the names news and the state use, where GeoNames keeps older
// ones (Djelgodji for Soum, Gobnangou for Tapoa).
TEST(Geocoder, BurkinaFasosProvincesUnderTheirCurrentNames) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Burkina Faso", "On 9 July, gunmen burned a school near a hamlet of Soum province.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Sahel");
  d = test::analyse_in("Burkina Faso", "On 9 July, gunmen burned a school near a hamlet of Tapoa province.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Est");
}

// A town no preposition or noun marks as a place still places an event its sentence places
// nowhere else, where the gazetteer knows it in the story's country; a people's name, a name
// abroad or an English word does not.
TEST(Geocoder, ABareTownNameOfTheCountryPlacesAnEventPlacedNowhereElse) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = test::analyse_in("Mali", "Jihadist fighters flee Timbuktu as French jets bomb their positions.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Tombouctou");
  EXPECT_EQ(first(d).location, "Timbuktu");
  d = test::analyse_in("Kenya", "Rival supporters clashed with stones during the Nakuru by-election.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Nakuru");
  d = test::analyse_in("Burkina Faso", "Nurses of the Tenkodogo regional hospital staged a sit-in over unpaid bonuses.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Centre-Est");
  // A people, not the town of Kikuyu: the event stays at the country's level.
  d = test::analyse_in("Kenya", "A mob beat up two Kikuyu men overnight, police said.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_NE(first(d).admin1, "Kiambu");
  // A name the gazetteer knows only abroad is no place of this story.
  d = test::analyse_in("Nigeria", "Gunmen abducted a priest who had studied in Toulouse, police said.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_NE(first(d).country, "FRA");
  EXPECT_NE(first(d).location, "Toulouse");
}

// "Members of the Fulani community": a people's name before a noun of its own is the people, not
// a place after "of"; before a verb or a noun for who lives there it is still the town.
TEST(Geocoder, APeoplesNameBeforeANounOfItsOwnIsNoPlace) {
  Document d = test::analyse_in("Burkina Faso", "On 4 May, gunmen killed three members of the Mossi community in Zangoura.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Zangoura");
  d = test::analyse_in("Mali", "On 9 June, militants attacked a Dogon hunter at his camp in Tiguila.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).location, "Tiguila");
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  d = test::analyse_in("Kenya", "Traders in Kisii protest a new market levy.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).admin1, "Kisii");
}

// A quarter is no division: Aleppo's "Al-Zahra quarter" is not Kuwait's Az Zahra district, and a
// name written with an Arabic article ("al-Meridian neighbourhood") is no town of a country whose
// places are not so written (the United States' Meridians).
TEST(Geocoder, AQuarterOrAnArticledNameDoesNotMoveTheStoryAbroad) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  Document d = read("Terrorists launched a rocket on Dabbit hospital in Aleppo on Monday, killing ten people. "
                    "Casualties are also reported in Al-Zahra quarter after a car bomb explosion.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.country, "SYR");
  for (const Event& e : d.events) EXPECT_EQ(e.country, "SYR") << e.location;
  d = read("A source at the police command said that rockets fired from Bustan al-Qaser neighbourhood hit "
           "al-Meridian neighbourhood on Monday, killing a man and his wife.");
  EXPECT_NE(d.country, "USA");
}

// An adjective two countries share ("Congolese") names the forces of the one where the events are.
TEST(Geocoder, ASharedAdjectiveNamesTheCountryWhereTheEventsAre) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("Two Congolese soldiers were killed in an ambush by ADF rebels near Beni on Monday.");
  ASSERT_FALSE(d.events.empty());
  const auto& a2 = first(d).actor2;
  EXPECT_NE(std::find(a2.begin(), a2.end(), "military-forces-of-the-democratic-republic-of-congo"), a2.end());
  EXPECT_TRUE(std::none_of(d.actors.begin(), d.actors.end(), [](const Actor& a) { return a.country == "COG"; }));
}

// A division named with its noun is one of a country whose first-level divisions are so called
// (ISO 3166-2): "Plateau state" is Nigeria's, not Benin's Plateau department.
TEST(Geocoder, ADivisionsNounSaysWhoseDivisionItIs) {
  if (!full_gazetteer()) GTEST_SKIP() << "gazetteer not built (scripts/setup builds it)";
  const Document d = read("Gunmen attacked a village in Plateau state on Monday, killing 20 people.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(first(d).country, "NGA");
  EXPECT_EQ(first(d).admin1, "Plateau");
}

}  // namespace
}  // namespace mosaic
