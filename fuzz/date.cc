// Date parsing over any bytes: the answer is empty or a real calendar day
// written YYYY-MM-DD, and reading that answer again gives it back.
#include <string>

#include "readers.h"

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mosaic;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string date = parse_date(text);
  if (date.empty()) return 0;
  fuzz::iso_date(date);
  const int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  fuzz::require(m >= 1 && m <= 12, "a month is 1 to 12", date);
  fuzz::require(d >= 1 && d <= kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0), "a day is in its month", date);
  fuzz::require(parse_date(date) == date, "an ISO date reads as itself", date);
  return 0;
}
