#include "merge/shingle_memo.h"

#include "mosaic/merge.h"

namespace mosaic {

std::vector<uint64_t> ShingleMemo::get(const std::string& id, std::string_view text) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = by_id_.find(id); it != by_id_.end() && it->second->text == text) {
      entries_.splice(entries_.begin(), entries_, it->second);
      return it->second->shingles;
    }
  }
  std::vector<uint64_t> out = shingles(text);
  put(id, text, out);
  return out;
}

void ShingleMemo::put(const std::string& id, std::string_view text, const std::vector<uint64_t>& shingles) {
  if (capacity_ == 0) return;
  const std::lock_guard lock(mutex_);
  remember(id, text, shingles);
}

void ShingleMemo::remember(const std::string& id, std::string_view text, const std::vector<uint64_t>& shingles) {
  if (const auto it = by_id_.find(id); it != by_id_.end()) {
    // The same id with another text (a document replaced): the newer wins.
    it->second->text.assign(text);
    it->second->shingles = shingles;
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  if (entries_.size() >= capacity_) {
    by_id_.erase(entries_.back().id);
    entries_.pop_back();
  }
  entries_.push_front(Entry{id, std::string(text), shingles});
  by_id_.emplace(entries_.front().id, entries_.begin());
}

}  // namespace mosaic
