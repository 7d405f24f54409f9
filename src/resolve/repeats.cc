// One incident told twice in one document is one event. The extractor folds the
// reports of an incident as it reads them, but some become alike only once the
// resolver has named their sides and places: "Gunmen attacked..." and "IS
// fighters attacked..." of one day and town are one attack once the first
// gunmen are ACLED's Unidentified Armed Group, a name that says only that the
// text named no one. FA-KES dev: 21 of 60 wrong events were such repeats.
#include <algorithm>
#include <set>

#include "mosaic/resolve.h"
#include "recognise/lexicon_impl.h"
#include "util/days.h"

namespace mosaic {

namespace {

bool overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

void add_all(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& x : from)
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

}  // namespace

void fold_repeated_events(Document& doc, const Lexicon& lexicon) {
  const Lexicon::Impl& lx = lexicon.impl();
  // The names ACLED gives a side the text leaves unnamed, in this story's country or none.
  const std::set<std::string> unnamed = lx.unnamed_ids(doc.country);
  auto named = [&](const std::vector<std::string>& side) {
    std::vector<std::string> out;
    for (const auto& id : side)
      if (!unnamed.count(id)) out.push_back(id);
    return out;
  };
  // The same sub-event type, day and place, and perpetrators that agree: the same ones, or
  // one report naming none.
  // A day told and the week of the report, in the next sentences ("late on Friday", then "the
  // attackers stormed Mangu") agree; two days told do not, nor a week's report told further on
  // (FA-KES dev: strikes on Aleppo told paragraphs apart, one dated, are two: events F1 0.713 ->
  // 0.708 without the distance).
  auto days_agree = [](const Event& a, const Event& b) {
    if (a.date == b.date) return true;
    if (a.date.empty() || b.date.empty() || (a.time_precision == 1 && b.time_precision == 1)) return false;
    constexpr long kWeek = 7;
    constexpr uint32_t kNext = 2;  // sentences
    const long apart = days_between(a.date, b.date);
    const uint32_t told = a.sentence > b.sentence ? a.sentence - b.sentence : b.sentence - a.sentence;
    return apart >= -kWeek && apart <= kWeek && told <= kNext;
  };
  // Placed only by its country ("the gunmen stormed the church", no place named), a report
  // agrees with one placed in that country; it says nothing of where in it.
  const auto country = lx.country_by_code.find(doc.country);
  const std::string country_name = country == lx.country_by_code.end() ? "" : lx.countries[country->second].name;
  auto places_agree = [&](const Event& a, const Event& b) {
    if (a.location.empty() || b.location.empty()) return false;
    if (a.location == b.location) return true;
    const bool a_land = !country_name.empty() && a.location == country_name && a.country == doc.country;
    const bool b_land = !country_name.empty() && b.location == country_name && b.country == doc.country;
    return (a_land && b.country == doc.country) || (b_land && a.country == doc.country);
  };
  auto same = [&](const Event& a, const Event& b) {
    if (a.sub_event_type != b.sub_event_type || !days_agree(a, b) || !places_agree(a, b)) return false;
    // Events of one sentence the extractor kept apart are apart (one at each place of a list,
    // placed alike only when the gazetteer knew none of them); two tolls told are two strikes
    // ("10 killed in the strike on the bus ... 21 others died in strikes on the east").
    // (But two alike in all, at the same words of one place, are one: "protesters looted shops
    // and set fire to buildings" told a violent demonstration twice.)
    if (a.sentence == b.sentence)
      return a.location_span.size() > 0 && b.location_span.size() > 0 &&
             doc.slice(a.location_span) == doc.slice(b.location_span) && a.actor1 == b.actor1 &&
             a.actor2 == b.actor2 && a.fatalities == b.fatalities;
    if (a.fatalities && b.fatalities && *a.fatalities != *b.fatalities) return false;
    if (a.location_span.size() > 0 && b.location_span.size() > 0 && doc.slice(a.location_span) != doc.slice(b.location_span))
      return false;
    const auto x = named(a.actor1), y = named(b.actor1);
    return x.empty() || y.empty() || overlap(x, y);
  };
  std::vector<std::pair<std::string, std::string>> folded;  // event id -> the one it is
  for (std::size_t i = 0; i < doc.events.size(); ++i)
    for (std::size_t j = i + 1; j < doc.events.size();) {
      Event& keep = doc.events[i];
      const Event& other = doc.events[j];
      if (!same(keep, other)) {
        ++j;
        continue;
      }
      // Named perpetrators replace the name for none; victims and associated actors add up.
      if (named(keep.actor1).empty() && !named(other.actor1).empty()) keep.actor1 = other.actor1;
      else add_all(keep.actor1, named(other.actor1));
      add_all(keep.actor2, other.actor2);
      std::erase_if(keep.actor2, [&](const std::string& a) {
        return std::find(keep.actor1.begin(), keep.actor1.end(), a) != keep.actor1.end();
      });
      if (!keep.fatalities) keep.fatalities = other.fatalities, keep.civilian_fatalities = other.civilian_fatalities;
      if (keep.location == country_name && other.location != country_name) {  // where in the country, told by the other
        keep.location = other.location, keep.location_span = other.location_span, keep.admin1 = other.admin1;
        keep.latitude = other.latitude, keep.longitude = other.longitude, keep.geo_precision = other.geo_precision;
      }
      if (other.time_precision && (!keep.time_precision || other.time_precision < keep.time_precision))
        keep.date = other.date, keep.time_precision = other.time_precision;  // the day told, not the week
      keep.main = keep.main || other.main;
      folded.emplace_back(other.id, keep.id);
      doc.events.erase(doc.events.begin() + std::ptrdiff_t(j));
    }
  for (Claim& c : doc.claims)
    for (const auto& [from, to] : folded)
      if (c.about == from) c.about = to;
  // The name for none gives way to a name ("suspected jihadists ... the gunmen": the jihadists,
  // not them and an unidentified group beside them). (One actor on both sides stays: ACLED codes
  // soldiers firing on each other so, and removing it lost ACLED dev actor2 2279 -> 2268.)
  // (Only beside armed groups: a state's forces or civilians beside the unnamed are the other
  // side read into the wrong slot, "a clash between raiders and police officers", and the
  // unnamed are the perpetrators. ACLED dev: actor1 4718 -> 4714 without that.)
  auto armed_group = [&](const std::string& id) {
    for (const Actor& a : doc.actors)
      if (a.id == id) return a.type == "rebel_group" || a.type == "political_militia" || a.type == "identity_militia";
    return false;
  };
  for (Event& e : doc.events) {
    const auto names = named(e.actor1);
    if (!names.empty() && names.size() < e.actor1.size() && std::all_of(names.begin(), names.end(), armed_group))
      e.actor1 = names;
  }
}

}  // namespace mosaic
