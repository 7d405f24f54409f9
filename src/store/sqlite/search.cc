// Full-text search: SQLite's FTS5 over titles and texts, indexed when a
// search needs it rather than at ingest.
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include <cctype>

#include "store/sqlite/sqlite_store.h"

namespace mosaic::sqlite {

namespace {

// Words as an FTS5 query: each one quoted, so that what users type is never
// read as query syntax.
std::string fts_query(std::string_view words) {
  std::string out;
  std::size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    std::size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    if (j > i) {
      out += out.empty() ? "\"" : " \"";
      for (char c : words.substr(i, j - i)) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    i = j;
  }
  return out;
}

}  // namespace

std::vector<DocumentSummary> SqliteStore::find_documents(const DocumentQuery& query) const try {
  const std::string match = fts_query(query.words);
  const std::string columns =
      "d.id, d.title, d.source, d.date, length(CAST(d.text AS BLOB)), "
      "(SELECT count(*) FROM sentences s WHERE s.doc = d.id), CASE d.story WHEN '' THEN d.id ELSE d.story END";
  const std::string window = within("d.date", 2, 3);
  SQLite::Statement q(*db_,
                      match.empty()
                          ? fmt::format("SELECT {}, '' FROM documents d WHERE {} "
                                        "ORDER BY d.date DESC, d.id LIMIT ?4 OFFSET ?5", columns, window)
                          : fmt::format("SELECT {}, snippet(documents_fts, -1, '[', ']', '...', 16) "
                                        "FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                                        "WHERE documents_fts MATCH ?1 AND {} ORDER BY f.rank LIMIT ?4 OFFSET ?5",
                                        columns, window));
  // Parameters are numbered alike in both: ?1 goes unused when there are no words.
  SQLite::bind(q, match, query.from, query.to, static_cast<int64_t>(query.limit), static_cast<int64_t>(query.offset));
  std::vector<DocumentSummary> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(5).getInt64(), q.getColumn(4).getInt64(),
                   q.getColumn(6).getString(), q.getColumn(7).getString()});
  return out;
} catch (const SQLite::Exception& e) {
  fail(e);
}

std::size_t SqliteStore::index_for_search() try {
  auto& db = *db_;
  auto stale = [&](int64_t& upto, int64_t& last) {
    upto = db.execAndGet("SELECT indexed_upto FROM search_index").getInt64();
    last = db.execAndGet("SELECT coalesce(max(rowid), 0) FROM documents").getInt64();
    return last > upto;
  };
  // Asked before every search: the write lock (which an ingest in another
  // process may hold for a while) is taken only when there is work to do.
  int64_t upto = 0, last = 0;
  if (!stale(upto, last)) return 0;
  Transaction tx(*this);
  if (!stale(upto, last)) return 0;
  SQLite::Statement add(db, "INSERT INTO documents_fts(rowid, title, text) "
                            "SELECT rowid, title, text FROM documents WHERE rowid > ?");
  add.bind(1, upto);
  const int added = add.exec();
  SQLite::Statement mark(db, "UPDATE search_index SET indexed_upto = ?");
  mark.bind(1, last);
  mark.exec();
  tx.commit();
  return std::size_t(added);
} catch (const SQLite::Exception& e) {
  fail(e);
}

}  // namespace mosaic::sqlite
