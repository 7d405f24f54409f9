// Where a text says a place lies: names marked as divisions or settlements
// ("Katha township", "Nakuru County"), listed in brackets after a place
// ("(Yinmarbin township, Yinmarbin district, Sagaing region)", "(Bourzanga,
// Bam)"), or after a comma ("Nijrab district, Kapisa"). ACLED's notes and
// much local news say so for places too small for a gazetteer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"

namespace mosaic {

struct PlaceHint {
  uint32_t sentence = 0;
  std::string name;     // as written, without its noun ("Katha")
  bool marked = false;  // followed by a division or settlement noun
  bool settlement = false;  // ... a settlement's only ("Al-Zahra quarter"): no division's name
  std::string noun;         // that noun, lower case ("state", "village tract"), if any
};

// `noun(word)`: whether a lower-case word (or two) names a kind of division or settlement.
// `settlement(word)`: whether it names a kind of settlement only (no division).
std::vector<PlaceHint> place_hints(const Document& doc, const std::function<bool(std::string_view)>& noun,
                                   const std::function<bool(std::string_view)>& settlement = {});

}  // namespace mosaic
