/**
 * Record versions: every write of a record keeps its whole state before and after (the record,
 * its visibility, the photographs it shows), when and by whom, in the same transaction as the
 * write. History is append-only: a restore is a new version, never a rewrite.
 */
import type Database from 'better-sqlite3';
import type { MediaLink } from '../media/media-repository.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import type { Visibility } from './visibility.ts';

/** Everything a version brings back. */
export interface RecordState {
  record: ArchiveRecord;
  visibility: Visibility;
  media: MediaLink[];
}

export type VersionAction = 'created' | 'updated' | 'visibility' | 'deleted' | 'restored' | 'undone';

/** Who or what wrote: `import:12`, `undo:12`, `cli:alice`, `user:alice`, `migration`. */
export interface WriteContext {
  actor: string;
  /** The import a write belongs to; `ingest --undo` finds its writes by it. */
  importId?: number;
}

export interface RecordVersion {
  recordId: string;
  versionNo: number;
  at: string;
  actor: string;
  importId?: number;
  action: VersionAction;
  note?: string;
  before?: RecordState;
  after?: RecordState;
}

interface VersionRow {
  record_id: string;
  version_no: number;
  at: string;
  actor: string;
  import_id: number | null;
  action: VersionAction;
  note: string | null;
  before: string | null;
  after: string | null;
}

export class RecordHistory {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      // Positional parameters: cheaper to bind than named ones, and this runs once per record written.
      insert: db.prepare<[string, string, string, string, number | null, string, string | null, string | null, string | null]>(
        `INSERT INTO record_versions (record_id, version_no, at, actor, import_id, action, note, before, after)
         VALUES (?, (SELECT coalesce(max(version_no), 0) + 1 FROM record_versions WHERE record_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
      ),
      ofRecord: db.prepare<[string], VersionRow>('SELECT * FROM record_versions WHERE record_id = ? ORDER BY version_no'),
      one: db.prepare<[string, number], VersionRow>('SELECT * FROM record_versions WHERE record_id = ? AND version_no = ?'),
      first: db.prepare<[string], VersionRow>('SELECT * FROM record_versions WHERE record_id = ? ORDER BY version_no LIMIT 1'),
      latest: db.prepare<[string], VersionRow>('SELECT * FROM record_versions WHERE record_id = ? ORDER BY version_no DESC LIMIT 1'),
      ofImport: db.prepare<[number], VersionRow>('SELECT * FROM record_versions WHERE import_id = ? ORDER BY version_id'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM record_versions WHERE record_id = ?'),
    };
  }

  /** Appends a version; call inside the transaction that makes the write. */
  append(version: { recordId: string; at: string; action: VersionAction; note?: string; before?: RecordState; after?: RecordState }, context: WriteContext): void {
    this.#statements.insert.run(
      version.recordId,
      version.recordId,
      version.at,
      context.actor,
      context.importId ?? null,
      version.action,
      version.note ?? null,
      version.before ? JSON.stringify(version.before) : null,
      version.after ? JSON.stringify(version.after) : null,
    );
  }

  /** Every version of a record, oldest first (also for a deleted record: its history stays). */
  ofRecord(recordId: string): RecordVersion[] {
    return this.#statements.ofRecord.all(recordId).map(toVersion);
  }

  get(recordId: string, versionNo: number): RecordVersion | undefined {
    const row = this.#statements.one.get(recordId, versionNo);
    return row && toVersion(row);
  }

  first(recordId: string): RecordVersion | undefined {
    const row = this.#statements.first.get(recordId);
    return row && toVersion(row);
  }

  latest(recordId: string): RecordVersion | undefined {
    const row = this.#statements.latest.get(recordId);
    return row && toVersion(row);
  }

  count(recordId: string): number {
    return this.#statements.count.get(recordId)?.n ?? 0;
  }

  /** The versions an import wrote, in the order it wrote them. */
  ofImport(importId: number): RecordVersion[] {
    return this.#statements.ofImport.all(importId).map(toVersion);
  }
}

function toVersion(row: VersionRow): RecordVersion {
  return {
    recordId: row.record_id,
    versionNo: row.version_no,
    at: row.at,
    actor: row.actor,
    ...(row.import_id !== null && { importId: row.import_id }),
    action: row.action,
    ...(row.note !== null && { note: row.note }),
    ...(row.before !== null && { before: JSON.parse(row.before) as RecordState }),
    ...(row.after !== null && { after: JSON.parse(row.after) as RecordState }),
  };
}
