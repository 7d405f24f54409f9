// Contradictions: what one story, or one event, is told to be, differently.
#include <algorithm>
#include <map>
#include <set>

#include "mosaic/merge.h"

namespace mosaic {

std::vector<Contradiction> find_contradictions(const Store& store) {
  std::vector<Contradiction> out;
  // A count of one story given with other numbers by its documents: "250,000
  // people besieged" in one copy, "275,000" in another.
  std::map<std::string, std::string> story;
  store.for_each_story([&](const Store::StorySummary& s) {
    for (const auto& d : s.documents) story[d] = s.story;
  });
  std::map<std::pair<std::string, std::string>, std::vector<Contradiction::Value>> counts;  // (story, what)
  store.for_each_quantity([&](const std::string& doc, const Quantity& q, std::string_view) {
    auto& values = counts[{story[doc], q.what}];
    const bool known = std::any_of(values.begin(), values.end(), [&](const auto& v) { return v.doc == doc && v.value == q.value; });
    if (!known) values.push_back({q.value, doc, "", ""});
  });
  for (auto& [key, values] : counts) {
    const bool differ = std::any_of(values.begin(), values.end(), [&](const auto& v) { return v.value != values.front().value; });
    std::set<std::string> docs;
    for (const auto& v : values) docs.insert(v.doc);
    if (differ && docs.size() > 1) out.push_back({key.second, values});
  }
  // One event's toll reported differently.
  std::map<std::string, std::vector<Contradiction::Value>> tolls;
  store.for_each_event({}, [&](const Store::StoredEvent& e) {
    if (e.event.fatalities) tolls[e.event.group].push_back({double(*e.event.fatalities), e.doc, "", e.source});
  });
  for (auto& [group, values] : tolls) {
    const bool differ = std::any_of(values.begin(), values.end(), [&](const auto& v) { return v.value != values.front().value; });
    if (differ) out.push_back({"fatalities of event " + group, values});
  }
  // A report asserted by one source and denied by another, in one sentence or about one event.
  std::map<std::string, std::vector<Contradiction::Value>> said;
  store.for_each_claim([&](const Store::StoredClaim& c) {
    const std::string key = c.claim.about.empty() ? c.doc + "#" + std::to_string(c.claim.sentence) : c.claim.about;
    said[key].push_back({std::nullopt, c.doc, c.claim.stance, c.claim.source});
  });
  for (auto& [key, values] : said) {
    const bool both = std::any_of(values.begin(), values.end(), [](const auto& v) { return v.stance == "denies"; }) &&
                      std::any_of(values.begin(), values.end(), [](const auto& v) { return v.stance == "asserts"; });
    if (both) out.push_back({"statements about " + key, values});
  }
  return out;
}

}  // namespace mosaic
