/**
 * Time to read an import file against its size, for short lines and for very long ones, so a
 * reader that is quadratic in a line's length shows at once: the same records as a pretty-printed
 * JSON array (one short line per field) and minified (the whole file one line), at growing sizes.
 * "Read" is what every import does before validating a row: the UTF-8 check, the structural pass
 * that counts rows, and the read itself.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Catalog } from '../../core/catalog/catalog.ts';
import { assertUtf8 } from '../../ingest/read/check-encoding.ts';
import { readJson } from '../../ingest/read/read-json.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { timeMs } from './stats.ts';
import { syntheticRecords } from './synthetic-records.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function readLikeAnImport(file: string): Promise<number> {
  return timeMs(async () => {
    await assertUtf8(file);
    for (let pass = 0; pass < 2; pass++) for await (const _ of readJson(file)) void _;
  });
}

function writeJson(dir: string, count: number): { pretty: string; minified: string } {
  const records = [...syntheticRecords(count, 11)].map(({ images: _images, ...record }) => record);
  const pretty = path.join(dir, `records-${count}-pretty.json`);
  const minified = path.join(dir, `records-${count}-minified.json`);
  writeFileSync(pretty, JSON.stringify(records, null, 2));
  writeFileSync(minified, JSON.stringify(records));
  return { pretty, minified };
}

/** One row per size: read times of both shapes, their ratio, and throughput. */
export async function benchReadScaling(counts: readonly number[]): Promise<Record<string, string | number>[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-read-'));
  try {
    const rows = [];
    for (const count of counts) {
      const files = writeJson(dir, count);
      const shortMs = await readLikeAnImport(files.pretty);
      const longMs = await readLikeAnImport(files.minified);
      const mbOf = (file: string) => statSync(file).size / 1024 / 1024;
      rows.push({
        records: count,
        'one-line file': `${mbOf(files.minified).toFixed(0)} MB`,
        'read, one line': seconds(longMs),
        'MB/s, one line': Math.round(mbOf(files.minified) / (longMs / 1000)),
        'baseline: pretty file': `${mbOf(files.pretty).toFixed(0)} MB`,
        'read, short lines': seconds(shortMs),
        'MB/s, short lines': Math.round(mbOf(files.pretty) / (shortMs / 1000)),
        'one line ÷ short lines (per MB)': `${(longMs / mbOf(files.minified) / (shortMs / mbOf(files.pretty))).toFixed(2)}×`,
      });
      rmSync(files.pretty);
      rmSync(files.minified);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A whole dry run (read, validate, compare with the catalog) of both shapes of `count` records. */
export async function benchDryRun(count: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-dry-run-'));
  try {
    const files = writeJson(dir, count);
    const catalog = Catalog.open(path.join(dir, 'catalog.db'));
    const dryRun = (file: string) => timeMs(() => runIngest({ catalog, paths: [file], dryRun: true }));
    const longMs = await dryRun(files.minified);
    const shortMs = await dryRun(files.pretty);
    catalog.close();
    return { records: count, 'dry run, one-line JSON': seconds(longMs), 'baseline: dry run, pretty JSON': seconds(shortMs), ratio: `${(longMs / shortMs).toFixed(2)}×` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
