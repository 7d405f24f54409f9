// The CSV reader over any bytes, with the default columns and with a column
// map: it never throws, and what it gives is UTF-8 with ISO dates.
#include <sstream>

#include "readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mosaic;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_doc_bytes = 2048;
  // The bytes read with the default columns, then through a map naming
  // others. A header lacking a needed column is an Error (the one exception
  // the reader throws: the command cannot go on), told in one UTF-8 line.
  for (const char* map : {"", "id=key,text=body,date=published"}) {
    options.csv = CsvMap::parse(map);
    std::istringstream in(bytes);
    try {
      read_csv(in, "fuzz.csv", options, fuzz::checked_documents(options.max_doc_bytes), fuzz::checked_problems());
    } catch (const Error& e) {
      const std::string_view what = e.what();
      fuzz::utf8(what, "an error is UTF-8");
      fuzz::require(what.find('\n') == std::string_view::npos, "an error is one line", what);
    }
  }
  return 0;
}
