#include "mosaic/export.h"

#include <fmt/format.h>

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
    out << (first_in_array ? "\n" : ",\n") << record.dump();
    first_in_array = false;
  });
  if (!current.empty()) out << "\n]";
  while (next_kind < std::size(kKinds)) out << ",\n\"" << kKinds[next_kind++] << "\":[]";
  out << "\n}\n";
}

void write_jsonl(const Store& store, std::ostream& out) {
  out << json{{"kind", "schema"}, {"schema", "mosaic/1"}}.dump() << '\n';
  each_record(store, [&](std::string_view kind, const json& record) {
    // "documents" -> "document", "quantities" -> "quantity"
    const std::string singular =
        kind.ends_with("ies") ? std::string(kind.substr(0, kind.size() - 3)) + "y" : std::string(kind.substr(0, kind.size() - 1));
    json r = {{"kind", singular}};
    for (const auto& [key, value] : record.items()) r[key] = value;
    out << r.dump() << '\n';
  });
}

// ACLED's layout: one row per event. Events arrive with the events stage;
// until then the table is its header alone.
void write_csv(const Store&, std::ostream& out) {
  const auto& columns = acled_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\r\n";
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
  throw Error(fmt::format("unknown export format '{}' (json, jsonl, csv)", name));
}

void export_store(const Store& store, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::Json: return write_json(store, out);
    case ExportFormat::Jsonl: return write_jsonl(store, out);
    case ExportFormat::Csv: return write_csv(store, out);
  }
}

}  // namespace mosaic
