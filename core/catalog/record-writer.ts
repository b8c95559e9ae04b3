/**
 * Every change to a record goes through here, inside the caller's transaction: the row, the
 * photographs it shows, its visibility, a version with the whole state before and after (the
 * state after is the row itself, which history reads, see record-history.ts), the
 * tombstone of a deleted record, and the outbox entry that brings the search index along.
 * A write that would change nothing writes nothing (no version, no new datestamp).
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MediaLink, MediaRepository } from '../media/media-repository.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import { nextDatestamp } from './datestamp.ts';
import { DATA_COLUMNS, recordToRow, type RecordRow } from './record-columns.ts';
import type { RecordHistory, RecordState, VersionAction, WriteContext } from './record-history.ts';
import { toStored, visibilityOfRow, type StoredRecord } from './stored-record.ts';
import type { Tombstones } from './tombstones.ts';
import { PUBLIC, sameVisibility, type Visibility } from './visibility.ts';

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'refused';
export type OnExisting = 'update' | 'skip' | 'error';

/** One record to write. Absent `media` or `visibility` keep what the record has (a new record: none, public). */
export interface RecordWrite {
  record: ArchiveRecord;
  media?: readonly MediaLink[];
  visibility?: Visibility;
}

/**
 * A write with what can be worked out before its transaction (the record as catalog columns and
 * its hash): the writers of one file take turns, so the transaction should hold the file for the
 * reads and writes alone (see `prepareWrite`).
 */
export interface PreparedWrite extends RecordWrite {
  row: RecordRow;
  contentHash: string;
}

/** The columns and hash of `write`'s record, worked out once (they were three times per record). */
export function prepareWrite(write: RecordWrite): PreparedWrite {
  const row = recordToRow(write.record);
  return { ...write, row, contentHash: hashRow(row) };
}

type WriterValue = string | number | null;

interface ExistingRow {
  seq: number;
  content_hash: string;
  modified: string;
  visibility: string;
  embargo_until: string | null;
}

export class RecordWriter {
  readonly #media: MediaRepository;
  readonly #history: RecordHistory;
  readonly #tombstones: Tombstones;
  readonly #statements;

  constructor(db: Database.Database, parts: { media: MediaRepository; history: RecordHistory; tombstones: Tombstones }) {
    this.#media = parts.media;
    this.#history = parts.history;
    this.#tombstones = parts.tombstones;
    const columns = ['id', ...DATA_COLUMNS];
    this.#statements = {
      existing: db.prepare<[string], ExistingRow>('SELECT seq, content_hash, modified, visibility, embargo_until FROM records WHERE id = ?'),
      row: db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?'),
      // Positional parameters: binding forty named ones costs more than the insert (better-sqlite3 looks each name up).
      insert: db.prepare<WriterValue[]>(
        `INSERT INTO records (${columns.join(', ')}, content_hash, created_at, modified, import_id, visibility, embargo_until)
         VALUES (${columns.map(() => '?').join(', ')}, ?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare<WriterValue[]>(
        `UPDATE records SET ${DATA_COLUMNS.map((c) => `${c} = ?`).join(', ')}, content_hash = ?,
         modified = ?, import_id = ?, visibility = ?, embargo_until = ? WHERE id = ?`,
      ),
      remove: db.prepare('DELETE FROM records WHERE id = ?'),
      enqueue: db.prepare('INSERT OR REPLACE INTO index_queue (record_id, op) VALUES (?, ?)'),
      // In the array's order, so change numbers follow the writes as one insert per record gave them.
      enqueueUpserts: db.prepare<[string]>("INSERT OR REPLACE INTO index_queue (record_id, op) SELECT value, 'upsert' FROM json_each(?)"),
    };
  }

  /**
   * `write` for each of `writes` (inside the caller's transaction), their outbox entries in one
   * statement: a thousand single-row inserts into an AUTOINCREMENT table cost more than the rows
   * (each reads and writes its counter).
   */
  writeAll(writes: readonly PreparedWrite[], context: WriteContext & { onExisting?: OnExisting }, written?: StoredRecord[]): WriteAction[] {
    const queued: string[] = [];
    const actions = writes.map((write) => this.write(write, context, written, queued));
    if (queued.length > 0) this.#statements.enqueueUpserts.run(JSON.stringify(queued));
    return actions;
  }

  /**
   * Creates or updates one record. `written` receives the record as stored when it was created or
   * updated, so the caller can index it without reading it back; `queued`, when given, the id to
   * put in the outbox (by `writeAll`, before its transaction ends) instead of putting it there now.
   */
  write(
    given: RecordWrite | PreparedWrite,
    context: WriteContext & { onExisting?: OnExisting; action?: VersionAction; note?: string },
    written?: StoredRecord[],
    queued?: string[],
  ): WriteAction {
    const write = 'row' in given ? given : prepareWrite(given);
    const decision = this.decide(write, context.onExisting ?? 'update');
    if (decision.action !== 'created' && decision.action !== 'updated') return decision.action;
    const existing = decision.existing;
    const before = existing ? this.stateOf(write.record.id) : undefined;
    const visibility = write.visibility ?? (existing ? visibilityOfRow(existing) : PUBLIC);
    const media = write.media ?? before?.media ?? [];
    const tombstone = existing ? undefined : this.#tombstones.get(write.record.id);
    const modified = nextDatestamp(existing?.modified ?? tombstone?.deletedAt);
    const data = DATA_COLUMNS.map((column) => write.row[column] ?? null);
    const importId = context.importId ?? null;
    const embargoUntil = visibility.until ?? null;
    const result = existing
      ? this.#statements.update.run(...data, decision.contentHash, modified, importId, visibility.state, embargoUntil, write.record.id)
      : this.#statements.insert.run(write.record.id, ...data, decision.contentHash, new Date().toISOString(), modified, importId, visibility.state, embargoUntil);
    if (tombstone) this.#tombstones.remove(write.record.id);
    if (write.media) this.#media.linkRecord(write.record.id, write.media);
    const after: RecordState = { record: write.record, visibility, media: [...media] };
    const action = context.action ?? (existing ? 'updated' : 'created');
    this.#history.append({ recordId: write.record.id, at: modified, action, ...(context.note && { note: context.note }), ...(before && { before }), after }, context);
    if (queued) queued.push(write.record.id);
    else this.#statements.enqueue.run(write.record.id, 'upsert');
    written?.push({ seq: existing?.seq ?? Number(result.lastInsertRowid), record: write.record, modified, visibility });
    return decision.action;
  }

  /** What `write` would do, and what it compares against. */
  decide(write: RecordWrite | PreparedWrite, onExisting: OnExisting): { action: WriteAction; contentHash: string; existing?: ExistingRow } {
    const contentHash = 'contentHash' in write ? write.contentHash : hashRecord(write.record);
    const existing = this.#statements.existing.get(write.record.id);
    if (!existing) return { action: 'created', contentHash };
    const same =
      existing.content_hash === contentHash &&
      (write.visibility === undefined || sameVisibility(write.visibility, visibilityOfRow(existing))) &&
      (write.media === undefined || sameLinks(write.media, this.#media.linksOf(write.record.id)));
    if (same) return { action: 'unchanged', contentHash, existing };
    const action = onExisting === 'skip' ? 'skipped' : onExisting === 'error' ? 'refused' : 'updated';
    return { action, contentHash, existing };
  }

  /**
   * Deletes a record, leaving a tombstone; its photographs stay in the media store (other records
   * or an old version may show them). Returns false when there is no such record.
   */
  delete(recordId: string, reason: string | undefined, context: WriteContext & { action?: VersionAction }): boolean {
    const existing = this.#statements.existing.get(recordId);
    if (!existing) return false;
    const before = this.stateOf(recordId)!;
    const deletedAt = nextDatestamp(existing.modified);
    this.#statements.remove.run(recordId);
    this.#media.linkRecord(recordId, []);
    this.#tombstones.put(recordId, deletedAt, reason, context);
    this.#history.append({ recordId, at: deletedAt, action: context.action ?? 'deleted', ...(reason && { note: reason }), before }, context);
    this.#statements.enqueue.run(recordId, 'delete');
    return true;
  }

  /** Brings a record to `state` (a restore, an undo): created again if it was deleted. */
  restore(state: RecordState, context: WriteContext & { action: VersionAction; note?: string }): WriteAction {
    return this.write({ record: state.record, media: state.media, visibility: state.visibility }, context);
  }

  /** The record's whole present state, or undefined when it does not exist. */
  stateOf(recordId: string): RecordState | undefined {
    const row = this.#statements.row.get(recordId);
    if (!row) return undefined;
    const stored = toStored(row);
    return { record: stored.record, visibility: stored.visibility, media: this.#media.linksOf(recordId) };
  }
}

function sameLinks(a: readonly MediaLink[], b: readonly MediaLink[]): boolean {
  return a.length === b.length && a.every((link, index) => link.hash === b[index]!.hash && link.source === b[index]!.source);
}

/** The hash that tells an unchanged re-import from a real update. */
export function hashRecord(record: ArchiveRecord): string {
  return hashRow(recordToRow(record));
}

function hashRow(row: RecordRow): string {
  // One call rather than a Hash object per record: the same hex digest for less of the importer's thread.
  return hash('sha256', JSON.stringify(row), 'hex');
}
