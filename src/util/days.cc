#include "util/days.h"

#include <charconv>

namespace mosaic {

std::optional<std::chrono::sys_days> parse_iso_day(const std::string& iso) {
  using namespace std::chrono;
  if (iso.size() != 10) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(iso.data(), iso.data() + 4, y);
  std::from_chars(iso.data() + 5, iso.data() + 7, m);
  std::from_chars(iso.data() + 8, iso.data() + 10, d);
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

long days_between(const std::string& from, const std::string& to) {
  const auto a = parse_iso_day(from), b = parse_iso_day(to);
  return a && b ? long((*b - *a).count()) : 0;
}

}  // namespace mosaic
