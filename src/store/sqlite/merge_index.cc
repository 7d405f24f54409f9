// What story and event merging look up and change: fingerprint holders,
// common fingerprints, a document's text and story, events that may repeat
// one. No policy here: thresholds are merging's (src/merge/).
#include <SQLiteCpp/VariadicBind.h>

#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

void SqliteStore::for_each_event_of_documents(const std::vector<std::string>& docs,
                                              const std::function<void(const StoredEvent&)>& fn) const try {
  static const std::string sql = event_query(false) + "WHERE e.doc = ? ORDER BY e.rowid";
  for (const std::string& doc : docs) {
    const Use actors = prepared(read_event_actors_, kEventActors);
    const Use q = prepared(story_events_, sql.c_str());
    q->bind(1, doc);
    while (q->executeStep()) fn(read_event(*q, *actors));
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_event_at(const std::string& doc, const std::vector<const Event*>& events,
                                    const std::function<bool(std::size_t i, const StoredEvent&)>& fn) const try {
  // The place key is computed as the events.place_key column is; ?7 lists
  // the event's actors, each between two unit separators.
  static const std::string sql =
      event_query(false) +
      "WHERE e.sub_event_type = ?2 AND e.date = ?3 AND e.place_key = CASE WHEN ?4 IS NOT NULL "
      "THEN printf('%.4f,%.4f', ?4, ?5) ELSE lower(?6) END AND e.location <> '' AND e.doc <> ?1 "
      "AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id "
      "AND instr(?7, char(31) || ea.actor || char(31)) > 0) ORDER BY e.rowid";
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& event = *events[i];
    if (event.date.empty() || event.location.empty()) continue;
    std::string actors_list;
    for (const auto* side : {&event.actor1, &event.actor2})
      for (const auto& a : *side) actors_list += '\x1f' + a + '\x1f';
    if (actors_list.empty()) continue;
    const Use actors = prepared(read_event_actors_, kEventActors);
    const Use q = prepared(events_at_, sql.c_str());
    SQLite::bind(*q, doc, event.sub_event_type, event.date);
    if (event.latitude && event.longitude) {
      q->bind(4, *event.latitude);
      q->bind(5, *event.longitude);
    }
    q->bind(6, event.location);
    q->bind(7, actors_list);
    while (q->executeStep())
      if (!fn(i, read_event(*q, *actors))) break;
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::optional<std::string> SqliteStore::text_of(const std::string& id) const try {
  const Use q = prepared(text_, "SELECT text FROM documents WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getString();
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::string SqliteStore::story_of(const std::string& id) const try {
  const Use q = prepared(story_, "SELECT story FROM documents WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return id;
  const std::string story = q->getColumn(0).getString();
  return story.empty() ? id : story;
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::rename_story(const std::string& from, const std::string& to) try {
  SQLite::Statement q(*db_, "UPDATE documents SET story = ?1, duplicate_of = CASE WHEN id = ?1 THEN '' ELSE ?1 END "
                                 "WHERE story = ?2 OR (story = '' AND id = ?2)");
  q.bind(1, to);
  q.bind(2, from);
  q.exec();
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::set_story(const Document& doc) try {
  SQLite::Statement q(*db_, "UPDATE documents SET story = ?, duplicate_of = ? WHERE id = ?");
  SQLite::bind(q, doc.story, doc.duplicate_of, doc.id);
  q.exec();
  SQLite::Statement del(*db_, "DELETE FROM fingerprints WHERE doc = ?");
  del.bind(1, doc.id);
  del.exec();
  write_fingerprints(doc);
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::write_fingerprints(const Document& doc) try {
  // A common fingerprint's holders are not kept (its lookups are skipped),
  // but it still counts among the document's own.
  const auto& recorded = common();
  for (uint64_t fp : doc.fingerprints)
    if (!recorded.count(static_cast<int64_t>(fp)))
      fingerprints_.add(static_cast<int64_t>(fp), doc.id, static_cast<int64_t>(doc.fingerprints.size()));
  fingerprints_.write(*db_);
} catch (const SQLite::Exception& e) {
  fail(e);
}

const std::unordered_set<int64_t>& SqliteStore::common() const try {
  if (!common_) {
    common_.emplace();
    SQLite::Statement q(*db_, "SELECT hash FROM common_fingerprints");
    while (q.executeStep()) common_->insert(q.getColumn(0).getInt64());
  }
  return *common_;
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_holder(const std::vector<uint64_t>& fingerprints, std::size_t limit, const std::string& asking,
                                  const std::function<void(std::size_t k, std::string_view doc, std::size_t own)>& fn) try {
  const auto& recorded = common();
  const Use q = prepared(sharing_, "SELECT doc, of_document FROM fingerprints WHERE hash = ? LIMIT ?");
  for (std::size_t k = 0; k < fingerprints.size(); ++k) {
    const auto fp = static_cast<int64_t>(fingerprints[k]);
    if (recorded.count(fp)) continue;
    q->reset();
    SQLite::bind(*q, fp, static_cast<int64_t>(limit));
    // The id is read in place: most fingerprints have a single holder, and a
    // string each would cost more than the lookups.
    while (q->executeStep()) {
      const std::string_view doc(static_cast<const char*>(q->getColumn(0).getBlob()), std::size_t(q->getColumn(0).getBytes()));
      if (doc != asking) fn(k, doc, std::size_t(q->getColumn(1).getInt64()));
    }
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::mark_common(uint64_t fingerprint) try {
  SQLite::Statement mark(*db_, "INSERT OR IGNORE INTO common_fingerprints(hash) VALUES (?)");
  mark.bind(1, static_cast<int64_t>(fingerprint));
  mark.exec();
  common();
  common_->insert(static_cast<int64_t>(fingerprint));
} catch (const SQLite::Exception& e) {
  fail(e);
}

}  // namespace mosaic::sqlite
