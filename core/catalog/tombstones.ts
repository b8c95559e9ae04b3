/**
 * What is left of a deleted record: its id, when, why and by whom. A deleted record's URL answers
 * 410 Gone instead of 404, and OAI-PMH reports it as deleted (deletedRecord=persistent).
 */
import type Database from 'better-sqlite3';
import type { WriteContext } from './record-history.ts';

export interface Tombstone {
  recordId: string;
  deletedAt: string;
  reason?: string;
  actor: string;
  importId?: number;
}

interface TombstoneRow {
  record_id: string;
  deleted_at: string;
  reason: string | null;
  actor: string;
  import_id: number | null;
}

export class Tombstones {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      get: db.prepare<[string], TombstoneRow>('SELECT * FROM tombstones WHERE record_id = ?'),
      put: db.prepare('INSERT OR REPLACE INTO tombstones (record_id, deleted_at, reason, actor, import_id) VALUES (?, ?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM tombstones WHERE record_id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tombstones'),
    };
  }

  get(recordId: string): Tombstone | undefined {
    const row = this.#statements.get.get(recordId);
    return row && toTombstone(row);
  }

  /** Call inside the transaction that deletes the record. */
  put(recordId: string, deletedAt: string, reason: string | undefined, context: WriteContext): void {
    this.#statements.put.run(recordId, deletedAt, reason ?? null, context.actor, context.importId ?? null);
  }

  /** A record written again under a deleted id is alive again. */
  remove(recordId: string): void {
    this.#statements.remove.run(recordId);
  }

  count(): number {
    return this.#statements.count.get()?.n ?? 0;
  }
}

export function toTombstone(row: TombstoneRow): Tombstone {
  return {
    recordId: row.record_id,
    deletedAt: row.deleted_at,
    ...(row.reason !== null && { reason: row.reason }),
    actor: row.actor,
    ...(row.import_id !== null && { importId: row.import_id }),
  };
}
