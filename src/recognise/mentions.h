// What the recogniser collects over one document before resolving it: the
// mentions it is sure of, and references that need the whole document
// ("the government", a surname alone) to resolve.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mosaic/document.h"
#include "recognise/lexicon_impl.h"

namespace mosaic {

// Collectives a document names twice, less fully the second time ("Iraqi
// militias" after "Iraqi Shiite militias"): actor id -> the one it is.
std::unordered_map<std::string, std::string> collective_merges(const Document& doc, const Lexicon::Impl& lexicon);

class DocumentMentions {
 public:
  DocumentMentions(const Lexicon::Impl& lexicon, Document& doc) : lx_(lexicon), doc_(doc) {}

  // A mention of a lexicon actor, by index. `names` says whether the text of
  // the span is a name for the actor (not so for "Russian" in "Russian airstrikes").
  void add(uint32_t sentence, Span span, uint32_t actor, bool names = true);
  // A mention of an actor the lexicon does not know (a collective, a person, an organisation).
  void add(uint32_t sentence, Span span, const Actor& actor, bool names = true);
  // A mention of a name several lexicon actors bear (`bearers`, in the lexicon's order: "SNA"),
  // taken for the first until finish() weighs what the whole document says.
  void shared(uint32_t sentence, Span span, const std::vector<uint32_t>& bearers, bool names = true);
  const Actor* actor(const std::string& id) const;
  void add_alias(const std::string& id, const std::string& alias);

  // Evidence of what country the story is about.
  void vote(uint32_t country, int weight) { votes_[country] += weight; }
  // Evidence of where it happens ("in northern Syria"), counted once more:
  // whose rebels and civilians its "rebels" and "civilians" are.
  void vote_place(uint32_t country, int weight) { place_votes_[country] += weight; }
  // Of the votes, those a country's forces or weapons cast ("Russian
  // airstrikes"): armies act abroad, so they do not say where.
  void vote_force(uint32_t country, int weight) { force_votes_[country] += weight; }

  // "the government", "rebels": resolved with the story's country.
  void generic(uint32_t sentence, Span span, std::string kind) { generics_.push_back({sentence, span, std::move(kind), {}}); }
  // "Kurdish forces", "Shiite militias": a people's armed group, of the story's
  // country ("Syrian Kurdish forces"), of type `type`.
  void collective(uint32_t sentence, Span span, std::string name, std::string type) {
    generics_.push_back({sentence, span, "collective:" + std::move(type), std::move(name)});
  }
  // A capitalised word that may be a name introduced elsewhere in the document.
  void name(uint32_t sentence, Span span, std::string key, bool titled) {
    names_.push_back({sentence, span, std::move(key), titled});
  }
  // An acronym the document defines for an actor it holds (one it does not
  // hold is not kept); looked up, the actor it stands for, or null.
  void acronym(const std::string& acr, const std::string& id) {
    if (index_.count(id)) acronyms_[acr] = id;
  }
  const Actor* acronym(const std::string& acr) const {
    const auto it = acronyms_.find(acr);
    return it == acronyms_.end() ? nullptr : actor(it->second);
  }

  // Resolves what waited for the whole document and orders the mentions.
  void finish();

 private:
  struct Pending {
    uint32_t sentence;
    Span span;
    std::string kind;
    std::string name;  // of a collective
  };
  struct Name {
    uint32_t sentence;
    Span span;
    std::string key;
    bool titled;
  };
  // A name several actors bear, and its mentions (positions in doc.mentions, and whether their
  // words name it).
  struct Shared {
    std::vector<uint32_t> bearers;
    std::vector<std::pair<std::size_t, bool>> mentions;
  };
  void push(uint32_t sentence, Span span, const std::string& id, bool names);
  void enter(uint32_t actor);  // the lexicon actor into the document, once
  void settle_shared(const CountryInfo* home);
  void merge_collectives();
  void one_name_each();
  // Moves the mentions of each actor keyed to the actor given, adding it.
  void retarget(const std::unordered_map<std::string, Actor>& into);
  std::string word_before(Span span) const;
  const CountryInfo* story_home(const CountryInfo* story) const;
  std::string surface(Span span) const { return std::string(doc_.slice(span)); }

  const Lexicon::Impl& lx_;
  Document& doc_;
  std::unordered_map<std::string, std::size_t> index_;  // actor id -> doc.actors position
  std::map<uint32_t, int> votes_, place_votes_, force_votes_;
  std::vector<Pending> generics_;
  std::vector<Name> names_;
  std::unordered_map<std::string, std::string> acronyms_;
  std::vector<Shared> shared_;
  // Lexicon actors the text names by a name they do not share (or by an acronym it defines for
  // them): of the bearers of a shared name, one so named is the one it means.
  std::unordered_set<std::string> named_;
};

}  // namespace mosaic
