// What every fuzz target asserts of what comes out of the engine, whatever
// went in: strings are UTF-8, spans lie inside the text and start and end on
// a character's first byte, every actor a mention or an event names is one
// the document holds. A broken invariant aborts with a one-line reason, which
// libFuzzer reports as a crash and keeps the input for.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mosaic/document.h"
#include "util/text.h"

namespace mosaic::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "invariant broken: %s [%.*s]\n", what, int(detail.size() > 200 ? 200 : detail.size()),
               detail.data());
  std::abort();
}

inline void require(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

inline void utf8(std::string_view s, const char* what) { require(valid_utf8(s), what, s); }

// A byte that begins a character (not a UTF-8 continuation byte), or the end.
inline bool boundary(std::string_view text, uint32_t at) {
  return at == text.size() || (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80);
}

inline void span(std::string_view text, Span s, const char* what) {
  require(s.begin <= s.end, what, "begin after end");
  require(s.end <= text.size(), what, "past the end of the text");
  require(boundary(text, s.begin) && boundary(text, s.end), what, "inside a character");
}

// Every span and string of an analysed document, and every actor it refers to
// (a document read back from the store holds only its mentions' actors).
inline void document(const Document& d, bool analysed, bool event_actors_held = true) {
  utf8(d.id, "document id is UTF-8");
  utf8(d.title, "title is UTF-8");
  utf8(d.source, "source is UTF-8");
  utf8(d.date, "date is UTF-8");
  utf8(d.url, "url is UTF-8");
  utf8(d.origin, "origin is UTF-8");
  utf8(d.raw, "raw text is UTF-8");
  if (!analysed) return;
  const std::string_view text = d.text;
  utf8(text, "normalised text is UTF-8");
  utf8(d.country, "document country is UTF-8");
  utf8(d.story, "story is UTF-8");
  utf8(d.duplicate_of, "duplicate_of is UTF-8");
  require(d.duplicate_of != d.id, "a document is no duplicate of itself", d.id);
  auto sentence = [&](uint32_t i, const char* what) { require(i < d.sentences.size(), what, "no such sentence"); };
  for (const Sentence& s : d.sentences) span(text, s.span, "sentence span");
  auto holds = [&](const std::string& actor) {
    for (const Actor& a : d.actors)
      if (a.id == actor) return true;
    return false;
  };
  for (const Actor& a : d.actors) {
    require(!a.id.empty(), "actor has an id");
    utf8(a.id, "actor id is UTF-8");
    utf8(a.name, "actor name is UTF-8");
    utf8(a.type, "actor type is UTF-8");
    utf8(a.country, "actor country is UTF-8");
    for (const std::string& alias : a.aliases) utf8(alias, "actor alias is UTF-8");
  }
  for (const Mention& m : d.mentions) {
    sentence(m.sentence, "mention's sentence");
    span(text, m.span, "mention span");
    require(holds(m.actor), "a mention's actor is among the document's actors", m.actor);
  }
  for (const Event& e : d.events) {
    utf8(e.id, "event id is UTF-8");
    sentence(e.sentence, "event's sentence");
    span(text, e.trigger, "event trigger");
    span(text, e.location_span, "event location span");
    for (const std::string* s : {&e.event_type, &e.sub_event_type, &e.plover_type, &e.plover_mode, &e.location,
                                 &e.admin1, &e.country, &e.date, &e.group})
      utf8(*s, "event field is UTF-8");
    for (const auto* side : {&e.actor1, &e.actor2})
      for (const std::string& a : *side) require(!event_actors_held || holds(a), "an event's actor is among the document's actors", a);
  }
  for (const Quantity& q : d.quantities) {
    sentence(q.sentence, "quantity's sentence");
    span(text, q.span, "quantity span");
    utf8(q.what, "quantity's what is UTF-8");
    require(q.value <= q.value_max, "a range's lower bound is not above its upper");
  }
  for (const Relation& r : d.relations) {
    sentence(r.sentence, "relation's sentence");
    utf8(r.type, "relation type is UTF-8");
    require(!event_actors_held || (holds(r.source) && holds(r.target)), "a relation's actors are among the document's actors",
            r.source + " / " + r.target);
  }
  for (const Claim& c : d.claims) {
    sentence(c.sentence, "claim's sentence");
    span(text, c.span, "claim span");
    utf8(c.source, "claim source is UTF-8");
    utf8(c.stance, "claim stance is UTF-8");
    utf8(c.about, "claim about is UTF-8");
  }
  for (const Document::NamedPlace& p : d.places) {
    sentence(p.sentence, "place's sentence");
    span(text, p.span, "place span");
    utf8(p.name, "place name is UTF-8");
  }
}

}  // namespace mosaic::fuzz
