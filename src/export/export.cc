#include "mosaic/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "export/records.h"
#include "mosaic/pipeline.h"
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

// RFC 4180 quoting: only the fields that need it.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// ACLED's layout: one row per event, in ACLED's columns. Text is made inert
// for spreadsheets; numbers, which may start with a minus, are not.
void write_csv(const Store& store, const AcledCoding& coding, std::ostream& out) {
  const auto& schema = acled_schema();
  for (std::size_t i = 0; i < schema.size(); ++i) out << (i ? "," : "") << schema[i].name;
  out << "\r\n";
  for_each_acled_row(store, coding, [&](const AcledRow& row) {
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      out << (i ? "," : "")
          << csv_field(schema[i].type == AcledType::Text ? spreadsheet_safe(row.cells[i]) : row.cells[i]);
    out << "\r\n";
  });
}

// GeoJSON for QGIS and web maps: one point per event that has coordinates.
void write_geojson(const Store& store, std::ostream& out) {
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  query::events(store, {}, [&](const Store::StoredEvent& s) {
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

ExportFormat parse_export_format(const std::string& name) {
  if (name == "json") return ExportFormat::Json;
  if (name == "jsonl") return ExportFormat::Jsonl;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "geojson") return ExportFormat::GeoJson;
  throw Error(fmt::format("unknown export format '{}' (json, jsonl, csv, geojson)", name));
}

void export_store(const Store& store, ExportFormat format, std::ostream& out, const AcledCoding& coding) {
  // One snapshot: an export taken while an ingest writes still has every
  // document its events, mentions and claims point at.
  const Store::Snapshot snapshot(store);
  switch (format) {
    case ExportFormat::Json: return write_json(store, out);
    case ExportFormat::Jsonl: return write_jsonl(store, out);
    case ExportFormat::Csv: return write_csv(store, coding, out);
    case ExportFormat::GeoJson: return write_geojson(store, out);
  }
}

void export_store(const Store& store, ExportFormat format, std::ostream& out) {
  export_store(store, format, out,
               format == ExportFormat::Csv ? AcledCoding::load(Resources::default_data_dir()) : AcledCoding());
}

}  // namespace mosaic
