// Ingest at cluster scale over NATS JetStream: `publish` puts articles into a
// durable stream, any number of `work`ers (on any machines) pull them in
// batches, analyse them and write them to one store, and `cluster_status`
// tells how far they are. No NATS type appears here: the client library
// (libnats) is private to src/cluster.
//
// Equality with a single-process ingest: story assignment and event grouping
// read what is already stored, so the order of the writes decides them. The
// workers analyse in parallel but write in the stream's order: a shared
// cursor (the last stream sequence written, in a JetStream key-value bucket)
// says whose turn it is, and a worker writes the batch that follows it only.
// The store then receives the documents in the order they were published,
// which is the order a single `mosaic ingest` of the same inputs reads them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "mosaic/pipeline.h"
#include "mosaic/problem.h"
#include "mosaic/store.h"

namespace mosaic::cluster {

// Names in the NATS account; the defaults serve one archive.
struct Names {
  std::string stream = "MOSAIC";         // the documents, subject <subject>
  std::string subject = "mosaic.docs";
  std::string dead_stream = "MOSAIC_DEAD";  // the dead letters, subject <dead_subject>.<group>
  std::string dead_subject = "mosaic.dead";
  std::string bucket = "mosaic";         // key-value: the cursor and the workers' tallies
  std::string group = "workers";         // the durable pull consumer: one per store fed
};

struct PublishOptions {
  Names names;
  ReadOptions read;
  ProblemSink problems;
};

struct PublishReport {
  std::size_t read = 0;        // records read, including bad ones
  std::size_t published = 0;   // new in the stream
  std::size_t duplicates = 0;  // the same id and content already in the stream's window: dropped by it
  std::size_t skipped = 0;     // bad records, reported and not published
};

// Reads the inputs as `mosaic ingest` does and publishes each document, in
// order, as one JSON line (id, title, text, date, source, url, country) with
// its origin and a Nats-Msg-Id of its id and content hash, so that JetStream
// drops a copy published again within its duplicate window. Creates the
// streams when missing. Throws Error when the server cannot be reached.
PublishReport publish(const std::string& url, const std::vector<std::string>& inputs, const PublishOptions& options);

struct WorkerOptions {
  Names names;
  std::string name;                // this worker, in the status (default: host.pid)
  std::size_t batch = 100;         // documents pulled and written at a time
  double ack_wait = 30;            // seconds a pulled document is held before it is delivered again
  std::size_t max_deliver = 5;     // deliveries before a document is taken for one that kills workers
  bool exit_when_idle = false;     // stop once the stream is drained and nothing is held
  IngestOptions ingest;            // problems, stories
  std::function<void(const std::string&)> log;  // what the worker does, a line at a time
};

struct WorkerReport {
  std::size_t documents = 0;   // written by this worker (new, resumed or repeated)
  std::size_t batches = 0;
  std::size_t dead = 0;        // sent to the dead letters
  std::size_t skipped = 0;     // already written by another worker: acknowledged only
  // Seconds spent reading and analysing documents (ahead of their turn,
  // while waiting for it too), waiting for a turn with nothing to analyse,
  // and writing in its turn (story detection, event grouping, the store)
  // and acknowledging; wall-clock and this worker's CPU time.
  double analysing = 0, waiting = 0, writing = 0;
  double analysing_cpu = 0, waiting_cpu = 0, writing_cpu = 0;
};

// Pulls, analyses, writes in stream order, acknowledges after the commit;
// a document that cannot be read or analysed goes to the dead letters with
// its error, and the rest go on. `open_store` opens the store, again after
// it refused a batch (a restarted PostgreSQL). Runs until the stream is
// drained when options.exit_when_idle, else until `stop` returns true.
WorkerReport work(const std::string& url, const std::function<std::unique_ptr<Store>()>& open_store,
                  const Pipeline& pipeline, const WorkerOptions& options,
                  const std::function<bool()>& stop = {});

struct Status {
  uint64_t published = 0;      // documents in the stream
  uint64_t written = 0;        // stream sequence the store has up to (the cursor)
  uint64_t pending = 0;        // not yet delivered to a worker
  uint64_t held = 0;           // delivered, not yet acknowledged
  uint64_t redelivered = 0;
  uint64_t dead = 0;           // dead letters of the group
  struct Worker {
    std::string name;
    uint64_t documents = 0, batches = 0, dead = 0;
    double seconds = 0;        // working, from its first pull to its last commit
    double idle = 0;           // seconds since its last commit
    double rate() const { return seconds > 0 ? double(documents) / seconds : 0; }
  };
  std::vector<Worker> workers;
  struct DeadLetter {
    std::string id, origin, error;
  };
  std::vector<DeadLetter> last_dead;  // the latest few, newest last
};
Status cluster_status(const std::string& url, const Names& names = {});

// Releases the client library's threads and memory once no connection is
// left (the end of a program: leak checkers then find nothing of it).
void shutdown();

}  // namespace mosaic::cluster
