#include "mosaic/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>
#include <sqlite3.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <xxhash.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "mosaic/problem.h"
#include "store/schema.h"

namespace mosaic {

static_assert(schema::kMigrations.size() == Store::kSchemaVersion);

constexpr const char* kBumpVersion = "UPDATE store_version SET n = n + 1";
constexpr int kBusyMs = 60000;  // how long a write waits for another's to end

namespace {

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
      std::apply([&](const auto&... v) { (st.bind(++k, v), ...); }, rows_[r]);
    st.exec();
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

// A span stored as two integer columns, begin at `column`.
Span span_at(SQLite::Statement& q, int column) {
  return Span{uint32_t(q.getColumn(column).getInt64()), uint32_t(q.getColumn(column + 1).getInt64())};
}

// A quantity's columns (sentence, begin, end, value, value_max, what) from `column` on.
Quantity quantity_at(SQLite::Statement& q, int column) {
  return Quantity{uint32_t(q.getColumn(column).getInt64()), span_at(q, column + 1), q.getColumn(column + 3).getDouble(),
                  q.getColumn(column + 4).getDouble(), q.getColumn(column + 5).getString()};
}

// A claim's columns (sentence, begin, end, source, stance, about) from the first on.
Claim claim_at(SQLite::Statement& q) {
  return Claim{uint32_t(q.getColumn(0).getInt64()), span_at(q, 1), q.getColumn(3).getString(),
               q.getColumn(4).getString(), q.getColumn(5).getString()};
}

// The SQL of a date window on `column` between parameters ?from and ?to,
// inclusive: an empty bound is open; an undated row is outside a closed one.
std::string within(std::string_view column, int from, int to) {
  return fmt::format("(?{1} = '' OR {0} >= ?{1}) AND (?{2} = '' OR ({0} <> '' AND {0} <= ?{2}))", column, from, to);
}

}  // namespace

struct Store::Impl {
  SQLite::Database db;
  int64_t run = 0;
  // Statements of the write and merge paths, prepared once per store.
  std::optional<SQLite::Statement> find, insert, upsert_actor, insert_alias, insert_event, sharing, text, story,
      story_events, events_at, read_event_actors, version, stored_copy;
  Rows<std::string, int64_t, int64_t, int64_t> sentences{"INSERT INTO sentences(doc, idx, begin, end) VALUES "};
  Rows<std::string, int64_t, int64_t, int64_t, std::string> mentions{
      "INSERT OR IGNORE INTO mentions(doc, sentence, begin, end, actor) VALUES "};
  Rows<int64_t, std::string, int64_t> fingerprints{"INSERT OR IGNORE INTO fingerprints(hash, doc, of_document) VALUES "};
  Rows<std::string, int, int64_t, std::string> event_actors{
      "INSERT INTO event_actors(event, role, position, actor) VALUES "};
  Rows<std::string, int64_t, std::string, std::string, std::string> relations{
      "INSERT OR IGNORE INTO relations(doc, sentence, type, source, target) VALUES "};
  Rows<std::string, int64_t, int64_t, int64_t, std::string, std::string, std::string> claims{
      "INSERT OR IGNORE INTO claims(doc, sentence, begin, end, source, stance, about) VALUES "};
  Rows<std::string, int64_t, int64_t, int64_t, double, double, std::string> quantities{
      "INSERT OR IGNORE INTO quantities(doc, sentence, begin, end, value, value_max, what) VALUES "};
  // What this connection has written, not to write it again for every document:
  std::unordered_set<std::string> aliases_written;               // "actor\x1falias"
  std::unordered_map<std::string, std::string> actors_written;   // id -> "name\x1ftype\x1fcountry"
  std::optional<std::unordered_set<int64_t>> common;             // common_fingerprints, read once
  Impl(const std::string& path, int flags) : db(path, flags) {}

  // A statement prepared once, borrowed for one use.
  Use prepared(std::optional<SQLite::Statement>& s, const char* sql) {
    if (!s) s.emplace(db, sql);
    s->tryReset();
    s->clearBindings();
    return Use(*s);
  }
};

namespace {

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

std::string now_utc() { return fmt::format("{:%FT%TZ}", fmt::gmtime(std::time(nullptr))); }

// "file:" URI of a path, opened as a file no one changes.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') uri += fmt::format("%{:02X}", int(static_cast<unsigned char>(c)));
    else uri += c;
  }
  return uri + "?immutable=1";
}

}  // namespace

Store::Store(const std::string& path, Mode mode) : path_(path) {
  const bool write = mode == Mode::ReadWrite;
  if (!write && !std::filesystem::exists(path))
    throw Error(fmt::format("{}: no such database (create one with 'mosaic ingest --db {}')", path, path));
  try {
    impl_ = std::make_unique<Impl>(path, write ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READONLY);
    if (write && sqlite3_db_readonly(impl_->db.getHandle(), "main") == 1)
      throw Error(fmt::format("{}: database is read-only", path));
    int version = 0;
    try {
      version = user_version(impl_->db);  // also fails here on a file that is not SQLite
    } catch (const SQLite::Exception& e) {
      // A store in a folder this user may not write (another user's, a
      // read-only share): SQLite cannot make the file through which readers
      // of a WAL store share its state. With no write-ahead log there is no
      // state to share, and the file is read as it is.
      std::error_code ec;
      const bool no_log = std::filesystem::file_size(path + "-wal", ec) == 0 || ec;
      if (write || e.getErrorCode() != SQLITE_READONLY || !no_log) throw;
      impl_ = std::make_unique<Impl>(immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
      version = user_version(impl_->db);
    }
    auto& db = impl_->db;
    // A writer waits for another's transaction to end rather than failing:
    // an ingest holds the lock only while it writes a batch it has already
    // analysed, so a minute is many batches of another writer.
    db.setBusyTimeout(kBusyMs);
    if (version > kSchemaVersion)
      throw Error(fmt::format("{}: schema version {} is newer than this mosaic supports ({}); use a newer mosaic",
                              path, version, kSchemaVersion));
    if (write) {
      // WAL lets readers query while an ingest writes; NORMAL sync keeps every
      // committed transaction across a crash of the process.
      if (version == 0) db.exec("PRAGMA page_size=16384");
      db.exec("PRAGMA journal_mode=WAL");
      db.exec("PRAGMA synchronous=NORMAL");
      // The log is checkpointed every 1,000 pages as it grows; this keeps the
      // file itself from staying at its largest afterwards.
      db.exec("PRAGMA journal_size_limit=67108864");
      for (int v = version; v < kSchemaVersion; ++v) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (user_version(db) != v) break;  // another process migrated meanwhile
        db.exec(std::string(schema::kMigrations[v]));
        db.exec(fmt::format("PRAGMA user_version={}", v + 1));
        tx.commit();
      }
    } else if (version < kSchemaVersion) {
      throw Error(fmt::format("{}: schema version {} is older than this mosaic's ({}); "
                              "run 'mosaic migrate --db {}'", path, version, kSchemaVersion, path));
    }
    // The schema declares its foreign keys, but SQLite is not asked to check
    // them on every insert: a document's rows are written parent first in one
    // transaction, and the ~150 lookups per document were a seventh of ingest.
    // Replacing a document deletes its rows itself (Store::put), and the tests
    // run PRAGMA foreign_key_check over stores they have written.
    db.exec("PRAGMA foreign_keys=OFF");
    // Merging reads back recent documents and events; a 64 MiB page cache keeps
    // them in memory instead of re-reading pages from the file.
    db.exec("PRAGMA cache_size=-65536");
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot open database: {}", path, e.what()));
  }
}

Store::~Store() = default;

int Store::schema_version() const { return user_version(impl_->db); }

Store::Transaction::Transaction(Store& store) : store_(store) {
  try {
    store_.impl_->db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot start a write: {}", store_.path(), e.what()));
  }
}

Store::Transaction::~Transaction() {
  if (!done_) {
    // What was written in the transaction is gone, and so must be the memory of it.
    store_.impl_->aliases_written.clear();
    store_.impl_->common.reset();
    store_.impl_->actors_written.clear();
    try {
      store_.impl_->db.exec("ROLLBACK");
    } catch (...) {  // nothing more can be done in a destructor
    }
  }
}

void Store::Transaction::commit() {
  try {
    store_.impl_->db.exec(kBumpVersion);
    store_.impl_->db.exec("COMMIT");
    done_ = true;
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: commit failed: {}", store_.path(), e.what()));
  }
}

Store::Snapshot::Snapshot(const Store& store) : store_(store) {
  if (sqlite3_get_autocommit(store_.impl_->db.getHandle()) == 0) return;  // inside a transaction already
  try {
    store_.impl_->db.exec("BEGIN");
    began_ = true;
    // A deferred transaction takes its snapshot at its first read.
    store_.impl_->db.execAndGet("SELECT n FROM store_version");
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot read: {}", store_.path(), e.what()));
  }
}

Store::Snapshot::~Snapshot() {
  if (!began_) return;
  try {
    store_.impl_->db.exec("COMMIT");
  } catch (...) {  // a read transaction has nothing to lose
  }
}

namespace {

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

bool process_gone(int64_t pid) { return pid <= 0 || (kill(pid_t(pid), 0) != 0 && errno == ESRCH); }

}  // namespace

int64_t Store::begin_run(const std::string& inputs) {
  auto& db = impl_->db;
  const std::string host = host_name();
  // A run still 'running' whose process is gone was killed: say so, and let
  // its documents be resumed.
  std::vector<int64_t> dead;
  {
    SQLite::Statement q(db, "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?");
    q.bind(1, host);
    while (q.executeStep())
      if (process_gone(q.getColumn(1).getInt64())) dead.push_back(q.getColumn(0).getInt64());
  }
  for (const int64_t id : dead) {
    SQLite::Statement mark(db, "UPDATE runs SET status = 'interrupted' WHERE id = ?");
    mark.bind(1, id);
    mark.exec();
  }
  SQLite::Statement q(db, "INSERT INTO runs(started, inputs, pid, host, status) VALUES (?, ?, ?, ?, 'running')");
  SQLite::bind(q, now_utc(), inputs, int64_t(getpid()), host);
  q.exec();
  impl_->run = db.getLastInsertRowid();
  db.exec(kBumpVersion);
  return impl_->run;
}

int64_t Store::version() const {
  const Use q = impl_->prepared(impl_->version, "SELECT n FROM store_version");
  return q->executeStep() ? q->getColumn(0).getInt64() : 0;
}

void Store::finish_run(int64_t run, const std::string& summary_json, bool stopped) {
  SQLite::Statement q(impl_->db, "UPDATE runs SET finished = ?, summary = ?, status = ? WHERE id = ?");
  SQLite::bind(q, now_utc(), summary_json, stopped ? "stopped" : "finished", run);
  q.exec();
  impl_->db.exec(kBumpVersion);
}

void Store::checkpoint() {
  // Without waiting for readers (a server's, an export's): what they hold is
  // checkpointed by a later write.
  sqlite3* db = impl_->db.getHandle();
  sqlite3_busy_timeout(db, 0);
  sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_timeout(db, kBusyMs);
}

namespace {

constexpr const char* kStoredCopy =
    "SELECT d.run, d.hash, d.origin, r.status IN ('interrupted', 'stopped') FROM documents d "
    "LEFT JOIN runs r ON r.id = d.run WHERE d.id = ?";

int64_t raw_hash(const Document& doc) { return static_cast<int64_t>(XXH3_64bits(doc.raw.data(), doc.raw.size())); }

}  // namespace

bool Store::resumable(const Document& doc) const {
  const Use q = impl_->prepared(impl_->stored_copy, kStoredCopy);
  q->bind(1, doc.id);
  return q->executeStep() && q->getColumn(0).getInt64() != impl_->run && q->getColumn(1).getInt64() == raw_hash(doc) &&
         q->getColumn(3).getInt() != 0;
}

std::optional<PutResult> Store::resume(const Document& doc, std::string* origin_of_first) {
  const int64_t hash = raw_hash(doc);
  {
    const Use q = impl_->prepared(impl_->stored_copy, kStoredCopy);
    q->bind(1, doc.id);
    if (!q->executeStep()) return std::nullopt;
    if (q->getColumn(0).getInt64() == impl_->run) {
      if (origin_of_first) *origin_of_first = q->getColumn(2).getString();
      return q->getColumn(1).getInt64() == hash ? PutResult::Repeated : PutResult::Conflict;
    }
    if (q->getColumn(1).getInt64() != hash || q->getColumn(3).getInt() == 0) return std::nullopt;
  }
  SQLite::Statement adopt(impl_->db, "UPDATE documents SET run = ?, origin = ? WHERE id = ?");
  SQLite::bind(adopt, impl_->run, doc.origin, doc.id);
  adopt.exec();
  return PutResult::Resumed;
}

PutResult Store::put(const Document& doc, std::string* origin_of_first) {
  const int64_t hash = raw_hash(doc);
  PutResult result = PutResult::Inserted;
  // Groups of other documents' events named after one of this document's
  // events, with what that event was (its type, place and day).
  std::vector<std::pair<std::string, std::string>> held;
  {
    const Use q = impl_->prepared(impl_->find, "SELECT run, hash, origin FROM documents WHERE id = ?");
    q->bind(1, doc.id);
    if (q->executeStep()) {
      if (q->getColumn(0).getInt64() == impl_->run) {
        if (origin_of_first) *origin_of_first = q->getColumn(2).getString();
        return q->getColumn(1).getInt64() == hash ? PutResult::Repeated : PutResult::Conflict;
      }
      result = PutResult::Replaced;
    }
  }
  if (result == PutResult::Replaced) {
    // Reports in other documents grouped under one of this document's events:
    // their groups are mended once the new version's events are written.
    SQLite::Statement heads(impl_->db,
                            "SELECT h.id, h.sub_event_type || char(31) || h.location || char(31) || h.date FROM events h "
                            "WHERE h.doc = ?1 AND EXISTS (SELECT 1 FROM events o WHERE o.event_group = h.id AND o.doc <> ?1)");
    heads.bind(1, doc.id);
    while (heads.executeStep()) held.emplace_back(heads.getColumn(0).getString(), heads.getColumn(1).getString());
    // Every table that holds a document's rows, children before parents.
    static constexpr const char* kErase[] = {
        "DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = ?1)",
        "DELETE FROM events WHERE doc = ?1",       "DELETE FROM mentions WHERE doc = ?1",
        "DELETE FROM quantities WHERE doc = ?1",   "DELETE FROM relations WHERE doc = ?1",
        "DELETE FROM claims WHERE doc = ?1",       "DELETE FROM fingerprints WHERE doc = ?1",
        "DELETE FROM sentences WHERE doc = ?1",    "DELETE FROM documents WHERE id = ?1"};
    for (const char* sql : kErase) {
      SQLite::Statement del(impl_->db, sql);
      del.bind(1, doc.id);
      del.exec();
    }
  }
  const Use ins = impl_->prepared(impl_->insert,
                        "INSERT INTO documents(id, title, source, date, url, origin, run, hash, raw, text, story, "
                        "duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins->bind(1, doc.id);
  ins->bind(2, doc.title);
  ins->bind(3, doc.source);
  ins->bind(4, doc.date);
  ins->bind(5, doc.url);
  ins->bind(6, doc.origin);
  ins->bind(7, impl_->run);
  ins->bind(8, hash);
  ins->bindNoCopy(9, doc.raw);
  ins->bindNoCopy(10, doc.text);
  ins->bind(11, doc.story.empty() ? doc.id : doc.story);
  ins->bind(12, doc.duplicate_of);
  ins->exec();
  write_fingerprints(doc);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    impl_->sentences.add(doc.id, int64_t(i), int64_t(doc.sentences[i].span.begin), int64_t(doc.sentences[i].span.end));
  impl_->sentences.write(impl_->db);
  for (const Actor& a : doc.actors) {
    std::string& written = impl_->actors_written[a.id];
    if (const std::string record = a.name + '\x1f' + a.type + '\x1f' + a.country; written != record) {
      const Use up = impl_->prepared(impl_->upsert_actor,
                                 "INSERT INTO actors(id, name, type, country) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO "
                                 "UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country");
      SQLite::bind(*up, a.id, a.name, a.type, a.country);
      up->exec();
      written = record;
    }
    for (const auto& alias : a.aliases) {
      if (!impl_->aliases_written.insert(a.id + '\x1f' + alias).second) continue;
      const Use al = impl_->prepared(impl_->insert_alias, "INSERT OR IGNORE INTO actor_aliases(actor, alias) VALUES (?, ?)");
      SQLite::bind(*al, a.id, alias);
      al->exec();
    }
  }
  for (const Mention& m : doc.mentions)
    impl_->mentions.add(doc.id, int64_t(m.sentence), int64_t(m.span.begin), int64_t(m.span.end), m.actor);
  impl_->mentions.write(impl_->db);
  for (const Event& e : doc.events) {
    const Use ev = impl_->prepared(impl_->insert_event,
                               "INSERT INTO events(id, doc, sentence, trigger_begin, trigger_end, event_type, sub_event_type, "
                               "plover_type, plover_mode, location, location_begin, location_end, date, time_precision, "
                               "fatalities, civilian_fatalities, main, event_group, admin1, country, latitude, longitude, "
                               "geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ev->bind(1, e.id);
    ev->bind(2, doc.id);
    ev->bind(3, int64_t(e.sentence));
    ev->bind(4, int64_t(e.trigger.begin));
    ev->bind(5, int64_t(e.trigger.end));
    ev->bind(6, e.event_type);
    ev->bind(7, e.sub_event_type);
    ev->bind(8, e.plover_type);
    ev->bind(9, e.plover_mode);
    ev->bind(10, e.location);
    ev->bind(11, int64_t(e.location_span.begin));
    ev->bind(12, int64_t(e.location_span.end));
    ev->bind(13, e.date);
    ev->bind(14, e.time_precision);
    if (e.fatalities) ev->bind(15, *e.fatalities); else ev->bind(15);
    if (e.civilian_fatalities) ev->bind(16, *e.civilian_fatalities); else ev->bind(16);
    ev->bind(17, e.main ? 1 : 0);
    ev->bind(18, e.group.empty() ? e.id : e.group);
    ev->bind(19, e.admin1);
    ev->bind(20, e.country);
    if (e.latitude) ev->bind(21, *e.latitude); else ev->bind(21);
    if (e.longitude) ev->bind(22, *e.longitude); else ev->bind(22);
    ev->bind(23, e.geo_precision);
    ev->exec();
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? e.actor1 : e.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) impl_->event_actors.add(e.id, role, int64_t(i), side[i]);
    }
  }
  impl_->event_actors.write(impl_->db);
  // Event ids are positions in their document: the new version's event with
  // the id a group was named after still heads it if it is the same event
  // (type, place and day; the document ingested again) and names its group
  // after itself. Otherwise the group's other reports, the new version's that
  // joined it included, are named after the first of them stored.
  for (const auto& [group, was] : held) {
    SQLite::Statement now(impl_->db,
                          "SELECT event_group, sub_event_type || char(31) || location || char(31) || date FROM events "
                          "WHERE id = ?1");
    now.bind(1, group);
    if (now.executeStep() && now.getColumn(0).getString() == group && now.getColumn(1).getString() == was) continue;
    now.reset();
    SQLite::Statement first(impl_->db,
                            "SELECT id FROM events WHERE event_group = ?1 AND id <> ?1 ORDER BY rowid LIMIT 1");
    first.bind(1, group);
    if (!first.executeStep()) continue;
    const std::string head = first.getColumn(0).getString();
    first.reset();
    SQLite::Statement regroup(impl_->db, "UPDATE events SET event_group = ?1 WHERE event_group = ?2 AND id <> ?2");
    SQLite::bind(regroup, head, group);
    regroup.exec();
  }
  for (const Relation& r : doc.relations) impl_->relations.add(doc.id, int64_t(r.sentence), r.type, r.source, r.target);
  impl_->relations.write(impl_->db);
  for (const Claim& c : doc.claims)
    impl_->claims.add(doc.id, int64_t(c.sentence), int64_t(c.span.begin), int64_t(c.span.end), c.source, c.stance,
                      c.about);
  impl_->claims.write(impl_->db);
  for (const Quantity& q : doc.quantities)
    impl_->quantities.add(doc.id, int64_t(q.sentence), int64_t(q.span.begin), int64_t(q.span.end), q.value,
                          q.value_max, q.what);
  impl_->quantities.write(impl_->db);
  return result;
}

namespace {

constexpr const char* kDocColumns = "id, title, source, date, url, origin, story, duplicate_of, raw, text";

Document read_row(SQLite::Statement& q, bool with_text) {
  Document d;
  d.id = q.getColumn(0).getString();
  d.title = q.getColumn(1).getString();
  d.source = q.getColumn(2).getString();
  d.date = q.getColumn(3).getString();
  d.url = q.getColumn(4).getString();
  d.origin = q.getColumn(5).getString();
  d.story = q.getColumn(6).getString();
  d.duplicate_of = q.getColumn(7).getString();
  if (d.story.empty()) d.story = d.id;  // stored before stories were kept
  if (with_text) {
    d.raw = q.getColumn(8).getString();
    d.text = q.getColumn(9).getString();
  }
  return d;
}

void read_sentences(SQLite::Statement& q, Document& d) {
  q.reset();
  q.bind(1, d.id);
  while (q.executeStep())
    d.sentences.push_back(Sentence{Span{static_cast<uint32_t>(q.getColumn(0).getInt64()),
                                        static_cast<uint32_t>(q.getColumn(1).getInt64())}});
}

}  // namespace

std::optional<Document> Store::get(const std::string& id) const {
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM documents WHERE id = ?", kDocColumns));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  Document d = read_row(q, true);
  SQLite::Statement s(impl_->db, "SELECT begin, end FROM sentences WHERE doc = ? ORDER BY idx");
  read_sentences(s, d);
  SQLite::Statement m(impl_->db,
                      "SELECT m.sentence, m.begin, m.end, a.id, a.name, a.type, a.country FROM mentions m "
                      "JOIN actors a ON a.id = m.actor WHERE m.doc = ? ORDER BY m.begin");
  m.bind(1, id);
  std::unordered_set<std::string> seen;
  while (m.executeStep()) {
    d.mentions.push_back(Mention{uint32_t(m.getColumn(0).getInt64()), span_at(m, 1), m.getColumn(3).getString()});
    if (seen.insert(d.mentions.back().actor).second)
      d.actors.push_back(Actor{m.getColumn(3).getString(), m.getColumn(4).getString(), m.getColumn(5).getString(),
                               m.getColumn(6).getString(), {}});
  }
  SQLite::Statement qs(impl_->db,
                       "SELECT sentence, begin, end, value, value_max, what FROM quantities WHERE doc = ? ORDER BY begin");
  qs.bind(1, id);
  while (qs.executeStep())
    d.quantities.push_back(quantity_at(qs, 0));
  for_each_event_of(id, [&](const StoredEvent& e) { d.events.push_back(e.event); });
  SQLite::Statement cs(impl_->db,
                       "SELECT sentence, begin, end, source, stance, about FROM claims WHERE doc = ? ORDER BY begin");
  cs.bind(1, id);
  while (cs.executeStep())
    d.claims.push_back(claim_at(cs));
  return d;
}

namespace {

// The evidence sentence is cut from the document's text; lookups that only
// compare events leave it empty and so never read the text.
std::string event_query(bool evidence) {
  return fmt::format(
      "SELECT e.id, e.doc, e.sentence, e.trigger_begin, e.trigger_end, e.event_type, e.sub_event_type, "
      "e.plover_type, e.plover_mode, e.location, e.location_begin, e.location_end, e.date, e.time_precision, "
      "e.fatalities, e.civilian_fatalities, e.main, d.source, {}, e.event_group, "
      "CASE d.story WHEN '' THEN d.id ELSE d.story END, e.admin1, e.country, e.latitude, e.longitude, "
      "e.geo_precision, (SELECT CAST(strftime('%s', started) AS INTEGER) FROM runs WHERE id = d.run) "
      "FROM events e JOIN documents d ON d.id = e.doc {}",
      evidence ? "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT)" : "''",
      evidence ? "JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence " : "");
}

Store::StoredEvent read_event(SQLite::Statement& q, SQLite::Statement& actors) {
  Store::StoredEvent s;
  Event& e = s.event;
  e.id = q.getColumn(0).getString();
  s.doc = q.getColumn(1).getString();
  e.sentence = uint32_t(q.getColumn(2).getInt64());
  e.trigger = span_at(q, 3);
  e.event_type = q.getColumn(5).getString();
  e.sub_event_type = q.getColumn(6).getString();
  e.plover_type = q.getColumn(7).getString();
  e.plover_mode = q.getColumn(8).getString();
  e.location = q.getColumn(9).getString();
  e.location_span = span_at(q, 10);
  e.date = q.getColumn(12).getString();
  e.time_precision = q.getColumn(13).getInt();
  if (!q.getColumn(14).isNull()) e.fatalities = q.getColumn(14).getInt();
  if (!q.getColumn(15).isNull()) e.civilian_fatalities = q.getColumn(15).getInt();
  e.main = q.getColumn(16).getInt() != 0;
  s.source = q.getColumn(17).getString();
  s.evidence = q.getColumn(18).getString();
  e.group = q.getColumn(19).getString();
  if (e.group.empty()) e.group = e.id;
  s.story = q.getColumn(20).getString();
  e.admin1 = q.getColumn(21).getString();
  e.country = q.getColumn(22).getString();
  if (!q.getColumn(23).isNull()) e.latitude = q.getColumn(23).getDouble();
  if (!q.getColumn(24).isNull()) e.longitude = q.getColumn(24).getDouble();
  e.geo_precision = q.getColumn(25).getInt();
  s.stored = q.getColumn(26).getInt64();
  actors.reset();
  actors.bind(1, e.id);
  while (actors.executeStep())
    (actors.getColumn(0).getInt() == 1 ? e.actor1 : e.actor2).push_back(actors.getColumn(1).getString());
  return s;
}

constexpr const char* kEventActors = "SELECT role, actor FROM event_actors WHERE event = ? ORDER BY role, position";

}  // namespace

void Store::for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const {
  SQLite::Statement q(impl_->db, event_query(true) + "WHERE e.doc = ? ORDER BY e.rowid");
  SQLite::Statement actors(impl_->db, kEventActors);
  q.bind(1, doc);
  while (q.executeStep()) fn(read_event(q, actors));
}

void Store::for_each_event_of_story(const std::string& story, const std::string& doc,
                                   const std::function<void(const StoredEvent&)>& fn) const {
  static const std::string sql = event_query(false) +
                                 "WHERE e.doc IN (SELECT id FROM documents WHERE story = ?2) AND e.doc <> ?1 "
                                 "ORDER BY e.rowid";
  const Use actors = impl_->prepared(impl_->read_event_actors, kEventActors);
  const Use q = impl_->prepared(impl_->story_events, sql.c_str());
  SQLite::bind(*q, doc, story);
  while (q->executeStep()) fn(read_event(*q, *actors));
}

void Store::for_each_event_at(const std::string& doc, const Event& event,
                              const std::function<bool(const StoredEvent&)>& fn) const {
  // The place key is computed as the events.place_key column is; ?7 lists
  // the event's actors, each between two unit separators.
  static const std::string sql =
      event_query(false) +
      "WHERE e.sub_event_type = ?2 AND e.date = ?3 AND e.place_key = CASE WHEN ?4 IS NOT NULL "
      "THEN printf('%.4f,%.4f', ?4, ?5) ELSE lower(?6) END AND e.location <> '' AND e.doc <> ?1 "
      "AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id "
      "AND instr(?7, char(31) || ea.actor || char(31)) > 0) ORDER BY e.rowid";
  if (event.date.empty() || event.location.empty()) return;
  std::string actors_list;
  for (const auto* side : {&event.actor1, &event.actor2})
    for (const auto& a : *side) actors_list += '\x1f' + a + '\x1f';
  if (actors_list.empty()) return;
  const Use actors = impl_->prepared(impl_->read_event_actors, kEventActors);
  const Use q = impl_->prepared(impl_->events_at, sql.c_str());
  SQLite::bind(*q, doc, event.sub_event_type, event.date);
  if (event.latitude && event.longitude) {
    q->bind(4, *event.latitude);
    q->bind(5, *event.longitude);
  }
  q->bind(6, event.location);
  q->bind(7, actors_list);
  while (q->executeStep())
    if (!fn(read_event(*q, *actors))) return;
}

void Store::for_each_event(const EventFilter& f, const std::function<void(const StoredEvent&)>& fn) const {
  // An actor's events are found from its side, through event_actors' index,
  // when one is asked for: the test is written only then.
  SQLite::Statement q(impl_->db, event_query(true) +
                                     "WHERE (?1 = '' OR e.sub_event_type = ?1 OR e.event_type = ?1) "
                                     "AND (?2 = '' OR e.location LIKE '%' || ?2 || '%') "
                                     "AND " + within("e.date", 3, 4) + " " +
                                     (f.actor.empty() ? std::string()
                                                      : "AND e.id IN (SELECT ea.event FROM event_actors ea JOIN actors a "
                                                        "ON a.id = ea.actor WHERE a.id = ?5 OR a.name LIKE '%' || ?5 || '%') ") +
                                     (f.actor_id.empty() ? "" : "AND e.id IN (SELECT event FROM event_actors WHERE actor = ?8) ") +
                                     "ORDER BY e.doc, e.rowid LIMIT ?6 OFFSET ?7");
  SQLite::bind(q, f.type, f.place, f.from, f.to);
  if (!f.actor.empty()) q.bind(5, f.actor);
  q.bind(6, f.limit ? static_cast<int64_t>(f.limit) : int64_t(-1));
  q.bind(7, static_cast<int64_t>(f.offset));
  if (!f.actor_id.empty()) q.bind(8, f.actor_id);
  SQLite::Statement actors(impl_->db, kEventActors);
  while (q.executeStep()) fn(read_event(q, actors));
}

void Store::for_each_quantity(
    const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const {
  SQLite::Statement q(impl_->db,
                      "SELECT q.doc, q.sentence, q.begin, q.end, q.value, q.value_max, q.what, "
                      "CAST(substr(CAST(d.text AS BLOB), q.begin + 1, q.end - q.begin) AS TEXT) "
                      "FROM quantities q JOIN documents d ON d.id = q.doc ORDER BY q.doc, q.begin");
  while (q.executeStep()) {
    fn(q.getColumn(0).getString(), quantity_at(q, 1), q.getColumn(7).getString());
  }
}

void Store::for_each_relation(const RelationFilter& f, const std::function<void(const StoredRelation&)>& fn) const {
  // The actor's test is written only when asked for: "?1 = '' OR ..." would
  // keep SQLite from reading the source and target indexes.
  SQLite::Statement q(impl_->db,
                      std::string("SELECT r.type, r.source, r.target, r.sentence, r.doc, d.date, "
                                  "CASE d.story WHEN '' THEN d.id ELSE d.story END, "
                                  "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT), d.source "
                                  "FROM relations r JOIN documents d ON d.id = r.doc "
                                  "JOIN sentences s ON s.doc = r.doc AND s.idx = r.sentence "
                                  "WHERE ") + within("d.date", 2, 3) + " " +
                          (f.actor.empty() ? "" : "AND (r.source = ?1 OR r.target = ?1) ") +
                          "ORDER BY r.type, r.source, r.target, r.doc, r.sentence");
  if (!f.actor.empty()) q.bind(1, f.actor);
  q.bind(2, f.from);
  q.bind(3, f.to);
  while (q.executeStep()) {
    StoredRelation r;
    r.relation = Relation{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          uint32_t(q.getColumn(3).getInt64())};
    r.doc = q.getColumn(4).getString();
    r.date = q.getColumn(5).getString();
    r.story = q.getColumn(6).getString();
    r.evidence = q.getColumn(7).getString();
    r.source = q.getColumn(8).getString();
    fn(r);
  }
}

void Store::for_each_claim(const std::function<void(const StoredClaim&)>& fn) const {
  SQLite::Statement q(impl_->db,
                      "SELECT c.sentence, c.begin, c.end, c.source, c.stance, c.about, c.doc, "
                      "CASE d.story WHEN '' THEN d.id ELSE d.story END, "
                      "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT) "
                      "FROM claims c JOIN documents d ON d.id = c.doc JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence "
                      "ORDER BY c.doc, c.begin");
  while (q.executeStep()) {
    StoredClaim c;
    c.claim = claim_at(q);
    c.doc = q.getColumn(6).getString();
    c.story = q.getColumn(7).getString();
    c.evidence = q.getColumn(8).getString();
    fn(c);
  }
}

const std::unordered_set<int64_t>& Store::common_fingerprints() {
  if (!impl_->common) {
    impl_->common.emplace();
    SQLite::Statement q(impl_->db, "SELECT hash FROM common_fingerprints");
    while (q.executeStep()) impl_->common->insert(q.getColumn(0).getInt64());
  }
  return *impl_->common;
}

std::vector<Store::Sharing> Store::documents_sharing(const std::vector<uint64_t>& fingerprints,
                                                     std::vector<uint32_t>* holding, const std::string& except) {
  // A fingerprint held by very many documents is boilerplate or a stock phrase,
  // not evidence of a copy: it is passed over, and recorded so that it is not
  // looked up again.
  constexpr int kCommon = 64;
  const auto& common = common_fingerprints();
  const Use q = impl_->prepared(impl_->sharing, "SELECT doc, of_document FROM fingerprints WHERE hash = ? LIMIT ?");
  // Holders are counted by a hash of their id, their ids kept in one buffer:
  // most share a single fingerprint, and a string each would cost more than
  // the lookups.
  struct Holder {
    uint64_t key;
    uint32_t at, size;
    std::size_t own;
  };
  std::string ids;
  std::vector<Holder> holders;
  if (holding) holding->assign(fingerprints.size(), 0);
  for (std::size_t k = 0; k < fingerprints.size(); ++k) {
    const uint64_t fp = fingerprints[k];
    if (common.count(static_cast<int64_t>(fp))) continue;
    q->reset();
    SQLite::bind(*q, static_cast<int64_t>(fp), kCommon + 1);
    const std::size_t first = holders.size(), ids_size = ids.size();
    while (q->executeStep()) {
      const auto id = static_cast<const char*>(q->getColumn(0).getBlob());
      const auto size = uint32_t(q->getColumn(0).getBytes());
      if (std::string_view(id, size) == except) continue;
      holders.push_back({XXH3_64bits(id, size), uint32_t(ids.size()), size, std::size_t(q->getColumn(1).getInt64())});
      ids.append(id, size);
    }
    if (holding) (*holding)[k] = uint32_t(holders.size() - first);
    if (holders.size() - first > std::size_t(kCommon)) {
      holders.resize(first), ids.resize(ids_size);
      SQLite::Statement mark(impl_->db, "INSERT OR IGNORE INTO common_fingerprints(hash) VALUES (?)");
      mark.bind(1, static_cast<int64_t>(fp));
      mark.exec();
      impl_->common->insert(static_cast<int64_t>(fp));
    }
  }
  std::sort(holders.begin(), holders.end(), [](const Holder& a, const Holder& b) { return a.key < b.key; });
  std::vector<Sharing> out;
  for (std::size_t i = 0, j = 0; i < holders.size(); i = j) {
    while (j < holders.size() && holders[j].key == holders[i].key) ++j;
    if (j - i >= 2) out.push_back({ids.substr(holders[i].at, holders[i].size), j - i, holders[i].own});
  }
  std::sort(out.begin(), out.end(), [](const Sharing& a, const Sharing& b) {
    return a.shared > b.shared || (a.shared == b.shared && a.doc < b.doc);
  });
  return out;
}

std::optional<std::string> Store::text_of(const std::string& id) const {
  const Use q = impl_->prepared(impl_->text, "SELECT text FROM documents WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getString();
}

std::string Store::story_of(const std::string& id) const {
  const Use q = impl_->prepared(impl_->story, "SELECT story FROM documents WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return id;
  const std::string story = q->getColumn(0).getString();
  return story.empty() ? id : story;
}

void Store::rename_story(const std::string& from, const std::string& to) {
  SQLite::Statement q(impl_->db, "UPDATE documents SET story = ?1, duplicate_of = CASE WHEN id = ?1 THEN '' ELSE ?1 END "
                                 "WHERE story = ?2 OR (story = '' AND id = ?2)");
  q.bind(1, to);
  q.bind(2, from);
  q.exec();
}

void Store::set_story(const Document& doc) {
  SQLite::Statement q(impl_->db, "UPDATE documents SET story = ?, duplicate_of = ? WHERE id = ?");
  SQLite::bind(q, doc.story, doc.duplicate_of, doc.id);
  q.exec();
  SQLite::Statement del(impl_->db, "DELETE FROM fingerprints WHERE doc = ?");
  del.bind(1, doc.id);
  del.exec();
  write_fingerprints(doc);
}

void Store::write_fingerprints(const Document& doc) {
  // A common fingerprint's holders are not kept (its lookups are skipped),
  // but it still counts among the document's own.
  const auto& common = common_fingerprints();
  for (uint64_t fp : doc.fingerprints)
    if (!common.count(static_cast<int64_t>(fp)))
      impl_->fingerprints.add(static_cast<int64_t>(fp), doc.id, static_cast<int64_t>(doc.fingerprints.size()));
  impl_->fingerprints.write(impl_->db);
}

void Store::for_each_story(const std::function<void(const StorySummary&)>& fn) const {
  SQLite::Statement q(impl_->db,
                      "SELECT CASE story WHEN '' THEN id ELSE story END AS s, id FROM documents "
                      "ORDER BY s, CASE WHEN id = (CASE story WHEN '' THEN id ELSE story END) THEN 0 ELSE 1 END, id");
  StorySummary current;
  while (q.executeStep()) {
    const std::string story = q.getColumn(0).getString();
    if (story != current.story && !current.story.empty()) {
      fn(current);
      current.documents.clear();
    }
    current.story = story;
    current.documents.push_back(q.getColumn(1).getString());
  }
  if (!current.story.empty()) fn(current);
}

std::vector<std::pair<std::string, std::string>> Store::main_events() const {
  SQLite::Statement q(impl_->db, "SELECT doc, id FROM events WHERE main = 1");
  std::vector<std::pair<std::string, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

namespace {

constexpr const char* kActorAliases = "SELECT alias FROM actor_aliases WHERE actor = ? ORDER BY alias";
// Every actor something stored refers to: a mention, or an event it takes
// part in unnamed in any mention ("Protesters (Sudan)" for "students
// marched"). Actors of replaced documents that nothing refers to any more are
// left out.
constexpr const char* kActorSummary =
    "SELECT a.id, a.name, a.type, a.country, count(m.doc), count(DISTINCT m.doc) FROM actors a "
    "LEFT JOIN mentions m ON m.actor = a.id "
    "WHERE (m.doc IS NOT NULL OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.actor = a.id)) ";

ActorSummary read_actor(SQLite::Statement& q, SQLite::Statement& aliases) {
  ActorSummary s;
  s.actor = Actor{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                  q.getColumn(3).getString(), {}};
  s.mentions = q.getColumn(4).getInt64();
  s.documents = q.getColumn(5).getInt64();
  aliases.reset();
  aliases.bind(1, s.actor.id);
  while (aliases.executeStep()) s.actor.aliases.push_back(aliases.getColumn(0).getString());
  return s;
}

}  // namespace

void Store::for_each_actor(const std::function<void(const ActorSummary&)>& fn) const {
  SQLite::Statement q(impl_->db, std::string(kActorSummary) + "GROUP BY a.id ORDER BY count(m.doc) DESC, a.id");
  SQLite::Statement aliases(impl_->db, kActorAliases);
  while (q.executeStep()) fn(read_actor(q, aliases));
}

std::optional<ActorSummary> Store::actor(const std::string& id) const {
  SQLite::Statement q(impl_->db, std::string(kActorSummary) + "AND a.id = ? GROUP BY a.id");
  q.bind(1, id);
  SQLite::Statement aliases(impl_->db, kActorAliases);
  if (!q.executeStep()) return std::nullopt;
  return read_actor(q, aliases);
}

void Store::for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const {
  const std::string columns = with_text ? kDocColumns : "id, title, source, date, url, origin, story, duplicate_of";
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM documents ORDER BY id", columns));
  SQLite::Statement s(impl_->db, "SELECT begin, end FROM sentences WHERE doc = ? ORDER BY idx");
  while (q.executeStep()) {
    Document d = read_row(q, with_text);
    if (with_text) read_sentences(s, d);
    fn(d);
  }
}

namespace {

// Words as an FTS5 query: each one quoted, so that what users type is never
// read as query syntax.
std::string fts_query(std::string_view words) {
  std::string out;
  std::size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    std::size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    if (j > i) {
      out += out.empty() ? "\"" : " \"";
      for (char c : words.substr(i, j - i)) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    i = j;
  }
  return out;
}

}  // namespace

std::vector<DocumentSummary> Store::find_documents(const DocumentQuery& query) const {
  const std::string match = fts_query(query.words);
  const std::string columns =
      "d.id, d.title, d.source, d.date, length(CAST(d.text AS BLOB)), "
      "(SELECT count(*) FROM sentences s WHERE s.doc = d.id), CASE d.story WHEN '' THEN d.id ELSE d.story END";
  const std::string window = within("d.date", 2, 3);
  SQLite::Statement q(impl_->db,
                      match.empty()
                          ? fmt::format("SELECT {}, '' FROM documents d WHERE {} "
                                        "ORDER BY d.date DESC, d.id LIMIT ?4 OFFSET ?5", columns, window)
                          : fmt::format("SELECT {}, snippet(documents_fts, -1, '[', ']', '...', 16) "
                                        "FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                                        "WHERE documents_fts MATCH ?1 AND {} ORDER BY f.rank LIMIT ?4 OFFSET ?5",
                                        columns, window));
  // Parameters are numbered alike in both: ?1 goes unused when there are no words.
  SQLite::bind(q, match, query.from, query.to, static_cast<int64_t>(query.limit), static_cast<int64_t>(query.offset));
  std::vector<DocumentSummary> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(5).getInt64(), q.getColumn(4).getInt64(),
                   q.getColumn(6).getString(), q.getColumn(7).getString()});
  return out;
}

std::size_t Store::index_for_search() {
  auto& db = impl_->db;
  auto stale = [&](int64_t& upto, int64_t& last) {
    upto = db.execAndGet("SELECT indexed_upto FROM search_index").getInt64();
    last = db.execAndGet("SELECT coalesce(max(rowid), 0) FROM documents").getInt64();
    return last > upto;
  };
  // Asked before every search: the write lock (which an ingest in another
  // process may hold for a while) is taken only when there is work to do.
  int64_t upto = 0, last = 0;
  if (!stale(upto, last)) return 0;
  Transaction tx(*this);
  if (!stale(upto, last)) return 0;
  SQLite::Statement add(db, "INSERT INTO documents_fts(rowid, title, text) "
                            "SELECT rowid, title, text FROM documents WHERE rowid > ?");
  add.bind(1, upto);
  const int added = add.exec();
  SQLite::Statement mark(db, "UPDATE search_index SET indexed_upto = ?");
  mark.bind(1, last);
  mark.exec();
  tx.commit();
  return std::size_t(added);
}

StoreStats Store::stats() const {
  auto& db = impl_->db;
  StoreStats s;
  s.schema_version = user_version(db);
  SQLite::Statement q(db,
                      "SELECT count(*), coalesce(sum(length(CAST(text AS BLOB))), 0), count(DISTINCT nullif(source, '')), "
                      "coalesce(min(nullif(date, '')), ''), coalesce(max(nullif(date, '')), '') FROM documents");
  q.executeStep();
  s.documents = q.getColumn(0).getInt64();
  s.text_bytes = q.getColumn(1).getInt64();
  s.sources = q.getColumn(2).getInt64();
  s.first_date = q.getColumn(3).getString();
  s.last_date = q.getColumn(4).getString();
  s.sentences = db.execAndGet("SELECT count(*) FROM sentences").getInt64();
  s.runs = db.execAndGet("SELECT count(*) FROM runs").getInt64();
  s.interrupted_runs = db.execAndGet("SELECT count(*) FROM runs WHERE status IN ('interrupted', 'stopped')").getInt64();
  s.mentions = db.execAndGet("SELECT count(*) FROM mentions").getInt64();
  s.actors = db.execAndGet("SELECT count(DISTINCT actor) FROM mentions").getInt64();
  s.events = db.execAndGet("SELECT count(*) FROM events").getInt64();
  s.quantities = db.execAndGet("SELECT count(*) FROM quantities").getInt64();
  s.stories = db.execAndGet("SELECT count(DISTINCT CASE story WHEN '' THEN id ELSE story END) FROM documents").getInt64();
  s.fingerprints = db.execAndGet("SELECT count(*) FROM fingerprints").getInt64();
  s.relations = db.execAndGet("SELECT count(*) FROM (SELECT DISTINCT type, source, target FROM relations)").getInt64();
  s.claims = db.execAndGet("SELECT count(*) FROM claims").getInt64();
  return s;
}

}  // namespace mosaic
