// What every reader does with a record once its fields are known.
#pragma once

#include "mosaic/ingest.h"

namespace mosaic {

// Fields of one record as read, before checks.
struct RawRecord {
  std::string id, title, text, date, source, url, country;
};

// Checks a record (id and text present, size within limits, decodable) and
// builds its Document, reporting problems at `where`. Returns false when the
// record was skipped.
bool make_document(RawRecord&& r, const std::string& where, const ReadOptions& options,
                   const ProblemSink& problems, Document& doc);

void report(const ProblemSink& problems, Problem::Level level, std::string where, std::string what);

}  // namespace mosaic
