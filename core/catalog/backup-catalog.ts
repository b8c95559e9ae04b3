/**
 * The catalog's side of backups: an online copy of the catalog file, and what a copy holds. The
 * SQL stays here, with the catalog's other SQL; `core/backup` works with files and manifests.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ownModule, workerBootstrap } from '../process/own-modules.ts';
import { MIGRATIONS } from './migrations.ts';

/** Pages copied per step: 4 MB with SQLite's default page size, so progress moves often. */
const PAGES_PER_STEP = 1024;

/** The schema version (`PRAGMA user_version`) this release's migrations bring a catalog to. */
export const CATALOG_SCHEMA_VERSION = MIGRATIONS.length;

/** What a catalog file holds, as read from the file itself. */
export interface CatalogFacts {
  /** `PRAGMA user_version`: how many migrations made it. */
  schemaVersion: number;
  /** Rows of every ordinary table (FTS5 virtual tables are counted through their shadow tables). */
  tables: Record<string, number>;
  /** `PRAGMA integrity_check`: `ok`, or the first problem it reports. */
  integrity: string;
}

/**
 * Copies the catalog at `source` to `target` (a file that must not exist yet) while other
 * processes keep reading and writing it, and leaves the copy as one self-contained file
 * (rollback journal, no `-wal` beside it) that no process owns. `onProgress` gets bytes copied / total.
 *
 * SQLite's online backup restarts whenever another connection commits between two steps, so a
 * stepwise copy taken during an import would start over after every batch and never finish. The
 * copy therefore runs inside one read transaction on its own connection: every step reads the
 * same WAL snapshot (the catalog as of one commit, whole batches only), nothing restarts, and
 * writers are not blocked (WAL readers never block writers; only checkpoints wait).
 */
export async function backupCatalogFile(source: string, target: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 60000');
    db.exec('BEGIN');
    // BEGIN is deferred: the first read fixes the snapshot the whole copy reads.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const { totalPages } = await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.((totalPages - remainingPages) * pageSize, totalPages * pageSize);
        return PAGES_PER_STEP;
      },
    });
    db.exec('COMMIT');
    onProgress?.(totalPages * pageSize, totalPages * pageSize);
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    detachFromProcesses(copy);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * A copy belongs to no process. Taken during an import, it holds that import's writer lock and a
 * `running` import whose later batches are not in it: restored on the same host while the import
 * still runs, the lock would make every writer of the restored archive wait for a process that
 * writes elsewhere. So the copy's lock is released and its running imports are `interrupted`, as
 * they are in it (and can be undone like any other).
 */
function detachFromProcesses(copy: Database.Database): void {
  const tables = new Set(copy.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((row) => row.name));
  copy.transaction(() => {
    if (tables.has('writer_lock')) copy.exec('DELETE FROM writer_lock');
    if (tables.has('imports')) copy.prepare("UPDATE imports SET status = 'interrupted', finished_at = ? WHERE status = 'running'").run(new Date().toISOString());
  })();
}

/** Reads a catalog file's schema version, row counts and integrity, without changing it. */
export function inspectCatalogFile(file: string): CatalogFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // One row `ok`, or rows of problems under a `*** in database main ***` heading.
    const report = db.pragma('integrity_check') as { integrity_check: string }[];
    const lines = report.flatMap((row) => row.integrity_check.split('\n'));
    const integrity = lines.length === 1 && lines[0] === 'ok' ? 'ok' : (lines.find((line) => !line.startsWith('***')) ?? lines.join(' '));
    const names = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .all()
      .map((row) => row.name);
    const tables: Record<string, number> = {};
    for (const name of names) tables[name] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get()!.n;
    return { schemaVersion: Number(db.pragma('user_version', { simple: true })), tables, integrity };
  } finally {
    db.close();
  }
}

/**
 * `inspectCatalogFile` in a worker thread: `integrity_check` reads the whole file (seconds for a
 * large catalog) in one synchronous call, and the command's own thread must stay free meanwhile
 * to draw progress and to answer a Ctrl-C (tsx kills a child that does not acknowledge a signal
 * within 30 ms, which would leave a half-written backup or restore behind).
 */
export function inspectCatalogFileOffThread(file: string): Promise<CatalogFacts> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(workerBootstrap(ownModule('./inspect-catalog-worker.ts', import.meta.url)), { eval: true, workerData: file });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the catalog check stopped (exit ${code})`)));
  });
}
