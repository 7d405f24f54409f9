#include "util/iso_codes.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "mosaic/problem.h"
#include "util/text.h"

namespace mosaic {

std::vector<IsoCountry> read_iso_countries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read iso-codes (install Debian's iso-codes)", path));
  std::vector<IsoCountry> out;
  try {
    const auto j = nlohmann::json::parse(in);
    for (const auto& c : j.at("3166-1"))
      out.push_back({c.at("alpha_3"), c.value("alpha_2", ""), c.value("numeric", ""), c.at("name"), c.value("common_name", ""),
                     c.value("official_name", "")});
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("{}: {}", path, e.what()));
  }
  return out;
}

std::map<std::string, std::vector<std::string>> read_iso_division_kinds(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read iso-codes (install Debian's iso-codes)", path));
  std::map<std::string, std::vector<std::string>> out;
  try {
    const auto j = nlohmann::json::parse(in);
    for (const auto& d : j.at("3166-2")) {
      if (d.contains("parent")) continue;
      const std::string code = d.at("code");
      const std::string type = lower_ascii(d.value("type", ""));
      const std::size_t dash = code.find('-');
      if (dash == std::string::npos || type.empty()) continue;
      auto& kinds = out[code.substr(0, dash)];
      if (std::find(kinds.begin(), kinds.end(), type) == kinds.end()) kinds.push_back(type);
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("{}: {}", path, e.what()));
  }
  return out;
}

}  // namespace mosaic
