#include "extract/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "mosaic/problem.h"
#include "util/keys.h"
#include "util/text.h"
#include "util/tsv.h"

namespace mosaic {

void read_rules(const std::string& path, std::size_t columns, WordClasses& classes,
                const std::function<void(const std::vector<std::string>&, std::size_t)>& row) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot read");
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    const std::string_view content = trim(line);
    if (content.empty() || content.starts_with('#')) continue;
    if (content.starts_with('@') && content.find('\t') == std::string_view::npos) {
      const auto eq = content.find('=');
      if (eq == std::string_view::npos) throw Error(fmt::format("{}:{}: a class is '@name = words'", path, n));
      auto& words = classes[std::string(trim(content.substr(0, eq)))];
      for (const auto& w : split_list(content.substr(eq + 1))) words.push_back(lower_ascii(w));
      continue;
    }
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '\t') cols.emplace_back(trim(std::string_view(line).substr(start, i - start))), start = i + 1;
    if (cols.size() != columns)
      throw Error(fmt::format("{}:{}: {} tab-separated columns, expected {}", path, n, cols.size(), columns));
    row(cols, n);
  }
}

std::vector<uint32_t> phrase_keys(const std::string& phrase) {
  std::vector<uint32_t> keys;
  for (const auto& w : split_list(phrase, ' ')) keys.push_back(intern_key(fold(w)));
  return keys;
}

std::vector<uint32_t> word_keys(const std::vector<Word>& words) {
  std::vector<uint32_t> keys;
  keys.reserve(words.size());
  for (const Word& w : words) keys.push_back(w.parts.size() == 1 ? w.parts[0].id : find_key(fold(w.text)));
  return keys;
}

void PhraseSet::add(std::vector<uint32_t> keys) {
  if (keys.empty()) return;
  auto longest_first = [](auto& v) {
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  };
  mark(firsts_, keys.front());
  mark(lasts_, keys.back());
  by_last_[keys.back()].push_back(keys);
  longest_first(by_last_[keys.back()]);
  auto& first = by_first_[keys.front()];
  first.push_back(std::move(keys));
  longest_first(first);
}

void PhraseSet::add_class(const WordClasses& classes, const std::string& name, const std::string& file) {
  const auto c = classes.find(name);
  if (c == classes.end()) throw Error(fmt::format("{}: the class {} is missing", file, name));
  for (const auto& phrase : c->second) add(phrase_keys(phrase));
}

uint32_t PhraseSet::at(const std::vector<uint32_t>& keys, uint32_t t) const {
  if (t >= keys.size() || keys[t] == kNoKey || !has(firsts_, keys[t])) return 0;
  const auto it = by_first_.find(keys[t]);
  if (it == by_first_.end()) return 0;
  for (const auto& p : it->second)
    if (t + p.size() <= keys.size() && std::equal(p.begin(), p.end(), keys.begin() + t)) return uint32_t(p.size());
  return 0;
}

uint32_t PhraseSet::ending(const std::vector<uint32_t>& keys, uint32_t end) const {
  if (end == 0 || end > keys.size() || keys[end - 1] == kNoKey || !has(lasts_, keys[end - 1])) return 0;
  const auto it = by_last_.find(keys[end - 1]);
  if (it == by_last_.end()) return 0;
  for (const auto& p : it->second)
    if (p.size() <= end && std::equal(p.begin(), p.end(), keys.begin() + (end - p.size()))) return uint32_t(p.size());
  return 0;
}

}  // namespace mosaic
