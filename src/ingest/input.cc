// Dispatch of input paths to readers.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "ingest/record.h"
#include "util/text.h"

namespace mosaic {
namespace fs = std::filesystem;

namespace {

Format format_of(const fs::path& path) {
  const std::string ext = lower_ascii(path.extension().string());
  if (ext == ".txt" || ext == ".text") return Format::Text;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::Jsonl;
  if (ext == ".csv") return Format::Csv;
  return Format::Auto;
}

void read_stream(std::istream& in, Format format, const std::string& id, const std::string& name,
                 const ReadOptions& options, const DocumentSink& sink, const ProblemSink& problems) {
  switch (format) {
    case Format::Jsonl: return read_jsonl(in, name, options, sink, problems);
    case Format::Csv: return read_csv(in, name, options, sink, problems);
    default: return read_text(in, id, name, options, sink, problems);
  }
}

void read_file(const fs::path& path, const ReadOptions& options, const DocumentSink& sink,
               const ProblemSink& problems, bool from_folder) {
  const std::string name = path.string();
  Format format = options.format != Format::Auto ? options.format : format_of(path);
  if (format == Format::Auto) {
    // Inside a folder, files of other kinds (images, notes) are passed over.
    if (!from_folder)
      report(problems, Problem::Level::Fatal, name,
             "unknown file type; use --format text|jsonl|csv");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(problems, Problem::Level::Fatal, name, "cannot open file");
    return;
  }
  read_stream(in, format, path.stem().string(), name, options, sink, problems);
}

}  // namespace

Format parse_format(const std::string& name) {
  if (name == "auto") return Format::Auto;
  if (name == "text" || name == "txt") return Format::Text;
  if (name == "jsonl") return Format::Jsonl;
  if (name == "csv") return Format::Csv;
  throw Error(fmt::format("unknown format '{}' (auto, text, jsonl, csv)", name));
}

namespace {

void read_path(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
               const ProblemSink& problems) {
  if (path == "-") {
    Format format = options.format;
    if (format == Format::Auto) {
      // Sniff: a JSON object per line, or plain text.
      const int c = (std::cin >> std::ws).peek();
      format = c == '{' ? Format::Jsonl : Format::Text;
    }
    read_stream(std::cin, format, options.stdin_id, "stdin", options, sink, problems);
    return;
  }
  std::error_code ec;
  const fs::path p(path);
  const auto status = fs::status(p, ec);
  if (ec || !fs::exists(status)) {
    report(problems, Problem::Level::Fatal, path, "no such file or folder");
    return;
  }
  if (!fs::is_directory(status)) return read_file(p, options, sink, problems, false);
  // A folder: its files in name order, so runs are reproducible.
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) report(problems, Problem::Level::Warning, path, "folder not fully readable: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(f, options, sink, problems, true);
}

}  // namespace

void read_input(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
                const ProblemSink& problems) {
  // An input that cannot be read at all (a CSV map naming a missing column)
  // stops that input only; the others still go in.
  try {
    read_path(path, options, sink, problems);
  } catch (const Error& e) {
    report(problems, Problem::Level::Fatal, path, e.what());
  }
}

}  // namespace mosaic
