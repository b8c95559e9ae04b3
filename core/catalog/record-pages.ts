/**
 * The public records of the whole archive in fixed pages of catalog keys, for outputs that list
 * every record (the IIIF archive collection): page n holds the records whose `seq` lies in
 * ((n−1)·size, n·size]. A page is one range read and a page's number never changes as records
 * are added, so a million-record archive costs the same at its first page and its last. A page
 * may hold fewer than `size` records (deleted and hidden ones leave gaps); pages with none are
 * not listed.
 */
import type Database from 'better-sqlite3';
import { toSecondPrecision } from './datestamp.ts';
import type { RecordRow } from './record-columns.ts';
import { toStored, type StoredRecord } from './stored-record.ts';
import { PUBLIC_AT_NOW_SQL } from './visibility.ts';

export class RecordPages {
  readonly #statements;

  /** Only the catalog makes one, on its own connection. */
  constructor(db: Database.Database) {
    this.#statements = {
      firstAfter: db.prepare<{ after: number; now: string }, { seq: number }>(`SELECT seq FROM records WHERE seq > @after AND ${PUBLIC_AT_NOW_SQL} ORDER BY seq LIMIT 1`),
      range: db.prepare<{ after: number; last: number; now: string }, RecordRow>(`SELECT * FROM records WHERE seq > @after AND seq <= @last AND ${PUBLIC_AT_NOW_SQL} ORDER BY seq`),
    };
  }

  /**
   * The numbers (from 1, ascending) of the pages that hold a public record: one indexed probe per
   * such page, each skipping straight to the next public record.
   */
  numbers(size: number, now = Date.now()): number[] {
    const numbers: number[] = [];
    const at = toSecondPrecision(now);
    let after = 0;
    for (;;) {
      const next = this.#statements.firstAfter.get({ after, now: at });
      if (!next) return numbers;
      const page = Math.ceil(next.seq / size);
      numbers.push(page);
      after = page * size;
    }
  }

  /** The public records of page `number`, in catalog order (none for a page out of range). */
  records(number: number, size: number, now = Date.now()): StoredRecord[] {
    return this.#statements.range.all({ after: (number - 1) * size, last: number * size, now: toSecondPrecision(now) }).map(toStored);
  }
}
