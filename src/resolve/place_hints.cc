#include "resolve/place_hints.h"

#include "util/text.h"

namespace mosaic {

namespace {

struct Token {
  std::string_view text;
  bool word = false;
  bool capital = false;  // "Katha", "al-Bab", "Nay Pyi Taw"'s parts
};

std::vector<Token> tokens(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto letter = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return is_ascii_alpha(s[k]) || is_ascii_digit(s[k]) || c >= 0x80 || s[k] == '\'' || s[k] == '-';
  };
  while (i < s.size()) {
    if (is_ascii_space(s[i])) {
      ++i;
      continue;
    }
    if (!letter(i) || s[i] == '-' || s[i] == '\'') {
      out.push_back({s.substr(i, 1), false, false});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && letter(j)) ++j;
    const std::string_view w = s.substr(i, j - i);
    bool capital = (w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xc3;
    // "al-Bab", "ad-Dali": an article written small before a capital.
    if (!capital)
      if (const std::size_t dash = w.find('-'); dash != std::string_view::npos && dash + 1 < w.size())
        capital = w[dash + 1] >= 'A' && w[dash + 1] <= 'Z';
    out.push_back({w, true, capital});
    i = j;
  }
  return out;
}

// Small words a place's name may hold: "Bahr el Ghazal", "Nad-e Ali", "Dhaka - Paltan".
bool joins(std::string_view w) {
  return w == "el" || w == "al" || w == "de" || w == "du" || w == "des" || w == "la" || w == "e" || w == "wa" ||
         w == "ad" || w == "as" || w == "ash" || w == "ar";
}

}  // namespace

std::vector<PlaceHint> place_hints(const Document& doc, const std::function<bool(std::string_view)>& noun,
                                   const std::function<bool(std::string_view)>& settlement) {
  std::vector<PlaceHint> out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const std::vector<Token> t = tokens(doc.slice(doc.sentences[s].span));
    auto lower = [&](std::size_t k) { return lower_ascii(t[k].text); };
    // A run of capitalised words from k: one past its end (k when none).
    auto run = [&](std::size_t k) {
      std::size_t j = k;
      while (j < t.size() && j - k < 5 && t[j].word &&
             (t[j].capital || (j > k && j + 1 < t.size() && joins(t[j].text) && t[j + 1].capital)))
        ++j;
      return j;
    };
    // The noun after a name: one word or two ("village tract", "union parishad").
    auto noun_at = [&](std::size_t k) -> std::size_t {
      if (k + 1 < t.size() && t[k].word && t[k + 1].word && noun(lower(k) + " " + lower(k + 1))) return 2;
      return k < t.size() && t[k].word && noun(lower(k)) ? 1 : 0;
    };
    auto text = [&](std::size_t from, std::size_t to) {
      const std::size_t begin = std::size_t(t[from].text.data() - doc.text.data());
      const std::size_t end = std::size_t(t[to - 1].text.data() + t[to - 1].text.size() - doc.text.data());
      return std::string(doc.text.substr(begin, end - begin));
    };
    int depth = 0;
    bool after_place = false;  // the last name was a place: a name after its comma may be its division
    for (std::size_t k = 0; k < t.size();) {
      if (!t[k].word) {
        if (t[k].text == "(") ++depth;
        else if (t[k].text == ")") depth = depth > 0 ? depth - 1 : 0;
        if (t[k].text != "," && t[k].text != "(") after_place = false;
        ++k;
        continue;
      }
      const std::size_t end = run(k);
      if (end == k || (k == 0 && end == 1 && !noun_at(end))) {  // a sentence's first word is capitalised anyway
        after_place = after_place && depth > 0;
        ++k;
        continue;
      }
      // A capitalised noun belongs to the name's kind, not its name: "Katha Township".
      std::size_t last = end;
      while (last > k + 1 && noun(lower(last - 1))) --last;
      const std::size_t n = last < end ? end - last : noun_at(end);
      const bool previous_comma = k > 0 && t[k - 1].text == ",";
      if (n || depth > 0 || (previous_comma && after_place)) {
        // The noun: the run's last words, or the one or two after it.
        const std::size_t from = last < end ? last : end;
        std::string kind;
        for (std::size_t x = from; x < from + n; ++x) {
          if (!kind.empty()) kind += ' ';
          kind += lower(x);
        }
        out.push_back({s, text(k, last), n > 0, n > 0 && settlement && settlement(kind), kind});
        after_place = true;
      } else {
        after_place = k > 0 && t[k - 1].word &&
                      (lower(k - 1) == "in" || lower(k - 1) == "near" || lower(k - 1) == "at" || lower(k - 1) == "of");
      }
      k = last < end ? end : end + n;
    }
  }
  return out;
}

}  // namespace mosaic
