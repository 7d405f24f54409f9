#include "util/tsv.h"

#include <fmt/format.h>

#include <fstream>

#include "mosaic/problem.h"
#include "util/text.h"

namespace mosaic {

void read_tsv(const std::string& path, std::size_t columns,
              const std::function<void(const std::vector<std::string>&, std::size_t)>& fn) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read", path));
  std::string line;
  std::vector<std::string> cols;  // reused: a gazetteer has 155,000 lines
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    const std::string_view content = trim(line);
    if (content.empty() || content.starts_with('#')) continue;
    std::size_t count = 0, start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        if (count == cols.size()) cols.emplace_back();
        cols[count++].assign(trim(std::string_view(line).substr(start, i - start)));
        start = i + 1;
      }
    }
    if (count != columns)
      throw Error(fmt::format("{}:{}: {} tab-separated columns, expected {}", path, n, count, columns));
    cols.resize(count);
    fn(cols, n);
  }
}

bool yes_no(const std::string& value, const std::string& path, std::size_t line) {
  if (value != "yes" && value != "no") throw Error(fmt::format("{}:{}: '{}' is not yes or no", path, line, value));
  return value == "yes";
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      const std::string_view item = trim(s.substr(start, i - start));
      if (!item.empty() && item != "-") out.emplace_back(item);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace mosaic
