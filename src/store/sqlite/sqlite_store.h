// The SQLite backend: one file, one writer at a time, readers beside it (WAL).
// Private to src/store/; callers see only Store. Its methods are defined by
// concept: database.cc (open, migrations, transactions, runs), write.cc (put,
// resume), read.cc (readers and listings), search.cc (full-text search),
// merge_index.cc (what merging looks up and changes).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mosaic/store.h"

namespace mosaic::sqlite {

// Rows of one table written kChunk at a time by a multi-row INSERT: for the
// small rows a document has many of (sentences, mentions, fingerprints, event
// actors, quantities, claims, relations) a statement's own cost is most of a
// row's. What is left over goes one by one.
template <class... Column>
class Rows {
 public:
  explicit Rows(std::string insert) : insert_(std::move(insert)) {}  // "INSERT ... INTO t(a, b) VALUES "
  void add(Column... values) { rows_.emplace_back(std::move(values)...); }
  void write(SQLite::Database& db) {
    std::size_t i = 0;
    if (rows_.size() >= kChunk && !chunk_) chunk_.emplace(db, sql(kChunk));
    for (; i + kChunk <= rows_.size(); i += kChunk) run(*chunk_, i, kChunk);
    if (i < rows_.size() && !one_) one_.emplace(db, sql(1));
    for (; i < rows_.size(); ++i) run(*one_, i, 1);
    rows_.clear();
  }
  void clear() { rows_.clear(); }

 private:
  static constexpr std::size_t kChunk = 16;
  std::string sql(std::size_t rows) const {
    std::string row = "(";
    for (std::size_t c = 0; c < sizeof...(Column); ++c) row += c ? ",?" : "?";
    row += ")";
    std::string out = insert_;
    for (std::size_t r = 0; r < rows; ++r) out += (r ? "," : "") + row;
    return out;
  }
  void run(SQLite::Statement& st, std::size_t first, std::size_t count) {
    st.reset();
    int k = 0;
    for (std::size_t r = first; r < first + count; ++r)
      std::apply([&](const auto&... v) { (bind(st, ++k, v), ...); }, rows_[r]);
    st.exec();
  }
  // Text is bound in place, not copied by SQLite: the rows outlive the
  // statement's run, and every use binds each parameter again first.
  static void bind(SQLite::Statement& st, int k, const std::string& v) { st.bindNoCopy(k, v); }
  template <class T>
  static void bind(SQLite::Statement& st, int k, const T& v) {
    st.bind(k, v);
  }
  std::string insert_;
  std::vector<std::tuple<Column...>> rows_;
  std::optional<SQLite::Statement> chunk_, one_;
};

// A prepared statement in use, reset when the use ends however it ends (an
// early return on the first row, an exception). A statement left on a row
// keeps its connection reading the snapshot it started on: the WAL cannot be
// checkpointed past it (a 37 MB store grew a 171 MB WAL), and once another
// connection writes, this one's next write fails with SQLITE_BUSY_SNAPSHOT.
class Use {
 public:
  explicit Use(SQLite::Statement& s) : s_(&s) {}
  ~Use() { s_->tryReset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  SQLite::Statement& operator*() const { return *s_; }
  SQLite::Statement* operator->() const { return s_; }

 private:
  SQLite::Statement* s_;
};

// Rows read back (rows.cc).
Span span_at(SQLite::Statement& q, int column);
// A quantity's columns (sentence, begin, end, value, value_max, what) from `column` on.
Quantity quantity_at(SQLite::Statement& q, int column);
// A claim's columns (sentence, begin, end, source, stance, about) from the first on.
Claim claim_at(SQLite::Statement& q);
// The SQL of a date window on `column` between parameters ?from and ?to,
// inclusive: an empty bound is open; an undated row is outside a closed one.
std::string within(std::string_view column, int from, int to);
// The evidence sentence is cut from the document's text; lookups that only
// compare events leave it empty and so never read the text.
std::string event_query(bool evidence);
Store::StoredEvent read_event(SQLite::Statement& q, SQLite::Statement& actors);
inline constexpr const char* kEventActors =
    "SELECT role, actor FROM event_actors WHERE event = ? ORDER BY role, position";
// The raw text as stored beside the normalised one (rows.cc). Most raw texts
// are the normalised text but for a few bytes (a trailing space, a line
// break): those are stored as a blob of what differs, the prefix and suffix
// they share with the text counted, not copied (on generated 2 KB news the
// documents table went from 45 to 26 MB per 10k documents). Others, and
// every raw text stored before, are text.
std::string raw_to_store(std::string_view raw, std::string_view text);  // empty: store raw itself
std::string raw_stored(const SQLite::Column& column, std::string_view text);
inline constexpr const char* kBumpVersion = "UPDATE store_version SET n = n + 1";

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, Mode mode);
  ~SqliteStore() override;

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
  // A SQLite failure as a StoreError naming this store.
  [[noreturn]] void fail(const SQLite::Exception& e) const;
  // A statement prepared once, borrowed for one use.
  Use prepared(std::optional<SQLite::Statement>& s, const char* sql) const;
  void write_fingerprints(const Document& doc);
  // The number of the actor with this id (actors.n), one stored bare (its id
  // for a name) if there is none yet.
  int64_t actor_number(const std::string& id);
  const std::unordered_set<int64_t>& common() const;

  mutable std::unique_ptr<SQLite::Database> db_;
  int64_t run_ = 0;
  // Statements of the write and merge paths, prepared once per store.
  mutable std::optional<SQLite::Statement> find_, insert_, upsert_actor_, insert_alias_, insert_event_, sharing_, text_,
      story_, story_events_, events_at_, read_event_actors_, version_, stored_copy_, actor_number_, bare_actor_;
  Rows<std::string, int64_t, int64_t, int64_t> sentences_{"INSERT INTO sentences(doc, idx, begin, end) VALUES "};
  // Actors by number (actors.n; migration 13 says why).
  Rows<std::string, int64_t, int64_t, int64_t, int64_t> mentions_{
      "INSERT OR IGNORE INTO mention_rows(doc, sentence, begin, end, actor) VALUES "};
  Rows<int64_t, std::string, int64_t> fingerprints_{
      "INSERT OR IGNORE INTO fingerprints(hash, doc, of_document) VALUES "};
  Rows<std::string, int, int64_t, int64_t> event_actors_{
      "INSERT INTO event_actor_rows(event, role, position, actor) VALUES "};
  Rows<std::string, int64_t, std::string, int64_t, int64_t> relations_{
      "INSERT OR IGNORE INTO relation_rows(doc, sentence, type, source, target) VALUES "};
  Rows<std::string, int64_t, int64_t, int64_t, std::string, std::string, std::string> claims_{
      "INSERT OR IGNORE INTO claims(doc, sentence, begin, end, source, stance, about) VALUES "};
  Rows<std::string, int64_t, int64_t, int64_t, double, double, std::string> quantities_{
      "INSERT OR IGNORE INTO quantities(doc, sentence, begin, end, value, value_max, what) VALUES "};
  // What this connection has written, not to write it again for every document:
  std::unordered_set<std::string> aliases_written_;               // "actor\x1falias"
  std::unordered_map<std::string, std::string> actors_written_;   // id -> "name\x1ftype\x1fcountry"
  std::unordered_map<std::string, int64_t> actor_numbers_;        // id -> actors.n
  mutable std::optional<std::unordered_set<int64_t>> common_;     // common fingerprints, read once
};

}  // namespace mosaic::sqlite
