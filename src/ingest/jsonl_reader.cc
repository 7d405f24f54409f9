// JSON Lines: one article object per line.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "ingest/encoding.h"
#include "ingest/line_reader.h"
#include "ingest/record.h"
#include "util/text.h"

namespace mosaic {
namespace {

using json = nlohmann::json;

// A member of the record's object as read: its text when it is a string or
// an integer, else only whether it is null or something else.
struct Member {
  enum class Kind { Text, Null, Other } kind = Kind::Other;
  std::string text;
};

// Reads one line's object without building it: the members of the outer
// object that are strings or integers are kept, nested values are passed
// over. A number too large for a double (1e400, valid JSON) is noted where it
// stands rather than failing the line: the parser stops there, and the line
// is read again with that number taken as null.
class Record final : public json::json_sax_t {
 public:
  std::map<std::string, Member> members;
  bool object = false;                  // the line is an object
  std::optional<std::string> error;     // why the line is not JSON
  std::optional<std::pair<std::size_t, std::size_t>> overflow;  // [begin, end) of a number too large

  bool null() override { return value({Member::Kind::Null, {}}); }
  bool boolean(bool) override { return value({}); }
  bool number_integer(number_integer_t v) override { return value({Member::Kind::Text, std::to_string(v)}); }
  bool number_unsigned(number_unsigned_t v) override { return value({Member::Kind::Text, std::to_string(v)}); }
  bool number_float(number_float_t, const string_t&) override { return value({}); }
  bool string(string_t& v) override { return value({Member::Kind::Text, std::move(v)}); }
  bool binary(binary_t&) override { return value({}); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) object = true;
    else if (depth_ == 1) value({});
    ++depth_;
    return true;
  }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override {
    if (depth_ == 1) value({});
    ++depth_;
    return true;
  }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) override {
    if (e.id == 406 && position >= token.size()) overflow.emplace(position - token.size(), position);
    else error = message(e.what());
    return false;
  }

 private:
  // "[json.exception.parse_error.101] parse error at line 1, column 9: ..." ->
  // "column 9: ...": the line is already in `where`.
  static std::string message(std::string m) {
    if (auto p = m.find("column "); p != std::string::npos) m = m.substr(p);
    return m;
  }
  bool value(Member m) {
    if (depth_ == 1) members[key_] = std::move(m);  // a repeated key keeps its last value, as JSON parsers do
    return true;
  }
  int depth_ = 0;
  std::string key_;
};

// Reads a line; numbers too large for a double become null, a few at most.
Record parse(std::string& line) {
  for (int tries = 0;; ++tries) {
    Record r;
    json::sax_parse(line, &r);
    if (!r.overflow) return r;
    if (tries == 8) {
      r.error = "too many numbers too large to read";
      return r;
    }
    const auto [begin, end] = *r.overflow;
    line.replace(begin, end - begin, "null");
  }
}

bool field(const Record& r, const char* key, std::string& out, const std::string& where, const ProblemSink& problems) {
  const auto it = r.members.find(key);
  if (it == r.members.end() || it->second.kind == Member::Kind::Null) return false;
  if (it->second.kind == Member::Kind::Other) {
    report(problems, Problem::Level::Warning, where, fmt::format("field '{}' is not a string; ignored", key));
    return false;
  }
  out = it->second.text;
  return true;
}

}  // namespace

void read_jsonl(std::istream& raw, const std::string& stream_name, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems) {
  const std::string name = repair_utf8(stream_name);
  DecodedStream in(raw);
  if (const TextEncoding e = in.encoding(); e == TextEncoding::Utf16NoMark) {
    report(problems, Problem::Level::Fatal, name, std::string(undecoded(e)));
    return;
  }
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
    const TextEncoding encoding = decode_text(line, decoded);
    if (encoding == TextEncoding::Binary || encoding == TextEncoding::Utf16NoMark) {
      report(problems, Problem::Level::Skipped, where, fmt::format("{}, not JSON", undecoded(encoding)));
      continue;
    }
    if (encoding == TextEncoding::Windows1252)
      report(problems, Problem::Level::Warning, where, "not valid UTF-8; read as Windows-1252");
    const Record obj = parse(decoded);
    if (obj.error) {
      report(problems, Problem::Level::Skipped, where, "invalid JSON at " + *obj.error);
      continue;
    }
    if (!obj.object) {
      report(problems, Problem::Level::Skipped, where, "not a JSON object");
      continue;
    }
    RawRecord r;
    field(obj, "id", r.id, where, problems);
    if (!field(obj, "text", r.text, where, problems) && !r.id.empty()) {
      report(problems, Problem::Level::Skipped, where + " (id " + excerpt(r.id) + ")", "missing text");
      continue;
    }
    field(obj, "title", r.title, where, problems);
    field(obj, "source", r.source, where, problems);
    field(obj, "date", r.date, where, problems);
    field(obj, "url", r.url, where, problems);
    field(obj, "country", r.country, where, problems);
    Document doc;
    if (make_document(std::move(r), where, options, problems, doc)) sink(std::move(doc));
  }
  if (!any) report(problems, Problem::Level::Skipped, name, "empty file");
}

}  // namespace mosaic
