// Writing documents: put (a document with everything extracted from it, a
// replaced one's rows removed first) and resuming an interrupted run's.
#include <SQLiteCpp/VariadicBind.h>
#include <xxhash.h>

#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

namespace {

constexpr const char* kStoredCopy =
    "SELECT d.run, d.hash, d.origin, r.status IN ('interrupted', 'stopped') FROM documents d "
    "LEFT JOIN runs r ON r.id = d.run WHERE d.id = ?";

int64_t raw_hash(const Document& doc) { return static_cast<int64_t>(XXH3_64bits(doc.raw.data(), doc.raw.size())); }

}  // namespace

bool SqliteStore::resumable(const Document& doc) const try {
  const Use q = prepared(stored_copy_, kStoredCopy);
  q->bind(1, doc.id);
  return q->executeStep() && q->getColumn(0).getInt64() != run_ && q->getColumn(1).getInt64() == raw_hash(doc) &&
         q->getColumn(3).getInt() != 0;
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::optional<PutResult> SqliteStore::resume(const Document& doc, std::string* origin_of_first) try {
  const int64_t hash = raw_hash(doc);
  {
    const Use q = prepared(stored_copy_, kStoredCopy);
    q->bind(1, doc.id);
    if (!q->executeStep()) return std::nullopt;
    if (q->getColumn(0).getInt64() == run_) {
      if (origin_of_first) *origin_of_first = q->getColumn(2).getString();
      return q->getColumn(1).getInt64() == hash ? PutResult::Repeated : PutResult::Conflict;
    }
    if (q->getColumn(1).getInt64() != hash || q->getColumn(3).getInt() == 0) return std::nullopt;
  }
  SQLite::Statement adopt(*db_, "UPDATE documents SET run = ?, origin = ? WHERE id = ?");
  SQLite::bind(adopt, run_, doc.origin, doc.id);
  adopt.exec();
  return PutResult::Resumed;
} catch (const SQLite::Exception& e) {
  fail(e);
}

int64_t SqliteStore::actor_number(const std::string& id) {
  if (const auto it = actor_numbers_.find(id); it != actor_numbers_.end()) return it->second;
  int64_t n = 0;
  {
    const Use q = prepared(actor_number_, "SELECT n FROM actors WHERE id = ?");
    q->bind(1, id);
    if (q->executeStep()) n = q->getColumn(0).getInt64();
  }
  if (n == 0) {
    // An id no actor of the document describes: stored as before, by its id,
    // and described as whoever describes it later.
    const Use ins = prepared(bare_actor_, "INSERT INTO actors(id, name, type) VALUES (?1, ?1, '') RETURNING n");
    ins->bind(1, id);
    ins->executeStep();
    n = ins->getColumn(0).getInt64();
  }
  return actor_numbers_[id] = n;
}

PutResult SqliteStore::put(const Document& doc, std::string* origin_of_first) try {
  const int64_t hash = raw_hash(doc);
  PutResult result = PutResult::Inserted;
  // Groups of other documents' events named after one of this document's
  // events, with what that event was (its type, place and day).
  std::vector<std::pair<std::string, std::string>> held;
  {
    const Use q = prepared(find_, "SELECT run, hash, origin FROM documents WHERE id = ?");
    q->bind(1, doc.id);
    if (q->executeStep()) {
      if (q->getColumn(0).getInt64() == run_) {
        if (origin_of_first) *origin_of_first = q->getColumn(2).getString();
        return q->getColumn(1).getInt64() == hash ? PutResult::Repeated : PutResult::Conflict;
      }
      result = PutResult::Replaced;
    }
  }
  if (result == PutResult::Replaced) {
    // Reports in other documents grouped under one of this document's events:
    // their groups are mended once the new version's events are written.
    SQLite::Statement heads(*db_,
                            "SELECT h.id, h.sub_event_type || char(31) || h.location || char(31) || h.date FROM events h "
                            "WHERE h.doc = ?1 AND EXISTS (SELECT 1 FROM events o WHERE o.event_group = h.id AND o.doc <> ?1)");
    heads.bind(1, doc.id);
    while (heads.executeStep()) held.emplace_back(heads.getColumn(0).getString(), heads.getColumn(1).getString());
    // Every table that holds a document's rows, children before parents.
    static constexpr const char* kErase[] = {
        "DELETE FROM event_actor_rows WHERE event IN (SELECT id FROM events WHERE doc = ?1)",
        "DELETE FROM events WHERE doc = ?1",       "DELETE FROM mention_rows WHERE doc = ?1",
        "DELETE FROM quantities WHERE doc = ?1",   "DELETE FROM relation_rows WHERE doc = ?1",
        "DELETE FROM claims WHERE doc = ?1",       "DELETE FROM fingerprints WHERE doc = ?1",
        "DELETE FROM sentences WHERE doc = ?1",    "DELETE FROM documents WHERE id = ?1"};
    for (const char* sql : kErase) {
      SQLite::Statement del(*db_, sql);
      del.bind(1, doc.id);
      del.exec();
    }
  }
  const Use ins = prepared(insert_,
                        "INSERT INTO documents(id, title, source, date, url, origin, run, hash, raw, text, story, "
                        "duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins->bind(1, doc.id);
  ins->bind(2, doc.title);
  ins->bind(3, doc.source);
  ins->bind(4, doc.date);
  ins->bind(5, doc.url);
  ins->bind(6, doc.origin);
  ins->bind(7, run_);
  ins->bind(8, hash);
  if (const std::string delta = raw_to_store(doc.raw, doc.text); !delta.empty())
    ins->bind(9, delta.data(), int(delta.size()));
  else
    ins->bindNoCopy(9, doc.raw);
  ins->bindNoCopy(10, doc.text);
  ins->bind(11, doc.story.empty() ? doc.id : doc.story);
  ins->bind(12, doc.duplicate_of);
  ins->exec();
  write_fingerprints(doc);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    sentences_.add(doc.id, int64_t(i), int64_t(doc.sentences[i].span.begin), int64_t(doc.sentences[i].span.end));
  sentences_.write(*db_);
  for (const Actor& a : doc.actors) {
    std::string& written = actors_written_[a.id];
    if (const std::string record = a.name + '\x1f' + a.type + '\x1f' + a.country; written != record) {
      const Use up = prepared(upsert_actor_,
                                 "INSERT INTO actors(id, name, type, country) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO "
                                 "UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country "
                                 "RETURNING n");
      SQLite::bind(*up, a.id, a.name, a.type, a.country);
      up->executeStep();
      actor_numbers_[a.id] = up->getColumn(0).getInt64();
      written = record;
    }
    for (const auto& alias : a.aliases) {
      if (!aliases_written_.insert(a.id + '\x1f' + alias).second) continue;
      const Use al = prepared(insert_alias_, "INSERT OR IGNORE INTO actor_aliases(actor, alias) VALUES (?, ?)");
      SQLite::bind(*al, a.id, alias);
      al->exec();
    }
  }
  for (const Mention& m : doc.mentions)
    mentions_.add(doc.id, int64_t(m.sentence), int64_t(m.span.begin), int64_t(m.span.end), actor_number(m.actor));
  mentions_.write(*db_);
  for (const Event& e : doc.events) {
    const Use ev = prepared(insert_event_,
                               "INSERT INTO events(id, doc, sentence, trigger_begin, trigger_end, event_type, sub_event_type, "
                               "plover_type, plover_mode, location, location_begin, location_end, date, time_precision, "
                               "fatalities, civilian_fatalities, main, event_group, admin1, country, latitude, longitude, "
                               "geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ev->bind(1, e.id);
    ev->bind(2, doc.id);
    ev->bind(3, int64_t(e.sentence));
    ev->bind(4, int64_t(e.trigger.begin));
    ev->bind(5, int64_t(e.trigger.end));
    ev->bind(6, e.event_type);
    ev->bind(7, e.sub_event_type);
    ev->bind(8, e.plover_type);
    ev->bind(9, e.plover_mode);
    ev->bind(10, e.location);
    ev->bind(11, int64_t(e.location_span.begin));
    ev->bind(12, int64_t(e.location_span.end));
    ev->bind(13, e.date);
    ev->bind(14, e.time_precision);
    if (e.fatalities) ev->bind(15, *e.fatalities); else ev->bind(15);
    if (e.civilian_fatalities) ev->bind(16, *e.civilian_fatalities); else ev->bind(16);
    ev->bind(17, e.main ? 1 : 0);
    ev->bind(18, e.group.empty() ? e.id : e.group);
    ev->bind(19, e.admin1);
    ev->bind(20, e.country);
    if (e.latitude) ev->bind(21, *e.latitude); else ev->bind(21);
    if (e.longitude) ev->bind(22, *e.longitude); else ev->bind(22);
    ev->bind(23, e.geo_precision);
    ev->exec();
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? e.actor1 : e.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) event_actors_.add(e.id, role, int64_t(i), actor_number(side[i]));
    }
  }
  event_actors_.write(*db_);
  // Event ids are positions in their document: the new version's event with
  // the id a group was named after still heads it if it is the same event
  // (type, place and day; the document ingested again) and names its group
  // after itself. Otherwise the group's other reports, the new version's that
  // joined it included, are named after the first of them stored.
  for (const auto& [group, was] : held) {
    SQLite::Statement now(*db_,
                          "SELECT event_group, sub_event_type || char(31) || location || char(31) || date FROM events "
                          "WHERE id = ?1");
    now.bind(1, group);
    if (now.executeStep() && now.getColumn(0).getString() == group && now.getColumn(1).getString() == was) continue;
    now.reset();
    SQLite::Statement first(*db_,
                            "SELECT id FROM events WHERE event_group = ?1 AND id <> ?1 ORDER BY rowid LIMIT 1");
    first.bind(1, group);
    if (!first.executeStep()) continue;
    const std::string head = first.getColumn(0).getString();
    first.reset();
    SQLite::Statement regroup(*db_, "UPDATE events SET event_group = ?1 WHERE event_group = ?2 AND id <> ?2");
    SQLite::bind(regroup, head, group);
    regroup.exec();
  }
  for (const Relation& r : doc.relations) relations_.add(doc.id, int64_t(r.sentence), r.type, actor_number(r.source), actor_number(r.target));
  relations_.write(*db_);
  for (const Claim& c : doc.claims)
    claims_.add(doc.id, int64_t(c.sentence), int64_t(c.span.begin), int64_t(c.span.end), c.source, c.stance,
                      c.about);
  claims_.write(*db_);
  for (const Quantity& q : doc.quantities)
    quantities_.add(doc.id, int64_t(q.sentence), int64_t(q.span.begin), int64_t(q.span.end), q.value,
                          q.value_max, q.what);
  quantities_.write(*db_);
  return result;
} catch (const SQLite::Exception& e) {
  fail(e);
}


}  // namespace mosaic::sqlite
