// The SQLite store's file: opening it, bringing its schema up to date,
// transactions, runs, and SQLite's failures told as StoreError.
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

static_assert(kMigrations.size() == Store::kSchemaVersion);

namespace {

constexpr int kBusyMs = 60000;  // how long a write waits for another's to end

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

StoreError::Kind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::Busy;
    case SQLITE_CONSTRAINT:
    case SQLITE_ABORT:
      return StoreError::Kind::Conflict;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_SCHEMA:
    case SQLITE_ERROR:  // a statement this schema cannot run
      return StoreError::Kind::Schema;
    default:
      return StoreError::Kind::Io;
  }
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

bool process_gone(int64_t pid) { return pid <= 0 || (kill(pid_t(pid), 0) != 0 && errno == ESRCH); }

// SQLite counts the memory it holds, under a global mutex taken on every
// allocation and free (SQLITE_CONFIG_MEMSTATUS, on by default); nothing here
// reads the count or sets a heap limit. Off, `mosaic ingest -j1` took 2,750
// locks a document instead of 4,600.
// Only possible before SQLite is first used in the process: later (another
// library opened a database first) it is refused and nothing changes.
void stop_counting_memory() {
  static const bool done = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)done;
}

}  // namespace

void SqliteStore::fail(const SQLite::Exception& e) const {
  throw StoreError(kind_of(e.getErrorCode()), fmt::format("{}: {}", path(), e.what()));
}

Use SqliteStore::prepared(std::optional<SQLite::Statement>& s, const char* sql) const {
  if (!s) s.emplace(*db_, sql);
  s->tryReset();
  s->clearBindings();
  return Use(*s);
}

SqliteStore::SqliteStore(const std::string& path, Mode mode) : Store(path) {
  stop_counting_memory();
  const bool write = mode == Mode::ReadWrite;
  if (!write && !std::filesystem::exists(path))
    throw StoreError(StoreError::Kind::Io,
                     fmt::format("{}: no such database (create one with 'mosaic ingest --db {}')", path, path));
  try {
    // A store is used by one thread at a time (its prepared statements are
    // its own, not to be shared), so SQLite need not lock the connection on
    // every call: NOMUTEX. With the memory count off too (stop_counting_memory),
    // `mosaic ingest -j1` takes next to no locks instead of 4,600 a document.
    db_ = std::make_unique<SQLite::Database>(
        path, (write ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX);
    if (write && sqlite3_db_readonly(db_->getHandle(), "main") == 1)
      throw StoreError(StoreError::Kind::Io, fmt::format("{}: database is read-only", path));
    // A writer waits for another's transaction to end rather than failing:
    // an ingest holds the lock only while it writes a batch it has already
    // analysed, so a minute is many batches of another writer. Set before the
    // first read: opening while another connection truncated the log after its
    // ingest failed at once with "database is locked", an exception that ended
    // the test binary (Reliability's two writers; seen twice on a busy machine).
    db_->setBusyTimeout(kBusyMs);
    int version = 0;
    try {
      version = user_version(*db_);  // also fails here on a file that is not SQLite
    } catch (const SQLite::Exception& e) {
      // A store in a folder this user may not write (another user's, a
      // read-only share): SQLite cannot make the file through which readers
      // of a WAL store share its state. With no write-ahead log there is no
      // state to share, and the file is read as it is.
      std::error_code ec;
      const bool no_log = std::filesystem::file_size(path + "-wal", ec) == 0 || ec;
      if (write || e.getErrorCode() != SQLITE_READONLY || !no_log) throw;
      db_ = std::make_unique<SQLite::Database>(immutable_uri(path),
                                               SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
      version = user_version(*db_);
    }
    auto& db = *db_;
    db.setBusyTimeout(kBusyMs);  // (again: the read-only reopen above is another connection)
    if (version > kSchemaVersion)
      throw StoreError(StoreError::Kind::Schema,
                       fmt::format("{}: schema version {} is newer than this mosaic supports ({}); use a newer mosaic",
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
        db.exec(std::string(kMigrations[v]));
        db.exec(fmt::format("PRAGMA user_version={}", v + 1));
        tx.commit();
      }
    } else if (version < kSchemaVersion) {
      throw StoreError(StoreError::Kind::Schema,
                       fmt::format("{}: schema version {} is older than this mosaic's ({}); "
                                   "run 'mosaic migrate --db {}'", path, version, kSchemaVersion, path));
    }
    // The schema declares its foreign keys, but SQLite is not asked to check
    // them on every insert: a document's rows are written parent first in one
    // transaction, and the ~150 lookups per document were a seventh of ingest.
    // Replacing a document deletes its rows itself (put), and the tests run
    // PRAGMA foreign_key_check over stores they have written.
    db.exec("PRAGMA foreign_keys=OFF");
    // Merging reads back recent documents and events; a 64 MiB page cache keeps
    // them in memory instead of re-reading pages from the file.
    db.exec("PRAGMA cache_size=-65536");
  } catch (const SQLite::Exception& e) {
    throw StoreError(kind_of(e.getErrorCode()), fmt::format("{}: cannot open database: {}", path, e.what()));
  }
}

SqliteStore::~SqliteStore() = default;

int SqliteStore::schema_version() const try {
  return user_version(*db_);
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::begin_write() {
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw StoreError(kind_of(e.getErrorCode()), fmt::format("{}: cannot start a write: {}", path(), e.what()));
  }
}

void SqliteStore::commit_write() {
  try {
    db_->exec(kBumpVersion);
    db_->exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    throw StoreError(kind_of(e.getErrorCode()), fmt::format("{}: commit failed: {}", path(), e.what()));
  }
}

void SqliteStore::rollback_write() noexcept {
  // What was written in the transaction is gone, and so must be the memory of it.
  aliases_written_.clear();
  common_.reset();
  actors_written_.clear();
  actor_numbers_.clear();
  try {
    db_->exec("ROLLBACK");
  } catch (...) {  // nothing more can be done in a destructor
  }
}

bool SqliteStore::begin_read() const {
  if (sqlite3_get_autocommit(db_->getHandle()) == 0) return false;  // inside a transaction already
  try {
    db_->exec("BEGIN");
    // A deferred transaction takes its snapshot at its first read.
    db_->execAndGet("SELECT n FROM store_version");
  } catch (const SQLite::Exception& e) {
    throw StoreError(kind_of(e.getErrorCode()), fmt::format("{}: cannot read: {}", path(), e.what()));
  }
  return true;
}

void SqliteStore::end_read() const noexcept {
  try {
    db_->exec("COMMIT");
  } catch (...) {  // a read transaction has nothing to lose
  }
}

int64_t SqliteStore::begin_run(const std::string& inputs) try {
  auto& db = *db_;
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
  run_ = db.getLastInsertRowid();
  db.exec(kBumpVersion);
  return run_;
} catch (const SQLite::Exception& e) {
  fail(e);
}

int64_t SqliteStore::version() const try {
  const Use q = prepared(version_, "SELECT n FROM store_version");
  return q->executeStep() ? q->getColumn(0).getInt64() : 0;
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::finish_run(int64_t run, const std::string& summary_json, bool stopped) try {
  SQLite::Statement q(*db_, "UPDATE runs SET finished = ?, summary = ?, status = ? WHERE id = ?");
  SQLite::bind(q, now_utc(), summary_json, stopped ? "stopped" : "finished", run);
  q.exec();
  db_->exec(kBumpVersion);
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::checkpoint() {
  // Without waiting for readers (a server's, an export's): what they hold is
  // checkpointed by a later write.
  sqlite3* db = db_->getHandle();
  sqlite3_busy_timeout(db, 0);
  sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_timeout(db, kBusyMs);
}

}  // namespace mosaic::sqlite
