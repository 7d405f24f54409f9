#include "export/records.h"

#include "mosaic/merge.h"

#include <unordered_map>

namespace mosaic {

namespace {

nlohmann::ordered_json or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json optional_int(const std::optional<int>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json location(const Event& e) {
  if (e.location.empty() && e.admin1.empty()) return nullptr;
  nlohmann::ordered_json l = {{"name", e.location.empty() ? e.admin1 : e.location}};
  if (!e.admin1.empty()) l["admin1"] = e.admin1;
  if (!e.country.empty()) l["country"] = e.country;
  if (e.latitude && e.longitude) l["lat"] = *e.latitude, l["lon"] = *e.longitude;
  return l;
}

nlohmann::ordered_json document_record(const Document& d, const std::string& main_event) {
  return {{"id", d.id},
          {"title", or_null(d.title)},
          {"source", or_null(d.source)},
          {"date", or_null(d.date)},
          {"url", or_null(d.url)},
          {"origin", d.origin},
          {"story", d.story},
          {"duplicate_of", or_null(d.duplicate_of)},
          {"main_event", or_null(main_event)}};
}

nlohmann::ordered_json event_record(const Store::StoredEvent& s) {
  const Event& e = s.event;
  return {{"id", e.id},
          {"doc", s.doc},
          {"event_type", e.event_type},
          {"sub_event_type", e.sub_event_type},
          {"plover_type", or_null(e.plover_type)},
          {"plover_mode", or_null(e.plover_mode)},
          {"actor1", e.actor1},
          {"actor2", e.actor2},
          {"location", location(e)},
          {"geo_precision", e.geo_precision ? nlohmann::ordered_json(e.geo_precision) : nlohmann::ordered_json(nullptr)},
          {"date", or_null(e.date)},
          {"time_precision", e.time_precision ? nlohmann::ordered_json(e.time_precision) : nlohmann::ordered_json(nullptr)},
          {"fatalities", optional_int(e.fatalities)},
          {"civilian_fatalities", optional_int(e.civilian_fatalities)},
          {"main", e.main},
          {"group", e.group},
          {"source", or_null(s.source)},
          {"text", s.evidence}};
}

nlohmann::ordered_json actor_record(const ActorSummary& s) {
  return {{"id", s.actor.id},
          {"name", s.actor.name},
          {"aliases", s.actor.aliases},
          {"type", s.actor.type},
          {"country", or_null(s.actor.country)},
          {"mentions", s.mentions},
          {"documents", s.documents}};
}

nlohmann::ordered_json relation_record(const ActorRelation& r) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const auto& e : r.evidence) evidence.push_back({{"doc", e.doc}, {"text", e.text}, {"source", or_null(e.source)}});
  return {{"type", r.type},
          {"source", r.source},
          {"target", r.target},
          {"weight", r.weight},
          {"first_date", or_null(r.first_date)},
          {"last_date", or_null(r.last_date)},
          {"evidence", evidence}};
}

nlohmann::ordered_json claim_record(const Store::StoredClaim& c) {
  return {{"doc", c.doc},
          {"source", c.claim.source},
          {"stance", c.claim.stance},
          {"about", or_null(c.claim.about)},
          {"text", c.evidence}};
}

nlohmann::ordered_json contradiction_record(const Contradiction& c) {
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (const auto& v : c.values) {
    nlohmann::ordered_json x;
    if (v.value) x["value"] = *v.value;
    x["doc"] = v.doc;
    if (!v.stance.empty()) x["stance"] = v.stance;
    if (!v.source.empty()) x["source"] = v.source;
    if (!v.text.empty()) x["text"] = v.text;
    values.push_back(x);
  }
  return {{"what", c.what}, {"values", values}};
}

std::string json_text(const nlohmann::ordered_json& record, int indent) {
  return record.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void each_record(const Store& store, const RecordSink& sink) {
  std::unordered_map<std::string, std::string> main_event;
  for (auto& [doc, event] : store.main_events()) main_event.emplace(doc, event);
  store.for_each_document(
      [&](const Document& d) {
        const auto main = main_event.find(d.id);
        sink("documents", document_record(d, main == main_event.end() ? "" : main->second));
      },
      false);
  store.for_each_actor([&](const ActorSummary& s) { sink("actors", actor_record(s)); });
  for (const ActorRelation& r : query::relations(store, {})) sink("relations", relation_record(r));
  query::events(store, {}, [&](const Store::StoredEvent& e) { sink("events", event_record(e)); });
  store.for_each_quantity([&](const std::string& doc, const Quantity& q, std::string_view text) {
    nlohmann::ordered_json r = {{"doc", doc}, {"value", q.value}};
    if (q.value_max != q.value) r["value_max"] = q.value_max;
    r["what"] = q.what;
    r["text"] = text;
    sink("quantities", r);
  });
  store.for_each_claim([&](const Store::StoredClaim& c) { sink("claims", claim_record(c)); });
  for (const Contradiction& c : find_contradictions(store)) sink("contradictions", contradiction_record(c));
}

}  // namespace mosaic
