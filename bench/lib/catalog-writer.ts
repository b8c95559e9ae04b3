/**
 * A separate process that keeps importing: batches of 1,000 new synthetic records, one
 * transaction each (as ingest writes them), until killed. Prints `batch <n> <ms>` after each
 * commit, for the backup benchmark to measure writers' throughput with and without a backup.
 * Usage: tsx bench/lib/catalog-writer.ts CATALOG_FILE
 */
import { Catalog } from '../../core/catalog/catalog.ts';
import { syntheticRecords } from './synthetic-records.ts';

const BATCH = 1000;
const catalog = Catalog.open(process.argv[2]!);
let batch = [];
let written = 0;
for (const record of syntheticRecords(Number.MAX_SAFE_INTEGER, 7)) {
  batch.push({ ...record, id: `live-${written++}` });
  if (batch.length < BATCH) continue;
  const started = performance.now();
  catalog.writeBatch(batch);
  process.stdout.write(`batch ${written / BATCH} ${(performance.now() - started).toFixed(1)}\n`);
  batch = [];
}
