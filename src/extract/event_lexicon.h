// The compiled event lexicon (data/events/*.tsv).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "mosaic/extract.h"
#include "recognise/phrase_index.h"

namespace mosaic {

struct EventType {
  std::string sub_event_type, event_type, plover_type, plover_mode;
  bool civilian_targets = false;
};

// How a trigger's sub-event type is decided (triggers.tsv, second column).
enum class Rule : uint8_t { Fixed, Territory, Loss, Attack, Killing };
// Where the agent stands relative to the trigger.
enum class Voice : uint8_t { Active, Noun, Passive };

struct Trigger {
  Rule rule = Rule::Fixed;
  uint32_t type = 0;  // index into types, for Rule::Fixed
  Voice voice = Voice::Active;
};

enum class Modality : uint8_t { Negation, Hypothetical, Threat, Future, Habitual, Denial, Transfer };

// What a counted noun or a state word says (counted.tsv).
struct Counted {
  std::string what;
  int civilian = -1;   // 1 civilians, 0 combatants, -1 either
  bool state = false;  // "killed", "besieged": what happened to those counted
};

struct EventLexicon::Impl {
  std::vector<EventType> types;
  std::unordered_map<std::string, uint32_t> type_by_name;
  PhraseIndex triggers;
  std::vector<Trigger> trigger_defs;
  PhraseIndex modality;
  std::vector<Modality> modality_defs;
  PhraseIndex place_heads, place_prepositions;
  PhraseIndex numbers;
  std::vector<int> number_values;
  std::vector<bool> number_vague;  // ACLED's reading of a vague amount ("dozens": 12)
  PhraseIndex counted;
  std::vector<Counted> counted_defs;
  PhraseIndex speech;                 // payload: 1 asserts, 0 denies
  PhraseIndex agent_gaps;             // between an attack noun and its "by" (agents.tsv)

  const EventType& type(const std::string& name) const { return types[type_by_name.at(name)]; }
};

}  // namespace mosaic
