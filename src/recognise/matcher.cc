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

std::vector<Item> match(const Lexicon::Impl& lx, const std::vector<Word>& words) {
  std::vector<Hit> hits = lx.phrases.match(words);
  std::vector<Item> items;
  items.reserve(hits.size());
  for (Hit& h : hits) {
    Item it{h.first, h.last, {}, std::move(h.suffix), h.possessive};
    for (uint32_t p : h.payloads) it.entries.push_back(&lx.entries[p]);
    items.push_back(std::move(it));
  }
  return items;
}

Reading read_sentences(const Document& doc, const Lexicon::Impl& lexicon) {
  Reading r;
  r.words.reserve(doc.sentences.size());
  r.items.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    r.words.push_back(read_words(doc.text, s.span));
    r.items.push_back(match(lexicon, r.words.back()));
  }
  return r;
}

}  // namespace mosaic
