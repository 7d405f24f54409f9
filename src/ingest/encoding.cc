// Decoding bytes of unknown provenance into UTF-8: a whole text at once, or a
// stream (JSONL, CSV) as it is read.
#include "ingest/encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>

#include "util/text.h"

namespace mosaic {
namespace {

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

// UTF-16 written without a byte-order mark: text in Latin letters has a NUL
// as every other byte, and nowhere else.
bool looks_utf16(std::string_view s) {
  const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 4096) & ~std::size_t(1));
  if (head.size() < 4) return false;
  std::size_t nul[2] = {0, 0};
  for (std::size_t i = 0; i < head.size(); ++i) nul[i % 2] += head[i] == '\0';
  const std::size_t half = head.size() / 2;
  return (nul[0] * 10 >= half * 9 && nul[1] * 10 < half) || (nul[1] * 10 >= half * 9 && nul[0] * 10 < half);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  return c;
}

// Converts bytes in `from` to UTF-8, appending to `out`; keeps its state
// between calls until `flush`, so a stream may arrive in pieces.
class ToUtf8 {
 public:
  explicit ToUtf8(const char* from) : from_(open_converter(from)), to_(open_converter("UTF-8")) {}
  bool ok() const { return from_ && to_; }
  void convert(std::string_view in, std::string& out, bool flush) {
    const char* source = in.data();
    const char* const source_end = in.data() + in.size();
    for (;;) {
      const std::size_t at = out.size();
      out.resize(at + in.size() * 2 + 64);
      char* target = out.data() + at;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to_.get(), from_.get(), &target, out.data() + out.size(), &source, source_end, pivot_,
                     &pivot_source_, &pivot_target_, pivot_ + kPivot, false, flush, &status);
      out.resize(static_cast<std::size_t>(target - out.data()));
      if (status != U_BUFFER_OVERFLOW_ERROR) return;
    }
  }

 private:
  static constexpr int kPivot = 1024;
  Converter from_, to_;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = pivot_;
  UChar* pivot_target_ = pivot_;
};

std::string convert_all(const char* from, std::string_view in) {
  ToUtf8 c(from);
  std::string out;
  if (c.ok()) c.convert(in, out, true);
  return out;
}

// The byte-order mark a text starts with, if any: its encoding for ICU and its length.
std::pair<const char*, std::size_t> byte_order_mark(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (s.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (s.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  return {nullptr, 0};
}

}  // namespace

TextEncoding decode_text(std::string_view bytes, std::string& out) {
  const auto [mark, length] = byte_order_mark(bytes);
  bytes.remove_prefix(length);
  if (mark && std::string_view(mark) != "UTF-8") {
    out = convert_all(mark, bytes);
    return TextEncoding::Utf16;
  }
  if (looks_utf16(bytes)) return TextEncoding::Utf16NoMark;
  if (looks_binary(bytes)) return TextEncoding::Binary;
  if (valid_utf8(bytes)) {
    out.assign(bytes);
    return TextEncoding::Utf8;
  }
  out = convert_all("windows-1252", bytes);
  return TextEncoding::Windows1252;
}

std::string_view undecoded(TextEncoding e) {
  return e == TextEncoding::Utf16NoMark
             ? "UTF-16 without a byte-order mark; save it as UTF-8 (or as UTF-16 with its mark)"
             : "binary data, not text";
}

// --- a stream decoded as it is read

struct DecodedStream::Buffer : std::streambuf {
  explicit Buffer(std::istream& from) : source(from), raw(1 << 16) {}

  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    decoded.clear();
    while (decoded.empty() && !done) {
      source.read(raw.data(), static_cast<std::streamsize>(raw.size()));
      std::string_view chunk(raw.data(), static_cast<std::size_t>(source.gcount()));
      done = chunk.empty();
      if (first && !done) {
        first = false;
        const auto [mark, length] = byte_order_mark(chunk);
        chunk.remove_prefix(length);
        if (mark && std::string_view(mark) != "UTF-8") utf16.emplace(mark), encoding = TextEncoding::Utf16;
        else if (looks_utf16(chunk)) encoding = TextEncoding::Utf16NoMark;
      }
      if (utf16 && utf16->ok()) utf16->convert(chunk, decoded, done);
      else decoded.assign(chunk);
    }
    if (decoded.empty()) return traits_type::eof();
    setg(decoded.data(), decoded.data(), decoded.data() + decoded.size());
    return traits_type::to_int_type(*gptr());
  }

  std::istream& source;
  std::vector<char> raw;
  std::string decoded;
  std::optional<ToUtf8> utf16;
  TextEncoding encoding = TextEncoding::Utf8;
  bool first = true, done = false;
};

DecodedStream::DecodedStream(std::istream& source)
    : std::istream(nullptr), buffer_(std::make_unique<Buffer>(source)) {
  rdbuf(buffer_.get());
}

DecodedStream::~DecodedStream() = default;

TextEncoding DecodedStream::encoding() {
  if (buffer_->first) peek();
  return buffer_->encoding;
}

}  // namespace mosaic
