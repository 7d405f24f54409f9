// Events, quantities and dates, with sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>

#include "helpers.h"

namespace mosaic {
namespace {

class Events : public ::testing::Test {
 protected:
  static Document read(const std::string& text, const std::string& date = "2024-03-14") {
    return test::analyse(text, date);
  }
  static const Event* find(const Document& d, const std::string& sub_event_type) {
    const auto e = std::find_if(d.events.begin(), d.events.end(),
                                [&](const Event& x) { return x.sub_event_type == sub_event_type; });
    return e == d.events.end() ? nullptr : &*e;
  }
  static std::string name(const Document& d, const std::string& id) {
    for (const Actor& a : d.actors)
      if (a.id == id) return a.name;
    return id;
  }
  static std::vector<std::string> names(const Document& d, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(name(d, id));
    return out;
  }
};

struct Case {
  const char* text;
  const char* sub_event_type;
  const char* event_type;
};

// Every ACLED sub-event type, each from a sentence of its own.
TEST_F(Events, EverySubEventType) {
  const Case cases[] = {
      {"Somali troops clashed with Al-Shabaab fighters near Afgoye on Tuesday.", "Armed clash", "Battles"},
      {"The Malian army recaptured the town of Boni from JNIM.", "Government regains territory", "Battles"},
      {"M23 rebels seized the town of Rubaya on Monday.", "Non-state actor overtakes territory", "Battles"},
      {"A chlorine gas attack hit the village of Kafr Zita.", "Chemical weapon", "Explosions/Remote violence"},
      {"Russian airstrikes hit a market in Idlib.", "Air/drone strike", "Explosions/Remote violence"},
      {"A suicide bomber from Al-Shabaab struck a checkpoint in Mogadishu.", "Suicide bomb", "Explosions/Remote violence"},
      {"RSF shelling hit the Abu Shouk camp.", "Shelling/artillery/missile attack", "Explosions/Remote violence"},
      {"A roadside bomb struck a police vehicle in Kandahar.", "Remote explosive/landmine/IED", "Explosions/Remote violence"},
      {"A grenade was thrown into a bar in Garissa.", "Grenade", "Explosions/Remote violence"},
      {"Sudanese soldiers raped women in the village of Tabit.", "Sexual violence", "Violence against civilians"},
      {"Boko Haram fighters killed 12 villagers in Borno.", "Attack", "Violence against civilians"},
      {"ISWAP abducted 20 students from a school in Yobe.", "Abduction/forced disappearance", "Violence against civilians"},
      {"Hundreds of demonstrators marched in Khartoum on Friday.", "Peaceful protest", "Protests"},
      {"Police fired tear gas at the crowd in Nairobi.", "Protest with intervention", "Protests"},
      {"Security forces opened fire on protesters in Bamako.", "Excessive force against protesters", "Protests"},
      {"Rioters torched a police station in Lagos.", "Violent demonstration", "Riots"},
      {"A mob lynched a suspected thief in Kano.", "Mob violence", "Riots"},
      {"The army and the SPLM-N signed a ceasefire in Juba.", "Agreement", "Strategic developments"},
      {"Police arrested 40 activists in Harare.", "Arrests", "Strategic developments"},
      {"An RSF commander defected to the army with his men.", "Change to group/activity", "Strategic developments"},
      {"The Sudanese army shot down two drones over Port Sudan.", "Disrupted weapons use", "Strategic developments"},
      {"The Wagner Group set up base at the airport in Kidal.", "Headquarters or base established", "Strategic developments"},
      {"RSF fighters looted the central market in Nyala.", "Looting/property destruction", "Strategic developments"},
      {"French troops withdrew from the base in Gao.", "Non-violent transfer of territory", "Strategic developments"},
      {"The Sudanese army imposed a curfew in Kassala.", "Other", "Strategic developments"},
  };
  EXPECT_EQ(std::size(cases), 25u);
  for (const Case& c : cases) {
    const Document d = read(c.text);
    const Event* e = find(d, c.sub_event_type);
    ASSERT_TRUE(e) << c.text;
    EXPECT_EQ(e->event_type, c.event_type) << c.text;
    EXPECT_FALSE(e->plover_type.empty() && std::string(c.sub_event_type) != "Other") << c.text;
  }
}

TEST_F(Events, ActorsFollowAcledConventions) {
  // Violence against civilians: the civilians are actor2.
  auto d = read("In Sudan, RSF fighters killed dozens of civilians in the village of Wad al-Nourah.");
  const Event* e = find(d, "Attack");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"RSF: Rapid Support Forces"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Civilians (Sudan)"});
  EXPECT_EQ(e->fatalities, 12);  // "dozens" is 12
  EXPECT_EQ(e->civilian_fatalities, 12);
  // Associated actors: the others of a list.
  d = read("Iraqi militias and Hezbollah fought Syrian rebels south of Aleppo.");
  e = find(d, "Armed clash");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), (std::vector<std::string>{"Iraqi militias", "Hezbollah"}));
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Syrian rebels"});
  EXPECT_EQ(e->location, "Aleppo");
  d = read("In Sudan, RSF fighters killed dozens of civilians in the village of Wad al-Nourah.");
  EXPECT_EQ(find(d, "Attack")->location, "Wad al-Nourah");
}

TEST_F(Events, UnnamedGunmenAreAnUnidentifiedArmedGroup) {
  const auto d = read("In Niger, gunmen attacked a checkpoint near Tillaberi.");
  const Event* e = find(d, "Armed clash");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Niger)"});
  EXPECT_EQ(e->location, "Tillaberi");
}

// ACLED names a perpetrator the text leaves unnamed as the country's Unidentified Armed Group;
// a named one stays, and with no country known nobody is made up.
TEST_F(Events, ABombNobodyPlantedByNameIsTheCountrysUnidentifiedArmedGroups) {
  auto d = read("In Pakistan, a roadside bomb struck a police van near Quetta, killing two officers.");
  const Event* e = find(d, "Remote explosive/landmine/IED");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Unidentified Armed Group (Pakistan)"});
  d = read("In Nigeria, a woman was found beheaded on the outskirts of Maiduguri.");
  for (const Event& x : d.events)
    if (x.sub_event_type == "Attack") {
      EXPECT_EQ(names(d, x.actor1), std::vector<std::string>{"Unidentified Armed Group (Nigeria)"});
    }
  d = read("In Pakistan, TTP militants planted a bomb that struck a police van near Quetta.");
  e = find(d, "Remote explosive/landmine/IED");
  ASSERT_TRUE(e);
  for (const std::string& who : names(d, e->actor1)) EXPECT_FALSE(who.starts_with("Unidentified")) << who;
  d = read("A roadside bomb exploded, killing two.");
  for (const Event& x : d.events)
    for (const std::string& who : names(d, x.actor1)) EXPECT_FALSE(who.starts_with("Unidentified")) << who;
}

// Place names keep their small Arabic articles, assimilated or not.
TEST_F(Events, PlaceNamesKeepTheirArticles) {
  for (const char* place : {"Deir ez-Zor", "Jisr ash-Shughur", "Ras al-Ain"}) {
    const auto d = read(std::string("A mortar attack on a market in the town of ") + place + " killed three civilians.");
    ASSERT_FALSE(d.events.empty()) << place;
    EXPECT_EQ(d.events.front().location, place);
  }
}

// A headline rarely says where; its lead does, even when later paragraphs
// name another place more often.
TEST_F(Events, AHeadlinesEventIsWhereTheLeadSays) {
  const auto d = read(
      "Russian airstrikes hit Syrian opposition forces\n\n"
      "Syrian opposition forces on Sunday claimed that Russian jets hit an outpost in northwestern Syria's "
      "Idlib province, wounding two fighters. The fighters came from Aleppo. Aleppo fell to government forces "
      "last year. Families from Aleppo now live in the camps.",
      "2017-04-02");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_NE(main->location.find("Idlib"), std::string::npos) << main->location;
}

// "KADUGLI, Sudan - ...": the country of a dateline says where the report
// was filed, not who acted, whatever dash the outlet typed.
TEST_F(Events, ADatelineIsNotAnActor) {
  for (const char* dash : {"\u2014", "\u2013", "--", "-"}) {
    const auto d = read(std::string("Shelling kills four in Kadugli\n\nKADUGLI, Sudan ") + dash +
                        " Shelling by the Rapid Support Forces killed four civilians in Kadugli on Friday.");
    const Event* e = find(d, "Shelling/artillery/missile attack");
    ASSERT_TRUE(e) << dash;
    EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"RSF: Rapid Support Forces"}) << dash;
    EXPECT_EQ(e->location, "Kadugli") << dash;
  }
}

TEST_F(Events, PassivesAndLossesNameWhoDidIt) {
  auto d = read("The town of Kurmuk was captured by the SPLM-N after heavy fighting.");
  const Event* e = find(d, "Non-state actor overtakes territory");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"SPLM-N: Sudan People's Liberation Movement-North"});
  EXPECT_EQ(e->location, "Kurmuk");
  d = read("The Joint Forces seized the Zamzam camp, lost it to the RSF, and seized it again.");
  ASSERT_TRUE(find(d, "Government regains territory"));  // a militia acting for the state
  e = find(d, "Non-state actor overtakes territory");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"RSF: Rapid Support Forces"});
  EXPECT_EQ(e->location, "Zamzam");
}

TEST_F(Events, WhoDidItPastHedges) {
  const auto d = read("In Yemen, a missile attack believed to have been carried out by the Houthis hit a market in "
                      "Marib on Sunday.");
  const Event* e = find(d, "Shelling/artillery/missile attack");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Houthi Movement"});  // the Houthis
}

TEST_F(Events, JoinedVerbsShareTheirSubject) {
  // "X seized it, lost it to Y": X lost it, Y took it, and they fight.
  const auto d = read("Near Qusayr, Hezbollah fighters seized the hilltop, lost it to Syrian rebels, and seized it "
                      "again on Friday.");
  const Event* e = find(d, "Non-state actor overtakes territory");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Syrian rebels"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Hezbollah"});
}

TEST_F(Events, OnlyStatesAndForeignForcesFly) {
  // Unattributed air strikes in a story whose rebels shell: the army's, not the rebels'.
  const auto d = read("Air strikes kill eight rescuers in Idlib\n\nAir strikes killed eight rescue workers in Idlib "
                      "on Monday. In Aleppo, rebels shelled government-held districts, and rebel rockets hit a "
                      "school. The Syrian army said it was fighting terrorists.");
  const Event* e = find(d, "Air/drone strike");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Syria"});
}

TEST_F(Events, BombingsOnTheGroundAreExplosions) {
  EXPECT_TRUE(find(read("Twin bombings hit a police station in Kirkuk."), "Remote explosive/landmine/IED"));
  EXPECT_TRUE(find(read("Government jets bombed the town of Saraqeb."), "Air/drone strike"));
}

TEST_F(Events, WhoClaimedItDidIt) {
  const auto d = read("Car bomb kills nine in Mogadishu\n\nA car bomb exploded outside a hotel in Mogadishu on "
                      "Friday, police said. Al-Shabaab claimed responsibility for the blast.");
  const Event* e = find(d, "Remote explosive/landmine/IED");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Al Shabaab"});
}

TEST_F(Events, WhatDidNotHappenIsNotReported) {
  for (const char* text : {
           "The army denied that its jets bombed the market in Kadugli.",
           "The rebels did not attack the town.",
           "The group threatened to attack the capital.",
           "Fighting could resume in Juba if the talks fail.",
           "The army will launch an offensive next month, officials said.",
           "Airstrikes are typically followed by ground assaults in such wars.",
           "The Emirates supplied drones and missiles to the paramilitaries.",
           "Residents are afraid of arrest if they cross the line.",
       })
    EXPECT_TRUE(read(text).events.empty()) << text << ": " << read(text).events.front().sub_event_type;
}

TEST_F(Events, SeveralEventsInOneSentenceAndOneEventInSeveral) {
  auto d = read("Army jets bombed Nyala and RSF fighters looted the market.");
  EXPECT_TRUE(find(d, "Air/drone strike"));
  EXPECT_TRUE(find(d, "Looting/property destruction"));
  d = read("Airstrikes hit Saraqeb on Monday. The Syrian army carried out the airstrikes, a monitor said. "
           "The airstrikes killed seven people.");
  const auto strikes = std::count_if(d.events.begin(), d.events.end(),
                                     [](const Event& e) { return e.sub_event_type == "Air/drone strike"; });
  EXPECT_EQ(strikes, 1);
  const Event* e = find(d, "Air/drone strike");
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"Military Forces of Syria"});
  EXPECT_EQ(e->fatalities, 7);
  // Told again from the other side, sides stay sides.
  d = read("In Sudan, the RSF attacked Babanusa on Monday. Army troops clashed with the RSF east of Babanusa.");
  e = find(d, "Armed clash");
  ASSERT_TRUE(e);
  EXPECT_EQ(names(d, e->actor1), std::vector<std::string>{"RSF: Rapid Support Forces"});
  EXPECT_EQ(names(d, e->actor2), std::vector<std::string>{"Military Forces of Sudan"});
}

TEST_F(Events, MainEventIsWhatTheHeadlineReports) {
  const auto d = read("Shelling kills four in Dilling\n\nRSF shelling on Dilling killed four people on Sunday. "
                      "Later, the army arrested two men.");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(main->fatalities, 4);
  EXPECT_EQ(std::count_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.main; }), 1);
}

// A count no event could have (a garbled number, 1e17) is nobody's toll; it
// overflowed an int when added to an event's fatalities (found by fuzz_pipeline).
TEST_F(Events, ACountNoEventCouldHaveIsNoToll) {
  auto toll = [&](const std::string& text) {
    const Document d = read(text);
    return d.events.empty() ? std::optional<int>() : d.events.front().fatalities;
  };
  EXPECT_EQ(toll("Airstrikes on Douma killed 100000000000000000 people."), std::nullopt);
  EXPECT_EQ(toll("Shelling kills 99999999999999999999 in Douma\n\nShelling killed 99999999999 civilians and "
                 "99999999999 fighters in Douma."),
            std::nullopt);
  EXPECT_EQ(toll("Airstrikes on Douma killed 1,200 people."), 1200);
}

TEST_F(Events, FatalitiesByAcledRules) {
  auto toll = [&](const std::string& text) {
    const Document d = read(text);
    return d.events.empty() ? std::optional<int>() : d.events.front().fatalities;
  };
  EXPECT_EQ(toll("Airstrikes on Douma killed several people."), 3);
  EXPECT_EQ(toll("Airstrikes on Douma killed dozens of people."), 12);
  EXPECT_EQ(toll("Airstrikes on Douma killed hundreds of civilians."), 100);
  EXPECT_EQ(toll("Airstrikes on Douma killed between 20 and 30 people."), 20);  // the conservative figure
  EXPECT_EQ(toll("Airstrikes on Douma killed at least 11 civilians including three children."), 11);
  EXPECT_EQ(toll("Airstrikes on Douma in 2015 wounded six people."), std::nullopt);  // neither year nor wounded
  EXPECT_EQ(toll("Airstrikes on Douma killed 7 children among 19 dead."), 19);  // the whole, not its part
  // A count that is "among those killed" is a part of a toll, never the toll.
  EXPECT_EQ(toll("Four children were among those killed in air raids on Douma."), std::nullopt);
  EXPECT_EQ(toll("Air raids on Douma killed 14 people. Four children were among those killed."), 14);
  EXPECT_EQ(toll("Airstrikes on Douma kill 21 hundreds flee the town"), 21);  // a headline without its comma: not 2,100
  EXPECT_EQ(toll("Airstrikes on Douma killed hundreds of thousands of people."), 100000);
  // A headline's "dozens" is 12 until the lead gives the number; an exact headline figure stays.
  auto main_toll = [&](const std::string& text) {
    const Document d = read(text);
    const Event* m = test::main_event(d);
    return m ? m->fatalities : std::optional<int>();
  };
  EXPECT_EQ(main_toll("Dozens of civilians killed as shelling hits Dilling market\n\nRSF shelling on a market in "
                      "Dilling killed at least 37 people on Sunday, medics said."),
            37);
  EXPECT_EQ(main_toll("Shelling kills 9 in Dilling market\n\nRSF shelling on a market in Dilling killed nine people "
                      "on Sunday. Since April, 140 people have been killed in the town."),
            9);
}

// Army communiques say killed as "neutralised" or "eliminated"; a page's counter run into the
// sentence whose full stop was lost ("Share 312 At least six") counts nothing.
TEST_F(Events, NeutralisedIsKilledAndAPageCounterIsNoToll) {
  auto toll = [&](const std::string& text) {
    const Document d = read(text);
    return d.events.empty() ? std::optional<int>() : d.events.front().fatalities;
  };
  EXPECT_EQ(toll("The army said its troops neutralised 23 terrorists in an operation near Diffa on Monday."), 23);
  EXPECT_EQ(toll("Soldiers eliminated 14 insurgents in clashes near Kidal on Monday."), 14);
  EXPECT_EQ(toll("Militants decapitated four men in the village of Mocimboa on Tuesday."), 4);
  EXPECT_EQ(toll("Engineers neutralised three IEDs on the road to Gao on Monday."), std::nullopt);
  EXPECT_EQ(toll("Posted 14.05.2024 Share 312 At least six people were killed when a car bomb exploded near a "
                 "restaurant in Mogadishu on Saturday, police said."),
            6);
}

// Who died and who killed: a count with a fate word and a count after it did the killing
// ("three suicide bombers killed at least two people"; "(coded as Dablo at geoprecision 2), and
// killed six people"); a headline's "dozens" gives
// way to whatever number the lead gives.
TEST_F(Events, TheDeadAreThoseTheFateWordIsSaidOf) {
  auto toll = [&](const std::string& text) {
    const Document d = read(text);
    const Event* e = test::main_event(d);
    return e ? e->fatalities : std::optional<int>();
  };
  EXPECT_EQ(toll("On Wednesday three suicide bombers killed at least two people near the police headquarters in "
                 "Maiduguri."),
            2);
  EXPECT_EQ(toll("On 21 July, militants attacked the village of Bintiou (coded as Dablo at geoprecision 2), and "
                 "killed six people."),
            6);
  EXPECT_EQ(toll("Dozens killed in rocket attack on Aleppo hospital\n\nAt least ten people were killed when "
                 "rebels fired a rocket at a hospital in Aleppo on Tuesday."),
            10);
}

TEST_F(Events, QuantitiesWithWhatTheyCount) {
  const auto d = read("Some 275, 000 people are besieged in the east, and 1, 000 to 2, 500 contractors are in the "
                      "city. Strikes hit seven hospitals and the rebels took 35 square kilometres.");
  auto q = [&](double value) {
    const auto it = std::find_if(d.quantities.begin(), d.quantities.end(), [&](const Quantity& x) { return x.value == value; });
    return it == d.quantities.end() ? nullptr : &*it;
  };
  ASSERT_TRUE(q(275000));
  EXPECT_EQ(q(275000)->what, "people besieged");
  ASSERT_TRUE(q(1000));
  EXPECT_EQ(q(1000)->value_max, 2500);
  EXPECT_EQ(q(1000)->what, "contractors");
  ASSERT_TRUE(q(7));
  EXPECT_EQ(q(7)->what, "hospitals");
  ASSERT_TRUE(q(35));
  EXPECT_EQ(q(35)->what, "square kilometres");
  EXPECT_EQ(d.slice(q(275000)->span), "275,000 people");
}

// --- dates: report of Thursday 6 October 2016

// The page's own stamp outranks a feed's wrong date: run together ("Feb 092015"), mid-sentence
// after its day of the week ("Monitor AFP Saturday 26 Jul 2014"), or years away when its day of
// the week agrees ("Mon Jul 18 2016" on a page fed as 2014). A stamp is no event's date.
TEST_F(Events, ThePagesStampDatesWhatItTellsWhenTheFeedDisagrees) {
  auto day = [&](const std::string& text, const std::string& feed) {
    const Document d = read(text, feed);
    const Event* e = test::main_event(d);
    return e ? e->date : std::string("none");
  };
  EXPECT_EQ(day("Air strikes kill 15 near Damascus\n\nLast updated at Feb 092015 BEIRUT At least 15 people were "
                "killed on Monday in government air strikes on Douma, a monitor said.",
                "2015-02-19"),
            "2015-02-09");
  EXPECT_EQ(day("Troops killed in jihadist advance Monitor AFP Saturday 26 Jul 2014 At least 85 soldiers were "
                "killed on Friday as militants advanced on an army base near Raqqa.",
                "2014-07-03"),
            "2014-07-25");
  EXPECT_EQ(day("Mon Jul 18 2016 Kurdish-led fighters clashed with Islamic State militants in Manbij on "
                "Saturday.",
                "2014-07-16"),
            "2016-07-16");
  EXPECT_EQ(day("24.09.2014 Airstrikes killed 11 civilians in Idlib on Wednesday.", "2014-09-30"), "2014-09-24");
  EXPECT_EQ(day("2014-09-24 Airstrikes killed 11 civilians in Idlib on Wednesday.", "2014-09-30"), "2014-09-24");
  // (Either way round, "03/04/2014" says no day: the feed's date stands.)
  EXPECT_EQ(day("03/04/2014 Airstrikes killed 11 civilians in Idlib on Wednesday.", "2014-09-30"), "2014-09-24");
  // A stamp whose day of the week is wrong stays within a year of the feed's date.
  EXPECT_EQ(day("Tue Jul 18 2016 Kurdish-led fighters clashed with Islamic State militants in Manbij on "
                "Saturday.",
                "2014-07-16"),
            "2014-07-12");
}

TEST(Dates, RelativeToTheReport) {
  const std::string report = "2016-10-06";
  auto at = [&](const char* text) { return resolve_date(text, report); };
  EXPECT_EQ(at("on Monday")->date, "2016-10-03");
  EXPECT_EQ(at("on Monday")->precision, 1);
  EXPECT_EQ(at("on Thursday")->date, "2016-10-06");  // the report's own day
  EXPECT_EQ(at("yesterday")->date, "2016-10-05");
  EXPECT_EQ(at("last night")->date, "2016-10-05");
  EXPECT_EQ(at("last week")->date, "2016-09-29");
  EXPECT_EQ(at("last week")->precision, 2);
  EXPECT_EQ(at("in June")->date, "2016-06-01");
  EXPECT_EQ(at("in June")->precision, 3);
  EXPECT_EQ(at("in November")->date, "2015-11-01");  // a later month is last year's
  EXPECT_EQ(at("in February 2014")->date, "2014-02-01");
  EXPECT_EQ(at("on 5 March")->date, "2016-03-05");
  EXPECT_EQ(at("on March 5, 2015")->date, "2015-03-05");
  EXPECT_EQ(at("last month")->date, "2016-09-01");
  EXPECT_EQ(at("last month")->precision, 3);
  EXPECT_FALSE(at("after the war"));
  EXPECT_FALSE(resolve_date("on Monday", ""));
}

// "officials said Monday": the day a source spoke dates what happened only when nothing else
// does, and then only to its week; the day the text gives the event outranks it.
TEST(Dates, TheDayASourceSpokeIsALastResort) {
  const std::string report = "2016-10-06";
  EXPECT_EQ(resolve_date("gunmen killed 20 farmers, officials said Monday", report)->date, "2016-10-03");
  EXPECT_EQ(resolve_date("gunmen killed 20 farmers, officials said Monday", report)->precision, 2);
  EXPECT_EQ(resolve_date("officials said on Monday that gunmen killed 20 farmers on Saturday", report)->date, "2016-10-01");
  // Told again with its own day, the report is one event on that day.
  const Document d = test::analyse("Gunmen killed at least 20 farmers in a village near Gwoza, officials said Monday. "
                                   "The attack happened on Saturday, a local official said.",
                                   report);
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].date, "2016-10-01");
}

TEST(Dates, AWireDatelineIsNotTheEventsDay) {
  // "KHARTOUM, June 12 (Reuters) -": the day it was filed; the event's is the day the text gives.
  EXPECT_EQ(resolve_date("KHARTOUM, June 12 (Reuters) - A drone strike killed nine people on Tuesday", "2024-06-12")->date,
            "2024-06-11");
  EXPECT_EQ(resolve_date("Fighting resumed on June 12 (local time) in the north", "2024-06-14")->date, "2024-06-12");
}

TEST(Dates, AFullDateNeedsNoReportDate) {
  // A record with no date of its own still has the day its text gives in full.
  EXPECT_EQ(resolve_date("On 3 March 2024, gunmen attacked", "")->date, "2024-03-03");
  EXPECT_EQ(resolve_date("in February 2014", "")->date, "2014-02-01");
  EXPECT_FALSE(resolve_date("on 5 March", ""));  // which year, nobody said
  EXPECT_FALSE(resolve_date("yesterday", ""));
}

// The lead dates the attack ("late on Friday"); the next sentence tells it again without a day,
// at the village the lead only placed in its state: one event, on the lead's day. The police's
// arrests after it are theirs, not the attack's, and the police are no attacker.
TEST_F(Events, AnIncidentToldAgainWithoutItsDayIsOneEventAndTheArrestsAfterItAnother) {
  const auto d = read("Gunmen killed at least 20 people in an attack on a village in Nigeria's Plateau state late on "
                      "Friday, a local official said. The attackers stormed Mangu and set houses on fire. Police "
                      "arrested three suspects.",
                      "2024-01-20");
  std::vector<const Event*> attacks;
  for (const Event& e : d.events)
    if (e.sub_event_type == "Attack") attacks.push_back(&e);
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_EQ(attacks[0]->date, "2024-01-19");
  EXPECT_EQ(attacks[0]->actor1, std::vector<std::string>{"unidentified-armed-group-nigeria"});
}

// "Suspected jihadists killed 12 worshippers ... The gunmen stormed the church": the jihadists,
// not they and an unidentified group beside them.
TEST_F(Events, TheNameForNoneGivesWayToAGroupsName) {
  const auto d = read("Suspected jihadists killed 12 worshippers in an attack on a church in the village of Essakane "
                      "in northern Burkina Faso on Sunday, security sources said. The gunmen stormed the church during "
                      "morning mass and opened fire on the congregation, a local official said.",
                      "2023-10-10");
  const Event* main = test::main_event(d);
  ASSERT_TRUE(main);
  EXPECT_EQ(main->actor1, std::vector<std::string>{"islamist-militia-burkina-faso"});
}

TEST_F(Events, EventsTakeTheirSentencesDate) {
  const auto d = read("Niger's army clashed with jihadists near Tillaberi on Monday.", "2016-10-06");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events.front().date, "2016-10-03");
  EXPECT_EQ(d.events.front().time_precision, 1);
  const auto undated = read("Shelling hit Kassala.", "2016-10-06");
  EXPECT_EQ(undated.events.front().date, "2016-10-06");
  EXPECT_EQ(undated.events.front().time_precision, 2);  // reported that week
}

// A types.tsv row whose value in a column of what code asks of a type (armed violence, strike,
// unnamed actor1, for government, abroad) is none the column allows fails to load, naming file and line.
TEST(EventLexicon, ATypeRowWithAValueItsColumnDoesNotAllowIsAnErrorNamingFileAndLine) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("events"));
  const std::string good = "Armed clash\tBattles\tASSAULT\tfirearms\tno\tyes\tinitiator\tno\tclash\tno\tclaimant\tno\t-\n";
  for (const auto& [bad, what] :
       {std::pair{"Grenade\tExplosions/Remote violence\tASSAULT\texplosives\tno\tyes\tinitiator\tno\tbombing\tyes\tclaimant\tno\t-\n",
                  "armed violence 'bombing'"},
        std::pair{"Grenade\tExplosions/Remote violence\tASSAULT\texplosives\tno\tyes\tinitiator\tno\tremote\tsometimes\tclaimant\tno\t-\n",
                  "'sometimes' is not yes or no"},
        std::pair{"Grenade\tExplosions/Remote violence\tASSAULT\texplosives\tno\tyes\tinitiator\tno\tremote\tyes\tpilot\tno\t-\n",
                  "unnamed actor1 'pilot'"},
        std::pair{"Grenade\tExplosions/Remote violence\tASSAULT\texplosives\tno\tyes\tinitiator\tno\tremote\tyes\tclaimant\tstate\t-\n",
                  "'state' is not yes or no"},
        std::pair{"Grenade\tExplosions/Remote violence\tASSAULT\texplosives\tno\tyes\tinitiator\tno\tremote\tyes\tclaimant\tno\tAirstrike\n",
                  "abroad 'Airstrike'"}}) {
    dir.write("events/types.tsv", "# types\n" + good + bad);
    try {
      EventLexicon::load(dir.path().string());
      ADD_FAILURE() << "no error for " << what;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("types.tsv:3"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  }
}

// A combine.tsv row whose last column is none of yes, no and ends fails to load, naming file and
// line.
TEST(EventLexicon, ACombinedRowThatIsNeitherSharedNorApartNorEndingIsAnErrorNamingFileAndLine) {
  test::TempDir dir;
  std::filesystem::copy(MOSAIC_DATA_DIR, dir.file("data"), std::filesystem::copy_options::recursive);
  std::ofstream(dir.file("data/events/combine.tsv"))
      << "# combine\nArmed clash\tNon-violent transfer of territory\tArmed clash\tends\n"
         "Attack\tGrenade\tGrenade\tmaybe\n";
  try {
    EventLexicon::load(dir.file("data"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("combine.tsv:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'maybe' is not yes, no or ends"), std::string::npos) << e.what();
  }
}

// A launchers.tsv row whose second column is neither "does" nor "answers" fails to load, naming
// file and line.
TEST(EventLexicon, ALauncherThatNeitherDoesNorAnswersIsAnErrorNamingFileAndLine) {
  test::TempDir dir;
  std::filesystem::copy(MOSAIC_DATA_DIR, dir.file("data"), std::filesystem::copy_options::recursive);
  std::ofstream(dir.file("data/events/launchers.tsv")) << "# launchers\nfired|fires\tdoes\nresponded with\tsometimes\n";
  try {
    EventLexicon::load(dir.file("data"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("launchers.tsv:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'sometimes' is not does or answers"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mosaic
