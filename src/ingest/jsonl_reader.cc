// JSON Lines: one article object per line.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ingest/line_reader.h"
#include "ingest/record.h"
#include "util/text.h"

namespace mosaic {
namespace {

using json = nlohmann::json;

// "[json.exception.parse_error.101] parse error at line 1, column 9: ..." ->
// "column 9: ...": the line is already in `where`.
std::string parse_message(const json::parse_error& e) {
  std::string m = e.what();
  if (auto p = m.find("column "); p != std::string::npos) m = m.substr(p);
  return m;
}

bool field(const json& obj, const char* key, std::string& out, const std::string& where,
           const ProblemSink& problems) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (it->is_string()) {
    out = it->get<std::string>();
  } else if (it->is_number_integer() || it->is_number_unsigned()) {
    out = it->dump();
  } else {
    report(problems, Problem::Level::Warning, where, fmt::format("field '{}' is not a string; ignored", key));
    return false;
  }
  return true;
}

}  // namespace

void read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems) {
  // A record is its text plus metadata: allow room for the latter.
  LineReader lines(in, options.max_doc_bytes + (64u << 10));
  std::string line, decoded;
  bool overlong = false, any = false;
  while (lines.next(line, overlong)) {
    const std::string where = fmt::format("{}:{}", name, lines.line_number());
    if (overlong) {
      any = true;
      report(problems, Problem::Level::Skipped, where,
             fmt::format("line is over the limit of {} bytes per document", options.max_doc_bytes));
      continue;
    }
    if (trim(line).empty()) continue;
    any = true;
    bool recoded = false;
    if (!decode_text(line, decoded, recoded)) {
      report(problems, Problem::Level::Skipped, where, "binary data, not JSON");
      continue;
    }
    if (recoded) report(problems, Problem::Level::Warning, where, "not valid UTF-8; read as Windows-1252");
    json obj;
    try {
      obj = json::parse(decoded);
    } catch (const json::parse_error& e) {
      report(problems, Problem::Level::Skipped, where, "invalid JSON at " + parse_message(e));
      continue;
    }
    if (!obj.is_object()) {
      report(problems, Problem::Level::Skipped, where, "not a JSON object");
      continue;
    }
    RawRecord r;
    field(obj, "id", r.id, where, problems);
    if (!field(obj, "text", r.text, where, problems) && !r.id.empty()) {
      report(problems, Problem::Level::Skipped, where + " (id " + r.id + ")", "missing text");
      continue;
    }
    field(obj, "title", r.title, where, problems);
    field(obj, "source", r.source, where, problems);
    field(obj, "date", r.date, where, problems);
    field(obj, "url", r.url, where, problems);
    Document doc;
    if (make_document(std::move(r), where, options, problems, doc)) sink(std::move(doc));
  }
  if (!any) report(problems, Problem::Level::Skipped, name, "empty file");
}

}  // namespace mosaic
