// The ACLED export: ACLED's columns in ACLED's order and ACLED's coding of
// countries, actor types, interactions, disorder types, civilian targeting,
// unnamed perpetrators and source scales. The events are built by hand, so
// that what is tested is the coding, not the reading of the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "helpers.h"
#include "mosaic/export.h"
#include "mosaic/recognise.h"
#include "util/tsv.h"

namespace mosaic {
namespace {

using test::TempDir;

const AcledCoding& coding() {
  static const AcledCoding c = AcledCoding::load(MOSAIC_DATA_DIR);
  return c;
}

// A one-sentence report from `source` on 12 June 2024, with its actors mentioned.
Document report(const std::string& id, const std::string& text, const std::string& source,
                const std::vector<Actor>& actors) {
  Document d;
  d.id = id;
  d.raw = d.text = text;
  d.origin = "test";
  d.source = source;
  d.date = "2024-06-12";
  d.sentences = {Sentence{Span{0, uint32_t(text.size())}}};
  d.actors = actors;
  for (const auto& a : actors) d.mentions.push_back(Mention{0, Span{0, 1}, a.id});
  return d;
}

Event event(const std::string& id, const std::string& type, const std::string& sub_type,
            const std::vector<std::string>& actor1, const std::vector<std::string>& actor2) {
  Event e;
  e.id = e.group = id;
  e.event_type = type;
  e.sub_event_type = sub_type;
  e.actor1 = actor1;
  e.actor2 = actor2;
  e.date = "2024-06-10";
  e.time_precision = 1;
  return e;
}

void place(Event& e, const std::string& location, const std::string& admin1, const std::string& country, double lat,
           double lon) {
  e.location = location;
  e.admin1 = admin1;
  e.country = country;
  e.latitude = lat;
  e.longitude = lon;
  e.geo_precision = 1;
}

const Actor kProtesters{"protesters-kenya", "Protesters (Kenya)", "protesters", "KEN", {}};
const Actor kPolice{"police-forces-of-kenya", "Police Forces of Kenya", "state_forces", "KEN", {}};
const Actor kCivilians{"civilians-kenya", "Civilians (Kenya)", "civilians", "KEN", {}};

class AcledExport : public ::testing::Test {
 protected:
  void store(const std::vector<Document>& docs) {
    store_ = Store::open(dir_.file("a.db"));
    before_ = std::time(nullptr);
    store_->begin_run("test");
    Store::Transaction tx(*store_);
    for (const auto& d : docs) store_->put(d);
    tx.commit();
  }
  // Each row as column name -> cell.
  std::vector<std::map<std::string, std::string>> rows() const {
    std::vector<std::map<std::string, std::string>> out;
    for_each_acled_row(*store_, coding(), [&](const AcledRow& row) {
      EXPECT_EQ(row.cells.size(), acled_columns().size());
      auto& r = out.emplace_back();
      for (std::size_t i = 0; i < row.cells.size(); ++i) r[acled_columns()[i]] = row.cells[i];
    });
    return out;
  }
  // The row of a document's one event.
  std::map<std::string, std::string> row_of(Document d, const Event& e) {
    d.events = {e};
    store({d});
    const auto r = rows();
    EXPECT_EQ(r.size(), 1u);
    return r.empty() ? std::map<std::string, std::string>{} : r[0];
  }
  std::string csv() const {
    std::ostringstream out;
    export_store(*store_, ExportFormat::Csv, out, coding());
    return out.str();
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::time_t before_ = 0;
};

TEST(Acled, ColumnsAreAcledsInAcledsOrder) {
  EXPECT_EQ(acled_columns(),
            (std::vector<std::string>{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                      "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                                      "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                                      "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                                      "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
                                      "timestamp"}));
}

TEST_F(AcledExport, TearGasOnProtestersInNairobiIsStateForcesAgainstProtestersInEasternAfrica) {
  Document d = report("k1", "On Monday, police fired tear gas at protesters in Nairobi, Kenya.", "Reuters",
                      {kProtesters, kPolice});
  Event e = event("k1:1", "Protests", "Protest with intervention", {kProtesters.id}, {kPolice.id});
  place(e, "Nairobi", "Nairobi City", "KEN", -1.28333, 36.81667);
  const auto row = row_of(d, e);
  EXPECT_TRUE(row.at("event_id_cnty").starts_with("KEN"));
  EXPECT_TRUE(std::all_of(row.at("event_id_cnty").begin() + 3, row.at("event_id_cnty").end(), ::isdigit));
  EXPECT_EQ(row.at("event_date"), "2024-06-10");
  EXPECT_EQ(row.at("year"), "2024");
  EXPECT_EQ(row.at("time_precision"), "1");
  EXPECT_EQ(row.at("disorder_type"), "Demonstrations");
  EXPECT_EQ(row.at("actor1"), "Protesters (Kenya)");
  EXPECT_EQ(row.at("inter1"), "Protesters");
  EXPECT_EQ(row.at("actor2"), "Police Forces of Kenya");
  EXPECT_EQ(row.at("inter2"), "State forces");
  EXPECT_EQ(row.at("interaction"), "State forces-Protesters");  // in the order of ACLED's codes
  EXPECT_EQ(row.at("civilian_targeting"), "");
  EXPECT_EQ(row.at("iso"), "404");
  EXPECT_EQ(row.at("region"), "Eastern Africa");
  EXPECT_EQ(row.at("country"), "Kenya");
  EXPECT_EQ(row.at("admin1"), "Nairobi City");
  EXPECT_EQ(row.at("location"), "Nairobi");
  EXPECT_EQ(row.at("latitude"), "-1.2833");
  EXPECT_EQ(row.at("longitude"), "36.8167");
  EXPECT_EQ(row.at("geo_precision"), "1");
  EXPECT_EQ(row.at("source"), "Reuters");
  EXPECT_EQ(row.at("source_scale"), "International");
  EXPECT_EQ(row.at("notes"), "On Monday, police fired tear gas at protesters in Nairobi, Kenya.");
  EXPECT_EQ(row.at("fatalities"), "0");
  const long stored = std::stol(row.at("timestamp"));
  EXPECT_GE(stored, before_ - 1);
  EXPECT_LE(stored, std::time(nullptr) + 1);
  // The CSV writes a negative latitude as a number, not as inert text.
  EXPECT_NE(csv().find(",-1.2833,36.8167,1,Reuters,International,"), std::string::npos) << csv();
}

TEST_F(AcledExport, GunmenNobodyNamesAreAnUnidentifiedArmedGroupTargetingCivilians) {
  Document d = report("k2", "Gunmen killed five villagers in Mandera, Kenya, on Tuesday.", "Kenya News Agency",
                      {kCivilians});
  Event e = event("k2:1", "Violence against civilians", "Attack", {}, {kCivilians.id});
  place(e, "Mandera", "Mandera", "KEN", 3.93726, 41.85688);
  e.fatalities = 5;
  const auto row = row_of(d, e);
  EXPECT_EQ(row.at("actor1"), "Unidentified Armed Group (Kenya)");
  EXPECT_EQ(row.at("inter1"), "Political militia");
  EXPECT_EQ(row.at("interaction"), "Political militia-Civilians");
  EXPECT_EQ(row.at("civilian_targeting"), "Civilian targeting");
  EXPECT_EQ(row.at("disorder_type"), "Political violence");
  EXPECT_EQ(row.at("fatalities"), "5");
  EXPECT_EQ(row.at("source_scale"), "National");
}

TEST_F(AcledExport, RebelsStormingABaseNearBeniAreInTheDemocraticRepublicOfCongo) {
  const Actor rebels{"congolese-rebels", "Congolese rebels", "rebel_group", "COD", {}};
  const Actor army{"military-forces-of-drc", "Military Forces of Democratic Republic of Congo", "state_forces", "COD", {}};
  Document d = report("k3", "Rebels attacked an army base near Beni on Sunday, killing four soldiers.", "AFP",
                      {rebels, army});
  Event e = event("k3:1", "Battles", "Armed clash", {rebels.id}, {army.id});
  place(e, "Beni", "Nord-Kivu", "COD", 0.49113, 29.47306);
  const auto row = row_of(d, e);
  EXPECT_EQ(row.at("country"), "Democratic Republic of Congo");
  EXPECT_EQ(row.at("iso"), "180");
  EXPECT_EQ(row.at("region"), "Middle Africa");
  EXPECT_EQ(row.at("interaction"), "State forces-Rebel group");  // the rebels are actor1
  EXPECT_EQ(row.at("civilian_targeting"), "");
  EXPECT_EQ(row.at("disorder_type"), "Political violence");
}

TEST_F(AcledExport, ProtestersSettingFireToAPoliceStationAreRioters) {
  const Actor protesters{"protesters-bangladesh", "Protesters (Bangladesh)", "protesters", "BGD", {}};
  Document named = report("b1", "Protesters set fire to a police station in Dhaka on Thursday.", "", {protesters});
  Event riot = event("b1:1", "Riots", "Violent demonstration", {protesters.id}, {});
  place(riot, "Dhaka", "Dhaka", "BGD", 23.81093, 90.36542);
  named.events = {riot};
  Document unnamed = report("b2", "A police station in Dhaka was set on fire on Thursday.", "", {});
  Event fire = event("b2:1", "Riots", "Violent demonstration", {}, {});
  place(fire, "Dhaka", "Dhaka", "BGD", 23.81093, 90.36542);
  unnamed.events = {fire};
  store({named, unnamed});
  const auto r = rows();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].at("inter1"), "Rioters");
  EXPECT_EQ(r[0].at("interaction"), "Rioters only");
  EXPECT_EQ(r[1].at("actor1"), "Rioters (Bangladesh)");
  EXPECT_EQ(r[1].at("interaction"), "Rioters only");
  EXPECT_EQ(r[1].at("source"), "");
  EXPECT_EQ(r[1].at("source_scale"), "");
}

TEST_F(AcledExport, AnAttackWithNoCountryNamesNoPerpetrator) {
  Document d = report("x1", "Gunmen attacked a bus.", "", {});
  Event e = event("x1:1", "Violence against civilians", "Attack", {}, {});
  e.date.clear();
  e.time_precision = 0;
  const auto row = row_of(d, e);
  EXPECT_EQ(row.at("actor1"), "");
  EXPECT_TRUE(row.at("event_id_cnty").starts_with("XXX"));
  EXPECT_EQ(row.at("iso"), "");
  EXPECT_EQ(row.at("region"), "");
  EXPECT_EQ(row.at("event_date"), "");
  EXPECT_EQ(row.at("year"), "");
  EXPECT_EQ(row.at("civilian_targeting"), "Civilian targeting");
}

TEST_F(AcledExport, AProtestInPristinaIsInKosovoWhichAcledCodesZero) {
  Document d = report("p1", "Students protested in Pristina on Saturday.", "", {});
  Event e = event("p1:1", "Protests", "Peaceful protest", {}, {});
  place(e, "Pristina", "Pristina", "XKX", 42.6727, 21.1669);
  const auto row = row_of(d, e);
  EXPECT_EQ(row.at("country"), "Kosovo");
  EXPECT_EQ(row.at("iso"), "0");
  EXPECT_EQ(row.at("region"), "Europe");
  EXPECT_EQ(row.at("actor1"), "Protesters (Kosovo)");
  EXPECT_EQ(row.at("interaction"), "Protesters only");
}

TEST_F(AcledExport, OneEventReportedByAStateAgencyAndAWireIsNationalAndInternational) {
  Document agency = report("a1", "Gunmen killed five villagers in Mandera.", "Kenya News Agency", {kCivilians});
  Event first = event("a1:1", "Violence against civilians", "Attack", {}, {kCivilians.id});
  first.fatalities = 5;
  agency.events = {first};
  Document wire = report("a2", "Gunmen killed at least four villagers in Mandera.", "Agence France-Presse", {kCivilians});
  Event repeat = event("a2:1", "Violence against civilians", "Attack", {}, {kCivilians.id});
  repeat.group = "a1:1";
  repeat.fatalities = 4;
  wire.events = {repeat};
  store({agency, wire});
  const auto r = rows();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].at("source"), "Kenya News Agency; Agence France-Presse");
  EXPECT_EQ(r[0].at("source_scale"), "National-International");
  EXPECT_EQ(r[0].at("fatalities"), "4");  // the most conservative report
}

TEST_F(AcledExport, ACellASpreadsheetWouldRunAsAFormulaIsMadeInert) {
  EXPECT_EQ(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(spreadsheet_safe("+1"), "'+1");
  EXPECT_EQ(spreadsheet_safe("-2+3"), "'-2+3");
  EXPECT_EQ(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheet_safe("\tx"), "'\tx");
  EXPECT_EQ(spreadsheet_safe("Reuters"), "Reuters");
  EXPECT_EQ(spreadsheet_safe(""), "");
  Document d = report("f1", "Troops clashed with militants near Gao.", "=cmd|' /C calc'!A0", {});
  Event e = event("f1:1", "Battles", "Armed clash", {}, {});
  place(e, "Gao", "Gao", "MLI", 16.2666, -0.0400);
  d.events = {e};
  store({d});
  const std::string out = csv();
  EXPECT_NE(out.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << out;
  EXPECT_NE(out.find(",16.2666,-0.0400,"), std::string::npos) << out;  // a negative number stays a number
}

// A copy of the bundled export files with one file replaced.
std::string data_with(const TempDir& dir, const std::string& file, const std::string& content) {
  const auto root = dir.path() / "data";
  std::filesystem::create_directories(root / "export");
  for (const auto& f : std::filesystem::directory_iterator(std::string(MOSAIC_DATA_DIR) + "/export"))
    std::filesystem::copy_file(f.path(), root / "export" / f.path().filename(),
                                std::filesystem::copy_options::overwrite_existing);
  std::ofstream(root / "export" / file) << content;
  return root.string();
}

void expect_error(const std::string& data, const std::string& where, const std::string& what) {
  try {
    AcledCoding::load(data);
    ADD_FAILURE() << "no error for " << where;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

TEST(AcledCoding, AMalformedRowIsReportedWithItsFileAndLine) {
  TempDir dir;
  expect_error(data_with(dir, "outlets.tsv", "# outlets\nDaily Planet\tGalactic\n"), "outlets.tsv:2",
               "'Galactic' is not in source_scales.tsv");
  expect_error(data_with(dir, "countries.tsv", "KEN\t-\t-\tEastern Africa\nQQQ\t-\t-\tEurope\n"), "countries.tsv:2",
               "QQQ is not in iso-codes");
  expect_error(data_with(dir, "actor_types.tsv", "state\tState forces\t1\t-\nstate_forces\tState forces\t2\t-\n"),
               "actor_types.tsv:2", "'State forces' had code 1 before");
  expect_error(data_with(dir, "sub_event_types.tsv", "Attack\tPolitical violence\tsometimes\t-\t-\n"),
               "sub_event_types.tsv:1", "civilian targeting 'sometimes'");
  expect_error(data_with(dir, "sub_event_types.tsv", "Attack\tPolitical violence\talways\tGunmen ({country})\t-\n"),
               "sub_event_types.tsv:1", "needs both a name and a type");
}

TEST(AcledCoding, EverySubEventTypeOfTheTaxonomyHasItsExportRow) {
  std::set<std::string> coded;
  read_tsv(std::string(MOSAIC_DATA_DIR) + "/export/sub_event_types.tsv", 5,
           [&](const std::vector<std::string>& c, std::size_t) { coded.insert(c[0]); });
  std::size_t types = 0;
  read_tsv(std::string(MOSAIC_DATA_DIR) + "/events/types.tsv", 13, [&](const std::vector<std::string>& c, std::size_t) {
    ++types;
    EXPECT_TRUE(coded.count(c[0])) << c[0];
  });
  EXPECT_EQ(types, 25u);
}

TEST(AcledCoding, EveryActorTypeOfTheContractHasAnAcledLabel) {
  std::set<std::string> labelled;
  read_tsv(std::string(MOSAIC_DATA_DIR) + "/export/actor_types.tsv", 4,
           [&](const std::vector<std::string>& c, std::size_t) { labelled.insert(c[0]); });
  for (const auto type : kActorTypes) EXPECT_TRUE(labelled.count(std::string(type))) << type;
}

}  // namespace
}  // namespace mosaic
