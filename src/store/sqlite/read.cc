// Reading the store: documents, events, quantities, relations, claims,
// actors, stories and counts, each in a stated order.
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include <unordered_set>

#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

namespace {

constexpr const char* kDocColumns = "id, title, source, date, url, origin, story, duplicate_of, raw, text";

Document read_row(SQLite::Statement& q, bool with_text) {
  Document d;
  d.id = q.getColumn(0).getString();
  d.title = q.getColumn(1).getString();
  d.source = q.getColumn(2).getString();
  d.date = q.getColumn(3).getString();
  d.url = q.getColumn(4).getString();
  d.origin = q.getColumn(5).getString();
  d.story = q.getColumn(6).getString();
  d.duplicate_of = q.getColumn(7).getString();
  if (d.story.empty()) d.story = d.id;  // stored before stories were kept
  if (with_text) {
    d.text = q.getColumn(9).getString();
    d.raw = raw_stored(q.getColumn(8), d.text);
  }
  return d;
}

void read_sentences(SQLite::Statement& q, Document& d) {
  q.reset();
  q.bind(1, d.id);
  while (q.executeStep())
    d.sentences.push_back(Sentence{Span{static_cast<uint32_t>(q.getColumn(0).getInt64()),
                                        static_cast<uint32_t>(q.getColumn(1).getInt64())}});
}

}  // namespace

std::optional<Document> SqliteStore::get(const std::string& id) const try {
  SQLite::Statement q(*db_, fmt::format("SELECT {} FROM documents WHERE id = ?", kDocColumns));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  Document d = read_row(q, true);
  SQLite::Statement s(*db_, "SELECT begin, end FROM sentences WHERE doc = ? ORDER BY idx");
  read_sentences(s, d);
  SQLite::Statement m(*db_,
                      "SELECT m.sentence, m.begin, m.end, a.id, a.name, a.type, a.country FROM mention_rows m "
                      "JOIN actors a ON a.n = m.actor WHERE m.doc = ? ORDER BY m.begin, a.id");
  m.bind(1, id);
  std::unordered_set<std::string> seen;
  while (m.executeStep()) {
    d.mentions.push_back(Mention{uint32_t(m.getColumn(0).getInt64()), span_at(m, 1), m.getColumn(3).getString()});
    if (seen.insert(d.mentions.back().actor).second)
      d.actors.push_back(Actor{m.getColumn(3).getString(), m.getColumn(4).getString(), m.getColumn(5).getString(),
                               m.getColumn(6).getString(), {}});
  }
  SQLite::Statement qs(*db_,
                       "SELECT sentence, begin, end, value, value_max, what FROM quantities WHERE doc = ? ORDER BY begin");
  qs.bind(1, id);
  while (qs.executeStep())
    d.quantities.push_back(quantity_at(qs, 0));
  for_each_event_of(id, [&](const StoredEvent& e) { d.events.push_back(e.event); });
  SQLite::Statement cs(*db_,
                       "SELECT sentence, begin, end, source, stance, about FROM claims WHERE doc = ? ORDER BY begin");
  cs.bind(1, id);
  while (cs.executeStep())
    d.claims.push_back(claim_at(cs));
  return d;
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const try {
  SQLite::Statement q(*db_, event_query(true) + "WHERE e.doc = ? ORDER BY e.rowid");
  SQLite::Statement actors(*db_, kEventActors);
  q.bind(1, doc);
  while (q.executeStep()) fn(read_event(q, actors));
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_event(const EventFilter& f, const std::function<void(const StoredEvent&)>& fn) const try {
  // An actor's events are found from its side, through event_actors' index,
  // when one is asked for: the test is written only then.
  SQLite::Statement q(*db_, event_query(true) +
                                     "WHERE (?1 = '' OR e.sub_event_type = ?1 OR e.event_type = ?1) "
                                     "AND (?2 = '' OR e.location LIKE '%' || ?2 || '%') "
                                     "AND " + within("e.date", 3, 4) + " " +
                                     (f.actor.empty() ? std::string()
                                                      : "AND e.id IN (SELECT ea.event FROM event_actors ea JOIN actors a "
                                                        "ON a.id = ea.actor WHERE a.id = ?5 OR a.name LIKE '%' || ?5 || '%') ") +
                                     (f.actor_id.empty() ? "" : "AND e.id IN (SELECT event FROM event_actors WHERE actor = ?8) ") +
                                     "ORDER BY e.doc, e.rowid LIMIT ?6 OFFSET ?7");
  SQLite::bind(q, f.type, f.place, f.from, f.to);
  if (!f.actor.empty()) q.bind(5, f.actor);
  q.bind(6, f.limit ? static_cast<int64_t>(f.limit) : int64_t(-1));
  q.bind(7, static_cast<int64_t>(f.offset));
  if (!f.actor_id.empty()) q.bind(8, f.actor_id);
  SQLite::Statement actors(*db_, kEventActors);
  while (q.executeStep()) fn(read_event(q, actors));
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_quantity(
    const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const try {
  SQLite::Statement q(*db_,
                      "SELECT q.doc, q.sentence, q.begin, q.end, q.value, q.value_max, q.what, "
                      "CAST(substr(CAST(d.text AS BLOB), q.begin + 1, q.end - q.begin) AS TEXT) "
                      "FROM quantities q JOIN documents d ON d.id = q.doc ORDER BY q.doc, q.begin");
  while (q.executeStep()) {
    fn(q.getColumn(0).getString(), quantity_at(q, 1), q.getColumn(7).getString());
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_relation(const RelationFilter& f, const std::function<void(const StoredRelation&)>& fn) const try {
  // The actor's test is written only when asked for: "?1 = '' OR ..." would
  // keep SQLite from reading the source and target indexes.
  SQLite::Statement q(*db_,
                      std::string("SELECT r.type, rs.id, rt.id, r.sentence, r.doc, d.date, "
                                  "CASE d.story WHEN '' THEN d.id ELSE d.story END, "
                                  "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT), d.source "
                                  "FROM relation_rows r JOIN actors rs ON rs.n = r.source JOIN actors rt ON rt.n = r.target "
                                  "JOIN documents d ON d.id = r.doc "
                                  "JOIN sentences s ON s.doc = r.doc AND s.idx = r.sentence "
                                  "WHERE ") + within("d.date", 2, 3) + " " +
                          (f.actor.empty() ? ""
                                          : "AND (r.source = (SELECT n FROM actors WHERE id = ?1) "
                                            "OR r.target = (SELECT n FROM actors WHERE id = ?1)) ") +
                          "ORDER BY r.type, rs.id, rt.id, r.doc, r.sentence");
  if (!f.actor.empty()) q.bind(1, f.actor);
  q.bind(2, f.from);
  q.bind(3, f.to);
  while (q.executeStep()) {
    StoredRelation r;
    r.relation = Relation{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          uint32_t(q.getColumn(3).getInt64())};
    r.doc = q.getColumn(4).getString();
    r.date = q.getColumn(5).getString();
    r.story = q.getColumn(6).getString();
    r.evidence = q.getColumn(7).getString();
    r.source = q.getColumn(8).getString();
    fn(r);
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_claim(const std::function<void(const StoredClaim&)>& fn) const try {
  SQLite::Statement q(*db_,
                      "SELECT c.sentence, c.begin, c.end, c.source, c.stance, c.about, c.doc, "
                      "CASE d.story WHEN '' THEN d.id ELSE d.story END, "
                      "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT) "
                      "FROM claims c JOIN documents d ON d.id = c.doc JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence "
                      "ORDER BY c.doc, c.begin");
  while (q.executeStep()) {
    StoredClaim c;
    c.claim = claim_at(q);
    c.doc = q.getColumn(6).getString();
    c.story = q.getColumn(7).getString();
    c.evidence = q.getColumn(8).getString();
    fn(c);
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_story(const std::function<void(const StorySummary&)>& fn) const try {
  SQLite::Statement q(*db_,
                      "SELECT CASE story WHEN '' THEN id ELSE story END AS s, id FROM documents "
                      "ORDER BY s, CASE WHEN id = (CASE story WHEN '' THEN id ELSE story END) THEN 0 ELSE 1 END, id");
  StorySummary current;
  while (q.executeStep()) {
    const std::string story = q.getColumn(0).getString();
    if (story != current.story && !current.story.empty()) {
      fn(current);
      current.documents.clear();
    }
    current.story = story;
    current.documents.push_back(q.getColumn(1).getString());
  }
  if (!current.story.empty()) fn(current);
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::vector<std::pair<std::string, std::string>> SqliteStore::main_events() const try {
  SQLite::Statement q(*db_, "SELECT doc, id FROM events WHERE main = 1");
  std::vector<std::pair<std::string, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
} catch (const SQLite::Exception& e) {
  fail(e);
}

namespace {

constexpr const char* kActorAliases = "SELECT alias FROM actor_aliases WHERE actor = ? ORDER BY alias";
// Every actor something stored refers to: a mention, or an event it takes
// part in unnamed in any mention ("Protesters (Sudan)" for "students
// marched"). Actors of replaced documents that nothing refers to any more are
// left out.
constexpr const char* kActorSummary =
    "SELECT a.id, a.name, a.type, a.country, count(m.doc), count(DISTINCT m.doc) FROM actors a "
    "LEFT JOIN mention_rows m ON m.actor = a.n "
    "WHERE (m.doc IS NOT NULL OR EXISTS (SELECT 1 FROM event_actor_rows ea WHERE ea.actor = a.n)) ";

ActorSummary read_actor(SQLite::Statement& q, SQLite::Statement& aliases) {
  ActorSummary s;
  s.actor = Actor{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                  q.getColumn(3).getString(), {}};
  s.mentions = q.getColumn(4).getInt64();
  s.documents = q.getColumn(5).getInt64();
  aliases.reset();
  aliases.bind(1, s.actor.id);
  while (aliases.executeStep()) s.actor.aliases.push_back(aliases.getColumn(0).getString());
  return s;
}

}  // namespace

void SqliteStore::for_each_actor(const std::function<void(const ActorSummary&)>& fn) const try {
  SQLite::Statement q(*db_, std::string(kActorSummary) + "GROUP BY a.id ORDER BY count(m.doc) DESC, a.id");
  SQLite::Statement aliases(*db_, kActorAliases);
  while (q.executeStep()) fn(read_actor(q, aliases));
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::optional<ActorSummary> SqliteStore::actor(const std::string& id) const try {
  SQLite::Statement q(*db_, std::string(kActorSummary) + "AND a.id = ? GROUP BY a.id");
  q.bind(1, id);
  SQLite::Statement aliases(*db_, kActorAliases);
  if (!q.executeStep()) return std::nullopt;
  return read_actor(q, aliases);
} catch (const SQLite::Exception& e) {
  fail(e);
}

void SqliteStore::for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const try {
  const std::string columns = with_text ? kDocColumns : "id, title, source, date, url, origin, story, duplicate_of";
  SQLite::Statement q(*db_, fmt::format("SELECT {} FROM documents ORDER BY id", columns));
  SQLite::Statement s(*db_, "SELECT begin, end FROM sentences WHERE doc = ? ORDER BY idx");
  while (q.executeStep()) {
    Document d = read_row(q, with_text);
    if (with_text) read_sentences(s, d);
    fn(d);
  }
} catch (const SQLite::Exception& e) {
  fail(e);
}

StoreStats SqliteStore::stats() const try {
  auto& db = *db_;
  StoreStats s;
  s.schema_version = db.execAndGet("PRAGMA user_version").getInt();
  SQLite::Statement q(db,
                      "SELECT count(*), coalesce(sum(length(CAST(text AS BLOB))), 0), count(DISTINCT nullif(source, '')), "
                      "coalesce(min(nullif(date, '')), ''), coalesce(max(nullif(date, '')), '') FROM documents");
  q.executeStep();
  s.documents = q.getColumn(0).getInt64();
  s.text_bytes = q.getColumn(1).getInt64();
  s.sources = q.getColumn(2).getInt64();
  s.first_date = q.getColumn(3).getString();
  s.last_date = q.getColumn(4).getString();
  s.sentences = db.execAndGet("SELECT count(*) FROM sentences").getInt64();
  s.runs = db.execAndGet("SELECT count(*) FROM runs").getInt64();
  s.interrupted_runs = db.execAndGet("SELECT count(*) FROM runs WHERE status IN ('interrupted', 'stopped')").getInt64();
  s.mentions = db.execAndGet("SELECT count(*) FROM mention_rows").getInt64();
  s.actors = db.execAndGet("SELECT count(DISTINCT actor) FROM mention_rows").getInt64();
  s.events = db.execAndGet("SELECT count(*) FROM events").getInt64();
  s.quantities = db.execAndGet("SELECT count(*) FROM quantities").getInt64();
  s.stories = db.execAndGet("SELECT count(DISTINCT CASE story WHEN '' THEN id ELSE story END) FROM documents").getInt64();
  s.fingerprints = db.execAndGet("SELECT count(*) FROM fingerprints").getInt64();
  s.relations = db.execAndGet("SELECT count(*) FROM (SELECT DISTINCT type, source, target FROM relation_rows)").getInt64();
  s.claims = db.execAndGet("SELECT count(*) FROM claims").getInt64();
  return s;
} catch (const SQLite::Exception& e) {
  fail(e);
}

}  // namespace mosaic::sqlite
