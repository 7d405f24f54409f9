// The PostgreSQL backend: a database on a server, shared by processes and
// machines. Private to src/store/; callers see only Store. Its methods are
// defined by concept, as the SQLite backend's are: database.cc (connecting,
// migrations, transactions, runs), write.cc (put, resume), read.cc (readers
// and listings), search.cc (full-text search), merge_index.cc (what merging
// looks up and changes), rows.cc (rows read back).
//
// Writers take turns as SQLite's do (an advisory lock held for a write
// transaction), so that merging sees every document stored before its own.
// Every query orders by explicit keys, the same as the SQLite backend's, so
// that both give the same answers in the same order.
#pragma once

#include <pqxx/pqxx>

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mosaic/store.h"
#include "store/postgres/known_documents.h"

namespace mosaic::postgres {

// The newest schema of this backend (mosaic_schema.version).
inline constexpr int kLatestSchema = 3;

// Rows read back (rows.cc). An event query's columns, evidence cut from the
// text only when asked; its actors come aggregated in the last column.
// `extra_joins` go before the events table ("unnest(...) q CROSS JOIN ").
std::string event_query(bool evidence, std::string_view extra_columns = {}, std::string_view extra_joins = {});
// Values as a PostgreSQL array literal ('{"a","b"}').
std::string array(const std::vector<std::string>& values);
// A PostgreSQL array literal built up element by element: a column's values
// sent as one parameter of a prepared statement (unnest() turns them back
// into rows), where a multi-row INSERT is parsed and planned every time.
class Array {
 public:
  void add(std::string_view text);  // quoted, as text
  void add(int64_t value);
  void add(double value);           // the shortest text that reads back as the same double
  template <class T>
  void add(const std::optional<T>& value) {
    if (!value) next("NULL");
    else if constexpr (std::is_integral_v<T>) add(int64_t(*value));
    else add(*value);
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  std::string str() const { return "{" + items_ + "}"; }

 private:
  void next(std::string_view item);
  std::string items_;
  std::size_t size_ = 0;
};
Store::StoredEvent read_event(const pqxx::row& r);
// SQLite's date window: an empty bound is open; an undated row is outside a closed one.
std::string within(std::string_view column, int from, int to);
// The key of where an event happened, as SQLite's events.place_key computes it.
std::string place_key(const Event& e);

// A multi-row INSERT built up row by row; nothing when no row was added.
class Insert {
 public:
  Insert(std::string head, std::string tail = {}) : head_(std::move(head)), tail_(std::move(tail)) {}
  template <class... V>
  void row(const V&... values) {
    sql_ += sql_.empty() ? head_ : ",";
    sql_ += '(';
    bool first = true;
    ((sql_ += first ? "" : ",", sql_ += values, first = false), ...);
    sql_ += ')';
  }
  bool empty() const { return sql_.empty(); }
  void clear() { sql_.clear(); }
  void into(std::string& batch) {
    if (sql_.empty()) return;
    batch += sql_;
    batch += tail_;
    batch += ";\n";
    sql_.clear();
  }

 private:
  std::string head_, tail_, sql_;
};

// Rows kept back for one table and sent with COPY (pqxx::stream_to): the
// server takes them without parsing and planning a statement, about three
// times faster than a multi-row INSERT. COPY has no ON CONFLICT: put sends a
// document's rows once, its repeats within one list dropped (first kept), as
// INSERT ... ON CONFLICT DO NOTHING would.
template <class... T>
class Copy {
 public:
  Copy(std::string table, std::vector<std::string> columns) : table_(std::move(table)), columns_(std::move(columns)) {}
  void row(T... values) { rows_.emplace_back(std::move(values)...); }
  bool empty() const { return rows_.empty(); }
  void clear() { rows_.clear(); }
  void into(pqxx::transaction_base& tx) {
    if (rows_.empty()) return;
    pqxx::stream_to copy(tx, table_, columns_);
    for (const auto& r : rows_) copy << r;
    copy.complete();
    rows_.clear();
  }

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<std::tuple<T...>> rows_;
};

class PgStore final : public Store {
 public:
  PgStore(const std::string& url, Mode mode);
  ~PgStore() override;

  int schema_version() const override;
  int64_t begin_run(const std::string& inputs) override;
  int64_t version() const override;
  void finish_run(int64_t run, const std::string& summary_json, bool stopped) override;
  void checkpoint() override;

  bool resumable(const Document& doc) const override;
  std::optional<PutResult> resume(const Document& doc, std::string* origin_of_first) override;
  PutResult put(const Document& doc, std::string* origin_of_first) override;

  std::optional<Document> get(const std::string& id) const override;
  void for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const override;
  std::vector<DocumentSummary> find_documents(const DocumentQuery& query) const override;
  std::size_t index_for_search() override;
  void for_each_actor(const std::function<void(const ActorSummary&)>& fn) const override;
  std::optional<ActorSummary> actor(const std::string& id) const override;
  void for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) const override;
  void for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const override;
  void for_each_quantity(
      const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const override;
  std::vector<std::pair<std::string, std::string>> main_events() const override;
  void for_each_relation(const RelationFilter& filter,
                         const std::function<void(const StoredRelation&)>& fn) const override;
  void for_each_claim(const std::function<void(const StoredClaim&)>& fn) const override;
  void for_each_story(const std::function<void(const StorySummary&)>& fn) const override;
  StoreStats stats() const override;

  void for_each_holder(const std::vector<uint64_t>& fingerprints, std::size_t limit, const std::string& asking,
                       const std::function<void(std::size_t k, std::string_view doc, std::size_t own)>& fn) override;
  void mark_common(uint64_t fingerprint) override;
  std::optional<std::string> text_of(const std::string& id) const override;
  std::string story_of(const std::string& id) const override;
  void rename_story(const std::string& from, const std::string& to) override;
  void set_story(const Document& doc) override;
  void for_each_event_of_documents(const std::vector<std::string>& docs,
                               const std::function<void(const StoredEvent&)>& fn) const override;
  void for_each_event_at(const std::string& doc, const std::vector<const Event*>& events,
                         const std::function<bool(std::size_t i, const StoredEvent&)>& fn) const override;

 protected:
  void begin_write() override;
  void commit_write() override;
  void rollback_write() noexcept override;
  bool begin_read() const override;
  void end_read() const noexcept override;

 private:
  // A libpqxx failure as a StoreError naming this store.
  [[noreturn]] void fail(const pqxx::pqxx_exception& e) const;
  // Runs SQL in the open transaction, or on its own (autocommit) when none is;
  // a put's statement kept back goes first, in the same round trip.
  pqxx::result run(const std::string& sql) const;
  template <class... Args>
  pqxx::result run_params(const std::string& sql, Args&&... args) const {
    send_pending();
    if (tx_) return tx_->exec_params(sql, std::forward<Args>(args)...);
    pqxx::nontransaction n(*conn_);
    return n.exec_params(sql, std::forward<Args>(args)...);
  }
  // The same with a statement prepared once per connection, under `name`.
  template <class... Args>
  pqxx::result run_prepared(const char* name, const std::string& sql, Args&&... args) const {
    send_pending();
    prepare(name, sql);
    if (tx_) return tx_->exec_prepared(name, std::forward<Args>(args)...);
    pqxx::nontransaction n(*conn_);
    return n.exec_prepared(name, std::forward<Args>(args)...);
  }
  void prepare(const char* name, const std::string& sql) const {
    if (prepared_.insert(name).second) conn_->prepare(name, sql);
  }
  // The put kept back, sent on its own (before a statement it cannot precede in one message).
  void send_pending() const;
  // A value as an SQL literal. (Built here rather than by pqxx's quote(), whose string
  // concatenation GCC 12 flags with a false -Wrestrict at -O2: GCC bug 105329.)
  std::string quote(const std::string& s) const {
    std::string out = "'";
    out += conn_->esc(s);
    out += '\'';
    return out;
  }
  // The fingerprints of a document to store (not those recorded common).
  Array stored_fingerprints(const Document& doc) const;
  const std::unordered_set<int64_t>& common() const;
  void migrate(Mode mode);
  // Sends the rows put has kept back (those of tables merging never reads);
  // done before anything reads them and at commit.
  void flush() const;
  // Counts a document put, and refreshes the planner's statistics of the
  // tables merging reads once this connection has doubled them (database.cc).
  void keep_statistics();

  std::unique_ptr<pqxx::connection> conn_;
  mutable std::unique_ptr<pqxx::transaction_base> tx_;  // a write session or a read snapshot
  int64_t run_ = 0;
  mutable std::unordered_set<std::string> prepared_;
  // Rows of the tables merging never reads, kept back by put and sent with
  // one COPY a table (aliases: one multi-row INSERT) when read or committed:
  // a batch's thousands of small rows in a few statements.
  using Text = std::string;
  mutable Copy<Text, int64_t, int64_t, int64_t> sentences_{"sentences", {"doc", "idx", "begin", "\"end\""}};
  mutable Insert aliases_{"INSERT INTO actor_aliases(actor, alias) VALUES ", " ON CONFLICT DO NOTHING"};
  mutable Copy<Text, int64_t, int64_t, int64_t, Text> mentions_{"mentions", {"doc", "sentence", "begin", "\"end\"", "actor"}};
  mutable Copy<Text, int64_t, Text, Text, Text> relations_{"relations", {"doc", "sentence", "type", "source", "target"}};
  mutable Copy<Text, int64_t, int64_t, int64_t, Text, Text, Text> claims_{
      "claims", {"doc", "sentence", "begin", "\"end\"", "source", "stance", "about"}};
  // value and value_max as the shortest text that reads back as the same double
  mutable Copy<Text, int64_t, int64_t, int64_t, Text, Text, Text> quantities_{
      "quantities", {"doc", "sentence", "begin", "\"end\"", "value", "value_max", "what"}};
  // Whether any run was interrupted or stopped when this one began: if none
  // was, no document is resumable and none is looked up.
  bool resumable_runs_ = true;
  // What this connection has written, not to write it again for every document:
  std::unordered_set<std::string> aliases_written_;               // "actor\x1falias"
  std::unordered_map<std::string, std::string> actors_written_;   // id -> "name\x1ftype\x1fcountry"
  mutable std::optional<std::unordered_set<int64_t>> common_;     // common fingerprints, read once
  // Documents in the store when its statistics were last refreshed by this
  // connection (-1: not known yet, read from the catalogue at the first put),
  // and documents put since.
  int64_t analysed_at_ = -1, put_since_analysed_ = 0;
  // Texts and stories of documents, used inside write sessions only; the
  // store's version as this connection's last commit left it (-1: none yet),
  // to tell at the next session whether another process has written since.
  mutable KnownDocuments known_;
  bool writing_ = false;
  int64_t known_version_ = -1;
  // What merging's lookup of holders found of the document it was asked for
  // (its events' grouping and put come next): whether it is stored, and its
  // run, hash and origin. Forgotten when a story is renamed.
  struct Asked {
    std::string id, origin;
    bool stored = false;
    int64_t run = 0, hash = 0;
  };
  std::optional<Asked> asked_;
  // A put of a document known not to be stored yet, as SQL kept back: sent
  // ahead of the next statement in one message (a round trip saved for each
  // document). Its failure (the id stored meanwhile breaks the key) is told
  // by that statement's, and the write session is rolled back whole.
  mutable std::string pending_;
};

}  // namespace mosaic::postgres
