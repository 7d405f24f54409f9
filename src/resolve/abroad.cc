// A state's forces acting outside their own country are coded as ACLED codes
// a foreign force (types.tsv, "abroad"). Which country an event is in is known
// only once the geocoder has placed it, so this is decided here, not where the
// event was read: "Russian forces captured Krasnohorivka (Donetsk)" read alone
// votes Russia, the forces' country, until Donetsk places it in Ukraine.
#include <algorithm>

#include "extract/event_lexicon.h"
#include "mosaic/resolve.h"

namespace mosaic {

void code_foreign_forces(Document& doc, const EventLexicon& events) {
  const EventLexicon::Impl& ev = events.impl();
  for (Event& e : doc.events) {
    const EventType* t = ev.find_type(e.sub_event_type);
    if (!t || t->abroad.empty() || e.actor1.empty()) continue;
    const std::string& where = e.country.empty() ? doc.country : e.country;
    const Actor* who = nullptr;
    for (const Actor& a : doc.actors)
      if (a.id == e.actor1.front()) who = &a;
    if (!who || (who->type != "state" && who->type != "state_forces") || who->country.empty() || where.empty() ||
        who->country == where)
      continue;
    // (Not a force that fights beside the government against others: French troops retaking a Malian
    // town from rebels, African Union troops one from al-Shabaab, act for it. Only one taking ground
    // from the country's own forces, or from no one named, is a foreign force there.)
    const bool beside = std::any_of(e.actor2.begin(), e.actor2.end(), [&](const std::string& id) {
      for (const Actor& a : doc.actors)
        if (a.id == id) return !((a.type == "state" || a.type == "state_forces") && a.country == where);
      return true;
    });
    if (beside) continue;
    const EventType& abroad = ev.type(t->abroad);
    e.sub_event_type = abroad.sub_event_type, e.event_type = abroad.event_type;
    e.plover_type = abroad.plover_type, e.plover_mode = abroad.plover_mode;
  }
}

}  // namespace mosaic
