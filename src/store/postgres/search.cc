// Full-text search: PostgreSQL's own (a tsvector per document, accents
// folded by unaccent, a GIN index), filled when a search needs it rather
// than at ingest, as the SQLite store's FTS5 index is. Matches are ranked by
// ts_rank; the SQLite store ranks by bm25, so the two may order a search's
// matches differently (each finds the same documents).
#include <fmt/format.h>

#include "store/postgres/pg_store.h"

namespace mosaic::postgres {

std::vector<DocumentSummary> PgStore::find_documents(const DocumentQuery& query) const try {
  flush();
  const bool words = query.words.find_first_not_of(" \t\r\n\f\v") != std::string::npos;
  const std::string columns =
      "d.id, d.title, d.source, d.date, octet_length(d.text), "
      "(SELECT count(*) FROM sentences s WHERE s.doc = d.id), CASE d.story WHEN '' THEN d.id ELSE d.story END";
  const std::string window = within("d.date", 2, 3);
  // Parameters are numbered alike in both: $1 is the words.
  const std::string sql =
      words ? fmt::format("SELECT {}, ts_headline('mosaic_search', d.title || ' ' || d.text, q, "
                          "'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, "
                          "FragmentDelimiter=...') "
                          "FROM documents d, plainto_tsquery('mosaic_search', $1) q "
                          "WHERE d.search @@ q AND {} ORDER BY ts_rank(d.search, q) DESC, d.id LIMIT $4 OFFSET $5",
                          columns, window)
            : fmt::format("SELECT {}, '' FROM documents d WHERE $1 = $1 AND {} "
                          "ORDER BY d.date DESC, d.id LIMIT $4 OFFSET $5", columns, window);
  std::vector<DocumentSummary> out;
  for (const auto& q : run_params(sql, query.words, query.from, query.to, static_cast<int64_t>(query.limit),
                                  static_cast<int64_t>(query.offset)))
    out.push_back({q[0].as<std::string>(), q[1].as<std::string>(), q[2].as<std::string>(), q[3].as<std::string>(),
                   q[5].as<int64_t>(), q[4].as<int64_t>(), q[6].as<std::string>(), q[7].as<std::string>()});
  return out;
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

std::size_t PgStore::index_for_search() try {
  auto stale = [&](int64_t& upto, int64_t& last) {
    const auto r = run("SELECT (SELECT indexed_upto FROM search_index), (SELECT coalesce(max(seq), 0) FROM documents)")[0];
    upto = r[0].as<int64_t>();
    last = r[1].as<int64_t>();
    return last > upto;
  };
  // Asked before every search: a write transaction is begun only when there is work to do.
  int64_t upto = 0, last = 0;
  if (!stale(upto, last)) return 0;
  Transaction tx(*this);
  if (!stale(upto, last)) return 0;
  const auto added = run_params("UPDATE documents SET search = to_tsvector('mosaic_search', title || ' ' || text) "
                                "WHERE seq > $1 AND seq <= $2",
                                upto, last);
  run_params("UPDATE search_index SET indexed_upto = $1", last);
  tx.commit();
  return std::size_t(added.affected_rows());
} catch (const pqxx::pqxx_exception& e) {
  fail(e);
}

}  // namespace mosaic::postgres
