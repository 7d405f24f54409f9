// Ingest: read articles from files, folders, JSONL, CSV or stdin and stream
// them as Documents, one at a time, so memory does not grow with the input.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "mosaic/document.h"
#include "mosaic/problem.h"

namespace mosaic {

enum class Format { Auto, Text, Jsonl, Csv };

Format parse_format(const std::string& name);  // throws Error on an unknown name

// Which CSV column holds each document field (id, title, text, date, source,
// url, country). A field not named here is read from a column of its own name when
// the file has one; a column named here must exist.
struct CsvMap {
  std::map<std::string, std::string> columns;

  // Parses "id=unit_id,text=article_content,..."; throws Error on a bad field.
  static CsvMap parse(const std::string& spec);
};

struct ReadOptions {
  Format format = Format::Auto;
  CsvMap csv;
  // Larger documents are reported and skipped without being held in memory.
  std::size_t max_doc_bytes = 16u << 20;
  // Document id for text read from stdin.
  std::string stdin_id = "stdin";
};

// Receives each document read. Its raw text is decoded UTF-8; it has not been
// normalised yet.
using DocumentSink = std::function<void(Document&&)>;

// Reads one input path: a .txt file, a folder (recursively, .txt/.jsonl/.csv),
// a .jsonl or .csv file, or "-" for stdin. Bad records go to `problems` and
// are skipped; an unreadable input is reported as Fatal.
void read_input(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
                const ProblemSink& problems);

// The readers behind read_input, usable on any stream.
void read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems);
void read_csv(std::istream& in, const std::string& name, const ReadOptions& options,
              const DocumentSink& sink, const ProblemSink& problems);
void read_text(std::istream& in, const std::string& id, const std::string& name,
               const ReadOptions& options, const DocumentSink& sink, const ProblemSink& problems);

// How decode_text read its bytes.
enum class TextEncoding {
  Utf8,         // valid UTF-8 (a byte-order mark is dropped)
  Windows1252,  // not UTF-8: read as Windows-1252
  Utf16,        // UTF-16 with its byte-order mark, converted
  Utf16NoMark,  // not decoded: UTF-16 without a byte-order mark (every other byte NUL)
  Binary,       // not decoded: NUL bytes or many control characters
};
// Decodes bytes to UTF-8 into `out` (left alone when they are not decoded).
TextEncoding decode_text(std::string_view bytes, std::string& out);
// Why bytes were not decoded, for a problem's line.
std::string_view undecoded(TextEncoding encoding);

// Parses the date forms news feeds use ("4/5/17", "10/4/2016", "2016-10-04",
// "4 October 2016", "October 4, 2016") into "YYYY-MM-DD". Slashed dates are
// month/day/year. Returns "" when the text is not a date.
std::string parse_date(std::string_view text);

}  // namespace mosaic
