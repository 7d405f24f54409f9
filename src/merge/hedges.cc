#include "merge/hedges.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "mosaic/problem.h"
#include "util/keys.h"
#include "util/tsv.h"

namespace mosaic {

namespace {

// The words of a text, folded; digits and punctuation end a word.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) out.push_back(fold(w));
    w.clear();
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) || c == '-' || c == '\'') w += c;
    else flush();
  }
  flush();
  return out;
}

double factor(const std::string& s, const std::string& path, std::size_t line) {
  if (s == "-") return std::numeric_limits<double>::infinity();
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0)
    throw Error(fmt::format("{}:{}: '{}' is not a multiple (a number, or - for none)", path, line, s));
  return v;
}

}  // namespace

Hedges Hedges::load(const std::string& data_dir) {
  Hedges h;
  const std::string path = data_dir + "/events/hedges.tsv";
  read_tsv(path, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "before" && c[1] != "number")
      throw Error(fmt::format("{}:{}: '{}' is neither before nor number", path, line, c[1]));
    const double low = factor(c[2], path, line), high = factor(c[3], path, line);
    if (low > high) throw Error(fmt::format("{}:{}: lowest multiple above highest", path, line));
    for (const std::string& phrase : split_list(c[0])) {
      Rule r{words(phrase), c[1] == "before", low, high};
      if (r.words.empty()) throw Error(fmt::format("{}:{}: '{}' has no words", path, line, phrase));
      h.rules_.push_back(std::move(r));
    }
  });
  return h;
}

CountRange Hedges::range(double value, std::string_view before, std::string_view number) const {
  const std::vector<std::string> ahead = words(before), own = words(number);
  const Rule* best = nullptr;
  for (const Rule& r : rules_) {
    const auto& w = r.words;
    // A hedge before the number ends where the number begins; a vague number starts the count.
    const bool found = r.before ? w.size() <= ahead.size() && std::equal(w.rbegin(), w.rend(), ahead.rbegin())
                                : w.size() <= own.size() && std::equal(w.begin(), w.end(), own.begin());
    if (found && (!best || w.size() > best->words.size())) best = &r;
  }
  if (!best) return {value, value};
  return {value * best->low, value * best->high};
}

}  // namespace mosaic
