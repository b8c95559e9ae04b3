/**
 * Record versions: every write of a record keeps its whole state before and after (the record,
 * its visibility, the photographs it shows), when and by whom, in the same transaction as the
 * write. History is append-only: a restore is a new version, never a rewrite.
 *
 * A version's state after is stored once, not twice: it is what the record's next version starts
 * from (that version's `before`), or, for its latest version, the record as it is now — every
 * change of a record goes through the writer, which versions it. So a version written since
 * migration 16 keeps `after` empty and `after_follows` set, and is read with the next version's
 * `before` or the present state; older versions keep the copy they were written with. An import
 * of new records then writes a version of a few bytes instead of a second copy of each record.
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
  /** 1: the state after is the next version's `before`, or the present state (see above). */
  after_follows: number;
  /** The next version's `before` (joined in by every read). */
  next_before: string | null;
}

/** The record's whole present state, or undefined when it does not exist. */
export type PresentState = (recordId: string) => RecordState | undefined;

/** Every read joins the next version's `before`, which a version written with `after_follows` has for its `after`. */
const VERSIONS = `SELECT v.*, n.before AS next_before FROM record_versions AS v
  LEFT JOIN record_versions AS n ON n.record_id = v.record_id AND n.version_no = v.version_no + 1`;

export class RecordHistory {
  readonly #statements;
  readonly #present: PresentState;

  /** `present`: the record as it is now, the state after its latest version. */
  constructor(db: Database.Database, present: PresentState) {
    this.#present = present;
    this.#statements = {
      // Positional parameters: cheaper to bind than named ones, and this runs once per record written.
      insert: db.prepare<[string, string, string, string, number | null, string, string | null, string | null, number]>(
        `INSERT INTO record_versions (record_id, version_no, at, actor, import_id, action, note, before, after_follows)
         VALUES (?, (SELECT coalesce(max(version_no), 0) + 1 FROM record_versions WHERE record_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
      ),
      ofRecord: db.prepare<[string], VersionRow>(`${VERSIONS} WHERE v.record_id = ? ORDER BY v.version_no`),
      one: db.prepare<[string, number], VersionRow>(`${VERSIONS} WHERE v.record_id = ? AND v.version_no = ?`),
      first: db.prepare<[string], VersionRow>(`${VERSIONS} WHERE v.record_id = ? ORDER BY v.version_no LIMIT 1`),
      latest: db.prepare<[string], VersionRow>(`${VERSIONS} WHERE v.record_id = ? ORDER BY v.version_no DESC LIMIT 1`),
      ofImport: db.prepare<[number], VersionRow>(`${VERSIONS} WHERE v.import_id = ? ORDER BY v.version_id`),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM record_versions WHERE record_id = ?'),
    };
  }

  /**
   * Appends a version; call inside the transaction that makes the write, which leaves the record
   * in the state `after` (absent for a deletion): that state is not copied (see above).
   */
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
      version.after ? 1 : 0,
    );
  }

  /** Every version of a record, oldest first (also for a deleted record: its history stays). */
  ofRecord(recordId: string): RecordVersion[] {
    return this.#statements.ofRecord.all(recordId).map((row) => this.#toVersion(row));
  }

  get(recordId: string, versionNo: number): RecordVersion | undefined {
    const row = this.#statements.one.get(recordId, versionNo);
    return row && this.#toVersion(row);
  }

  first(recordId: string): RecordVersion | undefined {
    const row = this.#statements.first.get(recordId);
    return row && this.#toVersion(row);
  }

  latest(recordId: string): RecordVersion | undefined {
    const row = this.#statements.latest.get(recordId);
    return row && this.#toVersion(row);
  }

  count(recordId: string): number {
    return this.#statements.count.get(recordId)?.n ?? 0;
  }

  /** The versions an import wrote, in the order it wrote them. */
  ofImport(importId: number): RecordVersion[] {
    return this.#statements.ofImport.all(importId).map((row) => this.#toVersion(row));
  }

  #toVersion(row: VersionRow): RecordVersion {
    const after = this.#afterOf(row);
    return {
      recordId: row.record_id,
      versionNo: row.version_no,
      at: row.at,
      actor: row.actor,
      ...(row.import_id !== null && { importId: row.import_id }),
      action: row.action,
      ...(row.note !== null && { note: row.note }),
      ...(row.before !== null && { before: JSON.parse(row.before) as RecordState }),
      ...(after && { after }),
    };
  }

  /** The copy a version was written with; or, if it shares the state (see above), the next version's `before` or the present state; or none (a deletion). */
  #afterOf(row: VersionRow): RecordState | undefined {
    if (row.after !== null) return JSON.parse(row.after) as RecordState;
    if (row.after_follows !== 1) return undefined;
    return row.next_before !== null ? (JSON.parse(row.next_before) as RecordState) : this.#present(row.record_id);
  }
}
