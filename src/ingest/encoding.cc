// Decoding bytes of unknown provenance into UTF-8.
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <memory>

#include "mosaic/ingest.h"

namespace mosaic {
namespace {

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Binary data: NUL bytes, or many control characters in the first 64 KiB.
bool looks_binary(std::string_view s) {
  const std::string_view head = s.substr(0, 64 * 1024);
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size();  // over 5 %
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

std::string windows1252_to_utf8(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open("windows-1252", &status));
  std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::string(s);
  std::string out(s.size() * 3 + 4, '\0');
  char* target = out.data();
  const char* source = s.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, s.data() + s.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

}  // namespace

bool decode_text(std::string_view bytes, std::string& out, bool& recoded) {
  recoded = false;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (looks_binary(bytes)) return false;
  if (is_valid_utf8(bytes)) {
    out.assign(bytes);
  } else {
    out = windows1252_to_utf8(bytes);
    recoded = true;
  }
  return true;
}

}  // namespace mosaic
