// `mosaic worker`: pull documents, analyse them, write them in stream order,
// acknowledge them once committed.
//
// The order. Every worker analyses the batch it pulled at once, in parallel
// with the others; it writes it only when the cursor (the last stream
// sequence written, in the key-value bucket) is just before the batch's
// first document, and moves the cursor past the batch after the commit. The
// store so receives the documents in the stream's order, whichever worker
// analysed them, and stories and event groups come out as a single ingest of
// the same inputs gives them. While it waits, a worker keeps pulling: a
// document delivered again (its worker died) may be the one everyone waits
// for, and whoever pulls it writes it first.
//
// Nothing is doubled. A document is acknowledged only after the commit that
// holds it and the cursor's move; delivered again after a crash in between,
// it is found at or below the cursor and acknowledged only, or, when the
// cursor had not moved, written again, which the store takes as a resumed
// document (the same id and text: kept as stored).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cluster/nats.h"

namespace mosaic::cluster {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Held {
  natsMsg* msg = nullptr;
  uint64_t delivered = 0;
  std::string data, origin;
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
    if (watcher_) kvWatcher_Destroy(watcher_);
    for (auto& [seq, h] : pool_) natsMsg_Destroy(h.msg);
    if (sub_) natsSubscription_Destroy(sub_);
  }

  WorkerReport run() {
    started_ = Clock::now();
    while (!stopping() && !idle_) {
      // One ingest run for as long as batches come whole: a run's start and
      // end (its record, a checkpoint of SQLite's log) are not paid per batch.
      IngestOptions o = options_.ingest;
      o.batch_size = options_.batch;
      o.progress = nullptr;
      o.problems = [this](const Problem& p) { on_problem(p); };
      o.after_commit = [this](std::size_t) {
        if (active_ && !active_->done) finish(*active_);
      };
      Batch* open = nullptr;
      const IngestReport r = ingest(*store_, pipeline_, fmt::format("{} {}", options_.names.stream, options_.names.group),
                                    [&](const DocumentSink& sink, const ProblemSink& problems) {
                                      session(sink, problems, open);
                                    }, o);
      if (r.stopped) {
        log(fmt::format("the store refused a batch: {}", r.error));
        if (open) in_flight_clear(*open);
        active_ = nullptr;
        reopen();
        continue;
      }
      // The batch that ended the run was written as it ended.
      if (open && !open->done) finish(*open);
      if (open) in_flight_clear(*open);
      active_ = nullptr;
    }
    return report_;
  }

 private:
  // A batch being fed to an ingest: its documents, its dead letters.
  struct Batch {
    std::vector<uint64_t> seqs;
    std::vector<DeadLetter> dead;
    std::optional<uint64_t> current;  // the document being fed
    bool done = false;                // written and acknowledged
  };

  void in_flight_clear(const Batch& b) {
    for (uint64_t s : b.seqs) in_flight_.erase(s);
  }

  // What cannot be read or analysed is the document being fed's: a dead
  // letter with its error. Later problems (an id already stored with other
  // text) are reported as a single ingest reports them.
  void on_problem(const Problem& p) {
    if (active_ && active_->current && p.level != Problem::Level::Warning) active_->dead.push_back({*active_->current, p.line()});
    else if (options_.ingest.problems) options_.ingest.problems(p);
  }

  // Feeds batches to one ingest run until one does not fill the run's batch
  // (the ingest writes it as the run ends) or there is nothing left.
  void session(const DocumentSink& sink, const ProblemSink& problems, Batch*& open) {
    std::unique_ptr<Batch> keep;
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
      keep = std::make_unique<Batch>();
      batches_.push_back(std::move(keep));
      Batch& b = *batches_.back();
      b.seqs = contiguous(pool_.begin()->first);
      for (uint64_t s : b.seqs) in_flight_.insert(s);
      open = &b;
      active_ = &b;
      // All but the last document analysed now, in parallel with the other
      // workers; the last once it is this batch's turn, which fills the
      // ingest's batch and writes it.
      auto t0 = Clock::now();
      for (std::size_t k = 0; k + 1 < b.seqs.size(); ++k) feed(b, b.seqs[k], sink, problems);
      auto t1 = Clock::now();
      wait_turn(b.seqs.front());
      auto t2 = Clock::now();
      active_ = &b;
      feed(b, b.seqs.back(), sink, problems);
      report_.analysing += std::chrono::duration<double>(t1 - t0).count();
      report_.waiting += std::chrono::duration<double>(t2 - t1).count();
      report_.writing += seconds_since(t2);
      if (!b.done || b.seqs.size() != options_.batch) return;  // short: written as the run ends
      in_flight_clear(b);
      open = nullptr;
      batches_.clear();
    }
  }

  void feed(Batch& b, uint64_t seq, const DocumentSink& sink, const ProblemSink& problems) {
    const Held& h = pool_.at(seq);
    keep_alive();
    if (h.delivered > options_.max_deliver) {
      b.dead.push_back({seq, fmt::format("{}: delivered {} times without being written: taken for a document "
                                         "that stops the workers",
                                         h.origin, h.delivered)});
      return;
    }
    b.current = seq;
    std::istringstream in(h.data);
    const std::string origin = h.origin;
    read_jsonl(in, origin, options_.ingest.read, [&](Document&& doc) {
      doc.origin = origin;
      sink(std::move(doc));
    }, problems);
    b.current.reset();
  }

  // After the commit of a batch: its dead letters sent, the cursor moved
  // past it, its documents acknowledged.
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
        return read_cursor(kv_, options_.names);
      } catch (const Error& e) {
        if (attempt == 0) log(fmt::format("waiting for the server: {}", e.what()));
        if (stopping() || attempt > 1200) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
    }
  }
  uint64_t cursor_or_wait() { return cursor_entry().first; }

  // Returns once the cursor moves, or after `ms` milliseconds: a worker
  // waiting its turn is told at once rather than finding out by asking.
  void await_cursor(int64_t ms) {
    if (!watcher_) {
      kvWatchOptions wo;
      kvWatchOptions_Init(&wo);
      if (kvStore_Watch(&watcher_, kv_, cursor_key(options_.names).c_str(), &wo) != NATS_OK) {
        watcher_ = nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        return;
      }
    }
    kvEntry* e = nullptr;
    const natsStatus s = kvWatcher_Next(&e, watcher_, ms);
    if (e) kvEntry_Destroy(e);
    if (s != NATS_OK && s != NATS_TIMEOUT) {  // the server went away: watched again once it is back
      kvWatcher_Destroy(watcher_);
      watcher_ = nullptr;
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
  }

  // Pulls up to n documents into the pool; how many came.
  std::size_t fetch(std::size_t n, int64_t timeout_ms) {
    natsMsgList list{};
    jsErrCode jerr = jsErrCode(0);
    const natsStatus s = natsSubscription_Fetch(&list, sub_, int(n), timeout_ms, &jerr);
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
      Held h;
      h.msg = msg;
      h.delivered = delivered;
      h.data.assign(natsMsg_GetData(msg), std::size_t(natsMsg_GetDataLength(msg)));
      const char* origin = nullptr;
      if (natsMsgHeader_Get(msg, kOrigin, &origin) == NATS_OK && origin) h.origin = origin;
      else h.origin = fmt::format("{}#{}", options_.names.stream, seq);
      if (auto it = pool_.find(seq); it != pool_.end()) {  // delivered again while held here: the newer delivery
        natsMsg_Destroy(it->second.msg);
        it->second = std::move(h);
      } else {
        pool_.emplace(seq, std::move(h));
      }
      ++came;
    }
    natsMsgList_Destroy(&list);
    last_alive_ = Clock::now();
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

  // Waits until the cursor is just before `first`, writing meanwhile any run
  // held here that comes before it.
  void wait_turn(uint64_t first) {
    bool said = false;
    uint64_t seen = 0;
    Clock::time_point moved = Clock::now();
    for (;;) {
      const uint64_t cursor = cursor_or_wait();
      if (cursor + 1 >= first) return;
      if (cursor != seen) seen = cursor, moved = Clock::now();
      keep_alive();
      if (pool_.count(cursor + 1) && !in_flight_.count(cursor + 1)) {
        std::vector<uint64_t> run = contiguous(cursor + 1);
        if (!write(run)) reopen();
        continue;
      }
      if (!said && options_.log) {
        log(fmt::format("waiting for documents {}..{} to be written first", cursor + 1, first - 1));
        said = true;
      }
      // While the cursor moves, the others are writing: waited for. Once it
      // stops, pulls now and then, for a document delivered again (its worker
      // died) that may be the one everyone waits for.
      if (seconds_since(moved) > 1 && pool_.size() < 4 * options_.batch && seconds_since(last_pull_) > 0.5) {
        fetch(options_.batch, 5);
        last_pull_ = Clock::now();
      } else {
        await_cursor(100);
      }
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
    Batch* const outer = active_;
    IngestOptions o = options_.ingest;
    o.batch_size = seqs.size() + 1;  // one transaction, as the run ends
    o.progress = nullptr;
    o.after_commit = nullptr;
    o.problems = [this](const Problem& p) { on_problem(p); };
    active_ = &b;
    IngestReport r;
    try {
      r = ingest(*store_, pipeline_, fmt::format("{} {}", options_.names.stream, options_.names.group),
                 [&](const DocumentSink& sink, const ProblemSink& problems) {
                   for (uint64_t seq : seqs) feed(b, seq, sink, problems);
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
      return false;
    }
    finish(b);
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
    std::this_thread::sleep_for(std::chrono::seconds(1));
    try {
      store_ = open_store_();
      log("store opened again");
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
  kvWatcher* watcher_ = nullptr;
  Batch* active_ = nullptr;                     // the batch whose problems are dead letters
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
