// Sentence boundaries from ICU's rules, with abbreviations that do not end a
// sentence ("Mr.", "Gen.") suppressed.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <fstream>
#include <mutex>

#include "mosaic/problem.h"
#include "mosaic/segment.h"
#include "util/text.h"

namespace mosaic {

struct SentenceSplitter::Impl {
  // Break iterators keep per-text state: each split takes one of its own, a
  // clone of the first, and leaves it for the next, so that threads splitting
  // at once (the ingest's analysis) each have one.
  std::unique_ptr<icu::BreakIterator> breaker;
  std::mutex mutex;
  std::vector<std::unique_ptr<icu::BreakIterator>> idle;

  std::unique_ptr<icu::BreakIterator> take() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return std::unique_ptr<icu::BreakIterator>(breaker->clone());
    auto b = std::move(idle.back());
    idle.pop_back();
    return b;
  }
  void give_back(std::unique_ptr<icu::BreakIterator> b) {
    std::lock_guard lock(mutex);
    idle.push_back(std::move(b));
  }
};

SentenceSplitter::SentenceSplitter(const std::vector<std::string>& abbreviations)
    : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale english = icu::Locale::getEnglish();
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  if (U_FAILURE(status)) throw Error(std::string("ICU: no sentence rules: ") + u_errorName(status));
  for (const auto& a : abbreviations)
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
  impl_->breaker.reset(builder->build(icu::BreakIterator::createSentenceInstance(english, status), status));
  if (U_FAILURE(status)) throw Error(std::string("ICU: sentence iterator: ") + u_errorName(status));
}

SentenceSplitter::~SentenceSplitter() = default;

namespace {

// A "sentence" longer than this is no sentence (a table, a list, text that
// lost its punctuation): it is cut at spaces into pieces no longer, so that
// what every later stage does per sentence stays bounded. The longest
// sentences of the development corpora are under 2,300 bytes.
constexpr std::size_t kMostSentenceBytes = 3000;

void add_sentence(std::string_view text, std::size_t b, std::size_t e, std::vector<Sentence>& out) {
  while (e - b > kMostSentenceBytes) {
    std::size_t cut = b + kMostSentenceBytes;
    while (cut > b + kMostSentenceBytes / 2 && !is_ascii_space(text[cut])) --cut;
    if (!is_ascii_space(text[cut])) {  // no space: cut between two characters
      cut = b + kMostSentenceBytes;
      while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    std::size_t piece_end = cut;
    while (piece_end > b && is_ascii_space(text[piece_end - 1])) --piece_end;
    if (piece_end > b) out.push_back(Sentence{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(piece_end)}});
    b = cut;
    while (b < e && is_ascii_space(text[b])) ++b;
  }
  if (e > b) out.push_back(Sentence{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}});
}

}  // namespace

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  std::unique_ptr<icu::BreakIterator> held = impl_->take();
  if (!held) {
    utext_close(ut);
    throw Error("ICU: cannot copy the sentence iterator");
  }
  auto& bi = *held;
  bi.setText(ut, status);
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    auto b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    while (b < e && is_ascii_space(text[b])) ++b;
    while (e > b && is_ascii_space(text[e - 1])) --e;
    add_sentence(text, b, e, out);
  }
  utext_close(ut);
  impl_->give_back(std::move(held));
  return out;
}

std::vector<std::string> load_word_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot read word list");
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view w = trim(line);
    if (!w.empty() && !w.starts_with('#')) words.emplace_back(w);
  }
  return words;
}

}  // namespace mosaic
