// ACLED's time precision: 1 when the day is known, 2 when only the week is,
// 3 when only the month is. Relative expressions count back from the report:
// "on Monday" is the latest Monday before the report's day.
#include "extract/dates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "mosaic/ingest.h"
#include "util/days.h"

namespace mosaic {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kDays = {"sunday", "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march", "april", "may", "june", "july",
                                                      "august", "september", "october", "november", "december"};

std::optional<sys_days> parse_iso(const std::string& iso) { return parse_iso_day(iso); }

std::string iso(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

int index_of(const auto& names, std::string_view key) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == key || (key.size() >= 3 && names[i].substr(0, 3) == key && key != "mar" && key != "may"))
      return int(i);
  return -1;
}

bool day_number(const Word& w, unsigned& d) {
  std::string_view t = w.text;
  for (std::string_view s : {"st", "nd", "rd", "th"})
    if (t.size() > 2 && t.ends_with(s)) t.remove_suffix(2);
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
  return ec == std::errc() && p == t.data() + t.size() && d >= 1 && d <= 31;
}

// A date written in figures: yyyy-mm-dd, dd.mm.yyyy, or dd/mm/yyyy and dd-mm-yyyy when the day
// is past 12 (mm/dd/yyyy when the second is); none when it could be either.
std::optional<sys_days> numeric_date(std::string_view t) {
  unsigned n[3] = {0, 0, 0};
  std::size_t sizes[3] = {0, 0, 0};
  char sep = 0;
  std::size_t k = 0;
  for (int part = 0; part < 3; ++part) {
    const std::size_t start = k;
    while (k < t.size() && t[k] >= '0' && t[k] <= '9') n[part] = n[part] * 10 + unsigned(t[k++] - '0');
    sizes[part] = k - start;
    if (sizes[part] == 0 || sizes[part] > 4) return std::nullopt;
    if (part < 2) {
      if (k >= t.size() || !(t[k] == '.' || t[k] == '/' || t[k] == '-') || (sep && t[k] != sep)) return std::nullopt;
      sep = t[k++];
    }
  }
  if (k != t.size()) return std::nullopt;
  unsigned y = 0, m = 0, d = 0;
  if (sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2) y = n[0], m = n[1], d = n[2];
  else if (sizes[2] == 4 && sizes[0] <= 2 && sizes[1] <= 2) {
    y = n[2];
    if (sep == '.' || n[0] > 12) d = n[0], m = n[1];
    else if (n[1] > 12) m = n[0], d = n[1];
    else return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (y < 1900 || y > 2100) return std::nullopt;
  const year_month_day ymd{year{int(y)}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

}  // namespace

// Names of days and months, and their abbreviations ("Nov", "Sept", "Thurs"),
// but not "Mar", which begins saints' names and places ("Mar Elias").
bool calendar_word(std::string_view key) {
  if (key == "sept" || key == "tues" || key == "thur" || key == "thurs") return true;
  auto named = [&](const auto& names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) {
      return n == key || (key.size() == 3 && key != "mar" && n.starts_with(key));
    });
  };
  return named(kDays) || named(kMonths);
}

std::optional<DateReading> resolve_date(std::string_view expression, const std::string& report_date) {
  std::vector<Word> words;
  const std::string text(expression);
  return date_in(read_words(text, Span{0, uint32_t(text.size())}), report_date);
}

std::optional<DateReading> date_in(const std::vector<Word>& w, const std::string& report_date, std::string* dateline,
                                   bool* weekday_agrees) {
  // Without the report's date only a date the text gives in full ("On 3 March 2024") is read:
  // "yesterday", "Tuesday" and "in June" count from a day nobody gave.
  const auto report = parse_iso(report_date);
  const year_month_day r = report ? year_month_day{*report} : year_month_day{};
  std::optional<DateReading> spoken;  // a day told as when a source spoke: the last resort
  for (std::size_t i = 0; i < w.size(); ++i) {
    // "24.09.2014 Airstrikes ...", "2016-07-24": a date in figures at the head of the text is the
    // page's stamp (day first where it is written with dots or the first number passes 12).
    if (w[i].kind == TokenKind::Number && i <= 2) {
      if (const auto stamp = numeric_date(w[i].text)) {
        if (dateline && dateline->empty()) *dateline = iso(*stamp);
        continue;
      }
    }
    if (w[i].kind != TokenKind::Word) continue;
    // (A view: compared with a literal it checks the size first, where std::string's == measures
    // the literal and calls memcmp; every word meets a dozen of them.)
    const std::string_view key = w[i].parts[0].key;
    const bool next_is = i + 1 < w.size();
    if (!report && index_of(kMonths, key) < 0) continue;
    if (key == "yesterday") return DateReading{iso(*report - days{1}), 1};
    if (key == "today" || (key == "this" && next_is && (w[i + 1].is("morning") || w[i + 1].is("afternoon"))))
      return DateReading{iso(*report), 1};
    if (key == "overnight" || (key == "last" && next_is && w[i + 1].is("night"))) return DateReading{iso(*report - days{1}), 1};
    if ((key == "last" || key == "past") && next_is && w[i + 1].is("week")) return DateReading{iso(*report - days{7}), 2};
    if (key == "this" && next_is && w[i + 1].is("week")) return DateReading{iso(*report), 2};
    if (key == "last" && next_is && w[i + 1].is("month")) {
      const year_month_day m{r.year() / r.month() / day{1} - months{1}};
      return DateReading{iso(sys_days{m}), 3};
    }
    // "Last year, similar protests left 20 dead": some day of the year before the report's (its
    // first, at the month's precision, which ACLED has nothing coarser than).
    if (key == "last" && next_is && w[i + 1].is("year"))
      return DateReading{iso(sys_days{(r.year() - years{1}) / January / day{1}}), 3};
    if ((key == "this" || key == "earlier") && next_is && w[i + 1].is("month"))
      return DateReading{iso(sys_days{r.year() / r.month() / day{1}}), 3};
    if (w[i].letter_case == Case::Any) continue;  // names of days and months are capitalised
    if (const int d = index_of(kDays, key); d >= 0 && (key.size() > 3 || w[i].text.back() == '.')) {
      // "Wednesday 26 Oct 2016", "Thu Dec 14 2017": the date that follows says which.
      unsigned probe = 0;
      if (next_is && (day_number(w[i + 1], probe) || (w[i + 1].kind == TokenKind::Word &&
                                                       index_of(kMonths, w[i + 1].parts[0].key) >= 0)))
        continue;
      // The latest such day before the report (the report's own day counts).
      const weekday target{unsigned(d)};
      sys_days day = *report;
      while (weekday{day} != target) day -= days{1};
      // "killed 20 farmers, officials said Monday": the day it was said, which another day the
      // sentence gives for what happened outranks ("The attack happened on Saturday").
      std::size_t v = i;
      if (v > 0 && w[v - 1].is("on")) --v;
      if (v > 0 && (w[v - 1].is("said") || w[v - 1].is("told") || w[v - 1].is("reported") || w[v - 1].is("announced") ||
                    w[v - 1].is("added") || w[v - 1].is("confirmed") || w[v - 1].is("stated") || w[v - 1].is("says"))) {
        if (!spoken) spoken = DateReading{iso(day), 2};  // (by then: within that week)
        continue;
      }
      return DateReading{iso(day), 1};
    }
    if (const int m = index_of(kMonths, key); m >= 0 && key.size() >= 3) {
      if (key == "may" && w[i].text == "May" && i > 0 && !(w[i - 1].is("in") || w[i - 1].is("of"))) {
        unsigned probe = 0;  // "May" the modal verb starts sentences: require a date shape
        if (!(next_is && day_number(w[i + 1], probe)) && !day_number(w[i - 1], probe)) continue;
      }
      const month mon{unsigned(m + 1)};
      unsigned d = 0;
      int y = int(r.year());
      const bool day_after = next_is && day_number(w[i + 1], d);
      bool with_day = day_after || (i > 0 && day_number(w[i - 1], d));
      // A year given: "June 2016", "5 June 2016", "June 5, 2016".
      bool with_year = false;
      // "Jan 202015": a scraped page's day and year run together.
      if (!with_day && next_is && w[i + 1].kind == TokenKind::Number && w[i + 1].parts.size() == 1 &&
          (w[i + 1].text.size() == 5 || w[i + 1].text.size() == 6)) {
        const std::string_view t = w[i + 1].text;
        unsigned dd = 0;
        int yy = 0;
        const auto split = t.size() - 4;
        if (std::from_chars(t.data(), t.data() + split, dd).ptr == t.data() + split &&
            std::from_chars(t.data() + split, t.data() + t.size(), yy).ptr == t.data() + t.size() && dd >= 1 &&
            dd <= 31 && yy >= 1900 && yy <= 2100) {
          const year_month_day ymd{year{yy}, mon, day{dd}};
          if (ymd.ok()) {
            if (i <= 3) {  // a page's stamp at its head: no date of what it tells
              if (dateline && dateline->empty()) *dateline = iso(sys_days{ymd});
              continue;
            }
            return DateReading{iso(sys_days{ymd}), 1};
          }
        }
      }
      for (std::size_t k = i + 1; k < w.size() && k <= i + 3; ++k) {
        int yy = 0;
        auto [p, ec] = std::from_chars(w[k].text.data(), w[k].text.data() + w[k].text.size(), yy);
        if (ec == std::errc() && p == w[k].text.data() + w[k].text.size() && yy >= 1900 && yy <= 2100) {
          y = yy, with_year = true;
          if (day_after && k == i + 1) with_day = false;  // "June 2016": 2016 was read as the day
          break;
        }
      }
      if (!with_year && !report) continue;
      // Without a year, a month after the report's is last year's.
      if (!with_year && mon > r.month()) --y;
      if (with_day) {
        const year_month_day ymd{year{y}, mon, day{d}};
        if (!ymd.ok()) continue;
        // A full date no preposition introduces, at the head of a sentence, is a dateline:
        // "Thu Dec 14 2017 US strikes kill", "Published April 2 2017"; so is a day and month
        // closed by a wire's bracket or dash: "KHARTOUM, June 12 (Reuters) -".
        std::size_t b = i > 0 && day_number(w[i - 1], d) ? i - 1 : i;
        if (b > 0 && w[b - 1].kind == TokenKind::Word && index_of(kDays, w[b - 1].parts[0].key) >= 0) --b;
        static constexpr std::string_view kBefore[] = {"on", "in", "of", "since", "by", "during", "until", "from",
                                                       "between", "to", "and", "before", "after", "till", "through",
                                                       "around", "about", "circa", "approximately", "early",
                                                       "late", "mid", "at", "for", "or"};
        const bool introduced = b > 0 && std::any_of(std::begin(kBefore), std::end(kBefore),
                                                     [&](std::string_view x) { return w[b - 1].is(x); });
        const std::size_t after = day_after ? i + 2 : i + 1;
        const bool wire = !with_year && after < w.size() && (w[after].is("(") || w[after].is_dash());
        // (A full date after its day of the week is a stamp wherever it stands: "... jihadist
        // advance Monitor AFP Saturday 26 Jul 2014 At least 85": news tells "on Saturday".)
        const int named_day = b < i && w[b].kind == TokenKind::Word ? index_of(kDays, w[b].parts[0].key) : -1;
        if ((with_year || wire) && !introduced && (b <= 3 || (with_year && named_day >= 0))) {
          if (dateline && dateline->empty()) {
            *dateline = iso(sys_days{ymd});
            if (weekday_agrees) *weekday_agrees = named_day >= 0 && weekday{sys_days{ymd}} == weekday{unsigned(named_day)};
          }
          continue;
        }
        return DateReading{iso(sys_days{ymd}), 1};
      }
      return DateReading{iso(sys_days{year{y} / mon / day{1}}), 3};
    }
  }
  return spoken;
}

}  // namespace mosaic
