#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "mosaic/normalise.h"
#include "mosaic/problem.h"
#include "util/text.h"

namespace mosaic {

namespace {

// Words a title-case headline leaves in lower case ("Syrian Army Repels Attack on Western Damascus").
bool headline_small_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"a",    "an",   "the",  "of",   "in",     "on",      "at",  "to",
                                                "for",  "from", "with", "by",   "and",    "or",      "as",  "over",
                                                "into", "after", "near", "amid", "against", "via",    "vs",  "is",
                                                "are",  "was",  "has",  "its",  "it",     "be",      "than", "but",
                                                "up",   "out",  "off",  "per",  "under",  "without", "about"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool sentence_end(std::string_view w) { return w.ends_with('.') || w.ends_with('!'); }

}  // namespace

void Boilerplate::add(std::string pattern) { patterns_.push_back(std::move(pattern)); }

void Boilerplate::add_marker(std::string words, Marker kind) {
  markers_.emplace_back(std::move(words), kind);
  std::stable_sort(markers_.begin(), markers_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

void Boilerplate::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read boilerplate patterns", path));
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view p = trim(line);
    if (p.empty() || p.starts_with('#')) continue;
    for (const auto& [prefix, kind] : {std::pair{std::string_view("headlines:"), Marker::Headlines},
                                       std::pair{std::string_view("tags:"), Marker::Tags}}) {
      if (!p.starts_with(prefix)) continue;
      const std::string_view words = trim(p.substr(prefix.size()));
      if (words.empty()) throw Error(fmt::format("{}:{}: '{}' names no marker words", path, number, prefix));
      add_marker(std::string(words), kind);
      goto next;
    }
    add(std::string(p));
  next:;
  }
}

bool Boilerplate::matches(std::string_view line) const {
  const std::string s(trim(line));
  if (s.empty()) return false;
  for (const auto& p : patterns_)
    if (fnmatch(p.c_str(), s.c_str(), FNM_CASEFOLD) == 0) return true;
  return false;
}

std::string Boilerplate::strip_furniture(std::string_view line) const {
  if (markers_.empty()) return std::string(line);
  // The marker at byte i, whole words, case as written; nullptr if none.
  const auto marker_at = [&](std::size_t i) -> const std::pair<std::string, Marker>* {
    if (i > 0 && line[i - 1] != ' ') return nullptr;
    for (const auto& m : markers_)
      if (line.substr(i).starts_with(m.first) && (i + m.first.size() == line.size() || line[i + m.first.size()] == ' '))
        return &m;
    return nullptr;
  };
  // A marker begins only a word: what runs up to the next word's start is
  // copied at once. (Copied a byte at a time, with every marker tried at
  // each byte, this was 1.5 % of `mosaic bench -j1`'s CPU time.)
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  const auto copy_word = [&] {
    const std::size_t space = line.find(' ', i);
    const std::size_t next = space == std::string_view::npos ? line.size() : space + 1;
    out.append(line.substr(i, next - i));
    i = next;
  };
  while (i < line.size()) {
    const auto* m = marker_at(i);
    if (!m) {
      copy_word();
      continue;
    }
    std::size_t end = i + m->first.size();
    if (m->second == Marker::Tags) {
      // A list of tags closes the page: it runs to the line's end with no sentence in it.
      bool sentence = false;
      for (std::size_t k = end; k < line.size() && !sentence; ++k)
        sentence = (line[k] == '.' || line[k] == '!' || line[k] == '?') && (k + 1 == line.size() || line[k + 1] == ' ');
      if (sentence) {
        copy_word();
        continue;
      }
      end = line.size();
    } else {
      // Linked headlines run while their words are capitalised, numbers or a headline's small
      // words, to a sentence's end or another marker; three capitalised words at least, or it is
      // prose ("Related fighting ...").
      std::size_t k = end, capitals = 0;
      while (k < line.size()) {
        while (k < line.size() && line[k] == ' ') ++k;
        if (k >= line.size() || marker_at(k)) break;
        std::size_t e = line.find(' ', k);
        if (e == std::string_view::npos) e = line.size();
        const std::string_view word = line.substr(k, e - k);
        const unsigned char c = static_cast<unsigned char>(word.front());
        const bool capital = (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!capital && !is_ascii_digit(char(c)) && !std::ispunct(c) && !headline_small_word(lower_ascii(word))) break;
        capitals += capital;
        end = e;
        k = e;
        if (sentence_end(word)) break;
      }
      if (capitals < 3) {
        copy_word();
        continue;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    i = end;
    while (i < line.size() && line[i] == ' ') ++i;
    if (!out.empty() && i < line.size()) out += ' ';
  }
  return out;
}

}  // namespace mosaic
