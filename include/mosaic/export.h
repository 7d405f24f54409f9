// Export: the store in formats analysts' tools read. JSON follows the
// "mosaic/1" contract; JSONL is the same records one per line with a "kind";
// CSV is events with ACLED's column names (country as ISO alpha-3); GeoJSON
// is events as points.
#pragma once

#include <ostream>
#include <string>

#include "mosaic/store.h"

namespace mosaic {

enum class ExportFormat { Json, Jsonl, Csv, GeoJson };

ExportFormat parse_export_format(const std::string& name);  // throws Error

// Streams the whole store; memory stays flat however large it is.
void export_store(const Store& store, ExportFormat format, std::ostream& out);

// ACLED's event columns, in ACLED's order.
const std::vector<std::string>& acled_columns();

}  // namespace mosaic
