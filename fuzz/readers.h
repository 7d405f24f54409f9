// A reader's output checked: every document's fields UTF-8, every problem a
// UTF-8 line (problems are shown in answers and logs), every date ISO.
#pragma once

#include <string>

#include "invariants.h"
#include "mosaic/ingest.h"

namespace mosaic::fuzz {

inline void iso_date(const std::string& date) {
  if (date.empty()) return;
  require(date.size() == 10 && date[4] == '-' && date[7] == '-', "a date is YYYY-MM-DD", date);
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) require(date[i] >= '0' && date[i] <= '9', "a date is digits", date);
}

inline DocumentSink checked_documents(std::size_t max_doc_bytes) {
  return [max_doc_bytes](Document&& d) {
    document(d, false);
    require(!d.id.empty(), "a document has an id");
    require(d.raw.size() <= max_doc_bytes, "a document is no larger than the limit", d.id);
    iso_date(d.date);
  };
}

inline ProblemSink checked_problems() {
  return [](const Problem& p) {
    utf8(p.where, "problem's where is UTF-8");
    utf8(p.what, "problem's what is UTF-8");
    require(p.line().find('\n') == std::string::npos, "a problem is one line", p.line());
  };
}

}  // namespace mosaic::fuzz
