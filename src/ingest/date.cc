// Dates as news feeds write them, to ISO 8601.
#include <array>
#include <charconv>
#include <cstdio>

#include "mosaic/ingest.h"
#include "util/text.h"

namespace mosaic {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// 1..12 for an English month name or its three-letter abbreviation, else 0.
int month_number(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.size() < 3) return 0;
  const std::string w = lower_ascii(word);
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (w == kFull[m] || w == kMonths[m] || (w == "sept" && m == 8)) return m + 1;
  }
  return 0;
}

bool valid(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

std::string iso(int y, int m, int d) {
  if (!valid(y, m, d)) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Splits into words on spaces, commas, slashes, hyphens and 'T' after a date.
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_ascii_space(s[i]) || s[i] == ',' || s[i] == '/' || s[i] == '-')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(is_ascii_space(s[j]) || s[j] == ',' || s[j] == '/' || s[j] == '-')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool number(std::string_view w, int& v) {
  // Ordinal suffixes: "4th", "1st".
  if (w.size() > 2 && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
    w.remove_suffix(2);
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  return ec == std::errc() && p == w.data() + w.size();
}

int full_year(int y, std::size_t digits) {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;  // the POSIX two-digit convention
}

}  // namespace

std::string parse_date(std::string_view text) {
  text = trim(text);
  if (text.empty()) return "";
  // ISO, possibly with a time: "2016-10-04", "2016-10-04T12:00:00Z".
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    int y, m, d;
    if (number(text.substr(0, 4), y) && number(text.substr(5, 2), m) && number(text.substr(8, 2), d))
      return iso(y, m, d);
    return "";
  }
  const auto w = words(text);
  if (w.size() < 3) return "";
  const bool slashed = text.find('/') != std::string_view::npos;
  int a, b, c;
  if (slashed && number(w[0], a) && number(w[1], b) && number(w[2], c)) {
    if (w[0].size() == 4) return iso(a, b, c);             // 2016/10/04
    return iso(full_year(c, w[2].size()), a, b);           // month/day/year
  }
  // Words, with an optional leading weekday: "Wed 05 Apr 2017", "4 October 2016",
  // "October 4, 2016".
  std::size_t k = 0;
  if (!number(w[0], a) && month_number(w[0]) == 0) k = 1;
  if (w.size() < k + 3) return "";
  int m;
  if ((m = month_number(w[k])) && number(w[k + 1], b) && number(w[k + 2], c))
    return iso(full_year(c, w[k + 2].size()), m, b);
  if (number(w[k], b) && (m = month_number(w[k + 1])) && number(w[k + 2], c))
    return iso(full_year(c, w[k + 2].size()), m, b);
  return "";
}

}  // namespace mosaic
