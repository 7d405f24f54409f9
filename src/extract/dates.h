// Dates in a sentence, read against the report's date.
#pragma once

#include <optional>
#include <vector>

#include "mosaic/extract.h"
#include "segment/words.h"

namespace mosaic {

// The first date expression in the words, resolved against report_date. A full date that
// no preposition introduces ("Thu Dec 14 2017 ...", "Published April 2 2017") is the
// report's dateline, not a date of what it tells: it is skipped, and given in *dateline;
// *weekday_agrees tells whether it names its day of the week rightly ("Mon Jul 18 2016").
std::optional<DateReading> date_in(const std::vector<Word>& words, const std::string& report_date,
                                   std::string* dateline = nullptr, bool* weekday_agrees = nullptr);

// Whether a folded word names a day of the week or a month ("monday", "june").
bool calendar_word(std::string_view key);

}  // namespace mosaic
