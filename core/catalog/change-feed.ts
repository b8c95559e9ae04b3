/**
 * The catalog's changes in datestamp order, a page at a time, for harvesters (OAI-PMH) and
 * sitemaps that walk millions of records: records by their datestamp (`modified`, or the end of
 * an embargo, whichever is later) and tombstones by their deletion, each read through an index
 * and merged, so a page costs the same at the first record and the millionth.
 *
 * A record whose embargo has not ended yet stands in the feed at its last change instead: the
 * public's view of it changed then (a record embargoed again after being public was withdrawn at
 * that moment), and a datestamp later than now would escape every harvest with an `until`. Such
 * records are read apart (the datestamp index finds them: only they have a datestamp after now)
 * and merged in; once the embargo ends the record moves to the embargo's end by itself.
 */
import type Database from 'better-sqlite3';
import type { RecordRow } from './record-columns.ts';
import { toSecondPrecision } from './datestamp.ts';
import { toStored, type StoredRecord } from './stored-record.ts';
import { PUBLIC_AT_NOW_SQL } from './visibility.ts';
import { toTombstone, type Tombstone } from './tombstones.ts';

export interface ChangeWindow {
  /** Inclusive bounds, `YYYY-MM-DDTHH:MM:SSZ`. */
  from?: string;
  until?: string;
  /**
   * Only the records in this collection now, filtered inside SQLite so that a small collection's
   * page does not bring every other change into JavaScript. Tombstones are not filtered: the
   * collections of a deleted record are in its history, so the caller filters those.
   */
  collection?: string;
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
    // @settledUntil is the earlier of @until and now: records dated after now are the embargoed ones, read by their last change.
    const window = 'datestamp >= @from AND datestamp <= @settledUntil AND (datestamp, id) > (@afterDatestamp, @afterId)';
    const embargoed = 'datestamp > @now AND modified >= @from AND modified <= @until AND (modified, id) > (@afterDatestamp, @afterId)';
    const inCollection = 'AND EXISTS (SELECT 1 FROM record_collections WHERE collection_id = @collection AND seq = records.seq)';
    const records = (filter: string) => ({
      settled: db.prepare<Record<string, unknown>, RecordRow>(`SELECT * FROM records WHERE ${window} ${filter} ORDER BY datestamp, id LIMIT @limit`),
      embargoed: db.prepare<Record<string, unknown>, RecordRow>(`SELECT * FROM records WHERE ${embargoed} ${filter} ORDER BY modified, id LIMIT @limit`),
    });
    this.#statements = {
      records: records(''),
      collectionRecords: records(inCollection),
      tombstones: db.prepare<Record<string, unknown>, Parameters<typeof toTombstone>[0] & { datestamp: string; id: string }>(
        `SELECT *, deleted_at AS datestamp, record_id AS id FROM tombstones
         WHERE deleted_at >= @from AND deleted_at <= @until AND (deleted_at, record_id) > (@afterDatestamp, @afterId)
         ORDER BY deleted_at, record_id LIMIT @limit`,
      ),
      countRecords: db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM records WHERE datestamp >= @from AND datestamp <= @settledUntil'),
      countEmbargoed: db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM records WHERE datestamp > @now AND modified >= @from AND modified <= @until'),
      countTombstones: db.prepare<Record<string, unknown>, { n: number }>('SELECT count(*) AS n FROM tombstones WHERE deleted_at >= @from AND deleted_at <= @until'),
      countPublic: db.prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM records WHERE datestamp >= @from AND datestamp <= @settledUntil AND ${PUBLIC_AT_NOW_SQL}`,
      ),
    };
  }

  /** Up to `limit` changes in (datestamp, id) order after `after`, as the feed stands at `now`. */
  page(window: ChangeWindow, limit: number, after?: ChangeCursor, now = Date.now()): ChangeEntry[] {
    const params = { ...bounds(window, now), afterDatestamp: after?.datestamp ?? LOWEST, afterId: after?.id ?? LOWEST, limit };
    const record = (row: RecordRow, datestamp: string): ChangeEntry => {
      const stored = toStored(row);
      return { kind: 'record', id: stored.record.id, datestamp, stored };
    };
    const statements = window.collection === undefined ? this.#statements.records : this.#statements.collectionRecords;
    const records = statements.settled.all(params).map((row) => record(row, String(row.datestamp)));
    const embargoed = statements.embargoed.all(params).map((row) => record(row, String(row.modified)));
    const tombstones = this.#statements.tombstones.all(params).map((row): ChangeEntry => ({ kind: 'tombstone', id: row.id, datestamp: row.datestamp, tombstone: toTombstone(row) }));
    return [...records, ...embargoed, ...tombstones].sort(compareEntries).slice(0, limit);
  }

  /** How many changes `window` holds at `now` (of every collection: `window.collection` is not counted). */
  count(window: ChangeWindow, now = Date.now()): number {
    const params = bounds(window, now);
    const { countRecords, countEmbargoed, countTombstones } = this.#statements;
    return (countRecords.get(params)?.n ?? 0) + (countEmbargoed.get(params)?.n ?? 0) + (countTombstones.get(params)?.n ?? 0);
  }

  /**
   * How many records of `window` the public may see at `now`: what a harvester may be told of a
   * list's size before it is read, since counting hidden records or tombstones would tell how many
   * records the public never saw. Reads the rows of the window (the plain `count` reads the index only).
   */
  countPublic(window: ChangeWindow, now = Date.now()): number {
    return this.#statements.countPublic.get(bounds(window, now))?.n ?? 0;
  }
}

/**
 * Where a record stands in the feed at `now`: its datestamp, unless its embargo is still running,
 * when it is its last change (see above).
 */
export function feedDatestamp(stored: Pick<StoredRecord, 'modified' | 'visibility'>, now = Date.now()): string {
  const until = stored.visibility.until;
  return until !== undefined && until > stored.modified && until <= toSecondPrecision(now) ? until : stored.modified;
}

function bounds(window: ChangeWindow, now: number): { from: string; until: string; settledUntil: string; now: string; collection: string | null } {
  const until = window.until ?? HIGHEST;
  const nowStamp = toSecondPrecision(now);
  return { from: window.from ?? LOWEST, until, settledUntil: until < nowStamp ? until : nowStamp, now: nowStamp, collection: window.collection ?? null };
}

function compareEntries(a: ChangeEntry, b: ChangeEntry): number {
  return a.datestamp < b.datestamp ? -1 : a.datestamp > b.datestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
