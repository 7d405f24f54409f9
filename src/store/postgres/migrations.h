// The PostgreSQL store's schema as an ordered list of migrations: migration i
// takes a database from version i to i + 1 (kept in mosaic_schema). Never
// edit a released step; add one. Every text column compares bytewise
// (COLLATE "C"), as SQLite's do, so that both stores order and match alike
// whatever the server's locale; `seq` columns keep the order rows were
// stored in, where SQLite has its rowid. As in the SQLite store, references
// between tables are kept by the writer rather than checked by the database on
// every row (put writes a document's rows parent first in one transaction and
// deletes them children first; the conformance tests look for orphans): the
// checks cost a third of a commit.
#pragma once

#include <array>
#include <string_view>

namespace mosaic::postgres {

inline constexpr std::array<std::string_view, 3> kMigrations = {
    // 1: the schema of the SQLite store's version 12, with full-text search
    // (a tsvector per document, filled when a search needs it, accents folded).
    R"sql(
CREATE TABLE runs (
  id       BIGSERIAL PRIMARY KEY,
  started  TEXT COLLATE "C" NOT NULL,
  finished TEXT COLLATE "C",
  inputs   TEXT COLLATE "C" NOT NULL,
  summary  TEXT COLLATE "C",
  pid      BIGINT NOT NULL DEFAULT 0,
  host     TEXT COLLATE "C" NOT NULL DEFAULT '',
  status   TEXT COLLATE "C" NOT NULL DEFAULT 'finished'
);
CREATE TABLE documents (
  seq          BIGSERIAL UNIQUE,
  id           TEXT COLLATE "C" PRIMARY KEY,
  title        TEXT COLLATE "C" NOT NULL DEFAULT '',
  source       TEXT COLLATE "C" NOT NULL DEFAULT '',
  date         TEXT COLLATE "C" NOT NULL DEFAULT '',
  url          TEXT COLLATE "C" NOT NULL DEFAULT '',
  origin       TEXT COLLATE "C" NOT NULL,
  run          BIGINT NOT NULL,
  hash         BIGINT NOT NULL,
  raw          TEXT COLLATE "C" NOT NULL,
  text         TEXT COLLATE "C" NOT NULL,
  story        TEXT COLLATE "C" NOT NULL DEFAULT '',
  duplicate_of TEXT COLLATE "C" NOT NULL DEFAULT '',
  search       TSVECTOR
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_search ON documents USING gin(search);
CREATE TABLE sentences (
  doc   TEXT COLLATE "C" NOT NULL,
  idx   INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
);
CREATE TABLE actors (
  id      TEXT COLLATE "C" PRIMARY KEY,
  name    TEXT COLLATE "C" NOT NULL,
  type    TEXT COLLATE "C" NOT NULL,
  country TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE TABLE actor_aliases (
  actor TEXT COLLATE "C" NOT NULL,
  alias TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (actor, alias)
);
CREATE TABLE mentions (
  doc      TEXT COLLATE "C" NOT NULL,
  begin    INTEGER NOT NULL,
  actor    TEXT COLLATE "C" NOT NULL,
  sentence INTEGER NOT NULL,
  "end"    INTEGER NOT NULL,
  PRIMARY KEY (doc, begin, actor)
);
CREATE INDEX mentions_actor ON mentions(actor, doc);
CREATE TABLE events (
  seq                 BIGSERIAL UNIQUE,
  id                  TEXT COLLATE "C" PRIMARY KEY,
  doc                 TEXT COLLATE "C" NOT NULL,
  sentence            INTEGER NOT NULL,
  trigger_begin       INTEGER NOT NULL,
  trigger_end         INTEGER NOT NULL,
  event_type          TEXT COLLATE "C" NOT NULL,
  sub_event_type      TEXT COLLATE "C" NOT NULL,
  plover_type         TEXT COLLATE "C" NOT NULL,
  plover_mode         TEXT COLLATE "C" NOT NULL,
  location            TEXT COLLATE "C" NOT NULL,
  location_begin      INTEGER NOT NULL,
  location_end        INTEGER NOT NULL,
  date                TEXT COLLATE "C" NOT NULL,
  time_precision      INTEGER NOT NULL,
  fatalities          INTEGER,
  civilian_fatalities INTEGER,
  main                INTEGER NOT NULL DEFAULT 0,
  event_group         TEXT COLLATE "C" NOT NULL DEFAULT '',
  admin1              TEXT COLLATE "C" NOT NULL DEFAULT '',
  country             TEXT COLLATE "C" NOT NULL DEFAULT '',
  latitude            DOUBLE PRECISION,
  longitude           DOUBLE PRECISION,
  geo_precision       INTEGER NOT NULL DEFAULT 0,
  -- where it happened as one key, written as SQLite's generated column
  -- computes it: the coordinates to four places when geocoded, else the name
  -- in ASCII lower case
  place_key           TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_group ON events(event_group);
CREATE INDEX events_type_day_place ON events(sub_event_type, date, place_key);
CREATE TABLE event_actors (
  event    TEXT COLLATE "C" NOT NULL,
  role     INTEGER NOT NULL,
  position INTEGER NOT NULL,
  actor    TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (event, role, position)
);
CREATE INDEX event_actors_actor ON event_actors(actor);
CREATE TABLE quantities (
  doc       TEXT COLLATE "C" NOT NULL,
  begin     INTEGER NOT NULL,
  sentence  INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  value     DOUBLE PRECISION NOT NULL,
  value_max DOUBLE PRECISION NOT NULL,
  what      TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (doc, begin)
);
CREATE TABLE fingerprints (
  hash        BIGINT NOT NULL,
  doc         TEXT COLLATE "C" NOT NULL,
  of_document INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hash, doc)
);
CREATE INDEX fingerprints_doc ON fingerprints(doc);
CREATE TABLE common_fingerprints (hash BIGINT PRIMARY KEY);
CREATE TABLE relations (
  doc      TEXT COLLATE "C" NOT NULL,
  sentence INTEGER NOT NULL,
  type     TEXT COLLATE "C" NOT NULL,
  source   TEXT COLLATE "C" NOT NULL,
  target   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (doc, sentence, type, source, target)
);
CREATE INDEX relations_pair ON relations(type, source, target);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE TABLE claims (
  doc      TEXT COLLATE "C" NOT NULL,
  begin    INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  "end"    INTEGER NOT NULL,
  source   TEXT COLLATE "C" NOT NULL,
  stance   TEXT COLLATE "C" NOT NULL,
  about    TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (doc, begin)
);
CREATE TABLE store_version (n BIGINT NOT NULL);
INSERT INTO store_version VALUES (0);
CREATE TABLE search_index (indexed_upto BIGINT NOT NULL);
INSERT INTO search_index VALUES (0);
-- In public, whatever the store's schema: stores in schemas of their own share one, and
-- dropping one store's schema does not drop it under the others (tests running at once failed so).
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE TEXT SEARCH CONFIGURATION mosaic_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION mosaic_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, simple;
)sql",
    // 2: an event's possible repeats are looked up in the order they were
    // stored, the key's rows read from the index in that order, so that the
    // lookup stops at the first few that share an actor instead of reading
    // and sorting every event of that type, day and place (thousands in a
    // large store).
    R"sql(
CREATE INDEX events_type_day_place_seq ON events(sub_event_type, date, place_key, seq);
DROP INDEX events_type_day_place;
)sql",
    // 3: a document's raw and analysed text compressed with LZ4 rather than
    // pglz when the server has it (PostgreSQL 14 on, built with lz4, as
    // Debian's is): a 2 KB document's two texts pass the row's 2 KB limit
    // and are compressed as it is written, which with pglz cost 2.7 % of the
    // server's time in a bench; LZ4 compresses several times faster. Values
    // already stored stay as they are.
    R"sql(
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE documents ALTER COLUMN raw SET COMPRESSION lz4, ALTER COLUMN text SET COMPRESSION lz4;
  END IF;
END
$$;
)sql",
};

}  // namespace mosaic::postgres
