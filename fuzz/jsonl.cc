// The JSONL reader over any bytes: it never throws, and what it gives is
// UTF-8 with ISO dates.
#include <sstream>

#include "readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mosaic;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ReadOptions options;
  options.max_doc_bytes = 2048;  // small enough that the fuzzer reaches it
  read_jsonl(in, "fuzz.jsonl", options, fuzz::checked_documents(options.max_doc_bytes), fuzz::checked_problems());
  return 0;
}
