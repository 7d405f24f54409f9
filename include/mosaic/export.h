// Export: the store in formats analysts' tools read. JSON follows the
// "mosaic/1" contract; JSONL is the same records one per line with a "kind";
// CSV is events in ACLED's export schema, column for column; GeoJSON is
// events as points.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "mosaic/store.h"

namespace mosaic {

enum class ExportFormat { Json, Jsonl, Csv, GeoJson };

ExportFormat parse_export_format(const std::string& name);  // throws Error

// ACLED's columns, in ACLED's order, with the type each holds.
enum class AcledType { Text, Integer, Real, Date };
struct AcledColumn {
  std::string name;
  AcledType type;
};
const std::vector<AcledColumn>& acled_schema();
const std::vector<std::string>& acled_columns();  // the names alone

// How ACLED codes what Mosaic knows: country names, numeric codes and regions,
// actor type labels, disorder types, civilian targeting, unnamed perpetrators
// and source scales, from data/export/ and Debian's iso-codes.
class AcledCoding {
 public:
  // Throws Error naming the file and line of a malformed row.
  static AcledCoding load(const std::string& data_dir, const std::string& iso_codes = "");

  AcledCoding();
  ~AcledCoding();
  AcledCoding(AcledCoding&&) noexcept;
  AcledCoding& operator=(AcledCoding&&) noexcept;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// One event as a row of ACLED's export: cells in acled_schema()'s order,
// empty where the value is unknown (numbers as ACLED writes them).
struct AcledRow {
  std::string id;  // Mosaic's id of the event (its first report)
  std::vector<std::string> cells;
};

// Every event once (its reports in other documents merged: their sources
// listed, the most conservative toll kept), in the store's order.
void for_each_acled_row(const Store& store, const AcledCoding& coding, const std::function<void(const AcledRow&)>& fn);

// A cell that a spreadsheet would run as a formula (it starts with =, +, -,
// @, a tab or a carriage return) made inert with a leading apostrophe, as
// OWASP advises for CSV files; other text is returned as it is.
std::string spreadsheet_safe(std::string_view cell);

// Streams the whole store; memory stays flat however large it is. The CSV
// needs ACLED's coding; the overload without one loads the bundled files.
void export_store(const Store& store, ExportFormat format, std::ostream& out, const AcledCoding& coding);
void export_store(const Store& store, ExportFormat format, std::ostream& out);

}  // namespace mosaic
