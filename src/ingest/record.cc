#include "ingest/record.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/text.h"

namespace mosaic {

void report(const ProblemSink& problems, Problem::Level level, std::string where, std::string what) {
  // A problem is shown in logs and in JSON answers, so it is UTF-8 whatever
  // it quotes (a JSON parser's message cuts the input at a byte, not a character).
  if (!problems) return;
  if (!valid_utf8(where)) where = repair_utf8(where);
  if (!valid_utf8(what)) what = repair_utf8(what);
  problems(Problem{level, std::move(where), std::move(what)});
}

namespace {

// Decodes one field in place; false when it is not text.
bool decode_field(std::string& field, const char* name, const std::string& where,
                  const ProblemSink& problems) {
  std::string out;
  const TextEncoding encoding = decode_text(field, out);
  if (encoding == TextEncoding::Binary || encoding == TextEncoding::Utf16NoMark) return false;
  if (encoding == TextEncoding::Windows1252)
    report(problems, Problem::Level::Warning, where,
           fmt::format("{} is not valid UTF-8; read as Windows-1252", name));
  field = std::move(out);
  return true;
}

}  // namespace

bool make_document(RawRecord&& r, const std::string& where, const ReadOptions& options,
                   const ProblemSink& problems, Document& doc) {
  using L = Problem::Level;
  // Everything a document keeps is UTF-8, its id first: one stored undecoded
  // made every export of the store fail.
  if (!decode_field(r.id, "id", where, problems)) {
    report(problems, L::Skipped, where, "id is binary data, not text");
    return false;
  }
  const std::string id(trim(r.id));
  if (id.empty()) {
    report(problems, L::Skipped, where, "missing id");
    return false;
  }
  if (std::any_of(id.begin(), id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    report(problems, L::Skipped, where, fmt::format("id '{}' holds control characters", excerpt(id)));
    return false;
  }
  const std::string at = fmt::format("{} (id {})", where, excerpt(id, 80));
  if (r.text.size() > options.max_doc_bytes) {
    report(problems, L::Skipped, at,
           fmt::format("text is {} bytes, over the limit of {}", r.text.size(), options.max_doc_bytes));
    return false;
  }
  if (trim(r.text).empty()) {
    report(problems, L::Skipped, at, "empty text");
    return false;
  }
  if (!decode_field(r.text, "text", at, problems)) {
    report(problems, L::Skipped, at, "binary content, not text");
    return false;
  }
  for (auto* f : {&r.title, &r.source, &r.url, &r.date, &r.country}) {
    if (!decode_field(*f, "a metadata field", at, problems)) f->clear();
  }
  doc = Document{};
  doc.id = id;
  doc.title = std::string(trim(r.title));
  doc.source = std::string(trim(r.source));
  doc.url = std::string(trim(r.url));
  doc.stated_country = std::string(trim(r.country));
  if (!trim(r.date).empty()) {
    doc.date = parse_date(r.date);
    if (doc.date.empty())
      report(problems, L::Warning, at, fmt::format("date '{}' not understood; left empty", excerpt(r.date)));
  }
  doc.origin = where;
  // The headline is part of what the article says: analyse it with the body.
  const std::string_view body = trim(r.text);
  if (!doc.title.empty() && !body.starts_with(doc.title)) {
    doc.raw = doc.title + "\n\n";
    doc.raw += body;
  } else {
    doc.raw = std::string(body);
  }
  return true;
}

}  // namespace mosaic
