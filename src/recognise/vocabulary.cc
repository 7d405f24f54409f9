// Parts of speech from WordNet's index files, with its inflection rules
// (the "morphy" suffixes and exception lists) so that "companies" is a noun
// and "seized" a verb.
#include <fmt/format.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

#include "mosaic/problem.h"
#include "mosaic/recognise.h"

namespace mosaic {

namespace {

// Lookups by string_view, without a std::string made for each.
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::atomic<uint64_t> next_serial{1};

}  // namespace

struct Vocabulary::Impl {
  std::unordered_map<std::string, uint8_t> lemmas;
  std::unordered_map<std::string, std::vector<std::pair<std::string, uint8_t>>> exceptions;  // form -> lemmas
  // Tells vocabularies apart for the memo of pos() (an address may be reused by another).
  const uint64_t serial = next_serial++;

  uint8_t look_up(std::string_view word) const;
};

Vocabulary::Vocabulary() : impl_(std::make_unique<Impl>()) {}
Vocabulary::~Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;

std::string Vocabulary::default_dir() {
  if (const char* env = std::getenv("MOSAIC_WORDNET"); env && *env) return env;
  return "/usr/share/wordnet";
}

Vocabulary Vocabulary::load(const std::string& dir) {
  Vocabulary v;
  const std::pair<const char*, Pos> files[] = {{"noun", Noun}, {"verb", Verb}, {"adj", Adjective}, {"adv", Adverb}};
  std::string line;
  for (const auto& [name, pos] : files) {
    const std::string index = fmt::format("{}/index.{}", dir, name);
    std::ifstream in(index);
    if (!in) throw Error(fmt::format("{}: cannot read WordNet (install Debian's wordnet-base)", index));
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      const auto sp = line.find(' ');
      if (sp == std::string::npos || line.find('_') < sp) continue;  // multi-word lemma
      v.impl_->lemmas[line.substr(0, sp)] |= pos;
    }
    std::ifstream exc(fmt::format("{}/{}.exc", dir, name));
    while (std::getline(exc, line)) {
      const auto sp = line.find(' ');
      if (sp == std::string::npos) continue;
      const auto end = line.find(' ', sp + 1);
      v.impl_->exceptions[line.substr(0, sp)].emplace_back(line.substr(sp + 1, end - sp - 1), pos);
    }
  }
  return v;
}

std::size_t Vocabulary::size() const { return impl_->lemmas.size(); }

uint8_t Vocabulary::pos(std::string_view word) const {
  // The answers are remembered, per thread: a document asks of the same few
  // hundred words again and again (the event rules ask of a word at each rule
  // that looks at it), and each answer costs up to 20 hash lookups of WordNet's
  // 83k lemmas. On `mosaic bench -j1` pos() was 3.5 % of all CPU time, 0.5 %
  // with this memo. Bounded: emptied when it holds kMemo words.
  constexpr std::size_t kMemo = 1u << 15;
  struct Memo {
    uint64_t of = 0;  // the Impl::serial of the vocabulary remembered
    std::unordered_map<std::string, uint8_t, Hash, std::equal_to<>> pos;
  };
  thread_local Memo memo;
  if (memo.of != impl_->serial) memo.pos.clear(), memo.of = impl_->serial;
  if (const auto it = memo.pos.find(word); it != memo.pos.end()) return it->second;
  const uint8_t result = impl_->look_up(word);
  if (memo.pos.size() >= kMemo) memo.pos.clear();
  memo.pos.emplace(word, result);
  return result;
}

uint8_t Vocabulary::Impl::look_up(std::string_view word) const {
  auto lookup = [&](std::string_view w) -> uint8_t {
    const auto it = lemmas.find(std::string(w));
    return it == lemmas.end() ? 0 : it->second;
  };
  uint8_t result = lookup(word);
  if (const auto it = exceptions.find(std::string(word)); it != exceptions.end())
    for (const auto& [lemma, pos] : it->second) result |= uint8_t(lookup(lemma) & pos);
  // WordNet's detachment rules: which suffix, replaced by what, for which part of speech.
  struct Rule {
    std::string_view suffix, ending;
    uint8_t pos;
  };
  static constexpr Rule kRules[] = {
      {"s", "", Noun | Verb},  {"ses", "s", Noun},   {"xes", "x", Noun},   {"zes", "z", Noun},
      {"ches", "ch", Noun},    {"shes", "sh", Noun}, {"men", "man", Noun}, {"ies", "y", Noun | Verb},
      {"es", "e", Verb},       {"es", "", Verb},     {"ed", "e", Verb},    {"ed", "", Verb},
      {"ing", "e", Verb},      {"ing", "", Verb},    {"er", "", Adjective}, {"est", "", Adjective},
      {"er", "e", Adjective},  {"est", "e", Adjective}};
  for (const auto& r : kRules) {
    if (word.size() <= r.suffix.size() + 1 || !word.ends_with(r.suffix)) continue;
    std::string base(word.substr(0, word.size() - r.suffix.size()));
    base += r.ending;
    result |= uint8_t(lookup(base) & r.pos);
  }
  return result;
}

}  // namespace mosaic
