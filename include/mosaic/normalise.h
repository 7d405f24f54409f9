// Normalise: repair what scraping does to news text before anything reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mosaic {

// Lines that are publication boilerplate ("NOW WATCH: ...", newsletter
// footers), as case-insensitive whole-line glob patterns, and markers of
// page furniture run into the text of a scraped line: a list of linked
// headlines ("... 24 Related Four Ceasefire Violations Recorded in ...") or a
// closing list of tags. Loaded from data/boilerplate.txt and any user file.
class Boilerplate {
 public:
  enum class Marker { Headlines, Tags };
  void add(std::string pattern);
  void add_marker(std::string words, Marker kind);
  void load(const std::string& path);  // throws Error when unreadable
  bool matches(std::string_view line) const;
  // The line without the furniture its markers open.
  std::string strip_furniture(std::string_view line) const;
  bool has_markers() const { return !markers_.empty(); }
  std::size_t size() const { return patterns_.size() + markers_.size(); }

 private:
  std::vector<std::string> patterns_;
  std::vector<std::pair<std::string, Marker>> markers_;  // longest first
};

// Turns raw article text into the canonical text all spans point into:
// HTML tags and entities decoded, Unicode NFC, curly quotes and odd spaces
// made plain, thousands split by a space rejoined ("275, 000" -> "275,000"),
// space runs left by removed words collapsed, boilerplate lines dropped.
class Normaliser {
 public:
  explicit Normaliser(const Boilerplate* boilerplate = nullptr);
  std::string operator()(std::string_view raw) const;

 private:
  const Boilerplate* boilerplate_;
};

}  // namespace mosaic
