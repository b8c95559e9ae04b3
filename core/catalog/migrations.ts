/**
 * Catalog migrations, applied in order and recorded in `PRAGMA user_version`. Record columns are
 * not listed here: `syncRecordColumns` derives them from the record schema and adds new ones.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: records, collections, import history, the index outbox */ `
  CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    import_id INTEGER
  );
  CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    sources TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT
  );
  -- The outbox between the catalog and a search engine: written in the same transaction as the
  -- records, drained after each batch. A record appears once, with its latest change.
  CREATE TABLE index_queue (
    change_no INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL UNIQUE,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete'))
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
];
