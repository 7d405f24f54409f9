#include "extract/sentence.h"

#include <algorithm>

namespace mosaic {

ActorIndex index_actors(const Document& doc) {
  ActorIndex index;
  for (const Actor& a : doc.actors) index.emplace(a.id, &a);
  return index;
}

std::vector<MentionRef> sentence_mentions(const Document& doc, uint32_t s, const std::vector<Word>& w,
                                          const ActorIndex& actors) {
  std::vector<MentionRef> out;
  // Mentions are in text order: find the sentence's first by its start.
  const auto first = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), doc.sentences[s].span.begin,
                                      [](const Mention& m, uint32_t at) { return m.span.begin < at; });
  for (auto m = first; m != doc.mentions.end() && m->sentence == s; ++m) {
    MentionRef r{0, 0, nullptr};
    for (uint32_t t = 0; t < w.size(); ++t) {
      if (w[t].span.begin <= m->span.begin && m->span.begin < w[t].span.end) r.first = t;
      if (w[t].span.begin < m->span.end) r.last = t + 1;
    }
    const auto a = actors.find(m->actor);
    r.actor = a == actors.end() ? nullptr : a->second;
    if (r.actor && r.last > r.first) out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const MentionRef& a, const MentionRef& b) { return a.first < b.first; });
  return out;
}

}  // namespace mosaic
