// Never lose, never lock: the store under other writers and readers, a run
// stopped by a full disk or killed midway and then run again, an export
// taken while an ingest writes, a store the user may only read.
#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "helpers.h"
#include "mosaic/export.h"
#include "mosaic/pipeline.h"

namespace mosaic {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

// A feed of reports written for these tests: events at a few places on a few
// days (so that reports of one event meet), and copies of earlier reports
// (so that stories form), in an order fixed by `seed`.
std::string feed(std::size_t documents, unsigned seed, const std::string& prefix = "r") {
  static const char* kSentences[] = {
      "Rebel fighters shelled the district of {p} on {d}, killing {n} people, residents said.",
      "The army answered with air strikes on rebel positions near {p}.",
      "Protesters gathered in {p} to demand the release of detained students.",
      "Police fired tear gas at marchers in {p} on {d}.",
      "Gunmen ambushed a military convoy on the road to {p}, the ministry said.",
      "An aid convoy reached {p} after weeks of delay, the agency said.",
      "A roadside bomb struck a bus near {p}, wounding {n} passengers.",
      "Troops clashed with fighters of the Eastern Coast Front outside {p} on {d}.",
      "Local officials in {p} called for a truce to let food and medicine in.",
      "Witnesses described panic in the market of {p} as the first shells landed.",
  };
  static const char* kPlaces[] = {"Kadugli", "El Obeid", "Kosti", "Gao", "Mopti", "Aden"};
  static const char* kDays[] = {"Monday", "Tuesday", "Friday"};
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
  std::vector<std::string> texts;
  std::string out;
  for (std::size_t i = 0; i < documents; ++i) {
    std::string text;
    if (!texts.empty() && pick(10) < 3) {  // a copy: the first two thirds of an earlier report, and a line of its own
      const std::string& original = texts[pick(texts.size())];
      text = original.substr(0, original.size() * 2 / 3);
      text = text.substr(0, text.rfind(' ')) + ".\nReprinted with permission.";
    } else {
      for (std::size_t k = 0, sentences = 4 + pick(5); k < sentences; ++k) {
        std::string s = kSentences[pick(std::size(kSentences))];
        for (const auto& [slot, value] : {std::pair<std::string, std::string>{"{p}", kPlaces[pick(std::size(kPlaces))]},
                                          {"{d}", kDays[pick(std::size(kDays))]},
                                          {"{n}", std::to_string(2 + pick(30))}})
          for (std::size_t at; (at = s.find(slot)) != std::string::npos;) s.replace(at, slot.size(), value);
        text += (text.empty() ? "" : " ") + s;
      }
    }
    texts.push_back(text);
    out += nlohmann::json{{"id", prefix + std::to_string(i)}, {"text", text}, {"date", "2024-03-0" + std::to_string(1 + i % 3)},
                          {"source", "Outlet " + std::to_string(i % 7)}}
               .dump() +
           "\n";
  }
  return out;
}

std::string export_of(const std::string& db) {
  const auto store_store = Store::open(db, Store::Mode::ReadOnly);
  const Store& store = *store_store;
  std::ostringstream out;
  export_store(store, ExportFormat::Json, out);
  return out.str();
}

IngestReport ingest_file(const std::string& db, const std::string& input, std::size_t batch = 500) {
  const auto store_store = Store::open(db);
  Store& store = *store_store;
  const Pipeline p(test::bundled());
  IngestOptions o;
  o.batch_size = batch;
  return ingest(store, p, {input}, o);
}

Document doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.raw = d.text = text;
  d.origin = "test";
  d.sentences = {Sentence{Span{0, uint32_t(text.size())}}};
  return d;
}

// Statements left on a row (a lookup that returned at its first row) held
// the writer to an old snapshot: once another connection wrote, its next
// write failed with "database is locked", and the search index stopped
// following the store.
TEST(Reliability, AnotherConnectionsWriteDoesNotFailTheNextWrite) {
  TempDir dir;
  const auto path = dir.file("a.db");
  const auto s_store = Store::open(path);
  Store& s = *s_store;
  {
    Store::Transaction tx(s);
    s.begin_run("first");
    tx.commit();
  }
  {
    Store::Transaction tx(s);
    s.put(doc("d1", "Shelling in the north."));
    EXPECT_EQ(s.put(doc("d1", "Shelling in the north.")), PutResult::Repeated);  // returns on its lookup's row
    EXPECT_TRUE(s.text_of("d1"));
    EXPECT_EQ(s.story_of("d1"), "d1");
    EXPECT_FALSE(s.resumable(doc("d1", "Shelling in the north.")));
    tx.commit();
  }
  EXPECT_EQ(s.index_for_search(), 1u);
  {
    const auto other_store = Store::open(path);
    Store& other = *other_store;
    Store::Transaction tx(other);
    other.begin_run("second");
    other.put(doc("d2", "A convoy reached the town."));
    tx.commit();
  }
  EXPECT_NO_THROW({
    Store::Transaction tx(s);
    s.put(doc("d3", "Talks resumed in the capital."));
    tx.commit();
  });
  EXPECT_EQ(s.index_for_search(), 2u);  // sees the other connection's document, and its own
  EXPECT_EQ(s.find_documents({"convoy", "", "", 50, 0}).size(), 1u);
}

// With no statement pinning it, the log is checkpointed as an ingest goes and
// emptied when it ends; a reader's checkpoint afterwards finds nothing held.
TEST(Reliability, TheLogIsCheckpointedWhenAnIngestEnds) {
  TempDir dir;
  const auto path = dir.file("a.db");
  std::string lines = feed(60, 3);
  lines += lines;  // every id again: the repeats' lookups return on their row
  const auto input = dir.write("feed.jsonl", lines);
  const auto s_store = Store::open(path);
  Store& s = *s_store;
  const Pipeline p(test::bundled());
  IngestOptions o;
  o.batch_size = 7;
  const IngestReport r = ingest(s, p, {input}, o);
  EXPECT_EQ(r.stored, 60u);
  EXPECT_EQ(r.repeated, 60u);
  EXPECT_EQ(fs::file_size(path + "-wal"), 0u);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "SELECT count(*) FROM documents", nullptr, nullptr, nullptr), SQLITE_OK);
  int log = -1, done = -1;
  EXPECT_EQ(sqlite3_wal_checkpoint_v2(other, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done), SQLITE_OK);
  EXPECT_EQ(log, 0);
  sqlite3_close(other);
}

// Two ingests into one store at once: each waits for the other's batch to be
// written instead of failing, and everything of both is stored.
TEST(Reliability, ASecondWriterWaitsItsTurn) {
  TempDir dir;
  const auto path = dir.file("a.db");
  Store::open(path);
  const auto in_a = dir.write("a.jsonl", feed(40, 5, "a")), in_b = dir.write("b.jsonl", feed(40, 6, "b"));
  IngestReport ra, rb;
  std::thread other([&] { rb = ingest_file(path, in_b, 4); });
  ra = ingest_file(path, in_a, 4);
  other.join();
  EXPECT_FALSE(ra.stopped) << ra.error;
  EXPECT_FALSE(rb.stopped) << rb.error;
  EXPECT_EQ(ra.stored, 40u);
  EXPECT_EQ(rb.stored, 40u);
  EXPECT_EQ(Store::open(path, Store::Mode::ReadOnly)->stats().documents, 80);
}

// A run whose store fills up stops at the batch it could not write, says
// where, keeps every batch before it, marks itself stopped and is resumed by
// running it again, ending as a run that never stopped.
TEST(Reliability, AStoreThatFillsUpStopsTheRunThereAndARerunResumesIt) {
  TempDir dir;
  const auto input = dir.write("feed.jsonl", feed(120, 7));
  const auto path = dir.file("full.db"), whole = dir.file("whole.db");
  Store::open(path);
  const auto room = rlim_t(fs::file_size(path) + (1u << 20));
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // No file may grow past 1 MB more than the empty store: writes then fail
    // as on a full disk.
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{room, room};
    setrlimit(RLIMIT_FSIZE, &limit);
    const IngestReport r = ingest_file(path, input, 10);
    std::ofstream(path + ".report") << r.stopped << ' ' << r.stored << ' ' << r.stopped_at << '\n' << r.error;
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  std::ifstream report(path + ".report");
  bool stopped = false;
  std::size_t stored = 0;
  std::string at, error;
  report >> stopped >> stored >> at;
  std::getline(report >> std::ws, error);
  ASSERT_TRUE(stopped);
  EXPECT_GT(stored, 0u);
  EXPECT_LT(stored, 120u);
  EXPECT_EQ(stored % 10, 0u);  // whole batches
  EXPECT_EQ(at, fmt::format("{}:{}", input, stored + 1));  // the first document not stored
  EXPECT_NE(error.find("full"), std::string::npos) << error;
  {
    const auto s_store = Store::open(path, Store::Mode::ReadOnly);
    const Store& s = *s_store;
    EXPECT_EQ(s.stats().documents, int64_t(stored));
    EXPECT_EQ(s.stats().interrupted_runs, 1);
  }
  const IngestReport again = ingest_file(path, input, 10);
  EXPECT_FALSE(again.stopped);
  EXPECT_EQ(again.resumed, stored);
  EXPECT_EQ(again.stored, 120 - stored);
  ingest_file(whole, input, 10);
  EXPECT_EQ(export_of(path), export_of(whole));
}

// A run killed midway (kill -9 after some batches) and run again ends with
// the store an uninterrupted run makes: documents, stories, duplicates, event
// groups and all. The killed run is found and marked.
TEST(Reliability, ARunKilledMidwayAndRunAgainEndsAsAnUninterruptedRun) {
  TempDir dir;
  const auto input = dir.write("feed.jsonl", feed(90, 11));
  const auto killed = dir.file("killed.db"), whole = dir.file("whole.db");
  ingest_file(whole, input, 10);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const auto s_store = Store::open(killed);
    Store& s = *s_store;
    const Pipeline p(test::bundled());
    IngestOptions o;
    o.batch_size = 10;
    o.progress = [](const IngestProgress& pr) {
      if (pr.documents == 47) raise(SIGKILL);
    };
    ingest(s, p, {input}, o);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(Store::open(killed, Store::Mode::ReadOnly)->stats().documents, 40);
  const IngestReport again = ingest_file(killed, input, 10);
  EXPECT_EQ(again.resumed, 40u);
  EXPECT_EQ(again.stored, 50u);
  EXPECT_EQ(export_of(killed), export_of(whole));
  EXPECT_EQ(Store::open(killed, Store::Mode::ReadOnly)->stats().interrupted_runs, 1);
  // A store holding copies and groups is what was compared.
  const auto j = nlohmann::json::parse(export_of(whole));
  std::size_t duplicates = 0;
  for (const auto& d : j["documents"]) duplicates += !d["duplicate_of"].is_null();
  EXPECT_GT(duplicates, 5u);
}

// A stream that lets another connection write while an export is under way.
class WritesMidway : public std::stringbuf {
 public:
  explicit WritesMidway(std::function<void()> write) : write_(std::move(write)) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (write_ && str().size() > 200) std::exchange(write_, nullptr)();
    return std::stringbuf::xsputn(s, n);
  }

 private:
  std::function<void()> write_;
};

// Events, mentions and claims in an export point at documents of the same
// export, however much is written while it is taken.
TEST(Reliability, AnExportIsOneSnapshot) {
  TempDir dir;
  const auto path = dir.file("a.db");
  ingest_file(path, dir.write("first.jsonl", feed(20, 2)));
  const auto second = dir.write("second.jsonl", feed(20, 9, "n"));
  const auto reader_store = Store::open(path, Store::Mode::ReadOnly);
  const Store& reader = *reader_store;
  WritesMidway buffer([&] { ingest_file(path, second); });
  std::ostream out(&buffer);
  export_store(reader, ExportFormat::Json, out);
  const auto j = nlohmann::json::parse(buffer.str());
  std::set<std::string> documents;
  for (const auto& d : j["documents"]) documents.insert(d["id"].get<std::string>());
  EXPECT_EQ(documents.size(), 20u);
  for (const auto& e : j["events"]) EXPECT_TRUE(documents.count(e["doc"].get<std::string>())) << e["doc"];
  for (const auto& q : j["quantities"]) EXPECT_TRUE(documents.count(q["doc"].get<std::string>())) << q["doc"];
  EXPECT_EQ(Store::open(path, Store::Mode::ReadOnly)->stats().documents, 40);  // the write did happen
}

// A store its user may read but not write (another user's, a read-only
// share) opens for every command that only reads.
TEST(Reliability, AStoreTheUserMayOnlyReadOpensForReading) {
  TempDir dir;
  const auto folder = dir.path() / "shared";
  fs::create_directories(folder);
  const std::string path = (folder / "a.db").string();
  ingest_file(path, dir.write("feed.jsonl", feed(10, 4)));
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Run as a user who may not write there: "nobody" when the tests run as
    // root (who may write anything), else the same user with the write
    // permissions taken away.
    if (geteuid() == 0) {
      fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
      if (const passwd* nobody = getpwnam("nobody"); !nobody || setgid(nobody->pw_gid) != 0 || setuid(nobody->pw_uid) != 0)
        _exit(77);
    } else {
      fs::permissions(path, fs::perms::owner_read);
      fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    }
    try {
      const auto s_store = Store::open(path, Store::Mode::ReadOnly);
      const Store& s = *s_store;
      std::ostringstream out;
      export_store(s, ExportFormat::Json, out);
      _exit(s.stats().documents == 10 && out.str().find("\"r9\"") != std::string::npos ? 0 : 1);
    } catch (const std::exception& e) {
      fprintf(stderr, "%s\n", e.what());
      _exit(2);
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  fs::permissions(folder, fs::perms::owner_all);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "no user to read as";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace mosaic
