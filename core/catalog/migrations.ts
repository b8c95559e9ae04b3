/**
 * Every table of the catalog file — records, collections, history, media, the embedded search
 * index — migrates through this one ordered list, recorded in `PRAGMA user_version`. A migration
 * is never edited once released, and never drops a table that holds source data (records,
 * versions, tombstones, collections, imports, media): only the derived search tables may be
 * dropped, because `reindex` rebuilds them. Record columns are not listed here:
 * `syncRecordColumns` derives them from the record schema and adds new ones.
 *
 * `test/catalog/migrate-release.test.ts` opens a catalog file made by release 0.1.0 with this list.
 */
import type Database from 'better-sqlite3';
import { rowToRecord, type RecordRow } from './record-columns.ts';

export interface Migration {
  readonly description: string;
  readonly up: string | ((db: Database.Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'records, collections, import history, the index outbox',
    up: `
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
  },
  {
    // Release 0.1.0 created these on the first photograph import, versioned by a `media_schema`
    // meta key whose bump dropped them; a catalog that has them keeps them as they are.
    description: 'photographs (media), which records show them (record_media), known source files (media_sources)',
    up: `
    CREATE TABLE IF NOT EXISTS media (
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
    CREATE TABLE IF NOT EXISTS record_media (
      record_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      hash TEXT NOT NULL,
      source TEXT NOT NULL,
      PRIMARY KEY (record_id, position)
    );
    CREATE INDEX IF NOT EXISTS record_media_hash ON record_media (hash);
    CREATE TABLE IF NOT EXISTS media_sources (
      path TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      hash TEXT NOT NULL
    );
    DELETE FROM meta WHERE key = 'media_schema';
    `,
  },
  {
    // Derived tables: release 0.1.0's index (`embedded_schema` 4) is kept; any other is rebuilt.
    description: 'the embedded search index: search_fts, search_vocab, search_docs, search_words',
    up: (db) => {
      const version = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'embedded_schema'").get()?.value;
      if (version !== '4') {
        db.exec(`
          DROP TABLE IF EXISTS search_vocab;
          DROP TABLE IF EXISTS search_fts;
          DROP TABLE IF EXISTS search_docs;
          DROP TABLE IF EXISTS search_words;
          -- Porter-stemmed, so bridges finds bridge. No prefix indexes: they only serve prefixes
          -- of exactly their length, and measured on 30k records made indexing 2.3x slower.
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
          INSERT OR REPLACE INTO meta (key, value) VALUES ('embedded_generation', '0');
        `);
      }
      db.exec("DELETE FROM meta WHERE key = 'embedded_schema'; INSERT OR IGNORE INTO meta (key, value) VALUES ('embedded_generation', '0');");
    },
  },
  {
    description: 'system of record: datestamps, visibility, record and collection versions, tombstones, import owners',
    up: (db) => {
      db.exec(`
        ALTER TABLE records ADD COLUMN modified TEXT NOT NULL DEFAULT '';
        UPDATE records SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', updated_at);
        ALTER TABLE records DROP COLUMN updated_at;
        ALTER TABLE records ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'hidden', 'embargoed'));
        ALTER TABLE records ADD COLUMN embargo_until TEXT;
        -- The date a harvester should see: an embargoed record changes for the public when its
        -- embargo ends, without a write.
        ALTER TABLE records ADD COLUMN datestamp TEXT GENERATED ALWAYS AS (max(modified, coalesce(embargo_until, ''))) VIRTUAL;
        CREATE INDEX records_datestamp ON records (datestamp, id);

        -- One row per write of a record: its whole state before and after (JSON: record,
        -- visibility, photographs), when, by whom. Never updated, never deleted.
        CREATE TABLE record_versions (
          version_id INTEGER PRIMARY KEY,
          record_id TEXT NOT NULL,
          version_no INTEGER NOT NULL,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          import_id INTEGER,
          action TEXT NOT NULL,
          note TEXT,
          before TEXT,
          after TEXT,
          UNIQUE (record_id, version_no)
        );
        CREATE INDEX record_versions_import ON record_versions (import_id);

        -- A deleted record's id stays known: its URL answers 410 Gone, harvesters learn of it.
        CREATE TABLE tombstones (
          record_id TEXT PRIMARY KEY,
          deleted_at TEXT NOT NULL,
          reason TEXT,
          actor TEXT NOT NULL,
          import_id INTEGER
        );
        CREATE INDEX tombstones_deleted ON tombstones (deleted_at, record_id);

        CREATE TABLE collection_versions (
          version_id INTEGER PRIMARY KEY,
          collection_id TEXT NOT NULL,
          version_no INTEGER NOT NULL,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          import_id INTEGER,
          action TEXT NOT NULL,
          before TEXT,
          after TEXT,
          UNIQUE (collection_id, version_no)
        );
        CREATE INDEX collection_versions_import ON collection_versions (import_id);

        -- Which process runs an import (so one killed is told from one still running) and who.
        ALTER TABLE imports ADD COLUMN owner TEXT;
        ALTER TABLE imports ADD COLUMN actor TEXT;
        ALTER TABLE imports ADD COLUMN undone_at TEXT;
        UPDATE imports SET status = 'interrupted' WHERE status = 'running';

        -- At most one writing process at a time (imports, reindex, undo, edits): see writer-lock.ts.
        CREATE TABLE writer_lock (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          owner TEXT NOT NULL,
          purpose TEXT NOT NULL,
          since TEXT NOT NULL
        );

        ALTER TABLE search_docs ADD COLUMN visible_from REAL NOT NULL DEFAULT 0;
      `);
      recordBaselineVersions(db);
    },
  },
  {
    // Derived tables only: openArchive finds the index empty and rebuilds it from the records.
    description: 'the embedded index in the search form (variant characters folded) with the Latin words of records in search_words: rebuilt',
    up: (db) => db.exec('DELETE FROM search_docs; DELETE FROM search_fts; DELETE FROM search_words;'),
  },
  {
    // Derived (core/search/suggest/): filled from the records by the first archive opening after it.
    description: 'search-as-you-type suggestions: suggest_entries, suggest_shapes, suggest_sources, suggest_names',
    up: `
    CREATE TABLE suggest_entries (
      script INTEGER NOT NULL,
      rank INTEGER NOT NULL,
      length INTEGER NOT NULL,
      key TEXT NOT NULL,
      text TEXT NOT NULL,
      record_id TEXT NOT NULL,
      visible_from REAL NOT NULL,
      PRIMARY KEY (script, rank, length, key, text, record_id)
    ) WITHOUT ROWID;
    CREATE TABLE suggest_shapes (
      script INTEGER NOT NULL,
      rank INTEGER NOT NULL,
      length INTEGER NOT NULL,
      PRIMARY KEY (script, rank, length)
    ) WITHOUT ROWID;
    CREATE TABLE suggest_sources (record_id TEXT PRIMARY KEY, sources TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE suggest_names (
      text TEXT NOT NULL,
      visible_from REAL NOT NULL,
      holders INTEGER NOT NULL,
      PRIMARY KEY (text, visible_from)
    ) WITHOUT ROWID;
    `,
  },
  {
    description: 'the embedded index with English names of administrative areas (Linping District) among the names: rebuilt',
    up: (db) => db.exec('DELETE FROM search_docs; DELETE FROM search_fts; DELETE FROM search_words;'),
  },
  {
    // Derived: lets a reader (the server) follow another process's index writes change by change.
    description: 'the embedded index change log (search_changes) and its identity, for incremental snapshots',
    up: `
    CREATE TABLE search_changes (generation INTEGER NOT NULL, seq INTEGER NOT NULL);
    CREATE INDEX search_changes_generation ON search_changes (generation);
    INSERT OR REPLACE INTO meta (key, value) SELECT 'embedded_log_start', value FROM meta WHERE key = 'embedded_generation';
    INSERT OR REPLACE INTO meta (key, value) VALUES ('embedded_index_id', lower(hex(randomblob(8))));
    `,
  },
  {
    // Derived (core/search/suggest/): new suggestions gather here and join suggest_entries in bulk.
    description: 'recent suggestion entries (suggest_recent), merged into suggest_entries in key order',
    up: `
    CREATE TABLE suggest_recent (
      script INTEGER NOT NULL,
      rank INTEGER NOT NULL,
      length INTEGER NOT NULL,
      key TEXT NOT NULL,
      text TEXT NOT NULL,
      record_id TEXT NOT NULL,
      visible_from REAL NOT NULL,
      PRIMARY KEY (script, rank, length, key, text, record_id)
    ) WITHOUT ROWID;
    -- A catalog without records has all its suggestions already.
    INSERT OR IGNORE INTO meta (key, value) SELECT 'suggest_built', '1' WHERE NOT EXISTS (SELECT 1 FROM records);
    `,
  },
  {
    // Source data (accounts) and short-lived state (sessions, login attempts): see core/catalog/accounts/.
    description: 'curators: users, sessions, login attempts; the report file of each import',
    up: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      password_changed_at TEXT NOT NULL,
      disabled_at TEXT,
      last_login_at TEXT
    );
    -- Only a hash of a session id is stored: a copy of the catalog file opens no session.
    CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      address TEXT NOT NULL,
      user_agent TEXT NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE login_attempts (
      id INTEGER PRIMARY KEY,
      account TEXT NOT NULL,
      address TEXT NOT NULL,
      at INTEGER NOT NULL,
      succeeded INTEGER NOT NULL
    );
    CREATE INDEX login_attempts_account ON login_attempts (account, at);
    CREATE INDEX login_attempts_address ON login_attempts (address, at);
    -- The report an import wrote (a file name under the reports folder), so the history can show it.
    ALTER TABLE imports ADD COLUMN report TEXT;
    `,
  },
  {
    // Source data: a curator's saved column mappings (core/catalog/mapping-profiles.ts), read by `ingest --mapping NAME`.
    description: 'saved column mappings (mapping profiles)',
    up: `
    CREATE TABLE mapping_profiles (
      name TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );
    `,
  },
  {
    // The web imports' own state (core/catalog/upload-store.ts, import-jobs.ts): an upload's files
    // stay in its folder until imported; a job is one dry run or import run by the import worker.
    description: 'curators\' uploads and the import worker\'s jobs',
    up: `
    CREATE TABLE uploads (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      folder TEXT NOT NULL UNIQUE,
      files TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('received', 'ready', 'refused', 'imported', 'removed')),
      analysis TEXT,
      settings TEXT,
      refusal TEXT
    );
    CREATE TABLE import_jobs (
      id INTEGER PRIMARY KEY,
      upload_id INTEGER,
      kind TEXT NOT NULL CHECK (kind IN ('dry_run', 'import')),
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      owner TEXT,
      spec TEXT NOT NULL,
      progress TEXT,
      cancel_requested INTEGER NOT NULL DEFAULT 0,
      import_id INTEGER,
      report TEXT,
      result TEXT
    );
    CREATE INDEX import_jobs_status ON import_jobs (status, id);
    CREATE INDEX import_jobs_upload ON import_jobs (upload_id, id);
    `,
  },
  {
    // Source data: what each import read (file names, sizes, sha256) and the mapping it used (import-log.ts).
    description: 'the files and mapping of each import',
    up: `ALTER TABLE imports ADD COLUMN provenance TEXT;`,
  },
  {
    // Derived from records.collections (a JSON array) by triggers, so every writer keeps it: a
    // themed collection's members are read from an index instead of every record's JSON (0.5 s at
    // 1M records). `syncRecordColumns` adds the collections column in the same transaction, before
    // any row can fire them.
    description: 'which records each collection holds (record_collections), kept by triggers',
    up: (db) => {
      db.exec(`
      CREATE TABLE record_collections (
        collection_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (collection_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX record_collections_seq ON record_collections (seq);
      CREATE TRIGGER record_collections_insert AFTER INSERT ON records WHEN new.collections IS NOT NULL BEGIN
        INSERT OR IGNORE INTO record_collections (collection_id, seq) SELECT value, new.seq FROM json_each(new.collections);
      END;
      CREATE TRIGGER record_collections_update AFTER UPDATE OF collections ON records WHEN old.collections IS NOT new.collections BEGIN
        DELETE FROM record_collections WHERE seq = old.seq;
        INSERT OR IGNORE INTO record_collections (collection_id, seq) SELECT value, new.seq FROM json_each(new.collections);
      END;
      CREATE TRIGGER record_collections_delete AFTER DELETE ON records BEGIN
        DELETE FROM record_collections WHERE seq = old.seq;
      END;
      `);
      const hasColumn = db.prepare("SELECT 1 FROM pragma_table_info('records') WHERE name = 'collections'").get();
      if (hasColumn) db.exec('INSERT OR IGNORE INTO record_collections (collection_id, seq) SELECT c.value, records.seq FROM records, json_each(records.collections) AS c');
    },
  },
  {
    // Source data: history keeps every version it has. From now on a version's state after is not
    // a second copy of the record: it is the next version's before, or the record as it is now
    // (record-history.ts). Versions written before keep their copy (after_follows 0).
    description: 'record versions share their state after with the next version (after_follows)',
    up: 'ALTER TABLE record_versions ADD COLUMN after_follows INTEGER NOT NULL DEFAULT 0;',
  },
  {
    // Derived (core/search/suggest/): an import's titles wait here, in the order written, and join
    // suggest_entries in key order at its end; by record, to take one back when its record changes.
    description: 'suggestion entries staged by an import (suggest_staged)',
    up: `
    CREATE TABLE suggest_staged (
      script INTEGER NOT NULL,
      rank INTEGER NOT NULL,
      length INTEGER NOT NULL,
      key TEXT NOT NULL,
      text TEXT NOT NULL,
      record_id TEXT NOT NULL,
      visible_from REAL NOT NULL
    );
    CREATE INDEX suggest_staged_record ON suggest_staged (record_id);
    `,
  },
];

/**
 * Records written before history existed get their present state as version 1, so every record
 * has a history to show and restore from.
 */
function recordBaselineVersions(db: Database.Database): void {
  const insert = db.prepare(
    "INSERT INTO record_versions (record_id, version_no, at, actor, import_id, action, before, after) VALUES (?, 1, ?, 'migration', ?, 'created', NULL, ?)",
  );
  const links = db.prepare<[string], { hash: string; source: string }>('SELECT hash, source FROM record_media WHERE record_id = ? ORDER BY position');
  const page = db.prepare<[number], RecordRow>('SELECT * FROM records WHERE seq > ? ORDER BY seq LIMIT 1000');
  // Pages, not an iterator: better-sqlite3 runs no other statement while one iterates.
  for (let rows = page.all(0); rows.length > 0; rows = page.all(Number(rows.at(-1)!.seq))) {
    for (const row of rows) {
      const id = String(row.id);
      const state = { record: rowToRecord(row), visibility: { state: 'public' }, media: links.all(id) };
      insert.run(id, String(row.modified), row.import_id ?? null, JSON.stringify(state));
    }
  }
}
