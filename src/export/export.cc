#include "mosaic/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "export/records.h"
#include "mosaic/problem.h"

namespace mosaic {
namespace {

using json = nlohmann::ordered_json;

// One JSON object with an array per kind; every kind is present, even empty.
void write_json(const Store& store, std::ostream& out) {
  out << "{\"schema\":\"mosaic/1\"";
  std::size_t next_kind = 0;  // kinds before this one have been opened and closed
  bool first_in_array = true;
  auto open_until = [&](std::string_view kind) {
    while (next_kind < std::size(kKinds)) {
      const bool target = kKinds[next_kind] == kind;
      out << ",\n\"" << kKinds[next_kind] << "\":[";
      ++next_kind;
      first_in_array = true;
      if (target) return;
      out << "]";
    }
  };
  std::string_view current;
  each_record(store, [&](std::string_view kind, const json& record) {
    if (kind != current) {
      if (!current.empty()) out << "\n]";
      open_until(kind);
      current = kind;
    }
    out << (first_in_array ? "\n" : ",\n") << json_text(record);
    first_in_array = false;
  });
  if (!current.empty()) out << "\n]";
  while (next_kind < std::size(kKinds)) out << ",\n\"" << kKinds[next_kind++] << "\":[]";
  out << "\n}\n";
}

void write_jsonl(const Store& store, std::ostream& out) {
  out << json_text(json{{"kind", "schema"}, {"schema", "mosaic/1"}}) << '\n';
  each_record(store, [&](std::string_view kind, const json& record) {
    // "documents" -> "document", "quantities" -> "quantity"
    const std::string singular =
        kind.ends_with("ies") ? std::string(kind.substr(0, kind.size() - 3)) + "y" : std::string(kind.substr(0, kind.size() - 1));
    json r = {{"kind", singular}};
    for (const auto& [key, value] : record.items()) r[key] = value;
    out << json_text(r) << '\n';
  });
}

// ACLED's interaction codes by actor type: 1 state forces, 2 rebels,
// 3 political militias, 4 identity militias, 6 protesters, 7 civilians,
// 8 external/other forces.
int inter_code(const std::string& type) {
  static const std::unordered_map<std::string, int> kCodes = {
      {"state", 1},            {"state_forces", 1}, {"rebel_group", 2}, {"political_militia", 3},
      {"identity_militia", 4}, {"protesters", 6},   {"civilians", 7},   {"external_forces", 8}, {"igo", 8}};
  const auto it = kCodes.find(type);
  return it == kCodes.end() ? 0 : it->second;
}

// RFC 4180 quoting: only the fields that need it.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// A cell of text from the articles: one starting as a formula would
// (=, +, -, @, a tab or a carriage return) is run by a spreadsheet opening
// the file ("=HYPERLINK(...)" in a name or a quote), so it starts with an
// apostrophe instead, which spreadsheets show as text and do not display.
std::string csv_text(std::string_view s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos) return csv_field(s);
  std::string text(1, '\'');
  text.append(s);
  return csv_field(text);
}

// ACLED's layout: one row per event, actors by name, associated actors joined by "; ".
void write_csv(const Store& store, std::ostream& out) {
  const auto& columns = acled_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\r\n";
  std::unordered_map<std::string, Actor> actors;
  store.for_each_actor([&](const ActorSummary& s) { actors.emplace(s.actor.id, s.actor); });
  auto name = [&](const std::string& id) { return actors.count(id) ? actors.at(id).name : id; };
  auto type = [&](const std::string& id) { return actors.count(id) ? actors.at(id).type : std::string(); };
  // One row per event: its reports in other documents add their sources, and
  // the toll is the most conservative reported.
  std::unordered_map<std::string, std::pair<std::vector<std::string>, std::optional<int>>> groups;
  store.for_each_event({}, [&](const Store::StoredEvent& s) {
    auto& [sources, toll] = groups[s.event.group];
    if (!s.source.empty() && std::find(sources.begin(), sources.end(), s.source) == sources.end())
      sources.push_back(s.source);
    if (s.event.fatalities && (!toll || *s.event.fatalities < *toll)) toll = s.event.fatalities;
  });
  store.for_each_event({}, [&](const Store::StoredEvent& s) {
    const Event& e = s.event;
    if (e.group != e.id) return;  // a repeat: its source is on the group's row
    const auto& [sources, toll] = groups[e.group];
    std::string source;
    for (const auto& x : sources) source += (source.empty() ? "" : "; ") + x;
    auto side = [&](const std::vector<std::string>& ids, std::string& main, std::string& assoc, int& inter) {
      if (ids.empty()) return;
      main = name(ids.front());
      inter = inter_code(type(ids.front()));
      for (std::size_t i = 1; i < ids.size(); ++i) assoc += (assoc.empty() ? "" : "; ") + name(ids[i]);
    };
    std::string a1, assoc1, a2, assoc2;
    int inter1 = 0, inter2 = 0;
    side(e.actor1, a1, assoc1, inter1);
    side(e.actor2, a2, assoc2, inter2);
    const int interaction = inter2 ? std::min(inter1, inter2) * 10 + std::max(inter1, inter2) : inter1 * 10;
    const std::vector<std::string> row = {
        e.id, e.date, e.date.size() >= 4 ? e.date.substr(0, 4) : "",
        e.time_precision ? std::to_string(e.time_precision) : "", e.event_type, e.sub_event_type,
        a1, assoc1, std::to_string(inter1), a2, assoc2, inter2 ? std::to_string(inter2) : "",
        std::to_string(interaction), e.country, e.admin1, e.location,
        e.latitude ? fmt::format("{:.4f}", *e.latitude) : "", e.longitude ? fmt::format("{:.4f}", *e.longitude) : "",
        e.geo_precision ? std::to_string(e.geo_precision) : "", source, s.evidence,
        std::to_string(toll.value_or(0))};
    // Numbers are written as numbers (a longitude may be negative); every other cell is text.
    static constexpr bool kNumber[] = {false, false, true,  true,  false, false, false, false, true,  false, false,
                                       true,  true,  false, false, false, true,  true,  true,  false, false, true};
    static_assert(std::size(kNumber) == 22);
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << (kNumber[i] ? csv_field(row[i]) : csv_text(row[i]));
    out << "\r\n";
  });
}

// GeoJSON for QGIS and web maps: one point per event that has coordinates.
void write_geojson(const Store& store, std::ostream& out) {
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  store.for_each_event({}, [&](const Store::StoredEvent& s) {
    const Event& e = s.event;
    if (!e.latitude || !e.longitude || e.group != e.id) return;  // one feature per event, not per report
    nlohmann::ordered_json f = {{"type", "Feature"},
                                {"geometry", {{"type", "Point"}, {"coordinates", {*e.longitude, *e.latitude}}}},
                                {"properties", event_record(s)}};
    out << (first ? "\n" : ",\n") << json_text(f);
    first = false;
  });
  out << "\n]}\n";
}

}  // namespace

const std::vector<std::string>& acled_columns() {
  static const std::vector<std::string> columns = {
      "event_id_cnty", "event_date", "year",          "time_precision", "event_type",   "sub_event_type",
      "actor1",        "assoc_actor_1", "inter1",     "actor2",         "assoc_actor_2", "inter2",
      "interaction",   "country",    "admin1",        "location",       "latitude",     "longitude",
      "geo_precision", "source",     "notes",         "fatalities"};
  return columns;
}

ExportFormat parse_export_format(const std::string& name) {
  if (name == "json") return ExportFormat::Json;
  if (name == "jsonl") return ExportFormat::Jsonl;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "geojson") return ExportFormat::GeoJson;
  throw Error(fmt::format("unknown export format '{}' (json, jsonl, csv, geojson)", name));
}

void export_store(const Store& store, ExportFormat format, std::ostream& out) {
  // One snapshot: an export taken while an ingest writes still has every
  // document its events, mentions and claims point at.
  const Store::Snapshot snapshot(store);
  switch (format) {
    case ExportFormat::Json: return write_json(store, out);
    case ExportFormat::Jsonl: return write_jsonl(store, out);
    case ExportFormat::Csv: return write_csv(store, out);
    case ExportFormat::GeoJson: return write_geojson(store, out);
  }
}

}  // namespace mosaic
