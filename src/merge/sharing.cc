// Candidates for a story: stored documents sharing fingerprints with one, and
// the policy of common fingerprints (the store only looks them up).
#include <xxhash.h>

#include <algorithm>

#include "mosaic/merge.h"

namespace mosaic {

std::vector<Sharing> documents_sharing(Store& store, const std::vector<uint64_t>& fingerprints,
                                       std::vector<uint32_t>* holding, const std::string& except) {
  // A fingerprint held by very many documents is boilerplate or a stock phrase,
  // not evidence of a copy: it is passed over, and recorded so that it is not
  // looked up again.
  constexpr std::size_t kCommon = 64;
  // Holders are counted by a hash of their id, their ids kept in one buffer:
  // most share a single fingerprint, and a string each would cost more than
  // the lookups.
  struct Holder {
    uint64_t key;
    uint32_t at, size;
    std::size_t own;
  };
  std::string ids;
  std::vector<Holder> holders;
  if (holding) holding->assign(fingerprints.size(), 0);
  // Holders of fingerprint k come together; `first` and `ids_size` mark where
  // the current fingerprint's begin.
  std::size_t current = fingerprints.size(), first = 0, ids_size = 0;
  auto close = [&] {
    if (current == fingerprints.size()) return;
    if (holding) (*holding)[current] = uint32_t(holders.size() - first);
    if (holders.size() - first > kCommon) {
      holders.resize(first), ids.resize(ids_size);
      store.mark_common(fingerprints[current]);
    }
  };
  store.for_each_holder(fingerprints, kCommon + 1, except, [&](std::size_t k, std::string_view id, std::size_t own) {
    if (k != current) {
      close();
      current = k, first = holders.size(), ids_size = ids.size();
    }
    holders.push_back({XXH3_64bits(id.data(), id.size()), uint32_t(ids.size()), uint32_t(id.size()), own});
    ids.append(id);
  });
  close();
  std::sort(holders.begin(), holders.end(), [](const Holder& a, const Holder& b) { return a.key < b.key; });
  std::vector<Sharing> out;
  for (std::size_t i = 0, j = 0; i < holders.size(); i = j) {
    while (j < holders.size() && holders[j].key == holders[i].key) ++j;
    if (j - i >= 2) out.push_back({ids.substr(holders[i].at, holders[i].size), j - i, holders[i].own});
  }
  std::sort(out.begin(), out.end(), [](const Sharing& a, const Sharing& b) {
    return a.shared > b.shared || (a.shared == b.shared && a.doc < b.doc);
  });
  return out;
}

}  // namespace mosaic
