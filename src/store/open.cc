// Store::open: the backend a URL names (LevelDB's DB::Open), and what every
// backend shares: transactions and snapshots over its primitives.
#include <fmt/format.h>

#include <cstdlib>

#include "mosaic/store.h"
#include "store/sqlite/sqlite_store.h"
#ifdef MOSAIC_POSTGRES
#include "store/postgres/pg_store.h"
#endif

namespace mosaic {

std::unique_ptr<Store> Store::open(const std::string& url, Mode mode) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
#ifdef MOSAIC_POSTGRES
    return std::make_unique<postgres::PgStore>(url, mode);
#else
    throw StoreError(StoreError::Kind::Io, "this mosaic was built without PostgreSQL (libpqxx-dev was not found)");
#endif
  }
  if (url.empty()) throw StoreError(StoreError::Kind::Io, "no store named (--db PATH, sqlite:PATH or postgresql://...)");
  return std::make_unique<sqlite::SqliteStore>(url.starts_with("sqlite:") ? url.substr(7) : url, mode);
}

std::string Store::default_url(const std::string& fallback) {
  const char* env = std::getenv("MOSAIC_DB");
  return env && *env ? std::string(env) : fallback;
}

Store::~Store() = default;

Store::Transaction::Transaction(Store& store) : store_(store) { store_.begin_write(); }

Store::Transaction::~Transaction() {
  if (!done_) store_.rollback_write();
}

void Store::Transaction::commit() {
  store_.commit_write();
  done_ = true;
}

Store::Snapshot::Snapshot(const Store& store) : store_(store) { began_ = store_.begin_read(); }

Store::Snapshot::~Snapshot() {
  if (began_) store_.end_read();
}

}  // namespace mosaic
