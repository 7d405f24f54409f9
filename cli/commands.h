// The CLI's commands: thin shells over libmosaic. Each returns the exit status.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mosaic/pipeline.h"
#include "mosaic/query.h"
#include "mosaic/serve.h"
#include "mosaic/store.h"

namespace mosaic::cli {

struct Common {
  std::string db = "mosaic.db";
  std::string data;                   // knowledge files; empty = the default
  std::vector<std::string> lexicons;  // user actor files on top of the bundled ones
  bool quiet = false;
};

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::string csv_map;
  std::string stdin_id = "stdin";
  std::size_t batch = 500;
  double max_doc_mb = 16;
  unsigned jobs = 0;  // threads analysing; 0: one a core
  std::string to;  // nats://...: publish to the stream instead of storing
};

// The cluster over NATS JetStream (cli/cluster.cc).
struct WorkerArgs {
  std::string from;              // nats://HOST:PORT
  std::string group = "workers"; // the durable consumer: one per store fed
  std::string name;              // this worker in the status (default host.pid)
  std::size_t batch = 100;
  double ack_wait = 30;
  std::size_t max_deliver = 5;
  bool exit_when_idle = false;
};
struct StatusArgs {
  std::string from;
  std::string group = "workers";
};
int ingest_to(const Common& c, const IngestArgs& a);
int worker(const Common& c, const WorkerArgs& a);
int status(const StatusArgs& a);

struct BenchArgs {
  std::vector<std::string> corpus;
  std::string csv_map;            // when the corpus is CSV
  std::size_t documents = 20000;  // synthetic documents to generate
  std::size_t doc_bytes = 2048;
  bool keep = false;              // keep the store and JSONL for inspection
  std::string db;                 // a store to ingest into instead of a new SQLite file
  unsigned jobs = 0;              // threads analysing; 0: one a core
  std::string jsonl;              // write the documents to this JSONL file instead of ingesting them
};

struct StoryBenchArgs {
  std::vector<std::string> corpus;
  std::string csv_map;
  unsigned seed = 7;
};

int ingest(const Common& c, const IngestArgs& a);
// The exit status of an ingest: 0 all read and stored (bad records reported),
// 1 nothing stored, 3 partial (stopped early, or an input unreadable).
int ingest_status(const IngestReport& r);
int bench_stories(const Common& c, const StoryBenchArgs& a);
int stories(const Common& c, std::size_t limit, bool rebuild);
int graph(const Common& c, const std::string& format, const std::string& from, const std::string& to, const std::string& output);
int sides(const Common& c, const std::string& from, const std::string& to);
int contradictions(const Common& c);
int export_(const Common& c, const std::string& format, const std::string& output);
int stats(const Common& c);
int docs(const Common& c, const query::DocumentFilter& filter);
int show(const Common& c, const std::string& doc_id);
int actors(const Common& c, const query::ActorFilter& f);

// Events as query::events finds them; the first `limit` shown, and how many more.
int events(const Common& c, const query::EventFilter& f);
int migrate(const Common& c);
int bench(const Common& c, const BenchArgs& a);

struct ServeArgs {
  ServeOptions options;
  double max_body_mb = 16;
};
int serve(const Common& c, ServeArgs a);

}  // namespace mosaic::cli
