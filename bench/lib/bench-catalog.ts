/**
 * Synthetic catalogs for the benchmarks, built once into `bench/out/` and reused while their size
 * and seed match: writing a million records takes minutes, and what the benchmarks measure is
 * reading them. Each holds `size` records from `syntheticRecords` and the 20 collections they name.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Catalog } from '../../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { syntheticRecords } from './synthetic-records.ts';
import { timeMs } from './stats.ts';

export const BENCH_OUT_DIR = path.join(PROJECT_ROOT, 'bench', 'out');
const WRITE_BATCH = 5000;
const COLLECTIONS = 20;

export interface BenchCatalog {
  catalog: Catalog;
  /** The folder holding `catalog.db`, usable as an `ARCHIVE_DATA_DIR`. */
  dir: string;
}

/** The catalog of `size` synthetic records (seed `seed`), built now if it is not in bench/out yet. */
export async function openBenchCatalog(size: number, seed = 1): Promise<BenchCatalog> {
  const dir = benchCatalogDir(size, seed);
  const signature = `bench-catalog-v1:${size}:${seed}`;
  const file = path.join(dir, 'catalog.db');
  if (existsSync(file)) {
    const catalog = Catalog.open(file);
    if (catalog.getMeta('bench_signature') === signature) return { catalog, dir };
    catalog.close();
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const catalog = Catalog.open(file);
  console.log(`building a ${size.toLocaleString('en')}-record catalog in ${path.relative(PROJECT_ROOT, dir)} (once) …`);
  const writeMs = await timeMs(() => writeSynthetic(catalog, size, seed));
  catalog.setMeta('bench_signature', signature);
  console.log(`  written in ${(writeMs / 1000).toFixed(1)} s`);
  return { catalog, dir };
}

/** Writes `count` synthetic records and the collections they name, in large transactions. */
export function writeSynthetic(catalog: Catalog, count: number, seed = 1): void {
  let batch = [];
  for (const record of syntheticRecords(count, seed)) {
    batch.push(record);
    if (batch.length === WRITE_BATCH) (catalog.writeBatch(batch), (batch = []));
  }
  catalog.writeBatch(batch);
  for (let i = 0; i < COLLECTIONS; i++) {
    catalog.upsertCollection({ id: `collection-${i}`, order: i, title_zh: `专题${i}`, title_en: `Collection ${i}`, summary_en: 'Synthetic.', cover: `synthetic-${i}` });
  }
}

/**
 * A private copy of a bench catalog (its file, with the WAL checkpointed into it first), for a
 * benchmark that writes into it; the cached original stays as built.
 */
export function copyBenchCatalog(source: BenchCatalog, targetDir: string): string {
  const db = new Database(source.catalog.file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, 'catalog.db');
  copyFileSync(path.join(source.dir, 'catalog.db'), target);
  return target;
}

function benchCatalogDir(size: number, seed: number): string {
  return path.join(BENCH_OUT_DIR, `catalog-${size}-seed${seed}`);
}
