#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>
#include <sstream>

#include "helpers.h"
#include "mosaic/export.h"
#include "mosaic/pipeline.h"

namespace mosaic {
namespace {

using test::TempDir;

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::open(dir_.file("e.db"));
    const Resources r = Resources::load(MOSAIC_DATA_DIR);
    const Pipeline p(r);
    const auto input = dir_.write("in.jsonl",
                                  R"({"id": "b", "title": "Truce", "text": "A truce was signed.", "date": "5/20/23", "source": "wire"})"
                                  "\n"
                                  R"({"id": "a", "text": "Drones hit the port."})"
                                  "\n");
    ingest(*store_, p, {input}, {});
  }
  std::string run(ExportFormat f) {
    std::ostringstream out;
    export_store(*store_, f, out);
    return out.str();
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ExportTest, JsonFollowsTheContract) {
  const auto j = nlohmann::json::parse(run(ExportFormat::Json));
  EXPECT_EQ(j["schema"], "mosaic/1");
  for (const char* kind : {"documents", "actors", "relations", "events", "quantities", "claims", "contradictions"})
    ASSERT_TRUE(j[kind].is_array()) << kind;
  ASSERT_EQ(j["documents"].size(), 2u);
  const auto& b = j["documents"][1];
  EXPECT_EQ(b["id"], "b");
  EXPECT_EQ(b["title"], "Truce");
  EXPECT_EQ(b["date"], "2023-05-20");
  EXPECT_EQ(b["source"], "wire");
  EXPECT_EQ(b["story"], "b");
  EXPECT_TRUE(b["duplicate_of"].is_null());
  EXPECT_TRUE(j["documents"][0]["date"].is_null());
}

TEST_F(ExportTest, JsonlHasOneKindedRecordPerLine) {
  std::istringstream lines(run(ExportFormat::Jsonl));
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  ASSERT_GE(records.size(), 3u);
  EXPECT_EQ(records[0]["kind"], "schema");
  EXPECT_EQ(records[1]["kind"], "document");
  EXPECT_EQ(records[2]["id"], "b");
  const std::set<std::string> kinds = {"document", "actor", "relation", "event", "quantity", "claim", "contradiction"};
  for (std::size_t i = 1; i < records.size(); ++i) EXPECT_TRUE(kinds.count(records[i]["kind"])) << records[i].dump();
  // "Drones hit the port." is an air strike.
  EXPECT_TRUE(std::any_of(records.begin(), records.end(), [](const nlohmann::json& r) {
    return r["kind"] == "event" && r["sub_event_type"] == "Air/drone strike" && r["doc"] == "a";
  }));
}

TEST_F(ExportTest, CsvUsesAcledColumns) {
  const std::string csv = run(ExportFormat::Csv);
  std::string header;
  for (const auto& c : acled_columns()) header += (header.empty() ? "" : ",") + c;
  EXPECT_EQ(csv.substr(0, csv.find('\r')), header);
  // One row per event ("Drones hit the port.", "Truce"), none of whose cells needs quoting.
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  std::size_t rows = 0;
  for (; std::getline(lines, line); ++rows) EXPECT_EQ(std::count(line.begin(), line.end(), ','), 30) << line;
  EXPECT_EQ(rows, 2u);
}

// A cell a spreadsheet would run as a formula (a source or an id that starts
// with =, +, -, @) is written as text; numbers, negative ones included, stay numbers.
// An event's actor that no mention names (the students who marched are
// "Protesters (Country)") is listed with the actors, so the JSON export's
// references resolve and the ACLED CSV gives its name, not its id (found by
// fuzz_pipeline).
TEST(Export, EveryActorAnEventNamesIsExported) {
  TempDir dir;
  const auto store_store = Store::open(dir.file("p.db"));
  Store& store = *store_store;
  const Pipeline p(test::bundled());
  const auto input = dir.write("in.jsonl",
                               R"({"id": "p", "title": "Students march in Khartoum", "date": "2016-10-07", "text": )"
                               R"("Hundreds of students marched in Khartoum, Sudan on Friday to demand the release of detained activists."})"
                               "\n");
  ingest(store, p, {input}, {});
  std::ostringstream out;
  export_store(store, ExportFormat::Json, out);
  const auto j = nlohmann::json::parse(out.str());
  std::set<std::string> actors;
  for (const auto& a : j["actors"]) actors.insert(a["id"].get<std::string>());
  std::size_t named = 0;
  for (const auto& e : j["events"])
    for (const char* side : {"actor1", "actor2"})
      for (const auto& a : e[side]) {
        ++named;
        EXPECT_TRUE(actors.count(a.get<std::string>())) << a;
        EXPECT_TRUE(store.actor(a.get<std::string>()).has_value()) << a;
      }
  EXPECT_GT(named, 0u);
  std::ostringstream csv;
  export_store(store, ExportFormat::Csv, csv);
  EXPECT_EQ(csv.str().find("protesters-"), std::string::npos) << csv.str();
}

TEST(ExportCsv, CellsThatWouldBeFormulasAreWrittenAsText) {
  TempDir dir;
  const auto store_store = Store::open(dir.file("f.db"));
  Store& store = *store_store;
  const Pipeline p(test::bundled());
  ingest(store, p, {dir.write("in.jsonl", R"x({"id": "=1+2", "source": "=HYPERLINK(\"http://x\")", )x"
                                          R"x("text": "Drones hit the port of Mombasa.", "date": "2023-05-20"})x"
                                          "\n")},
         {});
  std::ostringstream out;
  export_store(store, ExportFormat::Csv, out);
  const std::string csv = out.str();
  const std::string row = csv.substr(csv.find("\r\n") + 2);
  EXPECT_EQ(row.find(",=1+2"), std::string::npos) << row;
  EXPECT_NE(row.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << row;
  EXPECT_EQ(row.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(row.find(",-4.0"), std::string::npos) << row;  // Mombasa's latitude, a number
}

TEST(ExportFormat, Names) {
  EXPECT_EQ(parse_export_format("jsonl"), ExportFormat::Jsonl);
  EXPECT_THROW(parse_export_format("xml"), Error);
}

}  // namespace
}  // namespace mosaic
