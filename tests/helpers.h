// Shared test scaffolding: temporary folders and collected problems.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mosaic/ingest.h"
#include "mosaic/pipeline.h"
#include "mosaic/problem.h"

namespace mosaic::test {

// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::filesystem::path path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// Reads an input and keeps what came out, documents and problems alike.
struct Collected {
  std::vector<Document> docs;
  std::vector<Problem> problems;

  DocumentSink sink() { return [this](Document&& d) { docs.push_back(std::move(d)); }; }
  ProblemSink report() { return [this](const Problem& p) { problems.push_back(p); }; }
  bool has_problem(const std::string& where_part, const std::string& what_part) const;
};

Collected read(const std::string& path, const ReadOptions& options = {});

// The bundled knowledge files, loaded once for all tests.
const Resources& bundled();

// The whole pipeline over a text written for a test, reported on `date`.
Document analyse(const std::string& text, const std::string& date = "", const Resources& r = bundled());

// The same for a record that states its country ("Kenya", "KEN", "KE"), as event
// datasets and feeds do.
Document analyse_in(const std::string& country, const std::string& text, const std::string& date = "",
                    const Resources& r = bundled());

// The same for a titled report: the headline, then its body.
Document analyse_titled(const std::string& title, const std::string& body, const std::string& date = "",
                        const Resources& r = bundled());

// The document's main event (what its headline or lead reports), or null.
const Event* main_event(const Document& d);

}  // namespace mosaic::test
