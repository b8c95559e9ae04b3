/**
 * Tests look inside the catalog file the way an auditor would: through a read-only connection of
 * their own, never through the catalog's handle (which only core/catalog holds).
 */
import Database from 'better-sqlite3';
import type { Catalog } from '../../core/catalog/catalog.ts';

/** The rows `sql` returns from the catalog's file, as committed. */
export function catalogRows<T = Record<string, unknown>>(catalog: Catalog, sql: string, ...params: unknown[]): T[] {
  const db = new Database(catalog.file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function countRows(catalog: Catalog, table: string): number {
  return catalogRows<{ n: number }>(catalog, `SELECT count(*) AS n FROM ${table}`)[0]!.n;
}
