// What the writer knows of stored documents without asking the server: the
// texts and stories merging reads (text_of, story_of), those it wrote and
// those it read. Valid only while no other process has written: the writer
// forgets all of it when it begins a write session and finds the store's
// version changed since its own last commit, and when a session is rolled
// back. Within a session only this connection writes (writers take turns),
// and its own writes are recorded here as they are made.
//
// Why: merging reads the texts of a document's candidate copies and the story
// of the one it copies most, and those are mostly the same few documents
// stored early (holders come by document id); when every read went to the
// server, a bench document cost a round trip more for its text and 0.4 for a
// story, each a wait for the server to be scheduled on a busy machine.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

namespace mosaic::postgres {

class KnownDocuments {
 public:
  std::optional<std::string> text(const std::string& id) const { return find(texts_, id); }
  std::optional<std::string> story(const std::string& id) const { return find(stories_, id); }

  void set_text(const std::string& id, const std::string& text) {
    if (const auto old = texts_.find(id); old != texts_.end()) {
      text_bytes_ -= old->second.size();
      texts_.erase(old);
    }
    // Bounded by forgetting all at once: what is read again is the few
    // documents copied most, which come back first.
    if (text_bytes_ + text.size() > kTextBytes) texts_.clear(), text_bytes_ = 0;
    texts_.emplace(id, text);
    text_bytes_ += text.size();
  }
  // The story as story_of tells it: the document's own id when it has none.
  void set_story(const std::string& id, const std::string& story) {
    if (stories_.size() >= kStories && !stories_.count(id)) stories_.clear();
    stories_[id] = story.empty() ? id : story;
  }
  void forget_stories() { stories_.clear(); }
  void forget() {
    texts_.clear();
    stories_.clear();
    text_bytes_ = 0;
  }

 private:
  static constexpr std::size_t kTextBytes = std::size_t(16) << 20;
  static constexpr std::size_t kStories = std::size_t(1) << 16;
  static std::optional<std::string> find(const std::unordered_map<std::string, std::string>& in, const std::string& id) {
    const auto found = in.find(id);
    if (found == in.end()) return std::nullopt;
    return found->second;
  }
  std::unordered_map<std::string, std::string> texts_, stories_;
  std::size_t text_bytes_ = 0;
};

}  // namespace mosaic::postgres
