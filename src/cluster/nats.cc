// The connection, the streams and the bucket the cluster's parts share.
#include "cluster/nats.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "mosaic/problem.h"

namespace mosaic::cluster {

std::string describe(natsStatus s) {
  natsStatus last = NATS_OK;
  const char* text = nats_GetLastError(&last);
  if (text && *text) return text;
  return natsStatus_GetText(s);
}

void check(natsStatus s, const std::string& what) {
  if (s != NATS_OK) throw Error(fmt::format("nats: {}: {}", what, describe(s)));
}

Connection::Connection(const std::string& url, const jsOptions* options) {
  natsOptions* o = nullptr;
  check(natsOptions_Create(&o), "options");
  natsStatus s = natsOptions_SetURL(o, url.c_str());
  // A restarted server is waited for rather than given up on: a worker
  // holds nothing it could lose meanwhile (what it holds is redelivered).
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(o, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(o, 250);
  if (s == NATS_OK) s = natsOptions_SetTimeout(o, 5000);
  if (s == NATS_OK) s = natsConnection_Connect(&nc_, o);
  natsOptions_Destroy(o);
  check(s, fmt::format("cannot connect to {}", url));
  jsOptions jo;
  if (options) jo = *options;
  else jsOptions_Init(&jo);
  s = natsConnection_JetStream(&js_, nc_, &jo);
  if (s != NATS_OK) {
    natsConnection_Destroy(nc_);
    check(s, "JetStream");
  }
}

Connection::~Connection() {
  if (kv_) kvStore_Destroy(kv_);
  if (js_) jsCtx_Destroy(js_);
  if (nc_) {
    natsConnection_Flush(nc_);
    natsConnection_Destroy(nc_);
  }
}

void Connection::drain(int timeout_ms) {
  if (natsConnection_DrainTimeout(nc_, timeout_ms) != NATS_OK) return;  // closed already: nothing is pending
  // Polled, not told: a closed-connection callback would outlive this
  // object. libnats closes the connection itself once its timeout is over.
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms + 1000);
  while (!natsConnection_IsClosed(nc_) && std::chrono::steady_clock::now() < end) nats_Sleep(2);
}

namespace {

void add_stream(jsCtx* js, const std::string& name, const std::string& subject) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = jsErrCode(0);
  if (js_GetStreamInfo(&si, js, name.c_str(), nullptr, &jerr) == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return;
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = name.c_str();
  const char* subjects[] = {subject.c_str()};
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  cfg.Storage = js_FileStorage;
  cfg.Duplicates = int64_t(10) * 60 * 1000000000;  // the window in which a document published again is dropped: 10 minutes
  const natsStatus s = js_AddStream(&si, js, &cfg, nullptr, &jerr);
  if (s == NATS_OK) jsStreamInfo_Destroy(si);
  else if (jerr != JSStreamNameExistErr) check(s, fmt::format("stream {}", name));
}

}  // namespace

void Connection::ensure_streams(const Names& names) {
  add_stream(js_, names.stream, names.subject);
  add_stream(js_, names.dead_stream, names.dead_subject + ".>");
}

kvStore* Connection::bucket(const Names& names) {
  if (kv_) return kv_;
  if (js_KeyValue(&kv_, js_, names.bucket.c_str()) == NATS_OK) return kv_;
  kvConfig cfg;
  kvConfig_Init(&cfg);
  cfg.Bucket = names.bucket.c_str();
  cfg.History = 1;
  cfg.StorageType = js_FileStorage;
  const natsStatus s = js_CreateKeyValue(&kv_, js_, &cfg);
  if (s != NATS_OK && js_KeyValue(&kv_, js_, names.bucket.c_str()) != NATS_OK) check(s, "bucket " + names.bucket);
  return kv_;
}

void shutdown() { nats_CloseAndWait(5000); }

std::string cursor_key(const Names& names) { return "cursor." + names.group; }
std::string dead_subject(const Names& names) { return names.dead_subject + "." + names.group; }
std::string worker_key_prefix(const Names& names) { return "worker." + names.group + "."; }

std::pair<uint64_t, uint64_t> read_cursor(kvStore* kv, const Names& names) {
  kvEntry* e = nullptr;
  const natsStatus s = kvStore_Get(&e, kv, cursor_key(names).c_str());
  if (s == NATS_NOT_FOUND) return {0, 0};
  check(s, "the cursor");
  const uint64_t value = std::strtoull(kvEntry_ValueString(e), nullptr, 10);
  const uint64_t rev = kvEntry_Revision(e);
  kvEntry_Destroy(e);
  return {value, rev};
}

}  // namespace mosaic::cluster
