// A stream decoded to UTF-8 as it is read, for the readers of JSONL and CSV:
// a UTF-8 byte-order mark is dropped, UTF-16 with its mark is converted, and
// UTF-16 without one is told (its every other byte is NUL) rather than read.
#pragma once

#include <istream>
#include <memory>

#include "mosaic/ingest.h"

namespace mosaic {

class DecodedStream : public std::istream {
 public:
  explicit DecodedStream(std::istream& source);
  ~DecodedStream() override;
  // What the stream starts with: Utf8 (UTF-8 or anything else byte-wise; lines
  // are checked one by one), Utf16 (converted) or Utf16NoMark (passed through
  // undecoded: the reader should refuse it).
  TextEncoding encoding();

 private:
  struct Buffer;
  std::unique_ptr<Buffer> buffer_;
};

}  // namespace mosaic
