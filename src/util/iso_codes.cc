#include "util/iso_codes.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "mosaic/problem.h"

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

}  // namespace mosaic
