// One suite run against every store backend (LevelDB's db_test.cc runs one
// suite under every configuration): what callers may rely on whatever the
// store, answers in the same order included. The PostgreSQL cases skip
// without a server (backend.h).
#include <gtest/gtest.h>

#include <sstream>

#include "../helpers.h"
#include "backend.h"
#include "mosaic/export.h"
#include "mosaic/merge.h"
#include "mosaic/store.h"

namespace mosaic {
namespace {

using test::Backend;

class Conformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<Backend>(GetParam());
    if (backend_->url().empty()) GTEST_SKIP() << backend_->why_not();
  }
  std::unique_ptr<Store> open(Store::Mode mode = Store::Mode::ReadWrite) { return Store::open(backend_->url(), mode); }

  std::unique_ptr<Backend> backend_;
};

Document doc(const std::string& id, const std::string& text, const std::string& date = "") {
  Document d;
  d.id = id;
  d.raw = d.text = text;
  d.date = date;
  d.origin = "test";
  d.sentences = {Sentence{Span{0, uint32_t(text.size())}}};
  return d;
}

// A report with an actor, an event, a relation, a claim and a quantity.
Document report(const std::string& id, const std::string& date, const std::string& place, const std::string& type) {
  Document d = doc(id, "Rebels attacked the army near " + place + ", killing 12 people, the army said.", date);
  d.title = "Fighting near " + place;
  d.source = "wire";
  d.actors = {Actor{"rebels", "Rebels", "rebel_group", "", {"Rebels"}},
              Actor{"army", "National Army", "military", "SYR", {"the army"}}};
  d.mentions = {Mention{0, Span{0, 6}, "rebels"}, Mention{0, Span{16, 24}, "army"}};
  Event e;
  e.id = id + ":0";
  e.trigger = Span{7, 15};
  e.event_type = "Battles";
  e.sub_event_type = type;
  e.plover_type = "FIGHT";
  e.actor1 = {"rebels"};
  e.actor2 = {"army"};
  e.location = place;
  e.latitude = 35.13125;  // a half at the fifth place: the place key must round as SQLite's printf does
  e.longitude = 36.75;
  e.date = date;
  e.time_precision = 1;
  e.fatalities = 12;
  e.main = true;
  d.events = {e};
  d.relations = {Relation{"fights", "rebels", "army", 0}};
  d.claims = {Claim{0, Span{51, 65}, "army", "asserts", e.id}};
  d.quantities = {Quantity{0, Span{49, 58}, 12, 12, "people killed"}};
  return d;
}

void put_all(Store& s, const std::vector<Document>& docs) {
  Store::Transaction tx(s);
  for (const auto& d : docs) s.put(d);
  tx.commit();
}

std::vector<std::string> event_ids(const Store& s, const Store::EventFilter& f = {}) {
  std::vector<std::string> out;
  s.for_each_event(f, [&](const Store::StoredEvent& e) { out.push_back(e.event.id); });
  return out;
}

TEST_P(Conformance, ADocumentIsReadBackWithEverythingExtractedFromIt) {
  const auto s = open();
  s->begin_run("test");
  put_all(*s, {report("d1", "2024-03-01", "Hama", "Armed clash")});
  const auto d = s->get("d1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "Fighting near Hama");
  EXPECT_EQ(d->story, "d1");
  ASSERT_EQ(d->sentences.size(), 1u);
  ASSERT_EQ(d->mentions.size(), 2u);
  EXPECT_EQ(d->actors[1].name, "National Army");
  ASSERT_EQ(d->events.size(), 1u);
  EXPECT_EQ(d->events[0].actor2, std::vector<std::string>{"army"});
  EXPECT_EQ(d->events[0].fatalities, 12);
  EXPECT_FALSE(d->events[0].civilian_fatalities);
  EXPECT_EQ(d->events[0].latitude, 35.13125);
  ASSERT_EQ(d->quantities.size(), 1u);
  EXPECT_EQ(d->quantities[0].value, 12);
  ASSERT_EQ(d->claims.size(), 1u);
  EXPECT_EQ(d->claims[0].about, "d1:0");
  EXPECT_FALSE(s->get("missing"));
  const auto a = s->actor("army");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->mentions, 1);
  EXPECT_EQ(a->actor.aliases, std::vector<std::string>{"the army"});
  const StoreStats st = s->stats();
  EXPECT_EQ(st.documents, 1);
  EXPECT_EQ(st.events, 1);
  EXPECT_EQ(st.relations, 1);
  EXPECT_EQ(st.first_date, "2024-03-01");
}

TEST_P(Conformance, AReingestReplacesAndARepeatWithinARunIsTold) {
  const auto s = open();
  s->begin_run("first");
  put_all(*s, {report("d1", "2024-03-01", "Hama", "Armed clash")});
  s->begin_run("second");
  Store::Transaction tx(*s);
  EXPECT_EQ(s->put(doc("d1", "Another text.")), PutResult::Replaced);
  EXPECT_EQ(s->put(doc("d1", "Another text.")), PutResult::Repeated);
  std::string first;
  EXPECT_EQ(s->put(doc("d1", "A third text."), &first), PutResult::Conflict);
  EXPECT_EQ(first, "test");
  tx.commit();
  EXPECT_EQ(s->get("d1")->text, "Another text.");
  // Nothing of the replaced version is left.
  const StoreStats st = s->stats();
  EXPECT_EQ(st.documents, 1);
  EXPECT_EQ(st.events, 0);
  EXPECT_EQ(st.mentions, 0);
  EXPECT_EQ(st.claims, 0);
  EXPECT_EQ(st.quantities, 0);
  EXPECT_EQ(st.relations, 0);
  EXPECT_FALSE(s->actor("army"));
}

// However a backend keeps the raw text beside the normalised one, it comes
// back as received: equal to the text, differing by a few bytes anywhere,
// shorter or longer than it, or nothing like it.
TEST_P(Conformance, TheRawTextComesBackAsReceivedWhateverItSharesWithTheText) {
  const auto s = open();
  s->begin_run("test");
  const std::string text = "Shelling hit the market in the north of the city on Monday, residents said.";
  const std::vector<std::string> raws = {text, text + " \n", "  " + text, "<p>" + text.substr(0, 30) + "&amp;" + text.substr(30),
                                         text.substr(0, 10), "Nothing like it at all.", "", text + text};
  std::vector<Document> docs;
  for (std::size_t i = 0; i < raws.size(); ++i) {
    Document d = doc("r" + std::to_string(i), text);
    d.raw = raws[i];
    docs.push_back(d);
  }
  put_all(*s, docs);
  for (std::size_t i = 0; i < raws.size(); ++i) {
    EXPECT_EQ(s->get("r" + std::to_string(i))->raw, raws[i]) << i;
    EXPECT_FALSE(s->resumable(docs[i])) << i;  // this run's own: its hash is the raw text's
  }
  std::size_t seen = 0;
  s->for_each_document([&](const Document& d) { seen += d.raw == raws.at(std::stoul(d.id.substr(1))); }, true);
  EXPECT_EQ(seen, raws.size());
}

TEST_P(Conformance, AnUncommittedWriteLeavesNothingAndReadsInsideItSeeIt) {
  const auto s = open();
  s->begin_run("test");
  const int64_t before = s->version();
  {
    Store::Transaction tx(*s);
    s->put(doc("d1", "Seen inside."));
    EXPECT_EQ(s->text_of("d1"), "Seen inside.");
    EXPECT_EQ(s->stats().documents, 1);
  }
  EXPECT_FALSE(s->get("d1"));
  EXPECT_EQ(s->version(), before);
  put_all(*s, {doc("d2", "Committed.")});
  EXPECT_GT(s->version(), before);
  const auto reader = open(Store::Mode::ReadOnly);
  EXPECT_EQ(reader->version(), s->version());
  EXPECT_EQ(reader->text_of("d2"), "Committed.");
}

TEST_P(Conformance, AWriterSeesWhatAnotherWroteBetweenItsSessions) {
  const auto first = open(), second = open();
  first->begin_run("first");
  put_all(*first, {doc("a", "As first written."), doc("b", "Another.")});
  {
    Store::Transaction tx(*first);  // what merging reads of them, inside a session
    EXPECT_EQ(first->text_of("a"), "As first written.");
    EXPECT_EQ(first->story_of("a"), "a");
    tx.commit();
  }
  second->begin_run("second");
  Document again = doc("a", "As written again.");
  again.story = "b";
  put_all(*second, {again});
  Store::Transaction tx(*first);
  EXPECT_EQ(first->text_of("a"), "As written again.");
  EXPECT_EQ(first->story_of("a"), "b");
  EXPECT_EQ(first->text_of("b"), "Another.");
}

TEST_P(Conformance, EventsComeByDocumentThenAsStoredAndEveryFilterMeansTheSame) {
  const auto s = open();
  s->begin_run("test");
  Document b = report("b", "2024-03-02", "Homs", "Attack");
  Event second = b.events[0];
  second.id = "b:1";
  second.sub_event_type = "Armed clash";
  second.location = "Idlib";
  second.latitude.reset();
  second.longitude.reset();
  second.main = false;
  b.events.push_back(second);
  put_all(*s, {b, report("a", "2024-03-01", "Hama", "Armed clash"), report("c", "", "Hama", "Attack")});
  EXPECT_EQ(event_ids(*s), (std::vector<std::string>{"a:0", "b:0", "b:1", "c:0"}));
  Store::EventFilter f;
  f.type = "Attack";
  EXPECT_EQ(event_ids(*s, f), (std::vector<std::string>{"b:0", "c:0"}));
  f = {};
  f.type = "Battles";  // the upper level
  EXPECT_EQ(event_ids(*s, f).size(), 4u);
  f = {};
  f.place = "hAM";  // part of the name, ASCII case ignored
  EXPECT_EQ(event_ids(*s, f), (std::vector<std::string>{"a:0", "c:0"}));
  f = {};
  f.from = "2024-03-02";
  EXPECT_EQ(event_ids(*s, f), (std::vector<std::string>{"b:0", "b:1"}));  // an undated event is outside a window
  f.from = "";
  f.to = "2024-03-01";
  EXPECT_EQ(event_ids(*s, f), (std::vector<std::string>{"a:0"}));
  f = {};
  f.actor = "national";  // part of a name
  EXPECT_EQ(event_ids(*s, f).size(), 4u);
  f = {};
  f.actor_id = "nation";  // an id exactly
  EXPECT_TRUE(event_ids(*s, f).empty());
  f = {};
  f.limit = 2;
  f.offset = 1;
  EXPECT_EQ(event_ids(*s, f), (std::vector<std::string>{"b:0", "b:1"}));
  std::vector<std::string> evidence;
  s->for_each_event_of("b", [&](const Store::StoredEvent& e) { evidence.push_back(e.evidence); });
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_EQ(evidence[0], b.text);
}

TEST_P(Conformance, RelationsClaimsQuantitiesActorsAndStoriesComeInTheirStatedOrder) {
  const auto s = open();
  s->begin_run("test");
  put_all(*s, {report("b", "2024-03-02", "Homs", "Attack"), report("a", "2024-03-01", "Hama", "Armed clash")});
  std::vector<std::string> seen;
  s->for_each_relation({}, [&](const Store::StoredRelation& r) { seen.push_back(r.doc + " " + r.evidence.substr(0, 6)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a Rebels", "b Rebels"}));
  seen.clear();
  Store::RelationFilter rf;
  rf.actor = "army";
  rf.to = "2024-03-01";
  s->for_each_relation(rf, [&](const Store::StoredRelation& r) { seen.push_back(r.doc); });
  EXPECT_EQ(seen, std::vector<std::string>{"a"});
  seen.clear();
  s->for_each_claim([&](const Store::StoredClaim& c) { seen.push_back(c.doc + " " + c.story); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a a", "b b"}));
  seen.clear();
  s->for_each_quantity([&](const std::string& d, const Quantity&, std::string_view text) {
    seen.push_back(d + (text.empty() ? "" : " text"));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"a text", "b text"}));
  seen.clear();
  s->for_each_actor([&](const ActorSummary& a) { seen.push_back(a.actor.id); });
  EXPECT_EQ(seen, (std::vector<std::string>{"army", "rebels"}));  // as often mentioned: by id
  Store::Transaction tx(*s);
  s->rename_story("b", "a");
  tx.commit();
  std::vector<Store::StorySummary> stories;
  s->for_each_story([&](const Store::StorySummary& st) { stories.push_back(st); });
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s->story_of("b"), "a");
  EXPECT_EQ(s->get("b")->duplicate_of, "a");
}

TEST_P(Conformance, FingerprintHoldersAreFoundAndOneMarkedCommonIsNoLonger) {
  const auto s = open();
  s->begin_run("test");
  Document a = doc("a", "One."), b = doc("b", "Two."), c = doc("c", "Three.");
  a.fingerprints = {1, 2, 3};
  b.fingerprints = {1, 2};
  c.fingerprints = {2, 9};
  put_all(*s, {c, b, a});
  const auto sharing = documents_sharing(*s, {1, 2, 9});
  ASSERT_EQ(sharing.size(), 3u);  // two shared each: by id
  EXPECT_EQ(sharing[0].doc, "a");
  EXPECT_EQ(sharing[0].own, 3u);
  EXPECT_EQ(sharing[1].doc, "b");
  EXPECT_EQ(sharing[2].doc, "c");
  EXPECT_EQ(sharing[2].shared, 2u);
  std::vector<uint32_t> holders;
  documents_sharing(*s, {2, 3}, &holders, "a");
  EXPECT_EQ(holders, (std::vector<uint32_t>{2, 0}));
  Store::Transaction tx(*s);
  s->mark_common(2);
  Document d = doc("d", "Four.");
  d.fingerprints = {2, 9};
  s->put(d);
  tx.commit();
  documents_sharing(*s, {2, 9}, &holders);
  EXPECT_EQ(holders, (std::vector<uint32_t>{0, 2}));  // common: none; 9 held by c and d
}

TEST_P(Conformance, EventsThatMayRepeatOneAreFoundByTypeDayPlaceAndActor) {
  const auto s = open();
  s->begin_run("test");
  put_all(*s, {report("a", "2024-03-01", "Hama", "Armed clash"), report("b", "2024-03-01", "HAMA", "Armed clash"),
               report("c", "2024-03-02", "Hama", "Armed clash")});
  Document mine = report("m", "2024-03-01", "Hama", "Armed clash");
  Event other = mine.events[0];
  other.latitude.reset();
  other.longitude.reset();
  other.location = "hama";
  other.actor1 = {"nobody"};
  other.actor2 = {};
  const std::vector<const Event*> asked = {&mine.events[0], &other};
  std::vector<std::string> found;
  s->for_each_event_at("m", asked, [&](std::size_t i, const Store::StoredEvent& e) {
    found.push_back(std::to_string(i) + e.event.id);
    return true;
  });
  // By coordinates (variant spellings meet); by name without them, and no actor in common.
  EXPECT_EQ(found, (std::vector<std::string>{"0a:0", "0b:0"}));
  found.clear();
  s->for_each_event_at("m", {&mine.events[0]}, [&](std::size_t i, const Store::StoredEvent& e) {
    found.push_back(std::to_string(i) + e.event.id);
    return false;  // the first is enough
  });
  EXPECT_EQ(found, std::vector<std::string>{"0a:0"});
  found.clear();
  // The events of the documents a new one copies: document by document as asked.
  s->for_each_event_of_documents({"c", "a", "nowhere", "c"},
                                 [&](const Store::StoredEvent& e) { found.push_back(e.event.id); });
  EXPECT_EQ(found, (std::vector<std::string>{"c:0", "a:0", "c:0"}));  // as often as asked
  found.clear();
  s->for_each_event_of_documents({}, [&](const Store::StoredEvent& e) { found.push_back(e.event.id); });
  EXPECT_TRUE(found.empty());
}

TEST_P(Conformance, SearchFindsWhatIsIndexedByAllItsWordsAccentsIgnored) {
  const auto s = open();
  s->begin_run("test");
  put_all(*s, {doc("a", "Shelling in Alep\xc3\xa9 today.", "2024-03-01"), doc("b", "Shelling in Homs.", "2024-03-02")});
  Store::DocumentQuery q;
  q.words = "shelling alepe";
  EXPECT_TRUE(s->find_documents(q).empty());  // not indexed yet
  EXPECT_EQ(s->index_for_search(), 2u);
  EXPECT_EQ(s->index_for_search(), 0u);
  auto found = s->find_documents(q);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "a");
  EXPECT_NE(found[0].snippet.find('['), std::string::npos);
  q.words = "";
  found = s->find_documents(q);  // no words: newest first
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "b");
  EXPECT_EQ(found[0].sentences, 1);
  q.to = "2024-03-01";
  found = s->find_documents(q);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "a");
}

TEST_P(Conformance, AReaderNeedsAStoreAndNoBackendExceptionEscapes) {
  {
    const auto s = open();  // created
    EXPECT_EQ(s->stats().documents, 0);
  }
  const auto reader = open(Store::Mode::ReadOnly);
  EXPECT_GE(reader->schema_version(), 1);
  const auto writer = open();
  Store::Transaction tx(*writer);  // readers read while a write is open
  writer->put(doc("w", "Not yet committed."));
  EXPECT_FALSE(reader->get("w"));
  try {
    reader->for_each_event({}, [](const Store::StoredEvent&) { throw Error("from the callback"); });
  } catch (const StoreError&) {
    ADD_FAILURE() << "a callback's error is not the store's";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "from the callback");
  }
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, Conformance, ::testing::ValuesIn(test::kBackends),
                         [](const auto& backend) { return backend.param; });

// The same documents, analysed and ingested into either store, export alike
// to the byte (the stable order of 'mosaic export --format json').
TEST(BothStores, ExportTheSameJsonToTheByte) {
  Backend sqlite("sqlite"), postgres("postgresql");
  if (postgres.url().empty()) GTEST_SKIP() << postgres.why_not();
  const std::vector<std::string> texts = {
      "Rebels attacked an army checkpoint near Hama on Monday, killing 12 soldiers, the army said.",
      "Rebels attacked an army checkpoint near Hama on Monday, killing 12 soldiers, the army said on Tuesday.",
      "Protesters marched in Khartoum against the military government; police fired tear gas.",
  };
  std::string exported[2];
  int k = 0;
  for (const Backend* b : {&sqlite, &postgres}) {
    const auto s = Store::open(b->url());
    std::ostringstream jsonl;
    for (std::size_t i = 0; i < texts.size(); ++i)
      jsonl << "{\"id\":\"r" << i << "\",\"date\":\"2024-03-0" << i + 1 << "\",\"source\":\"wire\",\"text\":\""
            << texts[i] << "\"}\n";
    std::istringstream in(jsonl.str());
    ingest_jsonl(*s, Pipeline(test::bundled()), in, "test.jsonl", {});
    std::ostringstream out;
    export_store(*s, ExportFormat::Json, out);
    exported[k++] = out.str();
  }
  EXPECT_GT(exported[0].size(), 1000u);
  EXPECT_EQ(exported[0], exported[1]);
}

}  // namespace
}  // namespace mosaic
