// The cluster over NATS JetStream: publish, workers, status. Each test runs
// against the server $MOSAIC_TEST_NATS names (make test starts one with
// scripts/nats) or one it starts itself; skipped without nats-server.
#include <gtest/gtest.h>

#ifdef MOSAIC_NATS
#include <nats/nats.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "helpers.h"
#include "mosaic/cluster.h"
#include "mosaic/export.h"

namespace mosaic {
namespace {

using test::TempDir;

// The server's URL, or "" when there is none to be had.
std::string server() {
  static const std::string url = [] {
    if (const char* u = std::getenv("MOSAIC_TEST_NATS"); u && *u) return std::string(u);
    // A private server for this test process, stopped when it ends.
    static TempDir dir;
    const std::string cmd = "MOSAIC_NATS_DIR=" + dir.file("nats") + " bash " MOSAIC_SOURCE_DIR "/scripts/nats start 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return std::string();
    char line[256] = {};
    const bool got = std::fgets(line, sizeof line, p) != nullptr;
    if (pclose(p) != 0 || !got) return std::string();
    std::atexit([] {
      const std::string stop = "MOSAIC_NATS_DIR=" + dir.file("nats") + " bash " MOSAIC_SOURCE_DIR "/scripts/nats stop";
      if (std::system(stop.c_str()) != 0) std::fprintf(stderr, "could not stop the test's nats-server\n");
    });
    std::string u(line);
    while (!u.empty() && (u.back() == '\n' || u.back() == '\r')) u.pop_back();
    return u;
  }();
  return url;
}

// The client library closed once the test is over, before the leak check.
class CloseNats : public ::testing::Environment {
 public:
  void TearDown() override { cluster::shutdown(); }
};
[[maybe_unused]] const auto* const close_nats = ::testing::AddGlobalTestEnvironment(new CloseNats);

#define NEED_SERVER()                                                       \
  if (server().empty()) GTEST_SKIP() << "no nats-server (scripts/setup --tests)"

// Streams, bucket and group of this test alone: tests run at once on one server.
cluster::Names names_of_this_test() {
  std::string tag = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  static int runs = 0;  // --gtest_repeat: a stream of each run's own
  tag += "_" + std::to_string(getpid()) + "_" + std::to_string(++runs);
  cluster::Names n;
  n.stream = "T_" + tag;
  n.subject = "t." + tag + ".docs";
  n.dead_stream = "TD_" + tag;
  n.dead_subject = "t." + tag + ".dead";
  n.bucket = "t_" + tag;
  n.group = "g_" + tag;
  return n;
}

// A feed with copies of one story and events told again: what stories and
// event groups are made of.
std::string feed(std::size_t n) {
  const char* places[] = {"Kadugli", "Gao", "Aden", "Baidoa"};
  std::ostringstream out;
  std::string first;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string place = places[i % 4];
    std::string text;
    if (i % 3 == 2 && !first.empty()) {
      text = first + " The report was reprinted by outlet " + std::to_string(i) + ".";
    } else {
      text = "Rebel fighters shelled the district of " + place + " on Monday, killing " + std::to_string(3 + i % 7) +
             " people, residents said. The army answered with air strikes on rebel positions near " + place +
             ". Report number " + std::to_string(i) + " from the " + place + " desk.";
      if (first.empty()) first = text;
    }
    out << R"({"id": "d)" << i << R"(", "title": "Fighting near )" << place << R"(", "text": ")" << text
        << R"(", "date": "2024-03-0)" << 1 + i % 3 << R"(", "source": "Outlet )" << i % 5 << "\"}\n";
  }
  return out.str();
}

std::string exported(Store& store) {
  std::ostringstream out;
  export_store(store, ExportFormat::Json, out);
  return out.str();
}

std::string single_ingest(const std::vector<std::string>& inputs, const std::string& db) {
  const auto store = Store::open(db);
  const Pipeline pipeline(test::bundled());
  ingest(*store, pipeline, inputs, IngestOptions{});
  return exported(*store);
}

cluster::WorkerOptions quick(const cluster::Names& names, std::size_t batch) {
  cluster::WorkerOptions o;
  o.names = names;
  o.batch = batch;
  o.ack_wait = 5;
  o.exit_when_idle = true;
  return o;
}

TEST(Cluster, APublishedDocumentIsPublishedOnce) {
  NEED_SERVER();
  TempDir dir;
  const std::string jsonl = dir.write("feed.jsonl", feed(20));
  cluster::PublishOptions o;
  o.names = names_of_this_test();
  const auto first = cluster::publish(server(), {jsonl}, o);
  EXPECT_EQ(first.published, 20u);
  EXPECT_EQ(first.duplicates, 0u);
  const auto again = cluster::publish(server(), {jsonl}, o);
  EXPECT_EQ(again.published, 0u);
  EXPECT_EQ(again.duplicates, 20u);
  EXPECT_EQ(cluster::cluster_status(server(), o.names).published, 20u);
}

TEST(Cluster, TwoWorkersWriteWhatASingleIngestWrites) {
  NEED_SERVER();
  TempDir dir;
  const std::string jsonl = dir.write("feed.jsonl", feed(120));
  const std::string reference = single_ingest({jsonl}, dir.file("single.db"));
  cluster::PublishOptions po;
  po.names = names_of_this_test();
  cluster::publish(server(), {jsonl}, po);
  const Pipeline pipeline(test::bundled());
  const std::string db = dir.file("workers.db");
  Store::open(db);  // made before: a worker waiting for the other to make it would find the work done
  auto first = quick(po.names, 7), second = first;
  first.name = "a";
  second.name = "b";
  cluster::WorkerReport a, b;
  // A pipeline of each thread's own: its sentence splitter (ICU's break
  // iterator) is not to be shared between threads. Workers are processes.
  const Pipeline other_pipeline(test::bundled());
  std::thread other([&] { b = cluster::work(server(), [&] { return Store::open(db); }, other_pipeline, second); });
  a = cluster::work(server(), [&] { return Store::open(db); }, pipeline, first);
  other.join();
  EXPECT_EQ(a.documents + b.documents, 120u);
  const auto store = Store::open(db, Store::Mode::ReadOnly);
  EXPECT_EQ(exported(*store), reference);
  const auto status = cluster::cluster_status(server(), po.names);
  EXPECT_EQ(status.written, 120u);
  EXPECT_EQ(status.pending, 0u);
  EXPECT_EQ(status.held, 0u);
  EXPECT_EQ(status.workers.size(), 2u);
}

TEST(Cluster, DocumentsDeliveredAgainAreNotWrittenTwice) {
  NEED_SERVER();
  TempDir dir;
  const std::string jsonl = dir.write("feed.jsonl", feed(40));
  const std::string reference = single_ingest({jsonl}, dir.file("single.db"));
  cluster::PublishOptions po;
  po.names = names_of_this_test();
  cluster::publish(server(), {jsonl}, po);
  const Pipeline pipeline(test::bundled());
  const std::string db = dir.file("workers.db");
  cluster::work(server(), [&] { return Store::open(db); }, pipeline, quick(po.names, 10));
  // Every document delivered once more to a store that holds them all: a
  // new group starts from the stream's first document with its cursor at 0.
  cluster::Names again = po.names;
  again.group += "_again";
  const auto r = cluster::work(server(), [&] { return Store::open(db); }, pipeline, quick(again, 10));
  EXPECT_EQ(r.documents, 40u);
  const auto store = Store::open(db, Store::Mode::ReadOnly);
  EXPECT_EQ(store->stats().documents, 40);
  EXPECT_EQ(exported(*store), reference);
}

TEST(Cluster, AnUnreadableDocumentGoesToTheDeadLettersAndTheRestGoOn) {
  NEED_SERVER();
  TempDir dir;
  cluster::PublishOptions po;
  po.names = names_of_this_test();
  // A message no publisher of Mosaic's would send, between two halves of the feed.
  const std::string all = feed(30), half = "{\"id\": \"d15\"";
  const std::string head = dir.write("head.jsonl", all.substr(0, all.find(half)));
  const std::string tail = dir.write("tail.jsonl", all.substr(all.find(half)));
  const std::string reference = single_ingest({head, tail}, dir.file("single.db"));
  cluster::publish(server(), {head}, po);
  {
    natsConnection* nc = nullptr;
    ASSERT_EQ(natsConnection_ConnectTo(&nc, server().c_str()), NATS_OK);
    const std::string bad = "{\"id\": \"broken\", \"text\": ";
    ASSERT_EQ(natsConnection_Publish(nc, po.names.subject.c_str(), bad.data(), int(bad.size())), NATS_OK);
    ASSERT_EQ(natsConnection_Flush(nc), NATS_OK);
    natsConnection_Destroy(nc);
  }
  cluster::publish(server(), {tail}, po);
  const Pipeline pipeline(test::bundled());
  const std::string db = dir.file("workers.db");
  const auto r = cluster::work(server(), [&] { return Store::open(db); }, pipeline, quick(po.names, 8));
  EXPECT_EQ(r.dead, 1u);
  EXPECT_EQ(r.documents, 30u);
  const auto store = Store::open(db, Store::Mode::ReadOnly);
  EXPECT_EQ(exported(*store), reference);
  const auto status = cluster::cluster_status(server(), po.names);
  EXPECT_EQ(status.dead, 1u);
  ASSERT_EQ(status.last_dead.size(), 1u);
  EXPECT_NE(status.last_dead[0].error.find("column"), std::string::npos) << status.last_dead[0].error;
  EXPECT_EQ(status.written, 31u);
}

TEST(Cluster, AWorkerTellsTheTimeAndCpuOfItsAnalysisAndOfItsWrites) {
  NEED_SERVER();
  TempDir dir;
  const std::string jsonl = dir.write("feed.jsonl", feed(30));
  cluster::PublishOptions po;
  po.names = names_of_this_test();
  cluster::publish(server(), {jsonl}, po);
  const Pipeline pipeline(test::bundled());
  const std::string db = dir.file("workers.db");
  const auto r = cluster::work(server(), [&] { return Store::open(db); }, pipeline, quick(po.names, 10));
  EXPECT_EQ(r.documents, 30u);
  EXPECT_GT(r.analysing_cpu, 0);
  EXPECT_GT(r.writing_cpu, 0);
  // A thread's CPU time is never more than the time it took.
  EXPECT_LE(r.analysing_cpu, r.analysing + 0.01);
  EXPECT_LE(r.writing_cpu, r.writing + 0.01);
}

TEST(Cluster, AWorkerWithNothingToDoStopsWhenIdle) {
  NEED_SERVER();
  TempDir dir;
  cluster::Names names = names_of_this_test();
  const Pipeline pipeline(test::bundled());
  const std::string db = dir.file("workers.db");
  const auto r = cluster::work(server(), [&] { return Store::open(db); }, pipeline, quick(names, 10));
  EXPECT_EQ(r.documents, 0u);
  EXPECT_EQ(cluster::cluster_status(server(), names).published, 0u);
}

TEST(Cluster, AnUnreachableServerIsAnError) {
  TempDir dir;
  cluster::PublishOptions po;
  EXPECT_THROW(cluster::publish("nats://127.0.0.1:1", {dir.write("f.jsonl", feed(1))}, po), Error);
}

}  // namespace
}  // namespace mosaic

#else
TEST(Cluster, IsNotBuiltWithoutLibnats) { GTEST_SKIP() << "built without libnats-dev"; }
#endif
