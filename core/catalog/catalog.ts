/**
 * The catalog: one SQLite file, the archive's source of truth. Search engines are derived from it
 * through the `index_queue` outbox, which every write fills in the same transaction.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ArchiveCollection } from '../schema/collection.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import { migrate } from './migrate.ts';
import { DATA_COLUMNS, recordToRow, rowToRecord, type RecordRow } from './record-columns.ts';

export interface StoredRecord {
  /** The catalog's integer key; search indexes refer to records by it. */
  seq: number;
  record: ArchiveRecord;
  updatedAt: string;
}

/** Keys per `IN (…)` query, well under SQLite's parameter limit. */
const MAX_SQL_PARAMETERS = 500;

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'refused';
export type OnExisting = 'update' | 'skip' | 'error';

export interface IndexChange {
  changeNo: number;
  recordId: string;
  op: 'upsert' | 'delete';
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export class Catalog {
  readonly db: Database.Database;
  readonly #statements;
  /** This connection's own writes, which `data_version` does not count. */
  #localWrites = 0;

  private constructor(file: string, options: { readonly?: boolean } = {}) {
    this.db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // A writer may wait for another's transaction (an embedded reindex holds one for its whole run).
    this.db.pragma('busy_timeout = 60000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL is durable for every committed batch except across a power loss.
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db);
    }
    const columns = ['id', ...DATA_COLUMNS];
    this.#statements = {
      findHash: this.db.prepare<[string], { seq: number; content_hash: string }>('SELECT seq, content_hash FROM records WHERE id = ?'),
      insert: this.db.prepare(
        `INSERT INTO records (${columns.join(', ')}, content_hash, created_at, updated_at, import_id)
         VALUES (${columns.map((c) => `@${c}`).join(', ')}, @content_hash, @now, @now, @import_id)`,
      ),
      update: this.db.prepare(
        `UPDATE records SET ${DATA_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
         content_hash = @content_hash, updated_at = @now, import_id = @import_id WHERE id = @id`,
      ),
      enqueue: this.db.prepare("INSERT OR REPLACE INTO index_queue (record_id, op) VALUES (?, ?)"),
      byId: this.db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
      pageAfter: this.db.prepare<[number, number], RecordRow>('SELECT * FROM records WHERE seq > ? ORDER BY seq LIMIT ?'),
      pending: this.db.prepare<[number], { change_no: number; record_id: string; op: 'upsert' | 'delete' }>(
        'SELECT change_no, record_id, op FROM index_queue ORDER BY change_no LIMIT ?',
      ),
      ack: this.db.prepare('DELETE FROM index_queue WHERE change_no = ?'),
      deleteRecord: this.db.prepare('DELETE FROM records WHERE id = ?'),
      getMeta: this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    };
  }

  /** Opens (creating and migrating if needed) the catalog file. */
  static open(file: string): Catalog {
    return new Catalog(file);
  }

  /** Opens an existing catalog for reading only; throws if the file does not exist. */
  static openReadonly(file: string): Catalog {
    return new Catalog(file, { readonly: true });
  }

  close(): void {
    this.db.close();
  }

  /**
   * Upserts records by id in one transaction: a crash or kill leaves either the whole batch or
   * none of it. Returns what happened to each record, in order. `options.written` collects the
   * records created or updated, as stored, so the caller can index them without reading them back.
   */
  writeBatch(
    records: readonly ArchiveRecord[],
    options: { importId?: number; onExisting?: OnExisting; written?: StoredRecord[] } = {},
  ): WriteAction[] {
    const now = new Date().toISOString();
    const write = this.db.transaction((batch: readonly ArchiveRecord[]) =>
      batch.map((record): WriteAction => {
        const { action, contentHash, seq } = this.#decide(record, options.onExisting ?? 'update');
        if (action !== 'created' && action !== 'updated') return action;
        const row = { ...recordToRow(record), content_hash: contentHash, now, import_id: options.importId ?? null };
        const result = (action === 'updated' ? this.#statements.update : this.#statements.insert).run(row);
        this.#statements.enqueue.run(record.id, 'upsert');
        options.written?.push({ seq: seq ?? Number(result.lastInsertRowid), record, updatedAt: now });
        return action;
      }),
    );
    this.#localWrites++;
    return write(records);
  }

  /** What `writeBatch` would do, without writing (for dry runs). */
  previewBatch(records: readonly ArchiveRecord[], onExisting: OnExisting = 'update'): WriteAction[] {
    return records.map((record) => this.#decide(record, onExisting).action);
  }

  #decide(record: ArchiveRecord, onExisting: OnExisting): { action: WriteAction; contentHash: string; seq?: number } {
    const contentHash = hashRecord(record);
    const existing = this.#statements.findHash.get(record.id);
    if (!existing) return { action: 'created', contentHash };
    if (existing.content_hash === contentHash) return { action: 'unchanged', contentHash, seq: existing.seq };
    const action = onExisting === 'skip' ? 'skipped' : onExisting === 'error' ? 'refused' : 'updated';
    return { action, contentHash, seq: existing.seq };
  }

  deleteRecords(ids: readonly string[]): number {
    const remove = this.db.transaction((batch: readonly string[]) => {
      let deleted = 0;
      for (const id of batch) {
        deleted += this.#statements.deleteRecord.run(id).changes;
        this.#statements.enqueue.run(id, 'delete');
      }
      return deleted;
    });
    this.#localWrites++;
    return remove(ids);
  }

  getRecord(id: string): StoredRecord | undefined {
    const row = this.#statements.byId.get(id);
    return row && toStored(row);
  }

  /** Records by catalog key, in the order of `seqs`; missing keys are left out. */
  getRecordsBySeq(seqs: readonly number[]): StoredRecord[] {
    const bySeq = new Map(this.#rowsWhereIn('seq', seqs).map((row) => [Number(row.seq), toStored(row)]));
    return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
  }

  /** Records by id, in the order of `ids`; missing ids are left out. */
  getRecords(ids: readonly string[]): StoredRecord[] {
    const byId = new Map(this.#rowsWhereIn('id', ids).map((row) => [String(row.id), toStored(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Rows whose `column` is one of `keys`, fetched `MAX_SQL_PARAMETERS` keys per query. */
  #rowsWhereIn(column: 'seq' | 'id', keys: readonly (number | string)[]): RecordRow[] {
    const rows: RecordRow[] = [];
    for (let start = 0; start < keys.length; start += MAX_SQL_PARAMETERS) {
      const chunk = keys.slice(start, start + MAX_SQL_PARAMETERS);
      rows.push(...this.db.prepare<(number | string)[], RecordRow>(`SELECT * FROM records WHERE ${column} IN (${chunk.map(() => '?').join(',')})`).all(...chunk));
    }
    return rows;
  }

  /** Records created or updated at or after `isoTime`. */
  recordsUpdatedSince(isoTime: string): StoredRecord[] {
    return this.db.prepare<[string], RecordRow>('SELECT * FROM records WHERE updated_at >= ? ORDER BY seq').all(isoTime).map(toStored);
  }

  countRecords(): number {
    return this.#statements.count.get()?.n ?? 0;
  }

  /** Every record in catalog order, `batchSize` at a time, without holding them all in memory. */
  *iterateRecords(batchSize = 1000): Generator<StoredRecord[]> {
    let after = 0;
    for (;;) {
      const rows = this.#statements.pageAfter.all(after, batchSize);
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map(toStored);
    }
  }

  upsertCollection(collection: ArchiveCollection): WriteAction {
    const body = JSON.stringify(collection);
    const contentHash = createHash('sha256').update(body).digest('hex');
    const existing = this.db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM collections WHERE id = ?').get(collection.id);
    if (existing?.content_hash === contentHash) return 'unchanged';
    this.#localWrites++;
    this.db
      .prepare('INSERT OR REPLACE INTO collections (id, position, body, content_hash, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(collection.id, collection.order, body, contentHash, new Date().toISOString());
    return existing ? 'updated' : 'created';
  }

  listCollections(): ArchiveCollection[] {
    return this.db
      .prepare<[], { body: string }>('SELECT body FROM collections ORDER BY position, id')
      .all()
      .map((row) => JSON.parse(row.body) as ArchiveCollection);
  }

  getCollection(id: string): ArchiveCollection | undefined {
    const row = this.db.prepare<[string], { body: string }>('SELECT body FROM collections WHERE id = ?').get(id);
    return row && (JSON.parse(row.body) as ArchiveCollection);
  }

  startImport(sources: readonly string[]): number {
    const result = this.db
      .prepare("INSERT INTO imports (started_at, sources, status) VALUES (?, ?, 'running')")
      .run(new Date().toISOString(), JSON.stringify(sources));
    return Number(result.lastInsertRowid);
  }

  finishImport(importId: number, status: 'done' | 'failed', summary: ImportSummary): void {
    this.db
      .prepare('UPDATE imports SET finished_at = ?, status = ?, summary = ? WHERE id = ?')
      .run(new Date().toISOString(), status, JSON.stringify(summary), importId);
  }

  /** The oldest changes not yet applied to the search engine. */
  pendingChanges(limit: number): IndexChange[] {
    return this.#statements.pending.all(limit).map((row) => ({ changeNo: row.change_no, recordId: row.record_id, op: row.op }));
  }

  /** Marks changes as applied. A record changed again meanwhile has a new change number and stays queued. */
  acknowledgeChanges(changes: readonly IndexChange[]): void {
    this.db.transaction(() => {
      for (const change of changes) this.#statements.ack.run(change.changeNo);
    })();
  }

  countPendingChanges(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM index_queue').get()?.n ?? 0;
  }

  getMeta(key: string): string | undefined {
    return this.#statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#statements.setMeta.run(key, value);
  }

  /**
   * Changes whenever the catalog changes: SQLite's `data_version` sees other connections'
   * commits (an ingest while the server runs), the local count this connection's own writes.
   * Cheap to poll; caches of catalog-derived data compare it.
   */
  changeStamp(): string {
    return `${this.db.pragma('data_version', { simple: true })}:${this.#localWrites}`;
  }
}

function toStored(row: RecordRow): StoredRecord {
  return { seq: Number(row.seq), record: rowToRecord(row), updatedAt: String(row.updated_at) };
}

/** The hash that tells an unchanged re-import from a real update. */
export function hashRecord(record: ArchiveRecord): string {
  return createHash('sha256').update(JSON.stringify(recordToRow(record))).digest('hex');
}
