#include "backend.h"

#include <unistd.h>

#include <cstdlib>
#include <random>
#ifdef MOSAIC_POSTGRES
#include <pqxx/pqxx>
#endif

namespace mosaic::test {

namespace {

[[maybe_unused]] const char* pg_url() {
  const char* url = std::getenv("MOSAIC_TEST_PG");
  return url && *url ? url : nullptr;
}

}  // namespace

Backend::Backend(const std::string& kind) {
  if (kind == "sqlite") {
    url_ = "sqlite:" + dir_.file("c.db");
    return;
  }
#ifdef MOSAIC_POSTGRES
  const char* base = pg_url();
  if (!base) return;
  schema_ = "conformance_" + std::to_string(getpid()) + "_" + std::to_string(std::random_device{}());
  pqxx::connection c(base);
  pqxx::nontransaction(c).exec("CREATE SCHEMA " + schema_);
  const std::string b = base;
  url_ = b + (b.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
#endif
}

Backend::~Backend() {
#ifdef MOSAIC_POSTGRES
  if (schema_.empty()) return;
  try {
    pqxx::connection c(pg_url());
    pqxx::nontransaction(c).exec("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (...) {
  }
#endif
}

std::string Backend::why_not() const {
#ifdef MOSAIC_POSTGRES
  return "PostgreSQL not available: set MOSAIC_TEST_PG to a database URL (scripts/pg start prints one; "
         "'make test' starts a private cluster)";
#else
  return "this mosaic was built without PostgreSQL (libpqxx-dev)";
#endif
}

}  // namespace mosaic::test
