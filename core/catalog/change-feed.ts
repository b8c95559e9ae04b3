/**
 * The catalog's changes in datestamp order, a page at a time, for harvesters (OAI-PMH) and
 * sitemaps that walk millions of records: records by their datestamp (`modified`, or the end of
 * an embargo, whichever is later) and tombstones by their deletion, each read through an index
 * and merged, so a page costs the same at the first record and the millionth.
 */
import type Database from 'better-sqlite3';
import type { RecordRow } from './record-columns.ts';
import { toStored, type StoredRecord } from './stored-record.ts';
import { toTombstone, type Tombstone } from './tombstones.ts';

export interface ChangeWindow {
  /** Inclusive bounds, `YYYY-MM-DDTHH:MM:SSZ`. */
  from?: string;
  until?: string;
}

/** Where a page ended: the next page starts after this datestamp and id. */
export interface ChangeCursor {
  datestamp: string;
  id: string;
}

export type ChangeEntry =
  | { kind: 'record'; id: string; datestamp: string; stored: StoredRecord }
  | { kind: 'tombstone'; id: string; datestamp: string; tombstone: Tombstone };

const LOWEST = '';
const HIGHEST = '\uffff';

export class ChangeFeed {
  readonly #statements;

  constructor(db: Database.Database) {
    const window = 'datestamp >= @from AND datestamp <= @until AND (datestamp, id) > (@afterDatestamp, @afterId)';
    this.#statements = {
      records: db.prepare<Record<string, unknown>, RecordRow>(`SELECT * FROM records WHERE ${window} ORDER BY datestamp, id LIMIT @limit`),
      tombstones: db.prepare<Record<string, unknown>, Parameters<typeof toTombstone>[0] & { datestamp: string; id: string }>(
        `SELECT *, deleted_at AS datestamp, record_id AS id FROM tombstones
         WHERE deleted_at >= @from AND deleted_at <= @until AND (deleted_at, record_id) > (@afterDatestamp, @afterId)
         ORDER BY deleted_at, record_id LIMIT @limit`,
      ),
      countRecords: db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM records WHERE datestamp >= @from AND datestamp <= @until'),
      countTombstones: db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM tombstones WHERE deleted_at >= @from AND deleted_at <= @until'),
    };
  }

  /** Up to `limit` changes in (datestamp, id) order after `after`. */
  page(window: ChangeWindow, limit: number, after?: ChangeCursor): ChangeEntry[] {
    const params = { ...bounds(window), afterDatestamp: after?.datestamp ?? LOWEST, afterId: after?.id ?? LOWEST, limit };
    const records = this.#statements.records.all(params).map((row): ChangeEntry => {
      const stored = toStored(row);
      return { kind: 'record', id: stored.record.id, datestamp: String(row.datestamp), stored };
    });
    const tombstones = this.#statements.tombstones.all(params).map((row): ChangeEntry => ({ kind: 'tombstone', id: row.id, datestamp: row.datestamp, tombstone: toTombstone(row) }));
    return [...records, ...tombstones].sort(compareEntries).slice(0, limit);
  }

  count(window: ChangeWindow): number {
    const params = bounds(window);
    return (this.#statements.countRecords.get(params)?.n ?? 0) + (this.#statements.countTombstones.get(params)?.n ?? 0);
  }
}

function bounds(window: ChangeWindow): { from: string; until: string } {
  return { from: window.from ?? LOWEST, until: window.until ?? HIGHEST };
}

function compareEntries(a: ChangeEntry, b: ChangeEntry): number {
  return a.datestamp < b.datestamp ? -1 : a.datestamp > b.datestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
