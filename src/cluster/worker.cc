// `mosaic worker`: pull documents, analyse them, write them in stream order,
// acknowledge them once committed.
//
// The order. Every worker analyses the batch it pulled at once, in parallel
// with the others; it writes it only when the cursor (the last stream
// sequence written, in the key-value bucket) is just before the batch's
// first document, and moves the cursor past the batch after the commit. The
// store so receives the documents in the stream's order, whichever worker
// analysed them, and stories and event groups come out as a single ingest of
// the same inputs gives them. A worker analyses the whole of its batch
// before its turn (the ingest it feeds at its turn is given documents
// analysed already), so that a turn costs the writing only; while it waits
// it analyses what else it holds. Two workers so overlap one's analysis
// with the other's write. While the cursor stands still a worker keeps
// pulling: a document delivered again (its worker died) may be the one
// everyone waits for, and whoever pulls it writes it first.
//
// Nothing is doubled. A document is acknowledged only after the commit that
// holds it and the cursor's move; delivered again after a crash in between,
// it is found at or below the cursor and acknowledged only, or, when the
// cursor had not moved, written again, which the store takes as a resumed
// document (the same id and text: kept as stored).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cluster/nats.h"
#include "pipeline/analysis.h"

namespace mosaic::cluster {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU seconds of the calling thread: what a phase cost, whatever else the
// machine's cores were doing meanwhile.
double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// A phase's wall-clock and CPU seconds, added to a tally when it ends.
class Phase {
 public:
  Phase() : wall_(Clock::now()), cpu_(thread_cpu()) {}
  void add_to(double& wall, double& cpu) const {
    wall += seconds_since(wall_);
    cpu += thread_cpu() - cpu_;
  }

 private:
  Clock::time_point wall_;
  double cpu_;
};

struct Held {
  natsMsg* msg = nullptr;
  uint64_t delivered = 0;
  std::string data, origin;
  // Read and analysed ahead of its turn (prepare()); moved into the ingest
  // at its turn, and analysed again should the store refuse that batch.
  bool prepared = false;
  std::vector<Document> docs;
  std::optional<std::string> error;  // what makes it a dead letter
};

struct DeadLetter {
  uint64_t seq;
  std::string error;
};

// A batch may be no larger than this: the ingest writes a batch early past
// 32 MB of text, which would be before its turn.
constexpr std::size_t kBatchBytes = 16u << 20;

class Worker {
 public:
  Worker(const std::string& url, const std::function<std::unique_ptr<Store>()>& open_store, const Pipeline& pipeline,
         const WorkerOptions& options, const std::function<bool()>& stop)
      : conn_(url), open_store_(open_store), pipeline_(pipeline), options_(options), stop_(stop) {
    conn_.ensure_streams(options.names);
    kv_ = conn_.bucket(options.names);
    name_ = options.name;
    if (name_.empty()) {
      char host[256] = {};
      gethostname(host, sizeof host - 1);
      name_ = fmt::format("{}.{}", host, getpid());
    }
    for (char& c : name_)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
    add_consumer();
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = options.names.stream.c_str();
    so.Consumer = options.names.group.c_str();
    so.ManualAck = true;
    jsErrCode jerr = jsErrCode(0);
    check(js_PullSubscribe(&sub_, conn_.js(), options.names.subject.c_str(), options.names.group.c_str(), nullptr,
                           &so, &jerr),
          "pull subscription");
    // The cursor's moves as the bucket publishes them: a worker analysing
    // ahead looks at this between documents instead of asking the server.
    const std::string cursor_subject = fmt::format("$KV.{}.{}", options.names.bucket, cursor_key(options.names));
    if (natsConnection_Subscribe(&cursor_sub_, conn_.nc(), cursor_subject.c_str(), on_cursor, this) != NATS_OK)
      cursor_sub_ = nullptr;  // the cursor is then asked for only
    // Workers starting at once on a new SQLite file may find it locked
    // while one of them makes its schema: tried again for a while.
    for (int attempt = 0;; ++attempt) {
      try {
        store_ = open_store_();
        break;
      } catch (const Error& e) {
        if (attempt >= 30) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + 100 * attempt));
      }
    }
  }

  ~Worker() {
    if (cursor_sub_) {
      // No callback left running on this object once it is gone.
      if (natsSubscription_Drain(cursor_sub_) == NATS_OK) natsSubscription_WaitForDrainCompletion(cursor_sub_, 2000);
      natsSubscription_Destroy(cursor_sub_);
    }
    for (auto& [seq, h] : pool_) natsMsg_Destroy(h.msg);
    if (sub_) natsSubscription_Destroy(sub_);
  }

  WorkerReport run() {
    started_ = Clock::now();
    // Listed from its start, idle or not: `mosaic status` shows every worker that runs, not only
    // those that have written (two workers on a short stream: the second found nothing left and
    // was missing from the list, under load on 2 cores).
    tally();
    while (!stopping() && !idle_) {
      // One ingest run for as long as batches come whole: a run's start and
      // end (its record, a checkpoint of SQLite's log) are not paid per batch.
      IngestOptions o = options_.ingest;
      o.batch_size = options_.batch;
      o.jobs = 1;  // every document comes analysed (prepare())
      o.progress = nullptr;
      o.problems = [this](const Problem& p) { on_problem(p); };
      o.after_commit = [this](std::size_t) {
        if (active_ && !active_->done) finish(*active_);
      };
      Batch* open = nullptr;
      IngestReport r;
      try {
        r = ingest_with(*store_, analysed_already, fmt::format("{} {}", options_.names.stream, options_.names.group),
                        [&](const DocumentSink& sink, const ProblemSink&) { session(sink, open); }, o);
      } catch (const std::exception& e) {
        // The store failed outside a batch's write (PostgreSQL restarted
        // while a run began or a document was looked up; nothing of this
        // run is in doubt), or the worker was stopped while waiting: what
        // is held stays held, and is written once the store is back.
        if (open) in_flight_clear(*open);
        active_ = nullptr;
        batches_.clear();
        tail_.reset();
        if (stopping()) break;
        log(fmt::format("the run failed: {}", e.what()));
        reopen();
        continue;
      }
      if (r.stopped) {
        log(fmt::format("the store refused a batch: {}", r.error));
        unfinished_.push_back(r.run);
        tail_.reset();
        if (open) in_flight_clear(*open);
        active_ = nullptr;
        batches_.clear();
        reopen();
        continue;
      }
      // The batch that ended the run was written as it ended.
      if (open && !open->done) finish(*open);
      if (tail_) tail_->add_to(report_.writing, report_.writing_cpu);
      tail_.reset();
      if (open) in_flight_clear(*open);
      active_ = nullptr;
      batches_.clear();
    }
    return report_;
  }

 private:
  // A batch being fed to an ingest: its documents, its dead letters.
  struct Batch {
    std::vector<uint64_t> seqs;
    std::vector<DeadLetter> dead;
    bool done = false;  // written and acknowledged
  };

  // Documents are analysed by prepare(), ahead of the ingest that writes them.
  static void analysed_already(Document&) {}

  static void on_cursor(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
    auto* self = static_cast<Worker*>(closure);
    const std::string text(natsMsg_GetData(msg), std::size_t(natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
    self->heard(std::strtoull(text.c_str(), nullptr, 10));
  }
  void heard(uint64_t cursor) {
    {
      std::lock_guard lock(hint_mutex_);
      if (cursor <= hint_) return;
      hint_ = cursor;
    }
    hint_moved_.notify_all();
  }
  uint64_t hint() {
    std::lock_guard lock(hint_mutex_);
    return hint_;
  }

  void in_flight_clear(const Batch& b) {
    for (uint64_t s : b.seqs) in_flight_.erase(s);
  }

  // What an ingest run reports (an id already stored with other text) is
  // reported as a single ingest reports it: what cannot be read or analysed
  // was found by prepare() and goes to the dead letters.
  void on_problem(const Problem& p) {
    if (options_.ingest.problems) options_.ingest.problems(p);
  }

  // Feeds batches to one ingest run until one does not fill the run's batch
  // (the ingest writes it as the run ends) or there is nothing left.
  void session(const DocumentSink& sink, Batch*& open) {
    for (;;) {
      if (stopping()) return;
      drop_written(cursor_or_wait());
      if (pool_.empty()) {
        if (fetch(options_.batch, 500) == 0 && pool_.empty()) {
          if (options_.exit_when_idle && drained()) {
            idle_ = true;
            return;
          }
        }
        continue;
      }
      batches_.push_back(std::make_unique<Batch>());
      Batch& b = *batches_.back();
      b.seqs = contiguous(pool_.begin()->first);
      for (uint64_t s : b.seqs) in_flight_.insert(s);
      open = &b;
      active_ = &b;
      // Analysed now, in parallel with the other workers (most often done
      // already, while the batch before waited); then, while waiting its
      // turn, what comes after it.
      for (uint64_t s : b.seqs) prepare(pool_.at(s));
      const double analysed = report_.analysing, analysed_cpu = report_.analysing_cpu;
      const double wrote = report_.writing, wrote_cpu = report_.writing_cpu;
      const Phase waiting;
      const uint64_t cursor = wait_turn(b.seqs.front());
      waiting.add_to(report_.waiting, report_.waiting_cpu);
      report_.waiting -= (report_.analysing - analysed) + (report_.writing - wrote);
      report_.waiting_cpu -= (report_.analysing_cpu - analysed_cpu) + (report_.writing_cpu - wrote_cpu);
      if (cursor >= b.seqs.front()) {
        // Written meanwhile by a worker these documents were delivered to
        // as well (this one held them past the ack wait): acknowledged only.
        in_flight_clear(b);
        open = nullptr;
        active_ = nullptr;
        batches_.pop_back();
        continue;
      }
      const Phase writing;
      active_ = &b;
      for (uint64_t s : b.seqs) feed(b, s, sink);
      writing.add_to(report_.writing, report_.writing_cpu);
      const std::size_t fed = b.seqs.size() - b.dead.size();
      if (!b.done || fed != options_.batch) {  // short: written as the run ends
        tail_.emplace();
        return;
      }
      in_flight_clear(b);
      open = nullptr;
      batches_.clear();
    }
  }

  // Reads and analyses a held document, once: what cannot be read or
  // analysed, or was delivered too often, is kept as its dead letter.
  void prepare(Held& h) {
    if (h.prepared) return;
    const Phase analysing;
    h.docs.clear();
    h.error.reset();
    if (h.delivered > options_.max_deliver) {
      // Not analysed again: it may be what stopped the workers before.
      h.error = fmt::format("{}: delivered {} times without being written: taken for a document that stops the workers",
                            h.origin, h.delivered);
    } else {
      std::istringstream in(h.data);
      read_jsonl(in, h.origin, options_.ingest.read, [&](Document&& doc) {
        doc.origin = h.origin;
        h.docs.push_back(std::move(doc));
      }, [&](const Problem& p) {
        if (p.level != Problem::Level::Warning) {
          if (!h.error) h.error = p.line();
        } else if (options_.ingest.problems) {
          options_.ingest.problems(p);
        }
      });
      for (Document& doc : h.docs) {
        try {
          pipeline_.run(doc);
        } catch (const std::exception& e) {
          if (!h.error)
            h.error = Problem{Problem::Level::Skipped, doc.origin,
                              fmt::format("id {}: the analysis failed: {}", doc.id, e.what())}
                          .line();
        }
      }
      if (h.error) h.docs.clear();
    }
    h.prepared = true;
    analysing.add_to(report_.analysing, report_.analysing_cpu);
  }

  void feed(Batch& b, uint64_t seq, const DocumentSink& sink) {
    Held& h = pool_.at(seq);
    keep_alive();
    if (h.delivered > options_.max_deliver && !h.error) h.prepared = false;  // delivered again since prepared
    prepare(h);
    if (h.error) {
      b.dead.push_back({seq, *h.error});
      return;
    }
    std::vector<Document> docs = std::move(h.docs);
    h.docs.clear();
    h.prepared = false;
    for (Document& doc : docs) sink(std::move(doc));
  }

  // After the commit of a batch: its dead letters sent, the cursor moved
  // past it (the next batch's turn), its documents acknowledged.
  void finish(Batch& b) {
    b.done = true;
    for (const DeadLetter& d : b.dead) send_dead(d);
    advance(b.seqs.back());
    for (uint64_t s : b.seqs) {
      auto it = pool_.find(s);
      if (it == pool_.end()) continue;
      natsMsg_Ack(it->second.msg, nullptr);
      natsMsg_Destroy(it->second.msg);
      pool_.erase(it);
    }
    natsConnection_Flush(conn_.nc());
    report_.documents += b.seqs.size() - b.dead.size();
    report_.dead += b.dead.size();
    ++report_.batches;
    tally();
  }

  bool stopping() const { return stop_ && stop_(); }
  void log(const std::string& line) const {
    if (options_.log) options_.log(fmt::format("{}: {}", name_, line));
  }

  void add_consumer() {
    jsConsumerConfig cfg;
    jsConsumerConfig_Init(&cfg);
    cfg.Durable = options_.names.group.c_str();
    cfg.AckPolicy = js_AckExplicit;
    cfg.AckWait = int64_t(options_.ack_wait * 1e9);
    // Delivered again without end: counting deliveries is the workers' (a
    // document that never ends is taken for a poison one and dead-lettered
    // by whoever receives it past max_deliver), so that the cursor never
    // waits on a document the server gave up on.
    cfg.MaxDeliver = -1;
    cfg.MaxAckPending = 100000;
    cfg.FilterSubject = options_.names.subject.c_str();
    cfg.DeliverPolicy = js_DeliverAll;
    jsConsumerInfo* ci = nullptr;
    jsErrCode jerr = jsErrCode(0);
    natsStatus s = js_AddConsumer(&ci, conn_.js(), options_.names.stream.c_str(), &cfg, nullptr, &jerr);
    if (s != NATS_OK) s = js_UpdateConsumer(&ci, conn_.js(), options_.names.stream.c_str(), &cfg, nullptr, &jerr);
    if (s == NATS_OK) jsConsumerInfo_Destroy(ci);
    // Another worker made it with other settings: bound to as it is.
  }

  // The cursor, waiting out a server that is away (restarted).
  std::pair<uint64_t, uint64_t> cursor_entry() {
    for (int attempt = 0;; ++attempt) {
      try {
        auto entry = read_cursor(kv_, options_.names);
        heard(entry.first);
        return entry;
      } catch (const Error& e) {
        if (attempt == 0) log(fmt::format("waiting for the server: {}", e.what()));
        if (stopping() || attempt > 1200) throw;
        keep_alive();
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
    }
  }
  uint64_t cursor_or_wait() { return cursor_entry().first; }

  // Returns once the cursor is heard to be at `at` or past it, or after `ms`
  // milliseconds (a move missed while the server was away is then asked for).
  void await_cursor(uint64_t at, int64_t ms) {
    std::unique_lock lock(hint_mutex_);
    hint_moved_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return hint_ >= at; });
  }

  // Pulls up to n documents into the pool; how many came.
  std::size_t fetch(std::size_t n, int64_t timeout_ms) {
    natsMsgList list{};
    jsErrCode jerr = jsErrCode(0);
    const natsStatus s = natsSubscription_Fetch(&list, sub_, int(n), timeout_ms, &jerr);
    last_pull_ = Clock::now();
    if (s != NATS_OK) {
      if (s != NATS_TIMEOUT) {
        log(fmt::format("pull: {}", describe(s)));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
      natsMsgList_Destroy(&list);
      return 0;
    }
    if (first_pull_ == Clock::time_point{}) first_pull_ = Clock::now();
    const uint64_t cursor = cursor_or_wait();
    std::size_t came = 0;
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* msg = list.Msgs[i];
      list.Msgs[i] = nullptr;
      jsMsgMetaData* meta = nullptr;
      if (natsMsg_GetMetaData(&meta, msg) != NATS_OK) {
        natsMsg_Destroy(msg);
        continue;
      }
      const uint64_t seq = meta->Sequence.Stream;
      const uint64_t delivered = meta->NumDelivered;
      jsMsgMetaData_Destroy(meta);
      if (seq <= cursor) {  // written already: its worker died before acknowledging it
        natsMsg_Ack(msg, nullptr);
        natsMsg_Destroy(msg);
        ++report_.skipped;
        continue;
      }
      if (delivered > 1 && options_.log) log(fmt::format("document {} delivered again ({} times)", seq, delivered));
      if (auto it = pool_.find(seq); it != pool_.end()) {
        // Delivered again while held here: the newer delivery is the one
        // acknowledged; what was read and analysed of it stays.
        natsMsg_Destroy(it->second.msg);
        it->second.msg = msg;
        it->second.delivered = delivered;
      } else {
        Held h;
        h.msg = msg;
        h.delivered = delivered;
        h.data.assign(natsMsg_GetData(msg), std::size_t(natsMsg_GetDataLength(msg)));
        const char* origin = nullptr;
        if (natsMsgHeader_Get(msg, kOrigin, &origin) == NATS_OK && origin) h.origin = origin;
        else h.origin = fmt::format("{}#{}", options_.names.stream, seq);
        pool_.emplace(seq, std::move(h));
      }
      ++came;
    }
    // Not a keep-alive of what was held before: a worker pulling every half
    // second while the cursor stood still (PostgreSQL away) never told the
    // server it still held its batch, which went to the other worker after
    // the ack wait and was written twice.
    natsMsgList_Destroy(&list);
    return came;
  }

  // Tells the server every held document is still being worked on, so that
  // none is delivered to another worker while this one waits its turn.
  void keep_alive() {
    if (seconds_since(last_alive_) < options_.ack_wait / 4) return;
    for (auto& [seq, h] : pool_) natsMsg_InProgress(h.msg, nullptr);
    last_alive_ = Clock::now();
  }

  void drop_written(uint64_t cursor) {
    while (!pool_.empty() && pool_.begin()->first <= cursor) {
      if (in_flight_.count(pool_.begin()->first)) break;
      natsMsg_Ack(pool_.begin()->second.msg, nullptr);
      natsMsg_Destroy(pool_.begin()->second.msg);
      pool_.erase(pool_.begin());
      ++report_.skipped;
    }
  }

  // The held documents from `first` on without a gap, at most a batch, none in flight.
  std::vector<uint64_t> contiguous(uint64_t first) const {
    std::vector<uint64_t> run;
    std::size_t bytes = 0;
    for (auto it = pool_.find(first); it != pool_.end() && run.size() < options_.batch; ++it) {
      if (it->first != first + run.size() || in_flight_.count(it->first)) break;
      if (!run.empty() && bytes + it->second.data.size() > kBatchBytes) break;
      bytes += it->second.data.size();
      run.push_back(it->first);
    }
    return run;
  }

  // Analyses held documents not yet analysed, among the first few batches'
  // worth held, in the stream's order, one at a time until the cursor is
  // heard at `at`; false when there was none.
  bool analyse_ahead(uint64_t at) {
    bool any = false;
    while (hint() < at) {
      auto it = pool_.begin();
      std::size_t k = 0;
      for (; it != pool_.end() && k < (kAhead + 1) * options_.batch; ++it, ++k)
        if (!it->second.prepared && !in_flight_.count(it->first)) break;
      if (it == pool_.end() || k >= (kAhead + 1) * options_.batch) break;
      prepare(it->second);
      keep_alive();
      any = true;
    }
    return any;
  }

  // Held documents are analysed ahead to at most this many batches beyond
  // the one waiting its turn: few enough that a worker holding many (pulled
  // while the cursor stood still) keeps little analysis in memory.
  static constexpr std::size_t kAhead = 2;

  // Waits until the cursor is just before `first` or past it, and returns
  // it; analyses meanwhile what is held after the batch and writes any run
  // held here that comes before it.
  uint64_t wait_turn(uint64_t first) {
    bool said = false;
    uint64_t seen = 0;
    Clock::time_point moved = Clock::now();
    for (;;) {
      const uint64_t cursor = cursor_or_wait();
      if (cursor + 1 >= first) return cursor;
      if (cursor != seen) seen = cursor, moved = Clock::now();
      keep_alive();
      if (pool_.count(cursor + 1) && !in_flight_.count(cursor + 1)) {
        std::vector<uint64_t> run = contiguous(cursor + 1);
        // Refused: the store is opened again once this run, which uses it,
        // has unwound.
        if (!write(run)) throw Error("the store refused documents written out of turn");
        continue;
      }
      if (analyse_ahead(first - 1)) continue;
      if (!said && options_.log) {
        log(fmt::format("waiting for documents {}..{} to be written first", cursor + 1, first - 1));
        said = true;
      }
      // Once the cursor stops moving, a pull now and then, however many are
      // held, for a document delivered again (its worker died) that may be
      // the one everyone waits for: were held ones no longer pulled, the
      // workers could each hold their fill and wait forever. Not sooner: two
      // workers pulling at once have the server deal the documents out
      // between them, and batches broken into short runs (measured: 51
      // documents a batch of 100 on average when every waiting worker
      // pulled its next batch ahead).
      if (seconds_since(moved) > 1 && seconds_since(last_pull_) > 0.5) fetch(options_.batch, 50);
      else await_cursor(first - 1, 100);
      if (stopping()) throw Error("stopped");
    }
  }

  // Writes the documents `seqs` (held, consecutive, coming next) in an
  // ingest run of their own: what a worker waiting its turn does with the
  // documents everyone waits for when it is the one that pulled them. False
  // when the store refused them (they stay held).
  bool write(const std::vector<uint64_t>& seqs) {
    if (seqs.empty()) return true;
    Batch b;
    b.seqs = seqs;
    for (uint64_t s : seqs) in_flight_.insert(s);
    for (uint64_t s : seqs) prepare(pool_.at(s));
    const Phase writing;
    Batch* const outer = active_;
    IngestOptions o = options_.ingest;
    o.batch_size = seqs.size() + 1;  // one transaction, as the run ends
    o.jobs = 1;
    o.progress = nullptr;
    o.after_commit = nullptr;
    o.problems = [this](const Problem& p) { on_problem(p); };
    active_ = &b;
    IngestReport r;
    try {
      r = ingest_with(*store_, analysed_already, fmt::format("{} {}", options_.names.stream, options_.names.group),
                      [&](const DocumentSink& sink, const ProblemSink&) {
                        for (uint64_t seq : seqs) feed(b, seq, sink);
                      }, o);
    } catch (...) {
      active_ = outer;
      in_flight_clear(b);
      throw;
    }
    active_ = outer;
    in_flight_clear(b);
    if (r.stopped) {
      log(fmt::format("the store refused documents {}..{}: {}", seqs.front(), seqs.back(), r.error));
      unfinished_.push_back(r.run);
      return false;
    }
    finish(b);
    writing.add_to(report_.writing, report_.writing_cpu);
    return true;
  }
  // Moves the cursor to `last` unless it is there already.
  void advance(uint64_t last) {
    for (int attempt = 0;; ++attempt) {
      const auto [value, rev] = cursor_entry();
      if (value >= last) return;
      const std::string text = std::to_string(last);
      uint64_t out = 0;
      const natsStatus s = rev == 0 ? kvStore_CreateString(&out, kv_, cursor_key(options_.names).c_str(), text.c_str())
                                    : kvStore_UpdateString(&out, kv_, cursor_key(options_.names).c_str(), text.c_str(), rev);
      if (s == NATS_OK) return;
      if (attempt > 1200) check(s, "moving the cursor");
      std::this_thread::sleep_for(std::chrono::milliseconds(attempt < 4 ? 0 : 250));
    }
  }

  void send_dead(const DeadLetter& d) {
    const Held& h = pool_.at(d.seq);
    log(fmt::format("dead letter: {}", d.error));
    natsMsg* msg = nullptr;
    check(natsMsg_Create(&msg, dead_subject(options_.names).c_str(), nullptr, h.data.data(), int(h.data.size())),
          "dead letter");
    // Sent again after a crash, it is one message for the stream.
    const std::string id = fmt::format("{}.{}", options_.names.group, d.seq);
    natsStatus s = natsMsgHeader_Set(msg, "Nats-Msg-Id", id.c_str());
    std::string error = d.error;
    for (char& c : error)
      if (c == '\r' || c == '\n') c = ' ';
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, kError, error.c_str());
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, kOrigin, h.origin.c_str());
    jsPubAck* pa = nullptr;
    jsErrCode jerr = jsErrCode(0);
    for (int attempt = 0; s == NATS_OK; ++attempt) {
      s = js_PublishMsg(&pa, conn_.js(), msg, nullptr, &jerr);
      if (s == NATS_OK || attempt > 240) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      s = NATS_OK;
    }
    jsPubAck_Destroy(pa);
    natsMsg_Destroy(msg);
    check(s, "dead letter");
  }

  // This worker's tally in the bucket, for `mosaic status`.
  void tally() {
    const double working = first_pull_ == Clock::time_point{} ? 0 : seconds_since(first_pull_);
    const std::string value = nlohmann::json{{"name", name_},
                                             {"documents", report_.documents},
                                             {"batches", report_.batches},
                                             {"dead", report_.dead},
                                             {"seconds", working},
                                             {"at", std::chrono::duration<double>(
                                                        std::chrono::system_clock::now().time_since_epoch())
                                                        .count()}}
                                  .dump();
    uint64_t rev = 0;
    kvStore_PutString(&rev, kv_, (worker_key_prefix(options_.names) + name_).c_str(), value.c_str());
  }

  // The stream drained: nothing left to deliver, nothing held by anyone.
  bool drained() {
    jsConsumerInfo* ci = nullptr;
    jsErrCode jerr = jsErrCode(0);
    if (js_GetConsumerInfo(&ci, conn_.js(), options_.names.stream.c_str(), options_.names.group.c_str(), nullptr,
                           &jerr) != NATS_OK)
      return false;
    const bool idle = ci->NumPending == 0 && ci->NumAckPending == 0;
    jsConsumerInfo_Destroy(ci);
    return idle;
  }

  void reopen() {
    for (int i = 0; i < 4; ++i) {  // the held documents kept while the store is away
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      keep_alive();
    }
    try {
      store_ = open_store_();
      log("store opened again");
      // A run whose batch the store refused could not say so when the
      // connection was cut (PostgreSQL restarted): said now, so that what
      // it committed is taken as resumed when written again. The cut may
      // come after the commit and before its answer: the batch is then
      // stored, and without this would be grouped into events again.
      while (!unfinished_.empty()) {
        Store::Transaction tx(*store_);
        store_->finish_run(unfinished_.back(), R"({"error": "the store refused a batch"})", true);
        tx.commit();
        unfinished_.pop_back();
      }
    } catch (const std::exception& e) {
      log(fmt::format("the store cannot be opened: {}", e.what()));
    }
  }

  Connection conn_;
  const std::function<std::unique_ptr<Store>()>& open_store_;
  const Pipeline& pipeline_;
  const WorkerOptions& options_;
  const std::function<bool()>& stop_;
  kvStore* kv_ = nullptr;
  natsSubscription* sub_ = nullptr;
  std::unique_ptr<Store> store_;
  std::string name_;
  std::map<uint64_t, Held> pool_;  // by stream sequence
  std::set<uint64_t> in_flight_;   // being written by a write() up the stack
  WorkerReport report_;
  natsSubscription* cursor_sub_ = nullptr;
  std::mutex hint_mutex_;
  std::condition_variable hint_moved_;
  uint64_t hint_ = 0;                           // the cursor as last heard (on_cursor) or read
  Batch* active_ = nullptr;                     // the batch being written
  std::optional<Phase> tail_;                   // writing a short batch as the run ends
  std::vector<int64_t> unfinished_;             // runs stopped by the store, not yet recorded as stopped
  std::vector<std::unique_ptr<Batch>> batches_;  // of the current run
  bool idle_ = false;
  Clock::time_point started_, first_pull_{}, last_alive_ = Clock::now(), last_pull_{};
};

}  // namespace

WorkerReport work(const std::string& url, const std::function<std::unique_ptr<Store>()>& open_store,
                  const Pipeline& pipeline, const WorkerOptions& options, const std::function<bool()>& stop) {
  Worker worker(url, open_store, pipeline, options, stop);
  return worker.run();
}

}  // namespace mosaic::cluster
