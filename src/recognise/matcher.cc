#include "recognise/matcher.h"

namespace mosaic {

const Entry* Item::find(Kind kind) const {
  for (const Entry* e : entries)
    if (e->kind == kind) return e;
  return nullptr;
}

const Entry* Item::find(WordClass cls) const {
  for (const Entry* e : entries)
    if (e->kind == Kind::Word && e->cls == cls) return e;
  return nullptr;
}

std::vector<Word> read_words(std::string_view text, Span sentence) {
  std::vector<Word> words;
  for (const Token& t : tokenise(text, sentence)) {
    Word w;
    w.span = t.span;
    w.kind = t.kind;
    w.text = text.substr(t.span.begin, t.span.size());
    if (t.kind == TokenKind::Punct) {
      w.parts.push_back({w.text, std::string(w.text)});
    } else {
      w.parts = split_parts(w.text, &w.possessive);
      if (w.parts.empty()) w.parts.push_back({w.text, std::string(w.text)});
    }
    w.letter_case = case_of(w.text);
    words.push_back(std::move(w));
  }
  return words;
}

std::vector<Item> match(const Lexicon::Impl& lx, const std::vector<Word>& words) {
  std::vector<Item> items;
  const auto n = uint32_t(words.size());
  uint32_t i = 0;
  while (i < n) {
    // Walk the phrase index from token i, part by part, remembering the
    // longest prefix whose entries fit the text's case.
    Item best;
    best.first = i;
    best.last = i + 1;
    std::size_t best_parts = 0;
    uint32_t node = 0;
    std::size_t depth = 0;
    std::vector<std::string_view> texts;  // the parts walked, as written
    bool walking = true;
    for (uint32_t t = i; t < n && walking; ++t) {
      const Word& w = words[t];
      for (std::size_t p = 0; p < w.parts.size(); ++p) {
        uint32_t next = lx.step(node, w.parts[p].key);
        bool bare_possessive = false;
        if (next == Lexicon::Impl::kNone && p + 1 == w.parts.size() && w.letter_case == Case::Capital) {
          // Scraped copy often loses the apostrophe: "Syrias army", "Assads forces".
          const std::string& key = w.parts[p].key;
          if (key.size() > 4 && key.back() == 's') next = lx.step(node, key.substr(0, key.size() - 1));
          bare_possessive = next != Lexicon::Impl::kNone;
        }
        node = next;
        if (node == Lexicon::Impl::kNone) {
          walking = false;
          break;
        }
        texts.push_back(w.parts[p].text);
        ++depth;
        std::vector<const Entry*> fits;
        for (uint32_t e : lx.node_entries[node]) {
          const Entry& entry = lx.entries[e];
          bool ok = true;
          for (std::size_t k = 0; k < entry.cases.size() && ok; ++k) ok = case_fits(entry.cases[k], texts[k]);
          if (ok) fits.push_back(&entry);
        }
        if (!fits.empty() && depth > best_parts) {
          best_parts = depth;
          best.entries = std::move(fits);
          best.last = t + 1;
          best.possessive = (w.possessive || bare_possessive) && p + 1 == w.parts.size();
          best.suffix.clear();
          for (std::size_t q = p + 1; q < w.parts.size(); ++q)
            best.suffix += (best.suffix.empty() ? "" : "-") + w.parts[q].key;
        }
      }
    }
    if (best.entries.empty()) best.possessive = words[i].possessive;
    i = best.last;
    items.push_back(std::move(best));
  }
  return items;
}

}  // namespace mosaic
