// What the cluster's parts share over libnats: a connection with JetStream,
// the streams, the key-value bucket. Private to src/cluster.
#pragma once

#include <nats/nats.h>

#include <cstdint>
#include <string>
#include <utility>

#include "mosaic/cluster.h"

namespace mosaic::cluster {

// Throws Error naming what failed, with libnats' text, unless s is NATS_OK.
void check(natsStatus s, const std::string& what);
std::string describe(natsStatus s);

// One connection and its JetStream context; reconnects by itself (a
// restarted server is found again at the same URL).
class Connection {
 public:
  explicit Connection(const std::string& url, const jsOptions* options = nullptr);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  natsConnection* nc() const { return nc_; }
  jsCtx* js() const { return js_; }
  // The documents' and the dead letters' streams and the bucket, made when missing.
  void ensure_streams(const Names& names);
  kvStore* bucket(const Names& names);  // owned here
  // Closes the connection once every subscription has handed out what it
  // holds and each handler has returned, libnats' own handler of
  // acknowledgements included, or after timeout_ms. A publisher calls it
  // last: libnats frees a handled acknowledgement after it wakes
  // js_PublishAsyncComplete's waiter, and one freed after the library had
  // closed was lost (160 bytes, LeakSanitizer, seen once in CI).
  void drain(int timeout_ms);

 private:
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
  kvStore* kv_ = nullptr;
};

// The cursor of a group: the last stream sequence its store holds, and the
// key-value revision it was read at (0: never written).
std::string cursor_key(const Names& names);
std::pair<uint64_t, uint64_t> read_cursor(kvStore* kv, const Names& names);
std::string worker_key_prefix(const Names& names);
// Where a group's dead letters go: <dead_subject>.<group>.
std::string dead_subject(const Names& names);

// Header names.
inline constexpr const char* kOrigin = "Mosaic-Origin";
inline constexpr const char* kError = "Mosaic-Error";

}  // namespace mosaic::cluster
