// Reading the store: documents, events, quantities, relations, claims,
// actors, stories and counts, each in the order the SQLite store gives them.
#include <fmt/format.h>

#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

namespace {

constexpr const char* kDocColumns = "id, title, source, date, url, origin, story, duplicate_of, raw, text";
// A byte range of a document's text.
constexpr const char* kCut = "convert_from(substring(convert_to(d.text, 'UTF8') FROM {0}.begin + 1 FOR {0}.\"end\" - {0}.begin), 'UTF8')";

std::string cut(std::string_view table) { return fmt::format(fmt::runtime(kCut), table); }

Document read_row(const pqxx::row& q, bool with_text) {
  Document d;
  d.id = q[0].as<std::string>();
  d.title = q[1].as<std::string>();
  d.source = q[2].as<std::string>();
  d.date = q[3].as<std::string>();
  d.url = q[4].as<std::string>();
  d.origin = q[5].as<std::string>();
  d.story = q[6].as<std::string>();
  d.duplicate_of = q[7].as<std::string>();
  if (d.story.empty()) d.story = d.id;  // stored before stories were kept
  if (with_text) {
    d.raw = q[8].as<std::string>();
    d.text = q[9].as<std::string>();
  }
  return d;
}

Span span_at(const pqxx::row& q, int c) { return Span{uint32_t(q[c].as<int64_t>()), uint32_t(q[c + 1].as<int64_t>())}; }

Quantity quantity_at(const pqxx::row& q, int c) {
  return Quantity{uint32_t(q[c].as<int64_t>()), span_at(q, c + 1), q[c + 3].as<double>(), q[c + 4].as<double>(),
                  q[c + 5].as<std::string>()};
}

Claim claim_at(const pqxx::row& q) {
  return Claim{uint32_t(q[0].as<int64_t>()), span_at(q, 1), q[3].as<std::string>(), q[4].as<std::string>(),
               q[5].as<std::string>()};
}

// Every actor something stored refers to: a mention, or an event it takes
// part in unnamed in any mention. Its aliases come aggregated in the last column.
constexpr const char* kActorSummary =
    "SELECT a.id, a.name, a.type, a.country, count(m.doc), count(DISTINCT m.doc), "
    "(SELECT string_agg(alias, chr(31) ORDER BY alias) FROM actor_aliases WHERE actor = a.id) FROM actors a "
    "LEFT JOIN mentions m ON m.actor = a.id "
    "WHERE (m.doc IS NOT NULL OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.actor = a.id)) ";

ActorSummary read_actor(const pqxx::row& q) {
  ActorSummary s;
  s.actor = Actor{q[0].as<std::string>(), q[1].as<std::string>(), q[2].as<std::string>(), q[3].as<std::string>(), {}};
  s.mentions = q[4].as<int64_t>();
  s.documents = q[5].as<int64_t>();
  if (!q[6].is_null()) {
    const std::string all = q[6].as<std::string>();
    std::size_t i = 0;
    while (i <= all.size()) {
      std::size_t j = all.find('\x1f', i);
      if (j == std::string::npos) j = all.size();
      s.actor.aliases.push_back(all.substr(i, j - i));
      i = j + 1;
    }
  }
  return s;
}

}  // namespace

std::optional<Document> PgStore::get(const std::string& id) const try {
  flush();
  const auto r = run_params(fmt::format("SELECT {} FROM documents WHERE id = $1", kDocColumns), id);
  if (r.empty()) return std::nullopt;
  Document d = read_row(r[0], true);
  for (const auto& s : run_params("SELECT begin, \"end\" FROM sentences WHERE doc = $1 ORDER BY idx", id))
    d.sentences.push_back(Sentence{span_at(s, 0)});
  std::unordered_set<std::string> seen;
  for (const auto& m : run_params("SELECT m.sentence, m.begin, m.\"end\", a.id, a.name, a.type, a.country FROM mentions m "
                                  "JOIN actors a ON a.id = m.actor WHERE m.doc = $1 ORDER BY m.begin, m.actor",
                                  id)) {
    d.mentions.push_back(Mention{uint32_t(m[0].as<int64_t>()), span_at(m, 1), m[3].as<std::string>()});
    if (seen.insert(d.mentions.back().actor).second)
      d.actors.push_back(Actor{m[3].as<std::string>(), m[4].as<std::string>(), m[5].as<std::string>(),
                               m[6].as<std::string>(), {}});
  }
  for (const auto& q : run_params("SELECT sentence, begin, \"end\", value, value_max, what FROM quantities "
                                  "WHERE doc = $1 ORDER BY begin", id))
    d.quantities.push_back(quantity_at(q, 0));
  for_each_event_of(id, [&](const StoredEvent& e) { d.events.push_back(e.event); });
  for (const auto& c : run_params("SELECT sentence, begin, \"end\", source, stance, about FROM claims "
                                  "WHERE doc = $1 ORDER BY begin", id))
    d.claims.push_back(claim_at(c));
  return d;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_event_of(const std::string& doc, const std::function<void(const StoredEvent&)>& fn) const try {
  flush();
  for (const auto& row : run_params(event_query(true) + "WHERE e.doc = $1 ORDER BY e.seq", doc)) fn(read_event(row));
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_event(const EventFilter& f, const std::function<void(const StoredEvent&)>& fn) const try {
  flush();
  // LIKE as SQLite's: ASCII letters in either case (the columns compare
  // bytewise, so ILIKE folds ASCII only), no escape character.
  const std::string sql =
      event_query(true) + "WHERE ($1 = '' OR e.sub_event_type = $1 OR e.event_type = $1) "
                          "AND ($2 = '' OR e.location ILIKE '%' || $2 || '%' ESCAPE '') "
                          "AND " + within("e.date", 3, 4) + " " +
      "AND ($5 = '' OR e.id IN (SELECT ea.event FROM event_actors ea JOIN actors a "
      "ON a.id = ea.actor WHERE a.id = $5 OR a.name ILIKE '%' || $5 || '%' ESCAPE '')) "
      "AND ($8 = '' OR e.id IN (SELECT event FROM event_actors WHERE actor = $8)) "
      "ORDER BY e.doc, e.seq LIMIT $6 OFFSET $7";
  const auto limit = f.limit ? static_cast<int64_t>(f.limit) : std::numeric_limits<int64_t>::max();
  const auto r = run_params(sql, f.type, f.place, f.from, f.to, f.actor, limit, static_cast<int64_t>(f.offset), f.actor_id);
  for (const auto& row : r) fn(read_event(row));
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_quantity(
    const std::function<void(const std::string& doc, const Quantity&, std::string_view text)>& fn) const try {
  flush();
  for (const auto& q : run("SELECT q.doc, q.sentence, q.begin, q.\"end\", q.value, q.value_max, q.what, " + cut("q") +
                           " FROM quantities q JOIN documents d ON d.id = q.doc ORDER BY q.doc, q.begin"))
    fn(q[0].as<std::string>(), quantity_at(q, 1), q[7].as<std::string>());
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_relation(const RelationFilter& f, const std::function<void(const StoredRelation&)>& fn) const try {
  flush();
  const auto r = run_params("SELECT r.type, r.source, r.target, r.sentence, r.doc, d.date, "
                            "CASE d.story WHEN '' THEN d.id ELSE d.story END, " + cut("s") + ", d.source "
                            "FROM relations r JOIN documents d ON d.id = r.doc "
                            "JOIN sentences s ON s.doc = r.doc AND s.idx = r.sentence "
                            "WHERE " + within("d.date", 2, 3) + " AND ($1 = '' OR r.source = $1 OR r.target = $1) "
                            "ORDER BY r.type, r.source, r.target, r.doc, r.sentence",
                            f.actor, f.from, f.to);
  for (const auto& q : r) {
    StoredRelation s;
    s.relation = Relation{q[0].as<std::string>(), q[1].as<std::string>(), q[2].as<std::string>(),
                          uint32_t(q[3].as<int64_t>())};
    s.doc = q[4].as<std::string>();
    s.date = q[5].as<std::string>();
    s.story = q[6].as<std::string>();
    s.evidence = q[7].as<std::string>();
    s.source = q[8].as<std::string>();
    fn(s);
  }
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_claim(const std::function<void(const StoredClaim&)>& fn) const try {
  flush();
  for (const auto& q : run("SELECT c.sentence, c.begin, c.\"end\", c.source, c.stance, c.about, c.doc, "
                           "CASE d.story WHEN '' THEN d.id ELSE d.story END, " + cut("s") +
                           " FROM claims c JOIN documents d ON d.id = c.doc "
                           "JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence ORDER BY c.doc, c.begin")) {
    StoredClaim c;
    c.claim = claim_at(q);
    c.doc = q[6].as<std::string>();
    c.story = q[7].as<std::string>();
    c.evidence = q[8].as<std::string>();
    fn(c);
  }
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_story(const std::function<void(const StorySummary&)>& fn) const try {
  StorySummary current;
  for (const auto& q : run("SELECT CASE story WHEN '' THEN id ELSE story END AS s, id FROM documents "
                           "ORDER BY s, CASE WHEN id = (CASE story WHEN '' THEN id ELSE story END) THEN 0 ELSE 1 END, id")) {
    const std::string story = q[0].as<std::string>();
    if (story != current.story && !current.story.empty()) {
      fn(current);
      current.documents.clear();
    }
    current.story = story;
    current.documents.push_back(q[1].as<std::string>());
  }
  if (!current.story.empty()) fn(current);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::vector<std::pair<std::string, std::string>> PgStore::main_events() const try {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& q : run("SELECT doc, id FROM events WHERE main = 1 ORDER BY seq"))
    out.emplace_back(q[0].as<std::string>(), q[1].as<std::string>());
  return out;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_actor(const std::function<void(const ActorSummary&)>& fn) const try {
  flush();
  for (const auto& q : run(std::string(kActorSummary) + "GROUP BY a.id ORDER BY count(m.doc) DESC, a.id"))
    fn(read_actor(q));
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::optional<ActorSummary> PgStore::actor(const std::string& id) const try {
  flush();
  const auto r = run_params(std::string(kActorSummary) + "AND a.id = $1 GROUP BY a.id", id);
  if (r.empty()) return std::nullopt;
  return read_actor(r[0]);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_document(const std::function<void(const Document&)>& fn, bool with_text) const try {
  flush();
  const std::string columns = with_text ? kDocColumns : "id, title, source, date, url, origin, story, duplicate_of";
  // Documents are read a thousand at a time (by id, after the last one
  // read), their sentences with them, so that a large store is never held
  // in memory whole.
  std::string after;
  bool first = true;
  for (;;) {
    const auto r = run_params(fmt::format("SELECT {} FROM documents WHERE $1 OR id > $2 ORDER BY id LIMIT 1000", columns),
                              first, after);
    if (r.empty()) break;
    std::unordered_map<std::string, std::vector<Sentence>> sentences;
    if (with_text)
      for (const auto& s : run_params("SELECT doc, begin, \"end\" FROM sentences WHERE doc >= $1 AND doc <= $2 "
                                      "ORDER BY doc, idx",
                                      r[0][0].as<std::string>(), r[r.size() - 1][0].as<std::string>()))
        sentences[s[0].as<std::string>()].push_back(Sentence{span_at(s, 1)});
    for (const auto& row : r) {
      Document d = read_row(row, with_text);
      if (with_text) d.sentences = std::move(sentences[d.id]);
      fn(d);
    }
    after = r[r.size() - 1][0].as<std::string>();
    first = false;
    if (r.size() < 1000) break;
  }
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

StoreStats PgStore::stats() const try {
  StoreStats s;
  s.schema_version = schema_version();
  const auto d = run("SELECT count(*), coalesce(sum(octet_length(text)), 0), count(DISTINCT nullif(source, '')), "
                     "coalesce(min(nullif(date, '')), ''), coalesce(max(nullif(date, '')), '') FROM documents")[0];
  s.documents = d[0].as<int64_t>();
  s.text_bytes = d[1].as<int64_t>();
  s.sources = d[2].as<int64_t>();
  s.first_date = d[3].as<std::string>();
  s.last_date = d[4].as<std::string>();
  const auto c = run(
      "SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM runs), "
      "(SELECT count(*) FROM runs WHERE status IN ('interrupted', 'stopped')), (SELECT count(*) FROM mentions), "
      "(SELECT count(DISTINCT actor) FROM mentions), (SELECT count(*) FROM events), (SELECT count(*) FROM quantities), "
      "(SELECT count(DISTINCT CASE story WHEN '' THEN id ELSE story END) FROM documents), "
      "(SELECT count(*) FROM fingerprints), "
      "(SELECT count(*) FROM (SELECT DISTINCT type, source, target FROM relations) x), (SELECT count(*) FROM claims)")[0];
  s.sentences = c[0].as<int64_t>();
  s.runs = c[1].as<int64_t>();
  s.interrupted_runs = c[2].as<int64_t>();
  s.mentions = c[3].as<int64_t>();
  s.actors = c[4].as<int64_t>();
  s.events = c[5].as<int64_t>();
  s.quantities = c[6].as<int64_t>();
  s.stories = c[7].as<int64_t>();
  s.fingerprints = c[8].as<int64_t>();
  s.relations = c[9].as<int64_t>();
  s.claims = c[10].as<int64_t>();
  return s;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

}  // namespace mosaic::postgres
