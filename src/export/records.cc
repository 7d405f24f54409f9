#include "export/records.h"

namespace mosaic {

namespace {

nlohmann::ordered_json or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace

void each_record(const Store& store, const RecordSink& sink) {
  store.for_each_document(
      [&](const Document& d) {
        // Until story detection lands every document is a story of its own.
        sink("documents", {{"id", d.id},
                           {"title", or_null(d.title)},
                           {"source", or_null(d.source)},
                           {"date", or_null(d.date)},
                           {"url", or_null(d.url)},
                           {"origin", d.origin},
                           {"story", d.id},
                           {"duplicate_of", nullptr},
                           {"main_event", nullptr}});
      },
      false);
  store.for_each_actor([&](const ActorSummary& s) {
    sink("actors", {{"id", s.actor.id},
                    {"name", s.actor.name},
                    {"aliases", s.actor.aliases},
                    {"type", s.actor.type},
                    {"country", or_null(s.actor.country)},
                    {"mentions", s.mentions},
                    {"documents", s.documents}});
  });
}

}  // namespace mosaic
