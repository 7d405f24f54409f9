// Writing documents: put (a document with everything extracted from it, a
// replaced one's rows removed first) and resuming an interrupted run's. A
// document's rows that merging reads go to the server in one prepared
// statement, a table's rows as arrays, its lookup of a stored copy folded in:
// one round trip and no statement to parse or plan; the others wait for COPY.
#include <fmt/format.h>
#include <xxhash.h>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

namespace {

constexpr const char* kStoredCopy =
    "SELECT d.run, d.hash, d.origin, coalesce(r.status IN ('interrupted', 'stopped'), false) FROM documents d "
    "LEFT JOIN runs r ON r.id = d.run WHERE d.id = $1";

int64_t raw_hash(const Document& doc) { return static_cast<int64_t>(XXH3_64bits(doc.raw.data(), doc.raw.size())); }


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

// A document's own rows (documents, fingerprints, events and their actors,
// actors changed since this connection last wrote them) in one prepared
// statement, each table's rows as arrays, written only if no document has
// its id: what it returns is the document found instead.
constexpr const char* kPut =
    "WITH found AS (SELECT run, hash, origin FROM documents WHERE id = $1), "
    "d AS (INSERT INTO documents(id, title, source, date, url, origin, run, hash, raw, text, story, duplicate_of) "
    " SELECT $1, $2, $3, $4, $5, $6, $7::bigint, $8::bigint, $9, $10, $11, $12 "
    " WHERE NOT EXISTS (SELECT 1 FROM found)), "
    "f AS (INSERT INTO fingerprints(hash, doc, of_document) SELECT h, $1, $13::int FROM unnest($14::bigint[]) h "
    " WHERE NOT EXISTS (SELECT 1 FROM found) ON CONFLICT DO NOTHING), "
    "a AS (INSERT INTO actors(id, name, type, country) "
    " SELECT * FROM unnest($15::text[], $16::text[], $17::text[], $18::text[]) WHERE NOT EXISTS (SELECT 1 FROM found) "
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country), "
    "e AS (INSERT INTO events(id, doc, sentence, trigger_begin, trigger_end, event_type, sub_event_type, plover_type, "
    " plover_mode, location, location_begin, location_end, date, time_precision, fatalities, civilian_fatalities, "
    " main, event_group, admin1, country, latitude, longitude, geo_precision, place_key) "
    " SELECT x.id, $1, x.sentence, x.tb, x.te, x.et, x.st, x.pt, x.pm, x.loc, x.lb, x.le, x.date, x.tp, x.f, x.cf, "
    " x.main, x.grp, x.a1, x.country, x.lat, x.lon, x.gp, x.pk FROM unnest($19::text[], $20::int[], $21::int[], "
    " $22::int[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::int[], $29::int[], $30::text[], "
    " $31::int[], $32::int[], $33::int[], $34::int[], $35::text[], $36::text[], $37::text[], $38::float8[], "
    " $39::float8[], $40::int[], $41::text[]) AS x(id, sentence, tb, te, et, st, pt, pm, loc, lb, le, date, tp, f, "
    " cf, main, grp, a1, country, lat, lon, gp, pk) WHERE NOT EXISTS (SELECT 1 FROM found)), "
    "ea AS (INSERT INTO event_actors(event, role, position, actor) "
    " SELECT * FROM unnest($42::text[], $43::int[], $44::int[], $45::text[]) WHERE NOT EXISTS (SELECT 1 FROM found)) "
    "SELECT run, hash, origin FROM found";

PutResult PgStore::put(const Document& doc, std::string* origin_of_first) try {
  const int64_t hash = raw_hash(doc);
  // Actors whose record this connection has not written as it is now: an
  // id's last in the document, as when each was written in turn.
  std::unordered_map<std::string, std::string> changed;
  for (const Actor& a : doc.actors) changed[a.id] = a.name + '\x1f' + a.type + '\x1f' + a.country;
  std::erase_if(changed, [&](const auto& c) {
    const auto written = actors_written_.find(c.first);
    return written != actors_written_.end() && written->second == c.second;
  });
  Array actor_id, actor_name, actor_type, actor_country;
  std::unordered_set<std::string_view> listed;
  for (auto a = doc.actors.rbegin(); a != doc.actors.rend(); ++a)
    if (changed.count(a->id) && listed.insert(a->id).second)
      actor_id.add(a->id), actor_name.add(a->name), actor_type.add(a->type), actor_country.add(a->country);
  Array id, sentence, tb, te, et, st, pt, pm, loc, lb, le, date, tp, f, cf, is_main, grp, a1, country, lat, lon, gp, pk;
  Array ea_event, ea_role, ea_position, ea_actor;
  for (const Event& e : doc.events) {
    id.add(e.id), sentence.add(int64_t(e.sentence)), tb.add(int64_t(e.trigger.begin)), te.add(int64_t(e.trigger.end));
    et.add(e.event_type), st.add(e.sub_event_type), pt.add(e.plover_type), pm.add(e.plover_mode);
    loc.add(e.location), lb.add(int64_t(e.location_span.begin)), le.add(int64_t(e.location_span.end));
    date.add(e.date), tp.add(int64_t(e.time_precision)), f.add(e.fatalities), cf.add(e.civilian_fatalities);
    is_main.add(int64_t(e.main ? 1 : 0)), grp.add(e.group.empty() ? e.id : e.group), a1.add(e.admin1);
    country.add(e.country), lat.add(e.latitude), lon.add(e.longitude), gp.add(int64_t(e.geo_precision));
    pk.add(place_key(e));
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? e.actor1 : e.actor2;
      for (std::size_t i = 0; i < side.size(); ++i)
        ea_event.add(e.id), ea_role.add(int64_t(role)), ea_position.add(int64_t(i)), ea_actor.add(side[i]);
    }
  }
  const std::vector<std::string> params = {
      doc.id, doc.title, doc.source, doc.date, doc.url, doc.origin, std::to_string(run_), std::to_string(hash), doc.raw,
      doc.text, doc.story.empty() ? doc.id : doc.story, doc.duplicate_of, std::to_string(doc.fingerprints.size()),
      stored_fingerprints(doc).str(), actor_id.str(), actor_name.str(), actor_type.str(), actor_country.str(), id.str(),
      sentence.str(), tb.str(), te.str(), et.str(), st.str(), pt.str(), pm.str(), loc.str(), lb.str(), le.str(),
      date.str(), tp.str(), f.str(), cf.str(), is_main.str(), grp.str(), a1.str(), country.str(), lat.str(), lon.str(),
      gp.str(), pk.str(), ea_event.str(), ea_role.str(), ea_position.str(), ea_actor.str()};
  auto write = [&] { return run_prepared("put", kPut, pqxx::prepare::make_dynamic_params(params)); };
  // What merging's lookup of holders found of this document, just before.
  std::optional<Asked> asked;
  if (asked_ && asked_->id == doc.id && tx_) asked = std::move(asked_);
  asked_.reset();
  PutResult result = PutResult::Inserted;
  // Groups of other documents' events named after one of this document's
  // events, with what that event was (its type, place and day).
  std::vector<std::pair<std::string, std::string>> held;
  if (asked && asked->stored && asked->run == run_) {
    if (origin_of_first) *origin_of_first = asked->origin;
    return asked->hash == hash ? PutResult::Repeated : PutResult::Conflict;
  }
  if (asked && !asked->stored) {
    // Not stored (and no other writer's turn until this session ends): the
    // write is kept back, to go with the next statement. Without the check
    // of a stored copy, so that one stored meanwhile breaks the key.
    static const std::string unchecked = [] {
      std::string sql = kPut;
      for (const std::string_view check = " WHERE NOT EXISTS (SELECT 1 FROM found)";;) {
        const auto at = sql.find(check);
        if (at == std::string::npos) break;
        sql.erase(at, check.size());
      }
      return sql;
    }();
    prepare("put_unchecked", unchecked);
    conn_->prepare_now("put_unchecked");
    pending_ += "EXECUTE put_unchecked(";
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (i) pending_ += ',';
      pending_ += quote(params[i]);
    }
    pending_ += ");\n";
  } else if (const auto found = write(); !found.empty()) {
    if (found[0][0].as<int64_t>() == run_) {
      if (origin_of_first) *origin_of_first = found[0][2].as<std::string>();
      return found[0][1].as<int64_t>() == hash ? PutResult::Repeated : PutResult::Conflict;
    }
    result = PutResult::Replaced;
    // Reports in other documents grouped under one of this document's events:
    // their groups are mended once the new version's events are written.
    for (const auto& row : run_params("SELECT h.id, h.sub_event_type || chr(31) || h.location || chr(31) || h.date "
                                      "FROM events h WHERE h.doc = $1 AND EXISTS "
                                      "(SELECT 1 FROM events o WHERE o.event_group = h.id AND o.doc <> $1) ORDER BY h.seq",
                                      doc.id))
      held.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
    flush();  // what is deleted must be there
    // Every table that holds a document's rows, children before parents.
    std::string batch;
    const std::string quoted = quote(doc.id);
    for (const char* sql : {"DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = {})",
                            "DELETE FROM events WHERE doc = {}", "DELETE FROM mentions WHERE doc = {}",
                            "DELETE FROM quantities WHERE doc = {}", "DELETE FROM relations WHERE doc = {}",
                            "DELETE FROM claims WHERE doc = {}", "DELETE FROM fingerprints WHERE doc = {}",
                            "DELETE FROM sentences WHERE doc = {}", "DELETE FROM documents WHERE id = {}"})
      batch += fmt::format(fmt::runtime(sql), quoted) + ";\n";
    run(batch);
    write();
  }
  for (auto& [actor, record] : changed) actors_written_[actor] = record;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    sentences_.row(doc.id, int64_t(i), int64_t(doc.sentences[i].span.begin), int64_t(doc.sentences[i].span.end));
  for (const Actor& a : doc.actors) {
    for (const auto& alias : a.aliases)
      if (aliases_written_.insert(a.id + '\x1f' + alias).second) aliases_.row(quote(a.id), quote(alias));
  }
  // A list's repeats (same key) are dropped, the first kept, as the primary keys would.
  std::unordered_set<std::string> keys;
  auto fresh = [&](std::string key) { return keys.insert(std::move(key)).second; };
  for (const Mention& m : doc.mentions)
    if (fresh(fmt::format("{}\x1f{}", m.span.begin, m.actor)))
      mentions_.row(doc.id, int64_t(m.sentence), int64_t(m.span.begin), int64_t(m.span.end), m.actor);
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
  if (writing_) {
    known_.set_text(doc.id, doc.text);
    known_.set_story(doc.id, doc.story.empty() ? doc.id : doc.story);  // as written above
  }
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
  if (writing_) keep_statistics();
  return result;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

}  // namespace mosaic::postgres
