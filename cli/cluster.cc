// The cluster's commands over NATS JetStream: `ingest --to`, `worker`, `status`.
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>

#include "commands.h"
#ifdef MOSAIC_NATS
#include "mosaic/cluster.h"
#endif

namespace mosaic::cli {

#ifdef MOSAIC_NATS

namespace {

std::atomic<bool> interrupted{false};
extern "C" void on_signal(int) { interrupted = true; }

// The client library closed as a command ends, whatever it gives.
struct Shutdown {
  ~Shutdown() { cluster::shutdown(); }
};

ReadOptions read_options(const IngestArgs& a) {
  ReadOptions r;
  r.format = parse_format(a.format);
  if (!a.csv_map.empty()) r.csv = CsvMap::parse(a.csv_map);
  r.stdin_id = a.stdin_id;
  r.max_doc_bytes = static_cast<std::size_t>(a.max_doc_mb * 1024 * 1024);
  return r;
}

}  // namespace

int ingest_to(const Common& c, const IngestArgs& a) {
  const Shutdown closing;
  const auto start = std::chrono::steady_clock::now();
  cluster::PublishOptions o;
  o.read = read_options(a);
  o.problems = [&](const Problem& p) {
    if (c.quiet && p.level == Problem::Level::Warning) return;
    fmt::print(stderr, "{}\n", p.line());
  };
  const cluster::PublishReport r = cluster::publish(a.to, a.inputs, o);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "published {} documents to {} ({} already in the stream, {} skipped), in {:.2f} s\n",
             r.published, a.to, r.duplicates, r.skipped, secs);
  return r.published + r.duplicates == 0 && r.read > 0 ? 1 : 0;
}

int worker(const Common& c, const WorkerArgs& a) {
  const Shutdown closing;
  const Resources resources = Resources::load(c.data.empty() ? Resources::default_data_dir() : c.data, c.lexicons);
  const Pipeline pipeline(resources);
  cluster::WorkerOptions o;
  o.names.group = a.group;
  o.name = a.name;
  o.batch = a.batch;
  o.ack_wait = a.ack_wait;
  o.max_deliver = a.max_deliver;
  o.exit_when_idle = a.exit_when_idle;
  o.ingest.problems = [&](const Problem& p) {
    if (c.quiet && p.level == Problem::Level::Warning) return;
    fmt::print(stderr, "{}\n", p.line());
  };
  if (!c.quiet) o.log = [](const std::string& line) { fmt::print(stderr, "worker {}\n", line); };
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const auto start = std::chrono::steady_clock::now();
  const cluster::WorkerReport r = cluster::work(
      a.from, [&] { return Store::open(c.db); }, pipeline, o, [] { return interrupted.load(); });
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "worker: wrote {} documents in {} batches into {} ({} dead letters, {} already written), in {:.2f} s\n",
             r.documents, r.batches, c.db, r.dead, r.skipped, secs);
  if (!c.quiet)
    fmt::print(stderr,
               "worker: {:.2f} s analysing, {:.2f} s waiting for its turn, {:.2f} s writing in its turn "
               "(CPU {:.2f}, {:.2f}, {:.2f} s)\n",
               r.analysing, r.waiting, r.writing, r.analysing_cpu, r.waiting_cpu, r.writing_cpu);
  return 0;
}

int status(const StatusArgs& a) {
  const Shutdown closing;
  cluster::Names names;
  names.group = a.group;
  const cluster::Status s = cluster::cluster_status(a.from, names);
  fmt::print("stream         {} documents, written up to {}\n", s.published, s.written);
  fmt::print("queue          {} waiting, {} being worked on, {} delivered again\n", s.pending, s.held, s.redelivered);
  fmt::print("dead letters   {}\n", s.dead);
  for (const auto& d : s.last_dead)
    fmt::print("  {} ({}): {}\n", d.id.empty() ? "-" : d.id, d.origin, d.error);
  fmt::print("workers        {}\n", s.workers.size());
  if (!s.workers.empty()) {
    fmt::print("  {:<32} {:>10} {:>8} {:>6} {:>10} {:>10}\n", "name", "documents", "batches", "dead", "docs/s",
               "last (s)");
    for (const auto& w : s.workers)
      fmt::print("  {:<32} {:>10} {:>8} {:>6} {:>10.1f} {:>10.0f}\n", w.name, w.documents, w.batches, w.dead, w.rate(),
                 w.idle);
  }
  return 0;
}

#else

namespace {
[[noreturn]] void no_nats() {
  throw Error("this build has no NATS support: it needs libnats-dev (scripts/setup) and a rebuild");
}
}  // namespace
int ingest_to(const Common&, const IngestArgs&) { no_nats(); }
int worker(const Common&, const WorkerArgs&) { no_nats(); }
int status(const StatusArgs&) { no_nats(); }

#endif

}  // namespace mosaic::cli
