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
  // Words are in text order too: each mention's are found by bisection (a
  // scan of the sentence per mention was quadratic in a long list of names).
  const auto starting_before = [&](uint32_t at) {  // words that begin before `at`
    return uint32_t(std::partition_point(w.begin(), w.end(), [&](const Word& x) { return x.span.begin < at; }) - w.begin());
  };
  for (auto m = first; m != doc.mentions.end() && m->sentence == s; ++m) {
    MentionRef r{0, 0, nullptr};
    if (const uint32_t t = starting_before(m->span.begin + 1); t > 0 && m->span.begin < w[t - 1].span.end) r.first = t - 1;
    r.last = starting_before(m->span.end);
    const auto a = actors.find(m->actor);
    r.actor = a == actors.end() ? nullptr : a->second;
    if (r.actor && r.last > r.first) out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const MentionRef& a, const MentionRef& b) { return a.first < b.first; });
  return out;
}

}  // namespace mosaic
