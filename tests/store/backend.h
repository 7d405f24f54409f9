// A fresh store of one backend for a test: what the conformance suite and the
// API tests run on, once per backend. The PostgreSQL stores need a server:
// MOSAIC_TEST_PG names a database (scripts/pg start prints one; `make test`
// starts a private cluster and sets it); without it their tests skip.
#pragma once

#include <string>
#include <vector>

#include "../helpers.h"

namespace mosaic::test {

// The backends a suite is instantiated over, by name.
inline const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

class Backend {
 public:
  // "sqlite": a file in a temporary folder; "postgresql": a schema of its own
  // in the test database, dropped afterwards.
  explicit Backend(const std::string& kind);
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;
  // The store's URL; empty when this backend cannot be tested here.
  const std::string& url() const { return url_; }
  // Why not, to skip with.
  std::string why_not() const;
  // A temporary folder beside the store, for the test's own files.
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string url_, schema_;
};

}  // namespace mosaic::test
