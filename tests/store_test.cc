// The store: replacement, duplicate ids, schema versions, crashes, readers.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "helpers.h"
#include "mosaic/pipeline.h"
#include "store/sqlite/migrations.h"

namespace mosaic {
namespace {

using test::TempDir;

Document doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.raw = d.text = text;
  d.origin = "test";
  d.sentences = {Sentence{Span{0, uint32_t(text.size())}}};
  return d;
}

// A document mentioning one actor under one alias.
Document hezbollah_moved() {
  Document d = doc("d1", "Hezbollah fighters moved.");
  d.actors = {Actor{"hezbollah", "Hezbollah", "political_militia", "LBN", {"Hezbollah fighters"}}};
  d.mentions = {Mention{0, Span{0, 18}, "hezbollah"}};
  return d;
}

void put_all(Store& s, const std::vector<Document>& docs) {
  Store::Transaction tx(s);
  for (const auto& d : docs) s.put(d);
  tx.commit();
}

TEST(Store, PutGetAndSentences) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  EXPECT_EQ(s.schema_version(), Store::kSchemaVersion);
  s.begin_run("test");
  put_all(s, {doc("d1", "First report."), doc("d2", "Second report.")});
  const auto d = s.get("d1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->text, "First report.");
  ASSERT_EQ(d->sentences.size(), 1u);
  EXPECT_EQ(d->sentences[0].span, (Span{0, 13}));
  EXPECT_FALSE(s.get("missing"));
  EXPECT_EQ(s.stats().documents, 2);
  EXPECT_EQ(s.stats().sentences, 2);
}

TEST(Store, ReingestReplacesAndDuplicatesWithinARunAreTold) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("first");
  put_all(s, {doc("d1", "Old text.")});
  s.begin_run("second");
  Store::Transaction tx(s);
  EXPECT_EQ(s.put(doc("d1", "New text, longer.")), PutResult::Replaced);
  EXPECT_EQ(s.put(doc("d1", "New text, longer.")), PutResult::Repeated);
  std::string first;
  EXPECT_EQ(s.put(doc("d1", "Different text."), &first), PutResult::Conflict);
  EXPECT_EQ(first, "test");
  tx.commit();
  EXPECT_EQ(s.stats().documents, 1);
  EXPECT_EQ(s.stats().sentences, 1);  // the old version's sentences went with it
  EXPECT_EQ(s.get("d1")->text, "New text, longer.");
}

TEST(Store, UncommittedTransactionLeavesNothing) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("test");
  {
    Store::Transaction tx(s);
    s.put(doc("d1", "Never committed."));
  }
  EXPECT_EQ(s.stats().documents, 0);
  EXPECT_EQ(s.stats().sentences, 0);
}

TEST(Store, ItsVersionGrowsWithEveryCommittedWriteSeenByEveryReader) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("test");
  const auto reader_store = Store::open(dir.file("a.db"), Store::Mode::ReadOnly);
  Store& reader = *reader_store;
  const int64_t start = reader.version();
  put_all(s, {doc("d1", "First report.")});
  const int64_t after = reader.version();
  EXPECT_GT(after, start);
  {
    Store::Transaction tx(s);
    s.put(doc("d2", "Second report."));
  }  // rolled back
  EXPECT_EQ(reader.version(), after);
  EXPECT_EQ(s.version(), after);
}

TEST(Store, RefusesANewerSchema) {
  TempDir dir;
  const auto path = dir.file("new.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    Store::open(path);
    FAIL() << "opened a newer schema";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99 is newer"), std::string::npos) << e.what();
  }
}

TEST(Store, MigratesAnOlderSchemaAndKeepsItsDocuments) {
  TempDir dir;
  const auto path = dir.file("old.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const std::string v1(sqlite::kMigrations[0]);
  ASSERT_EQ(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_exec(db,
               "PRAGMA user_version=1; INSERT INTO runs(started, inputs) VALUES ('2024-01-01', 'x');"
               "INSERT INTO documents(id, origin, run, hash, raw, text) VALUES ('old', 'x', 1, 0, 'Old.', 'Old.');",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THROW(Store::open(path, Store::Mode::ReadOnly), Error);  // reading never changes a store
  const auto s_store = Store::open(path);
  Store& s = *s_store;
  EXPECT_EQ(s.schema_version(), Store::kSchemaVersion);
  EXPECT_EQ(s.get("old")->text, "Old.");
  EXPECT_EQ(s.stats().actors, 0);
}

TEST(Store, MigrationSevenMovesFingerprintCountsOntoTheFingerprints) {
  TempDir dir;
  const auto path = dir.file("v6.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  for (std::size_t v = 0; v < 6; ++v) {
    const std::string sql(sqlite::kMigrations[v]);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << v;
  }
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA user_version=6; INSERT INTO runs(started, inputs) VALUES ('2024-01-01', 'x');"
                         "INSERT INTO documents(id, origin, run, hash, raw, text, story, fingerprint_count) "
                         "VALUES ('old', 'x', 1, 0, 'Old.', 'Old.', 'old', 3);"
                         "INSERT INTO fingerprints(hash, doc) VALUES (1, 'old'), (2, 'old'), (3, 'old');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const auto s_store = Store::open(path);
  Store& s = *s_store;
  EXPECT_EQ(s.schema_version(), Store::kSchemaVersion);
  const auto sharing = documents_sharing(s, {1, 2, 9});
  ASSERT_EQ(sharing.size(), 1u);
  EXPECT_EQ(sharing[0].doc, "old");
  EXPECT_EQ(sharing[0].shared, 2u);
  EXPECT_EQ(sharing[0].own, 3u);
}

std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string out;
  sqlite3_exec(db, "PRAGMA integrity_check", [](void* o, int, char** v, char**) {
    *static_cast<std::string*>(o) += std::string(v[0]) + "\n";
    return 0;
  }, &out, nullptr);
  sqlite3_close(db);
  return out;
}

// Migration 12 keeps a run killed before it as interrupted, and every mention,
// quantity and claim, moved into tables whose key columns come first; SQLite
// 3.40's integrity_check (Debian 12's) then finds nothing wrong, where before it
// reported "NULL value in mentions.sentence" of every good row.
TEST(Store, MigrationTwelveKeepsRowsAndIntegrityCheckFindsNothingWrong) {
  TempDir dir;
  const auto path = dir.file("v11.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  for (std::size_t v = 0; v < 11; ++v) {
    const std::string sql(sqlite::kMigrations[v]);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << v;
  }
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA user_version=11; INSERT INTO runs(started, inputs) VALUES ('2024-01-01', 'x');"
                         "INSERT INTO documents(id, origin, run, hash, raw, text, story) "
                         "VALUES ('old', 'x', 1, 0, 'Hezbollah said 12 died.', 'Hezbollah said 12 died.', 'old');"
                         "INSERT INTO actors(id, name, type) VALUES ('hezbollah', 'Hezbollah', 'political_militia');"
                         "INSERT INTO mentions(doc, sentence, begin, end, actor) VALUES ('old', 0, 0, 9, 'hezbollah');"
                         "INSERT INTO quantities(doc, sentence, begin, end, value, value_max, what) "
                         "VALUES ('old', 0, 15, 17, 12, 12, 'killed');"
                         "INSERT INTO claims(doc, sentence, begin, end, source, stance) "
                         "VALUES ('old', 0, 0, 23, 'hezbollah', 'asserts');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_NE(integrity(path), "ok\n");  // the false report, before
  {
    const auto s_store = Store::open(path);
    Store& s = *s_store;
    const auto d = s.get("old");
    ASSERT_EQ(d->mentions.size(), 1u);
    EXPECT_EQ(d->mentions[0].span, (Span{0, 9}));
    ASSERT_EQ(d->quantities.size(), 1u);
    EXPECT_EQ(d->quantities[0].value, 12);
    ASSERT_EQ(d->claims.size(), 1u);
    EXPECT_EQ(d->claims[0].stance, "asserts");
    EXPECT_EQ(s.stats().interrupted_runs, 1);
    s.begin_run("next");
    Document more = doc("new", "The army said 3 died.");
    more.actors = {Actor{"hezbollah", "Hezbollah", "political_militia", "LBN", {}}};
    more.mentions = {Mention{0, Span{0, 8}, "hezbollah"}};
    more.quantities = {Quantity{0, Span{14, 15}, 3, 3, "killed"}};
    more.claims = {Claim{0, Span{0, 21}, "hezbollah", "asserts", ""}};
    put_all(s, {more});
  }
  EXPECT_EQ(integrity(path), "ok\n");
}

// Migration 13 keeps actors' rows under a number (actors.n) instead of their
// id: every mention, event actor and relation of an older store is read back
// by the same ids, one naming an actor never described included, and new
// rows join the old under the same numbers.
TEST(Store, MigrationThirteenNumbersActorsAndEveryReaderStillSeesTheirIds) {
  TempDir dir;
  const auto path = dir.file("v12.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  for (std::size_t v = 0; v < 12; ++v) {
    const std::string sql(sqlite::kMigrations[v]);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << v;
  }
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA user_version=12; INSERT INTO runs(started, inputs) VALUES ('2024-01-01', 'x');"
                         "INSERT INTO documents(id, origin, run, hash, raw, text, story, date) "
                         "VALUES ('old', 'x', 1, 0, 'Militants of the FLX raided Arba.', "
                         "'Militants of the FLX raided Arba.', 'old', '2024-01-01');"
                         "INSERT INTO sentences(doc, idx, begin, end) VALUES ('old', 0, 0, 33);"
                         "INSERT INTO actors(id, name, type) VALUES ('flx', 'FLX', 'rebel_group');"
                         "INSERT INTO actors(id, name, type) VALUES ('arba-militia', 'Arba Militia', 'militia');"
                         "INSERT INTO mentions(doc, sentence, begin, end, actor) VALUES ('old', 0, 17, 20, 'flx');"
                         "INSERT INTO mentions(doc, sentence, begin, end, actor) VALUES ('old', 0, 0, 20, 'arba-militia');"
                         "INSERT INTO events(id, doc, sentence, trigger_begin, trigger_end, event_type, sub_event_type, "
                         "plover_type, plover_mode, location, location_begin, location_end, date, time_precision, "
                         "event_group) VALUES ('old:1', 'old', 0, 21, 27, 'Battles', 'Armed clash', 'ASSAULT', '', "
                         "'Arba', 28, 32, '2024-01-01', 1, 'old:1');"
                         "INSERT INTO event_actors(event, role, position, actor) VALUES ('old:1', 1, 0, 'flx');"
                         "INSERT INTO event_actors(event, role, position, actor) VALUES ('old:1', 2, 0, 'arba-militia');"
                         "INSERT INTO relations(doc, sentence, type, source, target) "
                         "VALUES ('old', 0, 'fights', 'flx', 'undescribed');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {
    const auto s_store = Store::open(path);
    Store& s = *s_store;
    EXPECT_EQ(s.schema_version(), 13);
    const auto d = s.get("old");
    ASSERT_EQ(d->mentions.size(), 2u);
    EXPECT_EQ(d->mentions[0].actor, "arba-militia");
    EXPECT_EQ(d->mentions[1].actor, "flx");
    std::vector<std::string> sides;
    Store::EventFilter of_militia;
    of_militia.actor_id = "arba-militia";
    s.for_each_event(of_militia, [&](const Store::StoredEvent& e) {
      sides.push_back(e.event.actor1.at(0) + " v " + e.event.actor2.at(0));
    });
    EXPECT_EQ(sides, std::vector<std::string>{"flx v arba-militia"});
    std::vector<std::string> relations;
    Store::RelationFilter of_undescribed;
    of_undescribed.actor = "undescribed";
    s.for_each_relation(of_undescribed, [&](const Store::StoredRelation& r) {
      relations.push_back(r.relation.source + " " + r.relation.type + " " + r.relation.target + ": " + r.evidence);
    });
    EXPECT_EQ(relations, std::vector<std::string>{"flx fights undescribed: Militants of the FLX raided Arba."});
    EXPECT_EQ(s.actor("flx")->mentions, 1);
    s.begin_run("next");
    Document more = doc("new", "The FLX withdrew.");
    more.actors = {Actor{"flx", "FLX", "rebel_group", "", {}}};
    more.mentions = {Mention{0, Span{4, 7}, "flx"}};
    more.relations = {Relation{"fights", "flx", "arba-militia", 0}};
    put_all(s, {more});
    EXPECT_EQ(s.actor("flx")->documents, 2);
    relations.clear();
    Store::RelationFilter of_militia_relations;
    of_militia_relations.actor = "arba-militia";
    s.for_each_relation(of_militia_relations, [&](const Store::StoredRelation& r) {
      relations.push_back(r.relation.source + " " + r.relation.type + " " + r.relation.target);
    });
    EXPECT_EQ(relations, std::vector<std::string>{"flx fights arba-militia"});
  }
  sqlite3_open(path.c_str(), &db);
  int violations = 0;
  sqlite3_exec(db, "PRAGMA foreign_key_check", [](void* n, int, char**, char**) {
    ++*static_cast<int*>(n);
    return 0;
  }, &violations, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(violations, 0);
  EXPECT_EQ(integrity(path), "ok\n");
}

// Foreign keys are not enforced on insert (see Store's constructor): every
// reference must still hold, and a replaced document must leave nothing behind.
TEST(Store, ReplacingADocumentLeavesNoOrphansAndEveryReferenceHolds) {
  TempDir dir;
  const std::string path = dir.file("a.db");
  {
    const auto s_store = Store::open(path);
    Store& s = *s_store;
    s.begin_run("first");
    Document d = test::analyse(
        "Rebels shelled Kadugli\n\nThe Sudanese army said rebels of the SPLM-N shelled Kadugli on Monday, killing "
        "three civilians, and that its troops fought them near the town. The UN said 2,000 people fled.",
        "2024-03-14");
    d.id = "d1", d.origin = "test";
    d.fingerprints = {1, 2, 3};
    ASSERT_FALSE(d.events.empty());
    ASSERT_FALSE(d.quantities.empty());
    put_all(s, {d});
    s.begin_run("second");
    Document again = test::analyse("Calm in Kadugli\n\nThe market in Kadugli reopened on Tuesday.", "2024-03-15");
    again.id = "d1", again.origin = "test";
    put_all(s, {again});
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) ++n;
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("PRAGMA foreign_key_check"), 0);
  EXPECT_EQ(count("SELECT 1 FROM quantities WHERE doc = 'd1'"), 0);  // the new text counts nothing
  EXPECT_EQ(count("SELECT 1 FROM fingerprints WHERE doc = 'd1'"), 0);
  EXPECT_EQ(count("SELECT 1 FROM event_actors WHERE event NOT IN (SELECT id FROM events)"), 0);
  EXPECT_EQ(count("SELECT 1 FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.end > length(CAST(d.text AS BLOB))"), 0);
  EXPECT_EQ(count("SELECT 1 FROM sentences WHERE doc = 'd1'"), 2);
  sqlite3_close(db);
}

TEST(Store, AFingerprintHeldByVeryManyDocumentsIsCommonAndNoLongerGrows) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("test");
  std::vector<Document> docs;
  for (int i = 0; i < 70; ++i) {
    std::string id = "d";
    id += std::to_string(i);
    Document d = doc(id, "A stock phrase.");
    d.fingerprints = {42, uint64_t(1000 + i), uint64_t(2000 + i)};
    docs.push_back(d);
  }
  put_all(s, docs);
  const int64_t before = s.stats().fingerprints;
  Store::Transaction tx(s);
  // Only the common fingerprint is shared: nothing to compare with, and it is recorded as common.
  EXPECT_TRUE(documents_sharing(s, {42, 7}).empty());
  Document late = doc("late", "A stock phrase again.");
  late.fingerprints = {42, 1001, 2001};
  s.put(late);
  tx.commit();
  EXPECT_EQ(s.stats().fingerprints, before + 2);  // 42 is not stored for it
  const auto sharing = documents_sharing(s, {42, 1001, 2001});
  ASSERT_EQ(sharing.size(), 2u);  // d1 and late, by 1001 and 2001; not 70 by 42
  EXPECT_EQ(sharing[0].shared, 2u);
  EXPECT_EQ(sharing[0].own, 3u);
}

TEST(Store, ActorsWrittenInARolledBackTransactionAreWrittenAgain) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("test");
  const Document d = hezbollah_moved();
  {
    Store::Transaction tx(s);
    s.put(d);
  }  // rolled back
  EXPECT_EQ(s.stats().actors, 0);
  put_all(s, {d});
  std::vector<ActorSummary> seen;
  s.for_each_actor([&](const ActorSummary& a) { seen.push_back(a); });
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].actor.aliases, std::vector<std::string>{"Hezbollah fighters"});
}

TEST(Store, ActorsAndMentionsGoAndComeWithTheirDocument) {
  TempDir dir;
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  s.begin_run("test");
  const Document d = hezbollah_moved();
  put_all(s, {d});
  std::vector<ActorSummary> seen;
  s.for_each_actor([&](const ActorSummary& a) { seen.push_back(a); });
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].actor.name, "Hezbollah");
  EXPECT_EQ(seen[0].actor.aliases, std::vector<std::string>{"Hezbollah fighters"});
  EXPECT_EQ(seen[0].mentions, 1);
  const auto back = s.get("d1");
  ASSERT_EQ(back->mentions.size(), 1u);
  EXPECT_EQ(back->slice(back->mentions[0].span), "Hezbollah fighters");
  s.begin_run("again");
  put_all(s, {doc("d1", "Nobody moved.")});  // the new version mentions no one
  seen.clear();
  s.for_each_actor([&](const ActorSummary& a) { seen.push_back(a); });
  EXPECT_TRUE(seen.empty());
}

TEST(Store, UnwritablePathAndNotADatabase) {
  TempDir dir;
  EXPECT_THROW(Store::open(dir.file("no/such/folder/a.db")), Error);
  const auto junk = dir.write("junk.db", std::string(4096, 'j'));
  try {
    Store::open(junk);
    FAIL() << "opened a file that is not a database";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("junk.db: cannot open database"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Store::open(dir.file("absent.db"), Store::Mode::ReadOnly), Error);
}

TEST(Store, ReadersQueryWhileAWriteIsOpen) {
  TempDir dir;
  const auto path = dir.file("a.db");
  const auto writer_store = Store::open(path);
  Store& writer = *writer_store;
  writer.begin_run("test");
  put_all(writer, {doc("d1", "Committed.")});
  Store::Transaction tx(writer);
  writer.put(doc("d2", "In flight."));
  const auto reader_store = Store::open(path, Store::Mode::ReadOnly);
  const Store& reader = *reader_store;
  EXPECT_EQ(reader.stats().documents, 1);  // sees the committed state, is not blocked
  tx.commit();
  EXPECT_EQ(reader.stats().documents, 2);
}

// A process killed in the middle of an ingest keeps every batch it committed
// and no part of the batch it was writing.
TEST(Store, CrashMidRunLosesNothingCommitted) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 100; ++i)
    feed += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Report number " + std::to_string(i) +
            ". Shelling went on.\"}\n";
  const auto input = dir.write("feed.jsonl", feed);
  const auto path = dir.file("crash.db");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const auto s_store = Store::open(path);
    Store& s = *s_store;
    const Resources r = Resources::load(MOSAIC_DATA_DIR);
    const Pipeline p(r);
    IngestOptions o;
    o.batch_size = 10;
    std::size_t batches = 0;
    o.after_commit = [&](std::size_t) { ++batches; };
    o.progress = [&](const IngestProgress& pr) {
      if (batches == 3 && pr.documents == 35) _exit(9);  // dies mid-batch, uncleanly
    };
    ingest(s, p, {input}, o);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 9);
  const auto s_store = Store::open(path, Store::Mode::ReadOnly);
  const Store& s = *s_store;
  EXPECT_EQ(s.stats().documents, 30);
  EXPECT_EQ(s.stats().sentences, 60);
  EXPECT_TRUE(s.get("d29"));
  EXPECT_FALSE(s.get("d30"));
}

TEST(Ingest, ReportsCountsAndRunsThePipeline) {
  TempDir dir;
  const auto input = dir.write("feed.jsonl",
                               "{\"id\": \"a\", \"text\": \"Some 12, 000 fled. Aid was cut.\"}\n"
                               "{\"id\": \"a\", \"text\": \"Some 12, 000 fled. Aid was cut.\"}\n"
                               "{\"id\": \"a\", \"text\": \"Another text with the same id.\"}\n"
                               "{\"id\": \"b\", \"text\": \"\"}\n"
                               "{\"id\": \"c\", \"text\": \"Fine.\"}\n");
  const auto s_store = Store::open(dir.file("a.db"));
  Store& s = *s_store;
  const Resources r = Resources::load(MOSAIC_DATA_DIR);
  const Pipeline p(r);
  std::vector<Problem> problems;
  IngestOptions o;
  o.problems = [&](const Problem& pr) { problems.push_back(pr); };
  const IngestReport rep = ingest(s, p, {input}, o);
  EXPECT_EQ(rep.read, 5u);
  EXPECT_EQ(rep.stored, 2u);
  EXPECT_EQ(rep.repeated, 1u);
  EXPECT_EQ(rep.skipped, 2u);
  EXPECT_EQ(rep.sentences, 3u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const Problem& pr) {
    return pr.line().find("feed.jsonl:3: skipped: id a was already read from") != std::string::npos;
  }));
  EXPECT_EQ(s.get("a")->text, "Some 12,000 fled. Aid was cut.");
}

}  // namespace
}  // namespace mosaic
