// The PostgreSQL store's database: connecting, bringing its schema up to
// date, transactions (writers take turns), runs, and libpqxx's failures told
// as StoreError.
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "store/postgres/migrations.h"
#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

static_assert(kMigrations.size() == kLatestSchema);

namespace {

// Advisory lock keys: one for writers (so that merging sees every document
// stored before its own, as with SQLite's one writer), one for migrating.
constexpr int64_t kWriterLock = 0x6d6f736169630001;  // "mosaic" 1
constexpr int64_t kMigrateLock = 0x6d6f736169630002;
constexpr const char* kBumpVersion = "UPDATE store_version SET n = n + 1 RETURNING n";

std::string now_utc() { return fmt::format("{:%FT%TZ}", fmt::gmtime(std::time(nullptr))); }

// The URL as messages name it: without a password.
std::string shown(const std::string& url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

StoreError::Kind kind_of(const pqxx::pqxx_exception& e) {
  const auto& base = e.base();
  if (dynamic_cast<const pqxx::broken_connection*>(&base)) return StoreError::Kind::Io;
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&base)) {
    const std::string& state = sql->sqlstate();
    if (state == "55P03" || state == "57014") return StoreError::Kind::Busy;  // lock or statement timeout
    if (state.starts_with("40") || state.starts_with("23")) return StoreError::Kind::Conflict;
    if (state.starts_with("42") || state.starts_with("3F")) return StoreError::Kind::Schema;
  }
  return StoreError::Kind::Io;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

bool process_gone(int64_t pid) { return pid <= 0 || (kill(pid_t(pid), 0) != 0 && errno == ESRCH); }

}  // namespace

void PgStore::fail(const pqxx::pqxx_exception& e) const {
  std::string what = e.base().what();
  while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
  for (auto& c : what)
    if (c == '\n' || c == '\t') c = ' ';
  throw StoreError(kind_of(e), fmt::format("{}: {}", path(), what));
}

void PgStore::send_pending() const {
  if (pending_.empty()) return;
  const std::string sql = std::move(pending_);
  pending_.clear();
  tx_->exec(sql);
}

pqxx::result PgStore::run(const std::string& sql) const {
  if (!pending_.empty()) {
    const std::string both = std::move(pending_) + sql;  // the last statement's result is the answer
    pending_.clear();
    return tx_->exec(both);
  }
  if (tx_) return tx_->exec(sql);
  pqxx::nontransaction n(*conn_);
  return n.exec(sql);
}

PgStore::PgStore(const std::string& url, Mode mode) : Store(shown(url)) {
  try {
    conn_ = std::make_unique<pqxx::connection>(url);
    // A writer waits a minute for another's transaction to end, as with SQLite.
    // Prepared lookups keep one plan: planning one costs more than running it.
    run("SET lock_timeout = 60000; SET client_min_messages = warning; SET plan_cache_mode = force_generic_plan");
    migrate(mode);
  } catch (const pqxx::pqxx_exception& e) {
    std::string what = e.base().what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    for (auto& c : what)
      if (c == '\n' || c == '\t') c = ' ';
    throw StoreError(kind_of(e), fmt::format("{}: cannot open database: {}", path(), what));
  }
}

void PgStore::migrate(Mode mode) {
  auto current = [&] {
    if (run("SELECT to_regclass('mosaic_schema') IS NULL")[0][0].as<bool>()) return 0;
    const auto r = run("SELECT version FROM mosaic_schema");
    return r.empty() ? 0 : r[0][0].as<int>();
  };
  int version = current();
  if (version > kLatestSchema)
    throw StoreError(StoreError::Kind::Schema,
                     fmt::format("{}: schema version {} is newer than this mosaic supports ({}); use a newer mosaic",
                                 path(), version, kLatestSchema));
  if (mode == Mode::ReadOnly) {
    if (version == 0)
      throw StoreError(StoreError::Kind::Io,
                       fmt::format("{}: no Mosaic store in this database (create one with 'mosaic ingest --db URL')", path()));
    if (version < kLatestSchema)
      throw StoreError(StoreError::Kind::Schema,
                       fmt::format("{}: schema version {} is older than this mosaic's ({}); run 'mosaic migrate --db URL'",
                                   path(), version, kLatestSchema));
    return;
  }
  // Each step in a transaction of its own, under a lock: two processes
  // opening a new store migrate it once.
  for (int v = version; v < kLatestSchema; ++v) {
    pqxx::work w(*conn_);
    w.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrateLock));
    w.exec("CREATE TABLE IF NOT EXISTS mosaic_schema (version INTEGER NOT NULL)");
    const auto r = w.exec("SELECT version FROM mosaic_schema");
    const int now = r.empty() ? 0 : r[0][0].as<int>();
    if (now != v) break;  // another process migrated meanwhile
    w.exec(std::string(kMigrations[std::size_t(v)]));
    w.exec(r.empty() ? fmt::format("INSERT INTO mosaic_schema VALUES ({})", v + 1)
                     : fmt::format("UPDATE mosaic_schema SET version = {}", v + 1));
    w.commit();
  }
}

PgStore::~PgStore() {
  tx_.reset();
}

int PgStore::schema_version() const {
  try {
    flush();
    const auto r = run("SELECT version FROM mosaic_schema");
    return r.empty() ? 0 : r[0][0].as<int>();
  } catch (const pqxx::pqxx_exception& e) {
    fail(e);
  }
}

void PgStore::begin_write() {
  try {
    tx_.reset();  // a read snapshot, if any, ends
    pending_.clear();
    asked_.reset();
    tx_ = std::make_unique<pqxx::work>(*conn_);
    // The version read once the lock is held: every commit bumps it, so an
    // unchanged one means no other process has written since this one's
    // last commit, and what this connection knows of documents still holds.
    const auto r = tx_->exec(fmt::format("SELECT pg_advisory_xact_lock({}); SELECT n FROM store_version", kWriterLock));
    if (r.empty() || r[0][0].as<int64_t>() != known_version_) known_.forget();
    writing_ = true;
  } catch (const pqxx::pqxx_exception& e) {
    tx_.reset();
    fail(e);
  }
}

void PgStore::flush() const {
  send_pending();
  std::string batch;
  aliases_.into(batch);
  if (!batch.empty()) run(batch);
  if (sentences_.empty() && mentions_.empty() && relations_.empty() && claims_.empty() && quantities_.empty()) return;
  auto send = [&](pqxx::transaction_base& t) {
    sentences_.into(t);
    mentions_.into(t);
    relations_.into(t);
    claims_.into(t);
    quantities_.into(t);
  };
  if (tx_) return send(*tx_);
  pqxx::work w(*conn_);  // no write session: the rows at once, all or none
  send(w);
  w.commit();
}

// The lookups merging makes for every document are prepared once a
// connection and keep one plan (see the constructor), made from the
// planner's statistics of the moment. In a new store those say "empty", and
// the plans then scan whole tables: at 3000 documents the lookup of the
// events of the documents copied cost 1.3 ms (a sequential scan of events)
// where its index scan costs under 0.1 ms, and autovacuum's own ANALYZE comes
// a minute later at the soonest. So, as PostgreSQL's manual advises after
// bulk loading, the writer refreshes them itself (which makes its statements
// be planned again) each time it has doubled the store, from 64 documents on:
// a few times in a run, and never for a run small beside the store. Inside
// the write session, whose own rows ANALYZE counts; a table that another
// process is vacuuming or analysing is skipped rather than waited for.
void PgStore::keep_statistics() {
  constexpr int64_t kFirst = 64;
  if (analysed_at_ < 0)
    analysed_at_ = run("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'documents'::regclass")[0][0]
                       .as<int64_t>();
  if (++put_since_analysed_ < std::max(analysed_at_, kFirst)) return;
  // Only the columns merging's lookups filter on (with the texts, 80 ms where
  // 10 at 2000 documents), from 3,000 rows a table (statistics target 10): the
  // plans need sizes and rough spreads, and at the default 30,000 rows a
  // refresh cost 3 % of the server's time in a 3000-document bench.
  // Autovacuum's own ANALYZE, at the full target, replaces them as the store grows.
  run("SET client_min_messages = error; "  // not told that a table was skipped
      "SET default_statistics_target = 10; "
      "ANALYZE (SKIP_LOCKED) documents(id, story), fingerprints(hash, doc), "
      "events(id, doc, sub_event_type, date, place_key, location, event_group), event_actors(event, actor); "
      "RESET default_statistics_target; SET client_min_messages = warning");
  analysed_at_ += put_since_analysed_;
  put_since_analysed_ = 0;
}

void PgStore::commit_write() {
  try {
    asked_.reset();
    flush();
    const int64_t version = tx_->exec(kBumpVersion)[0][0].as<int64_t>();
    writing_ = false;
    known_version_ = -1;  // until the commit is known to have succeeded
    tx_->commit();
    tx_.reset();
    known_version_ = version;
  } catch (const pqxx::pqxx_exception& e) {
    tx_.reset();
    writing_ = false;
    known_.forget();
    fail(e);
  }
}

void PgStore::rollback_write() noexcept {
  // What was written in the transaction is gone, and so must be the memory of it.
  aliases_written_.clear();
  known_.forget();
  writing_ = false;
  pending_.clear();
  asked_.reset();
  common_.reset();
  actors_written_.clear();
  aliases_.clear();
  sentences_.clear();
  mentions_.clear();
  relations_.clear();
  claims_.clear();
  quantities_.clear();
  try {
    if (tx_) tx_->abort();
  } catch (...) {  // nothing more can be done in a destructor
  }
  tx_.reset();
}

bool PgStore::begin_read() const {
  if (tx_) return false;  // inside a transaction already
  try {
    tx_ = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(
        *conn_);
    tx_->exec("SELECT n FROM store_version");  // the snapshot is taken at the first statement
  } catch (const pqxx::pqxx_exception& e) {
    tx_.reset();
    fail(e);
  }
  return true;
}

void PgStore::end_read() const noexcept {
  try {
    if (tx_) tx_->commit();
  } catch (...) {  // a read transaction has nothing to lose
  }
  tx_.reset();
}

int64_t PgStore::begin_run(const std::string& inputs) try {
  const std::string host = host_name();
  // A run still 'running' whose process is gone was killed: say so, and let
  // its documents be resumed.
  for (const auto& row : run_params("SELECT id, pid FROM runs WHERE status = 'running' AND host = $1 ORDER BY id", host))
    if (process_gone(row[1].as<int64_t>()))
      run_params("UPDATE runs SET status = 'interrupted' WHERE id = $1", row[0].as<int64_t>());
  run_ = run_params("INSERT INTO runs(started, inputs, pid, host, status) VALUES ($1, $2, $3, $4, 'running') RETURNING id",
                    now_utc(), inputs, int64_t(getpid()), host)[0][0]
             .as<int64_t>();
  run(kBumpVersion);
  resumable_runs_ = run("SELECT EXISTS (SELECT 1 FROM runs WHERE status IN ('interrupted', 'stopped'))")[0][0].as<bool>();
  return run_;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

int64_t PgStore::version() const try {
  const auto r = run("SELECT n FROM store_version");
  return r.empty() ? 0 : r[0][0].as<int64_t>();
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::finish_run(int64_t id, const std::string& summary_json, bool stopped) try {
  run_params("UPDATE runs SET finished = $1, summary = $2, status = $3 WHERE id = $4", now_utc(), summary_json,
             std::string(stopped ? "stopped" : "finished"), id);
  run(kBumpVersion);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::checkpoint() {}  // the server's own business

}  // namespace mosaic::postgres
