// The compiled event lexicon (data/events/*.tsv).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mosaic/extract.h"
#include "recognise/phrase_index.h"

namespace mosaic {

// The armed violence an event type is (types.tsv, ninth column).
enum class ArmedViolence : uint8_t {
  None,      // no armed violence: demonstrations, riots, force used on them, strategic developments
  Clash,     // armed sides fight each other (battles)
  Remote,    // a strike from afar or an explosive
  OneSided,  // armed violence against civilians
};

// Who is actor1 of violence its sentence names nobody for (types.tsv, eleventh column).
enum class Unnamed : uint8_t {
  Claimant,  // whoever claimed the document's violence
  Striker,   // the claimant, else the armed actor1 the document's remote violence has most
  Flier,     // the claimant if others blamed it, else that striker if it flies, else the state or
             // foreign force the document names most
};

struct EventType {
  std::string sub_event_type, event_type, plover_type, plover_mode;
  bool civilian_targets = false;
  bool violent = false;              // its toll counts; a report's violence is its main event
  bool demonstrators_first = false;  // ACLED codes the demonstrators or rioters as actor1
  bool one_sided = false;            // and nobody as actor2: no other side took part (a peaceful protest)
  bool demonstration = false;        // its words say people demonstrated
  ArmedViolence armed_violence = ArmedViolence::None;
  bool strike = false;               // outlets tell one strike as this or another such type
  Unnamed unnamed_actor1 = Unnamed::Claimant;
  bool for_government = false;       // actor1 acts for the government: a non-state one is the state's ally
  std::string abroad;                // the type it is when a state's forces do it outside their country, or empty

  // Whether its actor1 and actor2, armed both, fight each other (a battle, a strike).
  bool fighting() const { return armed_violence == ArmedViolence::Clash || armed_violence == ArmedViolence::Remote; }
};

// The rows of data/events/types.tsv, in order; throws Error naming file and line.
std::vector<EventType> load_event_types(const std::string& data_dir);

// How a trigger's sub-event type is decided (triggers.tsv, second column).
enum class Rule : uint8_t { Fixed, Territory, Loss, Attack, Clash, Killing, Bomb, Destroy, Disorder, Raid, Intercept, Strike, Weapon, Beat };

// A raid is an attack in how its parties are read (who entered where); only the decision table
// tells the two apart, since a raid that harms no one is told by what it found. So is a strike
// ("struck", "hit"), which the table makes no event when no armed party acts ("floods hit"), and a
// beating ("assaulted", "beat up"), which the table makes a mob's when hands it cannot name do it.
inline bool attack_like(Rule r) { return r == Rule::Attack || r == Rule::Raid || r == Rule::Strike || r == Rule::Beat; }

// What kind of party stands in an event's slot (parties.tsv), as decisions.tsv reads it.
enum class Party : uint8_t { None, State, Armed, Communal, Unknown, People, Crowd, Protester, Civilian, Aerial, Drone, Hazard };

// Circumstances a decision may require (decisions.tsv, fourth column), as bits.
enum Context : uint8_t { kProtest = 1, kAerial = 2, kCombatants = 4, kCivilians = 8 };

// Cues about a sentence's circumstances (cues.tsv), as bits of a hit's payload.
enum Cue : uint32_t {
  kLethal = 1, kTopic = 2, kOccasion = 4, kToll = 8, kLink = 16, kPerpetrator = 32, kTags = 64, kSeparate = 128, kAggregate = 256,
  kRite = 512, kAnswer = 1024, kGathering = 2048, kPurpose = 4096, kRelease = 8192,
  kCaptive = 16384, kAttempt = 32768, kDone = 65536, kCompany = 131072,
  kOperation = 262144, kMovement = 524288, kResponse = 1048576, kDeath = 2097152,
  kReciprocal = 4194304, kUnrest = 8388608
};

// One row of decisions.tsv: the first row matching an event decides its type.
struct Decision {
  uint16_t rules = 0;     // bits of Rule
  uint16_t agents = 0;    // bits of Party
  uint16_t targets = 0;   // bits of Party
  uint8_t context = 0;    // bits of Context, all required
  int lethal = -1;        // 1 yes, 0 no, -1 either
  int type = -1;          // index into types, -1 for no event
};
// Where the agent stands relative to the trigger.
enum class Voice : uint8_t { Active, Noun, Passive };

struct Trigger {
  Rule rule = Rule::Fixed;
  uint32_t type = 0;  // index into types, for Rule::Fixed
  Voice voice = Voice::Active;
};

enum class Modality : uint8_t { Negation, Hypothetical, Threat, Future, Habitual, Denial, Transfer, Aggregate, History, Statement, Backdrop, Era, Elsewhere, Request };

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
  std::vector<Decision> decisions;
  // One incident told as two types: the type it is coded as (combine.tsv), keyed by both types,
  // and whether the two reports must share an actor.
  struct Combined {
    uint32_t to = 0;
    bool shared = false;
    bool ends = false;  // the other type ends the incident's: its sides say nothing of who fought
  };
  std::unordered_map<uint64_t, Combined> combined;
  PhraseIndex parties;                // payload: Party
  PhraseIndex cues;                   // payload: bits of Cue
  PhraseIndex modality;
  std::vector<Modality> modality_defs;
  PhraseIndex place_heads, place_prepositions;  // prepositions' payload: 0 or one of these
  static constexpr uint32_t kPlaceOne = 1;       // "between A and B": one place, not a list
  static constexpr uint32_t kPlaceOrigin = 3;    // "from A and B": where people come from, not a list
  static constexpr uint32_t kPlaceCoded = 2;     // "(coded as A)": the place the text says it is coded at
  static constexpr uint32_t kPlaceSite = 4;      // a head naming a site within a town: "camp", "hospital"
  static constexpr uint32_t kPlaceDivision = 5;  // a head naming an administrative division: "district"
  static constexpr uint32_t kPlaceTitled = 6;    // a head that, capitalised, is part of the name: "Mexico City"
  PhraseIndex dweller_nouns;  // "residents", "traders": a name right before them is where they live
  PhraseIndex name_particles;  // "de", "da", "del": written small inside a place's name ("Complexo da Mare")
  PhraseIndex capital_nouns;  // "capital", "capital city": the story's country's capital, unnamed
  PhraseIndex goods;  // "livestock", "vehicles": what a raid carries off (goods.tsv)
  // Armed groups acting for a government (sides.tsv): exact canonical names, and name endings.
  std::unordered_set<std::string> government_affiliates;
  std::vector<std::string> government_affiliate_endings;
  // A state, its forces, or an affiliate: whose taking of a place is the government's regaining it.
  bool government_side(const Actor& a) const;
  // ACLED's type for a place taken, by who took it: the government's side regains it, any other
  // overtakes it.
  static constexpr std::string_view kRegains = "Government regains territory", kOvertakes = "Non-state actor overtakes territory";
  std::string_view territory_type(const Actor& taker) const { return government_side(taker) ? kRegains : kOvertakes; }
  PhraseIndex numbers;
  std::vector<int> number_values;
  std::vector<bool> number_vague;  // ACLED's reading of a vague amount ("dozens": 12)
  PhraseIndex counted;
  std::vector<Counted> counted_defs;
  PhraseIndex speech;                 // payload: 1 asserts, 0 denies
  PhraseIndex agent_gaps;             // between an attack noun and its "by" (agents.tsv)
  PhraseIndex launchers;              // verbs whose subject did the attack their object names (launchers.tsv)
  PhraseIndex impacts;                // verbs whose subject is an attack and whose object it hit (impacts.tsv)
  PhraseIndex disruptors;             // verbs that make a weapon their object names safe (disruptors.tsv)
  struct Disruption {
    std::string event_type;  // of the weapon's own event
    uint32_t type;           // what the verb makes of it
  };
  std::vector<Disruption> disruptions;  // payloads of disruptors
  // Where a sentence's words may begin a phrase of each of the indexes above, in one pass.
  PhraseStarts starts;

  const EventType& type(const std::string& name) const { return types[type_by_name.at(name)]; }
  // The type of that name, or null for a name types.tsv does not have.
  const EventType* find_type(const std::string& name) const {
    const auto t = type_by_name.find(name);
    return t == type_by_name.end() ? nullptr : &types[t->second];
  }
  // The first decision for `rule` between these parties in this context, or -1 (no event).
  int decide(Rule rule, Party agent, Party target, uint8_t context, bool lethal) const;
  // What two types told of one incident are coded as, or -1 if they are two events;
  // `shared` says whether the two reports must share an actor, `ends` (if asked) whether the
  // one not of the incident's type only ends it, its sides none of the incident's.
  int combine(uint32_t a, uint32_t b, bool& shared, bool* ends = nullptr) const;
};

}  // namespace mosaic
