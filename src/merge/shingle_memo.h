// The shingles of recently seen texts, so that story detection does not
// tokenise a stored candidate again each time a later copy finds it. A pure
// memo of shingles(text): an entry is used only when the text asked about is
// byte for byte the one remembered, so what the store holds (a document
// replaced, a transaction rolled back) can never be answered from a stale
// entry. Bounded: the least recently used entry goes first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mosaic {

class ShingleMemo {
 public:
  explicit ShingleMemo(std::size_t capacity) : capacity_(capacity) {}
  // shingles(text) of document `id`, remembered or computed.
  std::vector<uint64_t> get(const std::string& id, std::string_view text);
  // Remembers shingles(text) of document `id`, computed by the caller.
  void put(const std::string& id, std::string_view text, const std::vector<uint64_t>& shingles);

 private:
  struct Entry {
    std::string id, text;
    std::vector<uint64_t> shingles;
  };
  void remember(const std::string& id, std::string_view text, const std::vector<uint64_t>& shingles);

  std::size_t capacity_;
  std::mutex mutex_;                                                   // a detector may be shared
  std::list<Entry> entries_;                                           // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_id_;  // keys view entries' ids
};

}  // namespace mosaic
