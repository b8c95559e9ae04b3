/** A real catalog file and engine in a fresh temporary data directory, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import type { SearchEngine, SearchQuery } from '../../core/search/types.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

export interface TempArchive {
  dir: string;
  catalog: Catalog;
  engine: SearchEngine;
}

export function makeTempDir(t: ExecutionContext, prefix = 'archive-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function openTempArchive(t: ExecutionContext): TempArchive {
  const dir = makeTempDir(t);
  return { dir, ...openArchiveIn(t, dir) };
}

/** The catalog and embedded engine (made with `options`) of the archive in `dir` (a second process's view of it, say), closed after the test. */
export function openArchiveIn(t: ExecutionContext, dir: string, options: ConstructorParameters<typeof EmbeddedEngine>[1] = {}): { catalog: Catalog; engine: EmbeddedEngine } {
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, options);
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  return { catalog, engine };
}

/**
 * A new archive holding `rows`, indexed by an embedded engine made with `options`, and a raw
 * connection to its file (for reading the FTS5 index as the engine's own modules do); all closed after the test.
 */
export async function openIndexedArchive(t: ExecutionContext, rows: Record<string, unknown>[], options: ConstructorParameters<typeof EmbeddedEngine>[1] = {}) {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, options);
  const db = new Database(catalog.file);
  t.teardown(async () => {
    db.close();
    await engine.close();
    catalog.close();
  });
  await addRecords({ catalog, engine }, rows);
  return { catalog, engine, db };
}

/** Validates raw rows as an importer would (failing the test on a bad one), writes and indexes them. */
export async function addRecords(archive: { catalog: Catalog; engine: SearchEngine }, rows: Record<string, unknown>[]): Promise<ArchiveRecord[]> {
  const records = rows.map((row) => {
    const outcome = validateRecord(row);
    if (!outcome.ok) throw new Error(`test record ${String(row.id)} is invalid: ${JSON.stringify(outcome.problems)}`);
    return outcome.record;
  });
  archive.catalog.writeBatch(records);
  await syncIndex(archive.catalog, archive.engine);
  return records;
}

export function query(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'zh', ...overrides };
}
