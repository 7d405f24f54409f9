// Dates in a sentence, read against the report's date.
#pragma once

#include <optional>
#include <vector>

#include "mosaic/extract.h"
#include "recognise/phrase_index.h"

namespace mosaic {

// The first date expression in the words, resolved against report_date.
std::optional<DateReading> date_in(const std::vector<Word>& words, const std::string& report_date);

// Whether a folded word names a day of the week or a month ("monday", "june").
bool calendar_word(std::string_view key);

}  // namespace mosaic
