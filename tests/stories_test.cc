// Stories: copies and re-edits of one report are one story; two reports of
// the same event written apart stay apart; events told twice count once.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.h"
#include "mosaic/export.h"
#include "mosaic/merge.h"
#include "mosaic/pipeline.h"

namespace mosaic {
namespace {

using test::TempDir;

// A report written for these tests, long enough to have a story of its own.
const std::string kReport =
    "Rebel fighters shelled the government-held district of Hamdaniyeh on Tuesday, killing at least nine "
    "people, a monitoring group said. The shells struck a bakery and a school where families had sheltered "
    "since the weekend. Rescue workers pulled survivors from the rubble for hours as ambulances queued at "
    "the only open road. The army answered with air strikes on rebel positions in the old city, residents "
    "said. A pro-government newspaper reported that the bakery had been the district's last source of "
    "bread. Local officials called for a truce to let food and medicine in. Aid agencies said stocks of "
    "flour would last no more than a week. The monitor said the dead included three children and a nurse. "
    "Fighting on the southern front continued into the night, with heavy machine-gun fire heard across the "
    "river. Both sides have accused each other of targeting civilians in recent weeks.";

// The same event, reported by another outlet in its own words.
const std::string kOtherReport =
    "Nine civilians, among them three children, died when mortar rounds hit a bakery in Hamdaniyeh, an "
    "area of the city held by the army, according to activists. Opposition groups deny firing at "
    "residential streets. Witnesses described panic as the first round landed near a queue of women "
    "waiting for bread. The government responded by bombing opposition neighbourhoods east of the "
    "citadel. Humanitarian groups warn that the city's remaining bakeries may close for lack of fuel.";

std::string words_only(const std::string& text, std::size_t from, std::size_t to) {
  std::istringstream in(text);
  std::string w, out;
  for (std::size_t i = 0; in >> w; ++i)
    if (i >= from && i < to) out += w + " ";
  return out;
}

double containment(const std::string& a, const std::string& b) {
  const Normaliser n;
  return overlap(shingles(n(a)), shingles(n(b))).containment;
}

TEST(Shingles, FoldCaseApostrophesAndAbbreviations) {
  EXPECT_EQ(shingles("The Shi'ite militias of the U.S. army"), shingles("THE SHIITE MILITIAS OF THE US ARMY"));
  EXPECT_TRUE(shingles("too short").empty());
  const auto s = shingles(kReport);
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
  const auto f = fingerprints(s);
  EXPECT_GT(f.size(), 4u);
  EXPECT_LT(f.size(), s.size() / 4);
}

TEST(Shingles, EachKindOfCopyKeepsMostOfTheOriginal) {
  const double same = StoryOptions{}.same_story;
  // A shortened wire copy: the first 40 % of the words.
  EXPECT_GE(containment(words_only(kReport, 0, 55), kReport), same);
  // A copy that lost some words here and there.
  std::string dropped = kReport;
  for (const char* w : {" heavy", " only", " last", " at least"}) dropped.erase(dropped.find(w), std::string(w).size());
  EXPECT_GE(containment(dropped, kReport), same);
  // A scrape that lost its hyphenated words, leaving double spaces.
  std::string hyphens = kReport;
  for (const char* w : {"government-held", "pro-government", "machine-gun"}) hyphens.replace(hyphens.find(w), std::string(w).size(), "  ");
  EXPECT_GE(containment(hyphens, kReport), same);
  // Reordered paragraphs, and a newsletter footer.
  const std::string reordered = words_only(kReport, 60, 200) + "\n\n" + words_only(kReport, 0, 60) +
                                "\n\nSign up for our daily newsletter\nNOW WATCH: more from the region";
  Boilerplate b;
  b.load(std::string(MOSAIC_DATA_DIR) + "/boilerplate.txt");
  const Normaliser n(&b);
  EXPECT_GE(overlap(shingles(n(reordered)), shingles(n(kReport))).containment, same);
  // Another outlet's report of the same event is not a copy.
  EXPECT_LT(containment(kOtherReport, kReport), 0.2);
}

class StoryStore : public ::testing::Test {
 protected:
  void ingest_lines(const std::vector<nlohmann::json>& records) {
    std::string feed;
    for (const auto& r : records) feed += r.dump() + "\n";
    const auto input = dir_.write("feed" + std::to_string(++feeds_) + ".jsonl", feed);
    const auto store_store = Store::open(db());
    Store& store = *store_store;
    const Pipeline p(test::bundled());
    ingest(store, p, {input}, {});
  }
  std::string story(const std::string& id) {
    const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
    Store& store = *store_store;
    return store.story_of(id);
  }
  std::string db() const { return dir_.file("s.db"); }
  TempDir dir_;
  int feeds_ = 0;
};

TEST_F(StoryStore, CopiesJoinTheStoryAndOtherReportsStayApart) {
  ingest_lines({{{"id", "wire"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}},
                {{"id", "reprint"}, {"text", words_only(kReport, 0, 70)}, {"date", "2016-10-04"}, {"source", "Daily"}},
                {{"id", "other"}, {"text", kOtherReport}, {"date", "2016-10-04"}, {"source", "Monitor"}}});
  EXPECT_EQ(story("wire"), "wire");
  EXPECT_EQ(story("reprint"), "wire");
  EXPECT_EQ(story("other"), "other");
  // Incremental and persisted: a copy arriving in a later run finds the story.
  std::string scraped = kReport;
  scraped.replace(scraped.find("government-held"), 15, "  ");
  ingest_lines({{{"id", "scrape"}, {"text", scraped + "\nFollow us on Facebook"}, {"source", "Aggregator"}}});
  EXPECT_EQ(story("scrape"), "wire");
  const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
  Store& store = *store_store;
  std::vector<Store::StorySummary> stories;
  store.for_each_story([&](const Store::StorySummary& s) { stories.push_back(s); });
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[1].story, "wire");
  EXPECT_EQ(stories[1].documents, (std::vector<std::string>{"wire", "reprint", "scrape"}));
}

// The store's export, without the documents' origins (each feed here is a file of its own).
nlohmann::json export_json(const std::string& db) {
  const auto store_store = Store::open(db, Store::Mode::ReadOnly);
  const Store& store = *store_store;
  std::ostringstream out;
  export_store(store, ExportFormat::Json, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  for (auto& d : j["documents"]) d.erase("origin");
  return j;
}

// Ingested again, a document whose copies joined its story is that story's
// original, not a duplicate of itself; and the whole feed ingested again
// gives the stories, duplicates and event groups it gave the first time.
TEST_F(StoryStore, ADocumentIngestedAgainIsNotADuplicateOfItself) {
  const std::vector<nlohmann::json> feed = {
      {{"id", "wire"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}},
      {{"id", "reprint"}, {"text", words_only(kReport, 0, 70)}, {"date", "2016-10-04"}, {"source", "Daily"}},
      {{"id", "other"}, {"text", kOtherReport}, {"date", "2016-10-04"}, {"source", "Monitor"}}};
  ingest_lines(feed);
  const nlohmann::json first = export_json(db());
  ingest_lines({feed[0]});
  {
    const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
    Store& store = *store_store;
    EXPECT_EQ(store.get("wire")->story, "wire");
    EXPECT_EQ(store.get("wire")->duplicate_of, "");
    EXPECT_EQ(store.get("reprint")->duplicate_of, "wire");
  }
  ingest_lines(feed);
  EXPECT_EQ(export_json(db()), first);
}

TEST_F(StoryStore, AnEventToldByCopiesCountsOnce) {
  ingest_lines({{{"id", "a"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}},
                {{"id", "b"}, {"text", words_only(kReport, 0, 60)}, {"date", "2016-10-04"}, {"source", "Daily"}}});
  const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
  Store& store = *store_store;
  std::map<std::string, std::vector<std::string>> groups;  // group -> documents reporting it
  store.for_each_event({}, [&](const Store::StoredEvent& e) { groups[e.event.group].push_back(e.doc); });
  bool shared = false;
  for (const auto& [group, docs] : groups) shared |= docs.size() == 2;
  EXPECT_TRUE(shared);
  // The ACLED table has one row for it, with both sources.
  std::ostringstream csv;
  export_store(store, ExportFormat::Csv, csv);
  EXPECT_NE(csv.str().find("Wire; Daily"), std::string::npos) << csv.str();
}

// A document replaced by a new version takes its events away; reports in
// other documents grouped under them are regrouped under the first of them
// left, so every group names an event still stored (found by fuzz_pipeline).
TEST_F(StoryStore, ReplacingTheFirstReportOfAnEventRegroupsItsOtherReports) {
  ingest_lines({{{"id", "a"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}},
                {{"id", "b"}, {"text", words_only(kReport, 0, 60)}, {"date", "2016-10-04"}, {"source", "Daily"}},
                {{"id", "c"}, {"text", words_only(kReport, 0, 50)}, {"date", "2016-10-04"}, {"source", "Post"}}});
  std::map<std::string, std::set<std::string>> under_a;  // a's group -> the other documents reporting it
  {
    const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
    Store& store = *store_store;
    store.for_each_event({}, [&](const Store::StoredEvent& e) {
      if (e.doc != "a" && e.event.group.starts_with("a:")) under_a[e.event.group].insert(e.doc);
    });
  }
  ASSERT_FALSE(under_a.empty());
  ingest_lines({{{"id", "a"}, {"text", "The council met to discuss the budget."}, {"date", "2016-10-05"}}});
  const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
  Store& store = *store_store;
  std::set<std::string> ids;
  std::map<std::string, std::set<std::string>> groups;  // group -> documents reporting it
  store.for_each_event({}, [&](const Store::StoredEvent& e) { ids.insert(e.event.id); });
  store.for_each_event({}, [&](const Store::StoredEvent& e) {
    EXPECT_TRUE(ids.count(e.event.group)) << e.event.id << " is grouped under " << e.event.group << ", gone";
    groups[e.event.group].insert(e.doc);
  });
  // The other documents that reported one of a's events together still do.
  for (const auto& [old_group, docs] : under_a) {
    if (docs.size() < 2) continue;
    bool still_shared = false;
    for (const auto& [group, now] : groups) still_shared |= now == docs;
    EXPECT_TRUE(still_shared) << old_group;
  }
  // Versions telling less of the report: their events may join a group named
  // after an event of the version before, which they no longer have.
  for (std::size_t words : {20, 30, 45, 60, 200}) {
    ingest_lines({{{"id", "a"}, {"text", words_only(kReport, 0, words)}, {"date", "2016-10-04"}, {"source", "Wire"}}});
    const auto again_store = Store::open(db(), Store::Mode::ReadOnly);
    Store& again = *again_store;
    std::set<std::string> now;
    again.for_each_event({}, [&](const Store::StoredEvent& e) { now.insert(e.event.id); });
    again.for_each_event({}, [&](const Store::StoredEvent& e) {
      EXPECT_TRUE(now.count(e.event.group)) << words << " words: " << e.event.id << " is grouped under " << e.event.group;
    });
  }
}

// Event ids are positions in their document: a new version's event that
// takes the id an old group was named after is another event, and does not
// inherit that group (a protest reprinted elsewhere was grouped under a clash).
TEST_F(StoryStore, ANewVersionsEventWithAnOldEventsIdDoesNotInheritItsGroup) {
  const std::string protest = "Police fired tear gas at protesters in Kosti on Monday. ";
  const std::string clash = "Gunmen attacked a military convoy near Kadugli on Monday, killing five soldiers.";
  const std::vector<nlohmann::json> feed = {
      {{"id", "a"}, {"text", protest + clash}, {"date", "2016-10-04"}, {"source", "Wire"}},
      {{"id", "b"}, {"text", protest + clash + " Reprinted with permission."}, {"date", "2016-10-04"}, {"source", "Daily"}}};
  auto groups = [&] {
    const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
    Store& store = *store_store;
    std::map<std::string, std::pair<std::string, std::string>> out;  // event -> (group, type)
    store.for_each_event({}, [&](const Store::StoredEvent& e) { out[e.event.id] = {e.event.group, e.event.sub_event_type}; });
    return out;
  };
  ingest_lines(feed);
  const auto first = groups();
  std::size_t shared = 0;
  for (const auto& [id, g] : first) shared += g.first != id;
  ASSERT_GE(shared, 1u);       // b's reports are grouped under a's
  ingest_lines(feed);          // the same feed again: the same groups
  EXPECT_EQ(groups(), first);
  ingest_lines({{{"id", "a"}, {"text", clash}, {"date", "2016-10-04"}, {"source", "Wire"}}});
  for (const auto& [id, g] : groups()) {
    const auto all = groups();
    ASSERT_TRUE(all.count(g.first)) << id << " is grouped under " << g.first << ", gone";
    EXPECT_EQ(all.at(g.first).second, g.second) << id << " (" << g.second << ") is grouped under " << g.first;
  }
}

// A round-up that copies two reports joins the story of the one it copies
// most and merges neither: joining both chained stories together, one story
// growing to thousands of documents from hundreds of articles.
TEST_F(StoryStore, ARoundUpJoinsTheStoryItCopiesMostAndNeverMergesTwo) {
  const std::string most = words_only(kOtherReport, 0, 70);
  ingest_lines({{{"id", "wire"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}},
                {{"id", "other"}, {"text", kOtherReport}, {"date", "2016-10-04"}, {"source", "Monitor"}},
                {{"id", "roundup"}, {"text", kReport + "\n\n" + most}, {"date", "2016-10-04"}, {"source", "Digest"}}});
  ASSERT_GE(containment(most, kOtherReport), StoryOptions{}.same_story);
  EXPECT_EQ(story("wire"), "wire");
  EXPECT_EQ(story("other"), "other");
  EXPECT_EQ(story("roundup"), "wire");
  // A later copy of the other report still finds its own story.
  ingest_lines({{{"id", "reprint"}, {"text", kOtherReport + " Reprinted with permission."}, {"date", "2016-10-04"}}});
  EXPECT_EQ(story("reprint"), "other");
}

TEST_F(StoryStore, AWireStoryReprintedByHundredsStaysOneStory) {
  // Each outlet adds its own line; a fingerprint every reprint shares is the
  // story's, not boilerplate, and keeps finding it.
  std::vector<nlohmann::json> records;
  records.push_back({{"id", "wire"}, {"text", kReport}, {"date", "2016-10-04"}, {"source", "Wire"}});
  for (int i = 0; i < 150; ++i) {
    const std::string outlet = "Outlet " + std::to_string(i);
    records.push_back({{"id", "copy" + std::to_string(i)},
                       {"text", kReport + "\nReprinted by " + outlet + " with permission."},
                       {"date", "2016-10-04"},
                       {"source", outlet}});
  }
  records.push_back({{"id", "other"}, {"text", kOtherReport}, {"date", "2016-10-04"}, {"source", "Monitor"}});
  ingest_lines(records);
  for (int i = 0; i < 150; i += 7) EXPECT_EQ(story("copy" + std::to_string(i)), "wire") << i;
  EXPECT_EQ(story("copy149"), "wire");
  EXPECT_EQ(story("other"), "other");
  // Nor does the index grow with every reprint of the same words.
  const std::size_t per_copy = fingerprints(shingles(Normaliser()(kReport))).size();
  const auto store_store = Store::open(db(), Store::Mode::ReadOnly);
  Store& store = *store_store;
  EXPECT_LT(std::size_t(store.stats().fingerprints), 150 * per_copy / 4);
}

}  // namespace
}  // namespace mosaic
