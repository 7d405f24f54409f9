// Plain-text articles: one file, one document.
#include <fmt/format.h>

#include <iterator>

#include "ingest/record.h"
#include "util/text.h"

namespace mosaic {
namespace {

// A first line that is short and does not end a sentence is a headline.
std::string headline(std::string_view text) {
  const auto nl = text.find('\n');
  if (nl == std::string_view::npos) return "";
  const std::string_view first = trim(text.substr(0, nl));
  if (first.empty() || first.size() > 200) return "";
  const char last = first.back();
  if (last == '.' || last == ':' || last == ';' || last == ',') return "";
  return std::string(first);
}

}  // namespace

void read_text(std::istream& in, const std::string& id, const std::string& stream_name,
               const ReadOptions& options, const DocumentSink& sink, const ProblemSink& problems) {
  const std::string name = repair_utf8(stream_name);
  // Read at most one byte past the limit: enough to know the file is too big.
  std::string bytes;
  std::vector<char> buf(1 << 16);
  while (in && bytes.size() <= options.max_doc_bytes) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    bytes.append(buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (bytes.empty()) {
    report(problems, Problem::Level::Skipped, name, "empty file");
    return;
  }
  if (bytes.size() > options.max_doc_bytes) {
    report(problems, Problem::Level::Skipped, name,
           fmt::format("over the limit of {} bytes per document", options.max_doc_bytes));
    return;
  }
  std::string decoded;
  const TextEncoding encoding = decode_text(bytes, decoded);
  if (encoding == TextEncoding::Binary || encoding == TextEncoding::Utf16NoMark) {
    report(problems, Problem::Level::Skipped, name, std::string(undecoded(encoding)));
    return;
  }
  if (encoding == TextEncoding::Windows1252)
    report(problems, Problem::Level::Warning, name, "not valid UTF-8; read as Windows-1252");
  RawRecord r;
  r.id = id;
  r.title = headline(decoded);
  r.text = std::move(decoded);
  Document doc;
  if (make_document(std::move(r), name, options, problems, doc)) sink(std::move(doc));
}

}  // namespace mosaic
