// What story and event merging look up and change: fingerprint holders,
// common fingerprints, a document's text and story, events that may repeat
// one. No policy here: thresholds are merging's (src/merge/).
#include <fmt/format.h>

#include <limits>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

const std::unordered_set<int64_t>& PgStore::common() const try {
  if (!common_) {
    common_.emplace();
    for (const auto& row : run("SELECT hash FROM common_fingerprints")) common_->insert(row[0].as<int64_t>());
  }
  return *common_;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

Array PgStore::stored_fingerprints(const Document& doc) const {
  // A common fingerprint's holders are not kept (its lookups are skipped),
  // but it still counts among the document's own.
  const auto& recorded = common();
  Array out;
  for (uint64_t fp : doc.fingerprints)
    if (!recorded.count(static_cast<int64_t>(fp))) out.add(static_cast<int64_t>(fp));
  return out;
}

void PgStore::for_each_holder(const std::vector<uint64_t>& fingerprints, std::size_t limit, const std::string& asking,
                              const std::function<void(std::size_t k, std::string_view doc, std::size_t own)>& fn) try {
  // Every fingerprint's holders in one query, in the order SQLite's primary
  // key gives them (by document id), a row a fingerprint, its holders packed
  // in one text as "BYTES,OWN,ID" each (the id's length in bytes first, so
  // that any id reads back): the hundreds of holders a document's
  // fingerprints may have cost a few rows, not a row each to send, receive
  // and convert. Row 0 tells whether `asking` is stored (its run, hash and
  // origin), which put needs next.
  static const std::string sql =
      "SELECT 0::bigint, NULL::text, d.run, d.hash, d.origin FROM (SELECT $3::text AS id) a "
      "LEFT JOIN documents d ON d.id = a.id UNION ALL "
      "(SELECT f.k, string_agg(octet_length(x.doc)::text || ',' || x.of_document::text || ',' || x.doc, '' "
      "ORDER BY x.doc) FILTER (WHERE x.doc <> $3), NULL, NULL, NULL "
      "FROM unnest($1::bigint[]) WITH ORDINALITY AS f(h, k) "
      "CROSS JOIN LATERAL (SELECT doc, of_document FROM fingerprints WHERE hash = f.h ORDER BY doc LIMIT $2) x "
      "GROUP BY f.k) ORDER BY 1";
  asked_.reset();
  const auto& recorded = common();
  Array asked;
  std::vector<std::size_t> position;  // of each fingerprint asked, in `fingerprints`
  for (std::size_t k = 0; k < fingerprints.size(); ++k) {
    const auto fp = static_cast<int64_t>(fingerprints[k]);
    if (recorded.count(fp)) continue;
    asked.add(fp);
    position.push_back(k);
  }
  const bool before_put = tx_ && !asking.empty();
  if (position.empty() && !before_put) return;
  pqxx::result r;
  if (pending_.empty()) {
    r = run_prepared("holders", sql, asked.str(), static_cast<int64_t>(limit), asking);
  } else {
    // Behind the put kept back, in one message: a statement of its own.
    prepare("holders", sql);
    conn_->prepare_now("holders");
    r = run(fmt::format("EXECUTE holders({}, {}, {})", quote(asked.str()), limit, quote(asking)));
  }
  auto number = [](std::string_view packed, std::size_t& at) {
    std::size_t n = 0;
    while (at < packed.size() && packed[at] != ',') n = n * 10 + std::size_t(packed[at++] - '0');
    ++at;  // the comma
    return n;
  };
  for (const auto& row : r) {
    const auto k = row[0].as<int64_t>();
    if (k == 0) {
      if (before_put)
        asked_ = row[2].is_null() ? Asked{asking, "", false, 0, 0}
                                  : Asked{asking, row[4].as<std::string>(), true, row[2].as<int64_t>(), row[3].as<int64_t>()};
      continue;
    }
    if (row[1].is_null()) continue;  // only `asking` holds it
    const std::string_view packed(row[1].c_str(), row[1].size());
    for (std::size_t at = 0; at < packed.size();) {
      const std::size_t bytes = number(packed, at), own = number(packed, at);
      fn(position[std::size_t(k - 1)], packed.substr(at, bytes), own);
      at += bytes;
    }
  }
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::mark_common(uint64_t fingerprint) try {
  run_params("INSERT INTO common_fingerprints(hash) VALUES ($1) ON CONFLICT DO NOTHING", static_cast<int64_t>(fingerprint));
  common();
  common_->insert(static_cast<int64_t>(fingerprint));
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::optional<std::string> PgStore::text_of(const std::string& id) const try {
  if (writing_)
    if (auto known = known_.text(id)) return known;
  const auto r = run_prepared("text_of", "SELECT text FROM documents WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  std::string text = r[0][0].as<std::string>();
  if (writing_) known_.set_text(id, text);
  return text;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::string PgStore::story_of(const std::string& id) const try {
  if (writing_)
    if (auto known = known_.story(id)) return *known;
  const auto r = run_prepared("story_of", "SELECT story FROM documents WHERE id = $1", id);
  if (r.empty()) return id;  // not stored: nothing to remember
  const std::string story = r[0][0].as<std::string>();
  if (writing_) known_.set_story(id, story);
  return story.empty() ? id : story;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::rename_story(const std::string& from, const std::string& to) try {
  asked_.reset();
  known_.forget_stories();
  run_params("UPDATE documents SET story = $1, duplicate_of = CASE WHEN id = $1 THEN '' ELSE $1 END "
             "WHERE story = $2 OR (story = '' AND id = $2)",
             to, from);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::set_story(const Document& doc) try {
  asked_.reset();
  if (writing_) known_.set_story(doc.id, doc.story);
  std::string batch = fmt::format("UPDATE documents SET story = {}, duplicate_of = {} WHERE id = {};\n"
                                  "DELETE FROM fingerprints WHERE doc = {};\n",
                                  quote(doc.story), quote(doc.duplicate_of), quote(doc.id), quote(doc.id));
  if (const Array kept = stored_fingerprints(doc); !kept.empty())
    batch += fmt::format("INSERT INTO fingerprints(hash, doc, of_document) SELECT h, {}, {} FROM unnest({}::bigint[]) h "
                         "ON CONFLICT DO NOTHING;\n",
                         quote(doc.id), doc.fingerprints.size(), quote(kept.str()));
  run(batch);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_event_of_documents(const std::vector<std::string>& docs,
                                          const std::function<void(const StoredEvent&)>& fn) const try {
  if (docs.empty()) return;
  // The documents asked as rows joined to events, not `e.doc = ANY($1)`: a
  // plan kept for the whole run is made when the store is new and small, and
  // for ANY it was a hash join over every document (1.3 ms a lookup at 3000
  // documents, the largest server cost of a bench); rows of unnest() are
  // looked up by index whatever the tables' size (under 0.1 ms). A document
  // asked twice is answered twice, as by SQLite (ANY answered once).
  static const std::string sql =
      event_query(false, {}, "unnest($1::text[]) WITH ORDINALITY AS q(doc, k) CROSS JOIN ") +
      "WHERE e.doc = q.doc ORDER BY q.k, e.seq";
  pqxx::result r;
  try {
    r = run_prepared("events_of_documents", sql, array(docs));
  } catch (const pqxx::pqxx_exception& e) {
    fail(e);
  }
  for (const auto& row : r) fn(read_event(row));
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

void PgStore::for_each_event_at(const std::string& doc, const std::vector<const Event*>& events,
                                const std::function<bool(std::size_t i, const StoredEvent&)>& fn) const try {
  // Every event's lookup in one query: the events asked as arrays (position,
  // type, day, place key, actors each between two unit separators).
  static const std::string sql =
      "SELECT x.*, a.i FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) "
      "AS a(i, type, date, place, actors) CROSS JOIN LATERAL (" +
      event_query(false, ", e.seq AS seq_") +
      "WHERE e.sub_event_type = a.type AND e.date = a.date AND e.place_key = a.place AND e.location <> '' "
      "AND e.doc <> $1 AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id "
      "AND strpos(a.actors, chr(31) || ea.actor || chr(31)) > 0) ORDER BY e.seq LIMIT $7 OFFSET $8) x "
      "ORDER BY a.i, x.seq_";
  std::vector<std::string> index, type, date, place, actors;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& event = *events[i];
    if (event.date.empty() || event.location.empty()) continue;
    std::string actors_list;
    for (const auto* side : {&event.actor1, &event.actor2})
      for (const auto& a : *side) actors_list += '\x1f' + a + '\x1f';
    if (actors_list.empty()) continue;
    // As SQLite's lookup: the coordinates only when both are known.
    Event where = event;
    if (!(event.latitude && event.longitude)) where.latitude.reset();
    index.push_back(std::to_string(i));
    type.push_back(event.sub_event_type);
    date.push_back(event.date);
    place.push_back(place_key(where));
    actors.push_back(std::move(actors_list));
  }
  // The first of an event's candidates is nearly always its repeat (they
  // share an actor already; only one of the document's own story can be
  // passed over): each event's first is read, and only for an event whose
  // first was passed over are the rest read after it. Each candidate read
  // costs its document, run and actors.
  constexpr int64_t kFirst = 1;
  std::vector<bool> stopped(events.size());
  std::vector<int64_t> seen(events.size());
  auto ask = [&](const std::vector<std::size_t>& which, int64_t limit, int64_t offset) {
    auto pick = [&](const std::vector<std::string>& all) {
      std::vector<std::string> out;
      for (const std::size_t k : which) out.push_back(all[k]);
      return array(out);
    };
    for (const auto& row : run_prepared("events_at", sql, doc, pick(index), pick(type), pick(date), pick(place),
                                        pick(actors), limit, offset)) {
      const auto i = std::size_t(row[29].as<int64_t>());
      ++seen[i];
      if (!stopped[i] && !fn(i, read_event(row))) stopped[i] = true;
    }
  };
  std::vector<std::size_t> all(index.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  if (all.empty()) return;
  ask(all, kFirst, 0);
  std::vector<std::size_t> more;
  for (std::size_t k = 0; k < index.size(); ++k) {
    const auto i = std::size_t(std::stoll(index[k]));
    if (!stopped[i] && seen[i] == kFirst) more.push_back(k);
  }
  if (!more.empty()) ask(more, std::numeric_limits<int64_t>::max(), kFirst);
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

}  // namespace mosaic::postgres
