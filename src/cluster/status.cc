// `mosaic status --from nats://...`: the queue, the workers, the dead letters.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "cluster/nats.h"

namespace mosaic::cluster {

Status cluster_status(const std::string& url, const Names& names) {
  Connection conn(url);
  conn.ensure_streams(names);
  Status st;
  jsErrCode jerr = jsErrCode(0);
  jsStreamInfo* si = nullptr;
  check(js_GetStreamInfo(&si, conn.js(), names.stream.c_str(), nullptr, &jerr), "stream " + names.stream);
  st.published = si->State.Msgs;
  jsStreamInfo_Destroy(si);

  jsConsumerInfo* ci = nullptr;
  if (js_GetConsumerInfo(&ci, conn.js(), names.stream.c_str(), names.group.c_str(), nullptr, &jerr) == NATS_OK) {
    st.pending = ci->NumPending;
    st.held = uint64_t(ci->NumAckPending);
    st.redelivered = uint64_t(ci->NumRedelivered);
    jsConsumerInfo_Destroy(ci);
  } else {
    st.pending = st.published;  // no worker yet
  }

  kvStore* kv = conn.bucket(names);
  st.written = read_cursor(kv, names).first;
  kvKeysList keys{};
  if (kvStore_Keys(&keys, kv, nullptr) == NATS_OK) {
    const std::string prefix = worker_key_prefix(names);
    const double now =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    for (int i = 0; i < keys.Count; ++i) {
      const std::string key = keys.Keys[i];
      if (key.rfind(prefix, 0) != 0) continue;
      kvEntry* e = nullptr;
      if (kvStore_Get(&e, kv, key.c_str()) != NATS_OK) continue;
      const auto j = nlohmann::json::parse(kvEntry_ValueString(e), nullptr, false);
      kvEntry_Destroy(e);
      if (!j.is_object()) continue;
      Status::Worker w;
      w.name = j.value("name", key.substr(prefix.size()));
      w.documents = j.value("documents", uint64_t(0));
      w.batches = j.value("batches", uint64_t(0));
      w.dead = j.value("dead", uint64_t(0));
      w.seconds = j.value("seconds", 0.0);
      w.idle = std::max(0.0, now - j.value("at", now));
      st.workers.push_back(w);
    }
    kvKeysList_Destroy(&keys);
  }
  std::sort(st.workers.begin(), st.workers.end(), [](const auto& a, const auto& b) { return a.name < b.name; });

  // The group's dead letters: how many, and the latest few.
  const std::string subject = dead_subject(names);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Stream.Info.SubjectsFilter = subject.c_str();
  si = nullptr;
  if (js_GetStreamInfo(&si, conn.js(), names.dead_stream.c_str(), &jo, &jerr) == NATS_OK) {
    if (si->State.Subjects)
      for (int i = 0; i < si->State.Subjects->Count; ++i)
        if (subject == si->State.Subjects->List[i].Subject) st.dead = si->State.Subjects->List[i].Msgs;
    const uint64_t first = si->State.FirstSeq, last = si->State.LastSeq;
    jsStreamInfo_Destroy(si);
    // Read back from the newest until five of the group's are found (or 1,000 looked at).
    std::vector<Status::DeadLetter> found;
    for (uint64_t seq = last; st.dead && seq >= first && seq > 0 && found.size() < 5 && last - seq < 1000; --seq) {
      natsMsg* msg = nullptr;
      if (js_GetMsg(&msg, conn.js(), names.dead_stream.c_str(), seq, nullptr, &jerr) != NATS_OK) continue;
      if (subject != natsMsg_GetSubject(msg)) {
        natsMsg_Destroy(msg);
        continue;
      }
      Status::DeadLetter d;
      const char* v = nullptr;
      if (natsMsgHeader_Get(msg, kError, &v) == NATS_OK && v) d.error = v;
      if (natsMsgHeader_Get(msg, kOrigin, &v) == NATS_OK && v) d.origin = v;
      const auto j = nlohmann::json::parse(
          std::string(natsMsg_GetData(msg), std::size_t(natsMsg_GetDataLength(msg))), nullptr, false);
      if (j.is_object() && j.contains("id") && j["id"].is_string()) d.id = j["id"].get<std::string>();
      natsMsg_Destroy(msg);
      found.push_back(std::move(d));
    }
    st.last_dead.assign(found.rbegin(), found.rend());
  }
  return st;
}

}  // namespace mosaic::cluster
