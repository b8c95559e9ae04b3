/**
 * The embedded engine's tables, kept in the catalog file beside the records they derive from:
 * `search_fts` (contentless FTS5 over tokenized text; Porter-stemmed, so `bridges` finds bridge),
 * `search_vocab` (its terms, for typo tolerance), `search_docs` (what facets, year ranges and
 * sorting need, loaded into memory), and `search_words` (the archive's names for segmentation).
 */
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = '4';

/** Column weights: a match in a title outranks one in names, then descriptions; pinyin ranks below
 * the characters it spells, so exact Chinese matches come before homophones. */
export const BM25_WEIGHTS = { title: 10, names: 4, body: 1, pinyin: 2 } as const;

/*
 * No FTS5 prefix indexes: they only serve prefixes of exactly their length (1–3 characters),
 * and measured on 30k records they made indexing 2.3× slower while prefix queries for whole
 * words ran as fast without them.
 */
export function ensureSearchTables(db: Database.Database): void {
  const version = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'embedded_schema'").get()?.value;
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    DROP TABLE IF EXISTS search_vocab;
    DROP TABLE IF EXISTS search_fts;
    DROP TABLE IF EXISTS search_docs;
    DROP TABLE IF EXISTS search_words;
    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, names, body, pinyin,
      content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
    CREATE TABLE search_docs (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      facets TEXT NOT NULL,
      start_year INTEGER,
      end_year INTEGER,
      title_zh TEXT,
      title_en TEXT,
      lat REAL, lon REAL,
      south REAL, west REAL, north REAL, east REAL
    );
    CREATE TABLE search_words (n INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
    INSERT OR REPLACE INTO meta (key, value) VALUES ('embedded_schema', '${SCHEMA_VERSION}');
    INSERT OR REPLACE INTO meta (key, value) VALUES ('embedded_generation', '0');
  `);
}
