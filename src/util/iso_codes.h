// Debian's iso-codes: the countries of ISO 3166-1 (iso_3166-1.json) with
// their codes and names, read by the lexicon and by the ACLED export.
#pragma once

#include <string>
#include <vector>

namespace mosaic {

struct IsoCountry {
  std::string alpha_3, alpha_2, numeric;     // "KEN", "KE", "404"
  std::string name, common_name, official_name;  // the last two may be empty
};

// Throws Error naming the file when it cannot be read or parsed.
std::vector<IsoCountry> read_iso_countries(const std::string& path);

}  // namespace mosaic
