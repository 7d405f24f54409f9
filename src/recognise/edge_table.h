// The edges of a phrase index below its root, (node << 32 | key id) -> node,
// in one flat table: open addressing, linear probing, a power-of-two size
// kept at most half full. std::unordered_map's lookup (a division by a prime,
// then a pointer chased to a node of its own) was a third of
// PhraseIndex::step, itself 5.4 % of `mosaic ingest -j1`.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace mosaic {

class EdgeTable {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // The node under `key`, or kNone.
  uint32_t find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.node;
      if (s.key == kEmpty) return kNone;
    }
  }

  // The node under `key` and false, or `node` put under it and true. A key
  // is never 0: edges leave nodes below the root, whose numbers start at 1.
  std::pair<uint32_t, bool> try_emplace(uint64_t key, uint32_t node) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    std::size_t i = slot(key);
    for (; slots_[i].key != kEmpty; i = (i + 1) & mask_)
      if (slots_[i].key == key) return {slots_[i].node, false};
    slots_[i] = Slot{key, node};
    ++size_;
    return {node, true};
  }

 private:
  static constexpr uint64_t kEmpty = 0;
  struct Slot {
    uint64_t key = kEmpty;
    uint32_t node = kNone;
  };
  std::size_t slot(uint64_t key) const { return std::size_t((key * 0x9e3779b97f4a7c15ull) >> shift_); }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = old.empty() ? 64 : 2 * old.size();
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    shift_ = 64;
    for (std::size_t s = size; s > 1; s >>= 1) --shift_;
    for (const Slot& s : old)
      if (s.key != kEmpty) {
        std::size_t i = slot(s.key);
        while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
        slots_[i] = s;
      }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0, mask_ = 0;
  int shift_ = 64;
};

}  // namespace mosaic
