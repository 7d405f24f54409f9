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
#include <nlohmann/json.hpp>
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
    store_ = open_store_();
  }

  ~Worker() {
    for (auto& [seq, h] : pool_) natsMsg_Destroy(h.msg);
    if (sub_) natsSubscription_Destroy(sub_);
  }

  WorkerReport run() {
    started_ = Clock::now();
    while (!stopping()) {
      const uint64_t cursor = cursor_or_wait();
      drop_written(cursor);
      if (pool_.empty()) {
        if (fetch(options_.batch, 1000) == 0 && pool_.empty()) {
          if (options_.exit_when_idle && drained()) break;
          continue;
        }
        continue;
      }
      // The first documents held, as many as a batch takes, in order.
      std::vector<uint64_t> run = contiguous(pool_.begin()->first);
      if (!write(run)) reopen();
    }
    return report_;
  }

 private:
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
    for (;;) {
      const uint64_t cursor = cursor_or_wait();
      if (cursor + 1 >= first) return;
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
      if (pool_.size() < 4 * options_.batch) fetch(options_.batch, 200);
      else std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (stopping()) throw Error("stopped");
    }
  }

  // Analyses and writes the documents `seqs` (held, consecutive) as one
  // ingest batch, in its turn; acknowledges them after the commit. False
  // when the store refused the batch (they stay held).
  bool write(const std::vector<uint64_t>& seqs) {
    if (seqs.empty()) return true;
    for (uint64_t s : seqs) in_flight_.insert(s);
    struct Release {
      std::set<uint64_t>& set;
      const std::vector<uint64_t>& seqs;
      ~Release() {
        for (uint64_t s : seqs) set.erase(s);
      }
    } release{in_flight_, seqs};

    std::vector<DeadLetter> dead;
    std::optional<uint64_t> current;
    IngestOptions o = options_.ingest;
    o.batch_size = seqs.size() + 1;  // one transaction, after the reader returns
    o.progress = nullptr;
    o.after_commit = nullptr;
    o.problems = [&](const Problem& p) {
      // What cannot be read or analysed is the document being fed's: a
      // dead letter with its error. Later problems (an id already stored
      // with other text) are reported as a single ingest reports them.
      if (current && p.level != Problem::Level::Warning) dead.push_back({*current, p.line()});
      else if (options_.ingest.problems) options_.ingest.problems(p);
    };
    const auto source = [&](const DocumentSink& sink, const ProblemSink& problems) {
      for (uint64_t seq : seqs) {
        const Held& h = pool_.at(seq);
        keep_alive();
        if (h.delivered > options_.max_deliver) {
          dead.push_back({seq, fmt::format("{}: delivered {} times without being written: taken for a document "
                                           "that stops the workers",
                                           h.origin, h.delivered)});
          continue;
        }
        current = seq;
        std::istringstream in(h.data);
        read_jsonl(in, h.origin, o.read, [&](Document&& doc) {
          doc.origin = h.origin;
          sink(std::move(doc));
        }, problems);
        current.reset();
      }
      wait_turn(seqs.front());
    };
    const IngestReport r = ingest(*store_, pipeline_, fmt::format("{}#{}-{}", options_.names.stream, seqs.front(),
                                                                    seqs.back()),
                                  source, o);
    if (r.stopped) {
      log(fmt::format("the store refused documents {}..{}: {}", seqs.front(), seqs.back(), r.error));
      return false;
    }
    for (const DeadLetter& d : dead) send_dead(d);
    advance(seqs.back());
    for (uint64_t s : seqs) {
      Held& h = pool_.at(s);
      natsMsg_Ack(h.msg, nullptr);
      natsMsg_Destroy(h.msg);
      pool_.erase(s);
    }
    natsConnection_Flush(conn_.nc());
    report_.documents += r.stored + r.resumed + r.repeated;
    report_.dead += dead.size();
    ++report_.batches;
    tally();
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
    check(natsMsg_Create(&msg, options_.names.dead_subject.c_str(), nullptr, h.data.data(), int(h.data.size())),
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
  Clock::time_point started_, first_pull_{}, last_alive_ = Clock::now();
};

}  // namespace

WorkerReport work(const std::string& url, const std::function<std::unique_ptr<Store>()>& open_store,
                  const Pipeline& pipeline, const WorkerOptions& options, const std::function<bool()>& stop) {
  Worker worker(url, open_store, pipeline, options, stop);
  return worker.run();
}

}  // namespace mosaic::cluster
