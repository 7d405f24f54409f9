// Rows read back into the document model, and the columns written as the
// SQLite store computes them.
#include <fmt/format.h>
#include <sqlite3.h>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

std::string within(std::string_view column, int from, int to) {
  return fmt::format("(${1} = '' OR {0} >= ${1}) AND (${2} = '' OR ({0} <> '' AND {0} <= ${2}))", column, from, to);
}

void Array::next(std::string_view item) {
  if (size_++) items_ += ',';
  items_ += item;
}

void Array::add(std::string_view text) {
  next("\"");
  for (const char c : text) {
    if (c == '"' || c == '\\') items_ += '\\';
    items_ += c;
  }
  items_ += '"';
}

void Array::add(int64_t value) { next(std::to_string(value)); }

void Array::add(double value) { next(fmt::format("{}", value)); }

std::string array(const std::vector<std::string>& values) {
  Array out;
  for (const auto& v : values) out.add(std::string_view(v));
  return out.str();
}

std::string event_query(bool evidence, std::string_view extra_columns, std::string_view extra_joins) {
  return fmt::format(
      "SELECT e.id, e.doc, e.sentence, e.trigger_begin, e.trigger_end, e.event_type, e.sub_event_type, "
      "e.plover_type, e.plover_mode, e.location, e.location_begin, e.location_end, e.date, e.time_precision, "
      "e.fatalities, e.civilian_fatalities, e.main, d.source, {}, e.event_group, "
      "CASE d.story WHEN '' THEN d.id ELSE d.story END, e.admin1, e.country, e.latitude, e.longitude, "
      "e.geo_precision, (SELECT CAST(extract(epoch FROM started::timestamptz) AS BIGINT) FROM runs WHERE id = d.run), "
      "(SELECT string_agg(ea.role::text || ea.actor, chr(31) ORDER BY ea.role, ea.position) "
      " FROM event_actors ea WHERE ea.event = e.id){} "
      "FROM {}events e JOIN documents d ON d.id = e.doc {}",
      evidence ? "convert_from(substring(convert_to(d.text, 'UTF8') FROM s.begin + 1 FOR s.\"end\" - s.begin), 'UTF8')"
               : "''",
      extra_columns, extra_joins, evidence ? "JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence " : "");
}

Store::StoredEvent read_event(const pqxx::row& q) {
  Store::StoredEvent s;
  Event& e = s.event;
  auto u32 = [&](int c) { return uint32_t(q[c].as<int64_t>()); };
  e.id = q[0].as<std::string>();
  s.doc = q[1].as<std::string>();
  e.sentence = u32(2);
  e.trigger = Span{u32(3), u32(4)};
  e.event_type = q[5].as<std::string>();
  e.sub_event_type = q[6].as<std::string>();
  e.plover_type = q[7].as<std::string>();
  e.plover_mode = q[8].as<std::string>();
  e.location = q[9].as<std::string>();
  e.location_span = Span{u32(10), u32(11)};
  e.date = q[12].as<std::string>();
  e.time_precision = q[13].as<int>();
  if (!q[14].is_null()) e.fatalities = q[14].as<int>();
  if (!q[15].is_null()) e.civilian_fatalities = q[15].as<int>();
  e.main = q[16].as<int>() != 0;
  s.source = q[17].as<std::string>();
  s.evidence = q[18].as<std::string>();
  e.group = q[19].as<std::string>();
  if (e.group.empty()) e.group = e.id;
  s.story = q[20].as<std::string>();
  e.admin1 = q[21].as<std::string>();
  e.country = q[22].as<std::string>();
  if (!q[23].is_null()) e.latitude = q[23].as<double>();
  if (!q[24].is_null()) e.longitude = q[24].as<double>();
  e.geo_precision = q[25].as<int>();
  s.stored = q[26].is_null() ? 0 : q[26].as<int64_t>();
  if (!q[27].is_null()) {
    // "1actor\x1f2actor...": the role, then the actor's id.
    const std::string all = q[27].as<std::string>();
    std::size_t i = 0;
    while (i < all.size()) {
      std::size_t j = all.find('\x1f', i);
      if (j == std::string::npos) j = all.size();
      (all[i] == '1' ? e.actor1 : e.actor2).push_back(all.substr(i + 1, j - i - 1));
      i = j + 1;
    }
  }
  return s;
}

std::string place_key(const Event& e) {
  // SQLite's printf, so that both stores key a place alike to the last digit.
  if (e.latitude) {
    char* key = sqlite3_mprintf("%.4f,%.4f", *e.latitude, e.longitude.value_or(0.0));
    std::string out(key);
    sqlite3_free(key);
    return out;
  }
  std::string out = e.location;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

}  // namespace mosaic::postgres
