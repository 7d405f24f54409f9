#include "extract/event_lexicon.h"

#include <fmt/format.h>

#include "mosaic/problem.h"
#include "util/tsv.h"

namespace mosaic {

EventLexicon::EventLexicon() : impl_(std::make_unique<Impl>()) {}
EventLexicon::~EventLexicon() = default;
EventLexicon::EventLexicon(EventLexicon&&) noexcept = default;
EventLexicon& EventLexicon::operator=(EventLexicon&&) noexcept = default;

std::size_t EventLexicon::trigger_count() const { return impl_->trigger_defs.size(); }

EventLexicon EventLexicon::load(const std::string& data_dir) {
  EventLexicon lexicon;
  Impl& lx = *lexicon.impl_;
  const std::string dir = data_dir + "/events/";

  read_tsv(dir + "types.tsv", 5, [&](const std::vector<std::string>& c, std::size_t) {
    lx.type_by_name[c[0]] = uint32_t(lx.types.size());
    lx.types.push_back({c[0], c[1], c[2] == "-" ? "" : c[2], c[3] == "-" ? "" : c[3], c[4] == "yes"});
  });

  const std::string triggers = dir + "triggers.tsv";
  read_tsv(triggers, 3, [&](const std::vector<std::string>& c, std::size_t line) {
    Trigger t;
    if (c[1] == "@territory") t.rule = Rule::Territory;
    else if (c[1] == "@loss") t.rule = Rule::Loss;
    else if (c[1] == "@attack") t.rule = Rule::Attack;
    else if (c[1] == "@killing") t.rule = Rule::Killing;
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
        {"transfer", Modality::Transfer}};
    const auto* k = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& x) { return c[1] == x.first; });
    if (k == std::end(kKinds)) throw Error(fmt::format("{}:{}: unknown modality '{}'", modality, line, c[1]));
    for (const auto& phrase : split_list(c[0])) lx.modality.add(phrase, uint32_t(lx.modality_defs.size()));
    lx.modality_defs.push_back(k->second);
  });

  const std::string places = dir + "places.tsv";
  read_tsv(places, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[1] != "head" && c[1] != "preposition")
      throw Error(fmt::format("{}:{}: class '{}' is not head or preposition", places, line, c[1]));
    for (const auto& phrase : split_list(c[0])) (c[1] == "head" ? lx.place_heads : lx.place_prepositions).add(phrase, 0);
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
  read_tsv(dir + "agents.tsv", 1, [&](const std::vector<std::string>& c, std::size_t) {
    for (const auto& phrase : split_list(c[0])) lx.agent_gaps.add(phrase, 0);
  });
  return lexicon;
}

}  // namespace mosaic
