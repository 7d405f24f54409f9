// Extract: events in ACLED's taxonomy (with PLOVER types), who did them to
// whom, where, when and with how many dead; and the quantities the text counts.
#pragma once

#include <memory>
#include <string>

#include "mosaic/document.h"
#include "mosaic/recognise.h"

namespace mosaic {

// Triggers, event types, modality cues, place words and number words from
// data/events/*.tsv.
class EventLexicon {
 public:
  static EventLexicon load(const std::string& data_dir);  // throws Error naming file and line
  std::size_t trigger_count() const;

  EventLexicon();
  ~EventLexicon();
  EventLexicon(EventLexicon&&) noexcept;
  EventLexicon& operator=(EventLexicon&&) noexcept;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Finds events and quantities in a document whose actors are recognised,
// fills doc.events and doc.quantities, and marks the main event. Relative
// dates ("on Monday", "last week") are resolved against doc.date.
class EventExtractor {
 public:
  EventExtractor(const EventLexicon& events, const Lexicon& actors, const Vocabulary& vocabulary);
  void run(Document& doc, const Reading& reading) const;

 private:
  const EventLexicon& events_;
  const Lexicon& actors_;
  const Vocabulary& vocabulary_;
};

// Relation patterns of data/relations/patterns.tsv, compiled.
class RelationPatterns {
 public:
  static RelationPatterns load(const std::string& data_dir);  // throws Error naming file and line
  std::size_t size() const;

  RelationPatterns();
  ~RelationPatterns();
  RelationPatterns(RelationPatterns&&) noexcept;
  RelationPatterns& operator=(RelationPatterns&&) noexcept;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Finds relations between the actors of a document with events: from the
// patterns, and from its events as their types say (a clash is hostility; a
// militia regaining ground for the state is on the state's side). Fills
// doc.relations.
class RelationExtractor {
 public:
  RelationExtractor(const RelationPatterns& patterns, const EventLexicon& events) : patterns_(patterns), events_(events) {}
  void run(Document& doc, const Reading& reading) const;

 private:
  const RelationPatterns& patterns_;
  const EventLexicon& events_;
};

// ACLED's reading of a date expression relative to a report date
// ("2016-10-04"): "on Monday", "yesterday", "last week", "in June", "on 5 March".
struct DateReading {
  std::string date;   // YYYY-MM-DD
  int precision = 0;  // 1 day, 2 week, 3 month
};
std::optional<DateReading> resolve_date(std::string_view expression, const std::string& report_date);

}  // namespace mosaic
