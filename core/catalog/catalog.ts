/**
 * The catalog: one SQLite file, the archive's source of truth and system of record. It owns its
 * database handle: other code asks it for a transaction, the media repository, history, the
 * change feed. Every write keeps a version; deletions leave tombstones; search engines are derived
 * from it through the `index_queue` outbox, which every write fills in the same transaction.
 */
import Database from 'better-sqlite3';
import { MediaRepository } from '../media/media-repository.ts';
import { Accounts } from './accounts/accounts.ts';
import type { ArchiveCollection } from '../schema/collection.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import { ChangeFeed } from './change-feed.ts';
import { CollectionStore } from './collection-store.ts';
import { ImportJobs } from './import-jobs.ts';
import { ImportLog, type ImportProvenance, type ImportSummary } from './import-log.ts';
import { MappingProfiles } from './mapping-profiles.ts';
import { migrate, SCHEMA_VERSION } from './migrate.ts';
import { toSecondPrecision } from './datestamp.ts';
import { RecordHistory, type RecordVersion, type WriteContext } from './record-history.ts';
import { RecordPages } from './record-pages.ts';
import type { RecordRow } from './record-columns.ts';
import { prepareWrite, RecordWriter, type OnExisting, type RecordWrite, type WriteAction } from './record-writer.ts';
import { toStored, type StoredRecord } from './stored-record.ts';
import { Tombstones, type Tombstone } from './tombstones.ts';
import { undoImport } from './undo-import.ts';
import { UploadStore } from './upload-store.ts';
import { PUBLIC_AT_NOW_SQL, type Visibility } from './visibility.ts';
import { WriterLock } from './writer-lock.ts';
import { inWriteTurn } from './write-turns.ts';

export type { StoredRecord } from './stored-record.ts';
export type { OnExisting, RecordWrite, WriteAction } from './record-writer.ts';
export { hashRecord } from './record-writer.ts';
export type { ImportSummary } from './import-log.ts';
export type { WriteContext } from './record-history.ts';

/** Keys per `IN (…)` query, well under SQLite's parameter limit. */
const MAX_SQL_PARAMETERS = 500;

export interface IndexChange {
  changeNo: number;
  recordId: string;
  op: 'upsert' | 'delete';
}

/** A catalog file this release cannot read: made by a newer release. */
export class CatalogTooNewError extends Error {
  override readonly name = 'CatalogTooNewError';
  constructor(readonly file: string, readonly version: number) {
    super(`${file} has schema version ${version}; this release reads up to ${SCHEMA_VERSION}`);
  }
}

export class Catalog {
  readonly file: string;
  /** The photographs and which records show them. */
  readonly media: MediaRepository;
  readonly history: RecordHistory;
  readonly tombstones: Tombstones;
  readonly imports: ImportLog;
  readonly collections: CollectionStore;
  readonly changes: ChangeFeed;
  /** The public records in fixed pages of catalog keys (the IIIF archive collection). */
  readonly pages: RecordPages;
  readonly writerLock: WriterLock;
  /** Curators' accounts, sessions and login attempts. */
  readonly accounts: Accounts;
  /** Saved column mappings (`ingest --mapping NAME`, the curators' upload pages). */
  readonly mappings: MappingProfiles;
  /** Curators' uploads and the import worker's jobs (the web imports). */
  readonly uploads: UploadStore;
  readonly jobs: ImportJobs;
  readonly #db: Database.Database;
  readonly #writer: RecordWriter;
  readonly #statements;
  /** This connection's own writes, which `data_version` does not count. */
  #localWrites = 0;

  private constructor(file: string) {
    this.file = file;
    this.#db = new Database(file);
    // A writer waits for another's transaction (an embedded reindex holds one for its whole run).
    this.#db.pragma('busy_timeout = 60000');
    this.#db.pragma('journal_mode = WAL');
    // WAL + NORMAL is durable for every committed batch except across a power loss.
    this.#db.pragma('synchronous = NORMAL');
    const version = Number(this.#db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      this.#db.close();
      throw new CatalogTooNewError(file, version);
    }
    migrate(this.#db);
    this.media = new MediaRepository(this.#db);
    // A version's state after is the present state when it is the latest (record-history.ts).
    this.history = new RecordHistory(this.#db, (recordId) => this.#writer.stateOf(recordId));
    this.tombstones = new Tombstones(this.#db);
    this.imports = new ImportLog(this.#db);
    this.collections = new CollectionStore(this.#db);
    this.changes = new ChangeFeed(this.#db);
    this.pages = new RecordPages(this.#db);
    this.writerLock = new WriterLock(this.#db);
    this.accounts = new Accounts(this.#db);
    this.mappings = new MappingProfiles(this.#db);
    this.uploads = new UploadStore(this.#db);
    this.jobs = new ImportJobs(this.#db);
    this.#writer = new RecordWriter(this.#db, { media: this.media, history: this.history, tombstones: this.tombstones });
    this.#statements = {
      byId: this.#db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?'),
      count: this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
      countPublic: this.#db.prepare<{ now: string }, { n: number }>(`SELECT count(*) AS n FROM records WHERE ${PUBLIC_AT_NOW_SQL}`),
      recentPublic: this.#db.prepare<{ now: string; limit: number }, RecordRow>(`SELECT * FROM records WHERE ${PUBLIC_AT_NOW_SQL} ORDER BY seq DESC LIMIT @limit`),
      publicPage: this.#db.prepare<{ now: string; limit: number; offset: number }, { id: string; datestamp: string }>(
        `SELECT id, datestamp FROM records WHERE ${PUBLIC_AT_NOW_SQL} ORDER BY seq LIMIT @limit OFFSET @offset`,
      ),
      pageAfter: this.#db.prepare<[number, number], RecordRow>('SELECT * FROM records WHERE seq > ? ORDER BY seq LIMIT ?'),
      modifiedSince: this.#db.prepare<[string], RecordRow>('SELECT * FROM records WHERE modified >= ? ORDER BY seq'),
      pending: this.#db.prepare<[number], { change_no: number; record_id: string; op: 'upsert' | 'delete' }>(
        'SELECT change_no, record_id, op FROM index_queue ORDER BY change_no LIMIT ?',
      ),
      countPending: this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM index_queue'),
      ack: this.#db.prepare<[string]>('DELETE FROM index_queue WHERE change_no IN (SELECT value FROM json_each(?))'),
      getMeta: this.#db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.#db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    };
    this.imports.markInterrupted();
    this.jobs.markInterrupted();
  }

  /** Opens (creating and migrating if needed) the catalog file. */
  static open(file: string): Catalog {
    return new Catalog(file);
  }

  close(): void {
    this.#db.close();
  }

  /**
   * Runs `fn` in one immediate transaction (taken for writing at once, so it never fails midway
   * on another writer's commit), in this process's write turn (write-turns.ts); nested calls
   * join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    this.#localWrites++;
    return inWriteTurn(() => this.#db.transaction(fn).immediate());
  }

  // ── records: writes ──────────────────────────────────────────────────────────────────────────

  /**
   * Creates or updates records by id in one transaction: a crash or kill leaves either the whole
   * batch or none of it. Every real change keeps a version. Returns what happened to each record,
   * in order; `options.written` collects the records created or updated, as stored.
   */
  writeBatch(
    records: readonly (ArchiveRecord | RecordWrite)[],
    options: Partial<WriteContext> & { onExisting?: OnExisting; written?: StoredRecord[] } = {},
  ): WriteAction[] {
    const context = { actor: options.actor ?? (options.importId === undefined ? 'system' : `import:${options.importId}`), ...options };
    // Columns and hashes before the transaction: the file is held for the reads and writes alone.
    const writes = records.map((item) => prepareWrite(toWrite(item)));
    return this.transaction(() => this.#writer.writeAll(writes, context, options.written));
  }

  /** What `writeBatch` would do, without writing (for dry runs). */
  previewBatch(records: readonly (ArchiveRecord | RecordWrite)[], onExisting: OnExisting = 'update'): WriteAction[] {
    return records.map((item) => this.#writer.decide(toWrite(item), onExisting).action);
  }

  /** Sets records' visibility (withdraw, publish, embargo), each a version; unknown ids are left out of the result. */
  setVisibility(ids: readonly string[], visibility: Visibility, context: WriteContext): Map<string, WriteAction> {
    return this.transaction(() => {
      const actions = new Map<string, WriteAction>();
      for (const id of ids) {
        const stored = this.getRecord(id);
        if (stored) actions.set(id, this.#writer.write({ record: stored.record, visibility }, { ...context, action: 'visibility' }));
      }
      return actions;
    });
  }

  /** Deletes records, leaving tombstones; returns the ids that existed and were deleted. */
  deleteRecords(ids: readonly string[], options: Partial<WriteContext> & { reason?: string } = {}): string[] {
    const context = { actor: options.actor ?? 'system', ...options };
    return this.transaction(() => ids.filter((id) => this.#writer.delete(id, options.reason, context)));
  }

  /**
   * Brings back the state after version `versionNo` as a new version (history is never rewritten);
   * a deleted record is created again. Undefined when there is no such version or it is a deletion.
   */
  restoreVersion(id: string, versionNo: number, context: WriteContext): { version: RecordVersion; action: WriteAction } | undefined {
    const version = this.history.get(id, versionNo);
    if (!version?.after) return undefined;
    const action = this.transaction(() => this.#writer.restore(version.after!, { ...context, action: 'restored', note: `version ${versionNo}` }));
    return { version, action };
  }

  /** Takes an import back (see undo-import.ts). */
  undoImport(importId: number, context: WriteContext & { force?: boolean }) {
    return undoImport({ imports: this.imports, history: this.history, writer: this.#writer, collections: this.collections, transaction: (fn) => this.transaction(fn) }, importId, context);
  }

  // ── records: reads ───────────────────────────────────────────────────────────────────────────

  getRecord(id: string): StoredRecord | undefined {
    const row = this.#statements.byId.get(id);
    return row && toStored(row);
  }

  /** What became of a deleted record, if `id` was one. */
  getTombstone(id: string): Tombstone | undefined {
    return this.tombstones.get(id);
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
      rows.push(...this.#db.prepare<(number | string)[], RecordRow>(`SELECT * FROM records WHERE ${column} IN (${chunk.map(() => '?').join(',')})`).all(...chunk));
    }
    return rows;
  }

  /** Records whose datestamp is at or after `datestamp` (`YYYY-MM-DDTHH:MM:SSZ`). */
  recordsModifiedSince(datestamp: string): StoredRecord[] {
    return this.#statements.modifiedSince.all(datestamp).map(toStored);
  }

  /** All records, or (`publicOnly`) those the public may see now. */
  countRecords(options: { publicOnly?: boolean } = {}): number {
    if (options.publicOnly) return this.#statements.countPublic.get({ now: toSecondPrecision(Date.now()) })?.n ?? 0;
    return this.#statements.count.get()?.n ?? 0;
  }

  /** The records most recently added to the archive that the public may see, newest first. */
  recentlyAdded(limit: number): StoredRecord[] {
    return this.#statements.recentPublic.all({ now: toSecondPrecision(Date.now()), limit }).map(toStored);
  }

  /** Ids and datestamps of the records the public may see, in catalog order, `limit` from `offset` (sitemaps). */
  publicRecordIds(offset: number, limit: number): { id: string; datestamp: string }[] {
    return this.#statements.publicPage.all({ now: toSecondPrecision(Date.now()), limit, offset });
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

  /**
   * The first `limit` records (catalog order, after skipping `offset`) in `collectionId`, and how
   * many it holds in all; `publicOnly` leaves hidden ones out.
   */
  recordsInCollection(collectionId: string, limit: number, options: { publicOnly?: boolean; offset?: number } = {}): { records: StoredRecord[]; total: number } {
    const visible = options.publicOnly ? `AND ${PUBLIC_AT_NOW_SQL}` : '';
    const member = `FROM record_collections AS m JOIN records ON records.seq = m.seq WHERE m.collection_id = @id ${visible}`;
    const params = { id: collectionId, limit, offset: options.offset ?? 0, now: toSecondPrecision(Date.now()) };
    const seqs = this.#db.prepare<typeof params, { seq: number }>(`SELECT m.seq AS seq ${member} ORDER BY m.seq LIMIT @limit OFFSET @offset`).all(params);
    const total = this.#db.prepare<typeof params, { n: number }>(`SELECT count(*) AS n ${member}`).get(params)?.n ?? 0;
    return { records: this.getRecordsBySeq(seqs.map((row) => row.seq)), total };
  }

  /** Each period facet value (`coalesce(period_zh, period_en)`) with its names, rarest spelling first. */
  periodNames(): { value: string; zh: string | null; en: string | null }[] {
    return this.#db
      .prepare<[], { value: string; zh: string | null; en: string | null }>(
        `SELECT coalesce(period_zh, period_en) AS value, period_zh AS zh, period_en AS en
         FROM records WHERE value IS NOT NULL
         GROUP BY period_zh, period_en ORDER BY count(*) ASC`,
      )
      .all();
  }

  // ── collections ──────────────────────────────────────────────────────────────────────────────

  /** Creates or updates a collection (following `onExisting`), with a version. */
  upsertCollection(collection: ArchiveCollection, options: Partial<WriteContext> & { onExisting?: OnExisting } = {}): WriteAction {
    const context = { actor: options.actor ?? (options.importId === undefined ? 'system' : `import:${options.importId}`), ...options };
    return this.transaction(() => this.collections.put(collection, context));
  }

  listCollections(): ArchiveCollection[] {
    return this.collections.list();
  }

  getCollection(id: string): ArchiveCollection | undefined {
    return this.collections.get(id);
  }

  // ── imports ──────────────────────────────────────────────────────────────────────────────────

  startImport(sources: readonly string[], actor = 'system', provenance?: ImportProvenance): number {
    return this.imports.start(sources, actor, provenance);
  }

  finishImport(importId: number, status: 'done' | 'failed' | 'cancelled', summary: ImportSummary): void {
    this.imports.finish(importId, status, summary);
  }

  // ── the index outbox ─────────────────────────────────────────────────────────────────────────

  /** The oldest changes not yet applied to the search engine. */
  pendingChanges(limit: number): IndexChange[] {
    return this.#statements.pending.all(limit).map((row) => ({ changeNo: row.change_no, recordId: row.record_id, op: row.op }));
  }

  /** Marks changes as applied. A record changed again meanwhile has a new change number and stays queued. */
  acknowledgeChanges(changes: readonly IndexChange[]): void {
    // One statement for the batch, in the write turn: a thousand single-row deletes cost more than the rows.
    inWriteTurn(() => this.#statements.ack.run(JSON.stringify(changes.map((change) => change.changeNo))));
  }

  countPendingChanges(): number {
    return this.#statements.countPending.get()?.n ?? 0;
  }

  // ── housekeeping ─────────────────────────────────────────────────────────────────────────────

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
    return `${this.#db.pragma('data_version', { simple: true })}:${this.#localWrites}`;
  }

  /** `PRAGMA integrity_check`: 'ok', or SQLite's list of what is wrong. */
  integrityCheck(): string {
    return this.#db.pragma('integrity_check', { simple: true }) as string;
  }
}

function toWrite(item: ArchiveRecord | RecordWrite): RecordWrite {
  return 'record' in item && typeof item.record === 'object' ? (item as RecordWrite) : { record: item as ArchiveRecord };
}
