#include <fmt/format.h>
#include <fnmatch.h>

#include <fstream>

#include "mosaic/normalise.h"
#include "mosaic/problem.h"
#include "util/text.h"

namespace mosaic {

void Boilerplate::add(std::string pattern) { patterns_.push_back(std::move(pattern)); }

void Boilerplate::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read boilerplate patterns", path));
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view p = trim(line);
    if (!p.empty() && !p.starts_with('#')) add(std::string(p));
  }
}

bool Boilerplate::matches(std::string_view line) const {
  const std::string s(trim(line));
  if (s.empty()) return false;
  for (const auto& p : patterns_)
    if (fnmatch(p.c_str(), s.c_str(), FNM_CASEFOLD) == 0) return true;
  return false;
}

}  // namespace mosaic
