/** A catalog file as another process sees it: counts, the import history, and SQLite's own check. */
import path from 'node:path';
import Database from 'better-sqlite3';

export interface CatalogState {
  records: number;
  queued: number;
  /** Import statuses, oldest first. */
  imports: string[];
  integrity: string;
}

export function catalogState(dataDir: string): CatalogState {
  const db = new Database(path.join(dataDir, 'catalog.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      records: (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
      queued: (db.prepare('SELECT count(*) AS n FROM index_queue').get() as { n: number }).n,
      imports: db.prepare('SELECT status FROM imports ORDER BY id').all().map((row) => (row as { status: string }).status),
      integrity: String(db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    db.close();
  }
}
