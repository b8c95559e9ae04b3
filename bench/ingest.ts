/**
 * `npm run bench:ingest [-- 25000 100000]`: rows/s and peak memory of a full ingest (validate,
 * catalog, index) of synthetic CSV files without images, next to the bare csv-parse read of the
 * same file measured in the same run. Memory is compared across sizes to show it does not grow
 * with the file.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { Catalog } from '../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { benchDryRun, benchReadScaling } from './lib/read-scaling.ts';
import { writeSyntheticCsv } from './lib/synthetic-csv.ts';
import { mb, printTable, timeMs, trackPeakRss } from './lib/stats.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);

async function benchSize(rows: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
  try {
    const file = path.join(dir, 'records.csv');
    await writeSyntheticCsv(file, rows, 7);
    const parseMs = await timeMs(async () => {
      for await (const _ of createReadStream(file).pipe(parse({ bom: true }))) void _;
    });
    global.gc?.();
    const catalog = Catalog.open(path.join(dir, 'catalog.db'));
    const engine = new EmbeddedEngine(catalog);
    const memory = trackPeakRss();
    const rssBefore = process.memoryUsage().rss;
    let result;
    const ingestMs = await timeMs(async () => (result = await runIngest({ catalog, engine, paths: [file] })));
    const peak = memory.stop();
    const totals = result!.report.totals();
    if (totals.created !== rows) throw new Error(`expected ${rows} created, got ${JSON.stringify(totals)}`);
    const rerunMs = await timeMs(() => runIngest({ catalog, engine, paths: [file] }));
    catalog.close();
    return {
      rows,
      'ingest rows/s': Math.round(rows / (ingestMs / 1000)),
      'ingest time': `${(ingestMs / 1000).toFixed(1)} s`,
      'baseline: csv-parse rows/s': Math.round(rows / (parseMs / 1000)),
      'ingest ÷ parse time': `${(ingestMs / parseMs).toFixed(1)}×`,
      're-run (unchanged) rows/s': Math.round(rows / (rerunMs / 1000)),
      'RSS before': mb(rssBefore),
      'peak RSS': mb(peak),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const rows of SIZES.length > 0 ? SIZES : [25_000, 100_000]) results.push(await benchSize(rows));
console.log('Full ingest = encoding check + structural pass + validate + catalog upsert (1,000-row transactions) + FTS index sync.');
printTable(results);

// Reading must be linear in the file's size whatever its line lengths (bench/lib/read-scaling.ts).
console.log('\nRead time vs file size: the same records minified (the whole file one line) and pretty-printed (short lines).');
printTable(await benchReadScaling([25_000, 50_000, 100_000]));
console.log('\nDry run (read + validate + compare with the catalog) of 100,000 records as one-line and as pretty-printed JSON.');
printTable([await benchDryRun(100_000)]);
