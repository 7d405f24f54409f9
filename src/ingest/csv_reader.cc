// CSV (RFC 4180, with a header row) mapped to document fields.
//
// The parser is our own rather than libcsv because ingestion needs two things
// libcsv does not give: the line where each record starts, for one-line errors,
// and dropping an oversized record while it streams past, for bounded memory.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "ingest/encoding.h"
#include "ingest/record.h"
#include "util/text.h"

namespace mosaic {
namespace {

constexpr std::array<const char*, 7> kFields = {"id", "title", "text", "date", "source", "url", "country"};

// Streams records out of CSV text, one call at a time.
class CsvParser {
 public:
  CsvParser(std::istream& in, std::size_t max_record) : in_(in), max_(max_record), buf_(1 << 16) {}

  enum class Status { Record, End, Unterminated };

  // Reads the next record into `fields`, keeping at most `keep` of them (the
  // rest are counted in fields_read(), not stored: a row of commas costs no
  // memory). `oversized` is set when the record exceeded the cap (its fields
  // are then incomplete); every field kept counts against the cap as well as
  // its bytes.
  Status next(std::vector<std::string>& fields, bool& oversized, std::size_t keep = SIZE_MAX) {
    fields.clear();
    field_.clear();
    oversized = false;
    count_ = 0;
    stray_line_ = 0;
    std::size_t bytes = 0;
    bool quoted = false, after_quote = false, any = false;
    start_line_ = line_;
    auto end_field = [&] {
      if (count_++ < keep) {
        fields.push_back(std::move(field_));
        add(sizeof(std::string), bytes, oversized);
      }
      field_.clear();
      after_quote = false;
    };
    int c;
    while ((c = get()) != EOF) {
      any = true;
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            get();
            append('"', bytes, oversized);
          } else {
            quoted = false;
            after_quote = true;
          }
        } else {
          if (c == '\n') ++line_;
          append(static_cast<char>(c), bytes, oversized);
        }
        continue;
      }
      if (c == ',') {
        end_field();
      } else if (c == '\n') {
        ++line_;
        end_field();
        return Status::Record;
      } else if (c == '\r') {
        // Part of a CRLF line end; a lone CR inside a field is kept.
        if (peek() != '\n') append('\r', bytes, oversized);
      } else if (c == '"' && field_.empty() && !after_quote) {
        quoted = true;
        quote_line_ = line_;
      } else {
        // Text right after a closing quote: the quote was not one (a stray
        // quote opens a field that swallows the records after it up to the
        // next quote). The record is reported, not read.
        if (after_quote && !stray_line_) stray_line_ = quote_line_;
        append(static_cast<char>(c), bytes, oversized);
      }
    }
    if (quoted) return Status::Unterminated;
    if (!any) return Status::End;
    end_field();
    return Status::Record;
  }

  std::size_t start_line() const { return start_line_; }
  std::size_t quote_line() const { return quote_line_; }
  std::size_t fields_read() const { return count_; }
  // The line where the quote opened that text followed after it closed, or 0.
  std::size_t stray_quote_line() const { return stray_line_; }

 private:
  void add(std::size_t n, std::size_t& bytes, bool& oversized) const {
    bytes += n;
    if (bytes > max_) oversized = true;
  }
  void append(char c, std::size_t& bytes, bool& oversized) {
    add(1, bytes, oversized);
    if (!oversized) field_ += c;
  }
  int get() {
    if (pos_ == end_ && !fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {
    if (pos_ == end_ && !fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  bool fill() {
    in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    end_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    return end_ > 0;
  }

  std::istream& in_;
  std::size_t max_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::string field_;
  std::size_t line_ = 1, start_line_ = 1, quote_line_ = 1, count_ = 0, stray_line_ = 0;
};

// The header's names for an error's one line: each on one line and short,
// the first 20 of them.
std::string column_list(const std::vector<std::string>& header) {
  std::string out;
  for (std::size_t i = 0; i < header.size() && i < 20; ++i) out += (i ? ", " : "") + excerpt(header[i], 60);
  if (header.size() > 20) out += fmt::format(", ... ({} more)", header.size() - 20);
  return out;
}

}  // namespace

CsvMap CsvMap::parse(const std::string& spec) {
  CsvMap map;
  std::string_view rest = spec;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos)
      throw Error(fmt::format("--csv-map: '{}' is not field=column", item));
    const std::string key(trim(item.substr(0, eq)));
    const std::string column(trim(item.substr(eq + 1)));
    if (std::find_if(kFields.begin(), kFields.end(), [&](const char* f) { return key == f; }) == kFields.end())
      throw Error(fmt::format("--csv-map: unknown field '{}' (fields: id, title, text, date, source, url, country)", key));
    if (column.empty()) throw Error(fmt::format("--csv-map: field '{}' has no column", key));
    map.columns[key] = column;
  }
  return map;
}

void read_csv(std::istream& raw, const std::string& stream_name, const ReadOptions& options,
              const DocumentSink& sink, const ProblemSink& problems) {
  using L = Problem::Level;
  const std::string name = repair_utf8(stream_name);
  // Excel's "CSV UTF-8" starts with a byte-order mark; its "Unicode text" is UTF-16.
  DecodedStream in(raw);
  if (const TextEncoding e = in.encoding(); e == TextEncoding::Utf16NoMark) {
    report(problems, L::Fatal, name, std::string(undecoded(e)));
    return;
  }
  // A record holds the text plus metadata columns: allow room for the latter.
  CsvParser parser(in, options.max_doc_bytes + (1u << 20));
  std::vector<std::string> header, fields;
  bool oversized = false;
  if (parser.next(header, oversized) != CsvParser::Status::Record || oversized) {
    report(problems, L::Skipped, name, header.empty() ? "empty file" : "no readable header row");
    return;
  }
  // Column names are decoded as fields are (a name in Windows-1252 is read
  // as such): they are matched against the map and quoted in errors.
  for (auto& h : header) {
    std::string decoded;
    const TextEncoding e = decode_text(h, decoded);
    if (e == TextEncoding::Binary || e == TextEncoding::Utf16NoMark) decoded = repair_utf8(h);
    h = std::string(trim(decoded));
  }
  // Column index for each field; an explicitly mapped column must exist.
  std::array<std::optional<std::size_t>, kFields.size()> index;
  for (std::size_t f = 0; f < kFields.size(); ++f) {
    const auto mapped = options.csv.columns.find(kFields[f]);
    const std::string want = mapped != options.csv.columns.end() ? mapped->second : kFields[f];
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == want) index[f] = c;
    if (!index[f] && mapped != options.csv.columns.end())
      throw Error(fmt::format("--csv-map {}={}: no such column (columns: {})", kFields[f], want,
                              column_list(header)));
  }
  for (std::size_t f : {0u, 2u}) {
    if (!index[f])
      throw Error(fmt::format("no '{}' column; map one with --csv-map {}=COLUMN (columns: {})", kFields[f],
                              kFields[f], column_list(header)));
  }
  std::size_t record = 0;
  for (;;) {
    const auto status = parser.next(fields, oversized, header.size());
    if (status == CsvParser::Status::End) break;
    ++record;
    const std::string where = fmt::format("{}:{} (record {})", name, parser.start_line(), record);
    if (status == CsvParser::Status::Unterminated) {
      report(problems, L::Skipped, where,
             fmt::format("quoted field opened on line {} is never closed; the rest of the file is unreadable",
                         parser.quote_line()));
      break;
    }
    if (parser.fields_read() == 1 && !fields.empty() && trim(fields[0]).empty()) continue;  // blank line
    if (oversized) {
      report(problems, L::Skipped, where,
             fmt::format("record is over the limit of {} bytes per document", options.max_doc_bytes));
      continue;
    }
    if (const std::size_t line = parser.stray_quote_line()) {
      report(problems, L::Skipped, where,
             fmt::format("the quote opened on line {} is followed by text after it closes: a stray quote (one "
                         "inside a quoted field is written twice), which joins the lines after it into this "
                         "record; not read",
                         line));
      continue;
    }
    if (parser.fields_read() != header.size()) {
      report(problems, L::Skipped, where,
             fmt::format("{} fields where the header has {}", parser.fields_read(), header.size()));
      continue;
    }
    RawRecord r;
    std::array<std::string*, kFields.size()> out = {&r.id, &r.title, &r.text, &r.date, &r.source, &r.url, &r.country};
    for (std::size_t f = 0; f < kFields.size(); ++f)
      if (index[f]) *out[f] = std::move(fields[*index[f]]);
    Document doc;
    if (make_document(std::move(r), where, options, problems, doc)) sink(std::move(doc));
  }
}

}  // namespace mosaic
