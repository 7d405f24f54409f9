// Relations read from the structure of a sentence around a trigger word
// (data/relations/triggers.tsv): who acts and on whom, in whichever voice and
// construction the sentence uses. See the file for the forms.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extract/rules.h"
#include "extract/sentence.h"

namespace mosaic {

// An actor phrase of a sentence: one mention, a list of them ("Turkey, Saudi
// Arabia and Qatar"), or a word standing for one ("it", "the group").
struct Unit {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  std::vector<const Actor*> actors;
  bool possessive = false;  // "Syria's", "its"
  bool anaphor = false;     // a pronoun or a noun standing for an actor named before
};

// A sentence's mentions joined into units: commas join mentions into a list
// only with a conjunction ("Ansar Dine, Al Qaeda's affiliate" is two units).
// A mention that only modifies what follows ("Iran-backed") makes no unit.
std::vector<Unit> sentence_units(const std::vector<Word>& words, const std::vector<MentionRef>& mentions,
                                 const PhraseSet& modifiers);

class RelationFrames {
 public:
  static RelationFrames load(const std::string& data_dir);  // throws Error naming file and line
  std::size_t size() const { return triggers_.size(); }
  // Suffixes that make a mention a mere modifier ("-backed", "-led").
  const PhraseSet& compound_suffixes() const { return compound_keys_; }

  using Found = std::function<void(const std::string& type, const Actor* from, const Actor* to)>;
  // Every relation the sentence's structure states between its units.
  void find(const std::vector<Word>& words, const std::vector<uint32_t>& keys, const std::vector<MentionRef>& mentions,
            const std::vector<Unit>& units, const Found& found) const;

 private:
  enum class Form { Verb, Event, Noun, Compound };
  struct Trigger {
    std::vector<uint32_t> keys;
    Form form = Form::Verb;
    std::string type;
    bool a_is_source = true, symmetric = false;
    bool reciprocal = false;  // with no object, a list of subjects does it to one another ("X and Y clashed")
  };
  friend class FrameReader;

  std::vector<Trigger> triggers_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_first_;  // first key -> triggers, longest first
  PhraseSet compound_keys_;
  // Word classes the structure is read with.
  PhraseSet auxiliary_, adverb_, negation_, intent_, infinitive_, light_, determiner_, relative_, object_lead_,
      enumerate_, copula_, role_lead_, close_, preposition_, member_noun_, by_, head_, accuse_, accused_, appeal_, act_, effort_, clause_, accompany_, goods_, designate_, designation_, former_, adverbial_, take_, quantity_, whither_;
};

}  // namespace mosaic
