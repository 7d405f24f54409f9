// Rows read back into the document model: spans, quantities, claims, events.
#include <fmt/format.h>

#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

Span span_at(SQLite::Statement& q, int column) {
  return Span{uint32_t(q.getColumn(column).getInt64()), uint32_t(q.getColumn(column + 1).getInt64())};
}

Quantity quantity_at(SQLite::Statement& q, int column) {
  return Quantity{uint32_t(q.getColumn(column).getInt64()), span_at(q, column + 1), q.getColumn(column + 3).getDouble(),
                  q.getColumn(column + 4).getDouble(), q.getColumn(column + 5).getString()};
}

Claim claim_at(SQLite::Statement& q) {
  return Claim{uint32_t(q.getColumn(0).getInt64()), span_at(q, 1), q.getColumn(3).getString(),
               q.getColumn(4).getString(), q.getColumn(5).getString()};
}

std::string within(std::string_view column, int from, int to) {
  return fmt::format("(?{1} = '' OR {0} >= ?{1}) AND (?{2} = '' OR ({0} <> '' AND {0} <= ?{2}))", column, from, to);
}

std::string event_query(bool evidence) {
  return fmt::format(
      "SELECT e.id, e.doc, e.sentence, e.trigger_begin, e.trigger_end, e.event_type, e.sub_event_type, "
      "e.plover_type, e.plover_mode, e.location, e.location_begin, e.location_end, e.date, e.time_precision, "
      "e.fatalities, e.civilian_fatalities, e.main, d.source, {}, e.event_group, "
      "CASE d.story WHEN '' THEN d.id ELSE d.story END, e.admin1, e.country, e.latitude, e.longitude, "
      "e.geo_precision, (SELECT CAST(strftime('%s', started) AS INTEGER) FROM runs WHERE id = d.run) "
      "FROM events e JOIN documents d ON d.id = e.doc {}",
      evidence ? "CAST(substr(CAST(d.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT)" : "''",
      evidence ? "JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence " : "");
}

Store::StoredEvent read_event(SQLite::Statement& q, SQLite::Statement& actors) {
  Store::StoredEvent s;
  Event& e = s.event;
  e.id = q.getColumn(0).getString();
  s.doc = q.getColumn(1).getString();
  e.sentence = uint32_t(q.getColumn(2).getInt64());
  e.trigger = span_at(q, 3);
  e.event_type = q.getColumn(5).getString();
  e.sub_event_type = q.getColumn(6).getString();
  e.plover_type = q.getColumn(7).getString();
  e.plover_mode = q.getColumn(8).getString();
  e.location = q.getColumn(9).getString();
  e.location_span = span_at(q, 10);
  e.date = q.getColumn(12).getString();
  e.time_precision = q.getColumn(13).getInt();
  if (!q.getColumn(14).isNull()) e.fatalities = q.getColumn(14).getInt();
  if (!q.getColumn(15).isNull()) e.civilian_fatalities = q.getColumn(15).getInt();
  e.main = q.getColumn(16).getInt() != 0;
  s.source = q.getColumn(17).getString();
  s.evidence = q.getColumn(18).getString();
  e.group = q.getColumn(19).getString();
  if (e.group.empty()) e.group = e.id;
  s.story = q.getColumn(20).getString();
  e.admin1 = q.getColumn(21).getString();
  e.country = q.getColumn(22).getString();
  if (!q.getColumn(23).isNull()) e.latitude = q.getColumn(23).getDouble();
  if (!q.getColumn(24).isNull()) e.longitude = q.getColumn(24).getDouble();
  e.geo_precision = q.getColumn(25).getInt();
  s.stored = q.getColumn(26).getInt64();
  actors.reset();
  actors.bind(1, e.id);
  while (actors.executeStep())
    (actors.getColumn(0).getInt() == 1 ? e.actor1 : e.actor2).push_back(actors.getColumn(1).getString());
  return s;
}

}  // namespace mosaic::sqlite
