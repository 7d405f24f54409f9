// Debian's iso-codes: the countries of ISO 3166-1 (iso_3166-1.json) with
// their codes and names, read by the lexicon and by the ACLED export.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mosaic {

struct IsoCountry {
  std::string alpha_3, alpha_2, numeric;     // "KEN", "KE", "404"
  std::string name, common_name, official_name;  // the last two may be empty
};

// Throws Error naming the file when it cannot be read or parsed.
std::vector<IsoCountry> read_iso_countries(const std::string& path);

// What each country calls its first-level divisions (ISO 3166-2's types of the subdivisions with
// no parent), lower case, by alpha-2 code: "NG" -> {"state", "capital territory"}, "BJ" ->
// {"department"}. Throws Error naming the file when it cannot be read or parsed.
std::map<std::string, std::vector<std::string>> read_iso_division_kinds(const std::string& path);

}  // namespace mosaic
