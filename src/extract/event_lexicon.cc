#include "extract/event_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "mosaic/problem.h"
#include "util/tsv.h"

namespace mosaic {

EventLexicon::EventLexicon() : impl_(std::make_unique<Impl>()) {}
EventLexicon::~EventLexicon() = default;
EventLexicon::EventLexicon(EventLexicon&&) noexcept = default;
EventLexicon& EventLexicon::operator=(EventLexicon&&) noexcept = default;

std::size_t EventLexicon::trigger_count() const { return impl_->trigger_defs.size(); }

std::vector<EventType> load_event_types(const std::string& data_dir) {
  std::vector<EventType> out;
  const std::string types = data_dir + "/events/types.tsv";
  std::vector<std::size_t> lines;
  read_tsv(types, 13, [&](const std::vector<std::string>& c, std::size_t line) {
    const auto yes = [&](const std::string& v) { return yes_no(v, types, line); };
    if (c[6] != "initiator" && c[6] != "demonstrators" && c[6] != "demonstrators-alone")
      throw Error(fmt::format("{}:{}: actor1 '{}' is not initiator, demonstrators or demonstrators-alone", types, line, c[6]));
    EventType t;
    t.sub_event_type = c[0], t.event_type = c[1];
    t.plover_type = c[2] == "-" ? "" : c[2], t.plover_mode = c[3] == "-" ? "" : c[3];
    t.civilian_targets = yes(c[4]), t.violent = yes(c[5]);
    t.demonstrators_first = c[6] != "initiator", t.one_sided = c[6] == "demonstrators-alone";
    t.demonstration = yes(c[7]);
    if (c[8] == "clash") t.armed_violence = ArmedViolence::Clash;
    else if (c[8] == "remote") t.armed_violence = ArmedViolence::Remote;
    else if (c[8] == "one-sided") t.armed_violence = ArmedViolence::OneSided;
    else if (c[8] != "-")
      throw Error(fmt::format("{}:{}: armed violence '{}' is not clash, remote, one-sided or -", types, line, c[8]));
    t.strike = yes(c[9]);
    if (c[10] == "striker") t.unnamed_actor1 = Unnamed::Striker;
    else if (c[10] == "flier") t.unnamed_actor1 = Unnamed::Flier;
    else if (c[10] != "claimant")
      throw Error(fmt::format("{}:{}: unnamed actor1 '{}' is not claimant, striker or flier", types, line, c[10]));
    t.for_government = yes(c[11]);
    t.abroad = c[12] == "-" ? "" : c[12];
    out.push_back(std::move(t));
    lines.push_back(line);
  });
  for (std::size_t k = 0; k < out.size(); ++k)
    if (!out[k].abroad.empty() &&
        std::none_of(out.begin(), out.end(), [&](const EventType& t) { return t.sub_event_type == out[k].abroad; }))
      throw Error(fmt::format("{}:{}: abroad '{}' is not a sub-event type of types.tsv", types, lines[k], out[k].abroad));
  return out;
}

EventLexicon EventLexicon::load(const std::string& data_dir) {
  EventLexicon lexicon;
  Impl& lx = *lexicon.impl_;
  const std::string dir = data_dir + "/events/";

  for (EventType& t : load_event_types(data_dir)) {
    lx.type_by_name[t.sub_event_type] = uint32_t(lx.types.size());
    lx.types.push_back(std::move(t));
  }
  const auto type_of = [&](const std::string& name, const std::string& file, std::size_t line) {
    const auto t = lx.type_by_name.find(name);
    if (t == lx.type_by_name.end())
      throw Error(fmt::format("{}:{}: '{}' is not a sub-event type of types.tsv", file, line, name));
    return t->second;
  };

  static const std::pair<const char*, Rule> kRules[] = {
      {"territory", Rule::Territory}, {"loss", Rule::Loss},       {"attack", Rule::Attack}, {"clash", Rule::Clash},
      {"killing", Rule::Killing},     {"bomb", Rule::Bomb},       {"destroy", Rule::Destroy},
      {"disorder", Rule::Disorder},   {"raid", Rule::Raid},       {"intercept", Rule::Intercept},
      {"strike", Rule::Strike}, {"weapon", Rule::Weapon}, {"beat", Rule::Beat}};
  const auto rule_of = [&](std::string_view name) -> std::optional<Rule> {
    for (const auto& [n, r] : kRules)
      if (name == n) return r;
    return std::nullopt;
  };

  const std::string triggers = dir + "triggers.tsv";
  read_tsv(triggers, 3, [&](const std::vector<std::string>& c, std::size_t line) {
    Trigger t;
    if (c[1].starts_with('@') && rule_of(std::string_view(c[1]).substr(1))) t.rule = *rule_of(std::string_view(c[1]).substr(1));
    else if (lx.type_by_name.count(c[1])) t.type = lx.type_by_name[c[1]];
    else throw Error(fmt::format("{}:{}: '{}' is not a sub-event type of types.tsv nor a rule", triggers, line, c[1]));
    if (c[2] == "active") t.voice = Voice::Active;
    else if (c[2] == "noun") t.voice = Voice::Noun;
    else if (c[2] == "passive") t.voice = Voice::Passive;
    else throw Error(fmt::format("{}:{}: voice '{}' is not active, noun or passive", triggers, line, c[2]));
    for (const auto& phrase : split_list(c[0])) lx.triggers.add(phrase, uint32_t(lx.trigger_defs.size()));
    lx.trigger_defs.push_back(t);
  });

  const std::string modality = dir + "modality.tsv";
  read_tsv(modality, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    static const std::pair<const char*, Modality> kKinds[] = {
        {"negation", Modality::Negation}, {"hypothetical", Modality::Hypothetical}, {"threat", Modality::Threat},
        {"future", Modality::Future},     {"habitual", Modality::Habitual},         {"denial", Modality::Denial},
        {"transfer", Modality::Transfer}, {"aggregate", Modality::Aggregate},
        {"history", Modality::History}, {"statement", Modality::Statement}, {"backdrop", Modality::Backdrop}, {"era", Modality::Era},
        {"elsewhere", Modality::Elsewhere}, {"request", Modality::Request}};
    const auto* k = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& x) { return c[1] == x.first; });
    if (k == std::end(kKinds)) throw Error(fmt::format("{}:{}: unknown modality '{}'", modality, line, c[1]));
    for (const auto& phrase : split_list(c[0])) lx.modality.add(phrase, uint32_t(lx.modality_defs.size()));
    lx.modality_defs.push_back(k->second);
  });

  const std::string places = dir + "places.tsv";
  read_tsv(places, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "head" && c[1] != "titled" && c[1] != "division" && c[1] != "site" && c[1] != "preposition" &&
        c[1] != "between" && c[1] != "origin" && c[1] != "coded" && c[1] != "capital" && c[1] != "dweller" &&
        c[1] != "particle")
      throw Error(fmt::format("{}:{}: class '{}' is not head, titled, division, site, preposition, between, origin, "
                              "coded, capital, dweller or particle",
                              places, line, c[1]));
    PhraseIndex& index = c[1] == "head" || c[1] == "titled" || c[1] == "division" || c[1] == "site" ? lx.place_heads
                         : c[1] == "capital" ? lx.capital_nouns
                         : c[1] == "particle" ? lx.name_particles
                         : c[1] == "dweller" ? lx.dweller_nouns
                                             : lx.place_prepositions;
    const uint32_t kind = c[1] == "between" ? EventLexicon::Impl::kPlaceOne
                          : c[1] == "origin" ? EventLexicon::Impl::kPlaceOrigin
                          : c[1] == "coded" ? EventLexicon::Impl::kPlaceCoded
                          : c[1] == "site"  ? EventLexicon::Impl::kPlaceSite
                          : c[1] == "division" ? EventLexicon::Impl::kPlaceDivision
                          : c[1] == "titled" ? EventLexicon::Impl::kPlaceTitled
                                            : 0;
    for (const auto& phrase : split_list(c[0])) index.add(phrase, kind);
  });

  read_tsv(dir + "sides.tsv", 1, [&](const std::vector<std::string>& c, std::size_t) {
    for (const auto& name : split_list(c[0]))
      if (name.starts_with('*')) lx.government_affiliate_endings.push_back(name.substr(1));
      else lx.government_affiliates.insert(name);
  });

  read_tsv(dir + "goods.tsv", 1, [&](const std::vector<std::string>& c, std::size_t) {
    for (const auto& phrase : split_list(c[0])) lx.goods.add(phrase, 0);
  });

  const std::string numbers = dir + "numbers.tsv";
  read_tsv(numbers, 3, [&](const std::vector<std::string>& c, std::size_t line) {
    int value = 0;
    try {
      value = std::stoi(c[1]);
    } catch (const std::exception&) {
      throw Error(fmt::format("{}:{}: '{}' is not a number", numbers, line, c[1]));
    }
    if (c[2] != "exact" && c[2] != "vague")
      throw Error(fmt::format("{}:{}: reading '{}' is not exact or vague", numbers, line, c[2]));
    for (const auto& phrase : split_list(c[0])) lx.numbers.add(phrase, uint32_t(lx.number_values.size()));
    lx.number_values.push_back(value);
    lx.number_vague.push_back(c[2] == "vague");
  });

  const std::string counted = dir + "counted.tsv";
  read_tsv(counted, 3, [&](const std::vector<std::string>& c, std::size_t) {
    static const std::string_view kStates[] = {"killed", "wounded", "besieged", "displaced", "detained"};
    Counted k{c[1], c[2] == "yes" ? 1 : c[2] == "no" ? 0 : -1,
              std::find(std::begin(kStates), std::end(kStates), c[1]) != std::end(kStates)};
    for (const auto& phrase : split_list(c[0])) lx.counted.add(phrase, uint32_t(lx.counted_defs.size()));
    lx.counted_defs.push_back(k);
  });
  const std::string speech = dir + "speech.tsv";
  read_tsv(speech, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "asserts" && c[1] != "denies")
      throw Error(fmt::format("{}:{}: stance '{}' is not asserts or denies", speech, line, c[1]));
    for (const auto& phrase : split_list(c[0])) lx.speech.add(phrase, c[1] == "asserts" ? 1 : 0);
  });

  static const std::pair<const char*, Party> kParties[] = {
      {"none", Party::None},         {"state", Party::State}, {"armed", Party::Armed},
      {"communal", Party::Communal}, {"unknown", Party::Unknown}, {"people", Party::People}, {"crowd", Party::Crowd},
      {"protester", Party::Protester}, {"civilian", Party::Civilian}, {"aerial", Party::Aerial},
      {"drone", Party::Drone},       {"hazard", Party::Hazard}};
  const auto party_of = [&](std::string_view name, const std::string& file, std::size_t line) {
    for (const auto& [n, p] : kParties)
      if (name == n) return p;
    throw Error(fmt::format("{}:{}: '{}' is not a party of parties.tsv", file, line, name));
  };
  const std::string parties = dir + "parties.tsv";
  read_tsv(parties, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    const Party p = party_of(c[1], parties, line);
    for (const auto& phrase : split_list(c[0])) lx.parties.add(phrase, uint32_t(p));
  });

  const std::string cues = dir + "cues.tsv";
  read_tsv(cues, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    static const std::pair<const char*, Cue> kCues[] = {{"lethal", kLethal}, {"topic", kTopic}, {"occasion", kOccasion}, {"toll", kToll},
                                                        {"link", kLink}, {"perpetrator", kPerpetrator},
                                                        {"tags", kTags}, {"separate", kSeparate},
                                                        {"aggregate", kAggregate}, {"rite", kRite},
                                                        {"answer", kAnswer}, {"gathering", kGathering},
                                                        {"purpose", kPurpose}, {"release", kRelease},
                                                        {"captive", kCaptive}, {"attempt", kAttempt},
                                                        {"done", kDone}, {"company", kCompany},
                                                        {"operation", kOperation}, {"movement", kMovement},
                                                        {"response", kResponse}, {"death", kDeath},
                                                        {"reciprocal", kReciprocal}, {"unrest", kUnrest}};
    const auto* k = std::find_if(std::begin(kCues), std::end(kCues), [&](const auto& x) { return c[1] == x.first; });
    if (k == std::end(kCues)) throw Error(fmt::format("{}:{}: unknown cue '{}'", cues, line, c[1]));
    for (const auto& phrase : split_list(c[0])) lx.cues.add(phrase, k->second);
  });

  const std::string decisions = dir + "decisions.tsv";
  read_tsv(decisions, 6, [&](const std::vector<std::string>& c, std::size_t line) {
    Decision d;
    for (const auto& r : split_list(c[0])) {
      const auto rule = rule_of(r);
      if (!rule) throw Error(fmt::format("{}:{}: '{}' is not a rule of triggers.tsv", decisions, line, r));
      d.rules |= uint16_t(1u << unsigned(*rule));
    }
    const auto parties_in = [&](const std::string& col) {
      if (col == "*") return uint16_t(0xffff);
      uint16_t bits = 0;
      for (const auto& p : split_list(col)) bits |= uint16_t(1u << unsigned(party_of(p, decisions, line)));
      return bits;
    };
    d.agents = parties_in(c[1]);
    d.targets = parties_in(c[2]);
    if (c[3] != "*")
      for (const auto& x : split_list(c[3])) {
        if (x == "protest") d.context |= kProtest;
        else if (x == "aerial") d.context |= kAerial;
        else if (x == "combatants") d.context |= kCombatants;
        else if (x == "civilians") d.context |= kCivilians;
        else throw Error(fmt::format("{}:{}: context '{}' is not protest, aerial, combatants or civilians", decisions, line, x));
      }
    if (c[4] != "*" && c[4] != "yes" && c[4] != "no")
      throw Error(fmt::format("{}:{}: lethal '{}' is not yes, no or *", decisions, line, c[4]));
    d.lethal = c[4] == "yes" ? 1 : c[4] == "no" ? 0 : -1;
    d.type = c[5] == "none" ? -1 : int(type_of(c[5], decisions, line));
    lx.decisions.push_back(d);
  });

  const std::string combine = dir + "combine.tsv";
  read_tsv(combine, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    const uint64_t a = type_of(c[0], combine, line), b = type_of(c[1], combine, line);
    const uint32_t to = type_of(c[2], combine, line);
    if (c[3] != "yes" && c[3] != "no" && c[3] != "ends")
      throw Error(fmt::format("{}:{}: shared '{}' is not yes, no or ends", combine, line, c[3]));
    lx.combined[a << 32 | b] = {to, c[3] == "yes", c[3] == "ends"};
    lx.combined[b << 32 | a] = {to, c[3] == "yes", c[3] == "ends"};
  });

  read_tsv(dir + "agents.tsv", 1, [&](const std::vector<std::string>& c, std::size_t) {
    for (const auto& phrase : split_list(c[0])) lx.agent_gaps.add(phrase, 0);
  });
  const std::string launchers = dir + "launchers.tsv";
  read_tsv(launchers, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "does" && c[1] != "answers")
      throw Error(fmt::format("{}:{}: '{}' is not does or answers", launchers, line, c[1]));
    for (const auto& phrase : split_list(c[0])) lx.launchers.add(phrase, c[1] == "answers" ? 1 : 0);
  });
  read_tsv(dir + "impacts.tsv", 1, [&](const std::vector<std::string>& c, std::size_t) {
    for (const auto& phrase : split_list(c[0])) lx.impacts.add(phrase, 0);
  });
  const std::string disruptors = dir + "disruptors.tsv";
  read_tsv(disruptors, 3, [&](const std::vector<std::string>& c, std::size_t line) {
    const bool known = std::any_of(lx.types.begin(), lx.types.end(), [&](const EventType& t) { return t.event_type == c[1]; });
    if (!known) throw Error(fmt::format("{}:{}: '{}' is no event type of types.tsv", disruptors, line, c[1]));
    lx.disruptions.push_back({c[1], type_of(c[2], disruptors, line)});
    for (const auto& phrase : split_list(c[0])) lx.disruptors.add(phrase, uint32_t(lx.disruptions.size() - 1));
  });
  lx.starts = PhraseStarts({&lx.triggers, &lx.parties, &lx.cues, &lx.modality, &lx.place_heads, &lx.place_prepositions,
                            &lx.dweller_nouns, &lx.name_particles, &lx.capital_nouns, &lx.goods, &lx.numbers,
                            &lx.counted, &lx.speech, &lx.agent_gaps, &lx.launchers, &lx.impacts, &lx.disruptors});
  return lexicon;
}

int EventLexicon::Impl::decide(Rule rule, Party agent, Party target, uint8_t context, bool lethal) const {
  for (const Decision& d : decisions)
    if ((d.rules >> unsigned(rule) & 1) && (d.agents >> unsigned(agent) & 1) && (d.targets >> unsigned(target) & 1) &&
        (context & d.context) == d.context && (d.lethal < 0 || d.lethal == int(lethal)))
      return d.type;
  return -1;
}

int EventLexicon::Impl::combine(uint32_t a, uint32_t b, bool& shared, bool* ends) const {
  const auto c = combined.find(uint64_t(a) << 32 | b);
  if (c == combined.end()) return -1;
  shared = c->second.shared;
  if (ends) *ends = c->second.ends;
  return int(c->second.to);
}

bool EventLexicon::Impl::government_side(const Actor& a) const {
  if (a.type == "state" || a.type == "state_forces") return true;
  if (government_affiliates.count(a.name) || (a.id.starts_with('?') && government_affiliates.count(a.id))) return true;
  return std::any_of(government_affiliate_endings.begin(), government_affiliate_endings.end(),
                     [&](const std::string& end) { return a.name.ends_with(end); });
}

}  // namespace mosaic
