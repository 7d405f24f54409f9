// The SQLite store's schema as an ordered list of migrations: migration i takes a
// database from version i to i + 1. Never edit a released step; add one.
#pragma once

#include <array>
#include <string_view>

namespace mosaic::sqlite {

inline constexpr std::array<std::string_view, 13> kMigrations = {
    // 1: documents as ingested, their sentences, and the runs that wrote them.
    R"sql(
CREATE TABLE runs (
  id       INTEGER PRIMARY KEY,
  started  TEXT NOT NULL,
  finished TEXT,
  inputs   TEXT NOT NULL,
  summary  TEXT              -- JSON counts, written when the run ends
);
CREATE TABLE documents (
  id     TEXT PRIMARY KEY,
  title  TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  date   TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or ''
  url    TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL,              -- file and position it was read from
  run    INTEGER NOT NULL REFERENCES runs(id),
  hash   INTEGER NOT NULL,           -- XXH3 of raw, to tell repeats from conflicts
  raw    TEXT NOT NULL,              -- as received, decoded to UTF-8
  text   TEXT NOT NULL               -- normalised; all spans are byte offsets into it
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sentences (
  doc   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx   INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end   INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
)sql",
    // 2: actors, the names they go by, and where documents mention them.
    R"sql(
CREATE TABLE actors (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  type    TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT ''   -- ISO 3166 alpha-3 or ''
);
CREATE TABLE actor_aliases (
  actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (actor, alias)
) WITHOUT ROWID;
CREATE TABLE mentions (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  begin    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  actor    TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (doc, begin, actor)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor, doc);
)sql",
    // 3: events (ACLED and PLOVER types, actors by role, place, date, deaths) and quantities.
    R"sql(
CREATE TABLE events (
  id                  TEXT PRIMARY KEY,
  doc                 TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence            INTEGER NOT NULL,
  trigger_begin       INTEGER NOT NULL,
  trigger_end         INTEGER NOT NULL,
  event_type          TEXT NOT NULL,
  sub_event_type      TEXT NOT NULL,
  plover_type         TEXT NOT NULL,
  plover_mode         TEXT NOT NULL,
  location            TEXT NOT NULL,
  location_begin      INTEGER NOT NULL,   -- equal to location_end when the place was not in the sentence
  location_end        INTEGER NOT NULL,
  date                TEXT NOT NULL,
  time_precision      INTEGER NOT NULL,
  fatalities          INTEGER,
  civilian_fatalities INTEGER,
  main                INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type_date ON events(sub_event_type, date);
CREATE TABLE event_actors (
  event    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role     INTEGER NOT NULL,                -- 1 actor1 side, 2 actor2 side
  position INTEGER NOT NULL,                -- 0 the main actor, then associated actors
  actor    TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (event, role, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor);
CREATE TABLE quantities (
  doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence  INTEGER NOT NULL,
  begin     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  value     REAL NOT NULL,
  value_max REAL NOT NULL,
  what      TEXT NOT NULL,
  PRIMARY KEY (doc, begin)
) WITHOUT ROWID;
)sql",
    // 4: stories. Documents that copy one another share a story; fingerprints
    // (sampled word 4-gram hashes) find them. Older documents start as stories
    // of their own ('' reads as the document's id) until `mosaic stories --rebuild`.
    R"sql(
ALTER TABLE documents ADD COLUMN story TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN fingerprint_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_story ON documents(story);
CREATE TABLE fingerprints (
  hash INTEGER NOT NULL,
  doc  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (hash, doc)
) WITHOUT ROWID;
CREATE INDEX fingerprints_doc ON fingerprints(doc);
-- One event told by several documents: every report names the group's first report.
ALTER TABLE events ADD COLUMN event_group TEXT NOT NULL DEFAULT '';
CREATE INDEX events_group ON events(event_group);
)sql",
    // 5: relations between actors, each with the sentence that states it, and
    // attributed statements (claims).
    R"sql(
CREATE TABLE relations (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  type     TEXT NOT NULL,              -- supports, allied_with, part_of, fights, opposes
  source   TEXT NOT NULL REFERENCES actors(id),
  target   TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (doc, sentence, type, source, target)
) WITHOUT ROWID;
CREATE INDEX relations_pair ON relations(type, source, target);
CREATE TABLE claims (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  begin    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  source   TEXT NOT NULL,              -- actor id, or a name
  stance   TEXT NOT NULL,              -- asserts or denies
  about    TEXT NOT NULL DEFAULT '',   -- event id
  PRIMARY KEY (doc, begin)
) WITHOUT ROWID;
)sql",
    // 6: where events happened, geocoded: division, country, coordinates, ACLED's geo_precision.
    R"sql(
ALTER TABLE events ADD COLUMN admin1 TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN latitude REAL;
ALTER TABLE events ADD COLUMN longitude REAL;
ALTER TABLE events ADD COLUMN geo_precision INTEGER NOT NULL DEFAULT 0;
)sql",
    // 7: for merging at ingest speed. Where an event happened as one key, so
    // that reports of one event by other stories are found by an index on
    // type, day and place: the coordinates when geocoded (variant spellings
    // meet), else the name.
    R"sql(
ALTER TABLE events ADD COLUMN place_key TEXT GENERATED ALWAYS AS (
  CASE WHEN latitude IS NOT NULL THEN printf('%.4f,%.4f', latitude, longitude) ELSE lower(location) END) VIRTUAL;
CREATE INDEX events_type_day_place ON events(sub_event_type, date, place_key);
DROP INDEX events_type_date;  -- the new index's prefix
-- Each fingerprint row carries how many its document has, so that finding
-- copies reads only the fingerprint index, not the documents' long rows.
ALTER TABLE fingerprints ADD COLUMN of_document INTEGER NOT NULL DEFAULT 0;
UPDATE fingerprints SET of_document = (SELECT fingerprint_count FROM documents WHERE id = fingerprints.doc);
ALTER TABLE documents DROP COLUMN fingerprint_count;
)sql",
    // 8: full-text search over titles and texts (SQLite's FTS5 over the
    // documents table; accents fold). Documents are indexed when a search
    // needs them (Store::index_for_search), not at ingest, which it would slow
    // by a sixth; `indexed_upto` is the highest rowid indexed. A deleted
    // document leaves the index at once if it was in it, and the mark steps
    // back so that its rowid, if reused, is indexed again.
    R"sql(
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid',
                                              tokenize='unicode61 remove_diacritics 2');
CREATE TABLE search_index (indexed_upto INTEGER NOT NULL);
INSERT INTO search_index VALUES (0);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents
WHEN old.rowid <= (SELECT indexed_upto FROM search_index) BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  UPDATE search_index SET indexed_upto = old.rowid - 1 WHERE indexed_upto = old.rowid;
END;
)sql",
    // 9: fingerprints found to be common (boilerplate, stock phrases: held by
    // more documents than copies of one story would be). They are looked up
    // no more and not stored for new documents, so that neither the lookups
    // nor the index grow with them.
    R"sql(
CREATE TABLE common_fingerprints (hash INTEGER PRIMARY KEY);
)sql",
    // 10: an actor's relations, found by either end without reading them all.
    R"sql(
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
)sql",
    // 11: a number every write adds one to, so that readers in any process can
    // tell cheaply whether what they computed from the store still holds.
    R"sql(
CREATE TABLE store_version (n INTEGER NOT NULL);
INSERT INTO store_version VALUES (0);
)sql",
    // 12: runs say which process ran them and how they ended, so that a run
    // killed midway is found (its process is gone) and re-running it resumes
    // it. Tables without rowid keep their key columns first: SQLite 3.40.0 to
    // 3.41.0 (Debian 12 ships 3.40.1) report "NULL value in mentions.sentence"
    // from PRAGMA integrity_check on a WITHOUT ROWID table whose key columns
    // are not its first, though nothing is wrong.
    R"sql(
ALTER TABLE runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
-- running, finished, stopped (by an error, after storing some), interrupted (its process died)
ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'finished';
UPDATE runs SET status = 'interrupted' WHERE finished IS NULL;
CREATE TABLE mentions_12 (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  begin    INTEGER NOT NULL,
  actor    TEXT NOT NULL REFERENCES actors(id),
  sentence INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  PRIMARY KEY (doc, begin, actor)
) WITHOUT ROWID;
INSERT INTO mentions_12(doc, begin, actor, sentence, end) SELECT doc, begin, actor, sentence, end FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_12 RENAME TO mentions;
CREATE INDEX mentions_actor ON mentions(actor, doc);
CREATE TABLE quantities_12 (
  doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  begin     INTEGER NOT NULL,
  sentence  INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  value     REAL NOT NULL,
  value_max REAL NOT NULL,
  what      TEXT NOT NULL,
  PRIMARY KEY (doc, begin)
) WITHOUT ROWID;
INSERT INTO quantities_12(doc, begin, sentence, end, value, value_max, what)
  SELECT doc, begin, sentence, end, value, value_max, what FROM quantities;
DROP TABLE quantities;
ALTER TABLE quantities_12 RENAME TO quantities;
CREATE TABLE claims_12 (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  begin    INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  source   TEXT NOT NULL,
  stance   TEXT NOT NULL,
  about    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (doc, begin)
) WITHOUT ROWID;
INSERT INTO claims_12(doc, begin, sentence, end, source, stance, about)
  SELECT doc, begin, sentence, end, source, stance, about FROM claims;
DROP TABLE claims;
ALTER TABLE claims_12 RENAME TO claims;
)sql",
    // 13: actors are referred to by a number, not their id. Ids are slugs of
    // 20 bytes on average ("rsf-rapid-support-forces"), held by every mention,
    // event actor and relation twice over (row and index): on 5,000 generated
    // 2 KB documents (`mosaic bench -j1 -n 5000 corpus/sample`) they were 23 of
    // the store's 51.5 MiB. The rows move to *_rows tables keyed by actors.n;
    // views under the old names give the old columns, actor ids as text, so
    // that every reader (and sqlite3 at a prompt) sees the same tables.
    R"sql(
CREATE TABLE actors_13 (
  n       INTEGER PRIMARY KEY,       -- what mention_rows, event_actor_rows and relation_rows hold
  id      TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  type    TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT ''
);
INSERT INTO actors_13(id, name, type, country) SELECT id, name, type, country FROM actors ORDER BY rowid;
-- Ids referred to but never described (none in stores this mosaic wrote) keep their rows.
INSERT OR IGNORE INTO actors_13(id, name, type)
  SELECT actor, actor, '' FROM mentions UNION SELECT actor, actor, '' FROM event_actors
  UNION SELECT source, source, '' FROM relations UNION SELECT target, target, '' FROM relations;
DROP TABLE actors;
ALTER TABLE actors_13 RENAME TO actors;
CREATE TABLE mention_rows (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  begin    INTEGER NOT NULL,
  actor    INTEGER NOT NULL REFERENCES actors(n),
  sentence INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  PRIMARY KEY (doc, begin, actor)
) WITHOUT ROWID;
INSERT INTO mention_rows(doc, begin, actor, sentence, end)
  SELECT m.doc, m.begin, a.n, m.sentence, m.end FROM mentions m JOIN actors a ON a.id = m.actor;
DROP TABLE mentions;
CREATE INDEX mention_rows_actor ON mention_rows(actor, doc);
CREATE VIEW mentions(doc, begin, actor, sentence, end) AS
  SELECT m.doc, m.begin, a.id, m.sentence, m.end FROM mention_rows m JOIN actors a ON a.n = m.actor;
CREATE TABLE event_actor_rows (
  event    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role     INTEGER NOT NULL,                -- 1 actor1 side, 2 actor2 side
  position INTEGER NOT NULL,                -- 0 the main actor, then associated actors
  actor    INTEGER NOT NULL REFERENCES actors(n),
  PRIMARY KEY (event, role, position)
) WITHOUT ROWID;
INSERT INTO event_actor_rows(event, role, position, actor)
  SELECT e.event, e.role, e.position, a.n FROM event_actors e JOIN actors a ON a.id = e.actor;
DROP TABLE event_actors;
CREATE INDEX event_actor_rows_actor ON event_actor_rows(actor);
CREATE VIEW event_actors(event, role, position, actor) AS
  SELECT e.event, e.role, e.position, a.id FROM event_actor_rows e JOIN actors a ON a.n = e.actor;
CREATE TABLE relation_rows (
  doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  type     TEXT NOT NULL,              -- supports, allied_with, part_of, fights, opposes
  source   INTEGER NOT NULL REFERENCES actors(n),
  target   INTEGER NOT NULL REFERENCES actors(n),
  PRIMARY KEY (doc, sentence, type, source, target)
) WITHOUT ROWID;
INSERT INTO relation_rows(doc, sentence, type, source, target)
  SELECT r.doc, r.sentence, r.type, s.n, t.n FROM relations r JOIN actors s ON s.id = r.source
  JOIN actors t ON t.id = r.target;
DROP TABLE relations;
CREATE INDEX relation_rows_pair ON relation_rows(type, source, target);
CREATE INDEX relation_rows_source ON relation_rows(source);
CREATE INDEX relation_rows_target ON relation_rows(target);
CREATE VIEW relations(doc, sentence, type, source, target) AS
  SELECT r.doc, r.sentence, r.type, s.id, t.id FROM relation_rows r JOIN actors s ON s.n = r.source
  JOIN actors t ON t.n = r.target;
)sql",
};

}  // namespace mosaic::sqlite
