// Writing documents: put (a document with everything extracted from it, a
// replaced one's rows removed first) and resuming an interrupted run's. A
// document's rows go to the server as one batch of multi-row INSERTs: one
// round trip, where a statement per row would be hundreds.
#include <fmt/format.h>
#include <xxhash.h>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

namespace {

constexpr const char* kStoredCopy =
    "SELECT d.run, d.hash, d.origin, coalesce(r.status IN ('interrupted', 'stopped'), false) FROM documents d "
    "LEFT JOIN runs r ON r.id = d.run WHERE d.id = $1";

int64_t raw_hash(const Document& doc) { return static_cast<int64_t>(XXH3_64bits(doc.raw.data(), doc.raw.size())); }

std::string num(int64_t v) { return std::to_string(v); }
// Shortest text that reads back as the same double.
std::string real(double v) { return fmt::format("'{}'::float8", v); }

}  // namespace

bool PgStore::resumable(const Document& doc) const try {
  if (!resumable_runs_) return false;
  const auto r = run_prepared("stored_copy", kStoredCopy, doc.id);
  return !r.empty() && r[0][0].as<int64_t>() != run_ && r[0][1].as<int64_t>() == raw_hash(doc) && r[0][3].as<bool>();
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::optional<PutResult> PgStore::resume(const Document& doc, std::string* origin_of_first) try {
  const int64_t hash = raw_hash(doc);
  const auto r = run_params(kStoredCopy, doc.id);
  if (r.empty()) return std::nullopt;
  if (r[0][0].as<int64_t>() == run_) {
    if (origin_of_first) *origin_of_first = r[0][2].as<std::string>();
    return r[0][1].as<int64_t>() == hash ? PutResult::Repeated : PutResult::Conflict;
  }
  if (r[0][1].as<int64_t>() != hash || !r[0][3].as<bool>()) return std::nullopt;
  run_params("UPDATE documents SET run = $1, origin = $2 WHERE id = $3", run_, doc.origin, doc.id);
  return PutResult::Resumed;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

PutResult PgStore::put(const Document& doc, std::string* origin_of_first) try {
  const int64_t hash = raw_hash(doc);
  PutResult result = PutResult::Inserted;
  // Groups of other documents' events named after one of this document's
  // events, with what that event was (its type, place and day).
  std::vector<std::pair<std::string, std::string>> held;
  if (const auto found = run_prepared("find", "SELECT run, hash, origin FROM documents WHERE id = $1", doc.id);
      !found.empty()) {
    if (found[0][0].as<int64_t>() == run_) {
      if (origin_of_first) *origin_of_first = found[0][2].as<std::string>();
      return found[0][1].as<int64_t>() == hash ? PutResult::Repeated : PutResult::Conflict;
    }
    result = PutResult::Replaced;
  }
  std::string batch;
  if (result == PutResult::Replaced) {
    // Reports in other documents grouped under one of this document's events:
    // their groups are mended once the new version's events are written.
    for (const auto& row : run_params("SELECT h.id, h.sub_event_type || chr(31) || h.location || chr(31) || h.date "
                                      "FROM events h WHERE h.doc = $1 AND EXISTS "
                                      "(SELECT 1 FROM events o WHERE o.event_group = h.id AND o.doc <> $1) ORDER BY h.seq",
                                      doc.id))
      held.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
    flush();  // what is deleted must be there
    // Every table that holds a document's rows, children before parents.
    const std::string id = quote(doc.id);
    for (const char* sql : {"DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = {})",
                            "DELETE FROM events WHERE doc = {}", "DELETE FROM mentions WHERE doc = {}",
                            "DELETE FROM quantities WHERE doc = {}", "DELETE FROM relations WHERE doc = {}",
                            "DELETE FROM claims WHERE doc = {}", "DELETE FROM fingerprints WHERE doc = {}",
                            "DELETE FROM sentences WHERE doc = {}", "DELETE FROM documents WHERE id = {}"})
      batch += fmt::format(fmt::runtime(sql), id) + ";\n";
  }
  const std::string id = quote(doc.id);
  batch += fmt::format(
      "INSERT INTO documents(id, title, source, date, url, origin, run, hash, raw, text, story, duplicate_of) "
      "VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {});\n",
      id, quote(doc.title), quote(doc.source), quote(doc.date), quote(doc.url), quote(doc.origin), run_, hash,
      quote(doc.raw), quote(doc.text), quote(doc.story.empty() ? doc.id : doc.story), quote(doc.duplicate_of));
  write_fingerprints(doc, batch);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    sentences_.row(doc.id, int64_t(i), int64_t(doc.sentences[i].span.begin), int64_t(doc.sentences[i].span.end));
  for (const Actor& a : doc.actors) {
    std::string& written = actors_written_[a.id];
    if (const std::string record = a.name + '\x1f' + a.type + '\x1f' + a.country; written != record) {
      batch += fmt::format(
          "INSERT INTO actors(id, name, type, country) VALUES ({}, {}, {}, {}) ON CONFLICT (id) DO UPDATE SET "
          "name = excluded.name, type = excluded.type, country = excluded.country;\n",
          quote(a.id), quote(a.name), quote(a.type), quote(a.country));
      written = record;
    }
    for (const auto& alias : a.aliases)
      if (aliases_written_.insert(a.id + '\x1f' + alias).second) aliases_.row(quote(a.id), quote(alias));
  }
  // A list's repeats (same key) are dropped, the first kept, as the primary keys would.
  std::unordered_set<std::string> keys;
  auto fresh = [&](std::string key) { return keys.insert(std::move(key)).second; };
  for (const Mention& m : doc.mentions)
    if (fresh(fmt::format("{}\x1f{}", m.span.begin, m.actor)))
      mentions_.row(doc.id, int64_t(m.sentence), int64_t(m.span.begin), int64_t(m.span.end), m.actor);
  Insert events("INSERT INTO events(id, doc, sentence, trigger_begin, trigger_end, event_type, sub_event_type, "
                "plover_type, plover_mode, location, location_begin, location_end, date, time_precision, "
                "fatalities, civilian_fatalities, main, event_group, admin1, country, latitude, longitude, "
                "geo_precision, place_key) VALUES ");
  Insert event_actors("INSERT INTO event_actors(event, role, position, actor) VALUES ");
  for (const Event& e : doc.events) {
    const std::string eid = quote(e.id);
    events.row(eid, id, num(e.sentence), num(e.trigger.begin), num(e.trigger.end), quote(e.event_type),
               quote(e.sub_event_type), quote(e.plover_type), quote(e.plover_mode), quote(e.location),
               num(e.location_span.begin), num(e.location_span.end), quote(e.date), num(e.time_precision),
               e.fatalities ? num(*e.fatalities) : std::string("NULL"),
               e.civilian_fatalities ? num(*e.civilian_fatalities) : std::string("NULL"), num(e.main ? 1 : 0),
               quote(e.group.empty() ? e.id : e.group), quote(e.admin1), quote(e.country),
               e.latitude ? real(*e.latitude) : std::string("NULL"), e.longitude ? real(*e.longitude) : std::string("NULL"),
               num(e.geo_precision), quote(place_key(e)));
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? e.actor1 : e.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) event_actors.row(eid, num(role), num(int64_t(i)), quote(side[i]));
    }
  }
  events.into(batch);
  event_actors.into(batch);
  keys.clear();
  for (const Relation& r : doc.relations)
    if (fresh(fmt::format("{}\x1f{}\x1f{}\x1f{}", r.sentence, r.type, r.source, r.target)))
      relations_.row(doc.id, int64_t(r.sentence), r.type, r.source, r.target);
  keys.clear();
  for (const Claim& c : doc.claims)
    if (fresh(std::to_string(c.span.begin)))
      claims_.row(doc.id, int64_t(c.sentence), int64_t(c.span.begin), int64_t(c.span.end), c.source, c.stance, c.about);
  keys.clear();
  for (const Quantity& q : doc.quantities)
    if (fresh(std::to_string(q.span.begin)))
      quantities_.row(doc.id, int64_t(q.sentence), int64_t(q.span.begin), int64_t(q.span.end),
                      fmt::format("{}", q.value), fmt::format("{}", q.value_max), q.what);
  run(batch);
  if (tx_) session_texts_[doc.id] = doc.text;
  if (!tx_) flush();  // no transaction to send them at the end of
  // Event ids are positions in their document: the new version's event with
  // the id a group was named after still heads it if it is the same event
  // (type, place and day; the document ingested again) and names its group
  // after itself. Otherwise the group's other reports, the new version's that
  // joined it included, are named after the first of them stored.
  for (const auto& [group, was] : held) {
    const auto now = run_params(
        "SELECT event_group, sub_event_type || chr(31) || location || chr(31) || date FROM events WHERE id = $1", group);
    if (!now.empty() && now[0][0].as<std::string>() == group && now[0][1].as<std::string>() == was) continue;
    const auto first = run_params("SELECT id FROM events WHERE event_group = $1 AND id <> $1 ORDER BY seq LIMIT 1", group);
    if (first.empty()) continue;
    run_params("UPDATE events SET event_group = $1 WHERE event_group = $2 AND id <> $2", first[0][0].as<std::string>(),
               group);
  }
  return result;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

}  // namespace mosaic::postgres
