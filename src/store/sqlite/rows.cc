// Rows read back into the document model: spans, quantities, claims, events.
#include <fmt/format.h>

#include <algorithm>

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

namespace {

void put_u32(std::string& out, std::size_t n) {
  for (int i = 0; i < 4; ++i) out += char((n >> (8 * i)) & 0xff);
}
std::size_t get_u32(const unsigned char* p) {
  return std::size_t(p[0]) | std::size_t(p[1]) << 8 | std::size_t(p[2]) << 16 | std::size_t(p[3]) << 24;
}

}  // namespace

// The blob: the shared prefix's and suffix's sizes (4 bytes each, little
// endian), then the raw bytes between them.
std::string raw_to_store(std::string_view raw, std::string_view text) {
  const std::size_t most = std::min(raw.size(), text.size());
  if (raw.size() > 0xffffffffu || text.size() > 0xffffffffu) return {};
  std::size_t prefix = 0, suffix = 0;
  while (prefix < most && raw[prefix] == text[prefix]) ++prefix;
  while (suffix < most - prefix && raw[raw.size() - 1 - suffix] == text[text.size() - 1 - suffix]) ++suffix;
  const std::size_t middle = raw.size() - prefix - suffix;
  // Worth it only when most of the raw text is shared.
  if (middle + 8 >= raw.size() / 2) return {};
  std::string out;
  out.reserve(8 + middle);
  put_u32(out, prefix);
  put_u32(out, suffix);
  out.append(raw.substr(prefix, middle));
  return out;
}

std::string raw_stored(const SQLite::Column& column, std::string_view text) {
  if (!column.isBlob()) return column.getString();
  const auto* p = static_cast<const unsigned char*>(column.getBlob());
  const auto size = std::size_t(column.getBytes());
  if (size < 8) return {};
  const std::size_t prefix = std::min(get_u32(p), text.size());
  const std::size_t suffix = std::min(get_u32(p + 4), text.size() - prefix);
  std::string raw(text.substr(0, prefix));
  raw.append(reinterpret_cast<const char*>(p + 8), size - 8);
  raw.append(text.substr(text.size() - suffix));
  return raw;
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
