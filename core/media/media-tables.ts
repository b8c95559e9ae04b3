/**
 * The media tables, kept in the catalog file beside the records that show them:
 * `media` (one row per distinct photograph, by content hash), `record_media` (which photographs a
 * record shows, in order) and `media_sources` (file path, size and mtime → hash, so an unchanged
 * file is not even read again). Versioned by the `media_schema` meta key, like the search tables.
 */
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = '1';
const META_KEY = 'media_schema';

export function ensureMediaTables(db: Database.Database): void {
  if (mediaSchemaVersion(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS record_media;
      DROP TABLE IF EXISTS media_sources;
      DROP TABLE IF EXISTS media;
      CREATE TABLE media (
        hash TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('ready', 'failed')),
        pipeline INTEGER NOT NULL,
        format TEXT,
        width INTEGER,
        height INTEGER,
        bytes INTEGER NOT NULL,
        derivatives TEXT,
        metadata TEXT,
        problem TEXT,
        original TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE record_media (
        record_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        hash TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (record_id, position)
      );
      CREATE INDEX record_media_hash ON record_media (hash);
      CREATE TABLE media_sources (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        hash TEXT NOT NULL
      );
    `);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, SCHEMA_VERSION);
  })();
}

/** True when the tables exist in their current form (a read-only server must not create them). */
export function hasMediaTables(db: Database.Database): boolean {
  return mediaSchemaVersion(db) === SCHEMA_VERSION;
}

function mediaSchemaVersion(db: Database.Database): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(META_KEY)?.value;
}
