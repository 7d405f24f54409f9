// `mosaic ingest --to nats://...`: documents read as ingest reads them,
// published in order into the stream, one JSON line each.
#include <fmt/format.h>
#include <xxhash.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "cluster/nats.h"

namespace mosaic::cluster {

namespace {

struct Acks {
  std::atomic<std::size_t> published{0}, duplicates{0}, failed{0};
  std::string error;  // the first failure's
  std::atomic<bool> have_error{false};
};

void on_ack(jsCtx*, natsMsg* msg, jsPubAck* pa, jsPubAckErr* pae, void* closure) {
  auto& acks = *static_cast<Acks*>(closure);
  if (pae) {
    if (!acks.have_error.exchange(true))
      acks.error = pae->ErrText ? pae->ErrText : natsStatus_GetText(pae->Err);
    ++acks.failed;
  } else if (pa && pa->Duplicate) {
    ++acks.duplicates;
  } else {
    ++acks.published;
  }
  natsMsg_Destroy(msg);
}

}  // namespace

PublishReport publish(const std::string& url, const std::vector<std::string>& inputs, const PublishOptions& options) {
  Acks acks;
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.PublishAsync.MaxPending = 4096;
  jo.PublishAsync.AckHandler = on_ack;
  jo.PublishAsync.AckHandlerClosure = &acks;
  Connection conn(url, &jo);
  conn.ensure_streams(options.names);

  PublishReport report;
  auto problems = [&](const Problem& p) {
    if (p.level == Problem::Level::Skipped) ++report.skipped, ++report.read;
    if (options.problems) options.problems(p);
  };
  auto sink = [&](Document&& doc) {
    ++report.read;
    // The reader's fields, as the JSONL reader reads them back.
    const std::string line = nlohmann::json{{"id", doc.id},
                                            {"title", doc.title},
                                            {"text", doc.raw},
                                            {"date", doc.date},
                                            {"source", doc.source},
                                            {"url", doc.url},
                                            {"country", doc.stated_country}}
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // The same id with the same content is one message for the stream's
    // duplicate window; the same id with other content is another (the
    // store keeps the first, as a single ingest does).
    const std::string msg_id = fmt::format("{}#{:016x}", doc.id, XXH3_64bits(line.data(), line.size()));
    natsMsg* msg = nullptr;
    check(natsMsg_Create(&msg, options.names.subject.c_str(), nullptr, line.data(), int(line.size())), "message");
    natsStatus s = natsMsgHeader_Set(msg, "Nats-Msg-Id", msg_id.c_str());
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, kOrigin, doc.origin.c_str());
    if (s == NATS_OK) s = js_PublishMsgAsync(conn.js(), &msg, nullptr);
    if (msg) natsMsg_Destroy(msg);
    check(s, fmt::format("publishing {}", doc.id));
  };
  for (const auto& input : inputs) read_input(input, options.read, sink, problems);
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = 60000;
  check(js_PublishAsyncComplete(conn.js(), &po), "waiting for the stream's acknowledgements");
  conn.drain(5000);
  report.published = acks.published;
  report.duplicates = acks.duplicates;
  if (acks.failed)
    throw Error(fmt::format("nats: {} documents were not taken by the stream: {}", acks.failed.load(), acks.error));
  return report;
}

}  // namespace mosaic::cluster
